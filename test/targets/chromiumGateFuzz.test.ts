/**
 * The gate's fuzz phase under `parity gate --target chromium`: it fuzzes in the
 * session's browser, counts divergences of a flag the wave drops as known quirks (the
 * attribution re-run happens in the page too), records new ones as minimized cases,
 * and the run's results say target chromium. One browser (the session's) for the file.
 */
import { expect } from 'chai';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runFuzzPhase } from '../../harness/fuzz/fuzzPhase.ts';
import { RunSession } from '../../harness/run/runSession.ts';
import { testConfig } from '../harness/fuzz/helpers.ts';

const OFF = { 'visible-string-truthy': false } as const;

describe('parity gate --target chromium: the fuzz phase', function () {
  this.timeout(40_000);

  it('fuzzes in the session\'s browser: a dropped flag\'s divergences are known quirks, a simulated port bug is filed', async () => {
    const config = testConfig({ baseDir: mkdtempSync(join(tmpdir(), 'parity-gate-')) });
    const phases: string[] = [];
    const session = await RunSession.open({
      config, reference: { builtin: 'legacy-js' }, candidate: { builtin: 'wasm' }, candidateQuirks: OFF, command: 'gate --target chromium',
      reportsDir: join(config.baseDir, 'reports'), target: 'chromium', onPhase: (p) => phases.push(p),
    });
    const base = { budget: { runs: 40, seed: 3 }, shard: { index: 1, count: 1 }, config, candidateQuirks: OFF, waivers: [], onPhase: (p: string) => phases.push(p) } as const;
    try {
      const wave = await runFuzzPhase(session, { ...base, knownQuirks: OFF });
      expect(wave).to.include({ runs: 40 });
      expect(wave.newFingerprints).to.deep.equal([]);
      expect(wave.knownRuns).to.be.greaterThan(0);
      expect(wave.knownRuns).to.equal(40 - wave.passed);
      expect(session.results).to.deep.equal([]);

      const bug = await runFuzzPhase(session, { ...base, knownQuirks: {} });
      expect(bug.newFingerprints.length).to.be.greaterThan(0);
      expect(session.results).to.have.length(bug.newFingerprints.length);
      for (const c of session.results) {
        expect(c.id).to.match(/^fuzz:[0-9a-f]{12}$/);
        expect(c.status).to.equal('divergence');
        expect(c.divergences.map((d) => d.fingerprint)).to.include(c.id.slice(5));
      }
    } finally {
      session.close();
    }
    expect(phases.filter((p) => p.startsWith('fuzz: seed 3')).every((p) => p.includes('on target chromium'))).to.equal(true);
    expect(JSON.parse(readFileSync(join(session.runDir, 'results.json'), 'utf8')).run.target).to.equal('chromium');
  });
});
