/**
 * The worker side of a worker-thread engine: hosts one in-process renderer and serves
 * typed messages. Batches arrive binary-encoded (engines/shared/binary.ts), as they
 * travel from the JS proxy nodes to the engine thread in the migration.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { decodeBatch } from '../../engines/shared/binary.ts';
import type { Renderer } from '../../engines/shared/renderer.ts';
import { createLegacyRenderer } from '../../engines/legacy-js/index.ts';
import { createWasmRenderer } from '../../engines/wasm/adapter.ts';
import type { ToEngineWorker, FromEngineWorker } from './workerMessages.ts';

const engine = (workerData as { engine: 'legacy-js' | 'wasm' }).engine;
let renderer: Renderer | null = null;

function reply(message: FromEngineWorker, transfer: ArrayBuffer[] = []): void {
  parentPort!.postMessage(message, transfer);
}

parentPort!.on('message', (m: ToEngineWorker) => {
  try {
    switch (m.type) {
      case 'create': {
        renderer?.dispose();
        const options = { width: m.width, height: m.height, assets: m.assets, quirks: m.quirks };
        renderer = engine === 'wasm' ? createWasmRenderer(options) : createLegacyRenderer(options);
        reply({ type: 'ok' });
        break;
      }
      case 'apply':
        renderer!.apply(decodeBatch(m.batch));
        reply({ type: 'ok' });
        break;
      case 'snapshot': {
        const o = renderer!.snapshot();
        // copy out of engine memory; the copy's buffer is transferred, not cloned
        const frame = o.frame ? { width: o.frame.width, height: o.frame.height, data: o.frame.data.slice() } : null;
        reply({ type: 'observation', observation: { ...o, frame } }, frame ? [frame.data.buffer as ArrayBuffer] : []);
        break;
      }
      case 'dispose':
        renderer?.dispose();
        renderer = null;
        reply({ type: 'ok' });
        break;
    }
  } catch (error) {
    const e = error as { name?: string; message?: string; lastStep?: number };
    reply({ type: 'error', name: e?.name ?? 'Error', message: e?.message ?? String(error), lastStep: e?.lastStep });
  }
});
