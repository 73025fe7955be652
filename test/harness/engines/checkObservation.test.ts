import { expect } from 'chai';
import { join } from 'node:path';
import { describeDivergence } from '../../../harness/compare/describe.ts';
import type { Divergence } from '../../../harness/compare/types.ts';
import { observationProblem } from '../../../harness/engines/checkObservation.ts';
import { runScenarios } from '../../../harness/run/runScenarios.ts';
import { faulty, fixtures, tempReports, testConfig } from '../run/helpers.ts';

const entry = { id: 1, depth: 1, x: 0, y: 0, width: 10, height: 8 };
const ok = { checkpoint: 'a', step: 3, frame: { width: 2, height: 1, data: new Uint8Array(8) }, layout: [entry], events: [] };

describe('harness/engines checkObservation', function () {
  this.timeout(60_000);

  it('accepts an observation, a layout-only one, and NaN in layout (quirk parsefloat-units reaches it)', () => {
    expect(observationProblem(ok)).to.equal(null);
    expect(observationProblem({ ...ok, frame: null, layout: [{ ...entry, width: Number.NaN, lines: ['hi'] }] })).to.equal(null);
  });

  it('names the first bad field, what was expected and what came', () => {
    const table: Array<[unknown, string]> = [
      [undefined, 'snapshot() returned undefined: expected an observation {checkpoint, step, frame, layout, events}'],
      [[], 'snapshot() returned an array of 0: expected an observation {checkpoint, step, frame, layout, events}'],
      [{ ...ok, checkpoint: 4 }, 'snapshot().checkpoint: expected a string, got 4'],
      [{ ...ok, step: 1.5 }, 'snapshot().step: expected an integer, got 1.5'],
      [{ ...ok, frame: { width: 2, height: 1, data: new Uint8Array(4) } }, 'snapshot().frame.data: expected 8 bytes (width × height × 4), got 4'],
      [{ ...ok, frame: { width: 2, height: 1, data: [0, 0] } }, 'snapshot().frame.data: expected a Uint8Array, got an array of 2'],
      [{ ...ok, layout: undefined }, 'snapshot().layout: expected an array, got undefined'],
      [{ ...ok, layout: [entry, entry, entry, { ...entry, width: '12' }] }, 'snapshot().layout[3].width: expected a number, got "12"'],
      [{ ...ok, layout: [{ ...entry, lines: ['a', 3] }] }, 'snapshot().layout[0].lines[1]: expected a string, got 3'],
      [{ ...ok, events: [{ step: 0, kind: 'error', code: 'cycle', id: 1 }] }, 'snapshot().events[0].detail: expected a string, got undefined'],
    ];
    for (const [o, message] of table) expect(observationProblem(o)).to.equal(message);
  });

  it('makes a third-party snapshot() that returns undefined a crash of that engine at its checkpoint, not a pass', async () => {
    const { results } = await runScenarios({
      config: testConfig(), paths: [join(fixtures, 'scenarios/good/box.yaml')], candidate: { module: faulty, options: { fault: 'no-observation' } },
      reportsDir: tempReports(), command: 'test',
    });
    expect(results.summary!.exitClass).to.equal(3);
    const [c] = results.cases;
    expect([c.status, c.checkpoints]).to.deep.equal(['crash', 0]);
    const crash = c.divergences[0] as Divergence;
    expect(crash.kind === 'crash' && crash.engine).to.equal('candidate');
    expect(crash.step).to.equal(7);
    expect(describeDivergence(crash).summary).to.contain('engine faulty-no-observation, step 7: snapshot() returned undefined: expected an observation');
  });

  it('makes a layout width given as a string a crash naming the field', async () => {
    const { results } = await runScenarios({
      config: testConfig(), paths: [join(fixtures, 'scenarios/good/box.yaml')], candidate: { module: faulty, options: { fault: 'string-width' } },
      reportsDir: tempReports(), command: 'test',
    });
    const crash = results.cases[0].divergences[0] as Divergence;
    expect(describeDivergence(crash).summary).to.contain('snapshot().layout[1].width: expected a number, got "12"');
  });
});
