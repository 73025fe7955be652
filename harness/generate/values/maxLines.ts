/**
 * maxLines: null (unlimited) or a number >= 0 stored floored; 0 and 0.5 floor to 0, which
 * the legacy engine reads as unlimited (quirk maxlines-zero-unlimited).
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { biased, when } from '../_internals/biased.ts';
import type { ValueProfile } from './valueProfile.ts';

export function maxLines(profile: ValueProfile): fc.Arbitrary<Value> {
  const edges: Value[] = [0, 1, 2, null, 0.5, 1.9, 3, ...when(profile.coercedStrings, ['1', '2px']), ...when(profile.extreme, ['Infinity'])];
  return biased(edges, fc.integer({ min: 0, max: 5 }), 3, 1);
}
