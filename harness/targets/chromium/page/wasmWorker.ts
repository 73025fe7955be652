/**
 * The Wasm engine's thread in the page (a dedicated Web Worker): the real engine lives
 * here and talks to the main thread only by messages (./workerMessages.ts). It runs the
 * same adapter as Node (engines/wasm/adapter.ts, given the module the page compiled),
 * so a trap is an EngineCrash with its step, and the next session starts fresh.
 */
import type { FontAtlas, ImageAsset } from '../../../../engines/shared/assets.ts';
import { decodeBatch } from '../../../../engines/shared/binary.ts';
import type { Renderer } from '../../../../engines/shared/renderer.ts';
import { createWasmRenderer } from '../../../../engines/wasm/adapter.ts';
import { observationHash } from './digest.ts';
import { failureOf } from './failure.ts';
import { wireObservation } from './transport.ts';
import type { FromWorker, ToWorker } from './workerMessages.ts';

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
  postMessage(message: FromWorker, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let module: WebAssembly.Module | null = null;
let font: FontAtlas | null = null;
const images = new Map<number, ImageAsset>();

interface Session {
  renderer: Renderer | null;
  failed: boolean;
  ms: number;
  present: boolean;
}
const sessions = new Map<string, Session>();
const keyOf = (seq: number, side: string) => `${seq}:${side}`;

const post = (m: FromWorker, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.onmessage = (e) => {
  const m = e.data;
  switch (m.t) {
    case 'init':
      module = m.module;
      font = m.font;
      for (const [key, image] of m.images) images.set(key, image);
      post({ t: 'ready' });
      return;
    case 'font':
      font = m.font;
      return;
    case 'image':
      images.set(m.key, m.image);
      return;
    case 'debug':
      if (m.hook === 'hang') for (;;);
      throw new Error('debug hook: the wasm worker crashed on purpose');
    case 'open': {
      const session: Session = { renderer: null, failed: false, ms: 0, present: m.present };
      sessions.set(keyOf(m.seq, m.side), session);
      const t = performance.now();
      try {
        if (!module || !font) throw new Error('the wasm worker was not initialised (no module or font)');
        const assets = { font, images: new Map(m.images.map(([name, key]) => [name, images.get(key)!])) };
        session.renderer = createWasmRenderer({ width: m.width, height: m.height, assets, quirks: m.quirks }, { module });
      } catch (error) {
        session.failed = true;
        post({ t: 'fail', seq: m.seq, side: m.side, batch: -1, ...failureOf(error) });
      }
      session.ms += performance.now() - t;
      return;
    }
    case 'apply': {
      const session = sessions.get(keyOf(m.seq, m.side));
      if (!session || session.failed || !session.renderer) return;
      const t = performance.now();
      try {
        session.renderer.apply(decodeBatch(m.bytes));
        if (m.snapshot === 'none') {
          session.ms += performance.now() - t;
          post({ t: 'ok', seq: m.seq, side: m.side, batch: m.batch });
          return;
        }
        const o = session.renderer.snapshot();
        const digest = { checkpoint: o.checkpoint, step: o.step, hash: observationHash(o) };
        const full = m.snapshot === 'full' ? wireObservation(o) : undefined;
        const frame = session.present && o.frame ? { width: o.frame.width, height: o.frame.height, data: o.frame.data.slice() } : undefined;
        session.ms += performance.now() - t;
        post({ t: 'ok', seq: m.seq, side: m.side, batch: m.batch, digest, ...(full ? { full } : {}), ...(frame ? { frame } : {}) }, frame ? [frame.data.buffer] : []);
      } catch (error) {
        session.ms += performance.now() - t;
        session.failed = true;
        post({ t: 'fail', seq: m.seq, side: m.side, batch: m.batch, ...failureOf(error) });
      }
      return;
    }
    case 'close': {
      const key = keyOf(m.seq, m.side);
      const session = sessions.get(key);
      sessions.delete(key);
      try {
        session?.renderer?.dispose();
      } catch {
        // a failing dispose never hides the case's outcome (as harness/run/runCase.ts)
      }
      post({ t: 'closed', seq: m.seq, side: m.side, ms: session?.ms ?? 0 });
      return;
    }
  }
};
