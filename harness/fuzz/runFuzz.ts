/**
 * `parity fuzz` without the words: runs a budget of generated streams through the
 * differential runner on all cores, then for every new divergence (one per fingerprint,
 * found first by the lowest run number) minimizes it, writes
 * <regressions>/<fingerprint>.yaml and makes a CaseResult of it. Known divergences
 * (saved regressions, waivers, compat flags the candidate runs with turned off) are
 * counted, not filed. Everything but timing is a function of (seed, runs, engines).
 *
 *   1. plan       the run numbers: this shard's slice of the runs budget, or its runs
 *                 in order until the time budget is spent
 *   2. fuzz       the pool (./fuzzPool.ts): generate, count, detect, compare; or, with
 *                 target chromium, the same streams generated here and their cases run
 *                 in the browser (./fuzzOnChromium.ts)
 *   3. classify   each diverging run: known (by what) or new
 *   4. minimize   each new fingerprint (time-bounded, on node in a worker under a watchdog:
 *                 ../minimize/minimizeInWorker.ts), write its reproducer, make its case;
 *                 with target chromium it is minimized in-process on node when node
 *                 shows the same divergence (fast), else in the page, and its case is
 *                 run in the browser
 */
import { resolve } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import type { Waiver } from '../config/waves.ts';
import { todayUtc } from '../config/waves.ts';
import { builtinIdentity, loadAdapter, specLabel } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { EngineAdapter, EngineIdentity } from '../engines/types.ts';
import { shardRuns, WHOLE } from '../gate/shard.ts';
import type { Shard } from '../gate/shard.ts';
import type { StreamOptions } from '../generate/index.ts';
import type { ChromiumTarget } from '../targets/chromium/ChromiumTarget.ts';
import type { TargetName } from '../targets/target.ts';
import { minimize, MinimizeError } from '../minimize/minimize.ts';
import type { MinimizeResult } from '../minimize/minimize.ts';
import { MinimizeWorker } from '../minimize/minimizeInWorker.ts';
import { Oracle } from '../minimize/oracle.ts';
import { writeRegression } from '../minimize/writeRegression.ts';
import type { RegressionWrite } from '../minimize/writeRegression.ts';
import { storeWithArtifacts } from '../results/artifacts.ts';
import { writeEvidence } from '../results/evidence.ts';
import { engineChoice, quirksOff, replayCommand } from '../results/replayHint.ts';
import type { CaseResult, FuzzSummary } from '../results/types.ts';
import { compareOptionsFor } from '../run/loadCases.ts';
import { PoolSetupError } from '../run/pool.ts';
import { runCase } from '../run/runCase.ts';
import type { CaseInput, CaseOutcome } from '../run/runCase.ts';
import { engineTimeout } from '../compare/index.ts';
import { commandShape, identified, pairName } from '../compare/identity.ts';
import { DEFAULT_COVERAGE } from './coverageSample.ts';
import type { CoverageSample } from './coverageSample.ts';
import { generatedAssets, generatedImagePaths } from './generatedAssets.ts';
import { generateRun } from './generateRun.ts';
import { FuzzPool } from './fuzzPool.ts';
import { fuzzOnChromium } from './fuzzOnChromium.ts';
import type { FuzzJobResult, RunPlan } from './fuzzPool.ts';
import type { RunDivergence, RunIdentity } from './fuzzMessages.ts';
import { fuzzStats, summarizeHealth } from './health.ts';
import type { HealthCounts, HealthSummary } from './health.ts';
import { knownBy, loadKnownFingerprints } from './knownFingerprints.ts';
import { provenanceOf } from './provenance.ts';
import type { KnownBy, KnownFingerprints } from './knownFingerprints.ts';
import { runSeed } from './runSeed.ts';

export const DEFAULT_FUZZ_RUNS = 1000;
export const DEFAULT_FUZZ_SEED = 1;
/** Most new fingerprints minimized per fuzz run; the rest are filed as found. */
export const DEFAULT_MAX_MINIMIZE = 10;

export interface FuzzBudgetSpec {
  readonly runs?: number;
  readonly timeMs?: number;
}

export interface FuzzRunOptions {
  readonly config: ParityConfig;
  readonly reference?: EngineSpec;
  readonly candidate?: EngineSpec;
  readonly seed: number;
  readonly budget: FuzzBudgetSpec;
  readonly shard?: Shard;
  readonly candidateQuirks?: QuirkFlags;
  /**
   * The compat flags whose divergences are known quirks when off (a wave's own dropped
   * flags); default: every flag off in candidateQuirks. Flags off in candidateQuirks but
   * not here (`--quirk-off` simulating a port bug) make new divergences.
   */
  readonly knownQuirks?: QuirkFlags;
  readonly waivers?: readonly Waiver[];
  readonly today?: string;
  /** Where reproducers go and known ones are read (default <baseDir>/scenarios/regressions). */
  readonly regressionsDir?: string;
  /** Write reproducer files (default true). */
  readonly write?: boolean;
  readonly streamOptions?: StreamOptions;
  /** Which runs go through the quirk detectors (default DEFAULT_COVERAGE: the first 500, then 1 in 16). */
  readonly coverage?: CoverageSample;
  readonly minimizeTimeMs?: number;
  /**
   * Most differential runs per minimization (default the minimizer's). A budget in runs,
   * not time, gives the same reproducer on any machine: runs that compare outputs byte for
   * byte set it and a generous time.
   */
  readonly minimizeCalls?: number;
  readonly maxMinimize?: number;
  readonly workers?: number;
  readonly timeoutMs?: number;
  /** A pool already open with the same engines (selftest, bench); otherwise one is opened and closed. */
  readonly pool?: FuzzPool;
  /** Where the differential cases run (default node). chromium: a browser page (./fuzzOnChromium.ts). */
  readonly target?: TargetName;
  /** chromium: the browser to use (a RunSession's, launched on first use); otherwise one is launched and closed here. */
  readonly chromium?: () => Promise<ChromiumTarget>;
  /** Artifacts and evidence of the filed cases go here (a RunSession's folder). */
  readonly runDir?: string;
  readonly tool?: string;
  readonly onPhase?: (text: string) => void;
  readonly onProgress?: (runs: number, divergences: number) => void;
  readonly shouldStop?: () => boolean;
}

export interface FuzzFinding {
  readonly fingerprint: string;
  readonly signature: string;
  readonly kind: RunDivergence['kind'];
  /** Runs that diverged with this fingerprint (the first is the one minimized). */
  readonly runs: readonly number[];
  readonly minimized?: MinimizeResult;
  /** Where the minimizer ran its cases (target chromium: node when node shows the same divergence). */
  readonly minimizedOn?: TargetName;
  /** Why it was not minimized. */
  readonly note?: string;
  /** The reproducer file, and what writing it did (a file of another find is never replaced). */
  readonly file?: string;
  readonly regression?: RegressionWrite;
  readonly replay?: string;
  readonly case: CaseResult;
}

export interface KnownGroup {
  readonly fingerprint: string;
  readonly signature: string;
  readonly by: KnownBy;
  readonly runs: number;
  /** The saved regression, or the waiver's index. */
  readonly where?: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly shard: Shard;
  readonly budget: FuzzBudgetSpec;
  readonly runs: number;
  /** Runs the budget meant to run: its run count; for a time budget, `runs` unless interrupted (then null). */
  readonly planned: number | null;
  /** Stopped (Ctrl-C) before the budget was spent or before every new find was minimized: no verdict. */
  readonly interrupted: boolean;
  readonly endedBy: FuzzJobResult['endedBy'];
  readonly workers: number;
  readonly wallMs: number;
  readonly casesPerSecond: number;
  readonly timing: FuzzJobResult['timing'] & { readonly harnessShare: number; readonly minimizeMs: number };
  readonly health: HealthSummary;
  /** The raw counts behind `health`, which add up across shards. */
  readonly healthCounts: HealthCounts;
  readonly diverged: number;
  readonly known: readonly KnownGroup[];
  /** Diverging runs whose every identity is known, and those with at least one new identity. */
  readonly knownRuns: number;
  readonly newRuns: number;
  readonly findings: readonly FuzzFinding[];
  readonly engines: { readonly reference: EngineIdentity; readonly candidate: EngineIdentity };
  readonly candidateQuirksOff: readonly string[];
  /** Where the differential cases ran; `workers` are chromium pages there. */
  readonly target: TargetName;
}

const now = () => performance.now();

function identity(spec: EngineSpec, adapter: EngineAdapter): EngineIdentity {
  return 'builtin' in spec ? builtinIdentity(spec.builtin) : adapter.identity;
}

/** Share of the workers' wall time not spent inside engine calls. */
export function harnessShare(job: Pick<FuzzJobResult, 'timing' | 'wallMs' | 'workers'>): number {
  const capacity = job.wallMs * job.workers;
  return capacity <= 0 ? 0 : Math.max(0, 1 - job.timing.engineMs / capacity);
}

export async function runFuzz(options: FuzzRunOptions): Promise<FuzzReport> {
  if ((options.target ?? 'node') === 'node') return fuzzOn(null, options);
  const browser = await openChromium(options);
  try {
    return await fuzzOn(browser.target, options);
  } finally {
    await browser.close();
  }
}

/** The session's browser, or one launched for this fuzz run (closed after it). */
async function openChromium(options: FuzzRunOptions): Promise<{ target: ChromiumTarget; close(): Promise<void> }> {
  if (options.chromium) return { target: await options.chromium(), close: async () => undefined };
  const { ChromiumTarget } = await import('../targets/chromium/ChromiumTarget.ts');
  let target: ChromiumTarget;
  try {
    target = await ChromiumTarget.launch({ pages: options.workers, onIncident: (i) => options.onPhase?.(`chromium: ${i.caseId}: ${i.message}; replaced the page, the fuzz run goes on`) });
  } catch (error) {
    throw new PoolSetupError((error as Error).message);
  }
  return { target, close: () => target.close() };
}

/** The fuzz run on node (chromium null: the worker pool) or in the given browser. */
async function fuzzOn(chromium: ChromiumTarget | null, options: FuzzRunOptions): Promise<FuzzReport> {
  const { config, seed, budget, shard = WHOLE, candidateQuirks = {}, waivers = [], write = true, streamOptions = {}, onPhase } = options;
  const reference = options.reference ?? config.reference;
  const candidate = options.candidate ?? config.candidate;
  const regressionsDir = resolve(options.regressionsDir ?? resolve(config.baseDir, 'scenarios/regressions'));
  const compare = compareOptionsFor(config);
  const off = quirksOff(candidateQuirks);
  const knownOff = quirksOff(options.knownQuirks ?? candidateQuirks).filter((id) => off.includes(id));
  if (budget.runs === undefined && budget.timeMs === undefined) throw new RangeError('fuzz budget: expected runs or timeMs, got neither');

  // 1. plan, 2. fuzz
  const plan: RunPlan = budget.runs !== undefined ? { list: shardRuns(budget.runs, shard) } : { shard, timeMs: budget.timeMs! };
  // a divergence that goes away with the known-quirk flags back on is one of those quirks
  const attributeWith = knownOff.length > 0 ? { ...candidateQuirks, ...Object.fromEntries(knownOff.map((id) => [id, true])) } : undefined;
  const job = chromium
    ? await fuzzInBrowser(chromium, { plan, attributeWith, reference, candidate, compare }, options)
    : await fuzzInPool({ plan, attributeWith, reference, candidate, compare }, options);

  // 3. classify: a run is known only when every identity of its first diverging checkpoint is
  const known = loadKnownFingerprints(regressionsDir, waivers, options.today ?? todayUtc());
  const { knownGroups, fresh, knownRuns } = classifyRuns(job.divergences, known);

  // 4. minimize, write, make cases
  const findings: FuzzFinding[] = [];
  const t0 = now();
  if (fresh.size > 0) {
    const referenceAdapter = await loadAdapter(reference, config.baseDir);
    const candidateAdapter = await loadAdapter(candidate, config.baseDir);
    const engines = { reference: referenceAdapter, candidate: candidateAdapter, candidateQuirks };
    const identities = { reference: identity(reference, referenceAdapter), candidate: identity(candidate, candidateAdapter) };
    const context = { engines, assets: generatedAssets(), compare };
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const specs = { reference, candidate, candidateQuirks, baseDir: config.baseDir, images: generatedImagePaths(), compare };
    const minimizer = new MinimizeWorker();
    const where = chromium ? await minimizeWhere(chromium, { reference, candidate, candidateQuirks, timeoutMs }, context) : null;
    const target: TargetName = chromium ? 'chromium' : 'node';
    let minimized = 0;
    for (const [fingerprint, { identity, runs }] of [...fresh].sort((a, b) => a[1].runs[0].run - b[1].runs[0].run)) {
      const first = { ...runs[0], kind: identity.kind, signature: identity.signature };
      const stream = generateRun(seed, first.run, streamOptions);
      let result: MinimizeResult | undefined;
      let note: string | undefined;
      // on chromium: in-process on node when node shows the same divergence (fast), else in the page
      const on = where ? await where(stream, fingerprint) : null;
      if (first.kind === 'timeout') note = 'not minimized: the engine hung (each check would take the per-case time limit)';
      else if (options.shouldStop?.()) note = 'not minimized: the run was interrupted';
      else if (minimized >= (options.maxMinimize ?? DEFAULT_MAX_MINIMIZE)) note = `not minimized: more than ${options.maxMinimize ?? DEFAULT_MAX_MINIMIZE} minimizations in one run`;
      else {
        onPhase?.(`minimizing ${fingerprint} (${first.signature}) from run ${first.run}, ${stream.commands.length} steps${on ? ` on ${on.target}` : ''}`);
        // every attempt counts toward the cap, failed ones too: an engine that hangs on each
        // find must not cost the full time limit for every new fingerprint
        minimized++;
        try {
          const minimizeInput = { steps: stream.commands, viewport: stream.viewport, fingerprint, fuzz: { fcSeed: runSeed(seed, first.run), streamOptions } };
          // on node, in a worker under a watchdog: an engine that hangs on a reduced stream is stopped there
          result = on?.target === 'chromium'
            ? await minimize(minimizeInput, on.context, { timeMs: options.minimizeTimeMs, ...(options.minimizeCalls ? { maxCalls: options.minimizeCalls } : {}) })
            : await minimizer.minimize(minimizeInput, specs, { timeMs: options.minimizeTimeMs, timeoutMs, ...(options.minimizeCalls ? { maxCalls: options.minimizeCalls } : {}) });
        } catch (error) {
          // a hang of the engine (node: the worker's watchdog) or of the page ends minimization, not the fuzz run
          if (!(error instanceof MinimizeError) && on?.target !== 'chromium') throw error;
          note = `not minimized${on ? ` on ${on.target}` : ''}: ${(error as Error).message}`;
        }
      }
      const steps = result?.steps ?? stream.commands;
      const viewport = result?.viewport ?? stream.viewport;
      const id = `fuzz:${fingerprint}`;
      const input = { id, title: `fuzz run ${first.run}: ${first.signature}`, source: { kind: 'fuzz', seed, path: result?.fcPath ?? '', run: first.run } as const, viewport, steps };
      let c: CaseResult;
      if (chromium && first.kind !== 'timeout') {
        // the filed case is what the target shows (artifacts and evidence written by the target)
        const task = { input, assets: [...generatedImagePaths()], compare };
        const { engineKindOf } = await import('../targets/chromium/engineKind.ts');
        [c] = await chromium.runBatch([task], {
          reference: engineKindOf(reference), candidate: engineKindOf(candidate), candidateQuirks, ...(options.runDir ? { runDir: options.runDir } : {}),
        }, { timeoutMs });
      } else {
        // a hung engine is not run again in this process: its case is what the watchdog saw
        const outcome = first.kind === 'timeout'
          ? timeoutOutcome(input, first, pairName(identities.reference.name, identities.candidate.name))
          : await runCase(input, context.assets, engines, { compare, stopAtFirst: true, withDiffImages: options.runDir !== undefined });
        c = outcome.result;
        if (options.runDir && outcome.divergences.length > 0) {
          c = { ...c, divergences: storeWithArtifacts(options.runDir, id, outcome.divergences), ...(outcome.evidence ? { evidence: writeEvidence(options.runDir, id, outcome.evidence, outcome.divergences) } : {}) };
        }
      }
      let regression: RegressionWrite | undefined;
      if (write) {
        regression = writeRegression(regressionsDir, {
          fingerprint, viewport, steps, images: generatedImagePaths(),
          title: `Fuzz find: ${first.signature} (${identities.reference.name} vs ${identities.candidate.name})`,
          provenance: provenanceOf({
            tool: options.tool ?? 'parity fuzz', fingerprint, signature: first.signature, seed, run: first.run,
            names: { reference: specLabel(reference), candidate: specLabel(candidate) }, identities, off, originalSteps: stream.commands.length, result,
            ...(chromium ? { target, ...(result && on ? { minimizedOn: on.target } : {}) } : {}),
          }),
        });
      }
      findings.push({
        fingerprint, signature: first.signature, kind: first.kind, runs: runs.map((r) => r.run),
        ...(result ? { minimized: result } : {}), ...(result && on ? { minimizedOn: on.target } : {}), ...(note ? { note } : {}),
        ...(regression ? { file: regression.file, regression, replay: replayCommand(regression.file, engineChoice({ config, reference, candidate, candidateQuirks }), { target, divergence: fingerprint }) } : {}),
        case: c,
      });
    }
    await minimizer.close();
    await referenceAdapter.close?.();
    await candidateAdapter.close?.();
  }
  const minimizeMs = now() - t0;
  const interrupted = job.endedBy === 'interrupted' || (options.shouldStop?.() ?? false);

  return {
    seed, shard, budget, runs: job.runs, planned: 'list' in plan ? plan.list.length : interrupted ? null : job.runs, interrupted, endedBy: job.endedBy, workers: job.workers, wallMs: job.wallMs,
    casesPerSecond: job.wallMs > 0 ? (job.runs * 1000) / job.wallMs : 0,
    timing: { ...job.timing, harnessShare: harnessShare(job), minimizeMs },
    health: summarizeHealth(job.health),
    healthCounts: job.health,
    diverged: job.divergences.length,
    known: [...knownGroups].map(([key, g]) => ({ fingerprint: key.slice(key.indexOf(':') + 1), ...g })).sort((a, b) => b.runs - a.runs || (a.fingerprint < b.fingerprint ? -1 : 1)),
    knownRuns,
    newRuns: job.divergences.length - knownRuns,
    findings,
    engines: await engineIdentities(reference, candidate, config.baseDir),
    candidateQuirksOff: off,
    target: chromium ? 'chromium' : 'node',
  };
}

interface JobInput {
  readonly plan: RunPlan;
  readonly attributeWith?: QuirkFlags;
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  readonly compare: ReturnType<typeof compareOptionsFor>;
}

const describePlan = (seed: number, plan: RunPlan, shard: Shard) =>
  `fuzz: seed ${seed}, ${'list' in plan ? `${plan.list.length} run(s)` : `${plan.timeMs / 1000} s`}${shard.count > 1 ? ` (shard ${shard.index}/${shard.count})` : ''}`;

/** Step 2 on node: the worker pool generates and runs every case. */
async function fuzzInPool(input: JobInput, options: FuzzRunOptions): Promise<FuzzJobResult> {
  const { config, seed, shard = WHOLE, candidateQuirks = {}, streamOptions = {}, onPhase } = options;
  const { plan, attributeWith, reference, candidate, compare } = input;
  const off = quirksOff(candidateQuirks);
  const pool = options.pool ?? await FuzzPool.open(
    { reference, candidate, baseDir: config.baseDir, streamOptions, compare, coverage: options.coverage ?? DEFAULT_COVERAGE },
    { workers: options.workers ?? (config.workers || undefined), timeoutMs: options.timeoutMs ?? config.timeoutMs },
  );
  try {
    onPhase?.(`${describePlan(seed, plan, shard)} on ${pool.workers} worker(s)${off.length ? `, quirks off: ${off.join(', ')}` : ''}`);
    return await pool.run({
      seed, plan, candidateQuirks, shouldStop: options.shouldStop,
      ...(attributeWith ? { attributeWith } : {}),
      onChunk: (_r, totals) => options.onProgress?.(totals.runs, totals.divergences),
    });
  } finally {
    if (!options.pool) await pool.close();
  }
}

/** Step 2 on chromium: the same streams, generated here, their cases run in the browser. */
async function fuzzInBrowser(chromium: ChromiumTarget, input: JobInput, options: FuzzRunOptions): Promise<FuzzJobResult> {
  const { config, seed, shard = WHOLE, candidateQuirks = {}, streamOptions = {}, onPhase } = options;
  const { plan, attributeWith, reference, candidate, compare } = input;
  const { engineKindOf } = await import('../targets/chromium/engineKind.ts');
  const engines = { reference: engineKindOf(reference), candidate: engineKindOf(candidate) };
  const off = quirksOff(candidateQuirks);
  onPhase?.(`${describePlan(seed, plan, shard)} on target chromium, ${chromium.pageCount} page(s): ${engines.reference} vs ${engines.candidate}${off.length ? `, quirks off: ${off.join(', ')}` : ''}`);
  return fuzzOnChromium(chromium, {
    seed, plan, engines, candidateQuirks, ...(attributeWith ? { attributeWith } : {}), streamOptions, compare,
    coverage: options.coverage ?? DEFAULT_COVERAGE, timeoutMs: options.timeoutMs ?? config.timeoutMs, shouldStop: options.shouldStop,
    onChunk: (_r, totals) => options.onProgress?.(totals.runs, totals.divergences),
  });
}

type MinimizeContext = Parameters<typeof minimize>[1];

/**
 * Where a chromium find is minimized: on node (in-process, fast) when node shows the
 * same primary divergence for the stream — the engines are the same code, and the
 * cross-target check holds them to the same observations — else in the page itself
 * (harness/targets/chromium/chromiumAdapters.ts, one engine call per round trip).
 */
async function minimizeWhere(
  chromium: ChromiumTarget,
  o: { reference: EngineSpec; candidate: EngineSpec; candidateQuirks: QuirkFlags; timeoutMs: number },
  node: MinimizeContext,
): Promise<(stream: { commands: MinimizeResult['steps']; viewport: MinimizeResult['viewport'] }, fingerprint: string) => Promise<{ target: TargetName; context: MinimizeContext }>> {
  const { chromiumAdapters } = await import('../targets/chromium/chromiumAdapters.ts');
  const page: MinimizeContext = { ...node, engines: { ...chromiumAdapters(chromium, o, { timeoutMs: o.timeoutMs }), candidateQuirks: o.candidateQuirks } };
  return async (stream, fingerprint) => (await new Oracle(node).reproduces(stream.commands, stream.viewport, fingerprint)
    ? { target: 'node', context: node }
    : { target: 'chromium', context: page });
}

interface Classified {
  /** `<by>:<identity>` -> the known group. */
  readonly knownGroups: Map<string, { signature: string; by: KnownBy; runs: number; where?: string }>;
  /** New identity -> the runs that showed it, lowest run first. */
  readonly fresh: Map<string, { identity: RunIdentity; runs: RunDivergence[] }>;
  readonly knownRuns: number;
}

/**
 * Step 3: every identity of a run's first diverging checkpoint is known (a saved
 * regression, an unexpired waiver, or — when the run passes with the wave's dropped flags
 * back on — a quirk) or new. A run with one new identity is a new run, whatever else it shows.
 */
function classifyRuns(divergences: readonly RunDivergence[], known: KnownFingerprints): Classified {
  const knownGroups: Classified['knownGroups'] = new Map();
  const fresh: Classified['fresh'] = new Map();
  let knownRuns = 0;
  for (const d of divergences) {
    let isNew = false;
    for (const identity of d.identities) {
      const by = knownBy(known, identity.fingerprint, d.attributed);
      if (by === null) {
        isNew = true;
        const f = fresh.get(identity.fingerprint) ?? { identity, runs: [] };
        f.runs.push(d);
        fresh.set(identity.fingerprint, f);
        continue;
      }
      const key = `${by}:${identity.fingerprint}`;
      const g = knownGroups.get(key) ?? {
        signature: identity.signature, by, runs: 0,
        ...(by === 'regression' ? { where: known.regressions.get(identity.fingerprint) } : by === 'waiver' ? { where: `waiver ${known.waivers.get(identity.fingerprint)}` } : {}),
      };
      g.runs++;
      knownGroups.set(key, g);
    }
    if (!isNew) knownRuns++;
  }
  return { knownGroups, fresh, knownRuns };
}

function timeoutOutcome(input: CaseInput, d: RunDivergence, pair: string): CaseOutcome {
  const raw = engineTimeout(d.engine ?? 'candidate', d.timeoutMs ?? 0, { step: d.step });
  const timeout = identified(raw, { pair, steps: input.steps, cause: { step: d.step, command: commandShape(input.steps[d.step]) } });
  const result: CaseResult = {
    id: input.id, title: input.title, source: input.source, status: 'timeout', steps: input.steps.length, checkpoints: 0,
    divergences: [timeout], timing: { referenceMs: 0, candidateMs: 0, compareMs: 0, totalMs: d.timeoutMs ?? 0 },
  };
  return { result, divergences: [timeout] };
}

async function engineIdentities(reference: EngineSpec, candidate: EngineSpec, baseDir: string): Promise<FuzzReport['engines']> {
  const of = async (spec: EngineSpec) => {
    if ('builtin' in spec) return builtinIdentity(spec.builtin);
    const a = await loadAdapter(spec, baseDir);
    await a.close?.();
    return a.identity;
  };
  return { reference: await of(reference), candidate: await of(candidate) };
}

/** The gate's view of a fuzz report (harness/results/types.ts): runs and identities kept apart. */
export function fuzzSummary(report: FuzzReport): FuzzSummary {
  return {
    seed: report.seed,
    budget: report.budget,
    planned: report.budget.runs !== undefined ? shardRuns(report.budget.runs, report.shard).length : report.runs,
    runs: report.runs,
    passed: report.runs - report.diverged,
    diverged: report.diverged,
    knownRuns: report.knownRuns,
    knownFingerprints: [...new Set(report.known.map((k) => k.fingerprint))].sort(),
    newFingerprints: [...new Set(report.findings.map((f) => f.fingerprint))].sort(),
    ...(report.interrupted ? { interrupted: true } : {}),
    stats: fuzzStats(report.healthCounts),
  };
}
