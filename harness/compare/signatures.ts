/**
 * What each kind of divergence contributes to its fingerprint (./fingerprint.ts):
 *   frame       `frame:size`, `frame:pixels` or `frame:pixels/faint` (max channel
 *               diff <= 3: rounding-type bugs such as blend truncation, kept apart
 *               from geometry bugs that flip whole pixels)
 *   layout      `layout:<field>` of the most causal differing field, ranked
 *               node > order > depth > text.lines > width > height > x > y
 *               (a wrong width moves the siblings' x, not the other way round)
 *   events      `events:<op>:<code>` of the first edit (`change:<ref code>><cand code>`)
 *   checkpoints `checkpoints:count` or `checkpoints:identity`
 *   crash       `crash:<engine>:<first line of the message, digits as N>`
 *   timeout     `timeout:<engine>`
 */
import type { EngineSide, EventEdit, FrameDifference, LayoutFieldDifference } from './types.ts';
import { fingerprintOf, normalizePath } from './fingerprint.ts';
import type { Fingerprint } from './fingerprint.ts';

const FAINT_MAX_CHANNEL_DIFF = 3;

export function frameFingerprint(d: FrameDifference, hint?: string): Fingerprint {
  const path = d.sizeMismatch ? 'size' : d.maxChannelDiff <= FAINT_MAX_CHANNEL_DIFF ? 'pixels/faint' : 'pixels';
  return fingerprintOf('frame', path, hint);
}

const CAUSE_RANK = ['node', 'order', 'depth', 'text.lines', 'box.width', 'box.height', 'box.x', 'box.y'];

export function layoutFingerprint(diffs: readonly LayoutFieldDifference[], hint?: string): Fingerprint {
  let best = '';
  let bestRank = Infinity;
  for (const d of diffs) {
    const field = d.field === 'node' ? `node.${d.candidate === 'missing' ? 'missing' : 'extra'}` : normalizePath(d.field);
    const known = CAUSE_RANK.indexOf(field.startsWith('node.') ? 'node' : field);
    const rank = known < 0 ? CAUSE_RANK.length : known;
    if (rank < bestRank || (rank === bestRank && field < best)) [best, bestRank] = [field, rank];
  }
  return fingerprintOf('layout', best, hint);
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
