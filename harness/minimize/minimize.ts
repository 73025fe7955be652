/**
 * Minimization of one divergence (issue 5, item 3), bounded by a time budget:
 *   1. confirm     the stream shows the divergence (its fingerprint) at all
 *   2. shrink      fast-check shrinking from the run's seed (fuzz finds only)
 *   3. reduce      the domain reducer (./reduceSteps.ts), keeping the same fingerprint
 *   4. check       1-minimality: removing any single step loses the divergence
 *   5. localize    step-by-step replay names the first diverging step
 */
import type { Command } from '../../engines/shared/protocol.ts';
import type { Divergence } from '../compare/types.ts';
import type { Viewport } from '../engines/types.ts';
import type { StreamOptions } from '../generate/index.ts';
import { replaySteps } from '../run/replaySteps.ts';
import { Budget } from './budget.ts';
import { checkOneMinimal } from './checkOneMinimal.ts';
import type { OneMinimality } from './checkOneMinimal.ts';
import { Oracle } from './oracle.ts';
import type { MinimizeContext } from './oracle.ts';
import { reduceSteps } from './reduceSteps.ts';
import { shrinkGenerated } from './shrinkGenerated.ts';

export const DEFAULT_MINIMIZE_TIME_MS = 10_000;
export const DEFAULT_MINIMIZE_CALLS = 20_000;

export class MinimizeError extends Error {
  override name = 'MinimizeError';
}

/** The input does not show the divergence to minimize: the user's input is wrong (exit 2), not the engines. */
export class NotDivergingError extends MinimizeError {
  override name = 'NotDivergingError';
}

export interface MinimizeInput {
  readonly steps: readonly Command[];
  readonly viewport: Viewport;
  /** The divergence to keep; default: the stream's own primary divergence. */
  readonly fingerprint?: string;
  /** For fuzz finds: shrink with fast-check first, from the run's own seed. */
  readonly fuzz?: { readonly fcSeed: number; readonly streamOptions?: StreamOptions };
}

export interface MinimizeOptions {
  readonly timeMs?: number;
  readonly maxCalls?: number;
}

export interface MinimizeResult {
  readonly fingerprint: string;
  readonly signature: string;
  /** The primary divergence of the reduced stream. */
  readonly divergence: Divergence;
  readonly viewport: Viewport;
  readonly steps: readonly Command[];
  readonly originalSteps: number;
  /** After fast-check shrinking (= originalSteps without it). */
  readonly shrunkSteps: number;
  readonly fcPath?: string;
  readonly shrinks: number;
  /** False when the budget ran out before the reducer finished. */
  readonly complete: boolean;
  readonly minimality: OneMinimality;
  /** From step-by-step replay; -1 if replay found none (should not happen). */
  readonly firstDivergingStep: number;
  readonly oracleCalls: number;
  readonly timing: { readonly shrinkMs: number; readonly reduceMs: number; readonly checkMs: number; readonly totalMs: number };
}

const now = () => performance.now();

export async function minimize(input: MinimizeInput, context: MinimizeContext, options: MinimizeOptions = {}): Promise<MinimizeResult> {
  const { timeMs = DEFAULT_MINIMIZE_TIME_MS, maxCalls = DEFAULT_MINIMIZE_CALLS } = options;
  const t0 = now();
  const oracle = new Oracle(context);

  // 1. confirm
  const original = await oracle.primary(input.steps, input.viewport);
  if (original === null) throw new NotDivergingError(`the stream (${input.steps.length} steps) does not diverge: nothing to minimize`);
  const fingerprint = input.fingerprint ?? original.fingerprint;
  if (!(await oracle.reproduces(input.steps, input.viewport, fingerprint))) {
    throw new NotDivergingError(`expected the stream to diverge with identity ${fingerprint}, got ${original.fingerprint} (${original.signature})`);
  }
  const budget = new Budget(timeMs, maxCalls);

  // 2. shrink (half of the budget at most, so the reducer always gets its turn)
  let steps = input.steps;
  let viewport = input.viewport;
  let fcPath: string | undefined;
  let shrinks = 0;
  if (input.fuzz) {
    const shrinkBudget = new Budget(timeMs / 2, maxCalls / 2);
    const shrunk = await shrinkGenerated(input.fuzz.fcSeed, fingerprint, oracle, () => shrinkBudget.take() && budget.take(), input.fuzz.streamOptions);
    if (shrunk) {
      steps = shrunk.stream.commands;
      viewport = shrunk.stream.viewport;
      fcPath = shrunk.path;
      shrinks = shrunk.shrinks;
    }
  }
  const shrunkSteps = steps.length;
  const t1 = now();

  // 3. reduce
  const keep = async (candidate: readonly Command[]) => budget.take() && oracle.reproduces(candidate, viewport, fingerprint);
  steps = await reduceSteps(steps, keep);
  const t2 = now();

  // 4. check, 5. localize
  const minimality = await checkOneMinimal(steps, viewport, fingerprint, oracle);
  const divergence = (await oracle.find(steps, viewport, fingerprint))!;
  const { engines, assets, compare } = context;
  const replay = await replaySteps(steps, viewport, assets, engines, compare);
  const t3 = now();

  return {
    fingerprint, signature: divergence.signature, divergence, viewport, steps,
    originalSteps: input.steps.length, shrunkSteps, ...(fcPath !== undefined ? { fcPath } : {}), shrinks,
    complete: !budget.exhausted, minimality, firstDivergingStep: replay.firstDivergingStep, oracleCalls: oracle.calls,
    timing: { shrinkMs: t1 - t0, reduceMs: t2 - t1, checkMs: t3 - t2, totalMs: t3 - t0 },
  };
}
