import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { root, tempRegressions } from './helpers.ts';

const parity = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/parity.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const reports = () => mkdtempSync(join(tmpdir(), 'parity-reports-'));
const MUTANT = 'test/fixtures/engines/mutant.ts';
/** Diverges under the mutant (padding off by one) after 8 steps; minimizes to fewer. */
const PADDED = [
  'id: padded', 'title: Padding on a card', 'viewport: { width: 64, height: 48 }', 'steps:',
  '  - create: { id: 4, type: view }', '  - set: { id: 4, prop: width, value: 30 }', '  - set: { id: 4, prop: background, value: "#123456" }',
  '  - append: { parent: 0, child: 4 }', '  - frame: { name: a }', '  - set: { id: 4, prop: padding, value: 2 }', '  - tick: { ms: 16 }', '  - frame: { name: b }', '',
].join('\n');

describe('parity fuzz / minimize (CLI)', function () {
  this.timeout(120_000);

  it('fuzz: a one-screen summary with health, coverage and a replay command per new divergence; exit 1', () => {
    const dir = tempRegressions();
    const r = parity('fuzz', '--seed', '11', '--runs', '40', '--candidate', MUTANT, '--regressions', dir, '--out', reports(), '--workers', '1');
    expect(r.code, r.err).to.equal(1);
    expect(r.out).to.match(/^parity fuzz: seed 11, budget 40 runs: 40 run\(s\)/);
    expect(r.out).to.contain('streams: median').and.contain('quirk coverage').and.contain('round-half-up');
    expect(r.out).to.match(/NEW +[0-9a-f]{12} +\S+/).and.to.match(/npx parity replay \S+\.yaml --candidate test\/fixtures\/engines\/mutant\.ts/);
    expect(r.out.trim().split('\n').at(-1)).to.match(/^fuzz FOUND: \d+ new divergence/);
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).to.be.greaterThan(0);

    // the written reproducer replays with the printed command, and the next fuzz run knows it
    const replay = /npx parity replay (\S+\.yaml)/.exec(r.out)![1];
    const back = parity('replay', replay, '--candidate', MUTANT, '--out', reports());
    expect(back.code).to.equal(1);
    expect(back.out).to.match(/first divergence after step \d+/);
    // the saved regressions still diverge (the mutant is not fixed): exit 1, though nothing is new
    const again = parity('fuzz', '--seed', '11', '--runs', '40', '--candidate', MUTANT, '--regressions', dir, '--out', reports(), '--workers', '1', '--json');
    expect(again.code, again.err).to.equal(1);
    const json = JSON.parse(again.out) as { findings: unknown[]; knownRuns: number; regressions: { replayed: number; failing: unknown[] } };
    expect(json.findings).to.deep.equal([]);
    expect(json.knownRuns).to.be.greaterThan(0);
    expect(json.regressions.replayed).to.equal(files.length);
    expect(json.regressions.failing).to.have.length(files.length);
    const text = parity('fuzz', '--seed', '11', '--runs', '40', '--candidate', MUTANT, '--regressions', dir, '--out', reports(), '--workers', '1');
    expect(text.code, text.err).to.equal(1);
    expect(text.out.trim().split('\n').at(-1)).to.equal(`fuzz FAILING: no new divergence, but ${files.length} saved regression(s) still diverge: replay them with npx parity replay FILE`);
  });

  it('fuzz: exit 0 when the engines agree; usage errors exit 2', () => {
    const ok = parity('fuzz', '--runs', '20', '--candidate', 'legacy-js-worker', '--regressions', tempRegressions(), '--out', reports(), '--dry-run');
    expect(ok.code, ok.err).to.equal(0);
    expect(ok.out.trim().split('\n').at(-1)).to.equal('fuzz ok: no new divergence');
    for (const args of [['fuzz', '--runs', '10', '--time', '5s'], ['fuzz', '--time', 'soon'], ['fuzz', '--seed', 'x'], ['selftest', 'no-such-quirk'], ['minimize']]) {
      const r = parity(...args);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.err).to.match(/^parity: /);
    }
  });

  it('minimize FILE.yaml: writes a 1-minimal reproducer with the same identity', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-min-'));
    const file = join(dir, 'padded.yaml');
    writeFileSync(file, PADDED);
    const out = join(dir, 'scenarios', 'regressions');
    const r = parity('minimize', file, '--candidate', MUTANT, '--regressions', out);
    expect(r.code, r.err).to.equal(0);
    expect(r.out).to.match(/8 -> \d step\(s\)/).and.contain('1-minimal: removing any one of the').and.contain('first diverging step');
    const [written] = readdirSync(out).filter((f) => f.endsWith('.yaml'));
    const text = readFileSync(join(out, written), 'utf8');
    expect(text).to.contain('tool: parity minimize').and.contain('oneMinimal: true').and.match(new RegExp(`fingerprint: "?${written.replace('.yaml', '')}"?\n`));
  });

  it('minimize: never overwrites another find; a larger reproducer of the same find is replaced, a smaller one kept', () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-min-'));
    const file = join(dir, 'padded.yaml');
    writeFileSync(file, PADDED);
    const out = join(dir, 'scenarios', 'regressions');
    const minimize = (...extra: string[]) => {
      const r = parity('minimize', file, '--candidate', MUTANT, '--regressions', out, ...extra);
      expect(r.code, r.err).to.equal(0);
      return r;
    };
    const json = (r: { out: string }) => JSON.parse(r.out) as { fingerprint: string; steps: number; written: string; regression: { action: string; file: string }; replay: string };
    const fp = json(minimize('--dry-run', '--json')).fingerprint;
    const mine = join(out, `${fp}.yaml`);

    // 1. <fp>.yaml holds another find: left untouched, the new one is written beside it
    mkdirSync(out, { recursive: true });
    const other = PADDED.replace('id: padded', 'id: other').replace('steps:', 'provenance:\n  fingerprint: "bbbbbbbbbbbb"\nsteps:');
    writeFileSync(mine, other);
    const beside = minimize();
    expect(readFileSync(mine, 'utf8')).to.equal(other);
    expect(beside.out).to.contain(`holds the reproducer of fingerprint bbbbbbbbbbbb: left it untouched and wrote`).and.contain(`${fp}-2.yaml`);
    expect(beside.out).to.match(new RegExp(`npx parity replay \\S+/${fp}-2\\.yaml --candidate ${MUTANT} --divergence ${fp}`));

    // 2. a larger reproducer of the same find is replaced, and the new file says what it replaced
    const minimal = readFileSync(join(out, `${fp}-2.yaml`), 'utf8');
    const larger = `${minimal.split('\nsteps:')[0]}\nsteps:\n${PADDED.split('steps:\n')[1]}`;
    writeFileSync(join(out, `${fp}-2.yaml`), larger);
    const replaced = json(minimize('--json'));
    expect(replaced.regression).to.include({ action: 'replaced' });
    // YAML quotes a hex string only when it could read as a number
    const sha = createHash('sha256').update(larger).digest('hex').slice(0, 12);
    expect(readFileSync(join(out, `${fp}-2.yaml`), 'utf8')).to.contain('replacesSteps: 8').and.match(new RegExp(`replacesSha256: "?${sha}"?\n`));

    // 3. the same size again is kept, and nothing else is written
    const kept = minimize();
    expect(kept.out).to.contain(`kept the existing reproducer ${relative(root, join(out, `${fp}-2.yaml`))}, as small as this one`);
    expect(readdirSync(out).filter((f) => f.endsWith('.yaml')).sort()).to.deep.equal([`${fp}-2.yaml`, `${fp}.yaml`]);
  });

  it('minimize: a scenario that does not diverge is bad input (exit 2) and says so', () => {
    const r = parity('minimize', 'test/fixtures/scenarios/good/' + readdirSync(join(root, 'test/fixtures/scenarios/good'))[0], '--candidate', 'legacy-js', '--dry-run');
    expect(r.code).to.equal(2);
    expect(r.out + r.err).to.contain('does not diverge');
  });
});
