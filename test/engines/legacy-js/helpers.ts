/**
 * Test helpers for the legacy engine: a synthetic 2x2 font atlas, tiny images, command
 * builders and a pixel reader.
 */
import type { FontAtlas, HostAssets, ImageAsset } from '../../../engines/shared/assets.ts';
import type { Command, Easing, Key, NodeType, Value } from '../../../engines/shared/protocol.ts';
import type { EngineEvent, LayoutEntry, Observation } from '../../../engines/shared/observation.ts';
import type { Renderer } from '../../../engines/shared/renderer.ts';
import { createLegacyRenderer } from '../../../engines/legacy-js/index.ts';

export type Rgba = [number, number, number, number];

export const BLACK: Rgba = [0, 0, 0, 255];
export const WHITE: Rgba = [255, 255, 255, 255];
export const RED: Rgba = [255, 0, 0, 255];
export const BLUE: Rgba = [0, 0, 255, 255];
export const RING: Rgba = [255, 204, 0, 255];

/**
 * A 2x2-cell atlas for codes 32..127. Space is empty, '.' is covered at 128, '|' is the
 * left column, '^' the top row, every other printable glyph is fully covered, and the
 * fallback (index 95, code 127) is the diagonal: top-left and bottom-right.
 */
export function syntheticAtlas(): FontAtlas {
  const glyphCount = 96;
  const coverage = new Uint8Array(glyphCount * 4);
  for (let g = 0; g < glyphCount; g++) {
    const code = 32 + g;
    let cell = [255, 255, 255, 255];
    if (code === 32) cell = [0, 0, 0, 0];
    else if (code === 46) cell = [128, 128, 128, 128];
    else if (code === 124) cell = [255, 0, 255, 0];
    else if (code === 94) cell = [255, 255, 0, 0];
    else if (g === 95) cell = [255, 0, 0, 255];
    coverage.set(cell, g * 4);
  }
  return { cellWidth: 2, cellHeight: 2, firstCode: 32, glyphCount, fallbackIndex: 95, coverage };
}

/** An image from rows of RGBA pixels. */
export function image(rows: Rgba[][]): ImageAsset {
  const height = rows.length;
  const width = rows[0].length;
  const data = new Uint8Array(width * height * 4);
  rows.forEach((row, y) => row.forEach((px, x) => data.set(px, (y * width + x) * 4)));
  return { width, height, data };
}

export interface RunOptions {
  width?: number;
  height?: number;
  images?: Record<string, ImageAsset>;
}

export function assets(images: Record<string, ImageAsset> = {}): HostAssets {
  return { font: syntheticAtlas(), images: new Map(Object.entries(images)) };
}

export function renderer(options: RunOptions = {}): Renderer {
  return createLegacyRenderer({ width: options.width ?? 20, height: options.height ?? 20, assets: assets(options.images) });
}

/** Applies the commands to a fresh renderer and returns its snapshot. */
export function run(commands: Command[], options: RunOptions = {}): Observation {
  const r = renderer(options);
  r.apply(commands);
  return r.snapshot();
}

export function pixel(obs: Observation, x: number, y: number): Rgba {
  const f = obs.frame!;
  const i = (y * f.width + x) * 4;
  return [f.data[i], f.data[i + 1], f.data[i + 2], f.data[i + 3]];
}

/** One row of the frame as red-channel values (compact for assertions). */
export function redRow(obs: Observation, y: number): number[] {
  const f = obs.frame!;
  const out: number[] = [];
  for (let x = 0; x < f.width; x++) out.push(f.data[(y * f.width + x) * 4]);
  return out;
}

/** The (last) layout entry of a node. */
export function box(obs: Observation, id: number): LayoutEntry {
  const found = obs.layout.filter((e) => e.id === id);
  if (found.length === 0) throw new Error(`expected node ${id} in the layout, got ids ${obs.layout.map((e) => e.id).join(',')}`);
  return found[found.length - 1];
}

export function rect(e: LayoutEntry): [number, number, number, number] {
  return [e.x, e.y, e.width, e.height];
}

export function codes(events: readonly EngineEvent[]): string[] {
  return events.map((e) => e.code);
}

// ---- command builders ----
export const create = (id: number, type: NodeType = 'view'): Command => ({ op: 'create', id, type });
export const set = (id: number, prop: string, value: Value): Command => ({ op: 'set', id, prop, value });
export const append = (parent: number, child: number): Command => ({ op: 'append', parent, child });
export const insert = (parent: number, child: number, before: number): Command => ({ op: 'insert', parent, child, before });
export const remove = (parent: number, child: number): Command => ({ op: 'remove', parent, child });
export const destroy = (id: number): Command => ({ op: 'destroy', id });
export const focus = (id: number): Command => ({ op: 'focus', id });
export const key = (k: Key): Command => ({ op: 'key', key: k });
export const animate = (id: number, prop: string, to: number, ms: number, easing: Easing = 'linear'): Command => ({ op: 'animate', id, prop, to, ms, easing });
export const tick = (ms: number): Command => ({ op: 'tick', ms });
export const resize = (width: number, height: number): Command => ({ op: 'resize', width, height });
export const frame = (name?: string): Command => (name === undefined ? { op: 'frame' } : { op: 'frame', name });

/** create + set each prop + append to parent (default root). */
export function node(id: number, type: NodeType, props: Record<string, Value>, parent = 0): Command[] {
  return [create(id, type), ...Object.entries(props).map(([p, v]) => set(id, p, v)), append(parent, id)];
}

export function view(id: number, props: Record<string, Value>, parent = 0): Command[] {
  return node(id, 'view', props, parent);
}

export function text(id: number, props: Record<string, Value>, parent = 0): Command[] {
  return node(id, 'text', props, parent);
}

/** An absolutely positioned view: the common way to place a box exactly. */
export function abs(id: number, x: number, y: number, width: number, height: number, props: Record<string, Value> = {}, parent = 0): Command[] {
  return view(id, { position: 'absolute', x, y, width, height, ...props }, parent);
}
