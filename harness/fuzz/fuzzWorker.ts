/**
 * A fuzz worker: loads both engines and the generated streams' images once, then runs
 * chunks of fuzz runs. For each run it generates the stream from (seed, run), counts its
 * health, runs the quirk detectors (on sampled runs), and runs the differential case.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { HostAssets } from '../../engines/shared/assets.ts';
import { pairName } from '../compare/identity.ts';
import { loadAdapter } from '../engines/registry.ts';
import { detectQuirks } from '../generate/index.ts';
import { isSampled } from './coverageSample.ts';
import { fuzzCase } from './fuzzCase.ts';
import type { FuzzCaseEngines } from './fuzzCase.ts';
import { generatedAssets } from './generatedAssets.ts';
import { generateRun } from './generateRun.ts';
import { addStream, emptyHealth } from './health.ts';
import { emptyTiming, SLOT_RUN, SLOT_SEQ, SLOT_SIDE, SLOT_STEP } from './fuzzMessages.ts';
import { identitiesOf } from './runIdentities.ts';
import type { ChunkReport, FromFuzzWorker, FuzzChunk, FuzzWorkerSetup, RunDivergence, ToFuzzWorker } from './fuzzMessages.ts';

const data = workerData as { progress: SharedArrayBuffer; stop: SharedArrayBuffer };
const progress = new Int32Array(data.progress);
const stop = new Int32Array(data.stop);
const send = (m: FromFuzzWorker) => parentPort!.postMessage(m);
const now = () => performance.now();

let setup: FuzzWorkerSetup;
let engines: FuzzCaseEngines;
let assets: HostAssets;
let queue: Promise<void> = Promise.resolve();

const onProgress = (side: 'reference' | 'candidate', step: number) => {
  progress[SLOT_SIDE] = side === 'reference' ? 1 : 2;
  progress[SLOT_STEP] = step;
};

async function runChunk(chunk: FuzzChunk): Promise<ChunkReport> {
  const started = now();
  const health = emptyHealth();
  const timing = emptyTiming();
  const divergences: RunDivergence[] = [];
  const candidate = { ...engines, candidateQuirks: chunk.candidateQuirks };
  let completed = 0;
  for (const run of chunk.runs) {
    if (Atomics.load(stop, 0) !== 0) break;
    progress[SLOT_RUN] = run;
    Atomics.add(progress, SLOT_SEQ, 1);
    // 1. generate, count, detect
    let t = now();
    const stream = generateRun(chunk.seed, run, setup.streamOptions);
    timing.generateMs += now() - t;
    t = now();
    const sampled = isSampled(run, setup.coverage);
    addStream(health, stream, sampled ? detectQuirks(stream.commands, stream.viewport) : null);
    timing.detectMs += now() - t;
    // 2. the differential case
    const outcome = await fuzzCase(stream.commands, stream.viewport, assets, candidate, { compare: setup.compare, onProgress });
    timing.engineMs += outcome.engineMs;
    timing.compareMs += outcome.compareMs;
    completed++;
    if (outcome.status === 'pass') continue;
    const first = outcome.divergences[0];
    let attributed: boolean | undefined;
    if (chunk.attributeWith !== null) {
      const allOn = await fuzzCase(stream.commands, stream.viewport, assets, { ...engines, candidateQuirks: chunk.attributeWith }, { compare: setup.compare, onProgress, identify: false });
      timing.engineMs += allOn.engineMs;
      attributed = allOn.status === 'pass';
    }
    divergences.push({
      run, kind: first.kind, fingerprint: first.fingerprint, signature: first.signature,
      identities: identitiesOf(outcome.divergences), checkpoint: first.checkpoint, step: first.step,
      length: stream.commands.length, ...(attributed !== undefined ? { attributed } : {}),
      ...(first.kind === 'crash' ? { engine: first.engine } : {}),
    });
    if (chunk.stopOnDivergence && (attributed ?? true)) break;
  }
  progress[SLOT_SIDE] = 0;
  timing.busyMs = now() - started;
  return { completed, health, divergences, timing };
}

parentPort!.on('message', async (m: ToFuzzWorker) => {
  if (m.type === 'setup') {
    try {
      setup = m.setup;
      const reference = await loadAdapter(setup.reference, setup.baseDir);
      const candidate = await loadAdapter(setup.candidate, setup.baseDir);
      engines = { reference, candidate };
      assets = generatedAssets();
      send({ type: 'ready', pair: pairName(reference.identity.name, candidate.identity.name) });
    } catch (error) {
      send({ type: 'setup-failed', message: (error as Error).message });
    }
    return;
  }
  // chunks arrive ahead of time (the pool keeps two in flight): run them one after another
  const chunk = m.chunk;
  queue = queue.then(async () => send({ type: 'chunk-done', id: chunk.id, report: await runChunk(chunk) }));
});
