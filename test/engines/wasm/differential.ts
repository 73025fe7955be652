/**
 * Differential runs of the legacy engine (the reference) and the Wasm port: the same
 * commands go to both, and every snapshot must agree bit for bit — frame bytes, layout
 * numbers (Object.is, so NaN and -0 count) and events.
 */
import type { HostAssets } from '../../../engines/shared/assets.ts';
import type { Observation } from '../../../engines/shared/observation.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../../engines/shared/quirks.ts';
import type { Renderer, RendererOptions } from '../../../engines/shared/renderer.ts';
import { createLegacyRenderer } from '../../../engines/legacy-js/index.ts';
import { createWasmRenderer } from '../../../engines/wasm/adapter.ts';
import { EASINGS, KEYS, NODE_TYPES } from '../../../engines/shared/protocol.ts';

/** The first difference between two observations, in words, or null when they agree. */
export function firstDifference(a: Observation, b: Observation): string | null {
  if (a.checkpoint !== b.checkpoint) return `checkpoint: expected ${JSON.stringify(a.checkpoint)}, got ${JSON.stringify(b.checkpoint)}`;
  if (a.step !== b.step) return `step: expected ${a.step}, got ${b.step}`;
  const fa = a.frame!;
  const fb = b.frame!;
  if (fa.width !== fb.width || fa.height !== fb.height) return `frame size: expected ${fa.width}x${fa.height}, got ${fb.width}x${fb.height}`;
  if (!Buffer.from(fa.data.buffer, fa.data.byteOffset, fa.data.byteLength).equals(Buffer.from(fb.data.buffer, fb.data.byteOffset, fb.data.byteLength))) {
    for (let i = 0; i < fa.data.length; i++) {
      if (fa.data[i] !== fb.data[i]) {
        const p = i >> 2;
        const px = (d: Uint8Array) => `[${d.subarray(p * 4, p * 4 + 4).join(',')}]`;
        return `frame: pixel (${p % fa.width}, ${Math.floor(p / fa.width)}): expected ${px(fa.data)}, got ${px(fb.data)}`;
      }
    }
  }
  if (a.layout.length !== b.layout.length) return `layout: expected ${a.layout.length} entries, got ${b.layout.length}`;
  for (let i = 0; i < a.layout.length; i++) {
    const ea = a.layout[i];
    const eb = b.layout[i];
    for (const k of ['id', 'depth', 'x', 'y', 'width', 'height'] as const) {
      if (!Object.is(ea[k], eb[k])) return `layout[${i}] (id ${ea.id}).${k}: expected ${Object.is(ea[k], -0) ? '-0' : ea[k]}, got ${Object.is(eb[k], -0) ? '-0' : eb[k]}`;
    }
    if (JSON.stringify(ea.lines) !== JSON.stringify(eb.lines)) return `layout[${i}] (id ${ea.id}).lines: expected ${JSON.stringify(ea.lines)}, got ${JSON.stringify(eb.lines)}`;
  }
  if (JSON.stringify(a.events) !== JSON.stringify(b.events)) return `events: expected ${JSON.stringify(a.events)}, got ${JSON.stringify(b.events)}`;
  return null;
}

export interface DiffOptions {
  readonly width: number;
  readonly height: number;
  readonly assets: HostAssets;
  /** Flags for the Wasm engine (the legacy engine has none). */
  readonly quirks?: QuirkFlags;
}

/**
 * Runs `commands` through both engines, snapshotting after every `frame` command and at
 * the end. Returns the first difference ("at snapshot k (after step s): ...") or null.
 */
export function diffStream(commands: readonly Command[], options: DiffOptions): string | null {
  const opts: RendererOptions = { width: options.width, height: options.height, assets: options.assets };
  const legacy = createLegacyRenderer(opts);
  const wasm = createWasmRenderer({ ...opts, quirks: options.quirks });
  try {
    let from = 0;
    let k = 0;
    const compareAt = (end: number): string | null => {
      const chunk = commands.slice(from, end);
      legacy.apply(chunk);
      wasm.apply(chunk);
      from = end;
      const diff = firstDifference(legacy.snapshot(), wasm.snapshot());
      return diff === null ? null : `at snapshot ${k++} (after step ${end - 1}): ${diff}`;
    };
    for (let i = 0; i < commands.length; i++) {
      if (commands[i].op !== 'frame') continue;
      const diff = compareAt(i + 1);
      if (diff !== null) return diff;
      k++;
    }
    return compareAt(commands.length);
  } finally {
    legacy.dispose();
    wasm.dispose();
  }
}

const isU32Id = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
const isU32 = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 0xffffffff;
const isValue = (v: unknown): boolean => v === null || ['number', 'string', 'boolean'].includes(typeof v);

/**
 * Whether a command reaches the Wasm engine unchanged through the binary channel
 * (engines/shared/binary.ts): ids and sizes are u32 there (the encoder rejects anything
 * else), enums must be known. Streams that passed the
 * harness validator always are; some legacy unit tests feed garbage the channel cannot
 * carry, and those are checked on the legacy engine only.
 */
export function travelsUnchanged(c: Command): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const k = c as unknown as Record<string, unknown>;
  switch (c.op) {
    case 'create': return isU32Id(k.id) && (NODE_TYPES as readonly unknown[]).includes(k.type);
    case 'set': return isU32Id(k.id) && typeof k.prop === 'string' && isValue(k.value);
    case 'append': case 'remove': return isU32Id(k.parent) && isU32Id(k.child);
    case 'insert': return isU32Id(k.parent) && isU32Id(k.child) && isU32Id(k.before);
    case 'destroy': case 'focus': return isU32Id(k.id);
    case 'key': return (KEYS as readonly unknown[]).includes(k.key);
    case 'animate': return isU32Id(k.id) && typeof k.prop === 'string' && typeof k.to === 'number' && typeof k.ms === 'number' && (EASINGS as readonly unknown[]).includes(k.easing);
    case 'tick': return typeof k.ms === 'number';
    case 'resize': return isU32(k.width) && isU32(k.height);
    case 'frame': return k.name === undefined || typeof k.name === 'string';
    default: return false;
  }
}

/** Scenarios the differential renderer could not compare (they fed non-wire commands). */
export const legacyOnlyScenarios: string[] = [];

/**
 * A Renderer that drives both engines and throws on the first snapshot where they
 * differ; it returns the legacy observation, so tests written for the legacy engine
 * keep their own assertions.
 */
export function differentialRenderer(options: RendererOptions): Renderer {
  const legacy = createLegacyRenderer(options);
  const wasm = createWasmRenderer(options);
  let snapshots = 0;
  let compared = true;
  return {
    apply(commands) {
      legacy.apply(commands);
      if (compared && Array.isArray(commands) && commands.every(travelsUnchanged)) wasm.apply(commands);
      else if (compared) {
        compared = false;
        legacyOnlyScenarios.push(JSON.stringify(commands).slice(0, 120));
      }
    },
    snapshot() {
      const a = legacy.snapshot();
      if (!compared) return a;
      const b = wasm.snapshot();
      const diff = firstDifference(a, b);
      if (diff !== null) throw new Error(`wasm differs from legacy at snapshot ${snapshots}: ${diff}`);
      snapshots++;
      return a;
    },
    dispose() {
      legacy.dispose();
      wasm.dispose();
    },
  };
}
