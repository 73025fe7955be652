/**
 * The fuzz pool: one worker per core, each with both engines loaded once, fed chunks of
 * run numbers (never streams). The pool outlives a job, so `parity selftest` runs one
 * job per mutant on the same workers.
 *
 * Watchdog (as harness/run/pool.ts, per case rather than per message): each worker
 * counts the cases it starts in a shared slot; a worker whose count has not moved for
 * the per-case time limit is terminated, the run it was in is recorded as a timeout
 * naming the engine and step (read from the shared slots), a fresh worker takes its
 * place, and the other runs of its chunk are handed out again.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { engineCrash, engineTimeout } from '../compare/index.ts';
import { commandShape, identified } from '../compare/identity.ts';
import type { Divergence } from '../compare/types.ts';
import type { Shard } from '../gate/shard.ts';
import { PoolSetupError } from '../run/pool.ts';
import { spawnTsWorker } from '../workers/spawn.ts';
import { addTiming, emptyTiming, PROGRESS_SLOTS, SLOT_RUN, SLOT_SEQ, SLOT_SIDE, SLOT_STEP } from './fuzzMessages.ts';
import type { ChunkReport, FromFuzzWorker, FuzzChunk, FuzzTiming, FuzzWorkerSetup, RunDivergence } from './fuzzMessages.ts';
import { emptyHealth, mergeHealth } from './health.ts';
import type { HealthCounts } from './health.ts';
import { generateRun } from './generateRun.ts';
import { identitiesOf } from './runIdentities.ts';

const ENTRY = new URL('./fuzzWorker.ts', import.meta.url);
export const DEFAULT_FUZZ_TIMEOUT_MS = 10_000;

/** Which runs a job does: an exact list, or this shard's runs in order until time is up. */
export type RunPlan =
  | { readonly list: readonly number[] }
  | { readonly shard: Shard; readonly timeMs: number };

export interface FuzzJob {
  readonly seed: number;
  readonly plan: RunPlan;
  readonly candidateQuirks?: QuirkFlags;
  /** Compat flags to re-run diverging streams with (see FuzzChunk.attributeWith). */
  readonly attributeWith?: QuirkFlags;
  /** End the job at the first divergence (attributed to the dropped flags, with `attributeWith`). */
  readonly stopOnDivergence?: boolean;
  /**
   * With stopOnDivergence: keep going until this many divergences were found, or
   * `graceMs` after the first (default 1 and 0: stop at the first).
   */
  readonly collect?: { readonly divergences: number; readonly graceMs: number };
  readonly chunkSize?: number;
  readonly shouldStop?: () => boolean;
  readonly onChunk?: (report: ChunkReport, totals: { runs: number; divergences: number }) => void;
}

export interface FuzzJobResult {
  /** Runs done (for a time plan: this shard's first `runs` runs). */
  readonly runs: number;
  readonly health: HealthCounts;
  /** Sorted by run. */
  readonly divergences: readonly RunDivergence[];
  readonly timing: FuzzTiming;
  readonly wallMs: number;
  readonly workers: number;
  /** Ms from the job's start to the first divergence report (attributed, with `attributeWith`), when any. */
  readonly firstDivergenceMs?: number;
  readonly endedBy: 'budget' | 'divergence' | 'interrupted';
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  ready: boolean;
  /** Chunks sent and not yet reported, oldest (running) first. */
  queue: FuzzChunk[];
  /** The watchdog's last view of the case counter, and since when it has not moved. */
  seq: number;
  since: number;
}

/** Chunks in flight per worker: the next one is already there when a chunk ends, so no worker waits for the pool. */
const DEPTH = 2;

interface ActiveJob {
  readonly onReport: (slot: Slot, report: ChunkReport) => void;
  readonly onLost: (slot: Slot, divergence: Divergence, run: number, chunks: readonly FuzzChunk[]) => void;
  readonly onIdle: (slot: Slot) => void;
}

const now = () => performance.now();

export class FuzzPool {
  private readonly slots = new Set<Slot>();
  private readonly stop = new Int32Array(new SharedArrayBuffer(4));
  private job: ActiveJob | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private closed = false;
  private failure: ((e: Error) => void) | null = null;
  /** The engine pair's name, as the workers report it. */
  private pair = '';

  private constructor(private readonly setup: FuzzWorkerSetup, readonly workers: number, readonly timeoutMs: number) {}

  static async open(setup: FuzzWorkerSetup, options: { workers?: number; timeoutMs?: number } = {}): Promise<FuzzPool> {
    const { workers = availableParallelism(), timeoutMs = DEFAULT_FUZZ_TIMEOUT_MS } = options;
    const pool = new FuzzPool(setup, Math.max(1, workers), timeoutMs);
    await Promise.all(Array.from({ length: pool.workers }, () => pool.start()));
    pool.watchdog = setInterval(() => pool.check(), Math.max(20, Math.min(250, timeoutMs / 4)));
    pool.watchdog.unref();
    return pool;
  }

  /** Starts one worker; resolves when its engines are loaded. */
  private start(): Promise<Slot> {
    return new Promise((resolveStart, rejectStart) => {
      const progress = new Int32Array(new SharedArrayBuffer(4 * PROGRESS_SLOTS));
      const worker = spawnTsWorker(ENTRY, { progress: progress.buffer, stop: this.stop.buffer });
      const slot: Slot = { worker, progress, ready: false, queue: [], seq: 0, since: 0 };
      this.slots.add(slot);
      worker.on('message', (m: FromFuzzWorker) => {
        if (m.type === 'ready') {
          slot.ready = true;
          this.pair = m.pair;
          resolveStart(slot);
        } else if (m.type === 'setup-failed') {
          const error = new PoolSetupError(m.message);
          rejectStart(error);
          this.failure?.(error);
        } else if (m.type === 'chunk-done' && slot.queue[0]?.id === m.id) {
          slot.queue.shift();
          this.job?.onReport(slot, m.report);
        }
      });
      const died = (why: string) => {
        if (this.closed || !this.slots.has(slot)) return;
        if (!slot.ready) {
          rejectStart(new PoolSetupError(why));
          return;
        }
        this.lose(slot, (side, step) => engineCrash(side, new Error(why), { step }));
      };
      worker.on('error', (e) => died(`fuzz worker failed: ${e.message}`));
      worker.on('exit', (code) => died(`fuzz worker exited with code ${code}`));
      worker.postMessage({ type: 'setup', setup: this.setup });
    });
  }

  /** Watchdog tick: a busy worker whose case count has not moved for timeoutMs is hung. */
  private check(): void {
    const t = now();
    for (const slot of this.slots) {
      if (slot.queue.length === 0) continue;
      const seq = Atomics.load(slot.progress, SLOT_SEQ);
      if (seq !== slot.seq) {
        slot.seq = seq;
        slot.since = t;
      } else if (t - slot.since > this.timeoutMs) {
        this.lose(slot, (side, step) => engineTimeout(side, this.timeoutMs, { step }));
      }
    }
  }

  /** A worker hung or died inside a run: record that run, replace the worker, hand out the rest. */
  private lose(slot: Slot, make: (side: 'reference' | 'candidate', step: number) => Divergence): void {
    const lost = slot.queue;
    this.slots.delete(slot);
    slot.worker.removeAllListeners();
    void slot.worker.terminate();
    if (lost.length > 0) {
      const side = Atomics.load(slot.progress, SLOT_SIDE) === 1 ? 'reference' : 'candidate';
      const run = Atomics.load(slot.progress, SLOT_RUN);
      this.job?.onLost(slot, this.identifyLost(make(side, Atomics.load(slot.progress, SLOT_STEP)), lost[0].seed, run), run, lost);
    }
    if (this.closed) return;
    this.start().then((fresh) => this.job?.onIdle(fresh), (error: Error) => this.failure?.(error));
  }

  /** The lost run's divergence named like every other: its cause is the command the engine was given. */
  private identifyLost(d: Divergence, seed: number, run: number): Divergence {
    const steps = generateRun(seed, run, this.setup.streamOptions).commands;
    return identified(d, { pair: this.pair, steps, cause: { step: d.step, command: commandShape(steps[d.step]) } });
  }

  private dispatch(slot: Slot, chunk: FuzzChunk): void {
    if (slot.queue.length === 0) {
      slot.seq = Atomics.load(slot.progress, SLOT_SEQ);
      slot.since = now();
    }
    slot.queue.push(chunk);
    slot.worker.postMessage({ type: 'chunk', chunk });
  }

  async run(job: FuzzJob): Promise<FuzzJobResult> {
    if (this.job) throw new Error('FuzzPool.run: a job is already running');
    const { seed, plan, candidateQuirks = {}, attributeWith, stopOnDivergence = false, collect = { divergences: 1, graceMs: 0 }, shouldStop, onChunk } = job;
    const chunkSize = job.chunkSize ?? ('list' in plan ? Math.max(1, Math.min(64, Math.ceil(plan.list.length / (this.workers * 4)))) : 32);
    Atomics.store(this.stop, 0, 0);
    const started = now();
    const health = emptyHealth();
    const timing = emptyTiming();
    const divergences: RunDivergence[] = [];
    const retry: number[][] = [];
    let runs = 0;
    let nextIndex = 0;
    let chunkId = 0;
    let endedBy: FuzzJobResult['endedBy'] = 'budget';
    let firstDivergenceMs: number | undefined;
    let stopping = false;

    const halt = (why: FuzzJobResult['endedBy']) => {
      if (stopping) return;
      stopping = true;
      endedBy = why;
      Atomics.store(this.stop, 0, 1);
    };

    let qualifying = 0;
    const nextRuns = (): number[] | null => {
      if (shouldStop?.()) halt('interrupted');
      if (firstDivergenceMs !== undefined && stopOnDivergence && now() - started - firstDivergenceMs >= collect.graceMs) halt('divergence');
      if (stopping) return null;
      if (retry.length > 0) return retry.shift()!;
      const out: number[] = [];
      if ('list' in plan) {
        while (out.length < chunkSize && nextIndex < plan.list.length) out.push(plan.list[nextIndex++]);
      } else if (now() - started < plan.timeMs) {
        while (out.length < chunkSize) out.push(plan.shard.index - 1 + plan.shard.count * nextIndex++);
      }
      return out.length > 0 ? out : null;
    };

    const noteDivergence = (d: RunDivergence) => {
      divergences.push(d);
      if (!(d.attributed ?? true)) return;
      firstDivergenceMs ??= now() - started;
      if (stopOnDivergence && ++qualifying >= collect.divergences) halt('divergence');
    };

    return new Promise<FuzzJobResult>((resolveJob, rejectJob) => {
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        this.job = null;
        this.failure = null;
        divergences.sort((a, b) => a.run - b.run);
        resolveJob({ runs, health, divergences, timing, wallMs: now() - started, workers: this.workers, endedBy, ...(firstDivergenceMs !== undefined ? { firstDivergenceMs } : {}) });
      };
      const maybeEnd = () => {
        if ([...this.slots].every((s) => s.queue.length === 0)) finish();
      };
      const feed = (slot: Slot) => {
        while (slot.queue.length < DEPTH) {
          const list = nextRuns();
          if (list === null) break;
          this.dispatch(slot, { id: chunkId++, seed, runs: list, candidateQuirks, attributeWith: attributeWith ?? null, stopOnDivergence });
        }
        if (slot.queue.length === 0) maybeEnd();
      };
      this.failure = (error) => {
        finished = true;
        this.job = null;
        rejectJob(error);
      };
      this.job = {
        onReport: (slot, report) => {
          runs += report.completed;
          mergeHealth(health, report.health);
          addTiming(timing, report.timing);
          report.divergences.forEach(noteDivergence);
          onChunk?.(report, { runs, divergences: divergences.length });
          feed(slot);
        },
        onLost: (_slot, divergence, run, chunks) => {
          // the lost worker's finished runs were never reported: hand out all but the hung one
          const rest = chunks.flatMap((c) => c.runs).filter((r) => r !== run);
          if (rest.length > 0) retry.unshift(rest);
          runs++;
          noteDivergence({
            run, kind: divergence.kind, fingerprint: divergence.fingerprint, signature: divergence.signature,
            identities: identitiesOf([divergence]), checkpoint: divergence.checkpoint, step: divergence.step, length: -1,
            ...(divergence.kind === 'timeout' || divergence.kind === 'crash' ? { engine: divergence.engine } : {}),
            ...(divergence.kind === 'timeout' ? { timeoutMs: divergence.ms } : {}),
          });
        },
        onIdle: (slot) => feed(slot),
      };
      for (const slot of this.slots) if (slot.ready && slot.queue.length === 0) feed(slot);
      maybeEnd();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    await Promise.all([...this.slots].map((s) => s.worker.terminate()));
    this.slots.clear();
  }
}
