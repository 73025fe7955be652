/**
 * `parity fuzz --target chromium`: the streams are generated in Node from the same
 * (seed, run) as on node, the differential cases run in a browser page, and a find is
 * minimized, written and replayable on node as on the node target. One browser for the
 * whole file.
 */
import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { loadHostAssets } from '../../harness/assets/hostAssets.ts';
import { loadAdapter } from '../../harness/engines/registry.ts';
import { DEFAULT_COVERAGE } from '../../harness/fuzz/coverageSample.ts';
import { fuzzOnChromium } from '../../harness/fuzz/fuzzOnChromium.ts';
import { FuzzPool } from '../../harness/fuzz/fuzzPool.ts';
import { runFuzz } from '../../harness/fuzz/runFuzz.ts';
import { loadScenarioSync } from '../../harness/protocol/scenario.ts';
import { compareOptionsFor } from '../../harness/run/loadCases.ts';
import { runCase } from '../../harness/run/runCase.ts';
import { replaySteps } from '../../harness/run/replaySteps.ts';
import { ChromiumTarget } from '../../harness/targets/chromium/ChromiumTarget.ts';
import { tempRegressions, testConfig } from '../harness/fuzz/helpers.ts';

const config = testConfig();
const LEGACY = { builtin: 'legacy-js' } as const;
const WASM = { builtin: 'wasm' } as const;
const OFF = { 'visible-string-truthy': false } as const;
const yamlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []);

describe('parity fuzz --target chromium', function () {
  this.timeout(40_000);
  let target: ChromiumTarget;
  const chromium = () => Promise.resolve(target);

  before(async () => {
    target = await ChromiumTarget.launch();
  });

  after(async () => {
    await target?.close();
  });

  it('finds nothing with legacy-js vs wasm on a small budget, and reports health, coverage and the target', async () => {
    const dir = tempRegressions();
    const r = await runFuzz({ config, reference: LEGACY, candidate: WASM, seed: 5, budget: { runs: 60 }, regressionsDir: dir, target: 'chromium', chromium });
    expect(r.target).to.equal('chromium');
    expect(r.runs).to.equal(60);
    expect(r.diverged).to.equal(0);
    expect(r.findings).to.deep.equal([]);
    expect(r.workers).to.equal(target.pageCount);
    expect(r.health.runs).to.equal(60);
    expect(r.health.coverage.sampledRuns).to.equal(60);
    expect(Object.values(r.health.coverage.hits).some((n) => n > 0)).to.equal(true);
    expect(r.timing.engineMs).to.be.greaterThan(0);
    expect(yamlFiles(dir)).to.deep.equal([]);
  });

  it('finds a divergence with a compat flag off, minimizes it, and its reproducer replays on the node target too', async () => {
    const dir = tempRegressions();
    const r = await runFuzz({ config, reference: LEGACY, candidate: WASM, seed: 3, budget: { runs: 40 }, candidateQuirks: OFF, knownQuirks: {}, regressionsDir: dir, target: 'chromium', chromium, maxMinimize: 2 });
    expect(r.findings.length).to.be.greaterThan(0);
    expect(yamlFiles(dir)).to.deep.equal(r.findings.map((f) => `${f.fingerprint}.yaml`).sort());
    const reference = await loadAdapter(LEGACY);
    const candidate = await loadAdapter(WASM);
    for (const f of r.findings.filter((x) => x.minimized)) {
      expect(f.minimized, f.fingerprint).to.not.equal(undefined);
      expect(f.minimized!.minimality.oneMinimal).to.equal(true);
      expect(f.minimizedOn).to.equal('node');
      expect(f.case).to.include({ id: `fuzz:${f.fingerprint}`, status: 'divergence' });
      expect(f.case.divergences.map((d) => d.fingerprint)).to.include(f.fingerprint);
      expect(f.replay).to.match(new RegExp(`--quirk-off visible-string-truthy --target chromium --divergence ${f.fingerprint}$`));
      const s = loadScenarioSync(f.file!);
      expect(s.provenance).to.include({ fingerprint: f.fingerprint, seed: 3, run: f.runs[0], target: 'chromium', minimizedOn: 'node', oneMinimal: true });
      const replay = await replaySteps(s.steps, s.viewport, loadHostAssets(s.assets), { reference, candidate, candidateQuirks: OFF });
      expect(replay.firstDivergingStep).to.equal(s.provenance!.firstDivergingStep);
      const input = { id: s.id, title: s.title, source: { kind: 'scenario', file: f.file! } as const, viewport: s.viewport, steps: s.steps };
      const { divergences } = await runCase(input, loadHostAssets(s.assets), { reference, candidate, candidateQuirks: OFF });
      expect(divergences.map((d) => d.fingerprint), 'the reproducer shows its identity on node').to.include(f.fingerprint);
    }
  });

  it('explores the same streams with the same verdicts as the node target for the same seed', async () => {
    const job = { seed: 7, plan: { list: Array.from({ length: 48 }, (_, i) => i) }, candidateQuirks: OFF } as const;
    const compare = compareOptionsFor(config);
    const pool = await FuzzPool.open({ reference: LEGACY, candidate: WASM, baseDir: config.baseDir, streamOptions: {}, compare, coverage: DEFAULT_COVERAGE }, { workers: 2 });
    const onNode = await pool.run(job).finally(() => pool.close());
    const inPage = await fuzzOnChromium(target, { ...job, engines: { reference: 'legacy-js', candidate: 'wasm' }, coverage: DEFAULT_COVERAGE, compare });
    expect(inPage.runs).to.equal(onNode.runs);
    expect(inPage.health).to.deep.equal(onNode.health);
    expect(onNode.divergences.length).to.be.greaterThan(0);
    expect(inPage.divergences).to.deep.equal(onNode.divergences);
  });
});
