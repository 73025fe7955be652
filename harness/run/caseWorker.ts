/** A case worker: loads both engines once, then runs cases as they arrive. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { engineCrash } from '../compare/index.ts';
import { EngineLoadError, loadAdapter } from '../engines/registry.ts';
import type { EngineAdapter } from '../engines/types.ts';
import { storeWithArtifacts } from '../results/artifacts.ts';
import { writeEvidence } from '../results/evidence.ts';
import { inCaseScope, sideScoped, watchAsyncFaults } from './asyncFaults.ts';
import type { AsyncFault } from './asyncFaults.ts';
import { runCase } from './runCase.ts';
import { inputErrorResult } from './inputErrorResult.ts';
import type { CaseEngines, CaseOutcome } from './runCase.ts';
import { PROGRESS_SIDE, PROGRESS_STEP } from './tasks.ts';
import type { FromCaseWorker, ToCaseWorker, WorkerSetup } from './tasks.ts';

const progress = new Int32Array((workerData as { progress: SharedArrayBuffer }).progress);
let engines: CaseEngines | null = null;
let setup: WorkerSetup | null = null;

const send = (m: FromCaseWorker) => parentPort!.postMessage(m);
watchAsyncFaults((message) => send({ type: 'incident', message }));

parentPort!.on('message', async (m: ToCaseWorker) => {
  if (m.type === 'setup') {
    try {
      setup = m.setup;
      const reference: EngineAdapter = sideScoped(await loadAdapter(setup.reference, setup.baseDir), 'reference');
      const candidate: EngineAdapter = sideScoped(await loadAdapter(setup.candidate, setup.baseDir), 'candidate');
      engines = { reference, candidate, referenceQuirks: setup.referenceQuirks, candidateQuirks: setup.candidateQuirks };
      send({ type: 'ready' });
    } catch (error) {
      send({ type: 'setup-failed', message: (error as Error).message, input: error instanceof EngineLoadError });
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
  const scoped = await inCaseScope(task.input.id, () => runCase(task.input, assets, engines!, {
    compare: task.compare,
    withDiffImages: setup!.runDir !== undefined,
    onProgress: (side, step) => {
      Atomics.store(progress, PROGRESS_SIDE, side === 'reference' ? 1 : 2);
      Atomics.store(progress, PROGRESS_STEP, step);
    },
  }));
  const outcome = withAsyncFaults(scoped.value, scoped.faults, Atomics.load(progress, PROGRESS_STEP));
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

/** Faults an engine raised asynchronously during the case make it a crash of that engine, at the last step it was given. */
function withAsyncFaults(outcome: CaseOutcome, faults: readonly AsyncFault[], step: number): CaseOutcome {
  if (faults.length === 0) return outcome;
  const crashes = faults.map((f) => engineCrash(f.side ?? 'candidate', new Error(`${f.side ? '' : 'engine unknown: '}${f.message}`), { step }));
  const { result } = outcome;
  return {
    ...outcome,
    result: { ...result, status: 'crash', divergences: [...result.divergences, ...crashes] },
    divergences: [...outcome.divergences, ...crashes],
  };
}
