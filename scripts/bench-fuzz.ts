/**
 * `npm run bench:fuzz`: differential fuzz cases per second on this machine — legacy-js
 * against the Wasm engine, 320x180, default stream sizes, one worker per core, streams
 * generated inside the workers — and where the time goes: inside the engines (every
 * create/apply/snapshot/dispose call, timed with performance.now()) versus the harness
 * (generation, quirk detectors, comparison, messaging, idle). Then minimization times:
 * a few compat flags turned off, each fuzzed to its first divergence and minimized.
 * Writes reports/bench/fuzz.json; the last line is
 *   bench:fuzz cases_per_s=<n> harness_share=<f>
 *
 * Options: --time 10s (measured phase) --warmup 3s --seed 1 --workers N --no-minimize
 *          --coverage-all (quirk detectors on every run; default as `parity fuzz`: the first
 *          500 runs, then 1 in 16)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { QuirkId } from '../engines/shared/quirks.ts';
import { parseDuration } from '../harness/cli/options.ts';
import { loadConfig } from '../harness/config/loadConfig.ts';
import { builtinIdentity } from '../harness/engines/registry.ts';
import { FuzzPool } from '../harness/fuzz/fuzzPool.ts';
import { summarizeHealth } from '../harness/fuzz/health.ts';
import { DEFAULT_COVERAGE } from '../harness/fuzz/coverageSample.ts';
import { harnessShare } from '../harness/fuzz/runFuzz.ts';
import { runSelftest } from '../harness/fuzz/selftest.ts';
import { WHOLE } from '../harness/gate/shard.ts';

const { values } = parseArgs({
  options: {
    time: { type: 'string' }, warmup: { type: 'string' }, seed: { type: 'string' }, workers: { type: 'string' },
    'no-minimize': { type: 'boolean' }, 'coverage-all': { type: 'boolean' },
  },
});
const timeMs = parseDuration('time', values.time ?? '10s')!;
const warmupMs = parseDuration('warmup', values.warmup ?? '3s')!;
const seed = Number(values.seed ?? 1);
const workers = Number(values.workers ?? availableParallelism());
const coverage = values['coverage-all'] ? { allFirst: 0, every: 1 } : DEFAULT_COVERAGE;
const MINIMIZE_QUIRKS: readonly QuirkId[] = ['round-half-up', 'zindex-string-sort', 'opacity-not-compounded', 'parsefloat-units', 'double-append', 'focus-considers-hidden', 'anim-time-accumulation'];

const root = resolve(import.meta.dirname, '..');
const config = loadConfig(join(root, 'parity.config.yaml'));
const reference = { builtin: 'legacy-js' } as const;
const candidate = { builtin: 'wasm' } as const;
const viewport = { width: 320, height: 180 };
const log = (s: string) => process.stderr.write(`${s}\n`);
const r3 = (x: number) => Math.round(x * 1000) / 1000;

// 1. warm up (JIT, Wasm instance pools), then the measured phase on a fresh run range
const pool = await FuzzPool.open(
  { reference, candidate, baseDir: root, streamOptions: { viewport }, compare: {}, coverage },
  { workers, timeoutMs: config.timeoutMs },
);
log(`bench:fuzz: ${workers} worker(s) on ${cpus().length} core(s) (${cpus()[0]?.model ?? 'unknown cpu'}); warm-up ${warmupMs / 1000} s, measured ${timeMs / 1000} s`);
await pool.run({ seed: seed + 1, plan: { shard: WHOLE, timeMs: warmupMs } });
const job = await pool.run({ seed, plan: { shard: WHOLE, timeMs } });
await pool.close();

const casesPerSecond = (job.runs * 1000) / job.wallMs;
const share = harnessShare(job);
const capacity = job.wallMs * job.workers;
const t = job.timing;
const perCase = (ms: number) => r3(ms / job.runs);
const health = summarizeHealth(job.health);
const breakdown = {
  engineMs: perCase(t.engineMs),
  generateMs: perCase(t.generateMs),
  detectMs: perCase(t.detectMs),
  compareMs: perCase(t.compareMs),
  /** The rest of the workers' busy time: the case loop, observation equality checks, progress slots. */
  caseLoopMs: perCase(t.busyMs - t.engineMs - t.generateMs - t.detectMs - t.compareMs),
  /** Worker time not inside a chunk: messages, waiting for the next chunk. */
  idleMs: perCase(capacity - t.busyMs),
};
log(`  ${job.runs} cases in ${(job.wallMs / 1000).toFixed(2)} s: ${Math.round(casesPerSecond)} cases/s; engines ${(100 * (1 - share)).toFixed(1)}%, harness ${(100 * share).toFixed(1)}%`);
log(`  per case (ms of one worker): ${Object.entries(breakdown).map(([k, v]) => `${k.replace(/Ms$/, '')} ${v}`).join(', ')}`);
log(`  streams: median ${health.medianLength} commands, ${(health.invalidShare * 100).toFixed(1)}% invalid, median ${health.medianCheckpoints} checkpoints`);

// 2. minimization times (wasm with one compat flag off, fuzzed to its first divergence)
let minimization: unknown = null;
if (!values['no-minimize']) {
  log(`  minimization: ${MINIMIZE_QUIRKS.length} compat flags off, one at a time`);
  const st = await runSelftest({ config: { ...config, baseDir: root }, reference, candidate, seed, quirks: MINIMIZE_QUIRKS, budgetMs: 30_000, workers });
  const times = st.mutants.flatMap((m) => (m.minimizeMs !== undefined ? [m.minimizeMs] : [])).sort((a, b) => a - b);
  minimization = {
    medianMs: Math.round(times[times.length >> 1] ?? NaN),
    maxMs: Math.round(times[times.length - 1] ?? NaN),
    mutants: st.mutants.map((m) => ({ quirk: m.quirk, killed: m.killed, detectMs: m.detectMs === undefined ? null : Math.round(m.detectMs), originalSteps: m.originalSteps ?? null, reproSteps: m.reproSteps ?? null, oneMinimal: m.oneMinimal ?? null, minimizeMs: m.minimizeMs === undefined ? null : Math.round(m.minimizeMs) })),
  };
  for (const m of st.mutants) log(`    ${m.quirk.padEnd(26)} ${m.killed ? `${m.originalSteps} -> ${m.reproSteps} steps in ${Math.round(m.minimizeMs ?? 0)} ms` : 'not found'}`);
}

const out = {
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? null, node: process.version },
  engines: { reference: builtinIdentity('legacy-js'), candidate: builtinIdentity('wasm') },
  settings: { viewport, workers, seed, warmupMs, timeMs, coverage, streamOptions: 'defaults' },
  runs: job.runs,
  wallMs: Math.round(job.wallMs),
  casesPerSecond: Math.round(casesPerSecond),
  harnessShare: r3(share),
  engineShare: r3(1 - share),
  perCaseMs: breakdown,
  streams: { medianLength: health.medianLength, meanLength: r3(health.meanLength), invalidShare: r3(health.invalidShare), medianCheckpoints: health.medianCheckpoints },
  diverged: job.divergences.length,
  minimization,
};
mkdirSync(join(root, 'reports', 'bench'), { recursive: true });
writeFileSync(join(root, 'reports', 'bench', 'fuzz.json'), `${JSON.stringify(out, null, 2)}\n`);
log('  wrote reports/bench/fuzz.json');
process.stdout.write(`bench:fuzz cases_per_s=${Math.round(casesPerSecond)} harness_share=${share.toFixed(3)}\n`);
