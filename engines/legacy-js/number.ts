/**
 * Numeric coercion of property values, shared by every numeric property.
 */
import type { Value } from '../shared/protocol.ts';

/**
 * Reads a property value as a number; NaN means "not a number" (the caller rejects it).
 * quirk parsefloat-units: strings go through parseFloat, so "12px" -> 12, "1e1" -> 10,
 * " 7" -> 7 (leading JS whitespace skipped), "Infinity" -> Infinity, ".5x" -> 0.5.
 * Booleans and null are not numbers. A correct engine would accept numbers and
 * strictly numeric strings only.
 */
export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return parseFloat(value);
  return NaN;
}

/** Clamps a (non-NaN) number to 0..1. */
export function clampUnit(n: number): number {
  if (n < 0) return 0;
  if (n > 1) return 1;
  return n;
}
