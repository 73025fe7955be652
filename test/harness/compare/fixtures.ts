/** Small builders for comparator tests: frames, layout entries, events, observations. */
import type { EngineEvent, Frame, LayoutEntry, Observation } from '../../../engines/shared/observation.ts';

export type Rgba = readonly [number, number, number, number];

export function solidFrame(width: number, height: number, rgba: Rgba = [255, 255, 255, 255]): Frame {
  const data = new Uint8Array(width * height * 4);
  for (let p = 0; p < data.length; p += 4) data.set(rgba, p);
  return { width, height, data };
}

/** A copy of `frame` with the pixels of a rectangle set to `rgba`. */
export function paint(frame: Frame, x: number, y: number, w: number, h: number, rgba: Rgba): Frame {
  const data = frame.data.slice();
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) data.set(rgba, (row * frame.width + col) * 4);
  }
  return { width: frame.width, height: frame.height, data };
}

export function pixelAt(image: { width: number; data: Uint8Array }, x: number, y: number): number[] {
  const p = (y * image.width + x) * 4;
  return [...image.data.subarray(p, p + 4)];
}

export function box(id: number, depth: number, x: number, y: number, width: number, height: number, lines?: string[]): LayoutEntry {
  return lines ? { id, depth, x, y, width, height, lines } : { id, depth, x, y, width, height };
}

export function event(step: number, code: EngineEvent['code'], id: number, detail = ''): EngineEvent {
  const kind = code === 'focus-changed' ? 'focus' : code === 'animation-end' ? 'animation' : 'error';
  return { step, kind, code, id, detail };
}

export function observation(checkpoint: string, step: number, parts: Partial<Observation> = {}): Observation {
  return { checkpoint, step, frame: null, layout: [], events: [], ...parts };
}
