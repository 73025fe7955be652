/**
 * Errors in a scenario file. A ScenarioError is one user mistake with its location,
 * what was expected and what was found; ScenarioErrors is what the loaders throw: all
 * mistakes of one file (up to a limit). Both are recognisable (isScenarioError) so a
 * CLI prints the message alone, never a stack trace.
 */
import { formatExpectation } from './protocolError.ts';
import type { FieldPath } from './protocolError.ts';

export interface ScenarioErrorInit {
  readonly file: string;
  /** 1-based; 0 when the error is about the file as a whole (not found, unreadable). */
  readonly line: number;
  readonly column: number;
  /** Index in `steps`, for errors inside a step. */
  readonly step?: number;
  readonly op?: string;
  /** What part of the file: `step 3 (set)`, `expect 1 (pixel)`; absent at top level. */
  readonly label?: string;
  readonly field?: FieldPath;
  readonly expected: string;
  readonly found: string;
  /** Replaces the `field "f": expected X, got Y` part (used for YAML syntax errors). */
  readonly text?: string;
}

function formatLocation(file: string, line: number, column: number): string {
  return line > 0 ? `${file}:${line}:${column}` : file;
}

export class ScenarioError extends Error {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly step?: number;
  readonly op?: string;
  readonly field?: FieldPath;
  readonly expected: string;
  readonly found: string;

  constructor(init: ScenarioErrorInit) {
    const where = formatLocation(init.file, init.line, init.column);
    const what = init.text ?? formatExpectation(init.field ?? [], init.expected, init.found);
    super(`${where}: ${init.label ? `${init.label}: ` : ''}${what}`);
    this.name = 'ScenarioError';
    this.file = init.file;
    this.line = init.line;
    this.column = init.column;
    if (init.step !== undefined) this.step = init.step;
    if (init.op !== undefined) this.op = init.op;
    if (init.field !== undefined) this.field = init.field;
    this.expected = init.expected;
    this.found = init.found;
  }
}

export class ScenarioErrors extends Error {
  constructor(readonly errors: readonly ScenarioError[], readonly omitted = 0) {
    const more = omitted > 0 ? `\n… and ${omitted} more error(s)` : '';
    super(errors.map((e) => e.message).join('\n') + more);
    this.name = 'ScenarioErrors';
  }
}

/** True for mistakes in scenario files: print `error.message`, not the stack. */
export function isScenarioError(error: unknown): error is ScenarioError | ScenarioErrors {
  return error instanceof ScenarioError || error instanceof ScenarioErrors;
}
