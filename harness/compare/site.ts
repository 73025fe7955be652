/**
 * Sites: where in the scene a divergence shows, as a chain of this stream's node ids
 * (top-level node first). Layout entries come in paint-tree order with their depth, so a
 * node's ancestors are the nearest earlier entries one level up each.
 */
import type { LayoutEntry } from '../../engines/shared/observation.ts';
import type { Box, DivergenceSite, LayoutFieldDifference } from './types.ts';

/** Ids from the entry's top-level ancestor down to the entry itself. */
export function chainAt(layout: readonly LayoutEntry[], index: number): number[] {
  const chain = [layout[index].id];
  let depth = layout[index].depth;
  for (let i = index - 1; i >= 0 && depth > 1; i--) {
    if (layout[i].depth === depth - 1) {
      chain.unshift(layout[i].id);
      depth--;
    }
  }
  return chain;
}

/** The index of the `occurrence`-th entry of node `id`, or -1. */
function indexOf(layout: readonly LayoutEntry[], id: number, occurrence: number): number {
  let seen = 0;
  for (let i = 0; i < layout.length; i++) {
    if (layout[i].id === id && seen++ === occurrence) return i;
  }
  return -1;
}

/** The site of a layout difference, found in whichever tree holds the node. */
export function layoutSite(d: LayoutFieldDifference, ref: readonly LayoutEntry[], cand: readonly LayoutEntry[]): DivergenceSite {
  const inRef = indexOf(ref, d.id, d.occurrence);
  const inCand = inRef >= 0 ? -1 : indexOf(cand, d.id, d.occurrence);
  const chain = inRef >= 0 ? chainAt(ref, inRef) : inCand >= 0 ? chainAt(cand, inCand) : [d.id];
  return { chain, occurrence: d.occurrence, field: d.field };
}

const contains = (e: LayoutEntry, b: Box) =>
  b.x >= e.x && b.y >= e.y && b.x + b.width <= e.x + e.width && b.y + b.height <= e.y + e.height;

/**
 * The site of differing pixels: the deepest node of the reference tree whose box holds
 * them all (the topmost in paint order among equals); the viewport when none does.
 */
export function areaSite(bbox: Box | null, ref: readonly LayoutEntry[]): DivergenceSite {
  if (bbox === null) return { chain: [] };
  let best = -1;
  for (let i = 0; i < ref.length; i++) {
    if (ref[i].id !== 0 && contains(ref[i], bbox) && (best < 0 || ref[i].depth >= ref[best].depth)) best = i;
  }
  return { chain: best < 0 ? [] : chainAt(ref, best) };
}

/**
 * Layout differences split by the top-level subtree they are in (the child of the
 * viewport they hang under; the viewport's own differences form one more): independent
 * bugs in two parts of a screen become two divergences. Groups keep the differences'
 * order and come in the order of their first difference.
 */
export function layoutGroups(diffs: readonly LayoutFieldDifference[], ref: readonly LayoutEntry[], cand: readonly LayoutEntry[]): LayoutFieldDifference[][] {
  const topRef = topLevels(ref);
  const topCand = topLevels(cand);
  const groups = new Map<number, LayoutFieldDifference[]>();
  for (const d of diffs) {
    const key = `${d.id}@${d.occurrence}`;
    const top = topRef.get(key) ?? topCand.get(key) ?? d.id;
    const g = groups.get(top);
    if (g) g.push(d);
    else groups.set(top, [d]);
  }
  return [...groups.values()];
}

/** `id@occurrence` -> the id of its top-level ancestor (itself at depth 1; 0 for the viewport). */
function topLevels(layout: readonly LayoutEntry[]): Map<string, number> {
  const out = new Map<string, number>();
  const seen = new Map<number, number>();
  let top = 0;
  for (const e of layout) {
    const occurrence = seen.get(e.id) ?? 0;
    seen.set(e.id, occurrence + 1);
    if (e.depth <= 1) top = e.depth === 0 ? 0 : e.id;
    out.set(`${e.id}@${occurrence}`, top);
  }
  return out;
}
