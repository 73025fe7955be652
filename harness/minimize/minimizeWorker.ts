/**
 * The worker side of ./minimizeInWorker.ts: for each job, builds the MinimizeContext
 * from plain data (engine specs via harness/engines/registry.ts, loaded once per spec;
 * images by path), runs minimize() and answers with its result or its error.
 */
import { parentPort } from 'node:worker_threads';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { loadAdapter } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { EngineAdapter } from '../engines/types.ts';
import { minimize } from './minimize.ts';
import type { FromMinimizeWorker, MinimizeJob, ToMinimizeWorker } from './minimizeInWorker.ts';

const send = (m: FromMinimizeWorker) => parentPort!.postMessage(m);
const adapters = new Map<string, Promise<EngineAdapter>>();

function adapterFor(spec: EngineSpec, baseDir: string): Promise<EngineAdapter> {
  const key = JSON.stringify([spec, baseDir]);
  let adapter = adapters.get(key);
  if (!adapter) {
    adapter = loadAdapter(spec, baseDir);
    adapters.set(key, adapter);
    adapter.catch(() => adapters.delete(key));
  }
  return adapter;
}

async function run(id: number, { input, specs, options }: MinimizeJob): Promise<void> {
  try {
    const reference = await adapterFor(specs.reference, specs.baseDir);
    const candidate = await adapterFor(specs.candidate, specs.baseDir);
    const context = {
      engines: { reference, candidate, ...(specs.candidateQuirks ? { candidateQuirks: specs.candidateQuirks } : {}) },
      assets: loadHostAssets(specs.images),
      ...(specs.compare ? { compare: specs.compare } : {}),
    };
    send({ type: 'ready', id });
    send({ type: 'done', id, result: await minimize(input, context, options) });
  } catch (error) {
    const e = error as Error;
    send({ type: 'failed', id, name: e?.name ?? 'Error', message: e?.message ?? String(error) });
  }
}

parentPort!.on('message', (m: ToMinimizeWorker) => void run(m.id, m.job));
