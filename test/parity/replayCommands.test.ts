/**
 * Every replay command parity prints or writes (run, gate, merge, fuzz, junit.xml and the
 * HTML report) reproduces the divergence it names when run exactly as printed: the same
 * identity and the same causing step, with an engine declared in a config (issue 11: the
 * command dropped --config and answered "no divergence") and with the default engines
 * plus --quirk-off. A case showing two independent bugs replays the one it is asked for,
 * not the first.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readResults } from '../../harness/results/readResults.ts';
import { replayCommandFor } from '../../harness/results/replayHint.ts';
import type { RunResults } from '../../harness/results/types.ts';

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
const reports = () => mkdtempSync(join(tmpdir(), 'parity-reports-'));

/** The replay (and golden verify) commands in a console summary, junit.xml or index.html, in order, each once. */
function commandsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/npx parity (?:replay|golden verify) [^"<\n\\]+?(?= *(?:$|["<\n\\]))/gm)].map((m) => m[0]))];
}

/** What `parity replay` says about the divergence it reports in full. */
function replayed(out: string): { fingerprint: string; signature: string; causeStep: number } {
  const m = /^ {2}▶ identity ([0-9a-f]{12}) {2}(.+)\n {4}cause: {3}step (\d+) /m.exec(out);
  expect(m, out).to.not.equal(null);
  return { fingerprint: m![1], signature: m![2], causeStep: Number(m![3]) };
}

/** Runs a printed command and checks it reproduces the stored divergence it names: exit 1, that identity, that causing step. */
function expectReproduces(command: string, results: RunResults): void {
  const fingerprint = /--divergence ([0-9a-f]{12})$/.exec(command)?.[1];
  expect(fingerprint, `${command} names a divergence`).to.be.a('string');
  const stored = results.cases.flatMap((c) => c.divergences).find((d) => d.fingerprint === fingerprint)!;
  const back = sh(command);
  expect(back.code, `${command}\n${back.out}${back.err}`).to.equal(1);
  expect(back.out).to.contain(`: reproduces divergence ${fingerprint}`);
  expect(replayed(back.out)).to.deep.equal({ fingerprint, signature: stored.signature, causeStep: stored.cause!.step });
}

/** A row whose gap is off by one in the mutant, then padding on its first card (a second, independent bug). */
const TWO_BUGS = [
  'id: two-bugs', 'title: A row with a gap, then padding on its first card', 'viewport: { width: 64, height: 32 }', 'steps:',
  '  - create: { id: 1, type: view }', '  - set: { id: 1, prop: direction, value: row }', '  - set: { id: 1, prop: gap, value: 4 }',
  '  - create: { id: 2, type: view }', '  - set: { id: 2, prop: width, value: 10 }', '  - set: { id: 2, prop: background, value: "#ff0000" }', '  - append: { parent: 1, child: 2 }',
  '  - create: { id: 3, type: view }', '  - set: { id: 3, prop: width, value: 10 }', '  - set: { id: 3, prop: background, value: "#00ff00" }', '  - append: { parent: 1, child: 3 }',
  '  - append: { parent: 0, child: 1 }', '  - frame: { name: gap }',
  '  - set: { id: 2, prop: padding, value: 2 }', '  - frame: { name: padding }', '',
].join('\n');

describe('replay commands, run as printed', function () {
  this.timeout(240_000);
  // one temporary project: the mutant bends padding and gap, and only its config says so
  const dir = mkdtempSync(join(tmpdir(), 'parity-replay-'));
  const config = join(dir, 'two-bugs.config.yaml');
  const scenario = join(dir, 'scenarios', 'two-bugs.yaml');
  let run: { out: string; results: RunResults; runDir: string };

  before(() => {
    mkdirSync(join(dir, 'scenarios'));
    writeFileSync(scenario, TWO_BUGS);
    writeFileSync(config, [
      'engines:', `  two-bugs-mutant: { module: ${JSON.stringify(join(root, 'test/fixtures/engines/mutant.ts'))}, options: { prop: "padding,gap" } }`,
      'candidate: two-bugs-mutant',
      'waves:', '  w:', `    scenarios: [${JSON.stringify(join(dir, 'scenarios'))}]`, '    golden: true', '    fuzz: false', '    requireQuirks: []', '    allowDivergences: 0', '',
    ].join('\n'));
    const r = parity('run', scenario, '--config', config, '--out', reports(), '--workers', '1');
    expect(r.code, r.out + r.err).to.equal(1);
    const runDir = resolve(root, /results: (\S+)\/results\.json/.exec(r.out)![1]);
    run = { out: r.out, results: readResults(join(runDir, 'results.json')), runDir };
  });

  it('run: each divergence group prints a command naming its identity, which reproduces it with the same causing step', () => {
    const printed = commandsIn(run.out);
    const identities = new Set(run.results.cases[0].divergences.map((d) => d.fingerprint));
    expect(printed.map((c) => /--divergence (\w+)$/.exec(c)![1]).sort()).to.deep.equal([...identities].sort());
    for (const command of printed) {
      expect(command).to.match(/^npx parity replay \S+two-bugs\.yaml --config \S+two-bugs\.config\.yaml --divergence [0-9a-f]{12}$/);
      expectReproduces(command, run.results);
    }
    // the run summary names the same causing step beside each command
    for (const d of run.results.cases[0].divergences) expect(run.out).to.contain(`cause: step ${d.cause!.step} (${d.cause!.command})`);
    // what the command used to print (no --config) finds nothing: the config is what makes it replay
    const bare = sh(printed[0].replace(/ --config \S+/, ''));
    expect(bare.code, bare.out).to.equal(0);
    expect(bare.out).to.contain(`no divergence in 15 step(s): divergence ${/--divergence (\w+)$/.exec(printed[0])![1]} is not shown`);
  });

  it('run: junit.xml and the report carry the command of the divergence the case is shown by', () => {
    const c = run.results.cases[0];
    const command = replayCommandFor(c, run.results)!;
    expect(command).to.match(new RegExp(`--divergence ${c.divergences[0].fingerprint}$`));
    expect(commandsIn(readFileSync(join(run.runDir, 'junit.xml'), 'utf8'))).to.deep.equal([command]);
    expect(commandsIn(readFileSync(join(run.runDir, 'index.html'), 'utf8'))).to.deep.equal([command]);
  });

  it('a case with two independent bugs replayed with --divergence of the second reports the second, at its own checkpoint', () => {
    const [first, ...later] = run.results.cases[0].divergences;
    const second = later.find((d) => d.cause!.command === 'set padding' && d.checkpoint !== first.checkpoint)!;
    expect(first.cause!.command, 'the first bug shows before padding is set').to.not.equal('set padding');
    const out = reports();
    const back = sh(`${replayCommandFor(run.results.cases[0], run.results, { divergence: second.fingerprint })} --out ${out}`);
    expect(back.code, back.out).to.equal(1);
    expect(replayed(back.out)).to.deep.equal({ fingerprint: second.fingerprint, signature: second.signature, causeStep: 13 });
    expect(back.out).to.contain('    symptom: checkpoint "padding" at step 14, line 19');
    // the first bug is listed (it is in the stream), not reported in full
    expect(back.out).to.contain(`  · identity ${first.fingerprint}`);
    expect(back.out).to.match(/step by step \(extra, not the cause\): first divergence after step \d+/);
    expect(readdirSync(join(out, 'replay', 'two-bugs')).sort()).to.deep.equal(['candidate.png', 'diff.png', 'reference.png']);
  });

  it('gate, merge and their reports: every command printed or written reproduces its identity; a golden case is verified against its recording', () => {
    expect(parity('golden', 'record', scenario, '--config', config).code).to.equal(0);
    const gate = parity('gate', '--wave', 'w', '--config', config, '--out', reports(), '--workers', '1');
    expect(gate.code, gate.out + gate.err).to.equal(1);
    const gateDir = resolve(root, /results: (\S+)\/results\.json/.exec(gate.out)![1]);
    const merge = parity('merge', join(gateDir, 'results.json'), '--out', reports());
    expect(merge.code, merge.out + merge.err).to.equal(1);
    const mergeDir = resolve(root, /results: (\S+)\/results\.json/.exec(merge.out)![1]);
    const sources = {
      gate: commandsIn(gate.out), merge: commandsIn(merge.out),
      'gate report': commandsIn(readFileSync(join(gateDir, 'index.html'), 'utf8')), 'merge report': commandsIn(readFileSync(join(mergeDir, 'index.html'), 'utf8')),
      'gate junit': commandsIn(readFileSync(join(gateDir, 'junit.xml'), 'utf8')),
    };
    for (const [source, commands] of Object.entries(sources)) expect([...commands].sort(), source).to.deep.equal([...sources.gate].sort());
    const results = readResults(join(gateDir, 'results.json'));
    const replay = sources.gate.find((c) => c.startsWith('npx parity replay '))!;
    const golden = sources.gate.find((c) => c.startsWith('npx parity golden verify '))!;
    expect(sources.gate).to.have.length(2);
    expectReproduces(replay, results);
    expect(golden).to.match(/^npx parity golden verify \S+two-bugs\.yaml --config \S+two-bugs\.config\.yaml$/);
    const verified = sh(golden);
    expect(verified.code, verified.out).to.equal(1);
    expect(verified.out).to.match(/candidate +two-bugs: DIFFERS/);
  });

  it('fuzz: every reproducer command reproduces its identity, with the engine declared in the config', () => {
    const regressions = mkdtempSync(join(tmpdir(), 'parity-regressions-'));
    const fuzz = parity('fuzz', '--config', config, '--runs', '5', '--seed', '7', '--regressions', regressions, '--out', reports(), '--workers', '1');
    expect(fuzz.code, fuzz.err).to.equal(1);
    const found = new Map([...fuzz.out.matchAll(/^ {4}NEW {4}([0-9a-f]{12}) {2}(.+?) {2}\d+ run\(s\)/gm)].map((m) => [m[1], m[2]]));
    const printed = commandsIn(fuzz.out);
    expect(found.size).to.be.greaterThan(1);
    expect(printed).to.have.length(found.size);
    for (const command of printed) {
      const fingerprint = /--config \S+two-bugs\.config\.yaml --divergence ([0-9a-f]{12})$/.exec(command)?.[1];
      expect(found.has(fingerprint!), command).to.equal(true);
      const back = sh(command);
      expect(back.code, back.out).to.equal(1);
      expect(replayed(back.out)).to.include({ fingerprint, signature: found.get(fingerprint!) });
    }
  });

  it('reproduce a divergence of the default engines with --quirk-off: exit 1, the same identity and causing step', () => {
    const file = 'scenarios/quirks/zindex-string-sort.yaml';
    const r = parity('run', file, '--quirk-off', 'zindex-string-sort', '--out', reports(), '--workers', '1');
    expect(r.code, r.out + r.err).to.equal(1);
    const results = readResults(join(resolve(root, /results: (\S+)\/results\.json/.exec(r.out)![1]), 'results.json'));
    expect(results.engines.choice).to.deep.equal({ quirksOff: ['zindex-string-sort'] });
    expect(results.engines.candidate.name, 'the display name stays for people').to.equal('wasm (quirks off: zindex-string-sort)');
    const printed = commandsIn(r.out);
    expect(printed.length).to.be.greaterThan(0);
    for (const command of printed) {
      expect(command).to.match(new RegExp(`^npx parity replay ${file} --quirk-off zindex-string-sort --divergence [0-9a-f]{12}$`));
      expectReproduces(command, results);
    }
  });
});
