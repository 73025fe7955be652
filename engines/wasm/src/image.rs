//! Port of engines/legacy-js/image.ts: fit the asset into the content box, then
//! nearest-neighbour sampling (source columns computed once per call, as in the TS).
#![deny(unsafe_code)]

use crate::assets::ImageAsset;
use crate::geometry::{centre_offset, snap_edge};
use crate::jsnum::{js_max, js_min};
use crate::node::Fit;
use crate::quirks::Quirks;
use crate::raster::{blend_pixel, intersect_clip, scale_alpha, ClipRect, Framebuffer};

/// Destination rectangle (f64) of an image: (x, y, width, height).
pub struct FitRect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// Destination rectangle of an iw x ih image in a content box: fill stretches; contain
/// scales by min(cw/iw, ch/ih), cover by max(...), none keeps the intrinsic size; the last
/// three are centred with round(free / 2) (quirk round-half-up).
#[allow(clippy::too_many_arguments)]
pub fn fit_rect(fit: Fit, cx: f64, cy: f64, cw: f64, ch: f64, iw: f64, ih: f64, round_half_up: bool) -> FitRect {
    if fit == Fit::Fill {
        return FitRect { x: cx, y: cy, width: cw, height: ch };
    }
    let mut w = iw;
    let mut h = ih;
    if fit == Fit::Contain || fit == Fit::Cover {
        let sx = cw / iw;
        let sy = ch / ih;
        let scale = if fit == Fit::Contain { js_min(sx, sy) } else { js_max(sx, sy) };
        w = iw * scale;
        h = ih * scale;
    }
    FitRect { x: cx + centre_offset(cw - w, round_half_up), y: cy + centre_offset(ch - h, round_half_up), width: w, height: h }
}

/// Paints `asset` fitted into the content box (cx, cy, cw, ch), clipped to the snapped
/// content box. Source pixel: sx = floor((px - X0) * iw / dw), sy likewise, with the
/// destination snapped to [X0, X1) x [Y0, Y1). Straight alpha, src-over,
/// alpha = trunc(a * opacity8 / 255).
#[allow(clippy::too_many_arguments)]
pub fn paint_image(
    fb: &mut Framebuffer,
    clip: ClipRect,
    asset: &ImageAsset,
    fit: Fit,
    cx: f64,
    cy: f64,
    cw: f64,
    ch: f64,
    opacity8: u32,
    columns: &mut Vec<u32>,
    quirks: &Quirks,
) {
    let iw = asset.width as usize;
    let ih = asset.height as usize;
    if iw == 0 || ih == 0 || opacity8 == 0 {
        return;
    }
    // 1. fit_rect
    let dest = fit_rect(fit, cx, cy, cw, ch, iw as f64, ih as f64, quirks.round_half_up);
    // 2. snap_destination (quirk coord-int32-truncation)
    let q = quirks.coord_int32_truncation;
    let x0 = snap_edge(dest.x, q);
    let y0 = snap_edge(dest.y, q);
    let x1 = snap_edge(dest.x + dest.width, q);
    let y1 = snap_edge(dest.y + dest.height, q);
    let dw = x1 - x0;
    let dh = y1 - y0;
    if dw <= 0 || dh <= 0 {
        return;
    }
    // 3. clip_to_content_box
    let c = intersect_clip(clip, snap_edge(cx, q), snap_edge(cy, q), snap_edge(cx + cw, q), snap_edge(cy + ch, q));
    let xs = x0.max(c.x0);
    let xe = x1.min(c.x1);
    let ys = y0.max(c.y0);
    let ye = y1.min(c.y1);
    if xs >= xe || ys >= ye {
        return;
    }
    // 4. sample_nearest (source columns computed once per call)
    columns.clear();
    for px in xs..xe {
        columns.push((((px - x0) as f64 * iw as f64) / dw as f64).floor() as u32);
    }
    let truncate = quirks.blend_truncation;
    let width = fb.width as usize;
    for py in ys..ye {
        let sy = (((py - y0) as f64 * ih as f64) / dh as f64).floor() as usize;
        let src_row = &asset.words[sy * iw..(sy + 1) * iw];
        let row = py as usize * width;
        let dest = &mut fb.pixels[row + xs as usize..row + xe as usize];
        if opacity8 >= 255 {
            // scale_alpha(a, 255) is a: an opaque source pixel is copied as is.
            for (p, &s) in dest.iter_mut().zip(columns.iter()) {
                let w = src_row[s as usize];
                if w >= 0xFF00_0000 {
                    *p = w;
                } else {
                    blend_pixel(p, w & 0xFF, (w >> 8) & 0xFF, (w >> 16) & 0xFF, w >> 24, truncate);
                }
            }
        } else {
            for (p, &s) in dest.iter_mut().zip(columns.iter()) {
                let w = src_row[s as usize];
                let a = scale_alpha(w >> 24, opacity8);
                blend_pixel(p, w & 0xFF, (w >> 8) & 0xFF, (w >> 16) & 0xFF, a, truncate);
            }
        }
    }
}
