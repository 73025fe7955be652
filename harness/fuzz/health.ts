/**
 * Health of the generated streams (issue 5, item 2): how long they are, how many of
 * their commands the scene model expects the engines to reject, how many checkpoints
 * they have, and the quirk coverage table (runs whose stream triggers each catalogued
 * quirk's detector). Counts only: workers fill one each, the pool adds them up, and the
 * sums do not depend on which worker ran what.
 */
import { QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { QuirkId } from '../../engines/shared/quirks.ts';
import type { GeneratedStream } from '../generate/index.ts';
import type { FuzzStats } from '../results/types.ts';

export interface HealthCounts {
  runs: number;
  commands: number;
  invalid: number;
  checkpoints: number;
  /** Stream length -> runs, and checkpoints -> runs (for medians). */
  lengths: Record<number, number>;
  checkpointCounts: Record<number, number>;
  /** Runs whose stream went through the quirk detectors, and hits per quirk. */
  coverageRuns: number;
  coverage: Record<QuirkId, number>;
}

export interface HealthSummary {
  readonly runs: number;
  readonly medianLength: number;
  readonly meanLength: number;
  readonly maxLength: number;
  /** Commands the scene model expects to be rejected, over all commands. */
  readonly invalidShare: number;
  readonly medianCheckpoints: number;
  readonly meanCheckpoints: number;
  readonly coverage: { readonly sampledRuns: number; readonly hits: Readonly<Record<QuirkId, number>> };
}

export function emptyHealth(): HealthCounts {
  return {
    runs: 0, commands: 0, invalid: 0, checkpoints: 0, lengths: {}, checkpointCounts: {}, coverageRuns: 0,
    coverage: Object.fromEntries(QUIRK_IDS.map((q) => [q, 0])) as Record<QuirkId, number>,
  };
}

/**
 * Counts one generated stream. Its invalid steps are the ones the generator's scene model
 * made invalid on purpose (what harness/generate streamStats would count, without
 * replaying the model a second time on the hot path).
 */
export function addStream(h: HealthCounts, stream: GeneratedStream, hits: ReadonlySet<QuirkId> | null): void {
  const length = stream.commands.length;
  let checkpoints = 0;
  for (const c of stream.commands) if (c.op === 'frame') checkpoints++;
  h.runs++;
  h.commands += length;
  h.invalid += stream.invalidSteps.length;
  h.checkpoints += checkpoints;
  h.lengths[length] = (h.lengths[length] ?? 0) + 1;
  h.checkpointCounts[checkpoints] = (h.checkpointCounts[checkpoints] ?? 0) + 1;
  if (hits === null) return;
  h.coverageRuns++;
  for (const q of hits) h.coverage[q]++;
}

export function mergeHealth(into: HealthCounts, from: HealthCounts): void {
  into.runs += from.runs;
  into.commands += from.commands;
  into.invalid += from.invalid;
  into.checkpoints += from.checkpoints;
  for (const [k, v] of Object.entries(from.lengths)) into.lengths[Number(k)] = (into.lengths[Number(k)] ?? 0) + v;
  for (const [k, v] of Object.entries(from.checkpointCounts)) into.checkpointCounts[Number(k)] = (into.checkpointCounts[Number(k)] ?? 0) + v;
  into.coverageRuns += from.coverageRuns;
  for (const q of QUIRK_IDS) into.coverage[q] += from.coverage[q] ?? 0;
}

/** The lower median of a histogram value -> count. */
function median(hist: Readonly<Record<number, number>>, total: number): number {
  if (total === 0) return 0;
  let seen = 0;
  for (const [value, count] of Object.entries(hist).map(([k, v]) => [Number(k), v] as const).sort((a, b) => a[0] - b[0])) {
    seen += count;
    if (seen * 2 >= total) return value;
  }
  return 0;
}

export function summarizeHealth(h: HealthCounts): HealthSummary {
  const lengths = Object.keys(h.lengths).map(Number);
  return {
    runs: h.runs,
    medianLength: median(h.lengths, h.runs),
    meanLength: h.runs === 0 ? 0 : h.commands / h.runs,
    maxLength: lengths.length === 0 ? 0 : Math.max(...lengths),
    invalidShare: h.commands === 0 ? 0 : h.invalid / h.commands,
    medianCheckpoints: median(h.checkpointCounts, h.runs),
    meanCheckpoints: h.runs === 0 ? 0 : h.checkpoints / h.runs,
    coverage: { sampledRuns: h.coverageRuns, hits: { ...h.coverage } },
  };
}

/** The stream-health part of a FuzzSummary: medians plus the counts they come from. */
export function fuzzStats(h: Pick<HealthCounts, 'runs' | 'commands' | 'invalid' | 'lengths' | 'checkpointCounts'>): FuzzStats {
  return {
    medianLength: median(h.lengths, h.runs),
    invalidShare: h.commands === 0 ? 0 : h.invalid / h.commands,
    medianCheckpoints: median(h.checkpointCounts, h.runs),
    commands: h.commands,
    invalid: h.invalid,
    lengths: { ...h.lengths },
    checkpointCounts: { ...h.checkpointCounts },
  };
}

/** Adds up the stats of several shards exactly. */
export function mergeFuzzStats(parts: readonly FuzzStats[], runs: number): FuzzStats {
  const add = (into: Record<number, number>, from: Readonly<Record<string, number>>) => {
    for (const [k, v] of Object.entries(from)) into[Number(k)] = (into[Number(k)] ?? 0) + v;
  };
  const lengths: Record<number, number> = {};
  const checkpointCounts: Record<number, number> = {};
  for (const p of parts) {
    add(lengths, p.lengths);
    add(checkpointCounts, p.checkpointCounts);
  }
  return fuzzStats({
    runs,
    commands: parts.reduce((n, p) => n + p.commands, 0),
    invalid: parts.reduce((n, p) => n + p.invalid, 0),
    lengths,
    checkpointCounts,
  });
}
