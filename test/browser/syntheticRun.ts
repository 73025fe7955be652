/**
 * A synthetic run folder (results.json + evidence PNGs and layouts) with chosen pixels,
 * for the report's browser tests and its benchmark: `cases` cases of which `divergent`
 * diverge across `groups` fingerprints, plus a crash, a timeout, an input error, a known
 * quirk and a case whose every text is `</script><script>alert(1)</script>`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRgba } from '../../harness/report/html/imageStore.ts';
import type { CaseResult, RunResults, StoredDivergence } from '../../harness/results/types.ts';
import { RESULTS_FORMAT } from '../../harness/results/types.ts';

export const PAYLOAD = '</script><script>alert(1)</script>';

export interface SyntheticOptions {
  readonly cases: number;
  readonly divergent: number;
  readonly groups?: number;
  readonly width?: number;
  readonly height?: number;
  readonly nodes?: number;
}

type Rect = { x: number; y: number; w: number; h: number; rgba: readonly number[] };

export function paint(width: number, height: number, rects: readonly Rect[]): Uint8Array {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) data.set([240, 242, 245, 255], i * 4);
  for (const r of rects) {
    for (let y = Math.max(0, r.y); y < Math.min(height, r.y + r.h); y++) {
      for (let x = Math.max(0, r.x); x < Math.min(width, r.x + r.w); x++) data.set(r.rgba, (y * width + x) * 4);
    }
  }
  return data;
}

function diffImage(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i += 4) {
    const same = a[i] === b[i] && a[i + 1] === b[i + 1] && a[i + 2] === b[i + 2] && a[i + 3] === b[i + 3];
    out.set(same ? [255, 255, 255, 60] : [255, 0, 0, 255], i);
  }
  return out;
}

const timing = (i: number) => ({ referenceMs: 4 + (i % 17) * 0.7, candidateMs: 2.5 + (i % 13) * 0.4, compareMs: 0.3, totalMs: 8 + (i % 9) });

export function writeSyntheticRun(runDir: string, o: SyntheticOptions): RunResults {
  const width = o.width ?? 160;
  const height = o.height ?? 90;
  const nodes = o.nodes ?? 12;
  const groups = o.groups ?? 10;
  mkdirSync(join(runDir, 'cases'), { recursive: true });
  const cases: CaseResult[] = [];
  for (let i = 0; i < o.cases; i++) {
    const special = i < 5 ? (['escape', 'quirk', 'crash', 'timeout', 'error'] as const)[i] : undefined;
    const diverges = special === 'escape' || special === 'quirk' || (!special && i < o.divergent);
    const id = special === 'escape' ? `escape ${PAYLOAD}` : special === 'quirk' ? 'zindex-string-sort' : `case-${String(i).padStart(4, '0')}`;
    const title = special === 'escape' ? PAYLOAD : `Synthetic case ${i}`;
    const source = special === 'quirk'
      ? { kind: 'scenario' as const, file: 'scenarios/quirks/zindex-string-sort.yaml' }
      : special === 'escape' ? { kind: 'scenario' as const, file: 'test/browser/fixtures/escape.yaml' }
      : i % 3 === 0 ? { kind: 'fuzz' as const, seed: 4242, path: `${i}:0`, run: i } : { kind: 'scenario' as const, file: `scenarios/synthetic/case-${i}.yaml` };
    // the quirk case ran with its flag off to prove the harness notices: classified a known quirk, as a gate would
    const base = { id, title, source, steps: 40, checkpoints: 3, timing: timing(i), ...(special === 'quirk' ? { classification: 'known-quirk' as const, quirk: 'zindex-string-sort' } : {}) };
    if (special === 'crash' || special === 'timeout') {
      const d = special === 'crash'
        ? { kind: 'crash' as const, engine: 'candidate' as const, message: 'RuntimeError: unreachable\n    at wasm-function[12]', checkpoint: 'first', step: 7, fingerprint: 'c0ffee000001', signature: 'crash:candidate:RuntimeError' }
        : { kind: 'timeout' as const, engine: 'candidate' as const, ms: 1500, checkpoint: 'first', step: 9, fingerprint: 'c0ffee000002', signature: 'timeout:candidate' };
      cases.push({ ...base, status: special, divergences: [d] });
      continue;
    }
    if (special === 'error') {
      cases.push({ ...base, status: 'error', steps: 0, checkpoints: 0, divergences: [], error: { message: `scenarios/bad.yaml:3:7: expected a number, got "${PAYLOAD}"`, file: 'scenarios/bad.yaml', line: 3, column: 7 } });
      continue;
    }
    if (!diverges) {
      cases.push({ ...base, status: 'pass', divergences: [] });
      continue;
    }
    // the evidence: node k is a rect; the candidate moves node 2 one pixel right and recolours node 3
    const rects: Rect[] = Array.from({ length: nodes }, (_, k) => ({
      x: 4 + ((k * 23 + i * 7) % Math.max(1, width - 24)), y: 4 + ((k * 11 + i * 3) % Math.max(1, height - 20)), w: 16 + (k % 3) * 4, h: 10 + (k % 2) * 6,
      rgba: [(k * 53 + i) % 256, (k * 97) % 256, (k * 31 + 128) % 256, 255],
    }));
    rects[0] = { x: 8, y: 8, w: 20, h: 12, rgba: [0, 0, 255, 255] };
    const cand = rects.map((r, k) => (k === 2 ? { ...r, x: r.x + 1 } : k === 3 ? { ...r, rgba: [255, 128, 0, 255] } : r));
    cand[0] = { ...cand[0], rgba: [0, 0, 254, 255] };
    const refPixels = paint(width, height, rects);
    const candPixels = paint(width, height, cand);
    const dir = join('cases', `c${i}`);
    mkdirSync(join(runDir, dir), { recursive: true });
    writeFileSync(join(runDir, dir, 'reference.png'), encodeRgba({ width, height, data: refPixels }));
    writeFileSync(join(runDir, dir, 'candidate.png'), encodeRgba({ width, height, data: candPixels }));
    writeFileSync(join(runDir, dir, 'diff.png'), encodeRgba({ width, height, data: diffImage(refPixels, candPixels) }));
    const layout = (list: readonly Rect[]) => [{ id: 0, depth: 0, x: 0, y: 0, width, height }, ...list.map((r, k) => ({
      id: k + 1, depth: 1, x: r.x, y: r.y, width: r.w, height: r.h, ...(special === 'escape' && k === 0 ? { lines: [PAYLOAD] } : {}),
    }))];
    writeFileSync(join(runDir, dir, 'reference.layout.json'), JSON.stringify(layout(rects)));
    writeFileSync(join(runDir, dir, 'candidate.layout.json'), JSON.stringify(layout(cand)));
    // the crops harness/results/artifacts.ts writes: the differing box grown by 4, clamped
    const crop = (pixels: Uint8Array, name: string) => {
      const x0 = 4, y0 = 4, x1 = Math.min(width, 8 + 20 + 4), y1 = Math.min(height, 8 + 12 + 4);
      const out = new Uint8Array((x1 - x0) * (y1 - y0) * 4);
      for (let y = y0; y < y1; y++) out.set(pixels.subarray((y * width + x0) * 4, (y * width + x1) * 4), (y - y0) * (x1 - x0) * 4);
      writeFileSync(join(runDir, dir, name), encodeRgba({ width: x1 - x0, height: y1 - y0, data: out }));
      return join(dir, name);
    };
    const artifacts = { reference: crop(refPixels, '1-menu-reference.png'), candidate: crop(candPixels, '1-menu-candidate.png'), diff: join(dir, 'diff.png') };
    const g = special ? 0 : i % groups;
    const fp = `fa11${String(g).padStart(8, '0')}`;
    const divergences: StoredDivergence[] = [
      { kind: 'layout', checkpoint: special === 'escape' ? PAYLOAD : 'menu', step: 20, fingerprint: fp, signature: `layout:box.x [group ${g}]`, tolerance: 0,
        differences: [{ path: '#3 box.x', id: 3, occurrence: 0, field: 'box.x', reference: rects[2].x, candidate: rects[2].x + 1 }] },
      { kind: 'frame', checkpoint: 'menu', step: 20, fingerprint: 'f4a3e0000000', signature: 'frame:pixels', width, height,
        pixels: 40, ratio: 40 / (width * height), maxChannelDiff: 255, bbox: { x: 8, y: 8, width: 20, height: 12 }, artifacts },
      { kind: 'events', checkpoint: 'menu', step: 20, fingerprint: 'e7e000000000', signature: 'events', referenceCount: 2, candidateCount: 1,
        edits: [{ op: 'delete', index: 1, candidateIndex: 1, reference: { step: 12, kind: 'error', code: 'unknown-node', id: 9, detail: special === 'escape' ? PAYLOAD : '' } }] },
    ] as StoredDivergence[];
    cases.push({
      ...base, status: 'divergence', divergences, firstDivergingCheckpoint: { name: 'menu', step: 20 },
      evidence: {
        checkpoint: 'menu', step: 20, diff: join(dir, 'diff.png'),
        reference: { frame: join(dir, 'reference.png'), layout: join(dir, 'reference.layout.json') },
        candidate: { frame: join(dir, 'candidate.png'), layout: join(dir, 'candidate.layout.json') },
      },
    });
  }
  const results: RunResults = {
    format: RESULTS_FORMAT,
    run: { id: 'synthetic', command: `run synthetic ${PAYLOAD}`, target: 'node', startedAt: '2026-01-02T03:04:05.000Z', finishedAt: '2026-01-02T03:05:05.000Z', durationMs: 60_000 },
    engines: { reference: { name: 'legacy-js', version: '0.1.0', build: 'aaaaaaaaaaaa' }, candidate: { name: 'wasm (quirks off: zindex-string-sort)', version: '0.1.0', build: 'bbbbbbbbbbbb' }, choice: { quirksOff: ['zindex-string-sort'] } },
    determinism: { sampled: ['case-0005'], nondeterministic: [] },
    cases,
    summary: {
      total: cases.length, planned: cases.length,
      byStatus: { pass: 0, divergence: 0, crash: 1, timeout: 1, error: 1, ...Object.fromEntries((['pass', 'divergence'] as const).map((s) => [s, cases.filter((c) => c.status === s).length])) },
      groups: [], exitClass: 3, interrupted: false,
    },
  };
  writeFileSync(join(runDir, 'results.json'), JSON.stringify(results));
  return results;
}
