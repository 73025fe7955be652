import { expect } from 'chai';
import { padded } from './paddedStream.ts';
import { join } from 'node:path';
import { SCENARIO_ASSETS_DIR } from '../../../harness/assets/paths.ts';
import { loadHostAssets } from '../../../harness/assets/hostAssets.ts';
import { loadAdapter } from '../../../harness/engines/registry.ts';
import type { EngineSpec } from '../../../harness/engines/registry.ts';
import { runFuzz } from '../../../harness/fuzz/runFuzz.ts';
import { minimize, MinimizeError } from '../../../harness/minimize/minimize.ts';
import { minimizeInWorker } from '../../../harness/minimize/minimizeInWorker.ts';
import { LEGACY, MUTANT, root, tempRegressions, testConfig } from '../fuzz/helpers.ts';

const HANGING: EngineSpec = { module: join(root, 'test/fixtures/engines/hangingMutant.ts') };
const images = new Map([['checker', join(SCENARIO_ASSETS_DIR, 'checker-16.png')]]);
const viewport = { width: 64, height: 48 };


const withoutTiming = <T extends { timing: unknown }>(r: T) => ({ ...r, timing: undefined });

describe('harness/minimize minimizeInWorker', function () {
  this.timeout(120_000);

  it('gives the same result as minimize() in-process', async () => {
    const inProcess = await minimize({ steps: padded, viewport }, {
      engines: { reference: await loadAdapter(LEGACY), candidate: await loadAdapter(MUTANT) }, assets: loadHostAssets(images),
    });
    const inWorker = await minimizeInWorker({ steps: padded, viewport }, { reference: LEGACY, candidate: MUTANT, baseDir: root, images });
    expect(withoutTiming(inWorker)).to.deep.equal(withoutTiming(inProcess));
  });

  it('passes on minimize()\'s own errors as MinimizeErrors', async () => {
    const passing = padded.filter((c) => !(c.op === 'set' && c.prop === 'padding'));
    await minimizeInWorker({ steps: passing, viewport }, { reference: LEGACY, candidate: MUTANT, baseDir: root, images }).then(
      () => expect.fail('expected a MinimizeError'),
      (e) => expect(e).to.be.instanceOf(MinimizeError).and.have.property('message').that.matches(/does not diverge/),
    );
  });

  it('stops an engine that hangs on a reduced stream within the budget plus the per-case limit, and says so', async () => {
    const started = performance.now();
    await minimizeInWorker({ steps: padded, viewport }, { reference: LEGACY, candidate: HANGING, baseDir: root, images }, { timeMs: 1_000, timeoutMs: 1_000 }).then(
      () => expect.fail('expected a MinimizeError'),
      (e) => expect(e).to.be.instanceOf(MinimizeError).and.have.property('message').that.matches(/engine hung during minimization: no result within 2000 ms/),
    );
    // the limit counts from when the engines are loaded; loading takes a moment
    expect(performance.now() - started).to.be.lessThan(2_000 + 10_000);
  });

  it('lets runFuzz file a find whose minimization hangs, unminimized, and finish', async () => {
    const candidate = { ...HANGING, options: { steps: 30, tick: false } }; // longer than the reductions of generated streams
    const dir = tempRegressions();
    const r = await runFuzz({
      config: testConfig(), reference: LEGACY, candidate, seed: 11, budget: { runs: 20 }, regressionsDir: dir,
      minimizeTimeMs: 1_000, timeoutMs: 1_000,
    });
    const hung = r.findings.filter((f) => f.note?.includes('the engine hung during minimization'));
    expect(r.runs).to.equal(20);
    expect(hung.length, JSON.stringify(r.findings.map((f) => f.note))).to.be.greaterThan(0);
    for (const f of hung) {
      expect(f.minimized).to.equal(undefined);
      expect(f.note).to.match(/^not minimized: /);
      expect(f.file).to.be.a('string');
      expect(f.case.status).to.equal('divergence');
    }
  });
});
