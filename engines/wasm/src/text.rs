//! Port of engines/legacy-js/text.ts: text metrics and line layout (wrapping, maxLines,
//! ellipsis). Everything counts UTF-16 code units (quirk glyph-per-code-unit); with that
//! flag off a glyph is a code point (a surrogate pair is one glyph).
//!
//! A wrapped line is always a substring of the text (words are rejoined with the single
//! space they were split on), so a line is kept as a span of the node's text plus a flag
//! for the appended "...": no string is allocated per line.
#![deny(unsafe_code)]

use crate::assets::FontAtlas;
use crate::limits::TEXT_FIT_EPSILON;
use crate::node::SceneNode;
use crate::quirks::Quirks;

/// "...".length
const ELLIPSIS_LEN: usize = 3;
pub const ELLIPSIS: [u16; 3] = [46, 46, 46];

/// One laid-out line: text[start..end], then "..." when `ellipsis`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineSpan {
    pub start: u32,
    pub end: u32,
    pub ellipsis: bool,
}

/// Horizontal advance of one glyph: cellWidth * (fontSize / cellHeight).
pub fn glyph_advance(font: &FontAtlas, font_size: f64) -> f64 {
    let scale = font_size / f64::from(font.cell_height);
    f64::from(font.cell_width) * scale
}

/// lineHeight 0 means the default 1.25 * fontSize.
pub fn line_height_of(node: &SceneNode) -> f64 {
    if node.line_height == 0.0 {
        1.25 * node.font_size
    } else {
        node.line_height
    }
}

/// Width of `count` glyphs.
pub fn text_width(count: usize, advance: f64) -> f64 {
    count as f64 * advance
}

/// A line of `count` glyphs fits when its width is at most max_width (+ a float slack).
fn fits(count: usize, advance: f64, max_width: f64) -> bool {
    text_width(count, advance) <= max_width + TEXT_FIT_EPSILON
}

fn is_high(u: u16) -> bool {
    (0xD800..=0xDBFF).contains(&u)
}

fn is_low(u: u16) -> bool {
    (0xDC00..=0xDFFF).contains(&u)
}

/// Number of glyphs in `s`.
/// quirk glyph-per-code-unit: one per UTF-16 code unit. Off: one per code point.
pub fn glyph_count(s: &[u16], per_unit: bool) -> usize {
    if per_unit {
        return s.len();
    }
    let mut n = 0;
    let mut i = 0;
    while i < s.len() {
        i += if i + 1 < s.len() && is_high(s[i]) && is_low(s[i + 1]) { 2 } else { 1 };
        n += 1;
    }
    n
}

/// Unit offset after the first `n` glyphs of s[from..].
fn skip_glyphs(s: &[u16], from: usize, n: usize, per_unit: bool) -> usize {
    if per_unit {
        return from + n;
    }
    let mut i = from;
    for _ in 0..n {
        i += if i + 1 < s.len() && is_high(s[i]) && is_low(s[i + 1]) { 2 } else { 1 };
    }
    i
}

/// The (code, units) of the glyph at `i`: the code unit, or with glyph-per-code-unit off,
/// the code point of a surrogate pair.
pub fn glyph_at(s: &[u16], i: usize, per_unit: bool) -> (u32, usize) {
    if !per_unit && i + 1 < s.len() && is_high(s[i]) && is_low(s[i + 1]) {
        let cp = 0x10000 + ((u32::from(s[i]) - 0xD800) << 10) + (u32::from(s[i + 1]) - 0xDC00);
        return (cp, 2);
    }
    (u32::from(s[i]), 1)
}

/// Greedy wrap on U+0020 spaces, appending spans to `out`. A word wider than the line is
/// cut (at least one glyph per line). The space at a break is dropped. Empty text has no lines.
pub fn wrap_text(text: &[u16], max_width: f64, advance: f64, per_unit: bool, out: &mut Vec<LineSpan>) {
    if text.is_empty() {
        return;
    }
    let span = |start: usize, end: usize| LineSpan { start: start as u32, end: end as u32, ellipsis: false };
    // The open line: (start, glyph count); it always ends where the last word ended.
    let mut line: Option<(usize, usize)> = None;
    let mut line_end = 0;
    let mut word_start = 0;
    loop {
        let word_end = text[word_start..].iter().position(|&u| u == 32).map_or(text.len(), |p| word_start + p);
        let mut start = word_start;
        let mut word_len = glyph_count(&text[start..word_end], per_unit);
        // 1. try_extend_line: the word joins the current line if the result fits
        let candidate = match line {
            None => word_len,
            Some((_, n)) => n + 1 + word_len,
        };
        if fits(candidate, advance, max_width) {
            line = Some((line.map_or(start, |l| l.0), candidate));
            line_end = word_end;
        } else {
            // 2. close_line
            if let Some((s, _)) = line.take() {
                out.push(span(s, line_end));
            }
            // 3. break_long_word: cut the longest fitting prefix (at least one glyph)
            while word_len > 1 && !fits(word_len, advance, max_width) {
                let mut n = 1;
                while n + 1 < word_len && fits(n + 1, advance, max_width) {
                    n += 1;
                }
                let cut = skip_glyphs(text, start, n, per_unit);
                out.push(span(start, cut));
                start = cut;
                word_len -= n;
            }
            // 4. start_line_with_rest
            line = Some((start, word_len));
            line_end = word_end;
        }
        if word_end == text.len() {
            break;
        }
        word_start = word_end + 1;
    }
    if let Some((s, _)) = line {
        out.push(span(s, line_end));
    }
}

/// The lines of a text node whose content box is `content_width` wide, appended to `out`.
pub fn layout_text_lines(node: &SceneNode, content_width: f64, font: &FontAtlas, quirks: &Quirks, out: &mut Vec<LineSpan>) {
    let per_unit = quirks.glyph_per_code_unit;
    let first = out.len();
    // 1. measure_glyphs
    let advance = glyph_advance(font, node.font_size);
    // 2. wrap_words
    wrap_text(&node.text, content_width, advance, per_unit, out);
    // 3. apply_max_lines
    let mut truncated = false;
    if let Some(max_lines) = node.max_lines {
        let count = (out.len() - first) as f64;
        // quirk maxlines-zero-unlimited: `if (maxLines && ...)`, so 0 means unlimited.
        // Off: maxLines 0 shows no lines.
        let limited = if quirks.maxlines_zero_unlimited { max_lines != 0.0 } else { true };
        if limited && count > max_lines {
            // max_lines is a finite integer below count here
            out.truncate(first + max_lines as usize);
            truncated = true;
        }
    }
    // 4. apply_ellipsis: drop glyphs from the last kept line until it fits with "..."
    if truncated && node.ellipsis && out.len() > first {
        let text = &node.text;
        let last = out.len() - 1;
        let start = out[last].start as usize;
        let mut end = out[last].end as usize;
        let mut len = glyph_count(&text[start..end], per_unit);
        while len > 0 && !fits(len + ELLIPSIS_LEN, advance, content_width) {
            if quirks.ellipsis_splits_surrogate {
                // quirk ellipsis-splits-surrogate: one code unit at a time, which can leave a
                // lone high surrogate.
                end -= 1;
            } else {
                // Off: never cut between a surrogate pair.
                end -= if end - start >= 2 && is_low(text[end - 1]) && is_high(text[end - 2]) { 2 } else { 1 };
            }
            len = if per_unit { end - start } else { glyph_count(&text[start..end], false) };
        }
        out[last] = LineSpan { start: start as u32, end: end as u32, ellipsis: true };
    }
}

/// The atlas cell drawn for a code; codes outside the atlas use the fallback.
/// quirk glyph-per-code-unit: a lone surrogate is one code and draws the fallback glyph.
pub fn glyph_index_of(font: &FontAtlas, code: u32) -> u32 {
    let index = i64::from(code) - i64::from(font.first_code);
    if index >= 0 && index < i64::from(font.glyph_count) {
        index as u32
    } else {
        font.fallback_index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn wrap(s: &str, width: f64, per_unit: bool) -> Vec<String> {
        let text = u(s);
        let mut out = Vec::new();
        wrap_text(&text, width, 1.0, per_unit, &mut out);
        out.iter().map(|l| String::from_utf16_lossy(&text[l.start as usize..l.end as usize])).collect()
    }

    #[test]
    fn wraps_on_spaces_and_cuts_long_words() {
        assert_eq!(wrap("hello world foo", 11.0, true), ["hello world", "foo"]);
        assert_eq!(wrap("abcdefg", 3.0, true), ["abc", "def", "g"]);
        assert_eq!(wrap("a  b", 1.0, true), ["a", "", "b"]);
        assert_eq!(wrap("", 5.0, true), Vec::<String>::new());
        assert_eq!(wrap(" ", 5.0, true), [" "]);
        assert_eq!(wrap("ab", -1.0, true), ["a", "b"]);
    }

    #[test]
    fn counts_code_points_with_glyph_per_code_unit_off() {
        let s = "a\u{1F600}b";
        assert_eq!(glyph_count(&u(s), true), 4);
        assert_eq!(glyph_count(&u(s), false), 3);
        assert_eq!(wrap(s, 2.0, false), ["a\u{1F600}", "b"]);
        assert_eq!(glyph_at(&u("\u{1F600}"), 0, false), (0x1F600, 2));
    }
}
