/**
 * Observations as stored in golden/: layout and events as canonical JSON, where the
 * numbers JSON cannot carry (NaN, ±Infinity, -0 — all reachable through quirk
 * parsefloat-units) are written as strings and read back exactly.
 */
import type { EngineEvent, LayoutEntry } from '../../engines/shared/observation.ts';
import { canonicalJson } from '../protocol/canonical.ts';

const SPECIAL: Record<string, number> = { NaN: Number.NaN, Infinity: Number.POSITIVE_INFINITY, '-Infinity': Number.NEGATIVE_INFINITY, '-0': -0 };

export function encodeNumber(n: number): number | string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (Object.is(n, -0)) return '-0';
  return n;
}

export function decodeNumber(v: unknown, where: string): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v in SPECIAL) return SPECIAL[v];
  throw new TypeError(`${where}: expected a number or one of ${Object.keys(SPECIAL).join(', ')}, got ${JSON.stringify(v)}`);
}

export function layoutToJson(layout: readonly LayoutEntry[]): string {
  return `${canonicalJson(layout.map((e) => ({
    id: e.id, depth: e.depth,
    x: encodeNumber(e.x), y: encodeNumber(e.y), width: encodeNumber(e.width), height: encodeNumber(e.height),
    ...(e.lines ? { lines: e.lines } : {}),
  })))}\n`;
}

export function layoutFromJson(text: string, where: string): LayoutEntry[] {
  const raw = JSON.parse(text) as Array<Record<string, unknown>>;
  if (!Array.isArray(raw)) throw new TypeError(`${where}: expected a list of layout entries`);
  return raw.map((e, i) => ({
    id: e.id as number,
    depth: e.depth as number,
    x: decodeNumber(e.x, `${where}[${i}].x`),
    y: decodeNumber(e.y, `${where}[${i}].y`),
    width: decodeNumber(e.width, `${where}[${i}].width`),
    height: decodeNumber(e.height, `${where}[${i}].height`),
    ...(Array.isArray(e.lines) ? { lines: e.lines as string[] } : {}),
  }));
}

export function eventsToJson(events: readonly EngineEvent[]): string {
  return `${canonicalJson(events)}\n`;
}

export function eventsFromJson(text: string, where: string): EngineEvent[] {
  const raw = JSON.parse(text) as EngineEvent[];
  if (!Array.isArray(raw)) throw new TypeError(`${where}: expected a list of events`);
  return raw;
}
