import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunResults } from '../../../harness/results/types.ts';

const root = resolve(import.meta.dirname, '../../..');

/** A config whose candidate is the legacy engine slowed down in apply(), so Ctrl-C lands mid-run. */
function slowCandidateConfig(dir: string): string {
  const file = join(dir, 'parity.config.yaml');
  writeFileSync(file, [
    'determinismSample: 1',
    'engines:',
    `  slow: { module: ${JSON.stringify(join(root, 'test/fixtures/engines/faulty.ts'))}, options: { fault: slow, ms: 300 } }`,
    'candidate: slow',
    '',
  ].join('\n'));
  return file;
}

describe('Ctrl-C during parity run', function () {
  this.timeout(120_000);

  it('exits 3, prints INTERRUPTED with how many cases were done, and keeps the finished cases in results.json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'parity-sigint-'));
    const out = join(dir, 'reports');
    const child = spawn(process.execPath, [join(root, 'bin/parity.js'), 'run', 'scenarios/smoke', '--config', slowCandidateConfig(dir), '--workers', '1', '--out', out], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => {
      const before = stderr;
      stderr += d;
      // the first finished case of the differential run: send the signal once
      if (!/ 1\/16 cases done/.test(before) && / 1\/16 cases done/.test(stderr)) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));

    expect(code, stderr).to.equal(3);
    expect(stderr).to.contain('interrupted: finishing the running cases');
    const line = /INTERRUPTED: (\d+) of 16 case\(s\) done; the run did not finish: no verdict \(exit 3\)/.exec(stdout);
    expect(line, stdout).to.not.equal(null);
    expect(stdout).to.not.contain('verdict: PASS');
    const results = JSON.parse(readFileSync(join(out, 'latest', 'results.json'), 'utf8')) as RunResults;
    expect(results.summary).to.include({ interrupted: true, planned: 16, exitClass: 3, total: Number(line![1]) });
    expect(results.cases.length).to.be.within(1, 15);
    expect(results.cases.every((c) => c.status === 'pass')).to.equal(true);
  });
});
