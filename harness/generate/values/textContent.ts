/**
 * text: empty, short and long strings built from words, emoji (surrogate pairs), lone
 * surrogates and combining marks, so wrapping, maxLines and ellipsis cut next to a
 * surrogate pair (quirks ellipsis-splits-surrogate, glyph-per-code-unit). Rarely a text
 * of exactly CAPS.maxStringLength units (longer is a structural error, never generated).
 */
import fc from 'fast-check';
import { CAPS } from '../../../engines/shared/protocol.ts';
import type { Value } from '../../../engines/shared/protocol.ts';
import { when } from '../_internals/biased.ts';
import type { ValueProfile } from './valueProfile.ts';

const ASCII_WORDS = ['lorem', 'ipsum', 'dolor', 'sit', 'amet', 'a', 'bb', 'WWWW', 'Hello,', 'world!', '~', '12px', '\t', '\n'] as const;
const UNICODE_WORDS = ['😀', '😀😀😀', 'x😀y', 'ab😀', 'e\u0301', '\u0301', '\ud800', '\udc00', '🎉🎉🎉🎉', 'naïve', '\u00a0', '日本語'] as const;

const ASCII_EDGES = ['', ' ', 'a', 'Hello', '   ', 'lorem ipsum '.repeat(16).trim()] as const;
const UNICODE_EDGES = ['😀', '\ud83d', '\ude00', 'e\u0301', 'a\ud800b', 'ab😀😀😀😀😀😀😀😀😀😀 cd😀😀😀😀😀😀😀😀😀😀', '😀'.repeat(40)] as const;

/** A text of exactly the cap, words and spaces. */
const CAP_TEXT = 'abc '.repeat(CAPS.maxStringLength / 4);

export function textContent(profile: ValueProfile): fc.Arbitrary<Value> {
  const words = [...ASCII_WORDS, ...when(profile.unicodeText, UNICODE_WORDS)];
  const edges = [...ASCII_EDGES, ...when(profile.unicodeText, UNICODE_EDGES)];
  const common = fc.oneof(
    { arbitrary: fc.constantFrom(...edges), weight: 3 },
    { arbitrary: fc.array(fc.constantFrom(...words), { maxLength: 30 }).map((ws) => ws.join(' ')), weight: 6 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
    { arbitrary: fc.string({ unit: profile.unicodeText ? 'grapheme' : 'grapheme-ascii', maxLength: 16 }), weight: 1 },
    { arbitrary: fc.string({ unit: profile.unicodeText ? 'binary' : 'binary-ascii', maxLength: 12 }), weight: 1 },
  );
  // The cap-length text is slow to wrap and rarely interesting: about 1 text in 100.
  return fc.oneof({ arbitrary: common, weight: 99 }, { arbitrary: fc.constant(CAP_TEXT), weight: 1 });
}

/**
 * A paragraph that wraps to several lines in a 40..160 px box at small font sizes: mixed
 * words and emoji, so maxLines + ellipsis cut next to a surrogate pair.
 */
export function paragraph(profile: ValueProfile): fc.Arbitrary<string> {
  const words = profile.unicodeText ? ['😀😀😀😀', 'x😀', '😀y', '🎉🎉', 'ab😀😀c', 'lorem', 'e\u0301e'] : ['lorem', 'ipsum', 'a', 'dolor'];
  return fc.array(fc.constantFrom(...words), { minLength: 8, maxLength: 24 }).map((ws) => ws.join(' '));
}
