/**
 * The page's case driver (bundled with the legacy engine by ../bundle.ts): hosts the
 * legacy engine on this main thread and the Wasm engine in a Web Worker
 * (./wasmWorker.ts), and exposes `window.parity` to the Node side:
 *
 *   putFont / putImage      host assets, sent once per page and referenced by key
 *   runCases(request)       many cases per round trip; per checkpoint a digest of each
 *                           engine's observation (frames hashed here, never shipped),
 *                           full observations only for the checkpoints asked for
 *   open/apply/snapshot/dispose   one engine session step by step (replay)
 *
 * Progress goes out through a CDP binding as it happens, so when this thread hangs or
 * the renderer dies, Node knows which case, engine and step it was in.
 */
import type { FontAtlas, HostAssets, ImageAsset } from '../../../../engines/shared/assets.ts';
import { ByteWriter, decodeBatch, encodeBatch } from '../../../../engines/shared/binary.ts';
import { createLegacyRenderer } from '../../../../engines/legacy-js/index.ts';
import type { Command } from '../../../../engines/shared/protocol.ts';
import type { Renderer } from '../../../../engines/shared/renderer.ts';
import type { QuirkFlags } from '../../../../engines/shared/quirks.ts';
import { checkpointBatches } from '../../../run/observeStream.ts';
import { PROGRESS_BINDING, PROGRESS_GLOBAL, SIDES } from '../wire.ts';
import type { CaseRun, EngineKind, RunRequest, Side, SideRun, WireCase } from '../wire.ts';
import { failureOf } from './failure.ts';
import { runLegacySide } from './legacySide.ts';
import { drawFrame, showCase } from './present.ts';
import { base64ToBytes, toJson, wireObservation } from './transport.ts';
import { WasmWorkerClient } from './wasmWorkerClient.ts';
import type { PendingSide } from './wasmWorkerClient.ts';
import type { SnapshotMode } from './workerMessages.ts';

const WORKER_URL = '/worker.js';
const WASM_URL = '/engine.wasm';

let font: FontAtlas | null = null;
const images = new Map<number, ImageAsset>();
let worker: WasmWorkerClient | null = null;
const writer = new ByteWriter();

/**
 * Progress: a case start goes out through the CDP binding at once (it re-arms Node's
 * watchdog and names the case if the renderer dies); finer progress (engine and step)
 * only lands in a global, which Node reads after stopping a hung script
 * (Runtime.terminateExecution): a binding call per batch would cost ~0.15 ms each.
 */
const binding = (globalThis as unknown as Record<string, ((s: string) => void) | undefined>)[PROGRESS_BINDING];
const progress = (text: string) => {
  (globalThis as unknown as Record<string, string>)[PROGRESS_GLOBAL] = text;
  if (text.startsWith('c ') || text.startsWith('x ')) binding?.(text);
};

const module: Promise<WebAssembly.Module> = WebAssembly.compileStreaming(fetch(WASM_URL));

async function liveWorker(): Promise<WasmWorkerClient> {
  if (!worker || worker.dead) worker = new WasmWorkerClient(WORKER_URL, await module, font, images);
  await worker.ready;
  return worker;
}

function assetsOf(list: ReadonlyArray<readonly [string, number]>): HostAssets {
  if (!font) throw new Error('no font: putFont must run before any case');
  return {
    font,
    images: new Map(list.map(([name, key]) => {
      const image = images.get(key);
      if (!image) throw new Error(`image "${name}" (key ${key}) was never uploaded`);
      return [name, image];
    })),
  };
}

const keepOf = (keep: readonly number[] | 'all' | undefined) =>
  keep === undefined ? () => false : keep === 'all' ? () => true : (i: number) => keep.includes(i);

/** Sends a side's whole stream to the worker, one message per checkpoint batch. */
function startWasmSide(client: WasmWorkerClient, c: WireCase, side: Side, steps: readonly Command[], batches: ReadonlyArray<readonly [number, number]>,
  request: RunRequest): PendingSide {
  const pending = client.open(c.seq, side);
  const keep = keepOf(request.keep?.[side]);
  client.post({ t: 'open', seq: c.seq, side, width: c.width, height: c.height, quirks: request.quirks[side], images: c.images, present: request.present });
  let checkpoint = 0;
  batches.forEach(([start, end], batch) => {
    const bytes = encodeBatch(steps.slice(start, end), writer).slice();
    const isCheckpoint = steps[end - 1].op === 'frame';
    const snapshot: SnapshotMode = !isCheckpoint ? 'none' : keep(checkpoint) ? 'full' : 'digest';
    if (isCheckpoint) checkpoint++;
    client.post({ t: 'apply', seq: c.seq, side, batch, bytes, snapshot }, [bytes.buffer]);
  });
  client.post({ t: 'close', seq: c.seq, side });
  if (request.present) {
    pending.onReply = (m) => {
      if (m.t === 'ok' && m.frame && m.digest) drawFrame(side, 'wasm', m.frame, `${m.digest.checkpoint || '(unnamed)'} · step ${m.digest.step}`);
    };
  }
  return pending;
}

async function runCase(c: WireCase, request: RunRequest): Promise<CaseRun> {
  const deadline = performance.now() + request.timeoutMs;
  progress(`c ${c.seq}`);
  if (c.debug === 'crash-page') {
    progress(`x ${c.seq}`);
    await new Promise(() => {}); // Node crashes this renderer now (CDP Page.crash)
  }
  const steps = decodeBatch(base64ToBytes(c.steps));
  const batches = checkpointBatches(steps);
  const assets = assetsOf(c.images);
  const kinds = request.engines;
  const needsWorker = SIDES.some((s) => kinds[s] === 'wasm');
  const client = needsWorker ? await liveWorker() : null;
  if (client && (c.debug === 'hang-worker' || c.debug === 'crash-worker')) client.post({ t: 'debug', hook: c.debug === 'hang-worker' ? 'hang' : 'crash' });
  if (request.present) showCase(`case ${c.seq}`);

  // 1. the worker sides get their messages first, so the Wasm engine works while this thread runs legacy
  const pending: Partial<Record<Side, PendingSide>> = {};
  for (const side of SIDES) if (kinds[side] === 'wasm') pending[side] = startWasmSide(client!, c, side, steps, batches, request);
  if (c.debug === 'hang-main') for (;;);

  // 2. the legacy sides, here
  const runs: Partial<Record<Side, SideRun>> = {};
  for (const side of SIDES) {
    if (kinds[side] !== 'legacy-js') continue;
    runs[side] = runLegacySide({
      seq: c.seq, side, width: c.width, height: c.height, steps, batches, assets, quirks: request.quirks[side],
      keep: keepOf(request.keep?.[side]), progress,
      draw: request.present ? (frame, name, step) => drawFrame(side, 'legacy-js', frame, `${name || '(unnamed)'} · step ${step}`) : undefined,
    });
  }

  // 3. wait for the worker, within the case's time limit
  for (const side of SIDES) {
    const p = pending[side];
    if (!p) continue;
    progress(`w ${c.seq} ${side} ${batches[p.answered]?.[0] ?? -1}`);
    await client!.settle(p, deadline);
    client!.forget(c.seq, side);
    runs[side] = { digests: p.digests, full: p.full, ...(p.failure ? { failure: p.failure } : {}), ms: p.ms };
  }
  return { seq: c.seq, reference: runs.reference!, candidate: runs.candidate! };
}

/** One engine session driven a call at a time (replay). */
interface StepSession {
  readonly side: Side;
  readonly kind: EngineKind;
  readonly seq: number;
  legacy?: Renderer;
  pending?: PendingSide;
  batch: number;
}
const stepSessions = new Map<Side, StepSession>();
let stepSeq = -1;

type StepReply = { ok: true; value?: unknown } | { ok: false; name: string; message: string; lastStep: number };

async function stepCall(side: Side, run: (s: StepSession) => Promise<unknown> | unknown): Promise<string> {
  const s = stepSessions.get(side);
  if (!s) return toJson({ ok: false, name: 'Error', message: `no open ${side} session in the page`, lastStep: -1 } satisfies StepReply);
  try {
    return toJson({ ok: true, value: await run(s) } satisfies StepReply);
  } catch (error) {
    return toJson({ ok: false, ...failureOf(error) } satisfies StepReply);
  }
}

/** Posts one batch to the worker and waits for its answer. */
async function workerStep(s: StepSession, commands: readonly Command[], snapshot: SnapshotMode, timeoutMs: number): Promise<unknown> {
  const p = s.pending!;
  const batch = s.batch++;
  const bytes = encodeBatch(commands, writer).slice();
  worker!.post({ t: 'apply', seq: s.seq, side: s.side, batch, bytes, snapshot }, [bytes.buffer]);
  const answered = await worker!.waitFor(p, () => p.answered > batch || p.failure !== undefined, performance.now() + timeoutMs);
  if (p.failure) throw Object.assign(new Error(p.failure.message), { name: p.failure.name, lastStep: p.failure.lastStep });
  if (!answered) {
    worker!.kill('timeout', `the wasm worker did not answer within ${timeoutMs} ms`);
    throw new Error(`the wasm worker did not answer within ${timeoutMs} ms`);
  }
  return snapshot === 'full' ? p.full[p.digests.length - 1] : undefined;
}

const api = {
  ready: module.then(() => true),

  putFont(json: string): void {
    const f = JSON.parse(json) as Omit<FontAtlas, 'coverage'> & { coverage: string };
    font = { ...f, coverage: base64ToBytes(f.coverage) };
    if (worker && !worker.dead) worker.post({ t: 'font', font });
  },

  putImage(key: number, width: number, height: number, data: string): void {
    const image: ImageAsset = { width, height, data: base64ToBytes(data) };
    images.set(key, image);
    if (worker && !worker.dead) worker.post({ t: 'image', key, image });
  },

  async runCases(json: string): Promise<string> {
    const request = JSON.parse(json) as RunRequest;
    const out: CaseRun[] = [];
    for (const c of request.cases) out.push(await runCase(c, request));
    return toJson(out);
  },

  async open(json: string): Promise<string> {
    const o = JSON.parse(json) as { side: Side; kind: EngineKind; width: number; height: number; quirks?: QuirkFlags; images: [string, number][]; present: boolean };
    const seq = stepSeq--;
    await api.dispose(o.side);
    const session: StepSession = { side: o.side, kind: o.kind, seq, batch: 0 };
    stepSessions.set(o.side, session);
    return stepCall(o.side, async () => {
      if (o.kind === 'legacy-js') {
        session.legacy = createLegacyRenderer({ width: o.width, height: o.height, assets: assetsOf(o.images), quirks: o.quirks });
        return;
      }
      const client = await liveWorker();
      session.pending = client.open(seq, o.side);
      client.post({ t: 'open', seq, side: o.side, width: o.width, height: o.height, quirks: o.quirks, images: o.images, present: false });
      if (session.pending.failure) throw new Error(session.pending.failure.message);
    });
  },

  async apply(side: Side, steps: string, timeoutMs: number): Promise<string> {
    return stepCall(side, (s) => {
      const commands = decodeBatch(base64ToBytes(steps));
      if (s.legacy) return s.legacy.apply(commands);
      return workerStep(s, commands, 'none', timeoutMs);
    });
  },

  async snapshot(side: Side, timeoutMs: number, present: boolean): Promise<string> {
    return stepCall(side, async (s) => {
      const o = s.legacy ? wireObservation(s.legacy.snapshot()) : ((await workerStep(s, [], 'full', timeoutMs)) as ReturnType<typeof wireObservation>);
      if (present && o.frame) drawFrame(side, s.kind, { width: o.frame.width, height: o.frame.height, data: base64ToBytes(o.frame.data) }, `${o.checkpoint || '(unnamed)'} · step ${o.step}`);
      return o;
    });
  },

  async dispose(side: Side): Promise<string> {
    const s = stepSessions.get(side);
    stepSessions.delete(side);
    if (!s) return toJson({ ok: true });
    try {
      s.legacy?.dispose();
      if (s.pending && worker && !worker.dead) {
        worker.post({ t: 'close', seq: s.seq, side });
        worker.forget(s.seq, side);
      }
    } catch {
      // as runCase: a failing dispose never hides an outcome
    }
    return toJson({ ok: true });
  },

  showCase,
};

(globalThis as unknown as { parity: typeof api }).parity = api;
