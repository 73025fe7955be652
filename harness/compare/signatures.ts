/**
 * What each kind of divergence contributes to its fingerprint (./fingerprint.ts):
 *   frame       `frame:size`, or `frame:pixels` with where and how the pixels differ:
 *               `/faint` (max channel diff <= 3: rounding-type bugs such as blend
 *               truncation), `/text` (inside a text node's box: glyph bugs), `/line`
 *               (a one-pixel row or column: edge rounding and snapping bugs); plain
 *               `frame:pixels` for whole areas (paint order, clipping); `/new-colours`
 *               when a differing pixel has a colour the other frame has nowhere (colour
 *               parsing, blending) rather than the same colours moved
 *   layout      `layout:<field>` of the most causal differing field, ranked
 *               node > order > depth > text.lines > width > height > x > y
 *               (a wrong width moves the siblings' x, not the other way round)
 *   events      `events:<op>:<code>` of the first edit (`change:<ref code>><cand code>`)
 *   checkpoints `checkpoints:count` or `checkpoints:identity`
 *   crash       `crash:<engine>:<first line of the message, digits as N>`
 *   timeout     `timeout:<engine>`
 */
import type { LayoutEntry } from '../../engines/shared/observation.ts';
import type { EngineSide, EventEdit, FrameDifference, LayoutFieldDifference } from './types.ts';
import { fingerprintOf, normalizePath } from './fingerprint.ts';
import type { Fingerprint } from './fingerprint.ts';

const FAINT_MAX_CHANNEL_DIFF = 3;

/** A box that is fully inside another. */
const inside = (b: { x: number; y: number; width: number; height: number }, e: LayoutEntry) =>
  b.x >= e.x && b.y >= e.y && b.x + b.width <= e.x + e.width && b.y + b.height <= e.y + e.height;

export function frameFingerprint(d: FrameDifference, hint?: string, referenceLayout: readonly LayoutEntry[] = []): Fingerprint {
  const bbox = d.bbox;
  const path = d.sizeMismatch ? 'size'
    : d.maxChannelDiff <= FAINT_MAX_CHANNEL_DIFF ? 'pixels/faint'
      : bbox && referenceLayout.some((e) => e.lines !== undefined && inside(bbox, e)) ? 'pixels/text'
        : bbox && Math.min(bbox.width, bbox.height) === 1 ? 'pixels/line'
          : 'pixels';
  // a colour computed differently is another bug than the same colours moved or reordered
  return fingerprintOf('frame', d.newColours && path !== 'pixels/faint' ? `${path}/new-colours` : path, hint);
}

const CAUSE_RANK = ['node', 'order', 'depth', 'text.lines', 'box.width', 'box.height', 'box.x', 'box.y'];

/** The difference most likely to cause the others (a wrong width moves its siblings' x). */
export function mostCausal(diffs: readonly LayoutFieldDifference[]): LayoutFieldDifference | undefined {
  let best: LayoutFieldDifference | undefined;
  let bestKey = '';
  let bestRank = Infinity;
  for (const d of diffs) {
    const key = causeKey(d);
    const known = CAUSE_RANK.indexOf(key.startsWith('node.') ? 'node' : key);
    const rank = known < 0 ? CAUSE_RANK.length : known;
    if (rank < bestRank || (rank === bestRank && key < bestKey)) [best, bestKey, bestRank] = [d, key, rank];
  }
  return best;
}

const causeKey = (d: LayoutFieldDifference) =>
  d.field === 'node' ? `node.${d.candidate === 'missing' ? 'missing' : 'extra'}` : normalizePath(d.field);

export function layoutFingerprint(diffs: readonly LayoutFieldDifference[], hint?: string): Fingerprint {
  const best = mostCausal(diffs);
  return fingerprintOf('layout', best ? causeKey(best) : '', hint);
}

export function eventFingerprint(edits: readonly EventEdit[], hint?: string): Fingerprint {
  const e = edits[0];
  const path = !e
    ? ''
    : e.op === 'change'
      ? `change:${e.reference?.code}${e.reference?.code === e.candidate?.code ? '' : `>${e.candidate?.code}`}`
      : `${e.op}:${(e.reference ?? e.candidate)?.code}`;
  return fingerprintOf('events', path, hint);
}

export function checkpointFingerprint(problem: 'count' | 'identity', hint?: string): Fingerprint {
  return fingerprintOf('checkpoints', problem, hint);
}

export function crashFingerprint(engine: EngineSide, message: string, hint?: string): Fingerprint {
  return fingerprintOf('crash', `${engine}:${message}`, hint);
}

export function timeoutFingerprint(engine: EngineSide, hint?: string): Fingerprint {
  return fingerprintOf('timeout', engine, hint);
}
