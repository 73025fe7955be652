/**
 * `parity selftest [QUIRK...] [--budget 30s] [--seed S]`: detection power. For each
 * compat flag (or the ones named), fuzz the candidate with that flag off until the first
 * divergence it causes, minimize it, and print a table ending with
 *   selftest killed=<k>/<n> median_detect_s=<s> median_repro_steps=<r>
 * Reproducers go to <out>/selftest/<quirk>/. Exit 1 if any mutant survives its budget.
 */
import { join, relative, resolve } from 'node:path';
import { isQuirkId, QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import type { QuirkId } from '../../../engines/shared/quirks.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { formatSelftest, runSelftest } from '../../fuzz/selftest.ts';
import { onInterrupt } from '../interrupt.ts';
import type { CommonOptions } from '../options.ts';
import { UsageError } from '../usage.ts';

export async function selftestCommand(o: CommonOptions): Promise<number> {
  for (const id of o.positionals) {
    if (!isQuirkId(id)) throw new UsageError(`selftest: unknown quirk "${id}": expected one of ${QUIRK_IDS.join(', ')}`);
  }
  const config = loadConfig(o.config);
  const interrupt = onInterrupt();
  const quiet = o.json;
  try {
    const report = await runSelftest({
      config, reference: o.reference, candidate: o.candidate, seed: o.seed, budgetMs: o.budgetMs ?? o.timeMs,
      minimizeTimeMs: o.minimizeTimeMs, quirks: o.positionals.length ? (o.positionals as QuirkId[]) : undefined,
      workers: o.workers, timeoutMs: o.timeoutMs, outDir: o.dryRun ? undefined : join(resolve(o.out), 'selftest'),
      onPhase: quiet ? undefined : (t) => process.stderr.write(`${t}\n`),
      onMutant: quiet ? undefined : (m) => process.stderr.write(`  ${m.killed ? `killed in ${((m.detectMs ?? 0) / 1000).toFixed(2)} s (run ${m.run}), reproducer ${m.reproSteps ?? '?'} step(s)` : `SURVIVED (${m.runs} runs)`}\n`),
      shouldStop: interrupt.stopped,
    });
    if (o.json) {
      process.stdout.write(`${JSON.stringify({ ...report, mutants: report.mutants.map((m) => ({ ...m, file: m.file ? relative(process.cwd(), m.file) : undefined })) })}\n`);
    } else {
      process.stdout.write(`${formatSelftest({ ...report, mutants: report.mutants })}\n`);
    }
    return report.killed === report.mutants.length && report.mutants.length > 0 ? 0 : 1;
  } finally {
    interrupt.dispose();
  }
}
