import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tempReports } from '../run/helpers.ts';

const root = resolve(import.meta.dirname, '../../..');
const parity = (...args: string[]) => {
  const r = spawnSync(process.execPath, [join(root, 'bin/parity.js'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('the parity CLI', function () {
  this.timeout(60_000);

  it('prints help with exit 0', () => {
    const r = parity('--help');
    expect(r.code).to.equal(0);
    expect(r.out).to.contain('Usage: parity <command>').and.to.contain('Exit classes');
  });

  it('rejects an unknown command, an unknown flag and an unknown quirk with exit 2 and no stack trace', () => {
    for (const args of [['explode'], ['run', '--frobnicate'], ['run', '--quirk-off', 'no-such-quirk']]) {
      const r = parity(...args);
      expect(r.code, args.join(' ')).to.equal(2);
      expect(r.err).to.match(/^parity: /).and.not.to.contain('    at ');
    }
  });

  it('rejects a --divergence that is not a 12-hex fingerprint with exit 2, naming what it expected', () => {
    const r = parity('replay', 'scenarios/quirks/zindex-string-sort.yaml', '--divergence', 'ABC123');
    expect(r.code).to.equal(2);
    expect(r.err).to.equal('parity: --divergence: expected a fingerprint of 12 lower-case hex digits (as printed by run, gate, fuzz and minimize), got "ABC123"\n');
    const ok = parity('replay', 'scenarios/quirks/zindex-string-sort.yaml', '--divergence', '0123456789ab');
    expect(ok.code, ok.err).to.equal(0);
  });

  it('names an unknown engine module and exits 2', () => {
    const r = parity('run', 'test/fixtures/scenarios/good', '--candidate', './no/such/engine.ts', '--out', tempReports());
    expect(r.code).to.equal(2);
    expect(r.err).to.contain('engine module ./no/such/engine.ts: no such file');
  });

  it('reports a malformed scenario by file:line:column with exit 2 and prints the summary', () => {
    const r = parity('run', 'test/fixtures/scenarios/bad/unknown-op.yaml', '--candidate', 'legacy-js', '--out', tempReports());
    expect(r.code).to.equal(2);
    expect(r.out).to.match(/unknown-op\.yaml:6:\d+: step 1/).and.to.contain('verdict: FAIL (exit 2)').and.to.contain('1 input error(s)');
  });

  it('emits machine-readable JSON with --json', () => {
    const r = parity('run', 'test/fixtures/scenarios/good', '--candidate', 'legacy-js', '--json', '--out', tempReports());
    expect(r.code).to.equal(0);
    const parsed = JSON.parse(r.out) as { summary: { total: number; exitClass: number } };
    expect(parsed.summary).to.include({ total: 2, exitClass: 0 });
  });
});
