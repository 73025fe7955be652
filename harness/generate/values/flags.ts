/**
 * Boolean-ish properties. clip, ellipsis and focusable take `true`/`false` only; visible
 * takes anything through `!!value` (quirk visible-string-truthy: "false" and "0" show,
 * 0, "" and null hide).
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';

export function flag(): fc.Arbitrary<Value> {
  return fc.boolean();
}

export const TRUTHY_STRINGS = ['false', '0', 'true', 'no'] as const;
export const FALSY_NON_BOOLEANS = [0, '', null] as const;

export function visibility(): fc.Arbitrary<Value> {
  return fc.oneof(
    { arbitrary: fc.boolean(), weight: 3 },
    { arbitrary: fc.constantFrom<Value>(...TRUTHY_STRINGS, ...FALSY_NON_BOOLEANS, 1), weight: 2 },
  );
}
