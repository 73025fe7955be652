/**
 * `parity merge SHARD/results.json... [--out DIR]`: joins the results of `parity gate
 * --shard i/n` runs into one run folder (results.json, junit.xml, summary.json, artifacts
 * and the HTML report), identical whatever order the shards are given in.
 */
import { cpSync, existsSync, lstatSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { mergeResults } from '../../gate/merge.ts';
import { machineSummary } from '../../results/machineSummary.ts';
import { formatGateSummary } from '../../report/console/gateSummary.ts';
import { formatRunSummary } from '../../report/console/runSummary.ts';
import { writeRunReport } from '../../report/writeRunReport.ts';
import { readResults } from '../../results/readResults.ts';
import { toJunit } from '../../results/junit.ts';
import { formatResults } from '../../results/resultsWriter.ts';
import { newRunId, pointLatest } from '../../run/runSession.ts';
import type { CommonOptions } from '../options.ts';
import { UsageError } from '../usage.ts';

export async function mergeCommand(o: CommonOptions): Promise<number> {
  if (o.positionals.length === 0) throw new UsageError('merge: expected one or more results.json files of shard runs, got none');
  const shards = o.positionals.map((f) => ({ file: resolve(f), results: readResults(f) }));
  const reportsDir = resolve(o.out);
  const runId = `${newRunId()}-merged`;
  const runDir = join(reportsDir, runId);
  const merged = mergeResults(shards, runId); // every input checked before anything is written
  let report: string | null = null;
  try {
    mkdirSync(runDir, { recursive: true });
    for (const s of shards) copyArtifacts(join(dirname(s.file), 'cases'), join(runDir, 'cases'));
    writeFileSync(join(runDir, 'results.json'), formatResults(merged));
    writeFileSync(join(runDir, 'junit.xml'), toJunit(merged));
    writeFileSync(join(runDir, 'summary.json'), `${JSON.stringify(machineSummary(merged), null, 2)}\n`);
    report = writeRunReport(runDir, merged);
    pointLatest(reportsDir, runId);
  } catch (error) {
    removeQuietly(runDir); // no half-written run folder is left behind; the first error is the one to report
    throw error;
  }
  const rel = relative(process.cwd(), runDir);
  if (o.json) process.stdout.write(`${JSON.stringify({ runDir, report, summary: merged.summary, gate: merged.gate ?? null })}\n`);
  else if (merged.gate) process.stdout.write(`${formatGateSummary(merged, rel, report ? relative(process.cwd(), report) : `${rel}/results.json`)}\n`);
  else process.stdout.write(`${formatRunSummary(merged, rel)}\n`);
  return merged.summary!.exitClass;
}

function removeQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // nothing was created there (e.g. --out names a file)
  }
}

/**
 * A shard's cases/<id>/ folders (case ids are unique across shards). Shards come from
 * other machines: only folders and regular files are copied, never a link (which could
 * lead the report to a file outside the run) or a device or FIFO.
 */
function copyArtifacts(from: string, to: string): void {
  if (!existsSync(from)) return;
  cpSync(from, to, {
    recursive: true,
    filter: (source) => {
      const s = lstatSync(source);
      return s.isDirectory() || s.isFile();
    },
  });
}
