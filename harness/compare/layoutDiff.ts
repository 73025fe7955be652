/**
 * Field-by-field diff of two layout trees. Entries are aligned by (node id, occurrence):
 * a node reachable twice (quirk double-append) appears twice, and its second
 * appearance is compared with the other engine's second appearance. Paths read
 * `#3 box.width`, `#7 text.lines[1]`, `#7@1 box.x` (second occurrence), `#7 node`.
 */
import type { LayoutEntry } from '../../engines/shared/observation.ts';
import type { LayoutCompareOptions, LayoutFieldDifference, LayoutValue } from './types.ts';

interface Slot {
  readonly id: number;
  readonly occurrence: number;
  /** Position in the entry list (paint-tree order). */
  readonly index: number;
  readonly entry: LayoutEntry;
}

const BOX_FIELDS = ['x', 'y', 'width', 'height'] as const;

export function diffLayout(
  ref: readonly LayoutEntry[],
  cand: readonly LayoutEntry[],
  opts: LayoutCompareOptions = {},
): LayoutFieldDifference[] {
  const { tolerance = 0 } = checkLayoutOptions(opts);
  const refSlots = slotsOf(ref);
  const candSlots = new Map(slotsOf(cand).map((s) => [keyOf(s), s]));
  const out: LayoutFieldDifference[] = [];
  const add = (s: Slot, field: string, reference: LayoutValue, candidate: LayoutValue) =>
    out.push({ path: pathOf(s, field), id: s.id, occurrence: s.occurrence, field, reference, candidate });

  // 1. Nodes on one side only; fields of nodes on both.
  const common: [Slot, Slot][] = [];
  for (const r of refSlots) {
    const c = candSlots.get(keyOf(r));
    if (!c) {
      add(r, 'node', 'present', 'missing');
      continue;
    }
    candSlots.delete(keyOf(r));
    common.push([r, c]);
    if (r.entry.depth !== c.entry.depth) add(r, 'depth', r.entry.depth, c.entry.depth);
    for (const f of BOX_FIELDS) {
      if (!near(r.entry[f], c.entry[f], tolerance)) add(r, `box.${f}`, r.entry[f], c.entry[f]);
    }
    diffLines(r, r.entry.lines, c.entry.lines, add);
  }
  for (const c of candSlots.values()) add(c, 'node', 'missing', 'present');

  // 2. Order: nodes outside the longest run kept in the same relative order have moved.
  const kept = longestIncreasing(common.map(([, c]) => c.index));
  common.forEach(([r, c], i) => {
    if (!kept.has(i)) add(r, 'order', r.index, c.index);
  });

  return out.sort(byNodeThenField);
}

/** Checks the tolerance: a finite number >= 0. */
export function checkLayoutOptions(opts: LayoutCompareOptions): LayoutCompareOptions {
  const { tolerance = 0 } = opts;
  if (!(tolerance >= 0 && Number.isFinite(tolerance))) {
    throw new Error(`layout tolerance: expected a finite number >= 0, got ${tolerance}`);
  }
  return opts;
}

function diffLines(
  s: Slot,
  ref: readonly string[] | undefined,
  cand: readonly string[] | undefined,
  add: (s: Slot, field: string, r: LayoutValue, c: LayoutValue) => void,
): void {
  if (ref === undefined || cand === undefined) {
    // One side laid the node out as text, the other not: report the line counts.
    if (ref !== cand) add(s, 'text.lines', ref?.length ?? null, cand?.length ?? null);
    return;
  }
  if (ref.length !== cand.length) add(s, 'text.lines.length', ref.length, cand.length);
  for (let i = 0; i < Math.max(ref.length, cand.length); i++) {
    if (ref[i] !== cand[i]) add(s, `text.lines[${i}]`, ref[i] ?? null, cand[i] ?? null);
  }
}

function slotsOf(entries: readonly LayoutEntry[]): Slot[] {
  const seen = new Map<number, number>();
  return entries.map((entry, index) => {
    const occurrence = seen.get(entry.id) ?? 0;
    seen.set(entry.id, occurrence + 1);
    return { id: entry.id, occurrence, index, entry };
  });
}

function keyOf(s: Slot): string {
  return `${s.id}@${s.occurrence}`;
}

function pathOf(s: Slot, field: string): string {
  return `#${s.id}${s.occurrence > 0 ? `@${s.occurrence}` : ''} ${field}`;
}

function near(a: number, b: number, tolerance: number): boolean {
  return a === b || (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= tolerance;
}

/** Indices of one longest strictly increasing subsequence (patience sorting, O(n log n)). */
function longestIncreasing(values: readonly number[]): Set<number> {
  const tails: number[] = []; // tails[l]: index of the smallest tail of a run of length l+1
  const prev = new Int32Array(values.length).fill(-1);
  values.forEach((v, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const kept = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) kept.add(i);
  return kept;
}

const FIELD_ORDER = ['node', 'order', 'depth', 'box.x', 'box.y', 'box.width', 'box.height', 'text.lines', 'text.lines.length'];

function byNodeThenField(a: LayoutFieldDifference, b: LayoutFieldDifference): number {
  return a.id - b.id || a.occurrence - b.occurrence || fieldRank(a.field) - fieldRank(b.field);
}

/** Fixed rank per field; text.lines[i] sorts after the named fields, by line index. */
function fieldRank(field: string): number {
  const named = FIELD_ORDER.indexOf(field);
  if (named >= 0) return named;
  const line = /^text\.lines\[(\d+)\]$/.exec(field);
  return FIELD_ORDER.length + (line ? Number(line[1]) : 0);
}
