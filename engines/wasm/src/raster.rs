//! Port of engines/legacy-js/raster.ts: the framebuffer and its primitives: src-over
//! blending, rectangle fills, anti-aliased rounded rectangles (fill and border ring).
//! Pixel coordinates here are integers (already snapped; i64 so `x0 - 2` never
//! overflows); clip rectangles are half-open [x0, x1) x [y0, y1).
//!
//! Pixels are u32 words read as r | g << 8 | b << 16 | a << 24, which is RGBA8 in memory
//! on little-endian wasm32: opaque spans are `slice::fill`, blends touch one word.
#![deny(unsafe_code)]

use crate::color::Rgba;
use crate::jsnum::to_int32;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClipRect {
    pub x0: i64,
    pub y0: i64,
    pub x1: i64,
    pub y1: i64,
}

/// Opaque black (#000000ff) as a pixel word.
pub const CLEAR_WORD: u32 = 0xFF00_0000;

/// Opaque RGBA8 frame; alpha is always 255.
#[derive(Default)]
pub struct Framebuffer {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u32>,
}

impl Framebuffer {
    /// Sizes the frame (capacity is kept across resizes and resets).
    pub fn resize(&mut self, width: u32, height: u32) {
        self.width = width;
        self.height = height;
        self.pixels.resize(width as usize * height as usize, CLEAR_WORD);
    }

    /// Clears to opaque black.
    pub fn clear(&mut self) {
        self.pixels.fill(CLEAR_WORD);
    }

    pub fn full_clip(&self) -> ClipRect {
        ClipRect { x0: 0, y0: 0, x1: i64::from(self.width), y1: i64::from(self.height) }
    }
}

pub fn intersect_clip(clip: ClipRect, x0: i64, y0: i64, x1: i64, y1: i64) -> ClipRect {
    ClipRect { x0: clip.x0.max(x0), y0: clip.y0.max(y0), x1: clip.x1.min(x1), y1: clip.y1.min(y1) }
}

pub fn opaque_word(color: Rgba) -> u32 {
    u32::from(color.r) | u32::from(color.g) << 8 | u32::from(color.b) << 16 | 0xFF00_0000
}

/// Divides each of the two 16-bit lanes of `x` (bits 0..15 and 16..31, each at most
/// 65152 = 255 * 255 + 127) by 255, flooring: floor(v / 255) = (v + 1 + (v >> 8)) >> 8
/// for 0 <= v <= 65152, and no lane carries into the next
/// (checked exhaustively in the tests below).
#[inline(always)]
fn div255_lanes(x: u32) -> u32 {
    ((x + 0x0001_0001 + ((x >> 8) & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
}

/// Src-over of the three channels: each is (s*a + d*(255-a)) / 255.
/// quirk blend-truncation: the quotient is truncated (`| 0`). Off: rounded to nearest,
/// floor((x + 127) / 255).
/// `s_rb` and `s_g` are the source products s*a of red|blue (two 16-bit lanes) and of
/// green, computed once per span; red and blue are blended together in one u32.
#[inline(always)]
fn blend_word(d: u32, s_rb: u32, s_g: u32, ia: u32, truncate: bool) -> u32 {
    let bias = if truncate { 0 } else { 0x007F_007F };
    let rb = div255_lanes(s_rb + (d & 0x00FF_00FF) * ia + bias);
    let g = div255_lanes(s_g + ((d >> 8) & 0xFF) * ia + (bias & 0xFF));
    rb | g << 8 | (d & 0xFF00_0000)
}

/// Blends one source pixel (straight alpha a in 0..255) over the opaque destination.
#[inline(always)]
pub fn blend_pixel(p: &mut u32, r: u32, g: u32, b: u32, a: u32, truncate: bool) {
    if a == 0 {
        return;
    }
    if a >= 255 {
        *p = r | g << 8 | b << 16 | (*p & 0xFF00_0000);
        return;
    }
    *p = blend_word(*p, (r | b << 16) * a, g * a, 255 - a, truncate);
}

/// Scales an alpha by a factor in 0..255: trunc(alpha * factor / 255).
#[inline(always)]
pub fn scale_alpha(alpha: u32, factor: u32) -> u32 {
    alpha * factor / 255
}

/// Coverage 0..1 to a byte: trunc(c * 255 + 0.5).
#[inline(always)]
pub fn coverage_to_byte(c: f64) -> u32 {
    to_int32(c * 255.0 + 0.5) as u32
}

/// Blends colour rgb at alpha over pixels [xs, xe) of row py (already clipped).
/// Same result as blend_pixel per pixel; opaque spans are one `fill`.
pub fn fill_span(fb: &mut Framebuffer, py: i64, xs: i64, xe: i64, color: Rgba, alpha: u32, truncate: bool) {
    if alpha == 0 || xs >= xe {
        return;
    }
    let row = py as usize * fb.width as usize;
    let span = &mut fb.pixels[row + xs as usize..row + xe as usize];
    if alpha >= 255 {
        span.fill(opaque_word(color));
        return;
    }
    // The source products are the same for every pixel of the span.
    let ia = 255 - alpha;
    let s_rb = (u32::from(color.r) | u32::from(color.b) << 16) * alpha;
    let s_g = u32::from(color.g) * alpha;
    for p in span.iter_mut() {
        *p = blend_word(*p, s_rb, s_g, ia, truncate);
    }
}

/// Fills [x0, x1) x [y0, y1) with colour rgb at alpha (0..255), within clip.
#[allow(clippy::too_many_arguments)]
pub fn fill_rect(fb: &mut Framebuffer, clip: ClipRect, x0: i64, y0: i64, x1: i64, y1: i64, color: Rgba, alpha: u32, truncate: bool) {
    let xs = x0.max(clip.x0);
    let xe = x1.min(clip.x1);
    let ys = y0.max(clip.y0);
    let ye = y1.min(clip.y1);
    if alpha == 0 || xs >= xe || ys >= ye {
        return;
    }
    for py in ys..ye {
        fill_span(fb, py, xs, xe, color, alpha, truncate);
    }
}

/// Coverage (0..1) of pixel (px, py) by the rectangle [x0, x1) x [y0, y1) (f64 edges)
/// with corner radius r. Straight edges are not anti-aliased: a pixel is inside when its
/// centre is. In a corner square, coverage = clamp(r - d + 0.5, 0, 1), d = distance from
/// the pixel centre to the corner circle's centre.
#[inline]
#[allow(clippy::too_many_arguments)]
pub fn rounded_rect_coverage(px: f64, py: f64, x0: f64, y0: f64, x1: f64, y1: f64, r: f64) -> f64 {
    let cx = px + 0.5;
    let cy = py + 0.5;
    // 1. outside_edges
    if cx < x0 || cx >= x1 || cy < y0 || cy >= y1 {
        return 0.0;
    }
    if r <= 0.0 {
        return 1.0;
    }
    // 2. find_corner: both axes must be within r of an edge
    let dx = if cx < x0 + r {
        x0 + r - cx
    } else if cx > x1 - r {
        cx - (x1 - r)
    } else {
        return 1.0;
    };
    let dy = if cy < y0 + r {
        y0 + r - cy
    } else if cy > y1 - r {
        cy - (y1 - r)
    } else {
        return 1.0;
    };
    // 3. corner_coverage
    let c = r - (dx * dx + dy * dy).sqrt() + 0.5;
    if c <= 0.0 {
        return 0.0;
    }
    if c >= 1.0 {
        return 1.0;
    }
    c
}

/// Fills the rounded rectangle [x0, x1) x [y0, y1) (integer edges, r already clamped).
#[allow(clippy::too_many_arguments)]
pub fn fill_rounded_rect(fb: &mut Framebuffer, clip: ClipRect, x0: i64, y0: i64, x1: i64, y1: i64, r: f64, color: Rgba, alpha: u32, truncate: bool) {
    if r <= 0.0 {
        fill_rect(fb, clip, x0, y0, x1, y1, color, alpha, truncate);
        return;
    }
    let xs = x0.max(clip.x0);
    let xe = x1.min(clip.x1);
    let ys = y0.max(clip.y0);
    let ye = y1.min(clip.y1);
    if alpha == 0 || xs >= xe || ys >= ye {
        return;
    }
    let (fx0, fy0, fx1, fy1) = (x0 as f64, y0 as f64, x1 as f64, y1 as f64);
    let (cr, cg, cb) = (u32::from(color.r), u32::from(color.g), u32::from(color.b));
    let width = fb.width as usize;
    for py in ys..ye {
        let cy = py as f64 + 0.5;
        // rows outside the corner bands are fully covered (same result as the per-pixel path)
        if !(cy < fy0 + r) && !(cy > fy1 - r) {
            fill_span(fb, py, xs, xe, color, alpha, truncate);
            continue;
        }
        let row = py as usize * width;
        let mut px = xs;
        while px < xe {
            let cx = px as f64 + 0.5;
            // Between the corner columns the coverage is 1: one span (same result).
            if !(cx < fx0 + r) && !(cx > fx1 - r) {
                let mut end = px + 1;
                while end < xe && !((end as f64 + 0.5) > fx1 - r) {
                    end += 1;
                }
                fill_span(fb, py, px, end, color, alpha, truncate);
                px = end;
                continue;
            }
            let cov = rounded_rect_coverage(px as f64, py as f64, fx0, fy0, fx1, fy1, r);
            if cov > 0.0 {
                let a = scale_alpha(alpha, coverage_to_byte(cov));
                blend_pixel(&mut fb.pixels[row + px as usize], cr, cg, cb, a, truncate);
            }
            px += 1;
        }
    }
}

/// Draws a border of width bw inside the rounded rectangle [x0, x1) x [y0, y1) (integer
/// edges, radius r): coverage = clamp(outer - inner, 0, 1) where inner is the rectangle
/// inset by bw (f64 edges) with radius max(0, r - bw).
#[allow(clippy::too_many_arguments)]
pub fn stroke_rounded_rect(
    fb: &mut Framebuffer,
    clip: ClipRect,
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
    r: f64,
    bw: f64,
    color: Rgba,
    alpha: u32,
    truncate: bool,
) {
    let xs = x0.max(clip.x0);
    let xe = x1.min(clip.x1);
    let ys = y0.max(clip.y0);
    let ye = y1.min(clip.y1);
    if alpha == 0 || !(bw > 0.0) || xs >= xe || ys >= ye {
        return;
    }
    let (fx0, fy0, fx1, fy1) = (x0 as f64, y0 as f64, x1 as f64, y1 as f64);
    let ix0 = fx0 + bw;
    let iy0 = fy0 + bw;
    let ix1 = fx1 - bw;
    let iy1 = fy1 - bw;
    let ir = crate::jsnum::js_max(0.0, r - bw);
    // Pixels whose centre is in [ix0, ix1) on a row in the inner straight band have inner
    // coverage 1, hence nothing to draw: skip them (an optimisation, same result).
    let skip_start = (ix0 - 0.5).ceil();
    let skip_end = (ix1 - 0.5).ceil();
    let (cr, cg, cb) = (u32::from(color.r), u32::from(color.g), u32::from(color.b));
    let width = fb.width as usize;
    for py in ys..ye {
        let cy = py as f64 + 0.5;
        let inner_straight_row = cy >= iy0 && cy < iy1 && !(cy < iy0 + ir) && !(cy > iy1 - ir);
        // A row outside the inner rectangle and outside the outer corner bands has outer
        // coverage 1 and inner 0 everywhere: one span (same result as per pixel).
        let outside_inner = !(cy >= iy0 && cy < iy1);
        if outside_inner && r <= 0.0 || outside_inner && !(cy < fy0 + r) && !(cy > fy1 - r) {
            fill_span(fb, py, xs, xe, color, alpha, truncate);
            continue;
        }
        let row = py as usize * width;
        let mut px = xs;
        while px < xe {
            let fpx = px as f64;
            if inner_straight_row && fpx >= skip_start && fpx < skip_end {
                // skip_end is an integer (ceil) here, at most xe's neighbourhood
                px = skip_end as i64;
                continue;
            }
            let outer = rounded_rect_coverage(fpx, py as f64, fx0, fy0, fx1, fy1, r);
            if outer > 0.0 {
                let inner = rounded_rect_coverage(fpx, py as f64, ix0, iy0, ix1, iy1, ir);
                let mut cov = outer - inner;
                if cov > 0.0 {
                    if cov > 1.0 {
                        cov = 1.0;
                    }
                    let a = scale_alpha(alpha, coverage_to_byte(cov));
                    blend_pixel(&mut fb.pixels[row + px as usize], cr, cg, cb, a, truncate);
                }
            }
            px += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lane_division_by_255_is_exact() {
        for v in 0..=65152u32 {
            assert_eq!(div255_lanes(v | v << 16), (v / 255) | (v / 255) << 16, "v = {}", v);
        }
    }

    #[test]
    fn blend_matches_the_per_channel_formula() {
        for s in (0..256u32).step_by(7) {
            for d in (0..256u32).step_by(5) {
                for a in 0..256u32 {
                    for truncate in [true, false] {
                        let mut p = d | (255 - d) << 8 | (d / 2) << 16 | 0xFF00_0000;
                        blend_pixel(&mut p, s, 255 - s, s / 3, a, truncate);
                        let ch = |s: u32, d: u32| {
                            if a == 0 {
                                return d;
                            }
                            if a >= 255 {
                                return s;
                            }
                            let x = s * a + d * (255 - a);
                            if truncate { x / 255 } else { (x + 127) / 255 }
                        };
                        let want = ch(s, d) | ch(255 - s, 255 - d) << 8 | ch(s / 3, d / 2) << 16 | 0xFF00_0000;
                        assert_eq!(p, want);
                    }
                }
            }
        }
    }
}
