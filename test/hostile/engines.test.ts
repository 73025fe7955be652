/**
 * Hostile engine modules: every way an adapter module can fail to load is exit 2 with
 * one message naming the module, no stack trace, and a run folder holding the verdict;
 * a module that hangs at import is stopped by the time limit; a `.ts` adapter outside a
 * "type": "module" folder works; an engine's asynchronous errors belong to the case that
 * caused them (or to none), never to the next case, and every other case is kept.
 */
import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cli, expectNoStack, ROOT, scenarioYaml, tempProject } from './helpers.ts';

const FAULTY = pathToFileURL(join(ROOT, 'test/fixtures/engines/faulty.ts')).href;
/** A working adapter (the legacy engine through the faulty fixture, fault none) wrapped by `body`. */
const wrapping = (body: string) => `import createFaulty from '${FAULTY}';\nconst inner = () => createFaulty({ fault: 'none' });\n${body}\n`;

/** [what is wrong, module source (or null: the path is made a folder / left missing), words the message must hold] */
const LOAD_FAULTS: ReadonlyArray<readonly [string, string | null | 'folder', string]> = [
  ['hangs at import', 'for (;;) { /* never returns */ }\nexport default () => null;', 'did not finish loading within 1500 ms (it hangs at import or in its factory)'],
  ['throws at import', 'throw new Error("no licence server");\nexport default () => null;', 'failed to load: no licence server'],
  ['has a syntax error', 'export default function (: number {', 'failed to load: '],
  ['exports no factory', 'export const answer = 42;', 'expected a default export or `createAdapter` function, got undefined'],
  ['has a factory that throws', 'export default function createAdapter() { throw new Error("bad options"); }', 'its factory failed with options {"speed":3}: bad options'],
  ['has a factory that rejects its options', 'export default async function createAdapter(o: { speed?: number }) { throw new RangeError(`speed ${o.speed} out of range`); }', 'its factory failed with options {"speed":3}: speed 3 out of range'],
  ['has a factory whose promise can never settle', 'export default () => new Promise(() => undefined);', 'returned a promise that can never settle'],
  ['has a factory that never resolves while its timers run', 'export default () => new Promise(() => { setInterval(() => undefined, 50); });', 'did not finish loading within 1500 ms'],
  ['has a factory that returns null', 'export default () => null;', 'expected its factory to return an adapter object, got null'],
  ['returns an adapter without identity', wrapping('export default () => ({ ...inner(), identity: undefined });'), 'expected an adapter with identity {name, version, build} (strings)'],
  ['returns an adapter without create()', wrapping('export default () => ({ ...inner(), create: 7 });'), 'expected an adapter with a create() method'],
  ['returns an adapter without producesFrames', wrapping('export default () => ({ ...inner(), producesFrames: "yes" });'), 'expected producesFrames to be a boolean'],
  ['is a folder', 'folder', 'expected a file, got a folder or special file'],
  ['does not exist', null, 'no such file'],
];

interface Results {
  readonly verdict: { exitClass: number; reasons: string[] };
  readonly engines: { candidate: { name: string; build: string } };
  readonly cases: ReadonlyArray<{ id: string; status: string; divergences: { kind: string; engine?: string; message?: string }[] }>;
}

describe('hostile engine modules', function () {
  this.timeout(180_000);
  const project = tempProject('engines');
  const scenarios = join(project.dir, 'scenarios');
  const reportsOf = (name: string) => join(project.dir, 'reports', name);
  const configFor = (name: string, module: string, extra: readonly string[] = []) => project.write(`${name}/parity.config.yaml`, [
    'candidate: mine', 'engines:', `  mine: { module: ${module}, options: { speed: 3 } }`, 'timeoutMs: 1500', 'workers: 1', ...extra, '',
  ].join('\n'));
  const latestResults = (name: string): Results => JSON.parse(readFileSync(join(reportsOf(name), 'latest', 'results.json'), 'utf8')) as Results;
  before(() => {
    // c1 ticks (the late-rejecting engine acts on ticks); c2 and c3 are plain, c3 applies slowly
    project.write('scenarios/c1.yaml', scenarioYaml('c1', ['  - tick: { ms: 10 }']));
    project.write('scenarios/c2.yaml', scenarioYaml('c2'));
    project.write('scenarios/c3.yaml', scenarioYaml('c3', ['  - frame: { name: slow }']));
  });
  after(() => project.remove());

  LOAD_FAULTS.forEach(([what, source, words], i) => {
    it(`exits 2 naming the module when it ${what}, and writes the run folder with that verdict`, async () => {
      const name = `load-${i}`;
      const module = `./adapters/${name}.ts`;
      if (source === 'folder') project.write(`${name}/adapters/${name}.ts/placeholder`, '');
      else if (source !== null) project.write(`${name}/adapters/${name}.ts`, source);
      const o = await cli(['run', '--config', configFor(name, module), '--out', reportsOf(name), scenarios]);
      expect(o.code, o.err).to.equal(2);
      expect(o.err).to.contain(`engine module mine (${module}): `).and.to.contain(words);
      expect(o.err.trim().split('\n'), 'one message').to.have.length(1);
      expectNoStack(o);
      const results = latestResults(name);
      expect(results.verdict.exitClass).to.equal(2);
      expect(results.verdict.reasons[0]).to.contain(words);
      expect(results.engines.candidate).to.include({ name: 'mine', build: 'not loaded' });
      expect(existsSync(join(reportsOf(name), 'latest', 'junit.xml'))).to.equal(true);
    });
  });

  it('runs a .ts adapter from a folder whose package.json does not say "type": "module"', async () => {
    project.write('cjs/adapters/package.json', '{ "name": "adapters" }\n');
    project.write('cjs/adapters/mine.ts', wrapping('export default function createAdapter() { return inner(); }'));
    const o = await cli(['run', '--config', configFor('cjs', './adapters/mine.ts'), '--out', reportsOf('cjs'), scenarios]);
    expectNoStack(o);
    expect(o.code, o.err).to.equal(0);
    expect(latestResults('cjs').cases.map((c) => c.status)).to.deep.equal(['pass', 'pass', 'pass']);
  });

  // rejects a promise nobody awaits, right after the apply that holds the tick (c1 only)
  const rejecting = (when: string) => wrapping(`
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
export default function createAdapter() {
  const adapter = inner();
  return { ...adapter, async create(viewport: any, options: any) {
    const session = await adapter.create(viewport, options);
    return { ...session, async apply(batch: any[]) {
      if (batch.some((c) => c.op === 'tick')) ${when};
      if (batch.some((c) => c.op === 'frame' && c.name === 'slow')) await sleep(400);
      return session.apply(batch);
    } };
  } };
}`);

  it('records a promise rejected right after apply as a crash of the case that caused it, and keeps the other cases', async () => {
    project.write('now/adapters/mine.ts', rejecting('void Promise.reject(new Error("rejected after apply"))'));
    const o = await cli(['run', '--config', configFor('now', './adapters/mine.ts', ['determinismSample: 0']), '--out', reportsOf('now'), scenarios]);
    expectNoStack(o);
    expect(o.code, o.out).to.equal(3);
    const cases = latestResults('now').cases;
    expect(cases.map((c) => [c.id, c.status])).to.deep.equal([['c1', 'crash'], ['c2', 'pass'], ['c3', 'pass']]);
    expect(cases[0].divergences[0]).to.include({ kind: 'crash', engine: 'candidate' });
    expect(cases[0].divergences[0].message).to.contain('an unhandled promise rejection: Error: rejected after apply');
  });

  it('blames no case for a rejection that lands while the next case runs: it is reported as an incident naming the case that caused it', async () => {
    project.write('later/adapters/mine.ts', rejecting('setTimeout(() => void Promise.reject(new Error("rejected 100 ms later")), 100)'));
    const o = await cli(['run', '--config', configFor('later', './adapters/mine.ts', ['determinismSample: 0']), '--out', reportsOf('later'), scenarios]);
    expectNoStack(o);
    expect(o.code, o.out).to.equal(0);
    expect(latestResults('later').cases.map((c) => [c.id, c.status])).to.deep.equal([['c1', 'pass'], ['c2', 'pass'], ['c3', 'pass']]);
    expect(o.err).to.contain('incident: candidate raised an unhandled promise rejection: Error: rejected 100 ms later after case c1 had finished; no case is blamed');
  });
});
