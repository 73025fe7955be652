/**
 * Every reproducer the fuzzer saved (scenarios/regressions/*.yaml) still shows the
 * divergence its provenance names and is 1-minimal: removing any single step loses it.
 * The same check runs on a freshly written reproducer of the mutant fixture engine, so
 * the test means something while the folder is empty.
 */
import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../../harness/config/loadConfig.ts';
import { loadAdapter } from '../../../harness/engines/registry.ts';
import { runFuzz } from '../../../harness/fuzz/runFuzz.ts';
import { provenanceQuirks, verifyReproducer } from '../../../harness/minimize/verifyReproducer.ts';
import { compareOptionsFor } from '../../../harness/run/loadCases.ts';
import { LEGACY, MUTANT, root, tempRegressions, testConfig } from '../fuzz/helpers.ts';

const REGRESSIONS = join(root, 'scenarios/regressions');
const saved = existsSync(REGRESSIONS) ? readdirSync(REGRESSIONS).filter((f) => f.endsWith('.yaml')).sort() : [];

describe('saved reproducers', function () {
  this.timeout(120_000);

  describe('scenarios/regressions', () => {
    const config = loadConfig(join(root, 'parity.config.yaml'));
    for (const name of saved) {
      it(`${name} still diverges with its fingerprint and is 1-minimal`, async () => {
        const reference = await loadAdapter(config.reference, config.baseDir);
        const candidate = await loadAdapter(config.candidate, config.baseDir);
        const check = await verifyReproducer(join(REGRESSIONS, name), { reference, candidate }, compareOptionsFor(config));
        expect(check.fingerprint, 'provenance.fingerprint').to.equal(name.replace(/(-\d+)?\.yaml$/, '')); // <fp>-2.yaml: written beside another find
        expect(check.observed, 'fingerprint when replayed').to.equal(check.fingerprint);
        expect(check.recordedOneMinimal, 'provenance.oneMinimal').to.equal(true);
        expect(check.minimality!.reproducing, 'steps whose removal still diverges').to.deep.equal([]);
      });
    }
  });

  it('a freshly written reproducer of the mutant engine passes the same check', async () => {
    const dir = tempRegressions();
    const r = await runFuzz({ config: testConfig(), reference: LEGACY, candidate: MUTANT, seed: 3, budget: { runs: 40 }, regressionsDir: dir, workers: 1, maxMinimize: 2, minimizeTimeMs: 120_000, minimizeCalls: 150 });
    expect(r.findings.filter((f) => f.minimized).length).to.equal(2);
    const engines = { reference: await loadAdapter(LEGACY), candidate: await loadAdapter(MUTANT) };
    // the minimized ones (the others are whole generated streams: checking their 1-minimality is the minimizer's work again)
    for (const f of r.findings.filter((x) => x.minimized)) {
      const check = await verifyReproducer(f.file!, engines);
      expect(check.reproduces, f.file).to.equal(true);
      expect(check.recordedOneMinimal).to.equal(true);
      expect(check.minimality!.oneMinimal).to.equal(true);
      expect(check.minimality!.checked).to.equal(f.minimized!.steps.length);
    }
  });

  it('reads the compat flags a reproducer was found with from its provenance', () => {
    expect(provenanceQuirks('off: round-half-up, double-append')).to.deep.equal({ 'round-half-up': false, 'double-append': false });
    expect(provenanceQuirks('all on')).to.deep.equal({});
  });
});
