/**
 * opacity and zIndex: the two numeric paint properties with quirks of their own.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { biased, when } from '../_internals/biased.ts';
import { WRAP_VALUES } from './edgeNumbers.ts';
import type { ValueProfile } from './valueProfile.ts';

/**
 * opacity: clamped to 0..1. Fractions on parents and children exercise quirk
 * opacity-not-compounded and blend-truncation; "50%" reads as 50 (clamped to 1).
 */
export function opacity(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [0, 1, 0.5, 0.25, 0.75, 1 / 3, 0.999, 0.001, 0.5019607843137255, -0.5, 1.5, ...when(profile.coercedStrings, ['0.5', '50%', ' .25'])];
  return biased(edges, fc.integer({ min: 0, max: 100 }).map((n) => n / 100), 2, 1);
}

/**
 * zIndex: stored as `n | 0` and sorted as strings (quirk zindex-string-sort): 9 vs 10,
 * -1 vs -2, 100 vs 20 sort differently as text; 2^31 wraps to -2^31.
 */
export function zIndex(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [9, 10, -1, -2, 100, 20, 0, 1, 2, 1.5, -0.5, ...when(profile.extreme, [WRAP_VALUES[0], 2 ** 32 - 1]), ...when(profile.coercedStrings, ['10', '9px'])];
  return biased(edges, fc.integer({ min: -12, max: 120 }), 3, 1);
}
