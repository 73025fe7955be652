/**
 * The fuzzer's hot path: are two observations identical? Byte equality of frames
 * (Buffer.equals), then layouts and events field by field, allocating nothing. Only a
 * pair that is not identical goes through harness/compare (which also applies
 * configured tolerances and computes fingerprints).
 */
import type { EngineEvent, Frame, LayoutEntry, Observation } from '../../engines/shared/observation.ts';

const same = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

function bytes(f: Frame): Buffer {
  return Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength);
}

function sameFrame(a: Frame | null, b: Frame | null): boolean {
  if (a === null || b === null) return a === b;
  return a.width === b.width && a.height === b.height && bytes(a).equals(bytes(b));
}

function sameLines(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sameEntry(a: LayoutEntry, b: LayoutEntry): boolean {
  return a.id === b.id && a.depth === b.depth && same(a.x, b.x) && same(a.y, b.y) && same(a.width, b.width) && same(a.height, b.height) && sameLines(a.lines, b.lines);
}

function sameEvent(a: EngineEvent, b: EngineEvent): boolean {
  return a.step === b.step && a.kind === b.kind && a.code === b.code && a.id === b.id && a.detail === b.detail;
}

function sameList<T>(a: readonly T[], b: readonly T[], eq: (x: T, y: T) => boolean): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!eq(a[i], b[i])) return false;
  return true;
}

export function sameObservation(a: Observation, b: Observation): boolean {
  return a.checkpoint === b.checkpoint && a.step === b.step && sameList(a.events, b.events, sameEvent) && sameList(a.layout, b.layout, sameEntry) && sameFrame(a.frame, b.frame);
}
