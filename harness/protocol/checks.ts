/**
 * Small reusable value checks for scenario fields. A check returns null when the value
 * fits, otherwise the "expected …" phrase of the error message.
 */
import { CAPS } from '../../engines/shared/protocol.ts';

export type Check = (value: unknown) => string | null;

export function integerIn(min: number, max: number): Check {
  return (v) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `an integer ${min}..${max}`);
}

export function finiteAtLeast(min: number): Check {
  return (v) => (typeof v === 'number' && Number.isFinite(v) && v >= min ? null : `a finite number >= ${min}`);
}

export const finiteNumber: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'a finite number');

export function oneOf(list: readonly string[]): Check {
  return (v) => (typeof v === 'string' && list.includes(v) ? null : `one of ${list.join(', ')}`);
}

export interface StringRules {
  readonly maxLength?: number;
  readonly nonEmpty?: boolean;
  readonly oneLine?: boolean;
  /** With `patternText`, what the pattern means in words. */
  readonly pattern?: RegExp;
  readonly patternText?: string;
}

export function stringCheck(rules: StringRules = {}): Check {
  const { maxLength = CAPS.maxStringLength, nonEmpty = false, oneLine = false, pattern, patternText } = rules;
  const words = patternText ?? [nonEmpty ? 'a non-empty' : 'a', oneLine ? 'one-line' : '', `string of at most ${maxLength} UTF-16 units`].filter(Boolean).join(' ');
  return (v) => {
    if (typeof v !== 'string' || v.length > maxLength) return words;
    if ((nonEmpty && v.length === 0) || (oneLine && /[\r\n]/.test(v))) return words;
    if (pattern && !pattern.test(v)) return words;
    return null;
  };
}

export function listOf(item: Check, what: string, maxItems: number = CAPS.maxSteps): Check {
  return (v) => (Array.isArray(v) && v.length <= maxItems && v.every((x) => item(x) === null) ? null : `a list of ${what}`);
}
