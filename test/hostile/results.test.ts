import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, fifo, hostileProject, link, STACK_LINE, write } from './fileHelpers.ts';

const SECRET = 'TOP-SECRET-91c2';

/** A minimal valid results.json with one case; `edit` changes the parsed value before it is written. */
function results(edit: (r: any) => void = () => {}): string {
  const r: any = {
    format: 'parity-results/1',
    run: { id: 'r1', command: 'run', target: 'node', startedAt: '2026-01-01T00:00:00Z' },
    engines: { reference: { name: 'legacy-js', version: '1', build: 'a' }, candidate: { name: 'wasm', version: '1', build: 'b' } },
    cases: [{
      id: 'c1', title: 'a case', source: { kind: 'scenario', file: 'scenarios/c1.yaml' }, status: 'divergence', steps: 2, checkpoints: 1,
      firstDivergingCheckpoint: { name: 'f', step: 0 }, divergences: [], timing: { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: 0 },
    }],
    summary: { total: 1, planned: 1, byStatus: { pass: 0, divergence: 1, crash: 0, timeout: 0, error: 0 }, groups: [], exitClass: 1, interrupted: false },
  };
  edit(r);
  return JSON.stringify(r);
}

async function reportOf(edit: (r: any, root: string, proj: string) => void) {
  const { root, proj } = hostileProject();
  write(join(root, 'secret.yaml'), `${SECRET}: 1\n`);
  write(join(root, 'secret.json'), JSON.stringify([{ id: 0, depth: 0, x: 0, y: 0, width: 1, height: 1, lines: [SECRET] }]));
  write(join(proj, 'reports', 'r1', 'results.json'), results((r) => edit(r, root, proj)));
  const outcome = await cli(proj, 'report', 'reports/r1/results.json');
  const html = existsSync(join(proj, 'reports', 'r1', 'index.html')) ? readFileSync(join(proj, 'reports', 'r1', 'index.html'), 'utf8') : '';
  return { ...outcome, html };
}

describe('hostile inputs: results files, report and merge', () => {
  for (const [name, file] of [['a path climbing out of the project', '../secret.yaml'], ['an absolute path outside the project', '<root>/secret.yaml'],
    ['a link inside the project to a file outside', 'scenarios/link.yaml'], ['a file of the project that is not a scenario', 'private.env']] as const) {
    it(`does not embed a case's source.file that is ${name}`, async () => {
      const { code, html } = await reportOf((r, root, proj) => {
        link(join(root, 'secret.yaml'), join(proj, 'scenarios', 'link.yaml'));
        write(join(proj, 'private.env'), `TOKEN=${SECRET}\n`);
        r.cases[0].source.file = file.replace('<root>', root);
      });
      expect(code).to.equal(0);
      expect(html).to.contain('a case');
      expect(html).not.to.contain(SECRET);
    });
  }

  it('does not embed an evidence file that climbs out of the run folder', async () => {
    const { code, html } = await reportOf((r) => {
      r.cases[0].evidence = { checkpoint: 'f', step: 0, reference: { layout: '../../../secret.json' }, candidate: { layout: '../../../secret.json' } };
    });
    expect(code).to.equal(0);
    expect(html).not.to.contain(SECRET);
  });

  for (const [name, edit, message] of [
    ['"cases": "nope"', (r: any) => { r.cases = 'nope'; }, 'reports/r1/results.json: cases: expected an array, got "nope"'],
    ['no run and no engines', (r: any) => { delete r.run; delete r.engines; }, 'reports/r1/results.json: run: expected an object, got nothing\nreports/r1/results.json: engines: expected an object, got nothing'],
    ['a case status that does not exist', (r: any) => { r.cases[0].status = 'ok'; }, 'cases[0].status: expected one of pass, divergence, crash, timeout, error, got "ok"'],
    ['another format', (r: any) => { r.format = 'parity-results/9'; }, 'format: expected one of parity-results/1, got "parity-results/9"'],
    ['an engine without a build', (r: any) => { delete r.engines.candidate.build; }, 'engines.candidate.build: expected a string, got nothing'],
  ] as const) {
    it(`rejects a results.json with ${name}: exit 2, the field named, no stack trace`, async () => {
      const { code, err } = await reportOf(edit);
      expect(code).to.equal(2);
      expect(err).to.contain(message);
      expect(err).not.to.match(STACK_LINE);
    });
  }

  for (const [name, make, found] of [
    ['text that is not JSON', (at: string) => write(at, 'not json'), 'expected JSON (a results file) or a partial results file'],
    ['a link to /dev/zero', (at: string) => link('/dev/zero', at), 'expected a results file (a regular file), got a character device'],
    ['a FIFO', (at: string) => fifo(at), 'expected a results file (a regular file), got a FIFO (named pipe)'],
    ['a folder', (at: string) => write(join(at, 'x'), ''), 'expected a results file (a regular file), got a directory'],
  ] as const) {
    it(`rejects a results.json that is ${name}: exit 2 in one line`, async () => {
      const { proj } = hostileProject();
      make(join(proj, 'results.json'));
      const { code, err } = await cli(proj, 'report', 'results.json');
      expect(code).to.equal(2);
      expect(err).to.equal(`parity: results.json: ${found}${found.endsWith('file') ? ', got text that is neither' : ''}\n`);
    });
  }

  it('merge with one bad shard exits 2 and leaves no run folder behind', async () => {
    const { proj } = hostileProject();
    write(join(proj, 'shard-1', 'results.json'), results());
    write(join(proj, 'shard-2', 'results.json'), results((r) => { delete r.engines; }));
    const { code, err } = await cli(proj, 'merge', 'shard-1/results.json', 'shard-2/results.json', '--out', 'merged');
    expect(code).to.equal(2);
    expect(err).to.contain('shard-2/results.json: engines: expected an object, got nothing');
    expect(existsSync(join(proj, 'merged'))).to.equal(false);
  });

  it("merge copies a shard's artifacts but not a link in them, so the merged report cannot reach outside", async () => {
    const { root, proj } = hostileProject();
    write(join(root, 'secret.json'), JSON.stringify([{ id: 0, depth: 0, lines: [SECRET] }]));
    write(join(proj, 'shard-1', 'results.json'), results((r) => {
      r.cases[0].evidence = { checkpoint: 'f', step: 0, reference: { layout: 'cases/c1/layout.json' }, candidate: { layout: 'cases/c1/layout.json' } };
    }));
    write(join(proj, 'shard-1', 'cases', 'c1', 'kept.txt'), 'kept');
    link(join(root, 'secret.json'), join(proj, 'shard-1', 'cases', 'c1', 'layout.json'));
    const { code, err } = await cli(proj, 'merge', 'shard-1/results.json', '--out', 'merged');
    expect(err).not.to.match(STACK_LINE);
    expect(code).to.equal(1);
    const [runDir] = readdirSync(join(proj, 'merged')).filter((d) => d !== 'latest');
    expect(existsSync(join(proj, 'merged', runDir, 'cases', 'c1', 'kept.txt'))).to.equal(true);
    expect(existsSync(join(proj, 'merged', runDir, 'cases', 'c1', 'layout.json'))).to.equal(false);
    expect(readFileSync(join(proj, 'merged', runDir, 'index.html'), 'utf8')).not.to.contain(SECRET);
  });

  it('an --out that names a file is one line, exit 2, no stack trace', async () => {
    const { proj } = hostileProject();
    write(join(proj, 'shard-1', 'results.json'), results());
    write(join(proj, 'taken'), 'a file');
    const { code, err } = await cli(proj, 'merge', 'shard-1/results.json', '--out', 'taken');
    expect(code).to.equal(2);
    expect(err).to.match(/^parity: cannot mkdir taken\/[^ ]+: a part of the path is a file, not a folder \(ENOTDIR\)/);
    expect(err.trim().split('\n')).to.have.length(1);
  });
});
