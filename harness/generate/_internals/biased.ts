/**
 * `biased(edges, general)`: picks one of the edge values `edgeWeight` times out of
 * `edgeWeight + generalWeight`, otherwise a general value. Empty edge lists are skipped,
 * so feature toggles can remove a whole family of edge values.
 */
import fc from 'fast-check';

export function biased<T>(edges: readonly T[], general: fc.Arbitrary<T>, edgeWeight = 1, generalWeight = 1): fc.Arbitrary<T> {
  if (edges.length === 0) return general;
  return fc.oneof({ arbitrary: fc.constantFrom(...edges), weight: edgeWeight }, { arbitrary: general, weight: generalWeight });
}

/** Edge values of `family` when `on`, none otherwise (for feature toggles). */
export function when<T>(on: boolean, family: readonly T[]): readonly T[] {
  return on ? family : [];
}
