/**
 * One check per field kind: returns null when the value fits, or what was expected.
 * Only structure is checked here; whether a prop exists or a value suits it is for engines.
 */
import { CAPS, EASINGS, KEYS, NODE_TYPES } from '../../engines/shared/protocol.ts';
import type { FieldKind } from './fields.ts';

const MAX_SIZE = 0x7fffffff;
const NON_FINITE_HINT = '(YAML .nan and .inf are not allowed)';

export const EXPECTED_STRING = `a string of at most ${CAPS.maxStringLength} UTF-16 units`;

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function integerIn(v: unknown, min: number, max: number): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

function oneOf(list: readonly string[], v: unknown): string | null {
  return typeof v === 'string' && list.includes(v) ? null : `one of ${list.join(', ')}`;
}

function shortString(v: unknown): string | null {
  return typeof v === 'string' && v.length <= CAPS.maxStringLength ? null : EXPECTED_STRING;
}

function finite(v: unknown, expected: string): string | null {
  if (isFiniteNumber(v)) return null;
  return typeof v === 'number' ? `${expected} ${NON_FINITE_HINT}` : expected;
}

function wireValue(v: unknown): string | null {
  if (v === null || typeof v === 'boolean') return null;
  if (typeof v === 'number') return finite(v, 'a finite number');
  if (typeof v === 'string') return shortString(v);
  return `a number, string, boolean or null (${EXPECTED_STRING.replace('a string', 'strings')})`;
}

/** Returns null if `value` is a valid `kind`, otherwise the "expected …" phrase. */
export function checkField(kind: FieldKind, value: unknown): string | null {
  switch (kind) {
    case 'nodeId': return integerIn(value, 0, CAPS.maxNodeId) ? null : `an integer 0..${CAPS.maxNodeId}`;
    case 'nodeType': return oneOf(NODE_TYPES, value);
    case 'key': return oneOf(KEYS, value);
    case 'easing': return oneOf(EASINGS, value);
    case 'prop': return shortString(value) === null ? null : `a property name (${EXPECTED_STRING})`;
    case 'value': return wireValue(value);
    case 'number': return finite(value, 'a finite number');
    case 'duration': return isFiniteNumber(value) && value >= 0 ? null : finite(value, 'a finite number >= 0') ?? 'a finite number >= 0';
    case 'size': return integerIn(value, 0, MAX_SIZE) ? null : `an integer 0..${MAX_SIZE}`;
    case 'name': return shortString(value);
  }
}
