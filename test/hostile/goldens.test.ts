/**
 * Hostile golden records: each corruption of one record is exit 2 from `golden verify`
 * naming the damaged file, with no stack trace, while the other records are still
 * verified; the gate writes its verdict and every artifact with a bad record among
 * good ones; a scenario that does not diverge is bad input to `minimize`.
 */
import { expect } from 'chai';
import { fixCrc } from './fileHelpers.ts';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, expectNoStack, tempProject } from './helpers.ts';

const VICTIM = 'smoke-resize';
const OTHERS = ['smoke-errors', 'smoke-text-wrap'];

type Corruption = (file: (name: string) => string) => void;
const meta = (edit: (m: Record<string, unknown>) => unknown): Corruption => (file) => {
  const m = JSON.parse(readFileSync(file('meta.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(file('meta.json'), JSON.stringify(edit(m)));
};
const checkpoint = (edit: (c: Record<string, unknown>) => void) => meta((m) => {
  edit((m.checkpoints as Record<string, unknown>[])[0]);
  return m;
});
const bytes = (name: string, edit: (b: Buffer) => Buffer | string): Corruption => (file) => writeFileSync(file(name), edit(readFileSync(file(name))));
const flipInIdat = (b: Buffer) => {
  const c = Buffer.from(b);
  c[c.indexOf('IDAT') + 6] ^= 0xff;
  return c;
};
/** A valid header (CRC fixed) that declares 100000x100000 pixels. */
const hugeIhdr = (b: Buffer) => {
  const c = Buffer.from(b);
  c.writeUInt32BE(100_000, 16);
  c.writeUInt32BE(100_000, 20);
  return fixCrc(c, 8);
};

/** [what is wrong, the corruption, the file the message must name, words it must hold] */
const CASES: ReadonlyArray<readonly [string, Corruption, string, string]> = [
  ['a truncated meta.json', bytes('meta.json', (b) => b.subarray(0, 40)), 'meta.json', 'expected JSON'],
  ['a meta.json that is null', bytes('meta.json', () => 'null'), 'meta.json', 'expected a golden record object, got null'],
  ['a meta.json of another format', meta((m) => ({ ...m, format: 'parity-golden/9' })), 'meta.json', 'expected format parity-golden/1'],
  ['a meta.json without its engine', meta((m) => ({ ...m, engine: undefined })), 'meta.json', 'field "engine"'],
  ['checkpoints that are not a list', meta((m) => ({ ...m, checkpoints: 'x' })), 'meta.json', 'field "checkpoints": expected a list'],
  ['a checkpoint file name that leaves the folder', checkpoint((c) => { c.base = '../../../etc/passwd'; }), 'meta.json', 'checkpoints[0].base'],
  ['a checkpoint at step -1', checkpoint((c) => { c.step = -1; }), 'meta.json', 'checkpoints[0].step: expected an integer >= 0'],
  ['a checkpoint that is a number', meta((m) => ({ ...m, checkpoints: [7] })), 'meta.json', 'checkpoints[0]: expected { name, step, base }'],
  ['a truncated PNG', bytes('00-small.png', (b) => b.subarray(0, 60)), '00-small.png', '(truncated)'],
  ['a PNG whose image data is damaged', bytes('00-small.png', flipInIdat), '00-small.png', '(damaged data)'],
  ['a file that is not a PNG', bytes('00-small.png', () => 'hello, I am text'), '00-small.png', 'expected a PNG file (signature'],
  ['a PNG declaring 100000x100000 pixels', bytes('00-small.png', hugeIhdr), '00-small.png', 'pixels (width*height), got 100000x100000'],
  ['a PNG that is a folder', (file) => { rmSync(file('00-small.png')); mkdirSync(file('00-small.png')); }, '00-small.png', 'expected a PNG file (a regular file), got a directory'],
  ['one missing PNG among frames', (file) => rmSync(file('01-large.png')), '01-large.png', 'missing, while other checkpoints of the record have frames'],
  ['a truncated layout JSON', bytes('00-small.layout.json', (b) => b.subarray(0, 10)), '00-small.layout.json', 'expected JSON'],
  ['a missing layout JSON', (file) => rmSync(file('02-rejected.layout.json')), '02-rejected.layout.json', 'cannot read the golden file (missing)'],
  ['a layout entry whose width is a word', bytes('00-small.layout.json', (b) => b.toString().replace(/"width":[^,}]+/, '"width":"wide"')), '00-small.layout.json', '[0].width: expected a number'],
  ['a layout entry without an id', bytes('00-small.layout.json', (b) => b.toString().replace(/"id":\d+,?/, '')), '00-small.layout.json', '[0].id: expected an integer'],
  ['events that are a map', bytes('00-small.events.json', () => '{}'), '00-small.events.json', 'expected a list of events, got an empty map'],
  ['a missing events JSON', (file) => rmSync(file('03-tiny.events.json')), '03-tiny.events.json', 'cannot read the golden file (missing)'],
  ['an event that is a list', bytes('00-small.events.json', () => '[[1, 2]]'), '00-small.events.json', '[0]: expected an event { step, kind, code, id, detail }'],
];

interface VerifyJson {
  readonly results: ReadonlyArray<{ scenario?: string; side?: string; status?: string; message?: string; error?: string }>;
  readonly exitClass: number;
}

describe('hostile golden records', function () {
  this.timeout(120_000);
  const project = tempProject('golden');
  const config = join(project.dir, 'parity.config.yaml');
  const record = (name: string) => join(project.dir, 'golden', VICTIM, name);
  before(() => {
    for (const id of [VICTIM, ...OTHERS]) project.copy(`scenarios/smoke/${id}.yaml`, `scenarios/${id}.yaml`);
    project.write('parity.config.yaml', [
      'scenarios: [scenarios/]', 'workers: 1', 'defaultWave: w', 'waves:', '  w:',
      '    scenarios: [scenarios/]', '    golden: true', '    fuzz: null', '    requireQuirks: []', '',
    ].join('\n'));
  });
  beforeEach(() => {
    rmSync(join(project.dir, 'golden'), { recursive: true, force: true });
    for (const id of [VICTIM, ...OTHERS]) project.copy(`golden/${id}`, `golden/${id}`);
  });
  after(() => project.remove());

  const verify = async (args: readonly string[] = []) => {
    const o = await cli(['golden', 'verify', '--config', config, '--json', ...args]);
    return { o, json: JSON.parse(o.out) as VerifyJson };
  };
  const expectOthersMatch = (json: VerifyJson) => {
    for (const id of OTHERS) {
      expect(json.results.filter((r) => r.scenario === id).map((r) => r.status), id).to.deep.equal(['match', 'match']);
    }
  };

  it('verifies the untouched records: every record matches, exit 0 (the battery starts from good goldens)', async () => {
    const { o, json } = await verify();
    expect(o.code, o.out).to.equal(0);
    expect(json.results.every((r) => r.status === 'match')).to.equal(true);
  });

  for (const [what, corrupt, file, words] of CASES) {
    it(`exits 2 naming golden/${VICTIM}/${file} for ${what}, and still verifies the other records`, async () => {
      corrupt(record);
      const { o, json } = await verify();
      expect(o.code, o.out).to.equal(2);
      const bad = json.results.filter((r) => r.scenario === VICTIM);
      expect(bad.map((r) => r.status)).to.deep.equal(['corrupt']);
      expect(bad[0].message, bad[0].message).to.contain(`golden/${VICTIM}/${file}`).and.to.contain(words);
      expectNoStack(o);
      expectOthersMatch(json);
    });
  }

  it('verifies every valid scenario when one scenario file is bad, naming its file:line:column (exit 2)', async () => {
    const bad = project.write('scenarios/zz-bad.yaml', 'id: zz\ntitle: bad\nviewport: { width: 8, height: 8 }\nsteps:\n  - explode: { now: true }\n');
    try {
      const { o, json } = await verify();
      expect(o.code).to.equal(2);
      expect(json.results.find((r) => r.error)!.error).to.match(new RegExp(`${bad}:5:5: `));
      expectNoStack(o);
      expectOthersMatch(json);
      expect(json.results.filter((r) => r.scenario === VICTIM).map((r) => r.status)).to.deep.equal(['match', 'match']);
    } finally {
      rmSync(bad);
    }
  });

  it('writes the gate verdict and every artifact when a golden record is corrupt: the bad record is an input error of its case (exit 2)', async () => {
    writeFileSync(record('meta.json'), 'null');
    const reports = join(project.dir, 'reports');
    const o = await cli(['gate', '--config', config, '--out', reports, '--json']);
    expect(o.code, o.err).to.equal(2);
    expectNoStack(o);
    const runDir = (JSON.parse(o.out) as { runDir: string }).runDir;
    for (const artifact of ['results.json', 'junit.xml', 'summary.json', 'index.html']) expect(existsSync(join(runDir, artifact)), artifact).to.equal(true);
    const results = JSON.parse(readFileSync(join(runDir, 'results.json'), 'utf8')) as { cases: { id: string; status: string; error?: { message: string } }[] };
    const golden = results.cases.find((c) => c.id === `golden:${VICTIM}`)!;
    expect(golden.status).to.equal('error');
    expect(golden.error!.message).to.contain(`golden/${VICTIM}/meta.json`);
    for (const id of OTHERS) expect(results.cases.find((c) => c.id === `golden:${id}`)!.status, id).to.equal('pass');
    expect(results.cases.filter((c) => !c.id.startsWith('golden:')).map((c) => c.status)).to.deep.equal(['pass', 'pass', 'pass']);
  });

  it('exits 2 (input), not 1, when minimize is given a scenario that does not diverge', async () => {
    const o = await cli(['minimize', '--config', config, '--dry-run', join(project.dir, 'scenarios', `${VICTIM}.yaml`)]);
    expect(o.code).to.equal(2);
    expect(o.err).to.contain(`scenarios/${VICTIM}.yaml: the stream`).and.to.contain('does not diverge');
    expectNoStack(o);
  });
});
