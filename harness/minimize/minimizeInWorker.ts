/**
 * Minimization (./minimize.ts) on a worker thread under a watchdog. In-process engines
 * are synchronous, so a reduced stream that makes one loop forever would hang the whole
 * process; here the worker is stopped instead, and the caller gets a MinimizeError that
 * says so (the fuzz run files the find unminimized and goes on).
 *
 *   1. spawn    the worker (./minimizeWorker.ts), or reuse it, and send it plain data:
 *               engine specs, quirk flags, image paths, compare options, input, budget
 *   2. setup    it loads both engines (once per spec) and the assets, then says ready
 *   3. watch    from then on it has the minimization budget plus one per-case time
 *               limit (the last oracle call may start just before the budget runs out)
 *   4. answer   the MinimizeResult (plain data), or the error minimize() threw
 */
import type { Worker } from 'node:worker_threads';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ImageDeclarations } from '../assets/hostAssets.ts';
import type { CompareOptions } from '../compare/types.ts';
import { DEFAULT_CONFIG } from '../config/config.ts';
import type { EngineSpec } from '../engines/registry.ts';
import { spawnTsWorker } from '../workers/spawn.ts';
import { DEFAULT_MINIMIZE_TIME_MS, MinimizeError, NotDivergingError } from './minimize.ts';
import type { MinimizeInput, MinimizeOptions, MinimizeResult } from './minimize.ts';

/** What a worker needs to build a MinimizeContext (./oracle.ts) of its own. */
export interface MinimizeSpecs {
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  readonly candidateQuirks?: QuirkFlags;
  /** Module engine paths resolve against it. */
  readonly baseDir: string;
  /** Image name -> absolute path, as in a scenario's `assets`. */
  readonly images: ImageDeclarations;
  readonly compare?: CompareOptions;
}

export interface MinimizeInWorkerOptions extends MinimizeOptions {
  /** The per-case time limit (default the config's). */
  readonly timeoutMs?: number;
  /** How long loading the engines may take (default 60 s). */
  readonly setupMs?: number;
}

export interface MinimizeJob {
  readonly input: MinimizeInput;
  readonly specs: MinimizeSpecs;
  readonly options: MinimizeOptions;
}

export type ToMinimizeWorker = { readonly type: 'job'; readonly id: number; readonly job: MinimizeJob };

export type FromMinimizeWorker =
  | { readonly type: 'ready'; readonly id: number }
  | { readonly type: 'done'; readonly id: number; readonly result: MinimizeResult }
  | { readonly type: 'failed'; readonly id: number; readonly name: string; readonly message: string };

const WORKER = new URL('./minimizeWorker.ts', import.meta.url);
const DEFAULT_SETUP_MS = 60_000;

/**
 * One worker for many minimizations (starting one costs about a second: tsx and the
 * engines load again); a worker stopped by the watchdog is replaced on the next call.
 * Jobs run one at a time; between them the worker does not keep the process alive. close()
 * when done.
 */
export class MinimizeWorker {
  private worker: Worker | null = null;
  private nextId = 0;
  private pending: { readonly id: number; readonly onMessage: (m: FromMinimizeWorker) => void; readonly onDeath: (message: string) => void } | null = null;

  minimize(input: MinimizeInput, specs: MinimizeSpecs, options: MinimizeInWorkerOptions = {}): Promise<MinimizeResult> {
    const { timeMs = DEFAULT_MINIMIZE_TIME_MS, timeoutMs = DEFAULT_CONFIG.timeoutMs, setupMs = DEFAULT_SETUP_MS, maxCalls } = options;
    if (this.pending) throw new Error('MinimizeWorker: expected one job at a time, got a second while one runs');
    const id = this.nextId++;
    const job: MinimizeJob = { input, specs, options: { timeMs, ...(maxCalls !== undefined ? { maxCalls } : {}) } };
    return new Promise<MinimizeResult>((resolve, reject) => {
      // 1. spawn (or reuse)
      const worker = this.worker ?? this.spawn();
      let timer: NodeJS.Timeout;
      const settle = (answer: () => void) => {
        clearTimeout(timer);
        this.pending = null;
        worker.unref(); // an idle worker does not keep the process alive
        answer();
      };
      const stop = (message: string) => {
        void this.stopWorker();
        settle(() => reject(new MinimizeError(message)));
      };
      // 2. setup
      timer = setTimeout(() => stop(`the minimize worker did not load the engines within ${setupMs} ms; stopped it`), setupMs);
      this.pending = {
        id,
        onMessage: (m) => {
          if (m.type === 'ready') {
            // 3. watch
            clearTimeout(timer);
            const limit = timeMs + timeoutMs;
            timer = setTimeout(() => stop(
              `the engine hung during minimization: no result within ${limit} ms (budget ${timeMs} ms + per-case time limit ${timeoutMs} ms); stopped the worker`,
            ), limit);
          } else if (m.type === 'done') {
            // 4. answer
            settle(() => resolve(m.result));
          } else {
            settle(() => reject(m.name === 'NotDivergingError' ? new NotDivergingError(m.message) : m.name === 'MinimizeError' ? new MinimizeError(m.message) : Object.assign(new Error(m.message), { name: m.name })));
          }
        },
        onDeath: (message) => settle(() => reject(new MinimizeError(message))),
      };
      worker.ref();
      worker.postMessage({ type: 'job', id, job } satisfies ToMinimizeWorker);
    });
  }

  async close(): Promise<void> {
    await this.stopWorker();
  }

  private spawn(): Worker {
    const worker = spawnTsWorker(WORKER);
    worker.on('message', (m: FromMinimizeWorker) => {
      if (this.worker === worker && this.pending?.id === m.id) this.pending.onMessage(m);
    });
    // the worker itself dying (an engine exhausting memory, an uncaught async throw) ends that minimization, not the caller
    const died = (message: string) => {
      if (this.worker !== worker) return;
      this.worker = null;
      this.pending?.onDeath(message);
    };
    worker.on('error', (error) => died(`the minimize worker failed: ${error.message}`));
    worker.on('exit', (code) => died(`the minimize worker exited with code ${code} before answering`));
    this.worker = worker;
    return worker;
  }

  private async stopWorker(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}

/** One minimization in a worker of its own (started and stopped here). */
export async function minimizeInWorker(input: MinimizeInput, specs: MinimizeSpecs, options: MinimizeInWorkerOptions = {}): Promise<MinimizeResult> {
  const worker = new MinimizeWorker();
  try {
    return await worker.minimize(input, specs, options);
  } finally {
    await worker.close();
  }
}
