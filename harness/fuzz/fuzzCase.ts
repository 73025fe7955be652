/**
 * One differential fuzz case, lean: both engines get each checkpoint's batch in lock
 * step, identical observations are recognised without allocating (./sameObservation.ts),
 * only differing ones go through harness/compare, and the case stops at the first
 * diverging checkpoint. Every engine call (create, apply, snapshot, dispose) is timed,
 * so the fuzzer can say how much of its time the engines took.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { compareObservations, engineCrash } from '../compare/index.ts';
import type { CompareOptions, Divergence, EngineSide } from '../compare/types.ts';
import type { EngineAdapter, EngineSession, Viewport } from '../engines/types.ts';
import { identify } from '../run/identify.ts';
import { checkpointBatches, engineFailure } from '../run/observeStream.ts';
import { sameObservation } from './sameObservation.ts';

export interface FuzzCaseEngines {
  readonly reference: EngineAdapter;
  readonly candidate: EngineAdapter;
  readonly candidateQuirks?: QuirkFlags;
}

export interface FuzzCaseOptions {
  readonly compare?: CompareOptions;
  /** Called before each engine call, so a watchdog can say where a hang happened. */
  readonly onProgress?: (side: EngineSide, step: number) => void;
  /**
   * Give the divergences their identity (harness/run/identify.ts; default true). Only a
   * run whose outcome is not filed or compared by identity (the pass/fail attribution
   * run with quirks back on) skips it.
   */
  readonly identify?: boolean;
}

export interface FuzzCaseResult {
  readonly status: 'pass' | 'divergence' | 'crash';
  readonly checkpoints: number;
  /** The divergences of the first diverging checkpoint (or the crash), first = primary. */
  readonly divergences: readonly Divergence[];
  /** Time inside engine calls (both engines), and in harness/compare. */
  readonly engineMs: number;
  readonly compareMs: number;
}

const now = () => performance.now();
const SIDES = ['reference', 'candidate'] as const;

export async function fuzzCase(
  steps: readonly Command[],
  viewport: Viewport,
  assets: HostAssets,
  engines: FuzzCaseEngines,
  options: FuzzCaseOptions = {},
): Promise<FuzzCaseResult> {
  const { compare = {}, onProgress, identify: withIdentity = true } = options;
  let engineMs = 0;
  let compareMs = 0;
  let checkpoints = 0;
  let divergences: Divergence[] = [];
  const sessions: EngineSession[] = [];

  // One timed engine call; a throw becomes the case's crash.
  const call = async <T>(side: EngineSide, step: number, f: () => T | Promise<T>): Promise<T | undefined> => {
    const t = now();
    try {
      onProgress?.(side, step);
      const r = f();
      return r instanceof Promise ? await r : r;
    } catch (error) {
      const failure = engineFailure(error, step);
      divergences = [engineCrash(side, error, { step: failure.step })];
      return undefined;
    } finally {
      engineMs += now() - t;
    }
  };

  // 1. create both sessions
  for (const side of SIDES) {
    const adapter = engines[side];
    const quirks = side === 'candidate' ? engines.candidateQuirks : undefined;
    const session = await call(side, -1, () => adapter.create(viewport, { assets, quirks }));
    if (session === undefined) break;
    sessions.push(session);
  }

  // 2. batches in lock step, compared at each checkpoint until the first difference
  if (sessions.length === 2) {
    const observed: (Observation | undefined)[] = [undefined, undefined];
    loop: for (const [start, end] of checkpointBatches(steps)) {
      const batch = start === 0 && end === steps.length ? steps : steps.slice(start, end);
      const isCheckpoint = steps[end - 1].op === 'frame';
      for (let s = 0; s < 2; s++) {
        const session = sessions[s];
        const applied = await call(SIDES[s], start, () => session.apply(batch));
        if (divergences.length > 0) break loop;
        void applied;
        if (!isCheckpoint) continue;
        observed[s] = await call(SIDES[s], end - 1, () => session.snapshot());
        if (divergences.length > 0) break loop;
      }
      if (!isCheckpoint) continue;
      checkpoints++;
      const [ref, cand] = observed as [Observation, Observation];
      if (sameObservation(ref, cand)) continue;
      const t = now();
      const found = compareObservations([ref], [cand], compare);
      compareMs += now() - t;
      if (found.length > 0) {
        divergences = found;
        break;
      }
    }
  }

  // 3. dispose; a failing dispose is a crash only when nothing else was found
  for (let s = 0; s < sessions.length; s++) {
    const before = divergences;
    await call(SIDES[s], steps.length - 1, () => sessions[s].dispose());
    if (before.length > 0) divergences = before;
  }

  // 4. identity (the walk it may need is engine time too)
  if (withIdentity && divergences.length > 0) {
    const t = now();
    divergences = await identify(divergences, { steps, viewport, assets }, engines, compare);
    engineMs += now() - t;
  }

  const status = divergences.length === 0 ? 'pass' : divergences[0].kind === 'crash' ? 'crash' : 'divergence';
  return { status, checkpoints, divergences, engineMs, compareMs };
}
