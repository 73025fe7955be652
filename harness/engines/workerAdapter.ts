/**
 * A built-in engine in its own worker thread: the adapter is the JS proxy side, sending
 * binary-encoded command batches as messages; the engine thread never shares memory
 * with it. One thread per live session; an idle thread is kept for the next session.
 */
import type { Worker } from 'node:worker_threads';
import { encodeBatch } from '../../engines/shared/binary.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import { spawnTsWorker } from '../workers/spawn.ts';
import type { EngineAdapter, EngineIdentity, EngineSession, SessionOptions, Viewport } from './types.ts';
import type { FromEngineWorker, ToEngineWorker } from './workerMessages.ts';

const ENTRY = new URL('./engineWorker.ts', import.meta.url);

/** An error raised inside the engine thread, rebuilt on this side (keeps name and lastStep). */
export class WorkerEngineError extends Error {
  constructor(name: string, message: string, readonly lastStep?: number) {
    super(message);
    this.name = name;
  }
}

class EngineThread {
  private pending: { resolve: (m: FromEngineWorker) => void; reject: (e: Error) => void } | null = null;
  private dead: Error | null = null;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: FromEngineWorker) => {
      const p = this.pending;
      this.pending = null;
      p?.resolve(m);
    });
    const die = (error: Error) => {
      this.dead = error;
      const p = this.pending;
      this.pending = null;
      p?.reject(error);
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`engine worker exited with code ${code}`)));
  }

  get alive(): boolean {
    return this.dead === null;
  }

  async call(message: ToEngineWorker, transfer: ArrayBuffer[] = []): Promise<FromEngineWorker> {
    if (this.dead) throw this.dead;
    const reply = await new Promise<FromEngineWorker>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(message, transfer);
    });
    if (reply.type === 'error') throw new WorkerEngineError(reply.name, reply.message, reply.lastStep);
    return reply;
  }
}

export function workerAdapter(identity: EngineIdentity, engine: 'legacy-js' | 'wasm'): EngineAdapter {
  const idle: EngineThread[] = [];
  const all = new Set<EngineThread>();

  const acquire = (): EngineThread => {
    for (let t = idle.pop(); t; t = idle.pop()) if (t.alive) return t;
    const thread = new EngineThread(spawnTsWorker(ENTRY, { engine }));
    all.add(thread);
    return thread;
  };

  return {
    identity,
    producesFrames: true,
    async create(viewport: Viewport, options: SessionOptions): Promise<EngineSession> {
      const thread = acquire();
      await thread.call({ type: 'create', width: viewport.width, height: viewport.height, assets: options.assets, quirks: options.quirks });
      let released = false;
      return {
        async apply(batch) {
          const bytes = encodeBatch(batch).slice();
          await thread.call({ type: 'apply', batch: bytes }, [bytes.buffer]);
        },
        async snapshot(): Promise<Observation> {
          const reply = await thread.call({ type: 'snapshot' });
          if (reply.type !== 'observation') throw new Error(`engine worker: expected an observation, got ${reply.type}`);
          return reply.observation;
        },
        async dispose() {
          if (released) return;
          released = true;
          if (!thread.alive) return;
          await thread.call({ type: 'dispose' });
          idle.push(thread);
        },
      };
    },
    async close() {
      await Promise.all([...all].map((t) => t.worker.terminate()));
      all.clear();
      idle.length = 0;
    },
  };
}
