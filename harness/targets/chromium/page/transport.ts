/**
 * Exact transport over CDP: JSON whose non-JSON numbers (-0, NaN, +-Infinity) travel
 * tagged as {"$n": "-0"}, and bytes as base64. JSON.stringify escapes lone surrogates
 * (\udXXX), so text cut inside a surrogate pair arrives as the engine produced it.
 * Used by the page and by Node (./../ChromiumPage.ts).
 */
import type { Frame, Observation } from '../../../../engines/shared/observation.ts';
import type { WireObservation } from '../wire.ts';

const TAG = '$n';

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? { [TAG]: Object.is(v, -0) ? '-0' : String(v) } : v,
  );
}

export function fromJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[TAG];
      if (keys.length === 1 && typeof tagged === 'string') return Number(tagged);
    }
    return v;
  }) as T;
}

/** base64 without Buffer (the page has none); chunked to stay under argument limits. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  }
  return btoa(binary);
}

export function base64ToBytes(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An observation as it leaves the page: the frame copied into base64. */
export function wireObservation(o: Observation, encode: (bytes: Uint8Array) => string = bytesToBase64): WireObservation {
  return {
    checkpoint: o.checkpoint,
    step: o.step,
    frame: o.frame === null ? null : { width: o.frame.width, height: o.frame.height, data: encode(o.frame.data) },
    layout: o.layout,
    events: o.events,
  };
}

/** And back, on the other side. */
export function fromWireObservation(w: WireObservation, decode: (text: string) => Uint8Array = base64ToBytes): Observation {
  const frame: Frame | null = w.frame === null ? null : { width: w.frame.width, height: w.frame.height, data: decode(w.frame.data) };
  return { checkpoint: w.checkpoint, step: w.step, frame, layout: w.layout, events: w.events };
}
