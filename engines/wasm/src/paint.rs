//! Port of engines/legacy-js/paint.ts: the paint pass walks the layout tree and draws each
//! visible node (background, border, image or text), then its children in zIndex order,
//! then the focus ring.
#![deny(unsafe_code)]

use crate::assets::{Assets, FontAtlas};
use crate::focus::draw_focus_ring;
use crate::geometry::snap_edge;
use crate::glyphs::{draw_text_lines, GlyphScratch};
use crate::image::paint_image;
use crate::jsnum::{js_min, to_int32};
use crate::protocol::NodeType;
use crate::quirks::Quirks;
use crate::raster::{fill_rounded_rect, intersect_clip, scale_alpha, stroke_rounded_rect, ClipRect, Framebuffer};
use crate::scene::Scene;
use crate::sizing::{Layout, NO_BOX};

/// Buffers the paint pass reuses across frames.
#[derive(Default)]
pub struct PaintScratch {
    /// (sort key, box index) of the children being ordered, one region per tree level.
    order: Vec<(u64, u32)>,
    /// image source columns
    columns: Vec<u32>,
    glyphs: GlyphScratch,
    /// (pixel index, saved word) outside a rounded clip (quirk clip-ignores-radius off)
    saved: Vec<(u32, u32)>,
}

struct PaintState<'a> {
    fb: &'a mut Framebuffer,
    scene: &'a Scene,
    layout: &'a Layout,
    assets: &'a Assets,
    font: &'a FontAtlas,
    quirks: Quirks,
    focused_id: i64,
    /// Snapped box of the last painted occurrence of the focused node, if any.
    ring_box: Option<ClipRect>,
    scratch: &'a mut PaintScratch,
}

/// Opacity (0..1) to a byte: trunc(opacity * 255 + 0.5).
pub fn opacity_to_byte(opacity: f64) -> u32 {
    to_int32(opacity * 255.0 + 0.5) as u32
}

/// The sort key of String(z) compared by UTF-16 code units: the decimal digits of the
/// int32 (at most 11 ASCII bytes, '-' < '0'..'9'), packed big-endian with 0 padding, so a
/// shorter prefix sorts first. 11 bytes do not fit a u64: the first byte of a 11-byte
/// string is '-', so the key stores "is negative" and the 10 remaining bytes' ranks.
pub fn zindex_string_key(z: i32) -> u64 {
    let digits = crate::jsnum::number_to_string(z);
    let mut key: u64 = 0;
    // Each unit maps to a rank 1..=11 ('-' = 1, '0'..'9' = 2..=11); 0 is "no unit".
    // 11 units * 4 bits = 44 bits.
    for i in 0..11 {
        let rank = match digits.get(i) {
            None => 0,
            Some(&45) => 1,
            Some(&d) => u64::from(d - 48) + 2,
        };
        key = (key << 4) | rank;
    }
    key
}

/// Paint order of siblings, sorting scratch.order[from..] (stable) by key.
/// quirk zindex-string-sort: zIndex (an int32) is compared as a string, so "10" sorts
/// before "9" and "-1" before "-2" (-2 paints over -1). Off: compared as numbers.
pub fn sort_by_z_index(order: &mut [(u64, u32)]) {
    // Nothing to do when every key is equal (the common case: all zIndex 0).
    if order.windows(2).all(|w| w[0].0 == w[1].0) {
        return;
    }
    order.sort_by_key(|e| e.0); // stable
}

fn z_key(z: i32, string_sort: bool) -> u64 {
    if string_sort {
        zindex_string_key(z)
    } else {
        // Numeric order of an i32 as an unsigned key.
        (i64::from(z) - i64::from(i32::MIN)) as u64
    }
}

#[allow(clippy::too_many_arguments)]
pub fn paint_scene(
    fb: &mut Framebuffer,
    scene: &Scene,
    layout: &Layout,
    assets: &Assets,
    font: &FontAtlas,
    quirks: Quirks,
    focused_id: i64,
    scratch: &mut PaintScratch,
) {
    // 1. clear_frame (opaque black)
    fb.clear();
    if layout.boxes.is_empty() {
        return;
    }
    // 2. paint_tree
    let clip = fb.full_clip();
    scratch.order.clear();
    scratch.saved.clear();
    let mut state = PaintState { fb, scene, layout, assets, font, quirks, focused_id, ring_box: None, scratch };
    paint_box(&mut state, 0, clip, 1.0);
    // 3. draw_focus_ring over everything, clipped to the frame only
    if let Some(ring) = state.ring_box {
        draw_focus_ring(state.fb, ring, quirks.blend_truncation);
    }
}

fn paint_box(state: &mut PaintState<'_>, index: u32, clip: ClipRect, inherited_opacity: f64) {
    let b = state.layout.boxes[index as usize];
    let node = state.scene.node(b.slot as usize);
    let quirks = state.quirks;
    let truncate = quirks.blend_truncation;
    // 1. skip_invisible (the whole subtree)
    if !node.visible {
        return;
    }
    // 2. own_opacity
    // quirk opacity-not-compounded: only this node's opacity scales what it paints. Off:
    // opacities multiply down the tree.
    let opacity = if quirks.opacity_not_compounded { node.opacity } else { inherited_opacity * node.opacity };
    let opacity8 = opacity_to_byte(opacity);
    // 3. snap_border_box (quirk coord-int32-truncation)
    let q = quirks.coord_int32_truncation;
    let x0 = snap_edge(b.x, q);
    let y0 = snap_edge(b.y, q);
    let x1 = snap_edge(b.x + b.width, q);
    let y1 = snap_edge(b.y + b.height, q);
    let radius = js_min(js_min(node.radius, (x1 - x0) as f64 / 2.0), (y1 - y0) as f64 / 2.0);
    // 4. paint_background
    if node.background.a > 0 {
        let alpha = scale_alpha(u32::from(node.background.a), opacity8);
        fill_rounded_rect(state.fb, clip, x0, y0, x1, y1, radius, node.background, alpha, truncate);
    }
    // 5. paint_border (inside the box)
    if node.border_width > 0.0 && node.border_color.a > 0 {
        let alpha = scale_alpha(u32::from(node.border_color.a), opacity8);
        stroke_rounded_rect(state.fb, clip, x0, y0, x1, y1, radius, node.border_width, node.border_color, alpha, truncate);
    }
    // 6. paint_content
    if node.node_type == NodeType::Image && !node.src.is_empty() {
        if let Some(asset) = state.assets.image(&node.src) {
            let p = node.padding;
            paint_image(
                state.fb,
                clip,
                asset,
                node.fit,
                b.x + p,
                b.y + p,
                b.width - p * 2.0,
                b.height - p * 2.0,
                opacity8,
                &mut state.scratch.columns,
                &quirks,
            );
        }
    } else if node.node_type == NodeType::Text {
        let lines = &state.layout.lines[b.lines_start as usize..b.lines_end as usize];
        draw_text_lines(state.fb, clip, &b, lines, node, state.font, opacity8, &mut state.scratch.glyphs, &quirks);
    }
    // 7. remember_focus_ring
    if i64::from(node.id) == state.focused_id {
        state.ring_box = Some(ClipRect { x0, y0, x1, y1 });
    }
    // 8. clip_children
    // quirk clip-ignores-radius: the clip is the rectangular box even when radius > 0.
    // Off: pixels outside the rounded shape are saved before the children paint and
    // restored after (a pixel-centre inside test).
    let child_clip = if node.clip { intersect_clip(clip, x0, y0, x1, y1) } else { clip };
    let rounded_clip = node.clip && radius > 0.0 && !quirks.clip_ignores_radius;
    let saved_from = state.scratch.saved.len();
    if rounded_clip {
        save_outside_rounded(state, child_clip, x0, y0, x1, y1, radius);
    }
    // 9. paint_children in zIndex order
    let from = state.scratch.order.len();
    let mut child = b.first_child;
    while child != NO_BOX {
        let c = state.layout.boxes[child as usize];
        let z = state.scene.node(c.slot as usize).z_index;
        state.scratch.order.push((z_key(z, quirks.zindex_string_sort), child));
        child = c.next_sibling;
    }
    sort_by_z_index(&mut state.scratch.order[from..]);
    let to = state.scratch.order.len();
    for i in from..to {
        let c = state.scratch.order[i].1;
        paint_box(state, c, child_clip, opacity);
    }
    state.scratch.order.truncate(from);
    if rounded_clip {
        let pixels = &mut state.fb.pixels;
        for &(i, word) in state.scratch.saved[saved_from..].iter().rev() {
            pixels[i as usize] = word;
        }
        state.scratch.saved.truncate(saved_from);
    }
}

/// Saves the pixels of `clip` whose centre is outside the rounded rectangle (only the
/// four corner squares can hold such pixels).
#[allow(clippy::too_many_arguments)]
fn save_outside_rounded(state: &mut PaintState<'_>, clip: ClipRect, x0: i64, y0: i64, x1: i64, y1: i64, r: f64) {
    let (fx0, fy0, fx1, fy1) = (x0 as f64, y0 as f64, x1 as f64, y1 as f64);
    let width = state.fb.width as usize;
    for py in clip.y0..clip.y1 {
        let cy = py as f64 + 0.5;
        let dy = if cy < fy0 + r {
            fy0 + r - cy
        } else if cy > fy1 - r {
            cy - (fy1 - r)
        } else {
            continue;
        };
        for px in clip.x0..clip.x1 {
            let cx = px as f64 + 0.5;
            let dx = if cx < fx0 + r {
                fx0 + r - cx
            } else if cx > fx1 - r {
                cx - (fx1 - r)
            } else {
                continue;
            };
            if (dx * dx + dy * dy).sqrt() > r {
                let i = py as usize * width + px as usize;
                state.scratch.saved.push((i as u32, state.fb.pixels[i]));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_keys_sort_like_js_strings() {
        let mut zs = vec![9, 10, -1, -2, 0, 2147483647, -2147483648, 1, 100, -10];
        let mut by_string = zs.clone();
        by_string.sort_by_key(|z| z.to_string());
        zs.sort_by_key(|&z| zindex_string_key(z));
        assert_eq!(zs, by_string);
    }

    #[test]
    fn sort_is_stable() {
        let mut order = vec![(zindex_string_key(1), 0), (zindex_string_key(0), 1), (zindex_string_key(1), 2), (zindex_string_key(0), 3)];
        sort_by_z_index(&mut order);
        assert_eq!(order.iter().map(|e| e.1).collect::<Vec<_>>(), vec![1, 3, 0, 2]);
    }
}
