/**
 * padding, gap, borderWidth, radius, lineHeight: numbers >= 0 (parseFloat applies).
 * Small values dominate so boxes keep some content; halves move centring by 0.5 px.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { biased, when } from '../_internals/biased.ts';
import { COERCED_STRINGS, TINY_VALUES, WRAP_VALUES } from './edgeNumbers.ts';
import type { ValueProfile } from './valueProfile.ts';

export function nonNegative(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [
    0, -0, 0.5, 1, 1.5, 2, 3, 4, 7, 100,
    ...when(profile.extreme, [WRAP_VALUES[0], 1e9, ...TINY_VALUES]),
    ...when(profile.extreme && profile.coercedStrings, ['Infinity']),
    ...when(profile.coercedStrings, COERCED_STRINGS),
  ];
  return biased(edges, fc.integer({ min: 0, max: 24 }));
}

/** grow: shares of free space; thirds and halves leave a remainder (quirk grow-remainder-dropped). */
export function grow(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [0, 1, 1, 2, 3, 0.5, 1 / 3, 7, ...when(profile.coercedStrings, ['1px', ' 2'])];
  return biased(edges, fc.integer({ min: 0, max: 5 }));
}

/** fontSize: > 0. 8 is the atlas cell height (scale 1); odd and fractional sizes scale glyphs. */
export function fontSize(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [8, 16, 12, 4, 24, 7.5, 10.5, 1, ...when(profile.extreme, [0.001, 200, 1e-9]), ...when(profile.coercedStrings, ['12px', ' 9'])];
  return biased(edges, fc.integer({ min: 4, max: 32 }));
}
