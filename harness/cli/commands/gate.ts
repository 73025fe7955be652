/**
 * `parity gate [--wave NAME] [--shard i/n] [--strict]`: the rollout gate. Prints a
 * one-screen summary ending with the report's path; exits 0 go, 1 no-go, 2 usage or
 * input error, 3 engine crash or infrastructure failure.
 */
import { join, relative } from 'node:path';
import { loadConfig } from '../../config/loadConfig.ts';
import { parseShard } from '../../gate/shard.ts';
import { runGate } from '../../gate/runGate.ts';
import { createProgress } from '../../report/console/progress.ts';
import { formatGateSummary } from '../../report/console/gateSummary.ts';
import { writeRunReport } from '../../report/writeRunReport.ts';
import { onInterrupt, stopped } from '../interrupt.ts';
import type { CommonOptions } from '../options.ts';
import { sessionOptions } from '../sessionOptions.ts';

export async function gateCommand(o: CommonOptions, argv: readonly string[]): Promise<number> {
  const config = loadConfig(o.config);
  const progress = createProgress(process.stderr, o.json);
  const interrupt = onInterrupt();
  try {
    const { results, runDir } = await runGate({
      ...sessionOptions(o, config, ['gate', ...argv], progress, interrupt.stopped),
      wave: o.wave,
      shard: o.shard !== undefined ? parseShard(o.shard) : undefined,
      strict: o.strict,
    });
    progress.end();
    const report = writeRunReport(runDir, results);
    if (o.json) process.stdout.write(`${JSON.stringify({ runDir, report, gate: results.gate, summary: results.summary })}\n`);
    else process.stdout.write(`${formatGateSummary(results, relative(process.cwd(), runDir), report ? relative(process.cwd(), report) : join(relative(process.cwd(), runDir), 'results.json'))}\n${stopped(results.summary!)}`);
    return results.summary!.exitClass;
  } finally {
    interrupt.dispose();
  }
}
