/**
 * Sizing: the border-box size of children before placement. Width is always decided
 * before height (height may depend on width through text wrapping).
 *
 * - measureWidth: the max-content width of a node whose width is auto.
 * - measureHeight: the height of a node whose height is auto, given its border width.
 * - resolveChildSizes: the sizes of a parent's in-flow children (used by measureHeight
 *   and by layoutNode), including stretch and grow.
 *
 * A parent's height is unknown while it is being measured (heightKnown false): then
 * percentage heights count as 0, stretch does not apply and grow is not distributed.
 * Percentage widths count as 0 in measureWidth (the parent's width is being decided).
 */
import type { FontAtlas, ImageAsset } from '../shared/assets.ts';
import type { Scene } from './scene.ts';
import { MAX_TREE_DEPTH } from './limits.ts';
import type { Dimension, SceneNode } from './node.ts';
import { glyphAdvance, layoutTextLines, lineHeightOf, textWidth } from './text.ts';

export interface SizingContext {
  readonly scene: Scene;
  readonly font: FontAtlas;
  readonly images: ReadonlyMap<string, ImageAsset>;
  /** Calls of measureWidth, measureHeight and layoutNode left in this pass. */
  budget: number;
}

export interface ChildSizes {
  /** Border-box widths and heights, one per in-flow child. */
  readonly widths: number[];
  readonly heights: number[];
  /** Main-axis free space left for justify (0 once grow has shared it). */
  readonly free: number;
}

/** The live children of a node at `depth`, in child order; none below MAX_TREE_DEPTH. */
export function childrenOf(ctx: SizingContext, node: SceneNode, depth: number): SceneNode[] {
  const out: SceneNode[] = [];
  if (depth >= MAX_TREE_DEPTH) return out;
  for (let i = 0; i < node.children.length; i++) {
    const child = ctx.scene.get(node.children[i]);
    // stale ids (destroyed while still listed by an older parent, quirk double-append) are skipped
    if (child !== undefined) out.push(child);
  }
  return out;
}

export function inFlowChildrenOf(ctx: SizingContext, node: SceneNode, depth: number): SceneNode[] {
  const all = childrenOf(ctx, node, depth);
  const out: SceneNode[] = [];
  for (let i = 0; i < all.length; i++) if (all[i].position === 'relative') out.push(all[i]);
  return out;
}

/**
 * A px or percent dimension (never auto). Percentages are (base * value) / 100.
 * quirk percent-of-border-box: the base is the parent's border box, padding included.
 * A correct engine resolves against the parent's content box.
 */
export function resolveLength(dim: Dimension, base: number, baseKnown: boolean): number {
  if (dim.kind === 'px') return dim.value;
  return baseKnown ? (base * dim.value) / 100 : 0;
}

export function imageOf(ctx: SizingContext, node: SceneNode): ImageAsset | undefined {
  return node.type === 'image' && node.src !== '' ? ctx.images.get(node.src) : undefined;
}

function spendBudget(ctx: SizingContext): boolean {
  if (ctx.budget <= 0) return false;
  ctx.budget--;
  return true;
}

/** Max-content border width of a node with width auto. */
export function measureWidth(ctx: SizingContext, node: SceneNode, depth: number): number {
  // 1. spend_budget
  if (!spendBudget(ctx)) return 0;
  const padding2 = node.padding * 2;
  // 2. text: one line, no wrapping
  if (node.type === 'text') return textWidth(node.text.length, glyphAdvance(ctx.font, node.fontSize)) + padding2;
  // 3. image: intrinsic width
  if (node.type === 'image') {
    const asset = imageOf(ctx, node);
    return (asset === undefined ? 0 : asset.width) + padding2;
  }
  // 4. view: children's outer widths, summed (row, plus gaps) or max (column)
  const children = inFlowChildrenOf(ctx, node, depth);
  let content = 0;
  for (let i = 0; i < children.length; i++) {
    const c = children[i];
    const w = c.width.kind === 'auto' ? measureWidth(ctx, c, depth + 1) : resolveLength(c.width, 0, false);
    const outer = w + c.margin * 2;
    if (node.direction === 'row') content += outer;
    else content = Math.max(content, outer);
  }
  if (node.direction === 'row' && children.length > 1) content += node.gap * (children.length - 1);
  return content + padding2;
}

/** Border height of a node with height auto, given its border width. */
export function measureHeight(ctx: SizingContext, node: SceneNode, depth: number, borderWidth: number): number {
  // 1. spend_budget
  if (!spendBudget(ctx)) return 0;
  const padding2 = node.padding * 2;
  // 2. text: wrapped lines at the content width
  if (node.type === 'text') {
    const lines = layoutTextLines(node, borderWidth - padding2, ctx.font);
    return lines.length * lineHeightOf(node) + padding2;
  }
  // 3. image: intrinsic height (no aspect-ratio scaling)
  if (node.type === 'image') {
    const asset = imageOf(ctx, node);
    return (asset === undefined ? 0 : asset.height) + padding2;
  }
  // 4. view: size the children at this width, then sum (column, plus gaps) or max (row)
  const children = inFlowChildrenOf(ctx, node, depth);
  const sizes = resolveChildSizes(ctx, node, depth, children, borderWidth, 0, false);
  let content = 0;
  for (let i = 0; i < children.length; i++) {
    const outer = sizes.heights[i] + children[i].margin * 2;
    if (node.direction === 'column') content += outer;
    else content = Math.max(content, outer);
  }
  if (node.direction === 'column' && children.length > 1) content += node.gap * (children.length - 1);
  return content + padding2;
}

/**
 * Shares positive free main-axis space among children with grow > 0 and returns the
 * free space left for justify. `sizes` (main-axis border sizes) is updated in place.
 */
export function distributeGrow(children: readonly SceneNode[], sizes: number[], available: number, gap: number): number {
  // 1. sum_outer_sizes: outer sizes in child order, then the gaps
  let used = 0;
  let totalGrow = 0;
  for (let i = 0; i < children.length; i++) {
    used += sizes[i] + children[i].margin * 2;
    totalGrow += children[i].grow;
  }
  if (children.length > 1) used += gap * (children.length - 1);
  const free = available - used;
  // 2. share_free_space
  if (free > 0 && totalGrow > 0) {
    for (let i = 0; i < children.length; i++) {
      const grow = children[i].grow;
      // quirk grow-remainder-dropped: each share is floored, so up to one pixel per growing
      // child is lost (it is not given to justify either). A correct engine adds the exact
      // share free * grow / totalGrow.
      if (grow > 0) sizes[i] += Math.floor((free * grow) / totalGrow);
    }
    return 0;
  }
  return free;
}

/**
 * Border-box sizes of the in-flow children of `node` whose border box is
 * borderWidth x borderHeight (borderHeight meaningful only when heightKnown).
 */
export function resolveChildSizes(
  ctx: SizingContext,
  node: SceneNode,
  depth: number,
  children: readonly SceneNode[],
  borderWidth: number,
  borderHeight: number,
  heightKnown: boolean,
): ChildSizes {
  const padding2 = node.padding * 2;
  const contentWidth = borderWidth - padding2;
  const contentHeight = borderHeight - padding2;
  const stretch = node.align === 'stretch';
  const widths: number[] = [];
  const heights: number[] = [];
  let free = 0;
  if (node.direction === 'row') {
    // 1. determine_main_sizes (widths)
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      widths.push(c.width.kind === 'auto' ? measureWidth(ctx, c, depth + 1) : resolveLength(c.width, borderWidth, true));
    }
    // 2. resolve_flexible_lengths
    free = distributeGrow(children, widths, contentWidth, node.gap);
    // 3. determine_cross_sizes (heights): stretch, or measured at the final width
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      let h: number;
      if (c.height.kind !== 'auto') h = resolveLength(c.height, borderHeight, heightKnown);
      else if (stretch && heightKnown) h = Math.max(0, contentHeight - c.margin * 2);
      else h = measureHeight(ctx, c, depth + 1, widths[i]);
      heights.push(h);
    }
  } else {
    // 1. determine_cross_sizes (widths): stretch, or max-content
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      let w: number;
      if (c.width.kind !== 'auto') w = resolveLength(c.width, borderWidth, true);
      else if (stretch) w = Math.max(0, contentWidth - c.margin * 2);
      else w = measureWidth(ctx, c, depth + 1);
      widths.push(w);
    }
    // 2. determine_main_sizes (heights), measured at the final width
    for (let i = 0; i < children.length; i++) {
      const c = children[i];
      heights.push(c.height.kind === 'auto' ? measureHeight(ctx, c, depth + 1, widths[i]) : resolveLength(c.height, borderHeight, heightKnown));
    }
    // 3. resolve_flexible_lengths (only when this node's height is known)
    if (heightKnown) free = distributeGrow(children, heights, contentHeight, node.gap);
  }
  return { widths, heights, free };
}
