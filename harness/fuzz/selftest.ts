/**
 * `parity selftest` (issue 5, item 4): the harness's detection power. Each compat flag
 * of the Wasm engine is a mutant: with that one flag off (all others on), the engine does
 * what the catalogue calls correct, and the fuzzer must notice. Per mutant:
 *   1. fuzz until the first divergence that disappears with every flag on (a port bug
 *      would diverge either way and is not counted), or until the budget runs out
 *   2. minimize it (time-bounded; the smallest of up to 3 finds) and write the reproducer
 * One pool serves every mutant; the flags travel with each chunk of runs.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { QuirkId } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import { builtinIdentity, loadAdapter, specLabel } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import { WHOLE } from '../gate/shard.ts';
import { MinimizeError } from '../minimize/minimize.ts';
import { MinimizeWorker } from '../minimize/minimizeInWorker.ts';
import type { MinimizeResult } from '../minimize/minimize.ts';
import { writeRegression } from '../minimize/writeRegression.ts';
import { compareOptionsFor } from '../run/loadCases.ts';
import { NO_COVERAGE } from './coverageSample.ts';
import { generatedImagePaths } from './generatedAssets.ts';
import { generateRun } from './generateRun.ts';
import { FuzzPool } from './fuzzPool.ts';
import { engineChoice, replayCommand } from '../results/replayHint.ts';
import { provenanceOf } from './provenance.ts';
import { runSeed } from './runSeed.ts';

export const SELFTEST_BUDGET_MS = 30_000;
export const SELFTEST_MINIMIZE_MS = 10_000;
/**
 * After the first divergence a mutant causes, the fuzzer goes on for up to GRACE_MS
 * to collect up to CANDIDATES of them; each is minimized and the smallest reproducer
 * kept (streams shrink unevenly). Detection time is the first one's.
 */
const CANDIDATES = 3;
const GRACE_MS = 1_000;

export interface SelftestOptions {
  readonly config: ParityConfig;
  readonly reference?: EngineSpec;
  readonly candidate?: EngineSpec;
  readonly seed?: number;
  /** Fuzzing budget per mutant. */
  readonly budgetMs?: number;
  readonly minimizeTimeMs?: number;
  readonly quirks?: readonly QuirkId[];
  readonly workers?: number;
  readonly timeoutMs?: number;
  /** Reproducers go to <dir>/<quirk>/<fingerprint>.yaml; none written without it. */
  readonly outDir?: string;
  readonly onMutant?: (row: MutantResult) => void;
  readonly onPhase?: (text: string) => void;
  readonly shouldStop?: () => boolean;
}

export interface MutantResult {
  readonly quirk: QuirkId;
  readonly killed: boolean;
  /** Runs done before the kill (or in the whole budget). */
  readonly runs: number;
  readonly detectMs?: number;
  /** Divergences that also happen with every flag on (port bugs, not this mutant). */
  readonly unattributed: number;
  readonly run?: number;
  readonly fingerprint?: string;
  readonly signature?: string;
  readonly originalSteps?: number;
  readonly reproSteps?: number;
  readonly oneMinimal?: boolean;
  /** Over every candidate minimized. */
  readonly minimizeMs?: number;
  /** Divergences minimized to pick the smallest reproducer. */
  readonly candidates?: number;
  readonly file?: string;
  readonly replay?: string;
  readonly note?: string;
}

export interface SelftestReport {
  readonly seed: number;
  readonly budgetMs: number;
  readonly mutants: readonly MutantResult[];
  readonly killed: number;
  /** Over every mutant, survivors counted at the budget. */
  readonly medianDetectS: number;
  /** Over killed mutants with a reproducer. */
  readonly medianReproSteps: number;
  readonly medianMinimizeS: number;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export async function runSelftest(options: SelftestOptions): Promise<SelftestReport> {
  const { config, seed = 1, budgetMs = SELFTEST_BUDGET_MS, minimizeTimeMs = SELFTEST_MINIMIZE_MS, quirks = QUIRK_IDS, onPhase } = options;
  const reference = options.reference ?? config.reference;
  const candidate = options.candidate ?? config.candidate;
  const compare = compareOptionsFor(config);
  const pool = await FuzzPool.open(
    { reference, candidate, baseDir: config.baseDir, streamOptions: {}, compare, coverage: NO_COVERAGE },
    { workers: options.workers ?? (config.workers || undefined), timeoutMs: options.timeoutMs ?? config.timeoutMs },
  );
  const referenceAdapter = await loadAdapter(reference, config.baseDir);
  const candidateAdapter = await loadAdapter(candidate, config.baseDir);
  const identities = {
    reference: 'builtin' in reference ? builtinIdentity(reference.builtin) : referenceAdapter.identity,
    candidate: 'builtin' in candidate ? builtinIdentity(candidate.builtin) : candidateAdapter.identity,
  };
  const minimizer = new MinimizeWorker();
  const mutants: MutantResult[] = [];
  try {
    for (const quirk of quirks) {
      if (options.shouldStop?.()) break;
      onPhase?.(`selftest: ${quirk} off`);
      const flags = { [quirk]: false };
      // 1. fuzz until the first attributed divergence (then a moment longer, for a few to choose from)
      const job = await pool.run({
        seed, plan: { shard: WHOLE, timeMs: budgetMs }, candidateQuirks: flags, attributeWith: {}, stopOnDivergence: true,
        collect: { divergences: CANDIDATES, graceMs: GRACE_MS }, chunkSize: 8, shouldStop: options.shouldStop,
      });
      const hits = job.divergences.filter((d) => d.attributed === true).slice(0, CANDIDATES);
      const unattributed = job.divergences.filter((d) => d.attributed === false).length;
      if (hits.length === 0) {
        const row: MutantResult = { quirk, killed: false, runs: job.runs, unattributed, note: `survived ${job.runs} run(s) in ${(job.wallMs / 1000).toFixed(1)} s` };
        mutants.push(row);
        options.onMutant?.(row);
        continue;
      }
      // 2. minimize each candidate (sharing the budget), keep the smallest reproducer
      const specs = { reference, candidate, candidateQuirks: flags, baseDir: config.baseDir, images: generatedImagePaths(), compare };
      let best: { hit: (typeof hits)[number]; result: MinimizeResult; originalSteps: number } | null = null;
      let minimizeMs = 0;
      let note: string | undefined;
      for (const hit of hits) {
        const stream = generateRun(seed, hit.run);
        try {
          // in a worker under a watchdog: a mutant that hangs on a reduced stream is stopped there
          const result = await minimizer.minimize(
            { steps: stream.commands, viewport: stream.viewport, fingerprint: hit.fingerprint, fuzz: { fcSeed: runSeed(seed, hit.run) } },
            specs, { timeMs: minimizeTimeMs / hits.length, timeoutMs: options.timeoutMs ?? config.timeoutMs },
          );
          minimizeMs += result.timing.totalMs;
          if (!best || result.steps.length < best.result.steps.length) best = { hit, result, originalSteps: stream.commands.length };
        } catch (error) {
          if (!(error instanceof MinimizeError)) throw error;
          note = `not minimized: ${error.message}`;
        }
      }
      const hit = best?.hit ?? hits[0];
      let row: MutantResult = {
        quirk, killed: true, runs: job.runs, detectMs: job.firstDivergenceMs, unattributed, run: hit.run,
        fingerprint: hit.fingerprint, signature: hit.signature, originalSteps: best?.originalSteps ?? generateRun(seed, hit.run).commands.length,
        ...(note && !best ? { note } : {}),
      };
      if (best) {
        const { result } = best;
        row = { ...row, reproSteps: result.steps.length, oneMinimal: result.minimality.oneMinimal, minimizeMs, candidates: hits.length };
        if (options.outDir) {
          rmSync(resolve(options.outDir, quirk), { recursive: true, force: true }); // this run's reproducer only
          const { file } = writeRegression(resolve(options.outDir, quirk), { // a fresh folder: always written
            fingerprint: result.fingerprint, viewport: result.viewport, steps: result.steps, images: generatedImagePaths(),
            title: `Selftest: ${quirk} off is detected (${result.signature})`,
            provenance: provenanceOf({ tool: 'parity selftest', fingerprint: result.fingerprint, signature: result.signature, seed, run: hit.run, names: { reference: specLabel(reference), candidate: specLabel(candidate) }, identities, off: [quirk], originalSteps: best.originalSteps, result }),
          });
          row = { ...row, file, replay: replayCommand(file, engineChoice({ config, reference, candidate, candidateQuirks: flags }), { divergence: result.fingerprint }) };
        }
      }
      mutants.push(row);
      options.onMutant?.(row);
    }
  } finally {
    await pool.close();
    await minimizer.close();
    await referenceAdapter.close?.();
    await candidateAdapter.close?.();
  }
  const killed = mutants.filter((m) => m.killed);
  return {
    seed, budgetMs, mutants, killed: killed.length,
    medianDetectS: median(mutants.map((m) => (m.killed ? m.detectMs ?? 0 : budgetMs) / 1000)),
    medianReproSteps: median(killed.flatMap((m) => (m.reproSteps !== undefined ? [m.reproSteps] : []))),
    medianMinimizeS: median(killed.flatMap((m) => (m.minimizeMs !== undefined ? [m.minimizeMs / 1000] : []))),
  };
}

const fixed = (x: number, d: number) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** One table row per mutant, then the line CI greps. */
export function formatSelftest(r: SelftestReport): string {
  const head = `${'quirk (flag off)'.padEnd(28)}${'result'.padEnd(9)}${'detect'.padStart(8)}${'runs'.padStart(8)}${'min.'.padStart(7)}${'steps'.padStart(11)}  fingerprint / signature`;
  const rows = r.mutants.map((m) => {
    const steps = m.reproSteps !== undefined ? `${m.originalSteps}->${m.reproSteps}${m.oneMinimal ? '' : '*'}` : '';
    return `${m.quirk.padEnd(28)}${(m.killed ? 'killed' : 'SURVIVED').padEnd(9)}${(m.detectMs !== undefined ? `${(m.detectMs / 1000).toFixed(2)}s` : '').padStart(8)}${String(m.runs).padStart(8)}${(m.minimizeMs !== undefined ? `${(m.minimizeMs / 1000).toFixed(1)}s` : '').padStart(7)}${steps.padStart(11)}  ${m.fingerprint ? `${m.fingerprint} ${m.signature}` : m.note ?? ''}`;
  });
  const files = r.mutants.filter((m) => m.replay).map((m) => `  ${m.replay}`);
  const notes = r.mutants.some((m) => m.reproSteps !== undefined && !m.oneMinimal) ? ['* not 1-minimal (minimization budget ran out)'] : [];
  return [
    `parity selftest: seed ${r.seed}, budget ${(r.budgetMs / 1000).toFixed(0)} s per mutant`,
    head, ...rows, ...notes,
    ...(files.length ? ['reproducers:', ...files] : []),
    `selftest killed=${r.killed}/${r.mutants.length} median_detect_s=${fixed(r.medianDetectS, 2)} median_repro_steps=${fixed(r.medianReproSteps, 0)}`,
  ].join('\n');
}
