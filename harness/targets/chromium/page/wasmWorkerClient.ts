/**
 * The main thread's handle on the Wasm worker. Sides (one case, one engine session) are
 * fed their batches as messages without waiting (the proxy nodes never wait for the
 * engine either); replies are collected per side. A worker that misses a case's deadline
 * or dies is terminated: its in-flight sides fail (timeout or crash, at the first batch
 * it had not answered) and the page starts a fresh worker for the next case.
 */
import type { FontAtlas, ImageAsset } from '../../../../engines/shared/assets.ts';
import type { CheckpointDigest, Side, SideFailure, WireObservation } from '../wire.ts';
import type { FromWorker, ToWorker } from './workerMessages.ts';

export interface PendingSide {
  readonly digests: CheckpointDigest[];
  readonly full: Record<number, WireObservation>;
  /** Batches answered so far (the next unanswered batch is this index). */
  answered: number;
  failure?: SideFailure;
  ms: number;
  closed: boolean;
  /** Called on every reply (for step-by-step replay and for drawing). */
  onReply?: (m: FromWorker) => void;
  wake?: () => void;
}

export class WasmWorkerClient {
  private readonly worker: Worker;
  readonly ready: Promise<void>;
  private readonly sides = new Map<string, PendingSide>();
  dead: string | null = null;

  constructor(url: string, module: WebAssembly.Module, font: FontAtlas | null, images: ReadonlyMap<number, ImageAsset>) {
    this.worker = new Worker(url);
    this.ready = new Promise<void>((resolve, reject) => {
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => {
        if (e.data.t === 'ready') resolve();
        else this.receive(e.data);
      };
      this.worker.onerror = (e: ErrorEvent) => {
        e.preventDefault();
        const why = `the wasm worker died: ${e.message || 'uncaught error'}`;
        reject(new Error(why));
        this.kill('crash', why);
      };
    });
    this.post({ t: 'init', module, font, images: [...images] });
  }

  post(m: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(m, transfer);
  }

  open(seq: number, side: Side): PendingSide {
    const pending: PendingSide = { digests: [], full: {}, answered: 0, ms: 0, closed: false };
    this.sides.set(`${seq}:${side}`, pending);
    if (this.dead) this.failSide(pending, 'crash', this.dead);
    return pending;
  }

  forget(seq: number, side: Side): void {
    this.sides.delete(`${seq}:${side}`);
  }

  /** Waits until `done()` or the side is closed; false if the deadline passed first. */
  async waitFor(pending: PendingSide, done: () => boolean, deadline: number): Promise<boolean> {
    while (!done() && !pending.closed) {
      const left = deadline - performance.now();
      if (left <= 0) return false;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        pending.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      pending.wake = undefined;
    }
    return true;
  }

  /** Waits for the side to close; a missed deadline kills the worker (the side fails as a timeout). */
  async settle(pending: PendingSide, deadline: number): Promise<void> {
    if (!(await this.waitFor(pending, () => pending.closed, deadline))) this.kill('timeout', 'the wasm worker did not answer in time');
  }

  /** Terminates the worker: every open side fails at the first batch it had not answered. */
  kill(kind: 'crash' | 'timeout', why: string): void {
    if (this.dead) return;
    this.dead = why;
    this.worker.terminate();
    for (const pending of this.sides.values()) this.failSide(pending, kind, why);
  }

  private failSide(pending: PendingSide, kind: 'crash' | 'timeout', why: string): void {
    if (!pending.closed) {
      pending.failure ??= { kind, batch: pending.answered, name: 'Error', message: why, lastStep: -1 };
      pending.closed = true;
    }
    pending.wake?.();
  }

  private receive(m: FromWorker): void {
    if (m.t === 'ready' || this.dead) return;
    const pending = this.sides.get(`${m.seq}:${m.side}`);
    if (!pending) return;
    pending.onReply?.(m);
    switch (m.t) {
      case 'ok':
        pending.answered = m.batch + 1;
        if (m.digest) pending.digests.push(m.digest);
        if (m.full) pending.full[pending.digests.length - 1] = m.full;
        break;
      case 'fail':
        pending.failure = { kind: 'crash', batch: m.batch, name: m.name, message: m.message, lastStep: m.lastStep };
        break;
      case 'closed':
        pending.ms = m.ms;
        pending.closed = true;
        break;
    }
    pending.wake?.();
  }
}
