import { expect } from 'chai';
import { decide } from '../../../harness/gate/verdict.ts';
import type { QuirkParity } from '../../../harness/results/types.ts';

const byClass = { 'new-divergence': 0, 'known-quirk': 0, waived: 0, crash: 0, timeout: 0, error: 0, pass: 3 };
const quirk = (status: QuirkParity['status'], required = true): QuirkParity => ({ quirk: 'q', required, tags: [], status, scenario: 'scenarios/quirks/q.yaml' });
const base = { byClass, allowDivergences: 0, waivers: [], strict: false, interrupted: false };

describe('harness/gate verdict', () => {
  it('is go when every required quirk is reproduced or waived', () => {
    expect(decide({ ...base, quirks: [quirk('reproduced'), quirk('waived'), quirk('diverges', false)] }).verdict).to.equal('go');
  });

  it('is no-go when a required quirk diverges, or was never exercised by an unsharded gate', () => {
    expect(decide({ ...base, quirks: [quirk('diverges')] }).reasons[0]).to.contain('required quirk q is not reproduced');
    expect(decide({ ...base, quirks: [quirk('not-exercised')] }).reasons[0]).to.contain('was not exercised');
  });

  it('leaves quirks exercised by other shards to the merge', () => {
    expect(decide({ ...base, quirks: [quirk('not-exercised')], partial: true }).verdict).to.equal('go');
  });

  it('allows new divergences up to the wave allowance, and ranks crashes above everything', () => {
    expect(decide({ ...base, quirks: [], byClass: { ...byClass, 'new-divergence': 1 }, allowDivergences: 1 }).verdict).to.equal('go');
    expect(decide({ ...base, quirks: [], byClass: { ...byClass, 'new-divergence': 2, crash: 1 }, allowDivergences: 1 }).exitClass).to.equal(3);
  });
});
