import { expect } from 'chai';
import { padded } from './paddedStream.ts';
import { join } from 'node:path';
import { loadHostAssets } from '../../../harness/assets/hostAssets.ts';
import { loadAdapter } from '../../../harness/engines/registry.ts';
import { minimize, MinimizeError } from '../../../harness/minimize/minimize.ts';
import { LEGACY, MUTANT } from '../fuzz/helpers.ts';
import { SCENARIO_ASSETS_DIR } from '../../../harness/assets/paths.ts';


describe('harness/minimize minimize', function () {
  this.timeout(60_000);
  let context: Parameters<typeof minimize>[1];

  before(async () => {
    context = {
      engines: { reference: await loadAdapter(LEGACY), candidate: await loadAdapter(MUTANT) },
      assets: loadHostAssets({ checker: join(SCENARIO_ASSETS_DIR, 'checker-16.png') }),
    };
  });

  it('reduces a hand-written diverging stream to a 1-minimal one with the same fingerprint and names the first diverging step', async () => {
    const r = await minimize({ steps: padded, viewport: { width: 64, height: 48 } }, context);
    expect(r.steps.length).to.be.lessThan(padded.length);
    expect(r.minimality.oneMinimal).to.equal(true);
    expect(r.minimality.checked).to.equal(r.steps.length);
    expect(r.complete).to.equal(true);
    expect(r.divergence.fingerprint).to.equal(r.fingerprint);
    expect(r.steps[r.firstDivergingStep]).to.deep.include({ op: 'set', prop: 'padding' });
    expect(r.shrunkSteps).to.equal(padded.length); // no fast-check stage without a seed
  });

  it('gives the same result every time (within budget it is a pure function of its input)', async () => {
    const a = await minimize({ steps: padded, viewport: { width: 64, height: 48 } }, context);
    const b = await minimize({ steps: padded, viewport: { width: 64, height: 48 } }, context);
    expect(b.steps).to.deep.equal(a.steps);
  });

  it('refuses a stream that does not diverge, or diverges with another fingerprint', async () => {
    const passing = padded.filter((c) => !(c.op === 'set' && c.prop === 'padding'));
    await minimize({ steps: passing, viewport: { width: 64, height: 48 } }, context).then(
      () => expect.fail('expected a MinimizeError'),
      (e) => expect(e).to.be.instanceOf(MinimizeError).and.have.property('message').that.matches(/does not diverge/),
    );
    await minimize({ steps: padded, viewport: { width: 64, height: 48 }, fingerprint: '000000000000' }, context).then(
      () => expect.fail('expected a MinimizeError'),
      (e) => expect(e).to.be.instanceOf(MinimizeError).and.have.property('message').that.matches(/expected the stream to diverge with identity 000000000000/),
    );
  });

  it('stops at its budget and keeps a stream that still diverges', async () => {
    const r = await minimize({ steps: padded, viewport: { width: 64, height: 48 } }, context, { maxCalls: 3 });
    expect(r.complete).to.equal(false);
    expect(r.divergence.fingerprint).to.equal(r.fingerprint);
  });
});
