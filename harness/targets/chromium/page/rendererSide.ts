/**
 * One engine's side of a case, run synchronously where the renderer lives: the legacy
 * engine on the page's main thread (the app's JS hands it each checkpoint batch
 * directly), or either engine in Node for the cross-target check. Every checkpoint is
 * hashed (./digest.ts) or, when asked, kept in full; the first failure stops the side.
 */
import type { HostAssets } from '../../../../engines/shared/assets.ts';
import type { Frame } from '../../../../engines/shared/observation.ts';
import type { Command } from '../../../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../../../engines/shared/quirks.ts';
import type { Renderer, RendererFactory } from '../../../../engines/shared/renderer.ts';
import type { CheckpointDigest, Side, SideFailure, SideRun, WireObservation } from '../wire.ts';
import { observationHash } from './digest.ts';
import { failureOf } from './failure.ts';
import { wireObservation } from './transport.ts';

/** One checkpoint batch: the commands up to and including a `frame` (or the stream's tail). */
export interface StreamBatch {
  /** Index of its first command in the stream. */
  readonly start: number;
  readonly commands: readonly Command[];
}

/** Cuts a stream into its checkpoint batches (harness/run/observeStream.ts checkpointBatches). */
export function streamBatches(steps: readonly Command[], ranges: ReadonlyArray<readonly [number, number]>): StreamBatch[] {
  return ranges.map(([start, end]) => ({ start, commands: steps.slice(start, end) }));
}

export const isCheckpoint = (b: StreamBatch) => b.commands.length > 0 && b.commands[b.commands.length - 1].op === 'frame';

export interface SideJob {
  readonly seq: number;
  readonly side: Side;
  readonly width: number;
  readonly height: number;
  readonly batches: readonly StreamBatch[];
  readonly assets: HostAssets;
  readonly quirks?: QuirkFlags;
  /** Whether checkpoint i is returned in full. */
  readonly keep: (checkpoint: number) => boolean;
  readonly progress?: (text: string) => void;
  readonly draw?: (frame: Frame, checkpoint: string, step: number) => void;
}

export function runRendererSide(factory: RendererFactory, job: SideJob): SideRun {
  const t = performance.now();
  const digests: CheckpointDigest[] = [];
  const full: Record<number, WireObservation> = {};
  let failure: SideFailure | undefined;
  let renderer: Renderer | null = null;
  try {
    renderer = factory({ width: job.width, height: job.height, assets: job.assets, quirks: job.quirks });
  } catch (error) {
    return { digests, failure: { kind: 'crash', batch: -1, ...failureOf(error) }, ms: performance.now() - t };
  }
  for (let b = 0; b < job.batches.length; b++) {
    const batch = job.batches[b];
    job.progress?.(`m ${job.seq} ${job.side} ${batch.start}`);
    try {
      renderer.apply(batch.commands);
      if (!isCheckpoint(batch)) continue;
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
