/**
 * A case's page run (per checkpoint digests of both engines) -> the CaseResult that
 * harness/run/runCase.ts would have recorded for the same observations: checkpoints are
 * walked in order, a failure stops the walk (reference first, as runCase applies it
 * first), equal digests are equal observations, and checkpoints whose digests differ
 * are compared in full by harness/compare, so divergences, fingerprints, artifacts and
 * evidence are exactly those of the node target.
 */
import type { Observation } from '../../../engines/shared/observation.ts';
import { compareObservations, engineCrash, engineTimeout } from '../../compare/index.ts';
import type { CompareOptions, Divergence } from '../../compare/types.ts';
import type { CaseResult, CaseStatus } from '../../results/types.ts';
import { checkpointBatches, ownObservation } from '../../run/observeStream.ts';
import type { CaseInput, CaseOutcome } from '../../run/runCase.ts';
import { storable } from '../../run/runCase.ts';
import { SIDES } from './wire.ts';
import type { CaseRun, Side, SideFailure } from './wire.ts';

/** Checkpoint pairs fetched in full, by checkpoint index. */
export type FullPairs = ReadonlyMap<number, { readonly reference?: Observation; readonly candidate?: Observation }>;

interface Stop {
  readonly side: Side;
  readonly failure: SideFailure;
  /** [start, end) of the failing batch; [-1, 0) for a session that could not be created. */
  readonly range: readonly [number, number];
}

export interface CasePlan {
  /** Checkpoints both engines reached before any failure. */
  readonly compared: number;
  /** Indexes of those whose digests differ: these need full observations. */
  readonly mismatched: readonly number[];
  readonly stops: readonly Stop[];
}

/** Where the engines agree by digest, where they do not, and where the walk stops. */
export function planCase(input: CaseInput, run: CaseRun): CasePlan {
  const created = SIDES.filter((s) => run[s].failure?.batch === -1);
  if (created.length > 0) {
    return { compared: 0, mismatched: [], stops: created.map((side) => ({ side, failure: run[side].failure!, range: [-1, 0] as const })) };
  }
  const mismatched: number[] = [];
  let cp = 0;
  const batches = checkpointBatches(input.steps);
  for (let b = 0; b < batches.length; b++) {
    const range = batches[b];
    const failing = SIDES.find((s) => run[s].failure?.batch === b);
    if (failing) return { compared: cp, mismatched, stops: [{ side: failing, failure: run[failing].failure!, range }] };
    if (input.steps[range[1] - 1].op !== 'frame') continue;
    const r = run.reference.digests[cp];
    const c = run.candidate.digests[cp];
    if (!r || !c || r.hash !== c.hash || r.checkpoint !== c.checkpoint || r.step !== c.step) mismatched.push(cp);
    cp++;
  }
  // a failure reported past the last batch (a worker that never closed the session)
  const late = SIDES.find((s) => run[s].failure !== undefined);
  if (late) return { compared: cp, mismatched, stops: [{ side: late, failure: run[late].failure!, range: [input.steps.length - 1, input.steps.length] }] };
  return { compared: cp, mismatched, stops: [] };
}

function failureError(f: SideFailure): Error {
  const error = new Error(f.message);
  error.name = f.name;
  return error;
}

export interface OutcomeOptions {
  readonly compare?: CompareOptions;
  readonly withDiffImages?: boolean;
  readonly timeoutMs: number;
}

/** Builds the case's outcome; `full` holds the mismatched checkpoints' observations. */
export function caseOutcome(input: CaseInput, run: CaseRun, plan: CasePlan, full: FullPairs, options: OutcomeOptions): CaseOutcome {
  const { compare = {}, withDiffImages = false, timeoutMs } = options;
  const compareOpts: CompareOptions = { ...compare, frame: { ...compare.frame, withDiffImage: withDiffImages } };
  const timing = { referenceMs: run.reference.ms, candidateMs: run.candidate.ms, compareMs: 0 };

  // a side that missed its time limit: recorded as the pool records a timeout
  const hung = plan.stops.find((s) => s.failure.kind === 'timeout');
  if (hung) {
    const result: CaseResult = {
      id: input.id, title: input.title, source: input.source, status: 'timeout', steps: input.steps.length, checkpoints: 0,
      divergences: [engineTimeout(hung.side, timeoutMs, { step: hung.range[0] })],
      timing: { ...timing, totalMs: timeoutMs },
    };
    return { result, divergences: result.divergences as Divergence[] };
  }

  const divergences: Divergence[] = [];
  let status: CaseStatus = 'pass';
  let evidence: CaseOutcome['evidence'];
  let lastCheckpoint = '';
  const t = performance.now();
  for (let cp = 0; cp < plan.compared; cp++) {
    lastCheckpoint = run.reference.digests[cp].checkpoint;
    if (!plan.mismatched.includes(cp)) continue;
    const pair = full.get(cp);
    if (!pair?.reference || !pair.candidate) {
      const side: Side = pair?.reference ? 'candidate' : 'reference';
      divergences.push(engineCrash(side, new Error(`checkpoint ${cp} could not be observed again in chromium (a non-deterministic engine?)`), { checkpoint: lastCheckpoint, step: run.reference.digests[cp].step }));
      status = 'crash';
      continue;
    }
    const found = compareObservations([pair.reference], [pair.candidate], compareOpts);
    if (found.length > 0) {
      evidence ??= { reference: ownObservation(pair.reference), candidate: ownObservation(pair.candidate) };
      divergences.push(...found);
      if (status === 'pass') status = 'divergence';
    }
  }
  timing.compareMs = performance.now() - t;
  for (const stop of plan.stops) {
    const { failure, range } = stop;
    const step = range[0] < 0 ? -1 : failure.lastStep >= 0 ? failure.lastStep : range[1] - 1;
    divergences.push(engineCrash(stop.side, failureError(failure), range[0] < 0 ? { step } : { checkpoint: lastCheckpoint, step }));
    status = 'crash';
  }

  const first = divergences.find((d) => d.kind !== 'crash' && d.kind !== 'timeout');
  const result: CaseResult = {
    id: input.id, title: input.title, source: input.source, status, steps: input.steps.length, checkpoints: plan.compared,
    ...(first ? { firstDivergingCheckpoint: { name: first.checkpoint, step: first.step } } : {}),
    divergences: divergences.map(storable),
    timing: { ...timing, totalMs: timing.referenceMs + timing.candidateMs + timing.compareMs },
  };
  return { result, divergences, ...(evidence ? { evidence } : {}) };
}

/** A case the page never finished: its renderer crashed or its main thread hung. */
export function pageFailureResult(input: CaseInput, kind: 'crash' | 'timeout', side: Side, step: number, message: string, timeoutMs: number): CaseResult {
  const divergence = kind === 'timeout' ? engineTimeout(side, timeoutMs, { step }) : engineCrash(side, new Error(message), { step });
  return {
    id: input.id, title: input.title, source: input.source, status: kind, steps: input.steps.length, checkpoints: 0,
    divergences: [divergence],
    timing: { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: kind === 'timeout' ? timeoutMs : 0 },
  };
}
