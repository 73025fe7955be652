/**
 * The legacy engine's side of a case, on the page's main thread: the renderer gets each
 * checkpoint batch as the app's JS would hand it over, and every checkpoint is hashed
 * (./digest.ts) or, when asked, kept in full.
 */
import type { HostAssets } from '../../../../engines/shared/assets.ts';
import { createLegacyRenderer } from '../../../../engines/legacy-js/index.ts';
import type { Frame } from '../../../../engines/shared/observation.ts';
import type { Command } from '../../../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../../../engines/shared/quirks.ts';
import type { Renderer } from '../../../../engines/shared/renderer.ts';
import type { CheckpointDigest, Side, SideFailure, SideRun, WireObservation } from '../wire.ts';
import { observationHash } from './digest.ts';
import { failureOf } from './failure.ts';
import { wireObservation } from './transport.ts';

export interface SideJob {
  readonly seq: number;
  readonly side: Side;
  readonly width: number;
  readonly height: number;
  readonly steps: readonly Command[];
  readonly batches: ReadonlyArray<readonly [number, number]>;
  readonly assets: HostAssets;
  readonly quirks?: QuirkFlags;
  /** Whether checkpoint i is returned in full. */
  readonly keep: (checkpoint: number) => boolean;
  readonly progress: (text: string) => void;
  readonly draw?: (frame: Frame, checkpoint: string, step: number) => void;
}

export function runLegacySide(job: SideJob): SideRun {
  const t = performance.now();
  const digests: CheckpointDigest[] = [];
  const full: Record<number, WireObservation> = {};
  let failure: SideFailure | undefined;
  let renderer: Renderer | null = null;
  try {
    renderer = createLegacyRenderer({ width: job.width, height: job.height, assets: job.assets, quirks: job.quirks });
  } catch (error) {
    return { digests, failure: { kind: 'crash', batch: -1, ...failureOf(error) }, ms: performance.now() - t };
  }
  for (let b = 0; b < job.batches.length; b++) {
    const [start, end] = job.batches[b];
    job.progress(`m ${job.seq} ${job.side} ${start}`);
    try {
      renderer.apply(job.steps.slice(start, end));
      if (job.steps[end - 1].op !== 'frame') continue;
      const o = renderer.snapshot();
      if (job.keep(digests.length)) full[digests.length] = wireObservation(o);
      digests.push({ checkpoint: o.checkpoint, step: o.step, hash: observationHash(o) });
      if (job.draw && o.frame) job.draw(o.frame, o.checkpoint, o.step);
    } catch (error) {
      failure = { kind: 'crash', batch: b, ...failureOf(error) };
      break;
    }
  }
  try {
    renderer.dispose();
  } catch {
    // a failing dispose never hides the case's outcome (as harness/run/runCase.ts)
  }
  return { digests, full, ...(failure ? { failure } : {}), ms: performance.now() - t };
}
