/**
 * A Pick: a position into a pool of candidate nodes, resolved modulo the pool's length.
 * 0..255 is plenty for generated scenes (tens of nodes) and shrinks toward the first
 * candidate (usually the root or the oldest node).
 */
import fc from 'fast-check';
import type { Pick } from '../types.ts';

export const MAX_PICK = 255;

export function pick(): fc.Arbitrary<Pick> {
  return fc.nat({ max: MAX_PICK });
}
