/** `parity report RESULTS.json [--previous OLD.json] [--out FILE.html]`: regenerates a run's HTML report from saved results. */
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHtmlReport } from '../../report/html/writeHtmlReport.ts';
import { readResults } from '../../results/readResults.ts';
import { COMMON_FLAGS } from '../options.ts';
import type { CommonOptions } from '../options.ts';
import { UsageError } from '../usage.ts';

const REPORT_FLAGS = { ...COMMON_FLAGS, previous: { type: 'string' } } as const;

/** Reads --previous from argv (the common parser does not know it) and the positionals without it. */
export function parseReportArgs(argv: readonly string[]): { results: string; previous?: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: REPORT_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const positionals = parsed.positionals;
  if (positionals.length !== 1) throw new UsageError(`report: expected exactly one results.json, got ${positionals.length}`);
  return { results: positionals[0], ...(parsed.values.previous ? { previous: parsed.values.previous } : {}) };
}

export async function reportCommand(o: CommonOptions, argv: readonly string[]): Promise<number> {
  const args = parseReportArgs(argv);
  const file = resolve(args.results);
  const results = readResults(args.results); // messages name the file as the user wrote it
  const previous = args.previous ? readResults(args.previous) : undefined;
  const report = writeHtmlReport(dirname(file), results, previous ? { previous } : {});
  const where = relative(process.cwd(), report.path) || report.path;
  if (o.json) process.stdout.write(`${JSON.stringify({ report: report.path, bytes: report.bytes })}\n`);
  else process.stdout.write(`parity report: ${where} (${(report.bytes / 1048576).toFixed(1)} MB)\n`);
  return 0;
}
