import { expect } from 'chai';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../../harness/config/loadConfig.ts';
import { mergeResults } from '../../../harness/gate/merge.ts';
import { runGate } from '../../../harness/gate/runGate.ts';
import type { RunResults } from '../../../harness/results/types.ts';
import { tempReports } from '../run/helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const TODAY = '2026-11-27';

/** A config like the repository's, with a small fuzz budget so the suite stays quick. */
function config(extra = '') {
  return parseConfig([
    'determinismSample: 2',
    'defaultWave: test',
    'waves:',
    '  test:',
    '    scenarios: [scenarios/regressions, scenarios/quirks, scenarios/smoke]',
    '    fuzz: { runs: 24, seed: 7 }',
    '    requireQuirks: { tags: [critical] }',
    '  dropping:',
    '    scenarios: [scenarios/quirks]',
    '    golden: false',
    '    fuzz: null',
    '    candidateQuirks: { round-half-up: off }',
    '    requireQuirks: { tags: [critical] }',
    extra,
  ].join('\n'), join(root, 'parity.config.yaml'));
}

const gate = (options: Partial<Parameters<typeof runGate>[0]> = {}) =>
  runGate({ config: config(), reportsDir: tempReports(), command: 'gate (test)', today: TODAY, ...options });

/** results.json content that must not depend on timing or on how the run was split. */
function comparable(r: RunResults): unknown {
  const strip = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(strip);
    if (v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).filter(([k]) => !['timing', 'startedAt', 'finishedAt', 'durationMs', 'shard'].includes(k)).map(([k, x]) => [k, strip(x)]));
    }
    return v;
  };
  const { run: _run, determinism: _d, ...rest } = r;
  return strip(rest);
}

describe('parity gate', function () {
  this.timeout(180_000);

  it('says go on the bundled engines with the default wave: every case passes, every quirk reproduced', async () => {
    const { results } = await gate();
    expect(results.gate!.verdict).to.equal('go');
    expect(results.summary!.exitClass).to.equal(0);
    expect(results.gate!.byClass['new-divergence']).to.equal(0);
    expect(results.gate!.quirks.every((q) => q.status === 'reproduced')).to.equal(true);
    expect(results.gate!.fuzz!.runs).to.equal(24);
    expect(results.verdict!.counts.fuzz!.runs).to.include({ planned: 24, done: 24 });
    expect(results.cases.some((c) => c.id.startsWith('golden:'))).to.equal(true);
  });

  it('says no-go with exit 1 when the candidate loses a quirk, and names the quirk', async () => {
    const { results } = await gate({ wave: 'dropping', candidateQuirks: { 'zindex-string-sort': false } });
    expect(results.summary!.exitClass).to.equal(1);
    const c = results.cases.find((x) => x.id === 'zindex-string-sort')!;
    expect(c.classification).to.equal('new-divergence');
    expect(c.quirk).to.equal('zindex-string-sort');
    expect(results.gate!.reasons.join('\n')).to.contain('required quirk zindex-string-sort is not reproduced');
  });

  it('classifies a divergence from a flag the wave ships turned off as a known quirk, and stays go', async () => {
    const { results } = await gate({ wave: 'dropping' });
    const c = results.cases.find((x) => x.id === 'round-half-up')!;
    expect(c.classification).to.equal('known-quirk');
    expect(c.quirk).to.equal('round-half-up');
    expect(results.gate!.verdict).to.equal('go');
  });

  it('fails on an expired waiver and reports a stale one (which fails only with --strict)', async () => {
    const waivers = [
      'waivers:',
      '  - { quirk: round-half-up, reason: tracked in ENG-1, owner: layout, expires: 2026-11-01 }',
      '  - { fingerprint: 0123456789ab, reason: old bug, owner: paint, expires: 2027-06-30 }',
    ].join('\n');
    const { results } = await runGate({ config: config(waivers), wave: 'dropping', reportsDir: tempReports(), command: 'gate (test)', today: TODAY });
    const [expired, stale] = results.gate!.waivers;
    expect(expired.status).to.equal('expired');
    expect(stale.status).to.equal('stale');
    expect(results.summary!.exitClass).to.equal(1);
    expect(results.gate!.reasons.join('\n')).to.contain('expired on 2026-11-01');
    const strict = await runGate({ config: config(waivers.replace('2026-11-01', '2027-01-01')), wave: 'dropping', strict: true, reportsDir: tempReports(), command: 'gate (test)', today: TODAY });
    expect(strict.results.gate!.waivers.map((w) => w.status)).to.deep.equal(['active', 'stale']);
    expect(strict.results.gate!.reasons.join('\n')).to.contain('is stale');
    expect(strict.results.summary!.exitClass).to.equal(1);
  });

  it('merges shards 1/3, 2/3 and 3/3 in any order into the unsharded run', async () => {
    const whole = (await gate()).results;
    const shards = [];
    for (const index of [1, 2, 3]) {
      const { results, runDir } = await gate({ shard: { index, count: 3 } });
      shards.push({ file: join(runDir, 'results.json'), results });
    }
    const a = mergeResults(shards, 'merged');
    const b = mergeResults([shards[2], shards[0], shards[1]], 'merged');
    expect(comparable(a)).to.deep.equal(comparable(b));
    expect(comparable(a)).to.deep.equal(comparable(whole));
  });
});
