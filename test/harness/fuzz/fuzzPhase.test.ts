import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFuzzPhase } from '../../../harness/fuzz/fuzzPhase.ts';
import { RunSession } from '../../../harness/run/runSession.ts';
import { runFuzz } from '../../../harness/fuzz/runFuzz.ts';
import { ensureWasmBuilt } from '../../engines/wasm/wasmFixture.ts';
import { LEGACY, MUTANT, tempRegressions, testConfig } from './helpers.ts';

describe('harness/fuzz runFuzzPhase (the gate\'s fuzz phase)', function () {
  this.timeout(120_000);

  it('records one minimized case per new fingerprint and counts the rest in its summary', async () => {
    const config = testConfig({ baseDir: mkdtempSync(join(tmpdir(), 'parity-gate-')) });
    const session = await RunSession.open({ config, reference: LEGACY, candidate: MUTANT, command: 'gate', reportsDir: join(config.baseDir, 'reports'), workers: 1 });
    const summary = await runFuzzPhase(session, { budget: { runs: 40, seed: 11 }, shard: { index: 1, count: 1 }, config, candidateQuirks: {}, waivers: [] });
    expect(summary).to.include({ seed: 11, planned: 40, runs: 40, knownRuns: 0 });
    expect(summary.newFingerprints.length).to.be.greaterThan(0);
    expect(summary.diverged).to.equal(40 - summary.passed);
    expect(summary.passed).to.be.lessThan(40);
    expect(summary.stats.medianLength).to.be.greaterThan(0);
    const cases = session.results;
    expect(cases.map((c) => c.id.slice(5)).sort()).to.deep.equal(summary.newFingerprints);
    for (const c of cases) {
      expect(c.id).to.match(/^fuzz:[0-9a-f]{12}$/);
      expect(c.source.kind).to.equal('fuzz');
      expect(c.status).to.equal('divergence');
      expect(c.divergences.map((d) => d.fingerprint)).to.include(c.id.slice(5));
    }
    session.close();
  });

  it('does not file divergences covered by a waiver', async () => {
    const config = testConfig({ baseDir: mkdtempSync(join(tmpdir(), 'parity-gate-')) });
    const first = await RunSession.open({ config, reference: LEGACY, candidate: MUTANT, command: 'gate', reportsDir: join(config.baseDir, 'reports'), workers: 1 });
    const found = await runFuzzPhase(first, { budget: { runs: 40, seed: 11 }, shard: { index: 1, count: 1 }, config: { ...config, baseDir: mkdtempSync(join(tmpdir(), 'parity-gate-')) }, candidateQuirks: {}, waivers: [] });
    const waivers = first.results.map((c) => ({ fingerprint: c.id.slice(5), reason: 'test', owner: 'test', expires: '2999-12-31' }));
    first.close();
    const second = await RunSession.open({ config, reference: LEGACY, candidate: MUTANT, command: 'gate', reportsDir: join(config.baseDir, 'reports'), workers: 1 });
    const summary = await runFuzzPhase(second, { budget: { runs: 40, seed: 11 }, shard: { index: 1, count: 1 }, config, candidateQuirks: {}, waivers });
    expect(summary.newFingerprints).to.deep.equal([]);
    expect(summary.knownRuns).to.equal(40 - found.passed);
    expect(summary.knownFingerprints).to.deep.equal(found.newFingerprints);
    second.close();
  });

  it('counts divergences of a flag the wave drops as known quirks, and those of other flags off as new', async () => {
    await ensureWasmBuilt();
    const base = { config: testConfig(), seed: 1, budget: { runs: 30 }, candidateQuirks: { 'double-append': false }, write: false, maxMinimize: 0, workers: 1 } as const;
    const wave = await runFuzz({ ...base, regressionsDir: tempRegressions(), knownQuirks: { 'double-append': false } });
    expect(wave.findings).to.deep.equal([]);
    expect(wave.knownRuns).to.be.greaterThan(0);
    expect(wave.known.every((k) => k.by === 'quirk')).to.equal(true);
    const simulated = await runFuzz({ ...base, regressionsDir: tempRegressions(), knownQuirks: {} });
    expect(simulated.knownRuns).to.equal(0);
    expect(simulated.findings.length).to.be.greaterThan(0);
  });
});
