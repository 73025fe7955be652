/**
 * Merges shard results into one RunResults, identical whatever order the shards come
 * in: cases sorted by id, determinism samples unioned and sorted, the summary recomputed.
 * Shards must agree on the engines; a case found in two shards is an error.
 */
import type { CaseResult, Determinism, FuzzSummary, GateOutcome, GateWaiver, QuirkParity, RunResults } from '../results/types.ts';
import { gateVerdict } from './verdict.ts';
import type { GateRun } from './verdict.ts';
import { mergeFuzzStats } from '../fuzz/health.ts';
import { RESULTS_FORMAT } from '../results/types.ts';
import { byId } from '../results/resultsWriter.ts';
import { summarize } from '../results/summarize.ts';
import { decide } from '../results/verdict.ts';
import type { Verdict } from '../results/verdict.ts';

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
  const planned = shards.reduce((n, s) => n + (s.results.summary?.planned ?? s.results.cases.length), 0);
  const run = { cases: merged, planned, interrupted, ...(determinism ? { determinism } : {}) };
  const ordered = [...shards].sort((a, b) => (a.file < b.file ? -1 : 1)).map((s) => s.results);
  const gated = mergeGate(ordered, run);
  const verdict: Verdict = gated?.verdict ?? decide({ kind: 'run', ...run });
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
    // planned is only carried when the shards carried it, so a merge equals the unsharded run
    summary: summarize(merged, verdict, { interrupted, ...(shards.some((s) => s.results.summary?.planned !== undefined) ? { planned } : {}) }),
    verdict,
    ...(gated ? { gate: gated.gate } : {}),
  };
}

/**
 * Re-evaluates the gate over merged shards: classifications are per case and carry
 * over; quirk parity takes each quirk from the shard that exercised it; a waiver is
 * active if any shard matched it and stale only if none did; the verdict is recomputed.
 */
export function mergeGate(shards: readonly RunResults[], merged: GateRun): { verdict: Verdict; gate: GateOutcome } | undefined {
  const gates = shards.map((s) => s.gate).filter((g): g is GateOutcome => g !== undefined);
  if (gates.length === 0) return undefined;
  const waves = [...new Set(gates.map((g) => g.wave))];
  if (waves.length > 1) throw new MergeError(`merge: shards ran different waves: ${waves.sort().join(', ')}`);
  const first = gates[0];
  const quirks: QuirkParity[] = first.quirks.map((q) => {
    const seen = gates.map((g) => g.quirks.find((x) => x.quirk === q.quirk)!.status).filter((s) => s !== 'not-exercised');
    const status = seen.includes('diverges') ? 'diverges' : seen.includes('waived') ? 'waived' : seen.includes('reproduced') ? 'reproduced' : 'not-exercised';
    return { ...q, status };
  });
  const waivers: GateWaiver[] = first.waivers.map((w, i) => {
    const all = gates.map((g) => g.waivers[i]);
    const cases = [...new Set(all.flatMap((x) => x.cases))].sort();
    const status = w.status === 'expired' ? 'expired' : cases.length > 0 ? 'active' : 'stale';
    return { ...w, status, cases };
  });
  const fuzzes = gates.map((g) => g.fuzz).filter((f): f is FuzzSummary => f !== undefined);
  const fuzz: FuzzSummary | undefined = fuzzes.length === 0 ? undefined : mergeFuzz(fuzzes);
  const strict = gates.some((g) => g.strict);
  return gateVerdict({ wave: first.wave, allowDivergences: first.allowDivergences, waivers, quirks, strict, ...(fuzz ? { fuzz } : {}) }, merged);
}

/** Runs add up across shards; identities are the union of each shard's fingerprints. */
function mergeFuzz(fuzzes: readonly FuzzSummary[]): FuzzSummary {
  const sum = (pick: (f: FuzzSummary) => number) => fuzzes.reduce((n, f) => n + pick(f), 0);
  const union = (pick: (f: FuzzSummary) => readonly string[]) => [...new Set(fuzzes.flatMap(pick))].sort();
  const runs = sum((f) => f.runs);
  return {
    seed: fuzzes[0].seed,
    budget: fuzzes[0].budget,
    planned: sum((f) => f.planned),
    runs,
    passed: sum((f) => f.passed),
    diverged: sum((f) => f.diverged),
    knownRuns: sum((f) => f.knownRuns),
    knownFingerprints: union((f) => f.knownFingerprints),
    newFingerprints: union((f) => f.newFingerprints),
    stats: mergeFuzzStats(fuzzes.map((f) => f.stats), runs),
  };
}
