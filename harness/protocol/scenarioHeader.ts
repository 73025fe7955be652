/**
 * The descriptive top-level fields of a scenario: id, title, viewport, quirk, tolerance.
 */
import { CAPS } from '../../engines/shared/protocol.ts';
import { finiteAtLeast, integerIn, listOf, stringCheck } from './checks.ts';
import type { MapReader } from './scenarioReader.ts';
import type { Provenance, QuirkEntry, Tolerance, Viewport } from './scenarioTypes.ts';

export const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

const idCheck = stringCheck({ pattern: SCENARIO_ID, patternText: 'an id matching /^[a-z0-9][a-z0-9-]{0,79}$/ (lower-case letters, digits, dashes)' });
const lineCheck = stringCheck({ nonEmpty: true, oneLine: true });
const textCheck = stringCheck({ nonEmpty: true });
const sideCheck = integerIn(1, CAPS.maxViewportSide);

export function readId(top: MapReader): string | undefined {
  return top.read<string>('id', idCheck);
}

export function readTitle(top: MapReader): string | undefined {
  return top.read<string>('title', lineCheck);
}

export function readViewport(top: MapReader): Viewport | undefined {
  const map = top.child('viewport', `a map { width, height } of integers 1..${CAPS.maxViewportSide}`);
  if (!map) return undefined;
  map.rejectUnknown(['width', 'height']);
  const width = map.read<number>('width', sideCheck);
  const height = map.read<number>('height', sideCheck);
  return width === undefined || height === undefined ? undefined : { width, height };
}

export function readQuirk(top: MapReader): QuirkEntry | undefined {
  if (!top.has('quirk')) return undefined;
  const map = top.child('quirk', 'a map { legacy, correct, why, tags }');
  if (!map) return undefined;
  map.rejectUnknown(['legacy', 'correct', 'why', 'tags']);
  const legacy = map.read<string>('legacy', textCheck);
  const correct = map.read<string>('correct', textCheck);
  const why = map.read<string>('why', textCheck);
  const tags = map.read<string[]>('tags', listOf(stringCheck({ nonEmpty: true, maxLength: 80 }), 'tags (non-empty strings)', 64), true) ?? [];
  if (legacy === undefined || correct === undefined || why === undefined) return undefined;
  return { legacy, correct, why, tags: [...tags] };
}

export function readTolerance(top: MapReader): Tolerance | undefined {
  if (!top.has('tolerance')) return undefined;
  const map = top.child('tolerance', 'a map { maxDifference, totalPixels, reason }');
  if (!map) return undefined;
  map.rejectUnknown(['maxDifference', 'totalPixels', 'reason']);
  const maxDifference = map.read<number>('maxDifference', finiteAtLeast(0));
  const totalPixels = map.read<number>('totalPixels', integerIn(0, CAPS.maxViewportSide * CAPS.maxViewportSide));
  const reason = map.read<string>('reason', textCheck);
  if (maxDifference === undefined || totalPixels === undefined || reason === undefined) return undefined;
  return { maxDifference, totalPixels, reason };
}

const PROVENANCE_KEY = /^[A-Za-z][A-Za-z0-9]{0,39}$/;
const MAX_PROVENANCE_FIELDS = 64;
const provenanceValue = (v: unknown): string | null =>
  (typeof v === 'string' && v.length <= 1000 && !/[\r\n]/.test(v)) || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))
    ? null
    : 'a one-line string (at most 1000 units), a finite number or a boolean';

/** `provenance:` of generated reproducers: a flat map of scalars, in file order. */
export function readProvenance(top: MapReader): Provenance | undefined {
  if (!top.has('provenance')) return undefined;
  const map = top.child('provenance', `a map of at most ${MAX_PROVENANCE_FIELDS} fields (name -> string, number or boolean)`);
  if (!map) return undefined;
  const keys = map.keys();
  if (keys.length > MAX_PROVENANCE_FIELDS) map.issue([], `at most ${MAX_PROVENANCE_FIELDS} fields`, `${keys.length} fields`);
  const out: Record<string, string | number | boolean> = {};
  let ok = true;
  for (const key of keys) {
    if (!PROVENANCE_KEY.test(key)) {
      map.issue([key], 'a field name of letters and digits (at most 40)', `"${key}"`, 'key');
      ok = false;
      continue;
    }
    const value = map.read<string | number | boolean>(key, provenanceValue);
    if (value === undefined) ok = false;
    else out[key] = value;
  }
  return ok ? out : undefined;
}
