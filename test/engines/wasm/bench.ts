/**
 * A quick side-by-side frame-time comparison of the legacy engine and the Wasm port on a
 * busy 1280x720 scene (cards with rounded borders, images, wrapped text, translucent
 * overlays, a running animation and the focus ring). Not a test: run it with
 *   npx tsx test/engines/wasm/bench.ts [frames]
 * and it prints the median (and worst) time per frame (tick + snapshot) of each engine,
 * after checking that both produced identical observations.
 */
import type { HostAssets, ImageAsset } from '../../../engines/shared/assets.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import type { Renderer } from '../../../engines/shared/renderer.ts';
import { createLegacyRenderer } from '../../../engines/legacy-js/index.ts';
import { createWasmRenderer } from '../../../engines/wasm/adapter.ts';
import { loadFont } from '../../../harness/assets/loadFont.ts';
import { firstDifference } from './differential.ts';
import { ensureWasmBuilt } from './wasmFixture.ts';

function gradient(w: number, h: number, alpha: number): ImageAsset {
  const data = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) data.set([(x * 255) / w, (y * 255) / h, 128, alpha], (y * w + x) * 4);
  return { width: w, height: h, data };
}

export function busyScene(): Command[] {
  const c: Command[] = [];
  const set = (id: number, prop: string, value: string | number | boolean) => c.push({ op: 'set', id, prop, value });
  c.push({ op: 'create', id: 1, type: 'view' });
  set(1, 'direction', 'row'); set(1, 'padding', 20); set(1, 'gap', 12); set(1, 'background', '#1a1d24'); set(1, 'width', '100%'); set(1, 'height', '100%');
  c.push({ op: 'append', parent: 0, child: 1 });
  let id = 10;
  for (let col = 0; col < 8; col++) {
    const column = id++;
    c.push({ op: 'create', id: column, type: 'view' });
    set(column, 'gap', 10); set(column, 'grow', 1);
    c.push({ op: 'append', parent: 1, child: column });
    for (let row = 0; row < 5; row++) {
      const card = id++;
      c.push({ op: 'create', id: card, type: 'view' });
      set(card, 'padding', 6); set(card, 'radius', 10); set(card, 'borderWidth', 2); set(card, 'borderColor', '#ffffff60');
      set(card, 'background', row % 2 ? '#2c3e50' : '#34495ecc'); set(card, 'height', 122); set(card, 'gap', 4); set(card, 'focusable', true); set(card, 'clip', true);
      c.push({ op: 'append', parent: column, child: card });
      const pic = id++;
      c.push({ op: 'create', id: pic, type: 'image' });
      set(pic, 'src', (row + col) % 2 ? 'poster' : 'badge'); set(pic, 'fit', (row + col) % 3 ? 'cover' : 'contain'); set(pic, 'height', 70); set(pic, 'radius', 6);
      c.push({ op: 'append', parent: card, child: pic });
      const label = id++;
      c.push({ op: 'create', id: label, type: 'text' });
      set(label, 'text', `Title ${col}-${row}: a fairly long caption that wraps`); set(label, 'fontSize', 8); set(label, 'maxLines', 2); set(label, 'ellipsis', true); set(label, 'color', '#f0f0f0');
      c.push({ op: 'append', parent: card, child: label });
    }
  }
  const overlay = id++;
  c.push({ op: 'create', id: overlay, type: 'view' });
  set(overlay, 'position', 'absolute'); set(overlay, 'x', 100); set(overlay, 'y', 80); set(overlay, 'width', 600); set(overlay, 'height', 400);
  set(overlay, 'background', '#ff880040'); set(overlay, 'radius', 40); set(overlay, 'zIndex', 5);
  c.push({ op: 'append', parent: 0, child: overlay });
  c.push({ op: 'focus', id: 12 });
  c.push({ op: 'animate', id: overlay, prop: 'x', to: 600, ms: 100_000, easing: 'ease-in-out' });
  c.push({ op: 'frame', name: 'busy' });
  return c;
}

export const BENCH_ASSETS = (): HostAssets => ({
  font: loadFont(),
  images: new Map([['poster', gradient(320, 180, 255)], ['badge', gradient(64, 64, 180)]]),
});

/** Times `frames` frames of each engine, alternating engines frame by frame so that
 *  background load on the machine hits both alike. */
function timeBoth(engines: Renderer[], frames: number): { median: number; worst: number }[] {
  const times: number[][] = engines.map(() => []);
  for (let i = 0; i < frames; i++) {
    engines.forEach((r, k) => {
      const t = performance.now();
      r.apply([{ op: 'tick', ms: 16 }]);
      r.snapshot();
      times[k].push(performance.now() - t);
    });
  }
  return times.map((ts) => {
    ts.sort((a, b) => a - b);
    return { median: ts[ts.length >> 1], worst: ts[ts.length - 1] };
  });
}

async function main(): Promise<void> {
  await ensureWasmBuilt();
  const frames = Number(process.argv[2] ?? 60);
  const assets = BENCH_ASSETS();
  const options = { width: 1280, height: 720, assets };
  const legacy = createLegacyRenderer(options);
  const wasm = createWasmRenderer(options);
  const scene = busyScene();
  legacy.apply(scene);
  wasm.apply(scene);
  const diff = firstDifference(legacy.snapshot(), wasm.snapshot());
  if (diff !== null) throw new Error(`engines differ on the bench scene: ${diff}`);
  // warm up both, then measure them frame by frame in alternation
  timeBoth([legacy, wasm], 10);
  const [l, w] = timeBoth([legacy, wasm], frames);
  const diffAfter = firstDifference(legacy.snapshot(), wasm.snapshot());
  console.log(`1280x720 busy scene, ${frames} frames (tick + snapshot):`);
  console.log(`  legacy  median ${l.median.toFixed(2)} ms  worst ${l.worst.toFixed(2)} ms`);
  console.log(`  wasm    median ${w.median.toFixed(2)} ms  worst ${w.worst.toFixed(2)} ms`);
  console.log(`  ratio   ${(w.median / l.median).toFixed(3)}  (identical after the run: ${diffAfter === null})`);
  const memory = (wasm as unknown as { engineExports(): { memory: WebAssembly.Memory } }).engineExports().memory;
  console.log(`  wasm instance memory ${(memory.buffer.byteLength / 1048576).toFixed(2)} MiB`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) await main();
