/**
 * The differing pixels of two equally sized frames, split by where they are: connected
 * areas of differing pixels (8-neighbours), each placed on the deepest node of the
 * reference tree holding it (./site.ts), and the areas on one node joined (areas on no
 * node — the viewport — stay apart: the viewport holds everything). Two bugs that paint
 * different nodes are then two divergences, not one box around both.
 */
import type { Frame, LayoutEntry } from '../../engines/shared/observation.ts';
import { asWords } from './pixelScan.ts';
import { areaSite } from './site.ts';
import type { Box, DivergenceSite, PixelStats } from './types.ts';

export interface FrameRegion {
  readonly site: DivergenceSite;
  readonly stats: PixelStats;
  /**
   * Some differing pixel has a colour the other frame has nowhere: a colour computed
   * differently (parsing, blending), not the same colours moved, hidden or reordered.
   */
  readonly newColours: boolean;
}

export function frameRegions(ref: Frame, cand: Frame, layout: readonly LayoutEntry[]): FrameRegion[] {
  const { width, height } = ref;
  const regions = new Map<string, { site: DivergenceSite; pixels: number; maxChannelDiff: number; box: [number, number, number, number]; newColours: boolean }>();
  const palette = lazyPalettes(ref, cand);
  const seen = new Uint8Array(width * height);
  const stack: number[] = [];
  for (let start = 0; start < width * height; start++) {
    if (seen[start] || pixelDiff(ref.data, cand.data, start) === 0) continue;
    // 1. one connected area of differing pixels
    let pixels = 0;
    let max = 0;
    let newColours = false;
    const box: [number, number, number, number] = [width, height, -1, -1];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop()!;
      const d = pixelDiff(ref.data, cand.data, i);
      pixels++;
      if (d > max) max = d;
      newColours ||= palette.isNew(i);
      const x = i % width;
      const y = (i - x) / width;
      grow(box, x, y);
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const j = ny * width + nx;
          if (seen[j] || pixelDiff(ref.data, cand.data, j) === 0) continue;
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    // 2. joined with the other areas on the same node
    const site = areaSite(toBox(box), layout);
    const key = site.chain.length > 0 ? site.chain.join('>') : `viewport@${start}`;
    const r = regions.get(key);
    if (!r) regions.set(key, { site, pixels, maxChannelDiff: max, box, newColours });
    else {
      r.newColours ||= newColours;
      r.pixels += pixels;
      r.maxChannelDiff = Math.max(r.maxChannelDiff, max);
      grow(r.box, box[0], box[1]);
      grow(r.box, box[2], box[3]);
    }
  }
  return [...regions.values()].map((r) => ({
    site: r.site,
    newColours: r.newColours,
    stats: { pixels: r.pixels, ratio: r.pixels / (width * height), maxChannelDiff: r.maxChannelDiff, bbox: toBox(r.box) },
  }));
}

/** Whether pixel i of either frame has a colour the other frame has nowhere; the colour sets are built on first use. */
function lazyPalettes(ref: Frame, cand: Frame) {
  const ref32 = asWords(ref.data);
  const cand32 = asWords(cand.data);
  let sets: { ref: Set<number>; cand: Set<number> } | undefined;
  return {
    isNew(i: number): boolean {
      sets ??= { ref: new Set(ref32), cand: new Set(cand32) };
      return !sets.cand.has(ref32[i]) || !sets.ref.has(cand32[i]);
    },
  };
}

function pixelDiff(a: Uint8Array, b: Uint8Array, i: number): number {
  const p = i * 4;
  return Math.max(Math.abs(a[p] - b[p]), Math.abs(a[p + 1] - b[p + 1]), Math.abs(a[p + 2] - b[p + 2]), Math.abs(a[p + 3] - b[p + 3]));
}

function grow(box: [number, number, number, number], x: number, y: number): void {
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
}

const toBox = ([x0, y0, x1, y1]: readonly number[]): Box => ({ x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 });
