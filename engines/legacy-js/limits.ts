/**
 * Engine-internal limits that keep a pathological scene (cycles and diamonds made by
 * quirk double-append) from hanging or overflowing the stack. They are part of the
 * reference behaviour: the Wasm port uses the same numbers at the same places.
 */

/** Children deeper than this (root = depth 0) are ignored by sizing, layout and paint. */
export const MAX_TREE_DEPTH = 64;

/** Most calls to measureWidth + measureHeight + layoutNode in one layout pass. */
export const LAYOUT_VISIT_BUDGET = 1 << 20;

/** Most layout boxes (layout entries) in one layout pass. */
export const MAX_LAYOUT_BOXES = 16384;

/** Slack added to the available width when deciding whether a line of text fits. */
export const TEXT_FIT_EPSILON = 1 / 1024;

/** Width of the focus ring, drawn just outside the focused node's box. */
export const FOCUS_RING_WIDTH = 2;
