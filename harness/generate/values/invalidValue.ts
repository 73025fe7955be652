/**
 * Values each property rejects with `bad-value` (what `set` with a bad value sends).
 * `visible` accepts anything (`!!value`), so it has none: invalidValue returns null.
 */
import fc from 'fast-check';
import type { Value } from '../../../engines/shared/protocol.ts';
import { NAN_STRINGS } from './edgeNumbers.ts';
import { KEYWORDS } from './keyword.ts';

const NOT_NUMBERS: readonly Value[] = [...NAN_STRINGS, true, false, null];
const NEGATIVE: readonly Value[] = [-1, -0.5, '-3px', -(2 ** 31), ...NOT_NUMBERS];

const BAD_VALUES: Readonly<Record<string, readonly Value[]>> = {
  x: NOT_NUMBERS, y: NOT_NUMBERS, margin: NOT_NUMBERS, opacity: NOT_NUMBERS, zIndex: NOT_NUMBERS,
  width: ['-5%', '-Infinity', ...NEGATIVE.filter((v) => v !== 'auto')],
  height: ['-5%', '-Infinity', ...NEGATIVE.filter((v) => v !== 'auto')],
  padding: NEGATIVE, gap: NEGATIVE, grow: NEGATIVE, borderWidth: NEGATIVE, radius: NEGATIVE, lineHeight: NEGATIVE,
  fontSize: [0, -0, '0', '-0', ...NEGATIVE],
  maxLines: [-1, -0.5, 'NaN', true, '', 'none'],
  background: ['RED', '#ggg', '#abcd', '', 'rgb(1,2,3)', ' red', '#', 16711680, null, true],
  borderColor: ['Red', '#12345', 'none', 0, null],
  color: ['WHITE', '#ggg', '#1234567', '', false],
  clip: ['true', 'false', 0, 1, null], ellipsis: ['true', 1, null], focusable: ['true', 'yes', 1, 0, null],
  text: [5, 0, null, true],
  src: [1, null, true],
};

export function invalidValue(prop: string): fc.Arbitrary<Value> | null {
  const words = KEYWORDS[prop];
  if (words !== undefined) return fc.constantFrom<Value>('', null, 1, words[0].toUpperCase(), `${words[0]} `, 'middle');
  const values = BAD_VALUES[prop];
  return values === undefined ? null : fc.constantFrom(...values);
}

/** Properties that have bad values. */
export const PROPS_WITH_BAD_VALUES: readonly string[] = [...Object.keys(KEYWORDS), ...Object.keys(BAD_VALUES)];
