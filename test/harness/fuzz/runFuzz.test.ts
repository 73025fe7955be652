import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadHostAssets } from '../../../harness/assets/hostAssets.ts';
import { loadAdapter } from '../../../harness/engines/registry.ts';
import { regressionFingerprint } from '../../../harness/fuzz/knownFingerprints.ts';
import { formatFuzzReport } from '../../../harness/fuzz/formatFuzzReport.ts';
import { fuzzSummary, runFuzz } from '../../../harness/fuzz/runFuzz.ts';
import type { FuzzReport } from '../../../harness/fuzz/runFuzz.ts';
import { loadScenarioSync } from '../../../harness/protocol/scenario.ts';
import { replaySteps } from '../../../harness/run/replaySteps.ts';
import { runCase } from '../../../harness/run/runCase.ts';
import { decide } from '../../../harness/results/verdict.ts';
import { FAULTY_HANGS, LEGACY, MUTANT, tempRegressions, testConfig } from './helpers.ts';

const config = testConfig();
const yamlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []);
/** A report without what legitimately changes between runs (timing, and the engines' identity line stays). */
const verdicts = (r: FuzzReport) => ({
  runs: r.runs, diverged: r.diverged, known: r.known, health: r.health,
  findings: r.findings.map((f) => ({ fingerprint: f.fingerprint, runs: f.runs, steps: f.minimized?.steps, oneMinimal: f.minimized?.minimality, case: { ...f.case, timing: undefined } })),
});

describe('harness/fuzz runFuzz', function () {
  this.timeout(120_000);

  it('finds nothing when both sides are the legacy engine, and reports health and coverage', async () => {
    const dir = tempRegressions();
    const r = await runFuzz({ config, reference: LEGACY, candidate: { builtin: 'legacy-js-worker' }, seed: 5, budget: { runs: 40 }, regressionsDir: dir });
    expect(r.runs).to.equal(40);
    expect(r.diverged).to.equal(0);
    expect(r.findings).to.deep.equal([]);
    expect(r.health.medianLength).to.be.greaterThan(5);
    expect(r.health.medianCheckpoints).to.be.greaterThan(0);
    expect(r.health.coverage.sampledRuns).to.equal(40);
    expect(Object.values(r.health.coverage.hits).some((n) => n > 0)).to.equal(true);
    expect(r.timing.engineMs).to.be.greaterThan(0);
    expect(yamlFiles(dir)).to.deep.equal([]);
  });

  describe('against a mutant engine (padding off by one)', () => {
    const dir = tempRegressions();
    let first: FuzzReport;

    before(async () => {
      first = await runFuzz({ config, reference: LEGACY, candidate: MUTANT, seed: 11, budget: { runs: 60 }, regressionsDir: dir, maxMinimize: 2, minimizeTimeMs: 120_000, minimizeCalls: 150 });
    });

    it('files each new identity once, the first (maxMinimize) minimized to small 1-minimal reproducers, the rest saying why not', () => {
      expect(first.findings.length).to.be.greaterThan(0);
      expect(new Set(first.findings.map((f) => f.fingerprint)).size).to.equal(first.findings.length);
      const minimized = first.findings.filter((f) => f.minimized);
      expect(minimized.length).to.equal(Math.min(2, first.findings.length));
      for (const f of first.findings.filter((x) => !x.minimized)) expect(f.note).to.match(/not minimized: more than 2 minimizations/);
      for (const f of first.findings) {
        expect(f.case.id).to.equal(`fuzz:${f.fingerprint}`);
        expect(f.case.divergences.map((d) => d.fingerprint), 'the filed case shows its identity').to.include(f.fingerprint);
      }
      for (const f of minimized) {
        expect(f.minimized!.minimality.oneMinimal).to.equal(true);
        expect(f.minimized!.steps.length).to.be.at.most(10);
        expect(f.case.id).to.equal(`fuzz:${f.fingerprint}`);
        expect(f.case.source).to.include({ kind: 'fuzz', seed: 11, run: f.runs[0] });
        expect(f.case.status).to.equal('divergence');
        expect(f.replay).to.match(/^npx parity replay \S+\.yaml --candidate /);
      }
      expect(yamlFiles(dir)).to.deep.equal(first.findings.map((f) => `${f.fingerprint}.yaml`).sort());
    });

    it('writes files that parse, carry their provenance, and reproduce their identity', async () => {
      const reference = await loadAdapter(LEGACY);
      const candidate = await loadAdapter(MUTANT);
      for (const f of first.findings.filter((x) => x.minimized)) {
        const s = loadScenarioSync(f.file!);
        expect(s.id).to.equal(`regression-${f.fingerprint}`);
        expect(s.provenance).to.include({ tool: 'parity fuzz', fingerprint: f.fingerprint, seed: 11, run: f.runs[0], oneMinimal: true, removalsReproducing: 0 });
        expect(s.provenance, 'the engine pair as named').to.include({ referenceName: 'legacy-js', candidateName: (MUTANT as { module: string }).module, candidateQuirks: 'all on' });
        expect(f.regression).to.deep.equal({ action: 'written', file: f.file });
        expect(s.provenance!.steps).to.equal(s.steps.length);
        expect(regressionFingerprint(f.file!)).to.equal(f.fingerprint);
        const replay = await replaySteps(s.steps, s.viewport, loadHostAssets(s.assets), { reference, candidate });
        expect(replay.firstDivergingStep).to.equal(s.provenance!.firstDivergingStep);
        const input = { id: s.id, title: s.title, source: { kind: 'scenario', file: f.file! } as const, viewport: s.viewport, steps: s.steps };
        const { divergences } = await runCase(input, loadHostAssets(s.assets), { reference, candidate });
        expect(divergences.map((d) => d.fingerprint)).to.include(f.fingerprint);
      }
    });

    it('matches known identities on the next run instead of filing them again', async () => {
      const before = Object.fromEntries(yamlFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
      const again = await runFuzz({ config, reference: LEGACY, candidate: MUTANT, seed: 11, budget: { runs: 60 }, regressionsDir: dir, maxMinimize: 2, minimizeTimeMs: 120_000, minimizeCalls: 150 });
      expect(again.findings).to.deep.equal([]);
      expect(again.knownRuns).to.equal(first.diverged);
      expect(again.known.every((k) => k.by === 'regression')).to.equal(true);
      expect(Object.fromEntries(yamlFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]))).to.deep.equal(before);
    });

    it('never overwrites a reproducer of another find: it writes <fingerprint>-2.yaml beside it and says so', async () => {
      const other = tempRegressions();
      mkdirSync(other, { recursive: true });
      const [f] = first.findings;
      // a file named for this find that holds another one (how issue 11 lost a reproducer)
      const planted = readFileSync(f.file!, 'utf8').replace(new RegExp(`fingerprint: "?${f.fingerprint}"?\n`), 'fingerprint: "bbbbbbbbbbbb"\n');
      expect(planted).to.contain('fingerprint: "bbbbbbbbbbbb"');
      writeFileSync(join(other, `${f.fingerprint}.yaml`), planted);
      const r = await runFuzz({ config, reference: LEGACY, candidate: MUTANT, seed: 11, budget: { runs: 60 }, regressionsDir: other, workers: 1, maxMinimize: 2, minimizeTimeMs: 120_000, minimizeCalls: 150 });
      const again = r.findings.find((x) => x.fingerprint === f.fingerprint)!;
      expect(again.regression).to.include({ action: 'written-beside', file: join(other, `${f.fingerprint}-2.yaml`), beside: join(other, `${f.fingerprint}.yaml`) });
      expect(again.replay).to.match(new RegExp(`^npx parity replay \\S+/${f.fingerprint}-2\\.yaml `));
      expect(readFileSync(join(other, `${f.fingerprint}.yaml`), 'utf8')).to.equal(planted);
      expect(loadScenarioSync(again.file!).provenance).to.include({ fingerprint: f.fingerprint });
      expect(formatFuzzReport(r, decide({ kind: 'fuzz', cases: r.findings.map((x) => x.case), interrupted: false, fuzz: fuzzSummary(r) }))).to.contain(`holds the reproducer of fingerprint bbbbbbbbbbbb: left it untouched and wrote`);
    });

    it('writes byte-identical files and the same verdicts when run again with the same seed', async () => {
      const other = tempRegressions();
      const twice = await runFuzz({ config, reference: LEGACY, candidate: MUTANT, seed: 11, budget: { runs: 60 }, regressionsDir: other, workers: 1, maxMinimize: 2, minimizeTimeMs: 120_000, minimizeCalls: 150 });
      expect(verdicts(twice)).to.deep.equal(verdicts(first));
      expect(yamlFiles(other)).to.deep.equal(yamlFiles(dir));
      for (const f of yamlFiles(dir)) expect(readFileSync(join(other, f), 'utf8'), f).to.equal(readFileSync(join(dir, f), 'utf8'));
    });

    it('runs exactly a slice of the unsharded runs per shard: the shards together find the same divergences', async () => {
      const shards = await Promise.all([1, 2].map((index) => runFuzz({ config, reference: LEGACY, candidate: MUTANT, seed: 11, budget: { runs: 60 }, shard: { index, count: 2 }, regressionsDir: tempRegressions(), write: false, workers: 1, maxMinimize: 0 })));
      expect(shards[0].runs + shards[1].runs).to.equal(60);
      const runsOf = (r: FuzzReport) => r.findings.flatMap((f) => f.runs);
      expect([...runsOf(shards[0]), ...runsOf(shards[1])].sort((a, b) => a - b)).to.deep.equal(runsOf(first).sort((a, b) => a - b));
      expect(shards[0].health.runs + shards[1].health.runs).to.equal(first.health.runs);
      expect(shards.map((s) => s.findings.map((f) => f.runs[0] % 2))).to.deep.equal([shards[0].findings.map(() => 0), shards[1].findings.map(() => 1)]);
    });
  });

  it('files a second bug of the candidate as new while the first one is saved (known means the same cause)', async () => {
    const mutant = (prop: string) => ({ module: (MUTANT as { module: string }).module, options: { prop, name: 'mutant' } });
    const dir = tempRegressions();
    const saved = await runFuzz({ config, reference: LEGACY, candidate: mutant('padding'), seed: 11, budget: { runs: 60 }, regressionsDir: dir, maxMinimize: 0 });
    expect(saved.findings.length).to.be.greaterThan(0);
    const both = await runFuzz({ config, reference: LEGACY, candidate: mutant('padding,gap'), seed: 11, budget: { runs: 60 }, regressionsDir: dir, write: false, maxMinimize: 0 });
    expect(both.knownRuns, 'runs showing only the saved padding bug are known').to.be.greaterThan(0);
    expect(both.known.every((k) => k.by === 'regression')).to.equal(true);
    const gap = both.findings.filter((f) => /needs [^]*set gap/.test(f.signature));
    expect(gap.length, 'the gap bug is new').to.be.greaterThan(0);
    for (const f of both.findings) expect(saved.findings.map((x) => x.fingerprint)).to.not.include(f.fingerprint);
  });

  it('records a hung engine as a timeout for that run and goes on with the rest', async () => {
    const r = await runFuzz({ config, reference: LEGACY, candidate: FAULTY_HANGS, seed: 2, budget: { runs: 8 }, regressionsDir: tempRegressions(), write: false, timeoutMs: 400, workers: 2 });
    expect(r.runs).to.equal(8);
    // one hang per command shape the engine was given when it hung: each its own identity
    const timeouts = r.findings.filter((f) => f.kind === 'timeout');
    expect(timeouts.length).to.be.greaterThan(0);
    for (const t of timeouts) {
      expect(t.case.divergences[0].group).to.equal('timeout:candidate');
      expect(t.signature).to.match(/^legacy-js\/faulty-hangs timeout:candidate after /);
      expect(t.note).to.match(/not minimized/);
    }
    expect(r.diverged).to.be.greaterThan(0);
  });

  it('runs a time budget until time is up and says how many runs it did', async () => {
    const r = await runFuzz({ config, reference: LEGACY, candidate: { builtin: 'legacy-js' }, seed: 1, budget: { timeMs: 1500 }, regressionsDir: tempRegressions(), write: false });
    expect(r.runs).to.be.greaterThan(10);
    expect(r.wallMs).to.be.within(1400, 6000);
    expect(r.health.runs).to.equal(r.runs);
  });
});
