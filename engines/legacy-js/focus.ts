/**
 * Focus: spatial navigation between focusable nodes, and the focus ring.
 */
import type { Key } from '../shared/protocol.ts';
import type { Rgba } from './color.ts';
import type { LayoutBox } from './layout.ts';
import { FOCUS_RING_WIDTH } from './limits.ts';
import { fillRect } from './raster.ts';
import type { ClipRect, Framebuffer } from './raster.ts';

export const FOCUS_RING_COLOR: Rgba = { r: 255, g: 204, b: 0, a: 255 }; // #ffcc00

/** Weight of the primary-axis distance in the navigation score. */
const PRIMARY_WEIGHT = 1000;

/** A box used as the navigation origin. */
export interface FocusBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The last box (paint-tree order) of node `id`, or null when it was not laid out. */
export function lastBoxOf(boxes: readonly LayoutBox[], id: number): LayoutBox | null {
  let found: LayoutBox | null = null;
  for (let i = 0; i < boxes.length; i++) if (boxes[i].node.id === id) found = boxes[i];
  return found;
}

/**
 * The node a direction key moves focus to, or -1 for no move.
 *
 * Without an origin (nothing focused, or never laid out) the first focusable box in
 * paint-tree order is chosen. Otherwise, candidates are focusable boxes of other nodes
 * whose centre lies strictly in the key's direction from the origin's centre; the score
 * is |primary-axis centre distance| * 1000 + |secondary-axis centre distance|; the
 * smallest score wins, ties go to the earliest box in paint-tree order.
 * quirk focus-considers-hidden: visible:false nodes (and nodes under hidden ancestors) are
 * candidates. A correct engine skips nodes whose visible is false.
 */
export function navigate(boxes: readonly LayoutBox[], focusedId: number, origin: FocusBox | null, key: Key): number {
  // 1. no_origin: first focusable box
  if (origin === null) {
    for (let i = 0; i < boxes.length; i++) if (boxes[i].node.focusable) return boxes[i].node.id;
    return -1;
  }
  // 2. origin_centre
  const ox = origin.x + origin.width / 2;
  const oy = origin.y + origin.height / 2;
  // 3. score_candidates
  let best = -1;
  let bestScore = Infinity;
  for (let i = 0; i < boxes.length; i++) {
    const box = boxes[i];
    if (!box.node.focusable || box.node.id === focusedId) continue;
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    let primary: number;
    let secondary: number;
    if (key === 'right' && cx > ox) {
      primary = cx - ox;
      secondary = Math.abs(cy - oy);
    } else if (key === 'left' && cx < ox) {
      primary = ox - cx;
      secondary = Math.abs(cy - oy);
    } else if (key === 'down' && cy > oy) {
      primary = cy - oy;
      secondary = Math.abs(cx - ox);
    } else if (key === 'up' && cy < oy) {
      primary = oy - cy;
      secondary = Math.abs(cx - ox);
    } else {
      continue;
    }
    const score = primary * PRIMARY_WEIGHT + secondary;
    // 4. keep_strictly_better (first in paint-tree order wins ties; NaN never wins)
    if (score < bestScore) {
      bestScore = score;
      best = box.node.id;
    }
  }
  return best;
}

/** A FOCUS_RING_WIDTH ring of FOCUS_RING_COLOR just outside the snapped box, opaque. */
export function drawFocusRing(fb: Framebuffer, box: ClipRect): void {
  const w = FOCUS_RING_WIDTH;
  const clip = fb.fullClip();
  const { x0, y0, x1, y1 } = box;
  fillRect(fb, clip, x0 - w, y0 - w, x1 + w, y0, FOCUS_RING_COLOR, 255); // top, corners included
  fillRect(fb, clip, x0 - w, y1, x1 + w, y1 + w, FOCUS_RING_COLOR, 255); // bottom, corners included
  fillRect(fb, clip, x0 - w, y0, x0, y1, FOCUS_RING_COLOR, 255); // left
  fillRect(fb, clip, x1, y0, x1 + w, y1, FOCUS_RING_COLOR, 255); // right
}
