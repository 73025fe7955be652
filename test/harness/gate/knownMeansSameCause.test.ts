/**
 * Known means the same cause (issue 11): with two independent bugs in the candidate and
 * the reproducers of one of them saved, the other is new — in the gate's fuzz phase and in
 * a merge of its shards, as in `parity fuzz` (test/harness/fuzz/runFuzz.test.ts).
 */
import { expect } from 'chai';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../../harness/config/loadConfig.ts';
import { runFuzz } from '../../../harness/fuzz/runFuzz.ts';
import { mergeResults } from '../../../harness/gate/merge.ts';
import { runGate } from '../../../harness/gate/runGate.ts';
import type { RunResults } from '../../../harness/results/types.ts';
import { tempReports } from '../run/helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const MUTANT = join(root, 'test/fixtures/engines/mutant.ts');

/** The gate's config in a project folder of its own (the gate writes its finds into that folder's regressions). */
function configIn(project: string) {
  return parseConfig([
    'determinismSample: 1',
    'engines:',
    `  padding-and-gap: { module: ${JSON.stringify(MUTANT)}, options: { prop: "padding,gap", name: mutant } }`,
    'candidate: padding-and-gap',
    'defaultWave: fuzzing',
    'waves:',
    '  fuzzing:',
    '    scenarios: [scenarios/regressions]',
    '    golden: false',
    '    fuzz: { runs: 40, seed: 11 }',
    '',
  ].join('\n'), join(project, 'parity.config.yaml'));
}

/** A fresh project holding the saved reproducers of `from`, as a clean checkout on another machine would. */
function cloneOf(from: string): string {
  const to = mkdtempSync(join(tmpdir(), 'parity-known-'));
  cpSync(join(from, 'scenarios'), join(to, 'scenarios'), { recursive: true });
  return to;
}

describe('gate and merge: known means the same cause', function () {
  this.timeout(240_000);
  const project = mkdtempSync(join(tmpdir(), 'parity-known-'));
  const regressions = join(project, 'scenarios', 'regressions');
  const config = configIn(project);
  let saved: string[];
  let whole: RunResults;

  before(async () => {
    mkdirSync(regressions, { recursive: true });
    // the first bug alone, same engine name: its finds saved as regressions
    const first = await runFuzz({ config, candidate: { module: MUTANT, options: { prop: 'padding', name: 'mutant' } }, seed: 11, budget: { runs: 40 }, regressionsDir: regressions, maxMinimize: 0 });
    saved = first.findings.map((f) => f.fingerprint);
    whole = (await runGate({ config: configIn(cloneOf(project)), reportsDir: tempReports(), command: 'gate (test)', today: '2026-12-04' })).results;
  });

  const gapFinds = (r: RunResults) => r.cases.filter((c) => c.id.startsWith('fuzz:') && c.divergences.some((d) => /needs [^]*set gap/.test(d.signature)));

  it('files the second bug as new in the gate while runs showing only the saved one are known', () => {
    expect(saved.length).to.be.greaterThan(0);
    const fuzz = whole.gate!.fuzz!;
    expect(fuzz.knownRuns).to.be.greaterThan(0);
    expect(gapFinds(whole).length, 'the gap bug is new').to.be.greaterThan(0);
    for (const fp of fuzz.newFingerprints) expect(saved).to.not.include(fp);
    expect(whole.gate!.verdict).to.equal('no-go');
  });

  it('says the same after merging the shards of that gate', async () => {
    // each shard starts from the saved reproducers only, as on its own machine; one
    // project folder, so both shards name the same config
    const shardProject = cloneOf(project);
    const folder = join(shardProject, 'scenarios', 'regressions');
    const before = new Set(readdirSync(folder));
    const shards = [];
    for (const index of [1, 2]) {
      const { results, runDir } = await runGate({ config: configIn(shardProject), shard: { index, count: 2 }, reportsDir: tempReports(), command: 'gate (test)', today: '2026-12-04' });
      shards.push({ file: join(runDir, 'results.json'), results });
      for (const f of readdirSync(folder)) if (!before.has(f)) rmSync(join(folder, f), { recursive: true });
    }
    const merged = mergeResults(shards, 'merged');
    expect(merged.gate!.fuzz!.newFingerprints).to.deep.equal(whole.gate!.fuzz!.newFingerprints);
    expect(merged.gate!.fuzz!.knownFingerprints).to.deep.equal(whole.gate!.fuzz!.knownFingerprints);
    expect(gapFinds(merged).length).to.be.greaterThan(0);
  });
});
