/**
 * The paint pass: walks the layout tree and draws each visible node (background,
 * border, image or text), then its children in zIndex order, then the focus ring.
 */
import type { HostAssets } from '../shared/assets.ts';
import { drawFocusRing } from './focus.ts';
import { snapEdge } from './geometry.ts';
import { drawTextLines } from './glyphs.ts';
import { paintImage } from './image.ts';
import type { LayoutBox } from './layout.ts';
import { fillRoundedRect, intersectClip, scaleAlpha, strokeRoundedRect } from './raster.ts';
import type { ClipRect, Framebuffer } from './raster.ts';

interface PaintState {
  readonly fb: Framebuffer;
  readonly assets: HostAssets;
  readonly focusedId: number;
  /** Snapped box of the last painted occurrence of the focused node, if any. */
  ringBox: ClipRect | null;
}

/** Opacity (0..1) to a byte: trunc(opacity * 255 + 0.5). */
export function opacityToByte(opacity: number): number {
  return (opacity * 255 + 0.5) | 0;
}

/**
 * Paint order of siblings.
 * quirk zindex-string-sort: zIndex (an int32) is compared as a string, stable, so "10"
 * sorts before "9" and "-1" before "-2" (so -2 paints over -1). A correct engine compares numbers.
 */
export function sortByZIndex(boxes: readonly LayoutBox[]): LayoutBox[] {
  const keyed = boxes.map((box) => ({ box, key: String(box.node.zIndex) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)); // Array.prototype.sort is stable
  return keyed.map((k) => k.box);
}

export function paintScene(fb: Framebuffer, root: LayoutBox, assets: HostAssets, focusedId: number): void {
  // 1. clear_frame (opaque black)
  fb.clear();
  // 2. paint_tree
  const state: PaintState = { fb, assets, focusedId, ringBox: null };
  paintBox(state, root, fb.fullClip());
  // 3. draw_focus_ring over everything, clipped to the frame only
  if (state.ringBox !== null) drawFocusRing(fb, state.ringBox);
}

function paintBox(state: PaintState, box: LayoutBox, clip: ClipRect): void {
  const node = box.node;
  const fb = state.fb;
  // 1. skip_invisible (the whole subtree)
  if (!node.visible) return;
  // 2. own_opacity
  // quirk opacity-not-compounded: only this node's opacity scales what it paints; children
  // do not inherit it. A correct engine multiplies opacities down the tree.
  const opacity8 = opacityToByte(node.opacity);
  // 3. snap_border_box (quirk coord-int32-truncation)
  const x0 = snapEdge(box.x);
  const y0 = snapEdge(box.y);
  const x1 = snapEdge(box.x + box.width);
  const y1 = snapEdge(box.y + box.height);
  const radius = Math.min(node.radius, (x1 - x0) / 2, (y1 - y0) / 2);
  // 4. paint_background
  if (node.background.a > 0) {
    fillRoundedRect(fb, clip, x0, y0, x1, y1, radius, node.background, scaleAlpha(node.background.a, opacity8));
  }
  // 5. paint_border (inside the box)
  if (node.borderWidth > 0 && node.borderColor.a > 0) {
    strokeRoundedRect(fb, clip, x0, y0, x1, y1, radius, node.borderWidth, node.borderColor, scaleAlpha(node.borderColor.a, opacity8));
  }
  // 6. paint_content
  if (node.type === 'image' && node.src !== '') {
    const asset = state.assets.images.get(node.src);
    if (asset !== undefined) {
      const p = node.padding;
      paintImage(fb, clip, asset, node.fit, box.x + p, box.y + p, box.width - p * 2, box.height - p * 2, opacity8);
    }
  } else if (node.type === 'text') {
    drawTextLines(fb, clip, box, state.assets.font, opacity8);
  }
  // 7. remember_focus_ring
  if (node.id === state.focusedId) state.ringBox = { x0, y0, x1, y1 };
  // 8. clip_children
  // quirk clip-ignores-radius: the clip is the rectangular box even when radius > 0.
  // A correct engine clips to the rounded shape.
  const childClip = node.clip ? intersectClip(clip, x0, y0, x1, y1) : clip;
  // 9. paint_children in zIndex order
  const ordered = sortByZIndex(box.children);
  for (let i = 0; i < ordered.length; i++) paintBox(state, ordered[i], childClip);
}
