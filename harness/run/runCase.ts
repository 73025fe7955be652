/**
 * Runs one case through the reference and the candidate in lock step: both engines get
 * the same batch, then both are observed and compared before the next batch. No frame
 * is copied unless it differs, which keeps thousands of cases per second possible.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { compareObservations, engineCrash } from '../compare/index.ts';
import type { CompareOptions, Divergence, EngineSide } from '../compare/types.ts';
import type { EngineAdapter, EngineSession, Viewport } from '../engines/types.ts';
import type { CaseResult, CaseSource, CaseStatus } from '../results/types.ts';
import { identify } from './identify.ts';
import { checkpointBatches, engineFailure, ownObservation } from './observeStream.ts';

export interface CaseInput {
  readonly id: string;
  readonly title: string;
  readonly source: CaseSource;
  readonly viewport: Viewport;
  readonly steps: readonly Command[];
}

export interface CaseEngines {
  readonly reference: EngineAdapter;
  readonly candidate: EngineAdapter;
  readonly referenceQuirks?: QuirkFlags;
  readonly candidateQuirks?: QuirkFlags;
}

export interface CaseOptions {
  readonly compare?: CompareOptions;
  /** Keep diff images and crops on frame divergences (for artifacts). */
  readonly withDiffImages?: boolean;
  /** Stop at the first diverging checkpoint (fuzzing); default false: compare every checkpoint. */
  readonly stopAtFirst?: boolean;
  /** Called before each engine call, so a watchdog can say where a hang happened. */
  readonly onProgress?: (side: EngineSide, step: number) => void;
}

/** The outcome of a case: the stored result plus live divergences (with images) for artifacts. */
export interface CaseOutcome {
  readonly result: CaseResult;
  readonly divergences: readonly Divergence[];
  /** Both engines' observations at the first diverging checkpoint (copied), for artifacts. */
  readonly evidence?: { readonly reference: Observation; readonly candidate: Observation };
}

const now = () => performance.now();

export async function runCase(input: CaseInput, assets: HostAssets, engines: CaseEngines, options: CaseOptions = {}): Promise<CaseOutcome> {
  const { compare = {}, withDiffImages = false, stopAtFirst = false, onProgress } = options;
  const compareOpts: CompareOptions = { ...compare, frame: { ...compare.frame, withDiffImage: withDiffImages } };
  const t0 = now();
  const timing = { referenceMs: 0, candidateMs: 0, compareMs: 0 };
  let divergences: Divergence[] = [];
  let checkpoints = 0;
  let lastCheckpoint = '';
  let status: CaseStatus = 'pass';
  let evidence: CaseOutcome['evidence'];

  // 1. create both sessions; a failure here is a crash at step -1
  const sessions: Partial<Record<EngineSide, EngineSession>> = {};
  for (const side of ['reference', 'candidate'] as const) {
    try {
      const adapter = engines[side];
      const quirks = side === 'reference' ? engines.referenceQuirks : engines.candidateQuirks;
      sessions[side] = await adapter.create(input.viewport, { assets, quirks });
    } catch (error) {
      divergences.push(engineCrash(side, error, { step: -1 }));
      status = 'crash';
    }
  }

  // 2. feed batches in lock step and compare at each checkpoint
  if (status === 'pass') {
    const observe = async (side: EngineSide, batch: readonly Command[], start: number, isCheckpoint: boolean) => {
      const session = sessions[side]!;
      const t = now();
      try {
        onProgress?.(side, start);
        await session.apply(batch);
        if (!isCheckpoint) return null;
        return await session.snapshot();
      } catch (error) {
        const failure = engineFailure(error, start + batch.length - 1);
        divergences.push(engineCrash(side, error, { checkpoint: lastCheckpoint, step: failure.step }));
        status = 'crash';
        return undefined;
      } finally {
        timing[side === 'reference' ? 'referenceMs' : 'candidateMs'] += now() - t;
      }
    };
    for (const [start, end] of checkpointBatches(input.steps)) {
      const batch = input.steps.slice(start, end);
      const isCheckpoint = batch[batch.length - 1].op === 'frame';
      const ref: Observation | null | undefined = await observe('reference', batch, start, isCheckpoint);
      if (ref === undefined) break;
      const cand: Observation | null | undefined = await observe('candidate', batch, start, isCheckpoint);
      if (cand === undefined || ref === null || cand === null) {
        if (cand === undefined) break;
        continue;
      }
      checkpoints++;
      lastCheckpoint = ref.checkpoint;
      const t = now();
      const found = compareObservations([ref], [cand], compareOpts);
      timing.compareMs += now() - t;
      if (found.length > 0) {
        evidence ??= { reference: ownObservation(ref), candidate: ownObservation(cand) };
        divergences.push(...found);
        status = 'divergence';
        if (stopAtFirst) break;
      }
    }
  }

  // 3. dispose; a failing dispose is recorded but never hides an earlier outcome
  for (const side of ['reference', 'candidate'] as const) {
    try {
      await sessions[side]?.dispose();
    } catch (error) {
      if (status === 'pass') status = 'crash';
      divergences.push(engineCrash(side, error, { checkpoint: lastCheckpoint, step: input.steps.length - 1 }));
    }
  }

  // 4. identity: engine pair, symptom, location, class and the command that caused it
  if (divergences.length > 0) divergences = await identify(divergences, { steps: input.steps, viewport: input.viewport, assets }, engines, compare);

  const first = divergences.find((d) => d.kind !== 'crash' && d.kind !== 'timeout');
  const result: CaseResult = {
    id: input.id,
    title: input.title,
    source: input.source,
    status,
    steps: input.steps.length,
    checkpoints,
    ...(first ? { firstDivergingCheckpoint: { name: first.checkpoint, step: first.step } } : {}),
    divergences: divergences.map(storable),
    timing: { ...timing, totalMs: now() - t0 },
  };
  return { result, divergences, ...(evidence ? { evidence } : {}) };
}

/** A divergence without its pixel buffers, as results.json stores it. */
export function storable(d: Divergence): CaseResult['divergences'][number] {
  if (d.kind !== 'frame') return d;
  const { diffImage: _d, referenceCrop: _r, candidateCrop: _c, ...rest } = d;
  return rest;
}
