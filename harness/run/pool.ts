/**
 * A pool of case workers, one per core by default. Each case has a time limit: a
 * worker that does not answer in time is terminated, the case is recorded as a timeout
 * naming the engine and step it was in (read from shared progress slots), a fresh
 * worker takes its place, and the run goes on. A worker that dies is handled the same
 * way as a crash.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { engineCrash, engineTimeout } from '../compare/index.ts';
import { EngineLoadError } from '../engines/registry.ts';
import type { CaseResult } from '../results/types.ts';
import { spawnTsWorker } from '../workers/spawn.ts';
import { PROGRESS_SIDE, PROGRESS_STEP } from './tasks.ts';
import type { CaseTask, FromCaseWorker, WorkerSetup } from './tasks.ts';

export interface PoolOptions {
  readonly workers?: number;
  /** Per-case time limit in ms. */
  readonly timeoutMs?: number;
  /** Called as each case finishes, in completion order. */
  readonly onResult?: (result: CaseResult, index: number) => void;
  /** Stops handing out new cases when it returns true (Ctrl-C). */
  readonly shouldStop?: () => boolean;
  /** Hears engine faults that belong to no case (raised after their case finished). */
  readonly onIncident?: (message: string) => void;
}

export class PoolSetupError extends Error {
  override name = 'PoolSetupError';
}

const ENTRY = new URL('./caseWorker.ts', import.meta.url);
export const DEFAULT_TIMEOUT_MS = 10_000;
const SETUP_FLOOR_MS = 30_000;

interface Slot {
  worker: Worker;
  progress: Int32Array;
  busy: { index: number; timer: NodeJS.Timeout } | null;
}

export async function runPool(tasks: readonly CaseTask[], setup: WorkerSetup, options: PoolOptions = {}): Promise<CaseResult[]> {
  const { workers = Math.max(1, Math.min(availableParallelism(), tasks.length)), timeoutMs = DEFAULT_TIMEOUT_MS, onResult, shouldStop, onIncident } = options;
  const results: CaseResult[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  if (tasks.length === 0) return results;

  return new Promise<CaseResult[]>((resolvePool, rejectPool) => {
    let failed = false;
    const slots = new Set<Slot>();

    const finish = (index: number, result: CaseResult) => {
      if (results[index] !== undefined) return;
      results[index] = result;
      done++;
      onResult?.(result, index);
    };

    const maybeEnd = () => {
      const stopping = shouldStop?.() ?? false;
      const idle = [...slots].every((s) => s.busy === null);
      if ((done === tasks.length || (stopping && idle)) && !failed) {
        failed = true; // resolve once
        for (const s of slots) void s.worker.terminate();
        resolvePool(results.filter((r) => r !== undefined));
      }
    };

    const dispatch = (slot: Slot) => {
      if (shouldStop?.() || next >= tasks.length) {
        maybeEnd();
        return;
      }
      const index = next++;
      Atomics.store(slot.progress, PROGRESS_SIDE, 0);
      Atomics.store(slot.progress, PROGRESS_STEP, -1);
      const timer = setTimeout(() => onTimeout(slot), timeoutMs);
      slot.busy = { index, timer };
      slot.worker.postMessage({ type: 'case', index, task: tasks[index] });
    };

    const failedCase = (slot: Slot, make: (side: 'reference' | 'candidate', step: number) => CaseResult['divergences'][number], status: 'crash' | 'timeout') => {
      const busy = slot.busy!;
      clearTimeout(busy.timer);
      slot.busy = null;
      const sideCode = Atomics.load(slot.progress, PROGRESS_SIDE);
      const side = sideCode === 1 ? 'reference' : 'candidate';
      const step = Atomics.load(slot.progress, PROGRESS_STEP);
      const input = tasks[busy.index].input;
      finish(busy.index, {
        id: input.id,
        title: input.title,
        source: input.source,
        status,
        steps: input.steps.length,
        checkpoints: 0,
        divergences: [make(side, step)],
        timing: { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: timeoutMs },
      });
    };

    const onTimeout = (slot: Slot) => {
      if (!slot.busy) return;
      failedCase(slot, (side, step) => engineTimeout(side, timeoutMs, { step }), 'timeout');
      replace(slot);
    };

    const replace = (slot: Slot) => {
      slots.delete(slot);
      slot.worker.removeAllListeners();
      void slot.worker.terminate();
      start();
    };

    const setupFailed = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const s of slots) void s.worker.terminate();
      rejectPool(error);
    };

    const start = () => {
      const progress = new Int32Array(new SharedArrayBuffer(8));
      const worker = spawnTsWorker(ENTRY, { progress: progress.buffer });
      const slot: Slot = { worker, progress, busy: null };
      slots.add(slot);
      // loading the engines is bounded too: a module that hangs here must not hang the run (the
      // main thread's probe catches a hang first; this floor leaves room for a slow, busy machine)
      const setupMs = Math.max(timeoutMs, SETUP_FLOOR_MS);
      const setupTimer = setTimeout(() => setupFailed(new PoolSetupError(`the engines did not load within ${setupMs} ms in a case worker`)), setupMs);
      worker.on('message', (m: FromCaseWorker) => {
        if (m.type !== 'incident' && m.type !== 'result') clearTimeout(setupTimer);
        if (m.type === 'ready') dispatch(slot);
        else if (m.type === 'setup-failed') setupFailed(m.input ? new EngineLoadError(m.message) : new PoolSetupError(m.message));
        else if (m.type === 'incident') onIncident?.(m.message);
        else if (m.type === 'result' && slot.busy?.index === m.index) {
          clearTimeout(slot.busy.timer);
          slot.busy = null;
          finish(m.index, m.result);
          dispatch(slot);
        }
      });
      const died = (why: string) => {
        clearTimeout(setupTimer);
        if (failed || !slots.has(slot)) return;
        if (slot.busy) {
          failedCase(slot, (side, step) => engineCrash(side, new Error(why), { step }), 'crash');
          replace(slot);
        } else if (next < tasks.length) {
          replace(slot);
        } else {
          slots.delete(slot);
          maybeEnd();
        }
      };
      worker.on('error', (e) => died(`case worker failed: ${e.message}`));
      worker.on('exit', (code) => died(`case worker exited with code ${code}`));
      worker.postMessage({ type: 'setup', setup });
    };

    for (let i = 0; i < workers; i++) start();
  });
}
