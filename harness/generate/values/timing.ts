/**
 * Tick and animation durations. Pairs like 3 ticks of 1000/3 against a 1000 ms animation,
 * or 60 ticks of 16.666666666666668, end at a different tick under float accumulation
 * than under exact time (quirk anim-time-accumulation).
 */
import fc from 'fast-check';
import { biased } from '../_internals/biased.ts';

/** Tick lengths (finite, >= 0, as the protocol requires). */
export const TICK_EDGES = [1000 / 3, 16.666666666666668, 1000 / 60, 100 / 3, 0.1, 1 / 3, 1000 / 7, 100, 250, 500, 1000, 0, -0, 1] as const;

/** Animation durations that the tick edges sum to (up to float error). */
export const DURATION_EDGES = [1000, 100, 1, 0.3, 500, 0, 16.666666666666668] as const;

export function tickMs(): fc.Arbitrary<number> {
  return biased(TICK_EDGES, fc.integer({ min: 0, max: 400 }), 3, 1);
}

export function durationMs(): fc.Arbitrary<number> {
  return biased(DURATION_EDGES, fc.integer({ min: 0, max: 2000 }), 3, 1);
}

/** How many ticks a tick intent sends: mostly one, sometimes a burst long enough to end an animation. */
export function tickCount(): fc.Arbitrary<number> {
  return fc.oneof({ arbitrary: fc.constant(1), weight: 6 }, { arbitrary: fc.integer({ min: 2, max: 12 }), weight: 3 }, { arbitrary: fc.constantFrom(3, 7, 10), weight: 1 });
}
