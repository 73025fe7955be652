/**
 * Structural validation of commands: op known, required fields present with the right
 * shape, no unknown fields. Errors are values (ProtocolError), all of a command's at once.
 */
import { OPS } from '../../engines/shared/protocol.ts';
import type { Command, Op } from '../../engines/shared/protocol.ts';
import { describeFound } from './describe.ts';
import { checkField } from './fieldChecks.ts';
import { COMMAND_FIELDS } from './fields.ts';
import { protocolError } from './protocolError.ts';
import type { ProtocolError } from './protocolError.ts';
import { nodeCountError, stepCountError } from './streamCaps.ts';

export type Validated<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly errors: readonly ProtocolError[] };

export const EXPECTED_OP = `one of ${OPS.join(', ')}`;
const DEFAULT_MAX_ERRORS = 100;

export function isOp(value: unknown): value is Op {
  return typeof value === 'string' && (OPS as readonly string[]).includes(value);
}

export function isPlainMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Names of the fields `op` takes, for "expected one of the fields …" messages. */
export function fieldNames(op: Op): string {
  const names = COMMAND_FIELDS[op].map((f) => f.name);
  return names.length === 0 ? 'no fields' : `one of the fields ${names.join(', ')}`;
}

/**
 * Validates the fields of an `op` command (without the op itself): the YAML form
 * `- set: { id: 1, … }` hands the inner map here.
 */
export function validateFields(op: Op, fields: unknown, step: number): Validated<Command> {
  if (!isPlainMap(fields)) {
    const names = COMMAND_FIELDS[op].map((f) => f.name).join(', ');
    return { ok: false, errors: [protocolError(step, op, [], `a map { ${names} }`, describeFound(fields))] };
  }
  const specs = COMMAND_FIELDS[op];
  const errors: ProtocolError[] = [];
  const command: Record<string, unknown> = { op };
  for (const spec of specs) {
    const value = Object.hasOwn(fields, spec.name) ? fields[spec.name] : undefined;
    if (value === undefined && spec.optional) continue;
    const expected = checkField(spec.kind, value);
    if (expected !== null) errors.push(protocolError(step, op, [spec.name], expected, describeFound(value)));
    else command[spec.name] = value;
  }
  for (const key of Object.keys(fields)) {
    if (specs.some((s) => s.name === key)) continue;
    errors.push(protocolError(step, op, [key], fieldNames(op), `an unknown field "${key}"`));
  }
  return errors.length === 0 ? { ok: true, value: command as unknown as Command } : { ok: false, errors };
}

/** Validates one command in its JSON form `{ op: 'set', id: 1, prop: 'width', value: 40 }`. */
export function validateCommand(raw: unknown, step: number): Validated<Command> {
  if (!isPlainMap(raw)) return { ok: false, errors: [protocolError(step, undefined, [], 'a command map with an op', describeFound(raw))] };
  const { op, ...fields } = raw;
  if (!isOp(op)) return { ok: false, errors: [protocolError(step, undefined, ['op'], EXPECTED_OP, describeFound(op))] };
  return validateFields(op, fields, step);
}

export interface ValidateStreamOptions {
  /** Stop collecting after this many errors (default 100). */
  readonly maxErrors?: number;
}

/** Validates a whole stream: every command, then the stream caps (CAPS.maxSteps, CAPS.maxNodes). */
export function validateStream(raw: readonly unknown[], options: ValidateStreamOptions = {}): Validated<Command[]> {
  const { maxErrors = DEFAULT_MAX_ERRORS } = options;
  const tooManySteps = stepCountError(raw.length);
  if (tooManySteps) return { ok: false, errors: [tooManySteps] }; // a bomb: do not validate it command by command
  const errors: ProtocolError[] = [];
  const commands: Command[] = [];
  for (let step = 0; step < raw.length && errors.length < maxErrors; step++) {
    const result = validateCommand(raw[step], step);
    if (result.ok) commands.push(result.value);
    else errors.push(...result.errors);
  }
  const tooManyNodes = nodeCountError(raw.map((c) => (isPlainMap(c) ? c.op : undefined)));
  if (tooManyNodes) errors.push(tooManyNodes);
  return errors.length === 0 ? { ok: true, value: commands } : { ok: false, errors: errors.slice(0, maxErrors) };
}
