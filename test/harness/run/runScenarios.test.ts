import { expect } from 'chai';
import { readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { runScenarios } from '../../../harness/run/runScenarios.ts';
import { readResults } from '../../../harness/results/readResults.ts';
import { describeDivergence } from '../../../harness/compare/describe.ts';
import type { Divergence } from '../../../harness/compare/types.ts';
import { faulty, fixtures, root, tempReports, testConfig, withoutTiming } from './helpers.ts';

const good = join(fixtures, 'scenarios/good');
const bad = join(fixtures, 'scenarios/bad');

describe('harness/run runScenarios', function () {
  this.timeout(60_000);

  it('passes when the candidate is the same engine behind a worker thread, and writes results, JUnit and reports/latest', async () => {
    const reportsDir = tempReports();
    const { results, runDir } = await runScenarios({
      config: testConfig(), paths: [good], candidate: { builtin: 'legacy-js-worker' }, reportsDir, command: 'test',
    });
    expect(results.summary!.exitClass).to.equal(0);
    expect(results.cases.map((c) => [c.id, c.status])).to.deep.equal([['fixture-box', 'pass'], ['fixture-text', 'pass']]);
    expect(results.cases[0].checkpoints).to.equal(2);
    expect(results.determinism!.nondeterministic).to.deep.equal([]);
    expect(readResults(join(runDir, 'results.json')).cases).to.have.length(2);
    expect(readFileSync(join(runDir, 'junit.xml'), 'utf8')).to.contain('<testcase classname="test/fixtures/scenarios/good/box.yaml" name="fixture-box"');
    expect(readlinkSync(join(reportsDir, 'latest'))).to.equal(results.run.id);
  });

  it('records malformed YAML and an unknown op as input errors with file:line:column, runs the rest, and exits 2', async () => {
    const { results } = await runScenarios({ config: testConfig(), paths: [good, bad], candidate: { builtin: 'legacy-js' }, reportsDir: tempReports(), command: 'test' });
    const byId = Object.fromEntries(results.cases.map((c) => [c.id, c]));
    expect(results.summary!.exitClass).to.equal(2);
    expect(results.cases).to.have.length(4);
    const malformed = byId['test/fixtures/scenarios/bad/malformed.yaml'];
    expect(malformed.status).to.equal('error');
    expect(malformed.error!.message).to.match(/malformed\.yaml:\d+:\d+: /);
    const unknown = byId['test/fixtures/scenarios/bad/unknown-op.yaml'];
    expect(unknown.error!.message).to.match(/unknown-op\.yaml:6:\d+: step 1: .*explode/);
    expect(unknown.error!.step).to.equal(1);
    expect(byId['fixture-box'].status).to.equal('pass');
  });

  it('records an engine that throws as a crash naming the engine and step, keeps every case, and exits 3', async () => {
    const { results } = await runScenarios({
      config: testConfig(), paths: [good], candidate: { module: faulty, options: { fault: 'throws' } }, reportsDir: tempReports(), command: 'test',
    });
    expect(results.summary!.exitClass).to.equal(3);
    expect(results.cases.map((c) => c.status)).to.deep.equal(['crash', 'crash']);
    const crash = results.cases[0].divergences[0] as Divergence;
    expect(crash.kind).to.equal('crash');
    expect(describeDivergence(crash).summary).to.contain('fixture engine exploded');
    expect(crash.step).to.equal(7);
  });

  it('stops an engine that hangs at the time limit, records a timeout with the step it hung at, and goes on', async () => {
    const { results } = await runScenarios({
      config: testConfig({ determinismSample: 0 }), paths: [good], candidate: { module: faulty, options: { fault: 'hangs' } },
      timeoutMs: 1500, workers: 1, reportsDir: tempReports(), command: 'test',
    });
    const byId = Object.fromEntries(results.cases.map((c) => [c.id, c]));
    expect(byId['fixture-box'].status).to.equal('timeout');
    const t = byId['fixture-box'].divergences[0] as Divergence;
    expect(t.kind === 'timeout' && t.engine).to.equal('candidate');
    expect(t.step).to.equal(8);
    expect(byId['fixture-text'].status).to.equal('pass');
    expect(results.summary!.exitClass).to.equal(3);
  });

  it('reports frames of the wrong size as a divergence that names both sizes', async () => {
    const { results } = await runScenarios({
      config: testConfig(), paths: [join(good, 'text.yaml')], candidate: { module: faulty, options: { fault: 'wrong-size' } }, reportsDir: tempReports(), command: 'test',
    });
    expect(results.summary!.exitClass).to.equal(1);
    const frame = results.cases[0].divergences.find((d) => d.kind === 'frame') as Divergence;
    expect(describeDivergence(frame).summary).to.contain('64x16').and.to.contain('64x17');
  });

  it('compares a layout-only third-party engine on layout and events alone', async () => {
    const { results } = await runScenarios({
      config: testConfig(), paths: [good], candidate: { module: join(root, 'docs/example-adapter.ts') }, reportsDir: tempReports(), command: 'test',
    });
    expect(results.engines.candidate.name).to.equal('example-layout-only');
    expect(results.cases.map((c) => c.status)).to.deep.equal(['pass', 'pass']);
  });

  it('writes byte-identical results.json for the same inputs, timing fields aside', async () => {
    const run = async () => (await runScenarios({ config: testConfig(), paths: [good, bad], candidate: { module: faulty, options: { fault: 'wrong-size' } }, reportsDir: tempReports(), command: 'test' })).runDir;
    const [a, b] = [await run(), await run()];
    expect(withoutTiming(join(a, 'results.json'))).to.equal(withoutTiming(join(b, 'results.json')));
  });
});
