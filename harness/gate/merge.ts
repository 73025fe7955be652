/**
 * Merges shard results into one RunResults, identical whatever order the shards come
 * in: cases sorted by id, determinism samples unioned and sorted, the summary recomputed.
 * Shards must agree on the engines; a case found in two shards is an error.
 */
import type { CaseResult, Determinism, RunResults } from '../results/types.ts';
import { RESULTS_FORMAT } from '../results/types.ts';
import { byId } from '../results/resultsWriter.ts';
import { summarize } from '../results/summarize.ts';

export class MergeError extends Error {
  override name = 'MergeError';
}

const sameEngine = (a: RunResults['engines'], b: RunResults['engines']) => JSON.stringify(a) === JSON.stringify(b);

export function mergeResults(shards: ReadonlyArray<{ readonly file: string; readonly results: RunResults }>, runId: string): RunResults {
  if (shards.length === 0) throw new MergeError('merge: expected at least one results.json, got none');
  const [first] = [...shards].sort((a, b) => (a.file < b.file ? -1 : 1));
  const cases = new Map<string, { c: CaseResult; file: string }>();
  for (const { file, results } of shards) {
    if (!sameEngine(results.engines, first.results.engines)) {
      throw new MergeError(`merge: ${file} ran ${results.engines.candidate.name}@${results.engines.candidate.build} against ${results.engines.reference.name}@${results.engines.reference.build}, but ${first.file} ran ${first.results.engines.candidate.name}@${first.results.engines.candidate.build} against ${first.results.engines.reference.name}@${first.results.engines.reference.build}`);
    }
    for (const c of results.cases) {
      const other = cases.get(c.id);
      if (other) throw new MergeError(`merge: case ${c.id} appears in both ${other.file} and ${file}: were the shards run with the same --shard count?`);
      cases.set(c.id, { c, file });
    }
  }
  const merged = [...cases.values()].map((x) => x.c).sort(byId);
  const samples = shards.map((s) => s.results.determinism).filter((d): d is Determinism => d !== undefined);
  const determinism: Determinism | undefined = samples.length === 0 ? undefined : {
    sampled: [...new Set(samples.flatMap((d) => d.sampled))].sort(),
    nondeterministic: [...new Set(samples.flatMap((d) => d.nondeterministic))].sort(),
  };
  const starts = shards.map((s) => s.results.run.startedAt).sort();
  const ends = shards.map((s) => s.results.run.finishedAt ?? s.results.run.startedAt).sort();
  const interrupted = shards.some((s) => s.results.summary?.interrupted ?? true);
  return {
    format: RESULTS_FORMAT,
    run: {
      id: runId,
      command: `merge of ${shards.length} shard(s): ${[...new Set(shards.map((s) => s.results.run.command))].sort().join(' | ')}`,
      target: first.results.run.target,
      startedAt: starts[0],
      finishedAt: ends[ends.length - 1],
      durationMs: Math.max(...shards.map((s) => s.results.run.durationMs ?? 0)),
    },
    engines: first.results.engines,
    ...(determinism ? { determinism } : {}),
    cases: merged,
    summary: summarize(merged, { interrupted, determinism }),
  };
}
