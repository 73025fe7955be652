/**
 * resize and frame (checkpoint) intents.
 */
import fc from 'fast-check';
import type { FrameIntent, ResizeIntent } from '../types.ts';

/** Sides 1..400, mostly near the default 320x180, odd sizes for half-pixel centring. */
const side = fc.oneof(fc.integer({ min: 1, max: 400 }), fc.constantFrom(1, 2, 97, 101, 180, 320));

export function resizeIntent(): fc.Arbitrary<ResizeIntent> {
  return fc.record({ kind: fc.constant('resize' as const), width: side, height: side });
}

export function frameIntent(): fc.Arbitrary<FrameIntent> {
  return fc.record({ kind: fc.constant('frame' as const), named: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }) });
}
