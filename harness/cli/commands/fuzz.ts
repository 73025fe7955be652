/**
 * `parity fuzz [--seed S] [--runs N | --time 60s] [--shard i/n]`: replays the saved
 * regressions, then runs generated streams through reference and candidate on all
 * cores; prints stream health, the quirk coverage table and the divergences found; each
 * new one is minimized and written to scenarios/regressions/<fingerprint>.yaml.
 * `--target chromium`: the regressions and the fuzz cases run in a browser page (the
 * streams are still generated in Node, so a seed explores the same streams on both).
 * Exit: 0 nothing new and every saved regression passes, 1 a new divergence or a saved
 * regression that still diverges, 2 usage or a bad regression file, 3 an engine
 * crash/hang, infrastructure, or an interrupted run (no verdict).
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { loadConfig } from '../../config/loadConfig.ts';
import { formatFuzzReport } from '../../fuzz/formatFuzzReport.ts';
import type { RegressionReplay } from '../../fuzz/formatFuzzReport.ts';
import { DEFAULT_FUZZ_RUNS, DEFAULT_FUZZ_SEED, fuzzSummary, runFuzz } from '../../fuzz/runFuzz.ts';
import { parseShard } from '../../gate/shard.ts';
import { findScenarios } from '../../protocol/findScenarios.ts';
import { createProgress } from '../../report/console/progress.ts';
import { loadCases } from '../../run/loadCases.ts';
import { RunSession } from '../../run/runSession.ts';
import type { CaseResult } from '../../results/types.ts';
import { onInterrupt } from '../interrupt.ts';
import type { CommonOptions } from '../options.ts';
import { sessionOptions } from '../sessionOptions.ts';
import { UsageError } from '../usage.ts';

export async function fuzzCommand(o: CommonOptions, argv: readonly string[]): Promise<number> {
  if (o.positionals.length > 0) throw new UsageError(`fuzz: expected no arguments, got ${o.positionals.join(' ')} (see parity --help)`);
  if (o.runs !== undefined && o.timeMs !== undefined) throw new UsageError('fuzz: expected --runs N or --time DURATION, got both');
  const config = loadConfig(o.config);
  const shard = o.shard !== undefined ? parseShard(o.shard) : undefined;
  const regressionsDir = resolve(o.regressions ?? resolve(config.baseDir, 'scenarios/regressions'));
  const progress = createProgress(process.stderr, o.json);
  const interrupt = onInterrupt();
  const tty = process.stderr.isTTY === true && !o.json;
  try {
    // per-case progress stays off here: fuzz reports runs in its own progress lines
    const session = await RunSession.open({
      ...sessionOptions(o, config, ['fuzz', ...argv], progress, interrupt.stopped), onResult: undefined, present: undefined,
    });

    // 1. saved regressions first
    let regressions: RegressionReplay = { replayed: 0, failing: [] };
    if (existsSync(regressionsDir)) {
      const loaded = loadCases(findScenarios([regressionsDir]), config);
      session.expect(loaded.tasks.length + loaded.errors.length);
      loaded.errors.forEach((e) => session.record(e));
      const results = await session.runTasks(loaded.tasks, 'saved regressions');
      regressions = {
        replayed: loaded.tasks.length,
        failing: [...loaded.errors, ...results].filter((r) => r.status !== 'pass').map((r) => [r.source.kind === 'scenario' ? r.source.file : r.id, r.status] as const),
      };
    }

    // 2. fuzz
    let lastDraw = 0;
    const report = await runFuzz({
      config, reference: session.reference, candidate: session.candidate, seed: o.seed ?? DEFAULT_FUZZ_SEED,
      budget: o.timeMs !== undefined ? { timeMs: o.timeMs } : { runs: o.runs ?? DEFAULT_FUZZ_RUNS },
      // --quirk-off simulates a port bug (as in `parity gate`): its divergences are new, not known quirks
      shard, candidateQuirks: o.candidateQuirks, knownQuirks: {}, waivers: config.waivers, regressionsDir, write: !o.dryRun,
      ...(o.coverageAll ? { coverage: { allFirst: Infinity, every: 1 } } : {}), minimizeTimeMs: o.minimizeTimeMs, workers: o.workers, timeoutMs: o.timeoutMs,
      target: session.target, ...(session.runner.chromium ? { chromium: session.runner.chromium } : {}),
      runDir: session.runDir, onPhase: (t) => {
        if (tty) process.stderr.write('\r\x1b[2K');
        progress.phase(t);
      },
      onProgress: (runs, divergences) => {
        const t = performance.now();
        if (!tty || t - lastDraw < 200) return;
        lastDraw = t;
        process.stderr.write(`\r\x1b[2K  ${runs} run(s), ${divergences} divergence(s)`);
      },
      shouldStop: interrupt.stopped,
    });
    if (tty) process.stderr.write('\r\x1b[2K');
    session.expect(report.findings.length);
    report.findings.forEach((f) => session.record(f.case));
    const results = session.close({ cases: session.results.map(asKnownRegression), kind: 'fuzz', fuzz: fuzzSummary(report) });
    const verdict = results.verdict!;
    progress.end();

    const runDir = relative(process.cwd(), session.runDir);
    if (o.json) {
      const { findings, ...rest } = report;
      process.stdout.write(`${JSON.stringify({
        ...rest, runDir, regressions, verdict,
        findings: findings.map(({ case: c, minimized, ...f }) => ({
          ...f, file: f.file ? relative(process.cwd(), f.file) : undefined, status: c.status,
          ...(minimized ? { minimized: { steps: minimized.steps.length, originalSteps: minimized.originalSteps, shrunkSteps: minimized.shrunkSteps, oneMinimal: minimized.minimality.oneMinimal, firstDivergingStep: minimized.firstDivergingStep, complete: minimized.complete, timing: minimized.timing } } : {}),
        })),
      })}\n`);
    } else {
      process.stdout.write(`${formatFuzzReport(report, verdict, { regressions, runDir })}\n`);
    }
    return verdict.exitClass;
  } finally {
    interrupt.dispose();
  }
}

/** A saved regression replayed first that still diverges is filed already: known, not new. */
function asKnownRegression(c: CaseResult): CaseResult {
  return c.source.kind === 'scenario' && c.status === 'divergence' ? { ...c, classification: 'known-regression' } : c;
}
