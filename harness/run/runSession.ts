/**
 * One run folder from start to finish: reports/<run-id>/ with results.json appended as
 * cases finish, the worker-pool phases that fill it, and the closing files (results.json
 * sorted with its summary, junit.xml, reports/latest). `parity run` and `parity gate`
 * are both built from it.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import { adapterPath, builtinIdentity, EngineLoadError, specLabel } from '../engines/registry.ts';
import { probeAdapterModule } from '../engines/moduleProbe.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { EngineIdentity } from '../engines/types.ts';
import { toJunit } from '../results/junit.ts';
import { ResultsWriter } from '../results/resultsWriter.ts';
import { summarize } from '../results/summarize.ts';
import { engineChoice } from '../results/replayHint.ts';
import type { CaseResult, Determinism, FuzzSummary, GateOutcome, RunEngines, RunResults } from '../results/types.ts';
import { decide } from '../results/verdict.ts';
import type { Verdict, VerdictKind } from '../results/verdict.ts';
import { judgeSelfRun } from './determinism.ts';
import type { PoolOptions } from './pool.ts';
import type { CaseTask, WorkerSetup } from './tasks.ts';
import type { TargetName } from '../targets/target.ts';
import { targetRunner } from '../targets/targetRunner.ts';
import type { TargetRunner } from '../targets/targetRunner.ts';

export interface RunSessionOptions {
  readonly config: ParityConfig;
  readonly reference?: EngineSpec;
  readonly candidate?: EngineSpec;
  readonly candidateQuirks?: QuirkFlags;
  readonly workers?: number;
  readonly timeoutMs?: number;
  readonly reportsDir?: string;
  readonly runId?: string;
  readonly command: string;
  readonly onResult?: (result: CaseResult, done: number, total: number) => void;
  readonly onPhase?: (phase: string) => void;
  readonly shouldStop?: () => boolean;
  /** Where the engines run (default node): chromium = a page hosting both engines (harness/targets/chromium). */
  readonly target?: TargetName;
  /** Chromium: draw every checkpoint on the page and screenshot each case into <run>/present/. */
  readonly present?: boolean;
}

export function newRunId(date = new Date()): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${process.pid.toString(36)}`;
}

/** An engine's identity; a module is loaded only in a probe worker, under the per-case time limit. */
export async function identityOf(spec: EngineSpec, baseDir: string, timeoutMs?: number): Promise<EngineIdentity> {
  if ('builtin' in spec) return builtinIdentity(spec.builtin);
  adapterPath(spec, baseDir);
  return probeAdapterModule(spec, baseDir, timeoutMs);
}

/** A deterministic sample: the first n cases by id. */
export function determinismSample(tasks: readonly CaseTask[], n: number): CaseTask[] {
  return [...tasks].sort((a, b) => (a.input.id < b.input.id ? -1 : 1)).slice(0, n);
}

/** reports/latest -> the newest run (a relative symlink). */
export function pointLatest(reportsDir: string, runId: string): void {
  const link = join(reportsDir, 'latest');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(runId, link);
}

/** The identity recorded for an engine that could not be loaded. */
function notLoaded(spec: EngineSpec): EngineIdentity {
  return { name: specLabel(spec), version: 'unknown', build: 'not loaded' };
}

/**
 * An engine that cannot be loaded ends the run before any case: the run folder still
 * gets results.json and junit.xml with the verdict (exit 2 for a module that fails to
 * load, 3 for anything else), then the error goes up to the CLI naming the folder.
 */
function closeUnstarted(writer: ResultsWriter, runDir: string, reportsDir: string, runId: string, command: string, error: unknown): never {
  const input = error instanceof EngineLoadError;
  const reason = input ? error.message : `the engines could not be loaded: ${(error as Error)?.message ?? String(error)}`;
  const verdict = decide({ kind: command.startsWith('gate') ? 'gate' : 'run', cases: [], interrupted: false, failure: { exitClass: input ? 2 : 3, reason } });
  const results = writer.close({
    finishedAt: new Date().toISOString(), durationMs: 0, summary: summarize([], verdict, { interrupted: false, planned: 0 }), verdict, cases: [],
  });
  writeFileSync(join(runDir, 'junit.xml'), toJunit(results));
  pointLatest(reportsDir, runId);
  const shown = relative(process.cwd(), runDir);
  const where = `(verdict in ${shown.startsWith('..') ? runDir : shown}/results.json)`;
  if (input) throw new EngineLoadError(`${error.message} ${where}`);
  throw new Error(`${reason} ${where}`);
}

export class RunSession {
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  private expected = 0;
  private done = 0;
  private determinism: Determinism | undefined;
  /** Cases already recorded by the determinism check (their input is bad): not run again. */
  private readonly settled = new Set<string>();
  private readonly startedAt = new Date();
  /** Runs case batches on the session's target (one browser per session for chromium). */
  readonly runner: TargetRunner;

  private constructor(
    readonly options: RunSessionOptions,
    readonly runId: string,
    readonly runDir: string,
    readonly reportsDir: string,
    readonly engines: RunEngines,
    private readonly writer: ResultsWriter,
  ) {
    this.reference = options.reference ?? options.config.reference;
    this.candidate = options.candidate ?? options.config.candidate;
    this.runner = targetRunner({
      target: options.target ?? 'node',
      pages: options.workers,
      present: options.present,
      presentDir: join(runDir, 'present'),
      onIncident: options.onPhase,
    });
  }

  static async open(options: RunSessionOptions): Promise<RunSession> {
    const { config } = options;
    const reference = options.reference ?? config.reference;
    const candidate = options.candidate ?? config.candidate;
    const reportsDir = resolve(options.reportsDir ?? 'reports');
    const runId = options.runId ?? newRunId();
    const runDir = join(reportsDir, runId);
    // the flags as data (what a replay repeats); the display name spells them out for people only
    const choice = engineChoice({ config, reference, candidate, candidateQuirks: options.candidateQuirks });
    const off = choice.quirksOff;
    const timeoutMs = options.timeoutMs ?? config.timeoutMs;
    const loaded = await Promise.allSettled([identityOf(reference, config.baseDir, timeoutMs), identityOf(candidate, config.baseDir, timeoutMs)]);
    const [referenceIdentity, candidateIdentity] = loaded.map((r, i) => (r.status === 'fulfilled' ? r.value : notLoaded([reference, candidate][i])));
    const engines: RunEngines = {
      reference: referenceIdentity,
      candidate: off.length > 0 ? { ...candidateIdentity, name: `${candidateIdentity.name} (quirks off: ${off.join(', ')})` } : candidateIdentity,
      choice,
    };
    rmSync(runDir, { recursive: true, force: true });
    mkdirSync(runDir, { recursive: true });
    const writer = new ResultsWriter(join(runDir, 'results.json'), { id: runId, command: options.command, target: options.target ?? 'node', startedAt: new Date().toISOString() }, engines);
    const failure = loaded.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure) closeUnstarted(writer, runDir, reportsDir, runId, options.command, failure.reason);
    return new RunSession(options, runId, runDir, reportsDir, engines, writer);
  }

  /** Announces how many cases will be recorded in all (for progress). */
  expect(n: number): void {
    this.expected += n;
  }

  record(result: CaseResult): void {
    this.writer.add(result);
    this.options.onResult?.(result, ++this.done, Math.max(this.expected, this.done));
  }

  get results(): readonly CaseResult[] {
    return this.writer.results;
  }

  private get poolOptions() {
    const { config, workers, timeoutMs } = this.options;
    return {
      workers: workers ?? (config.workers || undefined), timeoutMs: timeoutMs ?? config.timeoutMs, shouldStop: this.options.shouldStop,
      onIncident: (message: string) => this.options.onPhase?.(`incident: ${message}`),
    };
  }

  /**
   * Once per run: the reference against itself on a sample, to detect non-determinism
   * (./determinism.ts). A sampled case whose input is bad is recorded as that case's
   * input error here and not run again; crashes and hangs are left to the differential run.
   */
  async checkDeterminism(tasks: readonly CaseTask[]): Promise<void> {
    const { config, onPhase, shouldStop } = this.options;
    const sample = determinismSample(tasks, config.determinismSample);
    if (sample.length === 0 || shouldStop?.()) return;
    onPhase?.(`determinism check: ${specLabel(this.reference)} against itself on ${sample.length} case(s)`);
    const aa = await this.pool(sample, { reference: this.reference, candidate: this.reference, baseDir: config.baseDir }, this.poolOptions);
    const verdicts = aa.map((r) => [r, judgeSelfRun(r)] as const);
    for (const [r] of verdicts.filter(([, v]) => v === 'input-error')) {
      this.settled.add(r.id);
      this.record(r);
    }
    const previous = this.determinism ?? { sampled: [], nondeterministic: [] };
    this.determinism = {
      // only the cases the reference really ran twice (an interrupted check ran fewer)
      sampled: [...previous.sampled, ...verdicts.filter(([, v]) => v !== 'input-error').map(([r]) => r.id)].sort(),
      nondeterministic: [...previous.nondeterministic, ...verdicts.filter(([, v]) => v === 'differs').map(([r]) => r.id)].sort(),
    };
  }

  /** The differential phase over tasks; results are recorded as they finish. */
  async runTasks(all: readonly CaseTask[], label: string, quirks: QuirkFlags | undefined = this.options.candidateQuirks): Promise<CaseResult[]> {
    const { config, onPhase } = this.options;
    const tasks = all.filter((t) => !this.settled.has(t.input.id));
    if (tasks.length === 0) return [];
    onPhase?.(`${label}: ${tasks.length} case(s), ${specLabel(this.reference)} vs ${specLabel(this.candidate)}`);
    return this.pool(tasks, {
      reference: this.reference, candidate: this.candidate, candidateQuirks: quirks, runDir: this.runDir, baseDir: config.baseDir,
    }, { ...this.poolOptions, onResult: (r) => this.record(r) });
  }

  /** Re-runs tasks without recording them (e.g. with other compat flags, to attribute a divergence). */
  async rerun(tasks: readonly CaseTask[], quirks: QuirkFlags | undefined): Promise<CaseResult[]> {
    if (tasks.length === 0) return [];
    return this.pool(tasks, { reference: this.reference, candidate: this.candidate, candidateQuirks: quirks, baseDir: this.options.config.baseDir }, this.poolOptions);
  }

  /** The worker pool (node) or the browser (chromium): one place, so run, gate and reruns follow --target. */
  pool(tasks: readonly CaseTask[], setup: WorkerSetup, options: PoolOptions): Promise<CaseResult[]> {
    return this.runner.run(tasks, setup, options);
  }

  get target(): TargetName {
    return this.runner.target;
  }

  /** Cases announced with expect(): what the run meant to run (never fewer than it recorded). */
  get planned(): number {
    return Math.max(this.expected, this.writer.results.length);
  }

  /** The stop signal (Ctrl-C, or a test's callback) came: what was recorded is all there is. */
  get interrupted(): boolean {
    return this.options.shouldStop?.() ?? false;
  }

  /**
   * Finalizes results.json (optionally with the gate's classified cases and verdict; else
   * the verdict of `kind`, default run), junit.xml and reports/latest. An interrupted run
   * says so: `summary.interrupted` and `summary.planned` (the cases announced with
   * expect()), and exit class 3.
   */
  close(final: { cases?: readonly CaseResult[]; gate?: GateOutcome; verdict?: Verdict; kind?: VerdictKind; fuzz?: FuzzSummary } = {}): RunResults {
    const cases = final.cases ?? this.writer.results;
    const interrupted = this.interrupted;
    const planned = interrupted ? this.planned : cases.length;
    const verdict = final.verdict ?? decide({
      kind: final.kind ?? 'run', cases, planned, interrupted, determinism: this.determinism, ...(final.fuzz ? { fuzz: final.fuzz } : {}),
    });
    const results = this.writer.close({
      finishedAt: new Date().toISOString(),
      durationMs: Date.now() - this.startedAt.getTime(),
      summary: summarize(cases, verdict, { interrupted, planned }),
      verdict,
      determinism: this.determinism,
      cases,
      gate: final.gate,
    });
    writeFileSync(join(this.runDir, 'junit.xml'), toJunit(results));
    pointLatest(this.reportsDir, this.runId);
    void this.runner.close().catch(() => undefined);
    return results;
  }

  get determinismResult(): Determinism | undefined {
    return this.determinism;
  }
}
