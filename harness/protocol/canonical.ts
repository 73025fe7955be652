/**
 * Canonical JSON: one byte string per value, for fingerprints and results files.
 *
 * - Object keys sorted by UTF-16 code unit order at every level; keys whose value is
 *   undefined are left out (as JSON.stringify does).
 * - A command is written op first, then its fields in protocol order (fields.ts);
 *   an absent optional field (frame.name) is left out.
 * - No whitespace. Strings as JSON.stringify writes them (lone surrogates as \udxxx).
 * - Numbers as JS prints them (String(n)), except -0, written "-0": JSON.parse("-0")
 *   gives -0 back, and -0 is a value engines can tell apart from 0 (1/x, sign of a
 *   product), so two streams that differ only there must not share a fingerprint.
 * - NaN, ±Infinity, bigint, functions, symbols, undefined outside an object, and objects
 *   that are not plain maps or arrays are rejected (CanonicalJsonError names the path).
 */
import type { Command } from '../../engines/shared/protocol.ts';
import { COMMAND_FIELDS } from './fields.ts';

export class CanonicalJsonError extends TypeError {
  constructor(readonly path: string, readonly found: string) {
    super(`cannot write canonical JSON at ${path}: expected a JSON value, got ${found}`);
    this.name = 'CanonicalJsonError';
  }
}

function numberJson(n: number, path: string): string {
  if (!Number.isFinite(n)) throw new CanonicalJsonError(path, String(n));
  return Object.is(n, -0) ? '-0' : String(n);
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function objectJson(value: Record<string, unknown>, path: string): string {
  const parts: string[] = [];
  for (const key of Object.keys(value).sort()) {
    if (value[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${write(value[key], `${path}.${key}`)}`);
  }
  return `{${parts.join(',')}}`;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean': return value ? 'true' : 'false';
    case 'number': return numberJson(value, path);
    case 'string': return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((v, i) => write(v, `${path}[${i}]`)).join(',')}]`;
      if (!isPlainObject(value)) throw new CanonicalJsonError(path, `an instance of ${value.constructor?.name ?? 'a class'}`);
      return objectJson(value as Record<string, unknown>, path);
    default:
      throw new CanonicalJsonError(path, typeof value);
  }
}

/** Canonical JSON of any JSON value (sorted keys, no whitespace, -0 kept). */
export function canonicalJson(value: unknown): string {
  return write(value, '$');
}

/** Canonical JSON of one command: `{"op":"set","id":1,"prop":"width","value":40}`. */
export function canonicalCommand(command: Command): string {
  const fields = command as unknown as Record<string, unknown>;
  let out = `{"op":${JSON.stringify(command.op)}`;
  for (const spec of COMMAND_FIELDS[command.op]) {
    const value = fields[spec.name];
    if (value === undefined && spec.optional) continue;
    out += `,${JSON.stringify(spec.name)}:${write(value, `$.${spec.name}`)}`;
  }
  return `${out}}`;
}

/** Canonical JSON of a command stream: `[cmd,cmd,…]`. */
export function canonicalStream(commands: readonly Command[]): string {
  return `[${commands.map(canonicalCommand).join(',')}]`;
}
