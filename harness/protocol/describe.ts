/**
 * How a found value reads in an error message ("got -1", "got \"a\"", "got .nan").
 * One place for these words so that every validator says "got" the same way.
 */

const MAX_SHOWN_UNITS = 40;

function describeNumber(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Object.is(n, -0)) return '-0';
  return String(n);
}

function describeString(s: string): string {
  if (s.length <= MAX_SHOWN_UNITS) return JSON.stringify(s);
  return `${JSON.stringify(s.slice(0, MAX_SHOWN_UNITS))}… (${s.length} UTF-16 units)`;
}

function describeMap(value: object): string {
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty map';
  const shown = keys.slice(0, 5).join(', ');
  return `a map with keys ${shown}${keys.length > 5 ? ', …' : ''}`;
}

/** Describes `value` for the "got …" half of an "expected X, got Y" message. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number': return describeNumber(value);
    case 'string': return describeString(value);
    case 'boolean': return String(value);
    case 'object':
      if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${value.length} item(s)`;
      return describeMap(value);
    default: return `a ${typeof value}`;
  }
}
