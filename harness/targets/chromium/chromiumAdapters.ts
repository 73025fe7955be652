/**
 * The page's two engines as EngineAdapters (harness/engines/types.ts), one call per
 * page round trip: what step-by-step tools (parity replay, golden checks) need to run
 * unchanged on the chromium target. The reference lives in the page's "reference"
 * session slot, the candidate in its "candidate" slot; legacy-js runs on the main
 * thread, wasm in the Web Worker. An engine failure comes back as an Error with the
 * engine's name and lastStep, like the in-process adapters throw.
 */
import { encodeBatch } from '../../../engines/shared/binary.ts';
import type { Observation } from '../../../engines/shared/observation.ts';
import { builtinIdentity } from '../../engines/registry.ts';
import type { EngineSpec } from '../../engines/registry.ts';
import type { EngineAdapter, EngineSession, SessionOptions, Viewport } from '../../engines/types.ts';
import { DEFAULT_TIMEOUT_MS } from '../../run/pool.ts';
import type { ChromiumTarget } from './ChromiumTarget.ts';
import type { PageApi } from './ChromiumPage.ts';
import { engineKindOf } from './engineKind.ts';
import { fromJson, fromWireObservation } from './page/transport.ts';
import type { Side, WireObservation } from './wire.ts';

type Reply<T> = { ok: true; value: T } | { ok: false; name: string; message: string; lastStep: number };

function unwrap<T>(json: string): T {
  const reply = fromJson<Reply<T>>(json);
  if (reply.ok) return reply.value;
  throw Object.assign(new Error(reply.message), { name: reply.name, lastStep: reply.lastStep });
}

const decode = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));

export interface ChromiumAdapterOptions {
  readonly timeoutMs?: number;
  /** Draw each snapshot on the page's canvases. */
  readonly present?: boolean;
}

function adapter(target: ChromiumTarget, side: Side, spec: EngineSpec, options: ChromiumAdapterOptions): EngineAdapter {
  const kind = engineKindOf(spec);
  const { timeoutMs = DEFAULT_TIMEOUT_MS, present = false } = options;
  const identity = builtinIdentity('builtin' in spec ? spec.builtin : kind);
  return {
    identity: { ...identity, name: `${identity.name} (chromium)` },
    producesFrames: true,
    async create(viewport: Viewport, o: SessionOptions): Promise<EngineSession> {
      const page = await target.page(0);
      const images = await page.upload(o.assets);
      const open = JSON.stringify({ side, kind, width: viewport.width, height: viewport.height, quirks: o.quirks, images, present });
      unwrap<void>(await page.stepCall(timeoutMs, (p) => p.evaluate((json) => (window as unknown as PageApi).parity.open(json), open)));
      return {
        async apply(batch) {
          const steps = Buffer.from(encodeBatch(batch)).toString('base64');
          unwrap<void>(await page.stepCall(timeoutMs, (p) => p.evaluate((s, b, t) => (window as unknown as PageApi).parity.apply(s, b, t), side, steps, timeoutMs)));
        },
        async snapshot(): Promise<Observation> {
          const wire = unwrap<WireObservation>(await page.stepCall(timeoutMs, (p) => p.evaluate((s, t, show) => (window as unknown as PageApi).parity.snapshot(s, t, show), side, timeoutMs, present)));
          return fromWireObservation(wire, decode);
        },
        async dispose() {
          if (page.alive) await page.stepCall(timeoutMs, (p) => p.evaluate((s) => (window as unknown as PageApi).parity.dispose(s), side));
        },
      };
    },
  };
}

/** Reference and candidate adapters backed by the target's first page. */
export function chromiumAdapters(target: ChromiumTarget, specs: { reference: EngineSpec; candidate: EngineSpec }, options: ChromiumAdapterOptions = {}): {
  reference: EngineAdapter;
  candidate: EngineAdapter;
} {
  return { reference: adapter(target, 'reference', specs.reference, options), candidate: adapter(target, 'candidate', specs.candidate, options) };
}
