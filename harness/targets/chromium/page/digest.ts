/**
 * Observation digests: a 64-bit hash per kind (frame pixels, layout tree, events),
 * computed where the observation is made (in the page, in the Wasm worker, in Node for
 * the cross-target check) so only hashes cross the CDP pipe unless two differ. Moving a
 * 1280x720 frame as base64 costs ~140 ms; hashing it here ~1 ms.
 *
 * Two 32-bit lanes of MurmurHash3's mixing step (Appleby, public domain) with different
 * seeds, finalized with its fmix32. Not cryptographic: equal digests are taken as equal
 * observations (a chance collision is ~2^-64 per pair); any difference is then compared
 * exactly by harness/compare on the full observations. Numbers are hashed by their
 * float64 bits, so -0, NaN and 0.1+0.2 are all told apart: the digest is never looser
 * than the comparison.
 */
import type { EngineEvent, Frame, LayoutEntry, Observation } from '../../../../engines/shared/observation.ts';

const SEED_A = 0x9747b28c;
const SEED_B = 0x2545f491;

class Hash64 {
  private a = SEED_A;
  private b = SEED_B;
  private n = 0;
  private readonly f64 = new Float64Array(1);
  private readonly u32 = new Uint32Array(this.f64.buffer);

  word(k: number): void {
    k = Math.imul(k, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let a = this.a ^ k;
    a = (a << 13) | (a >>> 19);
    this.a = (Math.imul(a, 5) + 0xe6546b64) | 0;
    let b = this.b ^ Math.imul(k, 0x85ebca6b);
    b = (b << 17) | (b >>> 15);
    this.b = (Math.imul(b, 9) + 0x38495ab5) | 0;
    this.n++;
  }

  number(x: number): void {
    this.f64[0] = x;
    this.word(this.u32[0]);
    this.word(this.u32[1]);
  }

  string(s: string): void {
    this.word(s.length);
    for (let i = 0; i < s.length; i += 2) this.word(s.charCodeAt(i) | (i + 1 < s.length ? s.charCodeAt(i + 1) << 16 : 0));
  }

  /** The hot loop (frames): `word` inlined over locals, ~4x faster than calling it per word. */
  bytes(data: Uint8Array): void {
    this.word(data.length);
    const whole = data.length >>> 2;
    const aligned = (data.byteOffset & 3) === 0 ? data : data.slice();
    const words = new Uint32Array(aligned.buffer, aligned.byteOffset, whole);
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < whole; i++) {
      let k = Math.imul(words[i], 0xcc9e2d51);
      k = (k << 15) | (k >>> 17);
      k = Math.imul(k, 0x1b873593);
      a ^= k;
      a = (a << 13) | (a >>> 19);
      a = (Math.imul(a, 5) + 0xe6546b64) | 0;
      b ^= Math.imul(k, 0x85ebca6b);
      b = (b << 17) | (b >>> 15);
      b = (Math.imul(b, 9) + 0x38495ab5) | 0;
    }
    this.a = a;
    this.b = b;
    this.n += whole;
    let tail = 0;
    for (let j = whole << 2, s = 0; j < data.length; j++, s += 8) tail |= data[j] << s;
    this.word(tail);
  }

  hex(): string {
    return hex8(fmix(this.a ^ this.n)) + hex8(fmix(this.b ^ this.n));
  }
}

function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const hex8 = (x: number) => x.toString(16).padStart(8, '0');

export function frameHash(frame: Frame | null): string {
  const h = new Hash64();
  if (frame === null) {
    h.word(0xffffffff);
    return h.hex();
  }
  h.word(frame.width);
  h.word(frame.height);
  h.bytes(frame.data);
  return h.hex();
}

export function layoutHash(layout: readonly LayoutEntry[]): string {
  const h = new Hash64();
  h.word(layout.length);
  for (const e of layout) {
    h.number(e.id);
    h.number(e.depth);
    h.number(e.x);
    h.number(e.y);
    h.number(e.width);
    h.number(e.height);
    if (e.lines === undefined) h.word(0xffffffff);
    else {
      h.word(e.lines.length);
      for (const line of e.lines) h.string(line);
    }
  }
  return h.hex();
}

export function eventsHash(events: readonly EngineEvent[]): string {
  const h = new Hash64();
  h.word(events.length);
  for (const e of events) {
    h.number(e.step);
    h.string(e.kind);
    h.string(e.code);
    h.number(e.id);
    h.string(e.detail);
  }
  return h.hex();
}

/** `frame:layout:events`, 16 hex digits each. */
export function observationHash(o: Observation): string {
  return `${frameHash(o.frame)}:${layoutHash(o.layout)}:${eventsHash(o.events)}`;
}
