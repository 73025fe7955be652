//! Port of engines/legacy-js/limits.ts: engine-internal limits that keep a pathological
//! scene (cycles and diamonds made by quirk double-append) from hanging or overflowing
//! the stack. Part of the reference behaviour: the same numbers at the same places.
#![deny(unsafe_code)]

/// Children deeper than this (root = depth 0) are ignored by sizing, layout and paint.
pub const MAX_TREE_DEPTH: u32 = 64;

/// Most calls to measure_width + measure_height + layout_node in one layout pass.
pub const LAYOUT_VISIT_BUDGET: u32 = 1 << 20;

/// Most layout boxes (layout entries) in one layout pass.
pub const MAX_LAYOUT_BOXES: usize = 16384;

/// Slack added to the available width when deciding whether a line of text fits.
pub const TEXT_FIT_EPSILON: f64 = 1.0 / 1024.0;

/// Width of the focus ring, drawn just outside the focused node's box.
pub const FOCUS_RING_WIDTH: i64 = 2;
