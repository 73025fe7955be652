/**
 * Observations as stored in golden/: layout and events as canonical JSON, where the
 * numbers JSON cannot carry (NaN, ±Infinity, -0 — all reachable through quirk
 * parsefloat-units) are written as strings and read back exactly.
 */
import type { EngineEvent, LayoutEntry } from '../../engines/shared/observation.ts';
import { canonicalJson } from '../protocol/canonical.ts';
import { describeFound } from '../protocol/describe.ts';

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
  const raw = JSON.parse(text) as unknown;
  if (!Array.isArray(raw)) throw new TypeError(`${where}: expected a list of layout entries, got ${describeFound(raw)}`);
  return raw.map((e: unknown, i) => {
    const at = `${where}[${i}]`;
    if (typeof e !== 'object' || e === null || Array.isArray(e)) throw new TypeError(`${at}: expected a layout entry { id, depth, x, y, width, height }, got ${describeFound(e)}`);
    const entry = e as Record<string, unknown>;
    for (const key of ['id', 'depth'] as const) {
      if (!Number.isInteger(entry[key])) throw new TypeError(`${at}.${key}: expected an integer, got ${describeFound(entry[key])}`);
    }
    if (entry.lines !== undefined && !(Array.isArray(entry.lines) && entry.lines.every((l) => typeof l === 'string'))) {
      throw new TypeError(`${at}.lines: expected a list of strings, got ${describeFound(entry.lines)}`);
    }
    return {
      id: entry.id as number,
      depth: entry.depth as number,
      x: decodeNumber(entry.x, `${at}.x`),
      y: decodeNumber(entry.y, `${at}.y`),
      width: decodeNumber(entry.width, `${at}.width`),
      height: decodeNumber(entry.height, `${at}.height`),
      ...(Array.isArray(entry.lines) ? { lines: entry.lines as string[] } : {}),
    };
  });
}

export function eventsToJson(events: readonly EngineEvent[]): string {
  return `${canonicalJson(events)}\n`;
}

export function eventsFromJson(text: string, where: string): EngineEvent[] {
  const raw = JSON.parse(text) as unknown;
  if (!Array.isArray(raw)) throw new TypeError(`${where}: expected a list of events, got ${describeFound(raw)}`);
  raw.forEach((e: unknown, i) => {
    const ok = typeof e === 'object' && e !== null && !Array.isArray(e) && EVENT_FIELDS.every(([k, type]) => typeof (e as Record<string, unknown>)[k] === type);
    if (!ok) throw new TypeError(`${where}[${i}]: expected an event { step, kind, code, id, detail }, got ${describeFound(e)}`);
  });
  return raw as EngineEvent[];
}

const EVENT_FIELDS = [['step', 'number'], ['kind', 'string'], ['code', 'string'], ['id', 'number'], ['detail', 'string']] as const;
