/**
 * `parity run`: scenario files through the reference and the candidate on a worker
 * pool, with an A-vs-A determinism check on a sample first, results.json appended as
 * cases finish, then JUnit and the summary. reports/latest points at the newest run.
 */
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import { builtinIdentity, loadAdapter, specLabel } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { EngineIdentity } from '../engines/types.ts';
import { toJunit } from '../results/junit.ts';
import { ResultsWriter } from '../results/resultsWriter.ts';
import { summarize } from '../results/summarize.ts';
import type { CaseResult, Determinism, RunResults } from '../results/types.ts';
import { loadCases } from './loadCases.ts';
import { runPool } from './pool.ts';
import type { CaseTask } from './tasks.ts';
import { findScenarios } from '../protocol/findScenarios.ts';

export interface RunScenariosOptions {
  readonly config: ParityConfig;
  readonly paths: readonly string[];
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
}

export interface RunOutcome {
  readonly results: RunResults;
  readonly runDir: string;
}

export function newRunId(date = new Date()): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `${stamp}-${process.pid.toString(36)}`;
}

export async function identityOf(spec: EngineSpec, baseDir: string): Promise<EngineIdentity> {
  if ('builtin' in spec) return builtinIdentity(spec.builtin);
  const adapter = await loadAdapter(spec, baseDir);
  await adapter.close?.();
  return adapter.identity;
}

/** A deterministic sample: the first n cases by id. */
export function determinismSample(tasks: readonly CaseTask[], n: number): CaseTask[] {
  return [...tasks].sort((a, b) => (a.input.id < b.input.id ? -1 : 1)).slice(0, n);
}

export async function runScenarios(options: RunScenariosOptions): Promise<RunOutcome> {
  const { config, command, onResult, onPhase, shouldStop } = options;
  const reference = options.reference ?? config.reference;
  const candidate = options.candidate ?? config.candidate;
  const workers = options.workers ?? (config.workers || undefined);
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;

  // 1. inputs: files, then scenarios (bad ones become error cases)
  const files = findScenarios(options.paths.length > 0 ? options.paths : config.scenarios.map((s) => resolve(config.baseDir, s)));
  const { tasks, errors } = loadCases(files, config);

  // 2. the run folder and results file
  const reportsDir = resolve(options.reportsDir ?? 'reports');
  const runId = options.runId ?? newRunId();
  const runDir = join(reportsDir, runId);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const engines = { reference: await identityOf(reference, config.baseDir), candidate: await identityOf(candidate, config.baseDir) };
  if (options.candidateQuirks && Object.keys(options.candidateQuirks).length > 0) {
    const off = Object.entries(options.candidateQuirks).filter(([, on]) => !on).map(([id]) => id);
    engines.candidate = { ...engines.candidate, name: `${engines.candidate.name} (quirks off: ${off.join(', ')})` };
  }
  const startedAt = new Date();
  const writer = new ResultsWriter(join(runDir, 'results.json'), { id: runId, command, target: 'node', startedAt: startedAt.toISOString() }, engines);
  const total = tasks.length + errors.length;
  let done = 0;
  const record = (r: CaseResult) => {
    writer.add(r);
    onResult?.(r, ++done, total);
  };
  errors.forEach(record);

  // 3. A-vs-A: the reference against itself on a sample, to detect non-determinism
  let determinism: Determinism | undefined;
  const sample = determinismSample(tasks, config.determinismSample);
  if (sample.length > 0 && !shouldStop?.()) {
    onPhase?.(`determinism check: ${specLabel(reference)} against itself on ${sample.length} case(s)`);
    const aa = await runPool(sample, { reference, candidate: reference, baseDir: config.baseDir }, { workers, timeoutMs, shouldStop });
    determinism = {
      sampled: sample.map((t) => t.input.id),
      nondeterministic: aa.filter((r) => r.status === 'divergence').map((r) => r.id).sort(),
    };
  }

  // 4. the differential run
  onPhase?.(`running ${tasks.length} case(s): ${specLabel(reference)} vs ${specLabel(candidate)}`);
  await runPool(tasks, {
    reference,
    candidate,
    candidateQuirks: options.candidateQuirks,
    runDir,
    baseDir: config.baseDir,
  }, { workers, timeoutMs, shouldStop, onResult: record });

  // 5. finish: results.json (sorted, with summary), junit.xml, reports/latest
  const interrupted = shouldStop?.() ?? false;
  const summary = summarize(writer.results, { interrupted, determinism });
  const results = writer.close({ finishedAt: new Date().toISOString(), durationMs: Date.now() - startedAt.getTime(), summary, determinism });
  writeFileSync(join(runDir, 'junit.xml'), toJunit(results));
  pointLatest(reportsDir, runId);
  return { results, runDir };
}

/** reports/latest -> the newest run (a relative symlink, replaced atomically enough for CI). */
export function pointLatest(reportsDir: string, runId: string): void {
  const link = join(reportsDir, 'latest');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(runId, link);
}
