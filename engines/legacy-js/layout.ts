/**
 * The layout pass: a flex-like model (one line, no wrapping) that produces absolute
 * border boxes in paint-tree order (depth first, child order).
 */
import type { FontAtlas, ImageAsset } from '../shared/assets.ts';
import { centreOffset } from './geometry.ts';
import { LAYOUT_VISIT_BUDGET, MAX_LAYOUT_BOXES } from './limits.ts';
import type { Align, SceneNode } from './node.ts';
import type { Scene } from './scene.ts';
import { childrenOf, measureHeight, measureWidth, resolveChildSizes, resolveLength } from './sizing.ts';
import type { SizingContext } from './sizing.ts';
import { layoutTextLines } from './text.ts';

/** One laid-out occurrence of a node (a node appended twice has two). */
export interface LayoutBox {
  readonly node: SceneNode;
  readonly depth: number;
  /** Absolute border box in viewport pixels (f64, before snapping), translation included. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Text nodes: laid-out lines; null for other types. */
  readonly lines: string[] | null;
  /** Laid-out children in child order. */
  readonly children: LayoutBox[];
}

interface LayoutContext extends SizingContext {
  readonly boxes: LayoutBox[];
}

/** Lays out the whole scene; returns every box in paint-tree order (boxes[0] is the root). */
export function layoutScene(
  scene: Scene,
  font: FontAtlas,
  images: ReadonlyMap<string, ImageAsset>,
  viewportWidth: number,
  viewportHeight: number,
): LayoutBox[] {
  const ctx: LayoutContext = { scene, font, images, budget: LAYOUT_VISIT_BUDGET, boxes: [] };
  // The root is the viewport: its own size, position and margin properties are ignored.
  layoutNode(ctx, scene.root, 0, 0, 0, viewportWidth, viewportHeight);
  return ctx.boxes;
}

/** Cross-axis position of a child's border box. */
function alignCross(align: Align, start: number, size: number, childSize: number, margin: number): number {
  if (align === 'center') return start + centreOffset(size - (childSize + margin * 2)) + margin; // quirk round-half-up
  if (align === 'end') return start + size - childSize - margin;
  return start + margin; // start, and stretch (a fixed-size child under stretch sits at the start)
}

function layoutNode(
  ctx: LayoutContext,
  node: SceneNode,
  depth: number,
  x: number,
  y: number,
  width: number,
  height: number,
): LayoutBox | null {
  // 1. spend_budget
  if (ctx.budget <= 0 || ctx.boxes.length >= MAX_LAYOUT_BOXES) return null;
  ctx.budget--;

  // 2. record_box (pre-order, so ctx.boxes is in paint-tree order)
  const padding2 = node.padding * 2;
  const lines = node.type === 'text' ? layoutTextLines(node, width - padding2, ctx.font) : null;
  const box: LayoutBox = { node, depth, x, y, width, height, lines, children: [] };
  ctx.boxes.push(box);

  // 3. collect_children
  const children = childrenOf(ctx, node, depth);
  const inFlow: SceneNode[] = [];
  for (let i = 0; i < children.length; i++) if (children[i].position === 'relative') inFlow.push(children[i]);

  // 4. resolve_child_sizes
  const sizes = resolveChildSizes(ctx, node, depth, inFlow, width, height, true);

  // 5. place_in_flow_children
  const row = node.direction === 'row';
  const contentX = x + node.padding;
  const contentY = y + node.padding;
  const contentWidth = width - padding2;
  const contentHeight = height - padding2;
  const mainStart = row ? contentX : contentY;
  const crossStart = row ? contentY : contentX;
  const crossSize = row ? contentHeight : contentWidth;
  // 5a. justify_main_axis
  let offset = 0;
  let between = 0;
  if (node.justify === 'center') offset = centreOffset(sizes.free); // quirk round-half-up
  else if (node.justify === 'end') offset = sizes.free;
  else if (node.justify === 'space-between' && inFlow.length > 1 && sizes.free > 0) between = sizes.free / (inFlow.length - 1);
  const placedX: number[] = [];
  const placedY: number[] = [];
  let pos = mainStart + offset;
  for (let i = 0; i < inFlow.length; i++) {
    const c = inFlow[i];
    const mainSize = row ? sizes.widths[i] : sizes.heights[i];
    const crossChildSize = row ? sizes.heights[i] : sizes.widths[i];
    pos += c.margin;
    const mainPos = pos;
    pos += mainSize + c.margin + node.gap + between;
    // 5b. align_cross_axis
    const crossPos = alignCross(node.align, crossStart, crossSize, crossChildSize, c.margin);
    // 5c. apply_relative_translation: x/y of a relative node move it (and its subtree) after layout
    placedX.push((row ? mainPos : crossPos) + c.x);
    placedY.push((row ? crossPos : mainPos) + c.y);
  }

  // 6. layout_children_in_child_order
  let k = 0;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    let child: LayoutBox | null;
    if (c.position === 'absolute') {
      // 6a. place_absolute_child: content-box origin + (x, y), out of flow, margin ignored
      const w = c.width.kind === 'auto' ? measureWidth(ctx, c, depth + 1) : resolveLength(c.width, width, true);
      const h = c.height.kind === 'auto' ? measureHeight(ctx, c, depth + 1, w) : resolveLength(c.height, height, true);
      child = layoutNode(ctx, c, depth + 1, contentX + c.x, contentY + c.y, w, h);
    } else {
      child = layoutNode(ctx, c, depth + 1, placedX[k], placedY[k], sizes.widths[k], sizes.heights[k]);
      k++;
    }
    if (child !== null) box.children.push(child);
  }
  return box;
}
