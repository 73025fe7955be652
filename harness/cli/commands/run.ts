/** `parity run [PATHS...]`: the differential run. */
import { loadConfig } from '../../config/loadConfig.ts';
import { createProgress } from '../../report/console/progress.ts';
import { formatRunSummary } from '../../report/console/runSummary.ts';
import { runScenarios } from '../../run/runScenarios.ts';
import { onInterrupt, stopped } from '../interrupt.ts';
import { relative } from 'node:path';
import { writeRunReport } from '../../report/writeRunReport.ts';
import type { CommonOptions } from '../options.ts';
import { sessionOptions } from '../sessionOptions.ts';

export async function runCommand(o: CommonOptions, argv: readonly string[]): Promise<number> {
  const config = loadConfig(o.config);
  const progress = createProgress(process.stderr, o.json);
  const interrupt = onInterrupt();
  try {
    const { results, runDir } = await runScenarios({
      ...sessionOptions(o, config, ['run', ...argv], progress, interrupt.stopped),
      paths: o.positionals,
      crossTarget: o.crossTarget,
    });
    progress.end();
    const report = writeRunReport(runDir, results);
    if (o.json) process.stdout.write(`${JSON.stringify({ runDir, report, summary: results.summary, engines: results.engines })}\n`);
    else process.stdout.write(`${formatRunSummary(results, relative(process.cwd(), runDir))}\n${report ? `  report: ${relative(process.cwd(), report)}\n` : ''}${stopped(results.summary!)}`);
    return results.summary!.exitClass;
  } finally {
    interrupt.dispose();
  }
}
