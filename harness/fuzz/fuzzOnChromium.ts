/**
 * The fuzz job of `parity fuzz --target chromium`: the same runs as ./fuzzPool.ts, with
 * the same result, but the differential cases run in the browser. Each run's stream is
 * still generated in Node from (seed, run) by ./generateRun.ts — the same seed explores
 * the same streams on both targets — and counted and sampled for quirk coverage as the
 * node workers do; the cases then go through ChromiumTarget.runBatch, many per page
 * round trip, under its per-case time limit and crash/hang recovery. A case whose
 * digests mismatch is observed again in full by the target and compared by
 * harness/compare, so its divergences carry the node target's fingerprints.
 *
 *   1. plan      the next chunk of run numbers (the list, or the shard's runs until time is up)
 *   2. generate  its streams and health counts (overlapping the page's work on the previous chunk)
 *   3. run       the chunk in the page(s); a diverging run keeps its first checkpoint's fingerprints
 *   4. attribute diverging runs re-run with the known-quirk flags back on (pass = a known quirk)
 */
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { CompareOptions } from '../compare/types.ts';
import type { StreamOptions } from '../generate/index.ts';
import { detectQuirks } from '../generate/index.ts';
import { identitiesOf } from './runIdentities.ts';
import type { CaseResult } from '../results/types.ts';
import type { CaseTask } from '../run/tasks.ts';
import type { ChromiumTarget } from '../targets/chromium/ChromiumTarget.ts';
import type { EngineKind } from '../targets/chromium/wire.ts';
import { isSampled } from './coverageSample.ts';
import type { CoverageSample } from './coverageSample.ts';
import type { FuzzJobResult, RunPlan } from './fuzzPool.ts';
import { addTiming, emptyTiming } from './fuzzMessages.ts';
import type { ChunkReport, RunDivergence } from './fuzzMessages.ts';
import { generatedImagePaths } from './generatedAssets.ts';
import { generateRun } from './generateRun.ts';
import { addStream, emptyHealth, mergeHealth } from './health.ts';

export interface ChromiumFuzzJob {
  readonly seed: number;
  readonly plan: RunPlan;
  readonly engines: { readonly reference: EngineKind; readonly candidate: EngineKind };
  readonly candidateQuirks?: QuirkFlags;
  /** Re-run diverging streams with these flags (see FuzzChunk.attributeWith). */
  readonly attributeWith?: QuirkFlags;
  readonly streamOptions?: StreamOptions;
  readonly coverage: CoverageSample;
  readonly compare?: CompareOptions;
  readonly timeoutMs?: number;
  /** Runs generated and sent per runBatch call (default: two round trips per page). */
  readonly chunkSize?: number;
  readonly shouldStop?: () => boolean;
  readonly onChunk?: (report: ChunkReport, totals: { runs: number; divergences: number }) => void;
}

interface Chunk {
  readonly runs: readonly number[];
  readonly tasks: readonly CaseTask[];
  readonly lengths: readonly number[];
  readonly health: ReturnType<typeof emptyHealth>[];
  readonly generateMs: number;
  readonly detectMs: number;
}

/** The page's round trip size (ChromiumTarget's default): a chunk is two of them per page. */
const CASES_PER_TRIP = 24;
const now = () => performance.now();

/** The run's case as the page takes it: id fuzz-run-<run>, source fuzz (seed, run). */
export function fuzzRunTask(seed: number, run: number, stream: ReturnType<typeof generateRun>, assets: ReadonlyArray<readonly [string, string]>, compare?: CompareOptions): CaseTask {
  return {
    input: { id: `fuzz-run-${run}`, title: `fuzz run ${run}`, source: { kind: 'fuzz', seed, path: '', run }, viewport: stream.viewport, steps: stream.commands },
    assets,
    ...(compare ? { compare } : {}),
  };
}

/** A diverging case result -> the run divergence the node workers report (primary = first; fingerprints of its checkpoint). */
export function runDivergenceOf(run: number, length: number, result: CaseResult): RunDivergence {
  const first = result.divergences[0];
  if (!first) throw new Error(`fuzz run ${run}: expected a divergence from chromium, got status ${result.status} with none${result.error ? ` (${result.error.message})` : ''}`);
  return {
    run, kind: first.kind, fingerprint: first.fingerprint, signature: first.signature,
    identities: identitiesOf(result.divergences.filter((d) => d.checkpoint === first.checkpoint)),
    checkpoint: first.checkpoint, step: first.step, length,
    ...(first.kind === 'crash' || first.kind === 'timeout' ? { engine: first.engine } : {}),
    ...(first.kind === 'timeout' ? { timeoutMs: first.ms } : {}),
  };
}

export async function fuzzOnChromium(target: ChromiumTarget, job: ChromiumFuzzJob): Promise<FuzzJobResult> {
  const { seed, plan, engines, candidateQuirks, attributeWith, streamOptions = {}, coverage, compare, timeoutMs, shouldStop, onChunk } = job;
  const chunkSize = job.chunkSize ?? CASES_PER_TRIP * 2 * target.pageCount;
  const assets = [...generatedImagePaths()];
  const started = now();
  const health = emptyHealth();
  const timing = emptyTiming();
  const divergences: RunDivergence[] = [];
  let runs = 0;
  let nextIndex = 0;
  let endedBy: FuzzJobResult['endedBy'] = 'budget';

  // 1. plan
  const nextRuns = (): number[] => {
    const out: number[] = [];
    if ('list' in plan) {
      while (out.length < chunkSize && nextIndex < plan.list.length) out.push(plan.list[nextIndex++]);
    } else if (now() - started < plan.timeMs) {
      while (out.length < chunkSize) out.push(plan.shard.index - 1 + plan.shard.count * nextIndex++);
    }
    return out;
  };

  // 2. generate (the streams the node workers would generate for these runs)
  const generate = async (list: readonly number[]): Promise<Chunk> => {
    let generateMs = 0;
    let detectMs = 0;
    const tasks: CaseTask[] = [];
    const lengths: number[] = [];
    const counts: ReturnType<typeof emptyHealth>[] = [];
    for (const run of list) {
      // a turn of the event loop between streams, so the page's next round trip goes out on time
      await new Promise((r) => setImmediate(r));
      let t = now();
      const stream = generateRun(seed, run, streamOptions);
      generateMs += now() - t;
      t = now();
      const h = emptyHealth();
      addStream(h, stream, isSampled(run, coverage) ? detectQuirks(stream.commands, stream.viewport) : null);
      detectMs += now() - t;
      tasks.push(fuzzRunTask(seed, run, stream, assets, compare));
      lengths.push(stream.commands.length);
      counts.push(h);
    }
    return { runs: list, tasks, lengths, health: counts, generateMs, detectMs };
  };

  // 3. run, 4. attribute
  const setup = { ...engines, ...(candidateQuirks ? { candidateQuirks } : {}) };
  const runChunk = async (chunk: Chunk): Promise<ChunkReport> => {
    const t0 = now();
    const report = { completed: 0, health: emptyHealth(), divergences: [] as RunDivergence[], timing: emptyTiming() };
    report.timing.generateMs = chunk.generateMs;
    report.timing.detectMs = chunk.detectMs;
    const failing: number[] = [];
    const results = new Map<number, CaseResult>();
    await target.runBatch(chunk.tasks, setup, {
      timeoutMs, shouldStop,
      onResult: (result, index) => {
        results.set(index, result);
        report.completed++;
        mergeHealth(report.health, chunk.health[index]);
        report.timing.engineMs += result.timing.referenceMs + result.timing.candidateMs;
        report.timing.compareMs += result.timing.compareMs;
        if (result.status !== 'pass') failing.push(index);
      },
    });
    failing.sort((a, b) => a - b);
    const attributed = new Map<number, boolean>();
    // a hang is not run again (as on node, where its worker is lost): each re-run would take the time limit
    const again = attributeWith ? failing.filter((i) => results.get(i)!.status !== 'timeout') : [];
    if (again.length > 0 && !shouldStop?.()) {
      await target.runBatch(again.map((i) => chunk.tasks[i]), { ...engines, candidateQuirks: attributeWith }, {
        timeoutMs, shouldStop, onResult: (r, k) => attributed.set(again[k], r.status === 'pass'),
      });
    }
    for (const i of failing) {
      const d = runDivergenceOf(chunk.runs[i], chunk.lengths[i], results.get(i)!);
      const a = attributed.get(i);
      report.divergences.push(a !== undefined ? { ...d, attributed: a } : d);
    }
    report.timing.busyMs = now() - t0;
    return report;
  };

  let pending: Chunk | null = null;
  let running: Promise<ChunkReport> | null = null;
  for (;;) {
    if (shouldStop?.()) endedBy = 'interrupted';
    const list = endedBy === 'interrupted' ? [] : nextRuns();
    // generate the next chunk while the page works on the current one
    pending = list.length > 0 ? await generate(list) : null;
    if (running) {
      const report = await running;
      runs += report.completed;
      mergeHealth(health, report.health);
      addTiming(timing, report.timing);
      divergences.push(...report.divergences);
      onChunk?.(report, { runs, divergences: divergences.length });
    }
    if (pending === null) break;
    running = runChunk(pending);
    // awaited on the next turn; until then a failure must not count as unhandled
    running.catch(() => undefined);
  }
  divergences.sort((a, b) => a.run - b.run);
  const wallMs = now() - started;
  timing.busyMs = wallMs;
  return { runs, health, divergences, timing, wallMs, workers: target.pageCount, endedBy };
}
