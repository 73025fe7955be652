/**
 * background, borderColor, color: "#rgb" (read as 0x000rgb: quirk short-hex-color),
 * "#rrggbb", "#rrggbbaa" (partial alpha: quirk blend-truncation) and the five names.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { biased } from '../_internals/biased.ts';
import type { ValueProfile } from './valueProfile.ts';

const EDGE_COLOURS = [
  '#abc', '#fff', '#000', '#aabbcc', '#11223344', '#ff000080', '#0000ff7f', '#ffffff01',
  'red', 'green', 'blue', 'white', 'black', 'transparent', '#ABCDEF', '#f0f',
] as const;

const hex = (digits: number): fc.Arbitrary<string> =>
  fc.integer({ min: 0, max: 16 ** digits - 1 }).map((n) => `#${n.toString(16).padStart(digits, '0')}`);

export function colour(_profile: ValueProfile): fc.Arbitrary<Value> {
  return biased<Value>(EDGE_COLOURS, fc.oneof({ arbitrary: hex(6), weight: 3 }, { arbitrary: hex(8), weight: 2 }, { arbitrary: hex(3), weight: 2 }), 1, 1);
}

/** A colour that shows on the black frame (for spawned backgrounds). */
export function visibleColour(profile: ValueProfile): fc.Arbitrary<Value> {
  return fc.oneof({ arbitrary: fc.constantFrom('#3366cc', '#cc6633', '#33aa55', '#aa33aa', '#dddd22', 'red', 'blue', 'white'), weight: 3 }, { arbitrary: colour(profile), weight: 1 });
}
