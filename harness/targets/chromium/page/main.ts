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
import type { Renderer, RendererFactory } from '../../../../engines/shared/renderer.ts';
import type { QuirkFlags } from '../../../../engines/shared/quirks.ts';
import { PROGRESS_BINDING, PROGRESS_GLOBAL, SIDES } from '../wire.ts';
import type { CaseRun, EngineKind, RunRequest, Side, SideRun, WireCase } from '../wire.ts';
import { failureOf } from './failure.ts';
import { isCheckpoint, runRendererSide } from './rendererSide.ts';
import type { StreamBatch } from './rendererSide.ts';
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

/** A case decoded once for both of its engines. */
interface PageCase {
  readonly c: WireCase;
  /** Each batch's encoded bytes (forwarded to the worker as they are) and commands (for legacy). */
  readonly bytes: readonly Uint8Array[];
  readonly batches: readonly StreamBatch[];
  readonly assets: HostAssets;
}

function decodeCase(c: WireCase): PageCase {
  const all = base64ToBytes(c.steps);
  const bytes: Uint8Array[] = [];
  const batches: StreamBatch[] = [];
  let start = 0;
  for (let b = 0; b + 1 < c.offsets.length; b++) {
    const slice = all.subarray(c.offsets[b], c.offsets[b + 1]);
    const commands = decodeBatch(slice);
    bytes.push(slice);
    batches.push({ start, commands });
    start += commands.length;
  }
  return { c, bytes, batches, assets: assetsOf(c.images) };
}

/** Sends a side's whole stream to the worker, one message per checkpoint batch (as proxy nodes do). */
function startWasmSide(client: WasmWorkerClient, pc: PageCase, side: Side, request: RunRequest): PendingSide {
  const { c } = pc;
  const pending = client.open(c.seq, side);
  const keep = keepOf(request.keep?.[side]);
  client.post({ t: 'open', seq: c.seq, side, width: c.width, height: c.height, quirks: request.quirks[side], images: c.images, present: request.present });
  let checkpoint = 0;
  pc.batches.forEach((batch, b) => {
    const bytes = pc.bytes[b].slice();
    const snapshot: SnapshotMode = !isCheckpoint(batch) ? 'none' : keep(checkpoint++) ? 'full' : 'digest';
    client.post({ t: 'apply', seq: c.seq, side, batch: b, bytes, snapshot }, [bytes.buffer]);
  });
  client.post({ t: 'close', seq: c.seq, side });
  if (request.present) {
    pending.onReply = (m) => {
      if (m.t === 'ok' && m.frame && m.digest) drawFrame(side, 'wasm', m.frame, `${m.digest.checkpoint || '(unnamed)'} · step ${m.digest.step}`);
    };
  }
  return pending;
}

/** The case's worker sides (and its worker debug hook), posted now. */
async function startWorkerSides(pc: PageCase, request: RunRequest): Promise<Partial<Record<Side, PendingSide>>> {
  const pending: Partial<Record<Side, PendingSide>> = {};
  if (!SIDES.some((s) => request.engines[s] === 'wasm')) return pending;
  const client = await liveWorker();
  const hook = pc.c.debug;
  if (hook === 'hang-worker' || hook === 'crash-worker') client.post({ t: 'debug', hook: hook === 'hang-worker' ? 'hang' : 'crash' });
  for (const side of SIDES) if (request.engines[side] === 'wasm') pending[side] = startWasmSide(client, pc, side, request);
  return pending;
}

/** Debug hook hang-main: a legacy engine stuck in its first batch (an infinite loop on this thread). */
const hangingLegacy: RendererFactory = (options) => {
  const renderer = createLegacyRenderer(options);
  return {
    apply: () => {
      for (;;);
    },
    snapshot: () => renderer.snapshot(),
    dispose: () => renderer.dispose(),
  };
};

/**
 * The cases of one round trip, pipelined: the worker always has the next case queued
 * while this thread runs the current case's legacy side, so neither waits for the
 * other. A worker killed on a case (hang, death) takes the queued case's sides with it:
 * those are posted again to the fresh worker.
 */
async function runCases(request: RunRequest): Promise<CaseRun[]> {
  const out: CaseRun[] = [];
  const cases = request.cases;
  const decoded = new Map<number, PageCase>();
  const pageCase = (i: number) => {
    let pc = decoded.get(i);
    if (!pc) decoded.set(i, (pc = decodeCase(cases[i])));
    return pc;
  };
  const startable = (i: number) => i < cases.length && cases[i].debug !== 'crash-page';
  let queued = startable(0) ? startWorkerSides(pageCase(0), request) : null;
  for (let i = 0; i < cases.length; i++) {
    const c = cases[i];
    progress(`c ${c.seq}`);
    if (c.debug === 'crash-page') {
      progress(`x ${c.seq}`);
      await new Promise(() => {}); // Node crashes this renderer now (CDP Page.crash)
    }
    const pc = pageCase(i);
    const pending = (await queued) ?? (await startWorkerSides(pc, request));
    const next = startable(i + 1) ? i + 1 : -1;
    queued = next >= 0 ? startWorkerSides(pageCase(next), request) : null;
    const deadline = performance.now() + request.timeoutMs;
    if (request.present) showCase(`case ${c.seq}`);

    // 1. the legacy sides, here, while the worker runs this case's wasm sides
    const runs: Partial<Record<Side, SideRun>> = {};
    for (const side of SIDES) {
      if (request.engines[side] !== 'legacy-js') continue;
      runs[side] = runRendererSide(c.debug === 'hang-main' ? hangingLegacy : createLegacyRenderer, {
        seq: c.seq, side, width: c.width, height: c.height, batches: pc.batches, assets: pc.assets, quirks: request.quirks[side],
        keep: keepOf(request.keep?.[side]), progress,
        draw: request.present ? (frame, name, step) => drawFrame(side, 'legacy-js', frame, `${name || '(unnamed)'} · step ${step}`) : undefined,
      });
    }

    // 2. the worker sides, within the case's time limit
    const client = worker;
    for (const side of SIDES) {
      const p = pending[side];
      if (!p || !client) continue;
      progress(`w ${c.seq} ${side} ${pc.batches[p.answered]?.start ?? -1}`);
      await client.settle(p, deadline);
      client.forget(c.seq, side);
      runs[side] = { digests: p.digests, full: p.full, ...(p.failure ? { failure: p.failure } : {}), ms: p.ms };
    }
    if (client?.dead && next >= 0) {
      // the queued case went down with the worker: send it again, to a fresh one
      await queued;
      for (const side of SIDES) client.forget(cases[next].seq, side);
      queued = startWorkerSides(pageCase(next), request);
    }
    out.push({ seq: c.seq, reference: runs.reference!, candidate: runs.candidate! });
  }
  return out;
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
  // the worker is started with the page, so the first case does not pay for it
  ready: liveWorker().then(() => true),

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
    return toJson(await runCases(JSON.parse(json) as RunRequest));
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
