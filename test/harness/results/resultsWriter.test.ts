import { expect } from 'chai';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ResultsWriter } from '../../../harness/results/resultsWriter.ts';
import { readResults } from '../../../harness/results/readResults.ts';
import { summarize } from '../../../harness/results/summarize.ts';
import { decide } from '../../../harness/results/verdict.ts';
import type { CaseResult } from '../../../harness/results/types.ts';

const identity = { name: 'e', version: '1', build: 'b' };
const caseResult = (id: string, status: CaseResult['status'] = 'pass'): CaseResult => ({
  id, title: id, source: { kind: 'scenario', file: `${id}.yaml` }, status, steps: 3, checkpoints: 1, divergences: [],
  timing: { referenceMs: 1, candidateMs: 1, compareMs: 0, totalMs: 2 },
});

describe('harness/results ResultsWriter', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'parity-results-'));

  it('keeps every finished case of an interrupted run readable, without a summary', () => {
    const path = join(dir(), 'results.json');
    const w = new ResultsWriter(path, { id: 'r', command: 'run', target: 'node', startedAt: 't' }, { reference: identity, candidate: identity });
    w.add(caseResult('b'));
    w.add(caseResult('a', 'divergence'));
    // the run is killed here: results.json.partial is all there is
    expect(existsSync(path)).to.equal(false);
    const r = readResults(path);
    expect(r.cases.map((c) => c.id)).to.deep.equal(['b', 'a']);
    expect(r.summary).to.equal(undefined);
  });

  it('finalizes the file sorted by case id with a summary and exit class', () => {
    const path = join(dir(), 'results.json');
    const w = new ResultsWriter(path, { id: 'r', command: 'run', target: 'node', startedAt: 't' }, { reference: identity, candidate: identity });
    w.add(caseResult('b'));
    w.add(caseResult('a', 'divergence'));
    const verdict = decide({ kind: 'run', cases: w.results, interrupted: false });
    const r = w.close({ finishedAt: 'u', durationMs: 5, summary: summarize(w.results, verdict), verdict });
    expect(r.cases.map((c) => c.id)).to.deep.equal(['a', 'b']);
    expect(readResults(path).summary!.exitClass).to.equal(1);
    expect(readResults(path).verdict!.word).to.equal('fail');
    expect(readFileSync(path, 'utf8').split('\n')).to.have.length(5); // header, 2 cases, summary and verdict, final newline
  });
});
