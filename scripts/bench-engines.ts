/**
 * `npm run bench:engines`: median frame time of the legacy and the Wasm engine on the
 * fixed scenes (scripts/bench-scenes.ts) at three sizes, measured side by side in one process
 * (frames interleaved, so machine noise hits both alike); the Wasm module's size raw and
 * gzip; the Wasm instance's linear memory at 1280x720. Checks the two engines rendered
 * identical frames. Writes reports/bench/engines.json and ends with the summary line.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createLegacyRenderer } from '../engines/legacy-js/index.ts';
import type { Renderer } from '../engines/shared/renderer.ts';
import { createWasmRenderer, DEFAULT_WASM_PATH, WasmRenderer } from '../engines/wasm/adapter.ts';
import { loadHostAssets } from '../harness/assets/hostAssets.ts';
import { BENCH_IMAGES, benchScenes } from './bench-scenes.ts';

const root = resolve(import.meta.dirname, '..');
const SIZES = [[320, 180], [1280, 720], [1920, 1080]] as const;
const FRAMES = Number(process.env.BENCH_FRAMES ?? 30);
const WARMUP = 5;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

const assets = loadHostAssets(new Map(Object.entries(BENCH_IMAGES).map(([k, v]) => [k, join(root, v)])));
const wasmBytes = readFileSync(DEFAULT_WASM_PATH);

interface Row { size: string; scene: string; legacyMs: number; wasmMs: number; ratio: number; identical: boolean }
const rows: Row[] = [];
const perSize: Record<string, { legacy: number[]; wasm: number[] }> = {};
let wasmMemoryBytes720 = 0;

for (const [width, height] of SIZES) {
  const size = `${width}x${height}`;
  perSize[size] = { legacy: [], wasm: [] };
  // a module compiled per size: its own instance pool, so memory is measured per size
  const module = new WebAssembly.Module(wasmBytes);
  for (const scene of benchScenes(width, height)) {
    const engines: Record<'legacy' | 'wasm', Renderer> = {
      legacy: createLegacyRenderer({ width, height, assets }),
      wasm: createWasmRenderer({ width, height, assets }, { module }),
    };
    const times = { legacy: [] as number[], wasm: [] as number[] };
    for (const e of Object.values(engines)) e.apply(scene.setup);
    let identical = true;
    for (let f = 0; f < WARMUP + FRAMES; f++) {
      const frames: Record<string, Uint8Array> = {};
      for (const name of (f % 2 ? ['wasm', 'legacy'] : ['legacy', 'wasm']) as Array<'legacy' | 'wasm'>) {
        const e = engines[name];
        const t = performance.now();
        if (scene.perFrame.length) e.apply(scene.perFrame);
        const o = e.snapshot();
        const dt = performance.now() - t;
        frames[name] = o.frame!.data;
        if (f >= WARMUP) times[name].push(dt);
      }
      if (!Buffer.from(frames.legacy.buffer, frames.legacy.byteOffset, frames.legacy.byteLength).equals(Buffer.from(frames.wasm.buffer, frames.wasm.byteOffset, frames.wasm.byteLength))) identical = false;
    }
    if (width === 1280) {
      const memory = (engines.wasm as WasmRenderer).engineExports().memory as WebAssembly.Memory;
      wasmMemoryBytes720 = Math.max(wasmMemoryBytes720, memory.buffer.byteLength);
    }
    for (const e of Object.values(engines)) e.dispose();
    perSize[size].legacy.push(...times.legacy);
    perSize[size].wasm.push(...times.wasm);
    const legacyMs = median(times.legacy);
    const wasmMs = median(times.wasm);
    rows.push({ size, scene: scene.name, legacyMs: round(legacyMs), wasmMs: round(wasmMs), ratio: round(wasmMs / legacyMs), identical });
  }
}

const sizes = Object.entries(perSize).map(([size, t]) => {
  const legacyMs = median(t.legacy);
  const wasmMs = median(t.wasm);
  return { size, legacyMs: round(legacyMs), wasmMs: round(wasmMs), ratio: round(wasmMs / legacyMs) };
});
const rawKb = wasmBytes.length / 1024;
const gzipKb = gzipSync(wasmBytes, { level: 9 }).length / 1024;
const memoryMb = wasmMemoryBytes720 / (1024 * 1024);

console.log(`bench:engines — ${FRAMES} frames per scene and engine after ${WARMUP} warm-up frames, engines interleaved`);
console.log(`  ${'size'.padEnd(10)} ${'scene'.padEnd(17)} ${'legacy ms'.padStart(10)} ${'wasm ms'.padStart(9)} ${'ratio'.padStart(6)}  same frames`);
for (const r of rows) console.log(`  ${r.size.padEnd(10)} ${r.scene.padEnd(17)} ${r.legacyMs.toFixed(3).padStart(10)} ${r.wasmMs.toFixed(3).padStart(9)} ${r.ratio.toFixed(2).padStart(6)}  ${r.identical ? 'yes' : 'NO'}`);
console.log('  median over all scenes:');
for (const s of sizes) console.log(`  ${s.size.padEnd(10)} legacy ${s.legacyMs.toFixed(3)} ms · wasm ${s.wasmMs.toFixed(3)} ms · wasm/legacy ${s.ratio.toFixed(2)}`);
console.log(`  wasm module: ${rawKb.toFixed(1)} KB raw, ${gzipKb.toFixed(1)} KB gzip; instance memory at 1280x720: ${memoryMb.toFixed(2)} MB`);

const out = join(root, 'reports/bench');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'engines.json'), `${JSON.stringify({ frames: FRAMES, warmup: WARMUP, rows, sizes, wasm: { rawKb: round(rawKb, 1), gzipKb: round(gzipKb, 1), memoryMb720: round(memoryMb, 2) } }, null, 2)}\n`);
const r720 = sizes.find((s) => s.size === '1280x720')!.ratio;
const mismatches = rows.filter((r) => !r.identical).length;
if (mismatches > 0) console.log(`  WARNING: ${mismatches} scene(s) rendered differently in the two engines`);
console.log(`bench:engines ratio_1280x720=${r720.toFixed(2)} wasm_gzip_kb=${gzipKb.toFixed(1)} wasm_memory_mb=${memoryMb.toFixed(2)}`);
