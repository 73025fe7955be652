/**
 * `npm run bench:browser`: differential cases per second under `--target chromium` —
 * generated streams (harness/generate streamArbitrary, fixed seed, viewport 320x180)
 * through one browser page with legacy-js on its main thread and wasm in its Web
 * Worker, many cases per round trip, frames hashed in the page. Runs for ~10 s after a
 * warm-up; launch time is reported apart. Writes reports/bench/browser.json and ends
 * with `bench:browser cases_per_s=<n>`.
 *
 * Knobs (environment): BENCH_SECONDS (10), BENCH_CASES (streams generated, 2500),
 * BENCH_PAGES (pages side by side, default the target's), BENCH_PER_TRIP (cases per round trip).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { generatedImagePaths } from '../harness/fuzz/generatedAssets.ts';
import { streamArbitrary } from '../harness/generate/index.ts';
import type { CaseResult } from '../harness/results/types.ts';
import type { CaseTask } from '../harness/run/tasks.ts';
import { ChromiumTarget } from '../harness/targets/chromium/ChromiumTarget.ts';
import { CHROMIUM } from '../harness/targets/chromium/launch.ts';

const root = resolve(import.meta.dirname, '..');
const SEED = 20_260_801;
const VIEWPORT = { width: 320, height: 180 };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CASES = Number(process.env.BENCH_CASES ?? 2500);
const PAGES = process.env.BENCH_PAGES ? Number(process.env.BENCH_PAGES) : undefined;
const PER_TRIP = process.env.BENCH_PER_TRIP ? Number(process.env.BENCH_PER_TRIP) : undefined;
const WARMUP = 60;
const CHUNK = 200;

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

// 1. the streams, generated before the clock starts
let t = performance.now();
const images = [...generatedImagePaths()];
const streams = fc.sample(streamArbitrary({ viewport: VIEWPORT }), { seed: SEED, numRuns: CASES });
const tasks: CaseTask[] = streams.map((s, i) => ({
  input: { id: `bench-${i}`, title: `generated stream ${i}`, source: { kind: 'fuzz', seed: SEED, path: '', run: i }, viewport: s.viewport, steps: s.commands },
  assets: images,
}));
const generateMs = performance.now() - t;

// 2. the browser, then a warm-up (JIT, the worker's instance pool)
t = performance.now();
const target = await ChromiumTarget.launch({ pages: PAGES });
const launchMs = performance.now() - t;
const engines = { reference: 'legacy-js', candidate: 'wasm' } as const;
const options = PER_TRIP ? { casesPerTrip: PER_TRIP } : {};
await target.runBatch(tasks.slice(0, WARMUP), engines, options);

// 3. the measured run: chunks until the time is up
const results: CaseResult[] = [];
let next = WARMUP;
const t0 = performance.now();
while (performance.now() - t0 < SECONDS * 1000) {
  if (next >= tasks.length) next = WARMUP; // out of fresh streams: go round again (reported as distinct < cases)
  const chunk = tasks.slice(next, next + CHUNK);
  next += chunk.length;
  results.push(...(await target.runBatch(chunk, engines, options)));
}
const wallS = (performance.now() - t0) / 1000;
const pages = target.pageCount;
await target.close();

const byStatus: Record<string, number> = {};
for (const r of results) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
const steps = results.reduce((n, r) => n + r.steps, 0);
const checkpoints = results.reduce((n, r) => n + r.checkpoints, 0);
const casesPerS = results.length / wallS;
let chromiumVersion = 'unknown';
try {
  chromiumVersion = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {
  // reported as unknown
}

console.log(`bench:browser — ${results.length} generated cases (${Math.min(results.length, tasks.length - WARMUP)} distinct, seed ${SEED}, ${VIEWPORT.width}x${VIEWPORT.height}) in ${round(wallS, 2)} s`);
console.log(`  target chromium: ${pages} page(s), legacy-js on the main thread, wasm in a Web Worker; ${chromiumVersion}`);
console.log(`  ${round(casesPerS)} cases/s · ${round(steps / wallS, 0)} commands/s · ${round(checkpoints / wallS, 0)} checkpoints/s · statuses ${JSON.stringify(byStatus)}`);
console.log(`  generate ${round(generateMs, 0)} ms, launch ${round(launchMs, 0)} ms (not timed); load average ${loadavg().map((l) => round(l, 2)).join(' ')} on ${availableParallelism()} core(s)`);
if ((byStatus.pass ?? 0) !== results.length) console.log('  WARNING: not every case passed (see statuses): the engines or the target disagree');

const out = join(root, 'reports/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'browser.json'), `${JSON.stringify({
  seed: SEED, viewport: VIEWPORT, seconds: round(wallS, 3), cases: results.length, distinct: Math.min(results.length, tasks.length - WARMUP),
  casesPerSecond: round(casesPerS), commandsPerSecond: round(steps / wallS, 0), checkpointsPerSecond: round(checkpoints / wallS, 0),
  byStatus, pages, casesPerTrip: PER_TRIP ?? null, launchMs: round(launchMs, 0), generateMs: round(generateMs, 0),
  chromium: chromiumVersion, loadAverage: loadavg().map((l) => round(l, 2)), cores: availableParallelism(),
}, null, 2)}\n`);
console.log(`bench:browser cases_per_s=${round(casesPerS)}`);
