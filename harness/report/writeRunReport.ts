/**
 * Writes a run's HTML report next to its results.json. When the run is a gate run, the
 * report shows the gate's own classification, waivers and verdict. A reporter failing
 * must never abort a run (STYLE.md 6): the error is printed and the run's exit class stands.
 */
import type { RunResults } from '../results/types.ts';
import type { ReportOptions } from './html/buildReportModel.ts';
import { writeHtmlReport } from './html/writeHtmlReport.ts';

/** The report options that carry a gate run's decisions into the viewer. */
export function gateReportOptions(results: RunResults): ReportOptions {
  const gate = results.gate;
  if (!gate) return {};
  return {
    wave: gate.wave,
    verdict: { go: gate.verdict === 'go', label: gate.verdict === 'go' ? 'GO' : 'NO-GO', reasons: gate.reasons, exitClass: results.summary?.exitClass ?? 0 },
    ...(gate.fuzz ? { seed: String(gate.fuzz.seed), budget: gate.fuzz.budget.runs !== undefined ? `${gate.fuzz.budget.runs} runs` : `${(gate.fuzz.budget.timeMs ?? 0) / 1000} s` } : {}),
    classify: (c) => {
      if (!c.classification) return undefined;
      const w = c.waiver !== undefined ? gate.waivers[c.waiver] : undefined;
      return { class: c.classification, ...(w ? { waiver: { reason: w.reason, owner: w.owner, expires: w.expires, expired: w.status === 'expired' } } : {}) };
    },
  };
}

export function writeRunReport(runDir: string, results: RunResults, previous?: RunResults): string | null {
  try {
    return writeHtmlReport(runDir, results, { ...gateReportOptions(results), ...(previous ? { previous } : {}) }).path;
  } catch (error) {
    process.stderr.write(`parity: the HTML report could not be written: ${(error as Error).message}\n`);
    return null;
  }
}
