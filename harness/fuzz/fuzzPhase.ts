/**
 * The gate's fuzz phase: this shard's runs of the wave's fuzz budget, recorded into the
 * gate's RunSession as one case per NEW divergence (minimized, source kind 'fuzz', id
 * `fuzz:<fingerprint>`), with known ones (saved regressions, waivers, flags the wave
 * ships turned off) only counted. Reproducers are written to scenarios/regressions/.
 * Saved regressions are replayed by the gate's scenario phase, not here. Minimization is
 * time-bounded so a gate stays fast. The cases run on the session's target: under
 * `--target chromium` in the session's browser (./fuzzOnChromium.ts).
 */
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import type { FuzzBudget, Waiver } from '../config/waves.ts';
import type { Shard } from '../gate/shard.ts';
import type { FuzzSummary } from '../results/types.ts';
import type { RunSession } from '../run/runSession.ts';
import { fuzzSummary, runFuzz } from './runFuzz.ts';

/** Per new fingerprint, in a gate. */
export const GATE_MINIMIZE_TIME_MS = 5_000;

export interface FuzzPhaseOptions {
  readonly budget: FuzzBudget;
  readonly shard: Shard;
  readonly config: ParityConfig;
  readonly candidateQuirks: QuirkFlags;
  /** The flags the wave itself ships turned off (their divergences are known quirks); default: all off in candidateQuirks. */
  readonly knownQuirks?: QuirkFlags;
  readonly waivers: readonly Waiver[];
  readonly onPhase?: (s: string) => void;
}

export async function runFuzzPhase(session: RunSession, options: FuzzPhaseOptions): Promise<FuzzSummary> {
  const { budget, shard, config, candidateQuirks, knownQuirks, waivers, onPhase } = options;
  const report = await runFuzz({
    config, reference: session.reference, candidate: session.candidate, seed: budget.seed,
    budget: budget.runs !== undefined ? { runs: budget.runs } : { timeMs: budget.timeMs },
    shard, candidateQuirks, ...(knownQuirks ? { knownQuirks } : {}), waivers, workers: session.options.workers, timeoutMs: session.options.timeoutMs,
    minimizeTimeMs: GATE_MINIMIZE_TIME_MS, runDir: session.runDir, tool: 'parity gate', onPhase,
    shouldStop: session.options.shouldStop,
    target: session.target, ...(session.runner.chromium ? { chromium: session.runner.chromium } : {}),
  });
  session.expect(report.findings.length);
  for (const f of report.findings) session.record(f.case);
  onPhase?.(`fuzz: ${report.runs} run(s), ${report.findings.length} new divergence(s), ${report.knownRuns} known`);
  return fuzzSummary(report);
}
