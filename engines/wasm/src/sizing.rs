//! Port of engines/legacy-js/sizing.ts: the border-box size of children before placement.
//! Width is always decided before height (height may depend on width through wrapping).
//!
//! - measure_width: the max-content width of a node whose width is auto.
//! - measure_height: the height of a node whose height is auto, given its border width.
//! - resolve_child_sizes: the sizes of a parent's in-flow children, with stretch and grow.
//!
//! Where the TS code builds arrays (children, widths, heights), this port pushes onto two
//! scratch stacks in the context and truncates them on return (no allocation per pass):
//! `ctx.nodes` holds node slots, `ctx.sizes` holds f64 sizes.
#![deny(unsafe_code)]

use crate::assets::{Assets, FontAtlas, ImageAsset};
use crate::jsnum::js_max;
use crate::limits::MAX_TREE_DEPTH;
use crate::node::{Align, Dimension, Direction, Position, SceneNode};
use crate::protocol::NodeType;
use crate::quirks::Quirks;
use crate::scene::Scene;
use crate::text::{glyph_advance, glyph_count, layout_text_lines, line_height_of, text_width, LineSpan};

/// One laid-out occurrence of a node (a node appended twice has two): `LayoutBox`.
#[derive(Clone, Copy, Debug)]
pub struct LayoutBox {
    pub slot: u32,
    pub id: u32,
    pub depth: u32,
    /// Absolute border box in viewport pixels (f64, before snapping).
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Text nodes: lines[lines_start..lines_end] of the Layout; others: has_lines false.
    pub has_lines: bool,
    pub lines_start: u32,
    pub lines_end: u32,
    /// Laid-out children in child order, as a linked list of box indexes (NO_BOX ends it).
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    /// This node or an ancestor box is visible:false (quirk focus-considers-hidden off).
    pub hidden: bool,
}

pub const NO_BOX: u32 = u32::MAX;

/// The result of a layout pass: boxes in paint-tree order (boxes[0] is the root).
#[derive(Default)]
pub struct Layout {
    pub boxes: Vec<LayoutBox>,
    pub lines: Vec<LineSpan>,
}

impl Layout {
    pub fn clear(&mut self) {
        self.boxes.clear();
        self.lines.clear();
    }
}

/// Reusable stacks (see the module comment).
#[derive(Default)]
pub struct Scratch {
    pub nodes: Vec<u32>,
    pub sizes: Vec<f64>,
    pub lines: Vec<LineSpan>,
}

pub struct SizingContext<'a> {
    pub scene: &'a Scene,
    pub font: &'a FontAtlas,
    pub assets: &'a Assets,
    pub quirks: Quirks,
    /// Calls of measure_width, measure_height and layout_node left in this pass.
    pub budget: u32,
    pub nodes: &'a mut Vec<u32>,
    pub sizes: &'a mut Vec<f64>,
    pub lines: &'a mut Vec<LineSpan>,
    /// The layout pass's output (LayoutContext.boxes).
    pub out: &'a mut Layout,
}

/// Pushes the live children of a node at `depth`, in child order, onto ctx.nodes; none
/// below MAX_TREE_DEPTH. Stale ids (destroyed while still listed by an older parent,
/// quirk double-append) are skipped.
pub fn children_of(ctx: &mut SizingContext<'_>, node: &SceneNode, depth: u32) {
    if depth >= MAX_TREE_DEPTH {
        return;
    }
    for &id in node.children.iter() {
        if let Some(slot) = ctx.scene.get(id) {
            ctx.nodes.push(slot as u32);
        }
    }
}

/// Pushes the in-flow (relative) live children onto ctx.nodes.
pub fn in_flow_children_of(ctx: &mut SizingContext<'_>, node: &SceneNode, depth: u32) {
    if depth >= MAX_TREE_DEPTH {
        return;
    }
    let scene = ctx.scene;
    for &id in node.children.iter() {
        if let Some(slot) = scene.get(id) {
            if scene.node(slot).position == Position::Relative {
                ctx.nodes.push(slot as u32);
            }
        }
    }
}

/// A px or percent dimension (never auto). Percentages are (base * value) / 100.
/// quirk percent-of-border-box: callers pass the parent's border box as the base (the
/// "correct" content-box base is chosen by the callers, see `percent_base`).
pub fn resolve_length(dim: Dimension, base: f64, base_known: bool) -> f64 {
    match dim {
        Dimension::Px(v) => v,
        Dimension::Percent(v) => {
            if base_known {
                (base * v) / 100.0
            } else {
                0.0
            }
        }
        Dimension::Auto => {
            if base_known {
                (base * 0.0) / 100.0
            } else {
                0.0
            }
        }
    }
}

/// The base of a child's percentage: quirk percent-of-border-box uses the parent's border
/// size; off, its content size (border minus both paddings).
pub fn percent_base(quirks: &Quirks, border: f64, content: f64) -> f64 {
    if quirks.percent_of_border_box {
        border
    } else {
        content
    }
}

pub fn image_of<'a>(assets: &'a Assets, node: &SceneNode) -> Option<&'a ImageAsset> {
    if node.node_type == NodeType::Image && !node.src.is_empty() {
        assets.image(&node.src)
    } else {
        None
    }
}

fn spend_budget(ctx: &mut SizingContext<'_>) -> bool {
    if ctx.budget == 0 {
        return false;
    }
    ctx.budget -= 1;
    true
}

/// Max-content border width of a node with width auto.
pub fn measure_width(ctx: &mut SizingContext<'_>, slot: usize, depth: u32) -> f64 {
    // 1. spend_budget
    if !spend_budget(ctx) {
        return 0.0;
    }
    let scene = ctx.scene;
    let node = scene.node(slot);
    let padding2 = node.padding * 2.0;
    match node.node_type {
        // 2. text: one line, no wrapping
        NodeType::Text => {
            let count = glyph_count(&node.text, ctx.quirks.glyph_per_code_unit);
            text_width(count, glyph_advance(ctx.font, node.font_size)) + padding2
        }
        // 3. image: intrinsic width
        NodeType::Image => image_of(ctx.assets, node).map_or(0.0, |a| f64::from(a.width)) + padding2,
        // 4. view: children's outer widths, summed (row, plus gaps) or max (column)
        NodeType::View => {
            let base = ctx.nodes.len();
            in_flow_children_of(ctx, node, depth);
            let end = ctx.nodes.len();
            let row = node.direction == Direction::Row;
            let mut content = 0.0;
            for i in base..end {
                let c = ctx.nodes[i] as usize;
                let cn = scene.node(c);
                let w = match cn.width {
                    Dimension::Auto => measure_width(ctx, c, depth + 1),
                    dim => resolve_length(dim, 0.0, false),
                };
                let outer = w + cn.margin * 2.0;
                if row {
                    content += outer;
                } else {
                    content = js_max(content, outer);
                }
            }
            let n = end - base;
            ctx.nodes.truncate(base);
            if row && n > 1 {
                content += node.gap * (n - 1) as f64;
            }
            content + padding2
        }
    }
}

/// Border height of a node with height auto, given its border width.
pub fn measure_height(ctx: &mut SizingContext<'_>, slot: usize, depth: u32, border_width: f64) -> f64 {
    // 1. spend_budget
    if !spend_budget(ctx) {
        return 0.0;
    }
    let scene = ctx.scene;
    let node = scene.node(slot);
    let padding2 = node.padding * 2.0;
    match node.node_type {
        // 2. text: wrapped lines at the content width
        NodeType::Text => {
            let base = ctx.lines.len();
            layout_text_lines(node, border_width - padding2, ctx.font, &ctx.quirks, ctx.lines);
            let count = ctx.lines.len() - base;
            ctx.lines.truncate(base);
            count as f64 * line_height_of(node) + padding2
        }
        // 3. image: intrinsic height (no aspect-ratio scaling)
        NodeType::Image => image_of(ctx.assets, node).map_or(0.0, |a| f64::from(a.height)) + padding2,
        // 4. view: size the children at this width, then sum (column, plus gaps) or max (row)
        NodeType::View => {
            let base = ctx.nodes.len();
            in_flow_children_of(ctx, node, depth);
            let end = ctx.nodes.len();
            let n = end - base;
            let sizes = ctx.sizes.len();
            resolve_child_sizes(ctx, slot, depth, base, end, border_width, 0.0, false);
            let column = node.direction == Direction::Column;
            let mut content = 0.0;
            for i in 0..n {
                let outer = ctx.sizes[sizes + n + i] + scene.node(ctx.nodes[base + i] as usize).margin * 2.0;
                if column {
                    content += outer;
                } else {
                    content = js_max(content, outer);
                }
            }
            ctx.sizes.truncate(sizes);
            ctx.nodes.truncate(base);
            if column && n > 1 {
                content += node.gap * (n - 1) as f64;
            }
            content + padding2
        }
    }
}

/// Shares positive free main-axis space among children with grow > 0 and returns the
/// free space left for justify. ctx.sizes[sizes..sizes + n] (main-axis border sizes of
/// the children ctx.nodes[children..children + n]) is updated in place.
pub fn distribute_grow(ctx: &mut SizingContext<'_>, children: usize, sizes: usize, n: usize, available: f64, gap: f64) -> f64 {
    let scene = ctx.scene;
    // 1. sum_outer_sizes: outer sizes in child order, then the gaps
    let mut used = 0.0;
    let mut total_grow = 0.0;
    for i in 0..n {
        let c = scene.node(ctx.nodes[children + i] as usize);
        used += ctx.sizes[sizes + i] + c.margin * 2.0;
        total_grow += c.grow;
    }
    if n > 1 {
        used += gap * (n - 1) as f64;
    }
    let free = available - used;
    // 2. share_free_space
    if free > 0.0 && total_grow > 0.0 {
        for i in 0..n {
            let grow = scene.node(ctx.nodes[children + i] as usize).grow;
            if grow > 0.0 {
                let share = (free * grow) / total_grow;
                // quirk grow-remainder-dropped: each share is floored (up to one pixel per
                // growing child is lost). Off: the exact share.
                ctx.sizes[sizes + i] += if ctx.quirks.grow_remainder_dropped { share.floor() } else { share };
            }
        }
        return 0.0;
    }
    free
}

/// Border-box sizes of the in-flow children ctx.nodes[children..children_end] of `slot`,
/// whose border box is border_width x border_height (height meaningful only when
/// height_known). Pushes the n widths then the n heights onto ctx.sizes; returns the
/// main-axis free space left for justify (0 once grow has shared it).
#[allow(clippy::too_many_arguments)]
pub fn resolve_child_sizes(
    ctx: &mut SizingContext<'_>,
    slot: usize,
    depth: u32,
    children: usize,
    children_end: usize,
    border_width: f64,
    border_height: f64,
    height_known: bool,
) -> f64 {
    let scene = ctx.scene;
    let quirks = ctx.quirks;
    let node = scene.node(slot);
    let n = children_end - children;
    let padding2 = node.padding * 2.0;
    let content_width = border_width - padding2;
    let content_height = border_height - padding2;
    let width_base = percent_base(&quirks, border_width, content_width);
    let height_base = percent_base(&quirks, border_height, content_height);
    let stretch = node.align == Align::Stretch;
    let widths = ctx.sizes.len();
    let heights = widths + n;
    let mut free = 0.0;
    if node.direction == Direction::Row {
        // 1. determine_main_sizes (widths)
        for i in 0..n {
            let c = ctx.nodes[children + i] as usize;
            let w = match scene.node(c).width {
                Dimension::Auto => measure_width(ctx, c, depth + 1),
                dim => resolve_length(dim, width_base, true),
            };
            ctx.sizes.push(w);
        }
        // 2. resolve_flexible_lengths
        free = distribute_grow(ctx, children, widths, n, content_width, node.gap);
        // 3. determine_cross_sizes (heights): stretch, or measured at the final width
        for i in 0..n {
            let c = ctx.nodes[children + i] as usize;
            let cn = scene.node(c);
            let h = if cn.height != Dimension::Auto {
                resolve_length(cn.height, height_base, height_known)
            } else if stretch && height_known {
                js_max(0.0, content_height - cn.margin * 2.0)
            } else {
                let w = ctx.sizes[widths + i];
                measure_height(ctx, c, depth + 1, w)
            };
            ctx.sizes.push(h);
        }
    } else {
        // 1. determine_cross_sizes (widths): stretch, or max-content
        for i in 0..n {
            let c = ctx.nodes[children + i] as usize;
            let cn = scene.node(c);
            let w = if cn.width != Dimension::Auto {
                resolve_length(cn.width, width_base, true)
            } else if stretch {
                js_max(0.0, content_width - cn.margin * 2.0)
            } else {
                measure_width(ctx, c, depth + 1)
            };
            ctx.sizes.push(w);
        }
        // 2. determine_main_sizes (heights), measured at the final width
        for i in 0..n {
            let c = ctx.nodes[children + i] as usize;
            let h = match scene.node(c).height {
                Dimension::Auto => {
                    let w = ctx.sizes[widths + i];
                    measure_height(ctx, c, depth + 1, w)
                }
                dim => resolve_length(dim, height_base, height_known),
            };
            ctx.sizes.push(h);
        }
        // 3. resolve_flexible_lengths (only when this node's height is known)
        if height_known {
            free = distribute_grow(ctx, children, heights, n, content_height, node.gap);
        }
    }
    free
}
