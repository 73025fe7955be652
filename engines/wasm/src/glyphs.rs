//! Port of engines/legacy-js/glyphs.ts: drawing laid-out text lines with the bitmap font
//! atlas (nearest-neighbour scaling).
//!
//! Fast paths (same output): the alpha of each coverage byte is looked up in a 256-entry
//! table built once per text box, and each glyph's source columns are computed once per
//! glyph instead of once per pixel.
#![deny(unsafe_code)]

use crate::assets::FontAtlas;
use crate::color::Rgba;
use crate::geometry::{centre_offset, snap_edge};
use crate::node::{SceneNode, TextAlign};
use crate::quirks::Quirks;
use crate::raster::{blend_pixel, scale_alpha, ClipRect, Framebuffer};
use crate::sizing::LayoutBox;
use crate::text::{glyph_advance, glyph_at, glyph_count, glyph_index_of, line_height_of, text_width, LineSpan, ELLIPSIS};

/// Per-text-box tables, reused across frames.
#[derive(Default)]
pub struct GlyphScratch {
    /// alpha of coverage c: trunc(trunc(c * color.a / 255) * opacity8 / 255)
    alpha: Vec<u8>,
    /// source column of each destination column of the current glyph
    columns: Vec<u32>,
    /// the line being drawn (span + "...")
    line: Vec<u16>,
}

/// Draws one atlas cell into the snapped destination cell [gx|0, (gx+advance)|0) x
/// [gy|0, (gy+fontSize)|0). Sample coordinates: sx = floor((px - x0) * cellWidth / dw),
/// sy likewise.
#[allow(clippy::too_many_arguments)]
fn draw_glyph(
    fb: &mut Framebuffer,
    clip: ClipRect,
    font: &FontAtlas,
    glyph_index: u32,
    gx: f64,
    gy: f64,
    advance: f64,
    font_size: f64,
    color: Rgba,
    scratch: &mut GlyphScratch,
    quirks: &Quirks,
) {
    // 1. snap_destination_cell (quirk coord-int32-truncation)
    let q = quirks.coord_int32_truncation;
    let x0 = snap_edge(gx, q);
    let x1 = snap_edge(gx + advance, q);
    let y0 = snap_edge(gy, q);
    let y1 = snap_edge(gy + font_size, q);
    let dw = x1 - x0;
    let dh = y1 - y0;
    if dw <= 0 || dh <= 0 {
        return;
    }
    // 2. clip
    let xs = x0.max(clip.x0);
    let xe = x1.min(clip.x1);
    let ys = y0.max(clip.y0);
    let ye = y1.min(clip.y1);
    if xs >= xe || ys >= ye {
        return;
    }
    // 3. sample_nearest (Math.floor of the f64 quotient, as written)
    let cw = font.cell_width as usize;
    let ch = f64::from(font.cell_height);
    let cell_base = glyph_index as usize * cw * font.cell_height as usize;
    scratch.columns.clear();
    for px in xs..xe {
        scratch.columns.push((((px - x0) as f64 * cw as f64) / dw as f64).floor() as u32);
    }
    let (r, g, b) = (u32::from(color.r), u32::from(color.g), u32::from(color.b));
    let truncate = quirks.blend_truncation;
    let width = fb.width as usize;
    for py in ys..ye {
        let sy = (((py - y0) as f64 * ch) / dh as f64).floor() as usize;
        let cell_row = &font.coverage[cell_base + sy * cw..cell_base + sy * cw + cw];
        let row = py as usize * width;
        let dest = &mut fb.pixels[row + xs as usize..row + xe as usize];
        for (p, &sx) in dest.iter_mut().zip(scratch.columns.iter()) {
            let coverage = cell_row[sx as usize];
            if coverage == 0 {
                continue;
            }
            blend_pixel(p, r, g, b, u32::from(scratch.alpha[coverage as usize]), truncate);
        }
    }
}

/// Draws a text box's lines in its content box. Line i's top is contentY + i * lineHeight
/// (glyphs sit at the top of the line box); the line starts at contentX (left),
/// contentX + round(free / 2) (center), contentX + free (right), free = contentWidth - lineWidth.
#[allow(clippy::too_many_arguments)]
pub fn draw_text_lines(
    fb: &mut Framebuffer,
    clip: ClipRect,
    layout_box: &LayoutBox,
    lines: &[LineSpan],
    node: &SceneNode,
    font: &FontAtlas,
    opacity8: u32,
    scratch: &mut GlyphScratch,
    quirks: &Quirks,
) {
    if !layout_box.has_lines || node.color.a == 0 {
        return;
    }
    // 1. metrics
    let advance = glyph_advance(font, node.font_size);
    let line_height = line_height_of(node);
    let content_x = layout_box.x + node.padding;
    let content_y = layout_box.y + node.padding;
    let content_width = layout_box.width - node.padding * 2.0;
    scratch.alpha.clear();
    for c in 0..256u32 {
        scratch.alpha.push(scale_alpha(scale_alpha(c, u32::from(node.color.a)), opacity8) as u8);
    }
    let per_unit = quirks.glyph_per_code_unit;
    for (l, span) in lines.iter().enumerate() {
        let mut line = core::mem::take(&mut scratch.line);
        line.clear();
        line.extend_from_slice(&node.text[span.start as usize..span.end as usize]);
        if span.ellipsis {
            line.extend_from_slice(&ELLIPSIS);
        }
        // 2. align_line
        let free = content_width - text_width(glyph_count(&line, per_unit), advance);
        let line_x = match node.text_align {
            TextAlign::Center => content_x + centre_offset(free, quirks.round_half_up), // quirk round-half-up
            TextAlign::Right => content_x + free,
            TextAlign::Left => content_x,
        };
        let line_y = content_y + l as f64 * line_height;
        // 3. draw_glyphs: one per UTF-16 code unit (quirk glyph-per-code-unit; off: one
        //    per code point, a surrogate pair drawing one glyph)
        let mut k = 0usize;
        let mut i = 0usize;
        while i < line.len() {
            let (code, units) = glyph_at(&line, i, per_unit);
            let glyph = glyph_index_of(font, code);
            let gx = line_x + k as f64 * advance;
            draw_glyph(fb, clip, font, glyph, gx, line_y, advance, node.font_size, node.color, scratch, quirks);
            i += units;
            k += 1;
        }
        scratch.line = line;
    }
}
