/**
 * Writes results.json incrementally: the header first, then one case per line as each
 * finishes, then the summary. A run that is interrupted keeps every finished case
 * (Ctrl-C closes the file properly; after a hard kill ./readResults.ts repairs it).
 * Cases are written in completion order and sorted when the file is finalized, so the
 * final file does not depend on scheduling.
 */
import { closeSync, fsyncSync, openSync, renameSync, writeSync } from 'node:fs';
import { canonicalJson } from '../protocol/canonical.ts';
import type { CaseResult, Determinism, GateOutcome, RunEngines, RunInfo, RunResults, RunSummary } from './types.ts';
import type { Verdict } from './verdict.ts';
import { RESULTS_FORMAT } from './types.ts';

export class ResultsWriter {
  private readonly fd: number;
  private readonly cases: CaseResult[] = [];
  private closed = false;

  constructor(
    private readonly path: string,
    private readonly run: RunInfo,
    private readonly engines: RunEngines,
  ) {
    this.fd = openSync(`${path}.partial`, 'w');
    writeSync(this.fd, `{"format":${JSON.stringify(RESULTS_FORMAT)},"run":${jsonOf(run)},"engines":${jsonOf(engines)},"cases":[\n`);
  }

  /** Appends a finished case; it is on disk when this returns. */
  add(result: CaseResult): void {
    if (this.closed) throw new Error('ResultsWriter: add() after close()');
    writeSync(this.fd, `${this.cases.length === 0 ? '' : ',\n'}${jsonOf(result)}`);
    this.cases.push(result);
  }

  get results(): readonly CaseResult[] {
    return this.cases;
  }

  /** Rewrites the file sorted by case id with the summary, and moves it into place. */
  close(finish: { finishedAt: string; durationMs: number; summary: RunSummary; verdict?: Verdict; determinism?: Determinism; cases?: readonly CaseResult[]; gate?: GateOutcome }): RunResults {
    if (this.closed) throw new Error('ResultsWriter: close() twice');
    this.closed = true;
    closeSync(this.fd);
    const results: RunResults = {
      format: RESULTS_FORMAT,
      run: { ...this.run, finishedAt: finish.finishedAt, durationMs: finish.durationMs },
      engines: this.engines,
      ...(finish.determinism ? { determinism: finish.determinism } : {}),
      cases: [...(finish.cases ?? this.cases)].sort(byId),
      summary: finish.summary,
      ...(finish.verdict ? { verdict: finish.verdict } : {}),
      ...(finish.gate ? { gate: finish.gate } : {}),
    };
    const fd = openSync(`${this.path}.partial`, 'w');
    writeSync(fd, formatResults(results));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(`${this.path}.partial`, this.path);
    return results;
  }
}

export function byId(a: CaseResult, b: CaseResult): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function jsonOf(value: unknown): string {
  return canonicalJson(JSON.parse(JSON.stringify(value)));
}

/** One case per line: diffable, greppable, and cheap to append. */
export function formatResults(r: RunResults): string {
  const head = `{"format":${JSON.stringify(r.format)},"run":${jsonOf(r.run)},"engines":${jsonOf(r.engines)}`;
  const det = r.determinism ? `,"determinism":${jsonOf(r.determinism)}` : '';
  const cases = r.cases.map(jsonOf).join(',\n');
  const summary = r.summary ? `,"summary":${jsonOf(r.summary)}` : '';
  const verdict = r.verdict ? `,"verdict":${jsonOf(r.verdict)}` : '';
  const gate = r.gate ? `,"gate":${jsonOf(r.gate)}` : '';
  return `${head}${det},"cases":[\n${cases}\n]${summary}${verdict}${gate}}\n`;
}
