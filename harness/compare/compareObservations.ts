/**
 * Compares two engines' observations checkpoint by checkpoint. Within a checkpoint the
 * order is cause before effect: events (a rejected command), then layout, then frame
 * pixels; so the first divergence reported is the one most worth reading.
 */
import type { Observation } from '../../engines/shared/observation.ts';
import { diffEvents } from './eventDiff.ts';
import { checkFrameOptions, compareFrames } from './frameDiff.ts';
import { checkLayoutOptions, diffLayout } from './layoutDiff.ts';
import { checkpointFingerprint, eventFingerprint, frameFingerprint, layoutFingerprint, mostCausal } from './signatures.ts';
import { frameRegions } from './frameRegions.ts';
import { areaSite, layoutGroups, layoutSite } from './site.ts';
import type { CheckpointId, CompareOptions, Divergence, FrameDifference, FrameDivergence } from './types.ts';

export function compareObservations(
  ref: readonly Observation[],
  cand: readonly Observation[],
  opts: CompareOptions = {},
): Divergence[] {
  return [...divergencesOf(ref, cand, opts)];
}

/** The earliest divergence, comparing no further than needed; null when none. */
export function firstDivergence(
  ref: readonly Observation[],
  cand: readonly Observation[],
  opts: CompareOptions = {},
): Divergence | null {
  for (const d of divergencesOf(ref, cand, opts)) return d;
  return null;
}

/** Lazily yields divergences in checkpoint order. */
export function* divergencesOf(
  ref: readonly Observation[],
  cand: readonly Observation[],
  opts: CompareOptions = {},
): Generator<Divergence> {
  const { frame = {}, layout = {}, hint } = opts;
  // Check options before the first comparison, so a bad allowance fails even on equal runs.
  const frameOpts = checkFrameOptions(frame);
  checkLayoutOptions(layout);

  // 1. Checkpoints must line up (same names at the same steps) to be compared at all.
  const shared = Math.min(ref.length, cand.length);
  let aligned = 0;
  while (aligned < shared && sameCheckpoint(ref[aligned], cand[aligned])) aligned++;

  // 2. Each aligned checkpoint: events, layout, frame.
  for (let i = 0; i < aligned; i++) {
    const [r, c] = [ref[i], cand[i]];
    const at = { checkpoint: r.checkpoint, step: r.step };

    const edits = diffEvents(r.events, c.events);
    if (edits.length > 0) {
      yield {
        kind: 'events',
        ...at,
        edits,
        referenceCount: r.events.length,
        candidateCount: c.events.length,
        ...eventFingerprint(edits, hint),
        site: { chain: [(edits[0].reference ?? edits[0].candidate)!.id] },
      };
    }

    // one layout divergence per top-level subtree: independent bugs stay apart
    for (const differences of layoutGroups(diffLayout(r.layout, c.layout, layout), r.layout, c.layout)) {
      const site = layoutSite(mostCausal(differences)!, r.layout, c.layout);
      yield { kind: 'layout', ...at, differences, tolerance: layout.tolerance ?? 0, ...layoutFingerprint(differences, hint), site };
    }

    // Layout-only engines have no frame: pixels are then not compared.
    if (r.frame && c.frame) {
      const result = compareFrames(r.frame, c.frame, frameOpts);
      if (result.outcome === 'differs') yield* frameDivergences(r, c, result.difference, at, hint);
    }
  }

  // 3. Checkpoints that do not line up: one divergence, at the first disagreement.
  if (aligned < shared || ref.length !== cand.length) {
    const first = ref[aligned] ?? cand[aligned];
    yield {
      kind: 'checkpoints',
      checkpoint: first.checkpoint,
      step: first.step,
      index: aligned,
      reference: ref.map(idOf),
      candidate: cand.map(idOf),
      ...checkpointFingerprint(aligned < shared ? 'identity' : 'count', hint),
    };
  }
}

function sameCheckpoint(a: Observation, b: Observation): boolean {
  return a.checkpoint === b.checkpoint && a.step === b.step;
}

function idOf(o: Observation): CheckpointId {
  return { checkpoint: o.checkpoint, step: o.step };
}

/**
 * A frame difference as divergences, one per node whose pixels differ (./frameRegions.ts):
 * two bugs that paint different nodes are two divergences. The diff image and crops (of
 * the whole difference) go with the first.
 */
function* frameDivergences(r: Observation, c: Observation, whole: FrameDifference, at: { checkpoint: string; step: number }, hint?: string): Generator<FrameDivergence> {
  const regions = whole.sizeMismatch ? [] : frameRegions(r.frame!, c.frame!, r.layout);
  if (regions.length <= 1) {
    const one: FrameDifference = regions[0] ? { ...whole, newColours: regions[0].newColours } : whole;
    yield { kind: 'frame', ...at, ...one, ...frameFingerprint(one, hint, r.layout), site: regions[0]?.site ?? areaSite(whole.bbox, r.layout) };
    return;
  }
  const { diffImage: _d, referenceCrop: _r, candidateCrop: _c, ...plain } = whole;
  for (const [i, region] of regions.entries()) {
    const part: FrameDifference = { ...(i === 0 ? whole : plain), ...region.stats, newColours: region.newColours };
    yield { kind: 'frame', ...at, ...part, ...frameFingerprint(part, hint, r.layout), site: region.site };
  }
}
