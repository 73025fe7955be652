/**
 * Reads results.json, including one left behind by an interrupted run (the
 * `.partial` file whose case list was never closed): every complete case line is kept.
 * The file is read as data from elsewhere: a regular file under a size cap (counted
 * while reading), then validated field by field (./checkResults.ts).
 */
import { existsSync } from 'node:fs';
import { FileReadError, readBoundedFile } from '../files/readBoundedFile.ts';
import { checkResults } from './checkResults.ts';
import type { RunResults } from './types.ts';

export class ResultsFileError extends Error {
  override name = 'ResultsFileError';
}

/** Largest results file read: a 10,000-case gate with evidence is a few tens of MB. */
export const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

/** `path` as the user gave it: messages name it so. */
export function readResults(path: string): RunResults {
  const file = existsSync(path) ? path : existsSync(`${path}.partial`) ? `${path}.partial` : null;
  if (file === null) throw new ResultsFileError(`${path}: expected a results file, got nothing at this path`);
  let text: string;
  try {
    text = readBoundedFile(file, { maxBytes: MAX_RESULTS_BYTES, what: 'a results file' }).toString('utf8');
  } catch (error) {
    if (error instanceof FileReadError) throw new ResultsFileError(`${file}: expected ${error.expected}, got ${error.found}`);
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = repair(text, file);
  }
  const problems = checkResults(parsed);
  if (problems.length > 0) throw new ResultsFileError(problems.map((p) => `${file}: ${p}`).join('\n'));
  return parsed as RunResults;
}

/** Keeps the header and every complete case line of an unfinished file. */
function repair(text: string, file: string): unknown {
  const [head, ...lines] = text.split('\n');
  if (!head.endsWith('"cases":[')) throw new ResultsFileError(`${file}: expected JSON (a results file) or a partial results file, got text that is neither`);
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
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(`${head}]}`) as Record<string, unknown>;
  } catch {
    throw new ResultsFileError(`${file}: expected a partial results file whose first line is its header, got a first line that is not JSON`);
  }
  return { ...header, cases, summary: undefined };
}
