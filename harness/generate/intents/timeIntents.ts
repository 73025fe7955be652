/**
 * Time: animations of x, y, opacity and ticks (single or in bursts) that advance them.
 */
import fc from 'fast-check';
import { EASINGS } from '../../../engines/shared/protocol.ts';
import type { AnimateIntent, TickIntent } from '../types.ts';
import { HALF_STEPS, NEGATIVE_FRACTIONS } from '../values/edgeNumbers.ts';
import { durationMs, tickCount, tickMs } from '../values/timing.ts';
import { pick } from './pick.ts';

const animationTarget = fc.oneof(fc.integer({ min: -40, max: 240 }), fc.constantFrom(0, 1, 0.5, ...HALF_STEPS, ...NEGATIVE_FRACTIONS));

/**
 * Duration + tick length + tick count where the float sum of the ticks and the exact sum
 * end the animation at different ticks (3 x 1000/3 reaches exactly 1000 as a float while
 * exact microseconds are 999999; 60 x 1000/60 stays below 1000 as a float).
 */
const ACCUMULATION_PAIRS = [
  { duration: 1000, tick: 1000 / 3, count: 3 },
  { duration: 100, tick: 100 / 3, count: 3 },
  { duration: 1, tick: 1 / 3, count: 3 },
  { duration: 1000, tick: 1000 / 7, count: 7 },
  { duration: 1, tick: 0.1, count: 10 },
  { duration: 1000, tick: 1000 / 60, count: 60 },
] as const;

const plainTiming = fc.record({ ms: durationMs(), ticks: fc.constant(null) });
const pairedTiming = fc
  .tuple(fc.constantFrom(...ACCUMULATION_PAIRS), fc.integer({ min: -1, max: 1 }))
  .map(([pair, extra]) => ({ ms: pair.duration, ticks: { ms: pair.tick, count: pair.count + extra } }));

export function animateIntent(): fc.Arbitrary<AnimateIntent> {
  return fc
    .tuple(
      pick(),
      fc.constantFrom('x' as const, 'y' as const, 'opacity' as const),
      animationTarget,
      fc.constantFrom(...EASINGS),
      fc.oneof({ withCrossShrink: true }, { arbitrary: plainTiming, weight: 3 }, { arbitrary: pairedTiming, weight: 2 }),
    )
    .map(([target, prop, to, easing, timing]) => ({ kind: 'animate' as const, target, prop, to, easing, ...timing }));
}

export function tickIntent(): fc.Arbitrary<TickIntent> {
  return fc.record({ kind: fc.constant('tick' as const), ms: tickMs(), count: tickCount() });
}
