import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { boxScenario, fifo, hostileProject, link, parityProcess, readJson, STACK_LINE, write, type CliOutcome } from './fileHelpers.ts';

/**
 * One `parity run` over a scenarios folder holding good scenarios and hostile files:
 * links out of the folder, special files, an oversize file, a linked folder leading out.
 */
describe('hostile inputs: scenario paths and special files', () => {
  let run: CliOutcome;
  let cases: Map<string, any>;
  const SECRET = 'TOP-SECRET-7f3a';

  before(() => {
    const { root, proj } = hostileProject();
    const s = join(proj, 'scenarios');
    write(join(s, 'good-a.yaml'), boxScenario('good-a'));
    write(join(s, 'good-b.yaml'), boxScenario('good-b'));
    link(write(join(root, 'secret.yaml'), `${SECRET}: 1\n`), join(s, 'leak.yaml'));
    link('/etc/passwd', join(s, 'passwd.yaml'));
    link('/dev/zero', join(s, 'zero.yaml'));
    fifo(join(s, 'pipe.yaml'));
    write(join(s, 'big.yaml'), `# ${'x'.repeat(1024 * 1024)}\n`);
    write(join(root, 'elsewhere', 'outside.yaml'), boxScenario('outside'));
    link(join(root, 'elsewhere'), join(s, 'linked-out'));
    link(s, join(s, 'loop')); // a link back to the folder itself: walked once, no loop
    run = parityProcess(proj, 'run', 'scenarios', '--workers', '1', '--out', 'reports');
    const [runId] = readdirSync(join(proj, 'reports')).filter((d) => d !== 'latest');
    cases = new Map(readJson(join(proj, 'reports', runId, 'results.json')).cases.map((c: any) => [c.id, c]));
  });

  it('exits 2 with no stack trace and keeps both good cases as passes', () => {
    expect(run.code).to.equal(2);
    expect(run.out + run.err).not.to.match(STACK_LINE);
    expect(cases.get('good-a').status).to.equal('pass');
    expect(cases.get('good-b').status).to.equal('pass');
  });

  it('refuses a scenario link to a file outside the scenarios folder without printing its content', () => {
    expect(cases.get('scenarios/leak.yaml').error.message).to.match(/leak\.yaml: expected a scenario file inside .*scenarios, got a path that leads to .*secret\.yaml, outside it/);
    expect(run.out + run.err).not.to.contain(SECRET);
  });

  it('refuses a scenario link to /etc/passwd without printing a byte of it', () => {
    expect(cases.get('scenarios/passwd.yaml').error.message).to.match(/leads to \/etc\/passwd, outside it/);
    expect(run.out + run.err).not.to.contain('root:');
  });

  it('refuses a scenario link to /dev/zero instead of reading forever', () => {
    expect(cases.get('scenarios/zero.yaml').error.message).to.match(/leads to \/dev\/zero, outside it/);
  });

  it('refuses a FIFO named .yaml instead of waiting for a writer', () => {
    expect(cases.get('scenarios/pipe.yaml').error.message).to.match(/pipe\.yaml: expected a scenario file \(a regular file\), got a FIFO/);
  });

  it('refuses a scenario over 1 MiB while reading it', () => {
    expect(cases.get('scenarios/big.yaml').error.message).to.match(/big\.yaml: expected a scenario file of at most 1048576 bytes, got a larger file/);
  });

  it('does not follow a linked folder out of the scenarios folder, and walks a looping link once', () => {
    expect([...cases.keys()].filter((id) => id.includes('outside'))).to.deep.equal([]);
    expect([...cases.keys()].sort()).to.deep.equal([
      'good-a', 'good-b', 'scenarios/big.yaml', 'scenarios/leak.yaml', 'scenarios/passwd.yaml', 'scenarios/pipe.yaml', 'scenarios/zero.yaml',
    ]);
  });
});
