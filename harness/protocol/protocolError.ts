/**
 * A structural error in one command, as a value: where (step, op, field path), what was
 * expected and what was found. Semantic errors (unknown node, bad prop value) are not
 * ProtocolErrors: engines turn those into events.
 */

/** A path inside a command's fields, e.g. ["id"]; empty for the command as a whole. */
export type FieldPath = readonly (string | number)[];

export interface ProtocolError {
  /** 0-based index of the command in its stream. */
  readonly step: number;
  /** The op, when it could be read. */
  readonly op?: string;
  readonly path: FieldPath;
  readonly expected: string;
  readonly found: string;
  /** `step 3 (set): field "id": expected an integer 0..2147483647, got -1` */
  readonly message: string;
}

/** Renders a field path as `id`, `rgba[2]`, `viewport.width`. */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? part : `.${part}`;
  }
  return out;
}

/** `step 3 (set)` or `step 3`. */
export function formatStepLabel(step: number, op?: string): string {
  return op === undefined ? `step ${step}` : `step ${step} (${op})`;
}

/** `field "id": expected X, got Y`, or `expected X, got Y` for an empty path. */
export function formatExpectation(path: FieldPath, expected: string, found: string): string {
  const field = path.length === 0 ? '' : `field "${formatFieldPath(path)}": `;
  return `${field}expected ${expected}, got ${found}`;
}

export function protocolError(step: number, op: string | undefined, path: FieldPath, expected: string, found: string): ProtocolError {
  const message = `${formatStepLabel(step, op)}: ${formatExpectation(path, expected, found)}`;
  return op === undefined ? { step, path, expected, found, message } : { step, op, path, expected, found, message };
}
