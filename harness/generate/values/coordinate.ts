/**
 * x, y and margin: any number parseFloat can read, so negative fractions, halves, int32
 * wrap values and "Infinity" strings (quirks coord-int32-truncation, round-half-up,
 * parsefloat-units).
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { biased, when } from '../_internals/biased.ts';
import { COERCED_STRINGS, HALF_STEPS, HUGE_VALUES, INFINITE_STRINGS, NEGATIVE_FRACTIONS, WRAP_VALUES } from './edgeNumbers.ts';
import type { ValueProfile } from './valueProfile.ts';

export function coordinate(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [
    0, -0, 1, ...HALF_STEPS, ...NEGATIVE_FRACTIONS,
    ...when(profile.extreme, [...WRAP_VALUES, ...HUGE_VALUES, -1e9]),
    ...when(profile.extreme && profile.coercedStrings, INFINITE_STRINGS),
    ...when(profile.coercedStrings, COERCED_STRINGS),
  ];
  const general = fc.oneof(
    fc.integer({ min: -40, max: 200 }),
    fc.integer({ min: -80, max: 400 }).map((n) => n / 2),
  );
  return biased(edges, general);
}
