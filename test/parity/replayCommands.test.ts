/**
 * The replay command a run prints (and writes into junit.xml, the report and results.json)
 * reproduces the divergence when run exactly as printed: with an engine declared in a
 * config (issue 11: the command dropped --config and answered "no divergence") and with
 * the default engines plus --quirk-off.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadHostAssets } from '../../harness/assets/hostAssets.ts';
import { loadConfig } from '../../harness/config/loadConfig.ts';
import { loadAdapter } from '../../harness/engines/registry.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { loadScenarioSync } from '../../harness/protocol/scenario.ts';
import { readResults } from '../../harness/results/readResults.ts';
import { replayCommandFor } from '../../harness/results/replayHint.ts';
import { replaySteps } from '../../harness/run/replaySteps.ts';

const root = resolve(import.meta.dirname, '../..');
const sh = (command: string) => {
  // exactly as printed, through a shell, from the repository root (offline: npx must use the local bin)
  const r = spawnSync('sh', ['-c', command], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, npm_config_offline: 'true' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const parity = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/parity.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Runs `parity run ARGS`, and returns the printed replay command and the run folder. */
function runAndReplayHint(...args: string[]): { replay: string; runDir: string } {
  const r = parity('run', ...args, '--out', mkdtempSync(join(tmpdir(), 'parity-reports-')), '--workers', '1');
  expect(r.code, r.out + r.err).to.equal(1);
  const replay = /^ +replay: (.+)$/m.exec(r.out)?.[1];
  expect(replay, r.out).to.be.a('string');
  const runDir = /results: (\S+)\/results\.json/.exec(r.out)![1];
  return { replay: replay!, runDir: resolve(root, runDir) };
}

/** The command is the same in results.json, junit.xml and the HTML report. */
function expectWrittenEverywhere(replay: string, runDir: string): void {
  const results = readResults(join(runDir, 'results.json'));
  const diverged = results.cases.find((c) => c.status === 'divergence')!;
  expect(replayCommandFor(diverged, results)).to.equal(replay);
  expect(readFileSync(join(runDir, 'junit.xml'), 'utf8')).to.contain(replay);
  expect(readFileSync(join(runDir, 'index.html'), 'utf8')).to.contain(replay);
}

/** The first diverging step, in-process, with the engines and flags the run used. */
async function firstDivergingStep(file: string, engines: { config?: string; candidateQuirks?: QuirkFlags }): Promise<number> {
  const config = loadConfig(engines.config);
  const s = loadScenarioSync(file);
  const reference = await loadAdapter(config.reference, config.baseDir);
  const candidate = await loadAdapter(config.candidate, config.baseDir);
  const outcome = await replaySteps(s.steps, s.viewport, loadHostAssets(s.assets), { reference, candidate, candidateQuirks: engines.candidateQuirks });
  return outcome.firstDivergingStep;
}

describe('replay commands, run as printed', function () {
  this.timeout(240_000);

  it('reproduce a divergence of an engine declared in a config: exit 1, the same first diverging step', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-replay-'));
    const config = join(dir, 'gap.config.yaml');
    // the mutant with an option: only the config knows it bends `gap`, not `padding`
    writeFileSync(config, [
      'engines:', `  gap-mutant: { module: ${JSON.stringify(join(root, 'test/fixtures/engines/mutant.ts'))}, options: { prop: gap } }`, 'candidate: gap-mutant', '',
    ].join('\n'));
    const scenario = join(dir, 'gap.yaml');
    writeFileSync(scenario, [
      'id: gap-row', 'title: Two cards in a row with a gap', 'viewport: { width: 64, height: 32 }', 'steps:',
      '  - create: { id: 1, type: view }', '  - set: { id: 1, prop: direction, value: row }', '  - set: { id: 1, prop: gap, value: 4 }',
      '  - create: { id: 2, type: view }', '  - set: { id: 2, prop: width, value: 10 }', '  - append: { parent: 1, child: 2 }',
      '  - create: { id: 3, type: view }', '  - set: { id: 3, prop: width, value: 10 }', '  - append: { parent: 1, child: 3 }',
      '  - append: { parent: 0, child: 1 }', '  - frame: { name: row }', '',
    ].join('\n'));

    const { replay, runDir } = runAndReplayHint(scenario, '--config', config);
    expect(replay).to.match(/^npx parity replay \S+gap\.yaml --config \S+gap\.config\.yaml$/);
    expectWrittenEverywhere(replay, runDir);

    const back = sh(replay);
    expect(back.code, back.out + back.err).to.equal(1);
    const step = Number(/first divergence after step (\d+)/.exec(back.out)![1]);
    expect(step).to.equal(await firstDivergingStep(scenario, { config }));
    // what the command used to print (no --config) finds nothing: the config is what makes it replay
    expect(sh(replay.replace(/ --config \S+/, '')).code).to.equal(0);
  });

  it('reproduce a divergence of the default engines with --quirk-off: exit 1, the same first diverging step', async () => {
    const file = 'scenarios/quirks/zindex-string-sort.yaml';
    const { replay, runDir } = runAndReplayHint(file, '--quirk-off', 'zindex-string-sort');
    expect(replay).to.equal(`npx parity replay ${file} --quirk-off zindex-string-sort`);
    expectWrittenEverywhere(replay, runDir);
    const results = readResults(join(runDir, 'results.json'));
    expect(results.engines.choice).to.deep.equal({ quirksOff: ['zindex-string-sort'] });
    expect(results.engines.candidate.name, 'the display name stays for people').to.equal('wasm (quirks off: zindex-string-sort)');

    const back = sh(replay);
    expect(back.code, back.out + back.err).to.equal(1);
    const step = Number(/first divergence after step (\d+)/.exec(back.out)![1]);
    expect(step).to.equal(await firstDivergingStep(join(root, file), { candidateQuirks: { 'zindex-string-sort': false } }));
  });
});
