import { expect } from 'chai';
import { join } from 'node:path';
import { readResults } from '../../../harness/results/readResults.ts';
import { runScenarios } from '../../../harness/run/runScenarios.ts';
import { root, fixtures, tempReports, testConfig } from './helpers.ts';

const good = join(fixtures, 'scenarios/good');
const smoke = join(root, 'scenarios/smoke');

describe('harness/run an interrupted run', function () {
  this.timeout(120_000);

  it('exits 3 with 0 of 2 cases done when the stop lands during the determinism check', async () => {
    let stop = false;
    const { results, runDir } = await runScenarios({
      config: testConfig(), paths: [good], candidate: { builtin: 'legacy-js' }, reportsDir: tempReports(), command: 'test',
      onPhase: (text) => { if (text.startsWith('determinism check')) stop = true; },
      shouldStop: () => stop,
    });
    expect(results.summary).to.include({ exitClass: 3, interrupted: true, total: 0, planned: 2 });
    expect(results.determinism!.sampled).to.deep.equal([]);
    expect(readResults(join(runDir, 'results.json')).summary).to.include({ interrupted: true, planned: 2 });
  });

  it('keeps the cases that finished when the stop lands among the scenario cases, and exits 3', async () => {
    let stop = false;
    const { results, runDir } = await runScenarios({
      config: testConfig({ determinismSample: 0 }), paths: [smoke], candidate: { builtin: 'legacy-js' }, workers: 1,
      reportsDir: tempReports(), command: 'test',
      onResult: (_r, done) => { if (done === 2) stop = true; },
      shouldStop: () => stop,
    });
    expect(results.summary).to.include({ exitClass: 3, interrupted: true, total: 2, planned: 16 });
    expect(results.cases.map((c) => c.status)).to.deep.equal(['pass', 'pass']);
    expect(readResults(join(runDir, 'results.json')).cases).to.have.length(2);
  });

  it('says planned equals total when nothing stopped it', async () => {
    const { results } = await runScenarios({ config: testConfig(), paths: [good], candidate: { builtin: 'legacy-js' }, reportsDir: tempReports(), command: 'test', shouldStop: () => false });
    expect(results.summary).to.include({ exitClass: 0, interrupted: false, total: 2, planned: 2 });
  });
});
