/**
 * The cross-target check: the same cases under `--target node` and `--target chromium`
 * must give identical observations for each engine. Each engine is compared with
 * itself across targets (node = reference side, chromium = candidate side of every
 * divergence), with harness/compare, so a difference carries the same detail as an
 * engine divergence. Results are cases `target:<engine>:<case id>` whose divergence
 * signatures start with `target:` (their own fingerprint groups).
 *
 * Cheap when all is well: chromium returns digests (one pass for both engines), Node
 * computes the same digests in-process; only a case whose digests differ is observed
 * again in full on both targets.
 */
import { createLegacyRenderer } from '../../engines/legacy-js/index.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { RendererFactory } from '../../engines/shared/renderer.ts';
import { createWasmRenderer } from '../../engines/wasm/adapter.ts';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { compareObservations, engineCrash, engineTimeout, fingerprintOf } from '../compare/index.ts';
import type { CompareOptions, Divergence, EngineSide } from '../compare/types.ts';
import type { EngineSpec } from '../engines/registry.ts';
import { storeWithArtifacts } from '../results/artifacts.ts';
import { writeEvidence } from '../results/evidence.ts';
import type { CaseResult, CaseStatus } from '../results/types.ts';
import { storable } from '../run/runCase.ts';
import { checkpointBatches } from '../run/observeStream.ts';
import { PoolSetupError } from '../run/pool.ts';
import type { RunSession } from '../run/runSession.ts';
import type { CaseTask } from '../run/tasks.ts';
import type { ChromiumTarget, TargetSetup } from './chromium/ChromiumTarget.ts';
import { engineKindOf } from './chromium/engineKind.ts';
import { runRendererSide, streamBatches } from './chromium/page/rendererSide.ts';
import { fromWireObservation } from './chromium/page/transport.ts';
import type { EngineKind, Side, SideFailure, SideRun } from './chromium/wire.ts';

export interface CrossTargetOptions {
  readonly chromium: ChromiumTarget;
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  readonly referenceQuirks?: QuirkFlags;
  readonly candidateQuirks?: QuirkFlags;
  readonly timeoutMs?: number;
  /** Artifacts and evidence of target divergences go here (as for engine divergences). */
  readonly runDir?: string;
  readonly onResult?: (result: CaseResult) => void;
  readonly shouldStop?: () => boolean;
}

export const CROSS_TARGET_PREFIX = 'target';

export function crossTargetId(engine: string, caseId: string): string {
  return `${CROSS_TARGET_PREFIX}:${engine}:${caseId}`;
}

const FACTORIES: Record<EngineKind, RendererFactory> = {
  'legacy-js': createLegacyRenderer,
  wasm: (o) => createWasmRenderer(o),
};

const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

/** Runs the check; one result per case and engine, in case order. */
export async function crossTargetCheck(tasks: readonly CaseTask[], options: CrossTargetOptions): Promise<CaseResult[]> {
  const { chromium, timeoutMs = 10_000, shouldStop } = options;
  const setup: TargetSetup = {
    reference: engineKindOf(options.reference),
    candidate: engineKindOf(options.candidate),
    referenceQuirks: options.referenceQuirks,
    candidateQuirks: options.candidateQuirks,
  };
  // an A-vs-A run has one engine: check it once
  const sides: Side[] = setup.reference === setup.candidate ? ['reference'] : ['reference', 'candidate'];
  const raw = await chromium.runRaw(tasks, setup, { timeoutMs, shouldStop });
  const results: CaseResult[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const r = raw[i];
    if (r === undefined || shouldStop?.()) continue;
    for (const side of sides) {
      const task = tasks[i];
      const result = 'error' in r
        ? failedInChromium(task, setup[side], r.error)
        : await compareSide(task, side, setup, r.run[side], { chromium, timeoutMs, runDir: options.runDir });
      if (!result) continue;
      results.push(result);
      options.onResult?.(result);
    }
  }
  return results;
}

/** The case never finished in chromium (page crash or hang): every engine's check is that failure. */
function failedInChromium(task: CaseTask, engine: EngineKind, error: CaseResult): CaseResult | null {
  if (error.status === 'error') return null; // an input error: the differential run reported it already
  const divergences = error.divergences.map((d) => ({ ...d, engine: 'candidate' as const, ...relabel(d.signature) }));
  return { ...error, id: crossTargetId(engine, task.input.id), title: titleOf(engine, task), divergences };
}

function titleOf(engine: EngineKind, task: CaseTask): string {
  return `${engine} under node (reference) vs chromium (candidate): ${task.input.title}`;
}

function relabel(signature: string): { signature: string; fingerprint: string } {
  return fingerprintOf(CROSS_TARGET_PREFIX, signature);
}

function sameFailure(a: SideFailure | undefined, b: SideFailure | undefined): boolean {
  if (!a || !b) return a === b;
  return a.kind === b.kind && a.batch === b.batch && a.name === b.name && a.message === b.message && a.lastStep === b.lastStep;
}

function sameRun(a: SideRun, b: SideRun): boolean {
  return a.digests.length === b.digests.length && sameFailure(a.failure, b.failure) &&
    a.digests.every((d, i) => d.hash === b.digests[i].hash && d.checkpoint === b.digests[i].checkpoint && d.step === b.digests[i].step);
}

async function compareSide(
  task: CaseTask,
  side: Side,
  setup: TargetSetup,
  inChromium: SideRun,
  ctx: { chromium: ChromiumTarget; timeoutMs: number; runDir?: string },
): Promise<CaseResult> {
  const t0 = performance.now();
  const engine = setup[side];
  const { input } = task;
  const assets = loadHostAssets(new Map(task.assets));
  const job = {
    seq: 0, side, width: input.viewport.width, height: input.viewport.height, batches: streamBatches(input.steps, checkpointBatches(input.steps)),
    assets, quirks: side === 'reference' ? setup.referenceQuirks : setup.candidateQuirks, keep: () => false,
  };
  const onNode = runRendererSide(FACTORIES[engine], job);
  const base = { id: crossTargetId(engine, input.id), title: titleOf(engine, task), source: input.source, steps: input.steps.length };
  const timing = (compareMs: number) => ({ referenceMs: onNode.ms, candidateMs: inChromium.ms, compareMs, totalMs: performance.now() - t0 });
  if (sameRun(onNode, inChromium)) {
    return { ...base, status: 'pass', checkpoints: onNode.digests.length, divergences: [], timing: timing(0) };
  }

  // 1. observe both targets again, in full
  const t = performance.now();
  const nodeFull = runRendererSide(FACTORIES[engine], { ...job, keep: () => true });
  const nodeObs = Object.keys(nodeFull.full ?? {}).map(Number).sort((a, b) => a - b).map((cp) => fromWireObservation(nodeFull.full![cp], decode));
  const pairs = await ctx.chromium.observe(task, setup, { [side]: 'all' }, ctx.timeoutMs);
  const chromeObs = [...pairs.keys()].sort((a, b) => a - b).map((cp) => pairs.get(cp)![side]).filter((o): o is Observation => o !== undefined);

  // 2. compare as engines are compared; node plays the reference, chromium the candidate
  const compare: CompareOptions = { ...task.compare, frame: { ...task.compare?.frame, withDiffImage: ctx.runDir !== undefined } };
  const found: Divergence[] = compareObservations(nodeObs, chromeObs, compare);
  if (!sameFailure(onNode.failure, inChromium.failure)) {
    for (const [where, f] of [['reference', onNode.failure], ['candidate', inChromium.failure]] as const) {
      if (f) found.push(failureDivergence(where, f, input.steps, ctx.timeoutMs));
    }
  }
  const divergences = found.map((d) => ({ ...d, ...relabel(d.signature) }) as Divergence);
  const status: CaseStatus = divergences.length === 0 ? 'pass'
    : divergences.some((d) => d.kind === 'timeout') ? 'timeout'
      : divergences.some((d) => d.kind === 'crash') ? 'crash' : 'divergence';
  const first = divergences.find((d) => d.kind !== 'crash' && d.kind !== 'timeout');
  let stored: CaseResult['divergences'] = divergences.map(storable);
  let evidence: CaseResult['evidence'];
  if (ctx.runDir && status === 'divergence' && first) {
    stored = storeWithArtifacts(ctx.runDir, base.id, divergences);
    const at = nodeObs.findIndex((o) => o.step === first.step);
    if (at >= 0 && chromeObs[at]) evidence = writeEvidence(ctx.runDir, base.id, { reference: nodeObs[at], candidate: chromeObs[at] }, divergences);
  }
  return {
    ...base, status, checkpoints: Math.min(nodeObs.length, chromeObs.length),
    ...(first ? { firstDivergingCheckpoint: { name: first.checkpoint, step: first.step } } : {}),
    divergences: stored,
    ...(evidence ? { evidence } : {}),
    timing: timing(performance.now() - t),
  };
}

function failureDivergence(target: EngineSide, f: SideFailure, steps: CaseTask['input']['steps'], timeoutMs: number): Divergence {
  const batches = checkpointBatches(steps);
  const range = batches[f.batch] ?? [-1, 0];
  if (f.kind === 'timeout') return engineTimeout(target, timeoutMs, { step: range[0] });
  const error = new Error(f.message);
  error.name = f.name;
  return engineCrash(target, error, { step: f.lastStep >= 0 ? f.lastStep : range[1] - 1 });
}

/** The check as a phase of a run session: results are recorded in the session's results.json. */
export async function crossTargetPhase(session: RunSession, tasks: readonly CaseTask[]): Promise<CaseResult[]> {
  const { options } = session;
  if (tasks.length === 0 || session.interrupted) return [];
  const own = session.runner.chromium ? null : await launchOwn();
  const chromium = own ?? (await session.runner.chromium!());
  const engines = [...new Set([engineKindOf(session.reference), engineKindOf(session.candidate)])];
  options.onPhase?.(`cross-target check: ${tasks.length} case(s), ${engines.join(' and ')} under node vs chromium`);
  session.expect(tasks.length * engines.length);
  try {
    return await crossTargetCheck(tasks, {
      chromium,
      reference: session.reference,
      candidate: session.candidate,
      candidateQuirks: options.candidateQuirks,
      timeoutMs: options.timeoutMs ?? options.config.timeoutMs,
      runDir: session.runDir,
      onResult: (r) => session.record(r),
      shouldStop: options.shouldStop,
    });
  } finally {
    await own?.close();
  }
}

async function launchOwn(): Promise<ChromiumTarget> {
  const { ChromiumTarget } = await import('./chromium/ChromiumTarget.ts');
  try {
    return await ChromiumTarget.launch();
  } catch (error) {
    throw new PoolSetupError((error as Error).message);
  }
}
