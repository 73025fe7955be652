/**
 * Writing scalars as YAML (core schema) so that parsing gives back the identical value:
 * plain when unambiguous, otherwise double-quoted with escapes for every code unit YAML
 * cannot carry raw (controls, C1, BOM, line separators, lone surrogates).
 */

/** Words the core schema would read as null or a boolean. */
const RESERVED = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);
const FLOW_PLAIN = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const BLOCK_PLAIN = /^[A-Za-z_][A-Za-z0-9_ .,()'/+-]*[A-Za-z0-9_.)]$|^[A-Za-z_]$/;
/** Relative paths such as ../assets/checker-16.png read well unquoted. */
const RELATIVE_PATH = /^\.\.?\/[A-Za-z0-9_./-]*$/;

function hex4(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

function isHigh(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLow(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function needsEscape(unit: number): boolean {
  return unit < 0x20 || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029 || unit === 0xfeff || unit >= 0xfffe;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = { 0x09: '\\t', 0x0a: '\\n', 0x0d: '\\r', 0x22: '\\"', 0x5c: '\\\\' };

/** A YAML double-quoted string holding exactly the UTF-16 units of `s`. */
export function quoteYamlString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (isHigh(unit) && i + 1 < s.length && isLow(s.charCodeAt(i + 1))) {
      out += s[i] + s[i + 1];
      i++;
    } else if (SHORT_ESCAPES[unit] !== undefined) out += SHORT_ESCAPES[unit];
    else if (needsEscape(unit) || isHigh(unit) || isLow(unit)) out += hex4(unit);
    else out += s[i];
  }
  return `${out}"`;
}

export function yamlString(s: string, context: 'flow' | 'block' = 'flow'): string {
  const plain = context === 'flow' ? FLOW_PLAIN : BLOCK_PLAIN;
  if (context === 'block' && RELATIVE_PATH.test(s)) return s;
  return plain.test(s) && !RESERVED.has(s) ? s : quoteYamlString(s);
}

export function yamlNumber(n: number): string {
  if (!Number.isFinite(n)) throw new TypeError(`cannot write YAML: expected a finite number, got ${n}`);
  return Object.is(n, -0) ? '-0' : String(n);
}

/** A number, string, boolean or null as a YAML scalar. */
export function yamlScalar(value: number | string | boolean | null, context: 'flow' | 'block' = 'flow'): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return yamlNumber(value);
  return yamlString(value, context);
}
