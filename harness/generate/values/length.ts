/**
 * width and height: a pixel number >= 0, "N%" (of the parent's border box: quirk
 * percent-of-border-box), "auto", or any string parseFloat reads as >= 0
 * (quirk parsefloat-units). Mostly sizes that fit a 320x180 viewport, so scenes render.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { biased, when } from '../_internals/biased.ts';
import { COERCED_STRINGS, HALF_STEPS, HUGE_VALUES, TINY_VALUES, WRAP_VALUES } from './edgeNumbers.ts';
import type { ValueProfile } from './valueProfile.ts';

const PERCENTS = ['50%', '100%', '0%', '33.3%', '25%', '150%', '12.5%', ' 10%', '1e1%'] as const;

export function length(profile: ValueProfile): fc.Arbitrary<Value> {
  const halves = HALF_STEPS.filter((n) => n >= 0);
  const edges: Value[] = [
    0, -0, 1, 'auto', ...PERCENTS, ...halves, 31, 33, 99, 101,
    ...when(profile.extreme, [...WRAP_VALUES.filter((n) => n >= 0), ...HUGE_VALUES, ...TINY_VALUES]),
    ...when(profile.extreme && profile.coercedStrings, ['Infinity']),
    ...when(profile.coercedStrings, COERCED_STRINGS),
  ];
  const general = fc.oneof(
    { arbitrary: fc.integer({ min: 4, max: 160 }), weight: 4 },
    { arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => n / 2), weight: 1 },
    { arbitrary: fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`), weight: 1 },
  );
  return biased(edges, general, 1, 2);
}

/** A size that renders: mostly plain pixels, for spawn's first width/height. */
export function visibleLength(profile: ValueProfile): fc.Arbitrary<Value> {
  return fc.oneof({ arbitrary: fc.integer({ min: 8, max: 120 }), weight: 5 }, { arbitrary: length(profile), weight: 2 });
}
