/**
 * Focus: focus a focusable node, press keys, or build a grid of focusable cells (some
 * hidden: quirk focus-considers-hidden) to navigate in.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import type { FocusGridIntent, FocusIntent, KeyIntent } from '../types.ts';
import { pick } from './pick.ts';

export function focusIntent(): fc.Arbitrary<FocusIntent> {
  return fc.record({ kind: fc.constant('focus' as const), target: pick() });
}

/** Direction keys mostly; `enter` (which moves nothing) now and then. */
export function keyIntent(): fc.Arbitrary<KeyIntent> {
  return fc.record({
    kind: fc.constant('key' as const),
    key: fc.oneof({ arbitrary: fc.constantFrom('right' as const, 'down' as const, 'left' as const, 'up' as const), weight: 8 }, { arbitrary: fc.constant('enter' as const), weight: 1 }),
  });
}

/** How a hidden cell is hidden: false, or a falsy non-boolean ("false" stays visible: quirk visible-string-truthy). */
const HIDE_WITH: readonly Value[] = [false, false, 0, '', null, 'false'];

export function focusGridIntent(): fc.Arbitrary<FocusGridIntent> {
  return fc.record({
    kind: fc.constant('focusGrid' as const),
    parent: pick(),
    rows: fc.integer({ min: 1, max: 2 }),
    cols: fc.integer({ min: 2, max: 4 }),
    cell: fc.oneof(fc.integer({ min: 10, max: 40 }), fc.constantFrom(15, 16, 33)),
    gap: fc.integer({ min: 0, max: 8 }),
    hidden: fc.array(fc.nat({ max: 7 }), { maxLength: 2 }),
    hideWith: fc.constantFrom(...HIDE_WITH),
    focusFirst: fc.boolean(),
  });
}
