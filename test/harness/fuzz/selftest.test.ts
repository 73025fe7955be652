import { expect } from 'chai';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatSelftest, runSelftest } from '../../../harness/fuzz/selftest.ts';
import { loadScenarioSync } from '../../../harness/protocol/scenario.ts';
import { ensureWasmBuilt } from '../../engines/wasm/wasmFixture.ts';
import { testConfig } from './helpers.ts';

describe('harness/fuzz selftest', function () {
  this.timeout(120_000);
  before(async () => ensureWasmBuilt());

  it('kills each named mutant, minimizes it, writes a reproducer and ends with the summary line', async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'parity-selftest-')), 'selftest');
    const r = await runSelftest({ config: testConfig(), quirks: ['double-append', 'short-hex-color'], budgetMs: 10_000, minimizeTimeMs: 5_000, outDir });
    expect(r.mutants.map((m) => [m.quirk, m.killed])).to.deep.equal([['double-append', true], ['short-hex-color', true]]);
    for (const m of r.mutants) {
      expect(m.detectMs).to.be.a('number');
      expect(m.oneMinimal).to.equal(true);
      expect(m.reproSteps).to.be.at.most(8);
      expect(existsSync(m.file!)).to.equal(true);
      expect(loadScenarioSync(m.file!).provenance).to.include({ tool: 'parity selftest', candidateQuirks: `off: ${m.quirk}` });
      expect(m.replay).to.match(new RegExp(`--quirk-off ${m.quirk} --divergence ${m.fingerprint}$`));
    }
    const text = formatSelftest(r);
    expect(text.split('\n').at(-1)).to.match(/^selftest killed=2\/2 median_detect_s=\d+\.\d\d median_repro_steps=\d+$/);
  });

  it('reports a mutant that survives its budget (a candidate that ignores compat flags)', async () => {
    const r = await runSelftest({ config: testConfig(), candidate: { builtin: 'legacy-js' }, quirks: ['round-half-up'], budgetMs: 600 });
    expect(r.mutants[0]).to.include({ quirk: 'round-half-up', killed: false });
    expect(r.mutants[0].runs).to.be.greaterThan(0);
    expect(r.medianDetectS).to.equal(0.6);
    expect(formatSelftest(r)).to.match(/round-half-up\s+SURVIVED[\s\S]*\nselftest killed=0\/1 median_detect_s=0\.60 median_repro_steps=n\/a$/);
  });
});
