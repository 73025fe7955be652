import { expect } from 'chai';
import type { CaseResult, Classification, FuzzSummary, QuirkParity } from '../../../harness/results/types.ts';
import { decide } from '../../../harness/results/verdict.ts';
import type { GatePolicy } from '../../../harness/results/verdict.ts';

const timing = { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: 0 };
const crash = { kind: 'crash', engine: 'candidate', message: 'x', step: 1, checkpoint: 'a', fingerprint: 'cccccccccccc', signature: 'crash' };
function caseOf(id: string, status: CaseResult['status'], o: { classification?: Classification; fingerprints?: string[] } = {}): CaseResult {
  const divergences = (o.fingerprints ?? []).map((fingerprint) => ({ ...crash, fingerprint })) as unknown as CaseResult['divergences'];
  return { id, title: id, source: { kind: 'scenario', file: `${id}.yaml` }, status, steps: 1, checkpoints: 1, divergences, timing, ...(o.classification ? { classification: o.classification } : {}) };
}
const passes = [caseOf('p1', 'pass'), caseOf('p2', 'pass'), caseOf('p3', 'pass')];
const quirk = (status: QuirkParity['status'], required = true): QuirkParity => ({ quirk: 'q', required, tags: [], status, scenario: 'scenarios/quirks/q.yaml' });
const policy: GatePolicy = { allowDivergences: 0, waivers: [], quirks: [], strict: false };
const gate = (p: Partial<GatePolicy>, cases: CaseResult[] = passes) => decide({ kind: 'gate', cases, interrupted: false, policy: { ...policy, ...p } });
const divergence = (id: string, fp: string, classification?: Classification) => caseOf(id, 'divergence', { fingerprints: [fp], ...(classification ? { classification } : {}) });

describe('harness/results verdict', () => {
  it('says pass, go and ok with exit 0 when nothing counts against the run', () => {
    expect(decide({ kind: 'run', cases: passes, interrupted: false })).to.include({ word: 'pass', exitClass: 0 });
    expect(gate({})).to.include({ word: 'go', exitClass: 0 });
    expect(decide({ kind: 'fuzz', cases: [], interrupted: false })).to.include({ word: 'ok', exitClass: 0 });
  });

  it('ranks exit classes: crash over input error over divergence over pass', () => {
    const run = (cases: CaseResult[]) => decide({ kind: 'run', cases, interrupted: false }).exitClass;
    expect(run([...passes, divergence('d', 'aaaaaaaaaaaa')])).to.equal(1);
    expect(run([caseOf('e', 'error'), divergence('d', 'aaaaaaaaaaaa')])).to.equal(2);
    expect(run([caseOf('e', 'error'), caseOf('t', 'timeout')])).to.equal(3);
    expect(decide({ kind: 'run', cases: passes, interrupted: false, determinism: { sampled: ['p1'], nondeterministic: ['p1'] } }).exitClass).to.equal(3);
  });

  it('is never a pass when interrupted: exit 3 with "interrupted: N of M done"', () => {
    const v = decide({ kind: 'gate', cases: passes, planned: 10, interrupted: true, policy });
    expect(v).to.include({ word: 'no-go', exitClass: 3 });
    expect(v.reasons[0]).to.match(/^interrupted: 3 of 10 done/);
    expect(decide({ kind: 'run', cases: passes, interrupted: true }).reasons[0]).to.match(/^interrupted: 3 of 3 done/);
    expect(decide({ kind: 'fuzz', cases: [], interrupted: true }).word).to.equal('failed');
  });

  it('is go when every required quirk is reproduced or waived', () => {
    expect(gate({ quirks: [quirk('reproduced'), quirk('waived'), quirk('diverges', false)] }).word).to.equal('go');
  });

  it('is no-go when a required quirk diverges, or was never exercised by an unsharded gate', () => {
    expect(gate({ quirks: [quirk('diverges')] }).reasons[0]).to.contain('required quirk q is not reproduced');
    expect(gate({ quirks: [quirk('not-exercised')] }).reasons[0]).to.contain('was not exercised');
  });

  it('leaves quirks exercised by other shards to the merge', () => {
    expect(gate({ quirks: [quirk('not-exercised')], partial: true }).word).to.equal('go');
  });

  it('allows new divergences up to the wave allowance as skipped, and ranks crashes above everything', () => {
    const allowed = gate({ allowDivergences: 1 }, [...passes, divergence('d', 'aaaaaaaaaaaa')]);
    expect(allowed.word).to.equal('go');
    expect(allowed.counts).to.deep.include({ allowed: 1, outcomes: { failures: 0, errors: 0, skipped: 1, passed: 3 } });
    const crashed = gate({ allowDivergences: 1 }, [divergence('d', 'aaaaaaaaaaaa'), divergence('e', 'bbbbbbbbbbbb'), caseOf('c', 'crash', { fingerprints: ['cccccccccccc'] })]);
    expect(crashed.exitClass).to.equal(3);
    expect(crashed.counts.outcomes).to.deep.equal({ failures: 2, errors: 1, skipped: 0, passed: 0 });
  });

  it('counts cases by class and distinct fingerprints by class', () => {
    const v = gate({}, [
      divergence('a', 'aaaaaaaaaaaa'), divergence('b', 'aaaaaaaaaaaa'), divergence('c', 'bbbbbbbbbbbb'),
      divergence('k', 'dddddddddddd', 'known-quirk'), divergence('w', 'dddddddddddd', 'waived'), caseOf('e', 'error'), ...passes,
    ]);
    expect(v.counts.cases).to.deep.include({ 'new-divergence': 3, 'known-quirk': 1, waived: 1, error: 1, pass: 3 });
    expect(v.counts.identities).to.deep.include({ 'new-divergence': 2, 'known-quirk': 1, waived: 1, error: 0, pass: 0 });
    expect(v.counts.outcomes).to.deep.equal({ failures: 3, errors: 1, skipped: 2, passed: 3 });
  });

  it('keeps fuzz runs apart from fuzz identities', () => {
    const fuzz: FuzzSummary = {
      seed: 1, budget: { runs: 300 }, planned: 300, runs: 300, passed: 286, diverged: 14, knownRuns: 0,
      knownFingerprints: [], newFingerprints: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb', 'cccccccccccc'],
      stats: { medianLength: 0, invalidShare: 0, medianCheckpoints: 0, commands: 0, invalid: 0, lengths: {}, checkpointCounts: {} },
    };
    const v = decide({ kind: 'fuzz', cases: [divergence('fuzz:a', 'aaaaaaaaaaaa')], interrupted: false, fuzz });
    expect(v).to.include({ word: 'new divergences', exitClass: 1 });
    expect(v.counts.fuzz).to.deep.equal({ runs: { planned: 300, done: 300, passed: 286, diverged: 14, known: 0, new: 14 }, identities: { known: 0, new: 3 } });
  });
});
