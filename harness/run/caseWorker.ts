/** A case worker: loads both engines once, then runs cases as they arrive. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { loadAdapter } from '../engines/registry.ts';
import type { EngineAdapter } from '../engines/types.ts';
import { storeWithArtifacts } from '../results/artifacts.ts';
import { writeEvidence } from '../results/evidence.ts';
import { runCase } from './runCase.ts';
import { inputErrorResult } from './inputErrorResult.ts';
import type { CaseEngines } from './runCase.ts';
import { PROGRESS_SIDE, PROGRESS_STEP } from './tasks.ts';
import type { FromCaseWorker, ToCaseWorker, WorkerSetup } from './tasks.ts';

const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
let engines: CaseEngines | null = null;
let setup: WorkerSetup | null = null;

const send = (m: FromCaseWorker) => parentPort!.postMessage(m);

parentPort!.on('message', async (m: ToCaseWorker) => {
  if (m.type === 'setup') {
    try {
      setup = m.setup;
      const reference: EngineAdapter = await loadAdapter(setup.reference, setup.baseDir);
      const candidate: EngineAdapter = await loadAdapter(setup.candidate, setup.baseDir);
      engines = { reference, candidate, referenceQuirks: setup.referenceQuirks, candidateQuirks: setup.candidateQuirks };
      send({ type: 'ready' });
    } catch (error) {
      send({ type: 'setup-failed', message: (error as Error).message });
    }
    return;
  }
  const { index, task } = m;
  let assets;
  try {
    assets = loadHostAssets(new Map(task.assets));
  } catch (error) {
    send({ type: 'result', index, result: inputErrorResult(task.input, { message: (error as Error).message }) });
    return;
  }
  const outcome = await runCase(task.input, assets, engines!, {
    compare: task.compare,
    withDiffImages: setup!.runDir !== undefined,
    onProgress: (side, step) => {
      Atomics.store(progress, PROGRESS_SIDE, side === 'reference' ? 1 : 2);
      Atomics.store(progress, PROGRESS_STEP, step);
    },
  });
  Atomics.store(progress, PROGRESS_SIDE, 0);
  const runDir = setup!.runDir;
  const result = runDir && outcome.result.status === 'divergence'
    ? {
        ...outcome.result,
        divergences: storeWithArtifacts(runDir, task.input.id, outcome.divergences),
        ...(outcome.evidence ? { evidence: writeEvidence(runDir, task.input.id, outcome.evidence, outcome.divergences) } : {}),
      }
    : outcome.result;
  send({ type: 'result', index, result });
});
