/**
 * Reads results.json, including one left behind by an interrupted run (the
 * `.partial` file whose case list was never closed): every complete case line is kept.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RunResults } from './types.ts';
import { RESULTS_FORMAT } from './types.ts';

export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

export function readResults(path: string): RunResults {
  const file = existsSync(path) ? path : existsSync(`${path}.partial`) ? `${path}.partial` : null;
  if (file === null) throw new ResultsFileError(`${path}: no such results file`);
  const text = readFileSync(file, 'utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = repair(text, file);
  }
  const r = parsed as Partial<RunResults>;
  if (r?.format !== RESULTS_FORMAT || !Array.isArray(r.cases)) {
    throw new ResultsFileError(`${file}: expected a ${RESULTS_FORMAT} results file, got format ${JSON.stringify(r?.format)}`);
  }
  return r as RunResults;
}

/** Keeps the header and every complete case line of an unfinished file. */
function repair(text: string, file: string): unknown {
  const [head, ...lines] = text.split('\n');
  if (!head.endsWith('"cases":[')) throw new ResultsFileError(`${file}: not valid JSON and not a partial results file`);
  const cases: unknown[] = [];
  for (const line of lines) {
    const body = line.replace(/^,/, '').replace(/,$/, '');
    if (body.startsWith('{')) {
      try {
        cases.push(JSON.parse(body));
      } catch {
        break; // the line being written when the run stopped
      }
    }
  }
  const header = JSON.parse(`${head}]}`) as Record<string, unknown>;
  return { ...header, cases, summary: undefined };
}
