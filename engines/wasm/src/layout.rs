//! Port of engines/legacy-js/layout.ts: the layout pass, a flex-like model (one line, no
//! wrapping) that produces absolute border boxes in paint-tree order (depth first, child
//! order).
#![deny(unsafe_code)]

use crate::assets::{Assets, FontAtlas};
use crate::geometry::centre_offset;
use crate::limits::{LAYOUT_VISIT_BUDGET, MAX_LAYOUT_BOXES};
use crate::node::{Align, Dimension, Direction, Justify, Position};
use crate::protocol::NodeType;
use crate::quirks::Quirks;
use crate::scene::Scene;
use crate::sizing::{
    children_of, measure_height, measure_width, percent_base, resolve_child_sizes, resolve_length, Layout, LayoutBox,
    Scratch, SizingContext, NO_BOX,
};
use crate::text::layout_text_lines;

/// Lays out the whole scene into `out` (cleared first): every box in paint-tree order,
/// boxes[0] the root. The root is the viewport: its own size, position and margin
/// properties are ignored.
#[allow(clippy::too_many_arguments)]
pub fn layout_scene(
    scene: &Scene,
    font: &FontAtlas,
    assets: &Assets,
    quirks: Quirks,
    viewport_width: f64,
    viewport_height: f64,
    scratch: &mut Scratch,
    out: &mut Layout,
) {
    out.clear();
    let mut ctx = SizingContext {
        scene,
        font,
        assets,
        quirks,
        budget: LAYOUT_VISIT_BUDGET,
        nodes: &mut scratch.nodes,
        sizes: &mut scratch.sizes,
        lines: &mut scratch.lines,
        out,
    };
    layout_node(&mut ctx, 0, 0, 0.0, 0.0, viewport_width, viewport_height, false);
}

/// Cross-axis position of a child's border box.
fn align_cross(align: Align, start: f64, size: f64, child_size: f64, margin: f64, round_half_up: bool) -> f64 {
    match align {
        // quirk round-half-up
        Align::Center => start + centre_offset(size - (child_size + margin * 2.0), round_half_up) + margin,
        Align::End => start + size - child_size - margin,
        // start, and stretch (a fixed-size child under stretch sits at the start)
        _ => start + margin,
    }
}

#[allow(clippy::too_many_arguments)]
fn layout_node(
    ctx: &mut SizingContext<'_>,
    slot: usize,
    depth: u32,
    x: f64,
    y: f64,
    width: f64,
    height: f64,
    parent_hidden: bool,
) -> u32 {
    // 1. spend_budget
    if ctx.budget == 0 || ctx.out.boxes.len() >= MAX_LAYOUT_BOXES {
        return NO_BOX;
    }
    ctx.budget -= 1;
    let scene = ctx.scene;
    let quirks = ctx.quirks;
    let node = scene.node(slot);

    // 2. record_box (pre-order, so the boxes are in paint-tree order)
    let padding2 = node.padding * 2.0;
    let lines_start = ctx.out.lines.len() as u32;
    let has_lines = node.node_type == NodeType::Text;
    if has_lines {
        layout_text_lines(node, width - padding2, ctx.font, &quirks, &mut ctx.out.lines);
    }
    let index = ctx.out.boxes.len() as u32;
    let hidden = parent_hidden || !node.visible;
    ctx.out.boxes.push(LayoutBox {
        slot: slot as u32,
        id: node.id,
        depth,
        x,
        y,
        width,
        height,
        has_lines,
        lines_start,
        lines_end: ctx.out.lines.len() as u32,
        first_child: NO_BOX,
        last_child: NO_BOX,
        next_sibling: NO_BOX,
        hidden,
    });

    // 3. collect_children: all live children at [all, in_flow), the in-flow ones after
    let all = ctx.nodes.len();
    children_of(ctx, node, depth);
    let in_flow = ctx.nodes.len();
    for i in all..in_flow {
        let c = ctx.nodes[i];
        if scene.node(c as usize).position == Position::Relative {
            ctx.nodes.push(c);
        }
    }
    let in_flow_end = ctx.nodes.len();
    let n = in_flow_end - in_flow;

    // 4. resolve_child_sizes: widths at sizes[widths..], heights at sizes[widths + n..]
    let widths = ctx.sizes.len();
    let heights = widths + n;
    let free = resolve_child_sizes(ctx, slot, depth, in_flow, in_flow_end, width, height, true);

    // 5. place_in_flow_children: positions pushed at sizes[placed..] as (x, y) pairs
    let row = node.direction == Direction::Row;
    let content_x = x + node.padding;
    let content_y = y + node.padding;
    let content_width = width - padding2;
    let content_height = height - padding2;
    let main_start = if row { content_x } else { content_y };
    let cross_start = if row { content_y } else { content_x };
    let cross_size = if row { content_height } else { content_width };
    // 5a. justify_main_axis
    let mut offset = 0.0;
    let mut between = 0.0;
    match node.justify {
        Justify::Center => offset = centre_offset(free, quirks.round_half_up), // quirk round-half-up
        Justify::End => offset = free,
        Justify::SpaceBetween if n > 1 && free > 0.0 => between = free / (n - 1) as f64,
        _ => {}
    }
    let placed = ctx.sizes.len();
    let mut pos = main_start + offset;
    for i in 0..n {
        let c = scene.node(ctx.nodes[in_flow + i] as usize);
        let main_size = if row { ctx.sizes[widths + i] } else { ctx.sizes[heights + i] };
        let cross_child_size = if row { ctx.sizes[heights + i] } else { ctx.sizes[widths + i] };
        pos += c.margin;
        let main_pos = pos;
        pos += main_size + c.margin + node.gap + between;
        // 5b. align_cross_axis
        let cross_pos = align_cross(node.align, cross_start, cross_size, cross_child_size, c.margin, quirks.round_half_up);
        // 5c. apply_relative_translation
        ctx.sizes.push((if row { main_pos } else { cross_pos }) + c.x);
        ctx.sizes.push((if row { cross_pos } else { main_pos }) + c.y);
    }

    // 6. layout_children_in_child_order
    let mut k = 0;
    for i in all..in_flow {
        let c_slot = ctx.nodes[i] as usize;
        let c = scene.node(c_slot);
        let child = if c.position == Position::Absolute {
            // 6a. place_absolute_child: content-box origin + (x, y), out of flow, margin ignored
            let w = match c.width {
                Dimension::Auto => measure_width(ctx, c_slot, depth + 1),
                dim => resolve_length(dim, percent_base(&quirks, width, content_width), true),
            };
            let h = match c.height {
                Dimension::Auto => measure_height(ctx, c_slot, depth + 1, w),
                dim => resolve_length(dim, percent_base(&quirks, height, content_height), true),
            };
            layout_node(ctx, c_slot, depth + 1, content_x + c.x, content_y + c.y, w, h, hidden)
        } else {
            let (px, py) = (ctx.sizes[placed + 2 * k], ctx.sizes[placed + 2 * k + 1]);
            let (w, h) = (ctx.sizes[widths + k], ctx.sizes[heights + k]);
            k += 1;
            layout_node(ctx, c_slot, depth + 1, px, py, w, h, hidden)
        };
        if child != NO_BOX {
            let b = &mut ctx.out.boxes[index as usize];
            if b.last_child == NO_BOX {
                b.first_child = child;
            } else {
                let last = b.last_child as usize;
                ctx.out.boxes[last].next_sibling = child;
            }
            ctx.out.boxes[index as usize].last_child = child;
        }
    }
    ctx.sizes.truncate(widths);
    ctx.nodes.truncate(all);
    index
}
