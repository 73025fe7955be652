//! Port of engines/legacy-js/focus.ts: spatial navigation between focusable nodes, and
//! the focus ring.
#![deny(unsafe_code)]

use crate::color::Rgba;
use crate::limits::FOCUS_RING_WIDTH;
use crate::protocol::Key;
use crate::raster::{fill_rect, ClipRect, Framebuffer};
use crate::scene::Scene;
use crate::sizing::LayoutBox;

pub const FOCUS_RING_COLOR: Rgba = Rgba { r: 255, g: 204, b: 0, a: 255 }; // #ffcc00

/// Weight of the primary-axis distance in the navigation score.
const PRIMARY_WEIGHT: f64 = 1000.0;

/// A box used as the navigation origin.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FocusBox {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl FocusBox {
    pub fn of(b: &LayoutBox) -> FocusBox {
        FocusBox { x: b.x, y: b.y, width: b.width, height: b.height }
    }
}

/// The last box (paint-tree order) of node `id`, or None when it was not laid out.
pub fn last_box_of(boxes: &[LayoutBox], id: i64) -> Option<&LayoutBox> {
    boxes.iter().rev().find(|b| i64::from(b.id) == id)
}

/// The node a direction key moves focus to, or -1 for no move.
///
/// Without an origin the first focusable box in paint-tree order is chosen. Otherwise,
/// candidates are focusable boxes of other nodes whose centre lies strictly in the key's
/// direction; score = |primary| * 1000 + |secondary|; the smallest wins, ties go to the
/// earliest box. quirk focus-considers-hidden: visible:false nodes (and nodes under hidden
/// ancestors) are candidates. Off: they are skipped.
pub fn navigate(boxes: &[LayoutBox], scene: &Scene, focused_id: i64, origin: Option<FocusBox>, key: Key, considers_hidden: bool) -> i64 {
    let focusable = |b: &LayoutBox| scene.node(b.slot as usize).focusable && (considers_hidden || !b.hidden);
    // 1. no_origin: first focusable box
    let origin = match origin {
        Some(o) => o,
        None => return boxes.iter().find(|b| focusable(b)).map_or(-1, |b| i64::from(b.id)),
    };
    // 2. origin_centre
    let ox = origin.x + origin.width / 2.0;
    let oy = origin.y + origin.height / 2.0;
    // 3. score_candidates
    let mut best = -1;
    let mut best_score = f64::INFINITY;
    for b in boxes {
        if !focusable(b) || i64::from(b.id) == focused_id {
            continue;
        }
        let cx = b.x + b.width / 2.0;
        let cy = b.y + b.height / 2.0;
        let (primary, secondary) = match key {
            Key::Right if cx > ox => (cx - ox, (cy - oy).abs()),
            Key::Left if cx < ox => (ox - cx, (cy - oy).abs()),
            Key::Down if cy > oy => (cy - oy, (cx - ox).abs()),
            Key::Up if cy < oy => (oy - cy, (cx - ox).abs()),
            _ => continue,
        };
        let score = primary * PRIMARY_WEIGHT + secondary;
        // 4. keep_strictly_better (first in paint-tree order wins ties; NaN never wins)
        if score < best_score {
            best_score = score;
            best = i64::from(b.id);
        }
    }
    best
}

/// A FOCUS_RING_WIDTH ring of FOCUS_RING_COLOR just outside the snapped box, opaque.
pub fn draw_focus_ring(fb: &mut Framebuffer, b: ClipRect, truncate: bool) {
    let w = FOCUS_RING_WIDTH;
    let clip = fb.full_clip();
    let ClipRect { x0, y0, x1, y1 } = b;
    let c = FOCUS_RING_COLOR;
    fill_rect(fb, clip, x0 - w, y0 - w, x1 + w, y0, c, 255, truncate); // top, corners included
    fill_rect(fb, clip, x0 - w, y1, x1 + w, y1 + w, c, 255, truncate); // bottom, corners included
    fill_rect(fb, clip, x0 - w, y0, x0, y1, c, 255, truncate); // left
    fill_rect(fb, clip, x1, y0, x1 + w, y1, c, 255, truncate); // right
}
