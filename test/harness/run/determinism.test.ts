import { expect } from 'chai';
import { join } from 'node:path';
import { engineCrash } from '../../../harness/compare/index.ts';
import type { CaseResult } from '../../../harness/results/types.ts';
import { judgeSelfRun } from '../../../harness/run/determinism.ts';
import { runScenarios } from '../../../harness/run/runScenarios.ts';
import { fixtures, tempReports, testConfig } from './helpers.ts';

const result = (status: CaseResult['status'], divergences: CaseResult['divergences'] = []): CaseResult => ({
  id: 'c', title: 'c', source: { kind: 'scenario', file: 'c.yaml' }, status, steps: 9, checkpoints: 0, divergences,
  timing: { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: 0 },
});
const boom = (side: 'reference' | 'candidate', step: number, message = 'boom') => engineCrash(side, new Error(message), { step });

describe('harness/run determinism (the A-vs-A check)', function () {
  this.timeout(60_000);

  it('calls the reference non-deterministic only when its two runs differ', () => {
    expect(judgeSelfRun(result('pass'))).to.equal('reproduced');
    expect(judgeSelfRun(result('divergence'))).to.equal('differs');
    expect(judgeSelfRun(result('crash', [boom('candidate', 4)]))).to.equal('differs');
    expect(judgeSelfRun(result('crash', [boom('reference', -1)]))).to.equal('differs');
    expect(judgeSelfRun(result('crash', [boom('reference', 4), boom('candidate', 4, 'other')]))).to.equal('differs');
  });

  it('calls a crash that happens the same way twice, or only in the first run mid-stream, a crash', () => {
    expect(judgeSelfRun(result('crash', [boom('reference', -1), boom('candidate', -1)]))).to.equal('crashed');
    expect(judgeSelfRun(result('crash', [boom('reference', 4)]))).to.equal('crashed');
    expect(judgeSelfRun(result('timeout'))).to.equal('timed-out');
  });

  it('calls a bad input an input error of the case', () => {
    expect(judgeSelfRun(result('error'))).to.equal('input-error');
  });

  it('reports a missing asset as an input error naming the file, once, with exit 2, not as non-determinism', async () => {
    const { results } = await runScenarios({
      config: testConfig({ determinismSample: 3 }), paths: [join(fixtures, 'scenarios/good'), join(fixtures, 'scenarios/asset-missing')],
      candidate: { builtin: 'legacy-js' }, reportsDir: tempReports(), command: 'test',
    });
    expect(results.determinism).to.deep.equal({ sampled: ['fixture-box', 'fixture-text'], nondeterministic: [] });
    const statuses = results.cases.map((c) => [c.id, c.status]);
    expect(statuses).to.deep.include.members([['fixture-box', 'pass'], ['fixture-text', 'pass']]);
    const failed = results.cases.filter((c) => c.status === 'error');
    expect(failed).to.have.length(1);
    expect(failed[0].error!.message).to.match(/missing-image\.yaml:5:\d+: asset "logo" \(.*no-such-image\.png\): expected a PNG file, got nothing at this path/);
    expect(results.summary!.exitClass).to.equal(2);
  });
});
