/**
 * Writes a run's HTML report next to its results.json. The report presents the run's
 * verdict, classes and waivers as results.json holds them. A reporter failing
 * must never abort a run (STYLE.md 6): the error is printed and the run's exit class stands.
 */
import type { RunResults } from '../results/types.ts';
import { writeHtmlReport } from './html/writeHtmlReport.ts';

export function writeRunReport(runDir: string, results: RunResults, previous?: RunResults): string | null {
  try {
    return writeHtmlReport(runDir, results, previous ? { previous } : {}).path;
  } catch (error) {
    process.stderr.write(`parity: the HTML report could not be written: ${(error as Error).message}\n`);
    return null;
  }
}
