/**
 * Text metrics and line layout: wrapping, maxLines and ellipsis.
 * Everything counts UTF-16 code units (quirk glyph-per-code-unit).
 */
import type { FontAtlas } from '../shared/assets.ts';
import { TEXT_FIT_EPSILON } from './limits.ts';
import type { SceneNode } from './node.ts';

const ELLIPSIS = '...';

/** Horizontal advance of one glyph: cellWidth * (fontSize / cellHeight). */
export function glyphAdvance(font: FontAtlas, fontSize: number): number {
  const scale = fontSize / font.cellHeight;
  return font.cellWidth * scale;
}

/** lineHeight 0 means the default 1.25 * fontSize. */
export function lineHeightOf(node: SceneNode): number {
  return node.lineHeight === 0 ? 1.25 * node.fontSize : node.lineHeight;
}

/**
 * Width of `count` glyphs.
 * quirk glyph-per-code-unit: count is a number of UTF-16 code units, so a surrogate pair
 * takes two advances and a combining mark one. A correct engine counts code points.
 */
export function textWidth(count: number, advance: number): number {
  return count * advance;
}

/** A line of `count` glyphs fits when its width is at most maxWidth (+ a float slack). */
function fits(count: number, advance: number, maxWidth: number): boolean {
  return textWidth(count, advance) <= maxWidth + TEXT_FIT_EPSILON;
}

/**
 * Greedy wrap on U+0020 spaces. A word wider than the line is cut by code units, at
 * least one per line. The space at a break is dropped. Empty text has no lines.
 */
export function wrapText(text: string, maxWidth: number, advance: number): string[] {
  const lines: string[] = [];
  if (text.length === 0) return lines;
  const words = text.split(' ');
  let line: string | null = null;
  for (let w = 0; w < words.length; w++) {
    let word = words[w];
    // 1. try_extend_line: the word joins the current line if the result fits
    const candidate: string = line === null ? word : line + ' ' + word;
    if (fits(candidate.length, advance, maxWidth)) {
      line = candidate;
      continue;
    }
    // 2. close_line
    if (line !== null) {
      lines.push(line);
      line = null;
    }
    // 3. break_long_word: cut the longest fitting prefix (at least one code unit)
    while (word.length > 1 && !fits(word.length, advance, maxWidth)) {
      let n = 1;
      while (n + 1 < word.length && fits(n + 1, advance, maxWidth)) n++;
      lines.push(word.slice(0, n));
      word = word.slice(n);
    }
    // 4. start_line_with_rest
    line = word;
  }
  if (line !== null) lines.push(line);
  return lines;
}

/** The lines of a text node whose content box is `contentWidth` wide. */
export function layoutTextLines(node: SceneNode, contentWidth: number, font: FontAtlas): string[] {
  // 1. measure_glyphs
  const advance = glyphAdvance(font, node.fontSize);
  // 2. wrap_words
  let lines = wrapText(node.text, contentWidth, advance);
  // 3. apply_max_lines
  // quirk maxlines-zero-unlimited: `if (maxLines && ...)`, so 0 (falsy) means unlimited.
  // A correct engine shows no lines for maxLines 0.
  let truncated = false;
  const maxLines = node.maxLines;
  if (maxLines && lines.length > maxLines) {
    lines = lines.slice(0, maxLines);
    truncated = true;
  }
  // 4. apply_ellipsis: drop code units from the last kept line until it fits with "..."
  if (truncated && node.ellipsis) {
    let last = lines[lines.length - 1];
    while (last.length > 0 && !fits(last.length + ELLIPSIS.length, advance, contentWidth)) {
      // quirk ellipsis-splits-surrogate: slicing UTF-16 code units can cut a surrogate pair
      // and leave a lone high surrogate. A correct engine cuts at a code point boundary.
      last = last.slice(0, last.length - 1);
    }
    lines[lines.length - 1] = last + ELLIPSIS;
  }
  return lines;
}

/**
 * The atlas cell drawn for a UTF-16 code unit; codes outside the atlas use the fallback.
 * quirk glyph-per-code-unit: a lone surrogate is one code and draws the fallback glyph.
 */
export function glyphIndexOf(font: FontAtlas, code: number): number {
  const index = code - font.firstCode;
  return index >= 0 && index < font.glyphCount ? index : font.fallbackIndex;
}
