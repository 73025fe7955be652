/**
 * Validation of a `compare:` block: the top-level one and each wave's override read
 * the same way, so `waves.x.compare.frame.threshold: 7` is a config error at its
 * line and column instead of an engine crash at step 0 of every case.
 */
import { resolveFuzzy } from '../compare/fuzzyAllowance.ts';
import type { FuzzyAllowance } from '../compare/types.ts';
import { describeFound } from '../protocol/describe.ts';
import type { YamlPath, YamlSource } from '../protocol/yaml.ts';
import { unknownKeyMessage } from './suggest.ts';

type At = (path: YamlPath, message: string, where?: 'key' | 'value') => void;

/** The fields a compare block sets; absent fields are left to the level above. */
export interface CompareBlock {
  readonly frame?: { readonly threshold?: number; readonly includeAA?: boolean };
  readonly fuzzy?: FuzzyAllowance;
  readonly layout?: { readonly tolerance: number };
}

const COMPARE_KEYS = ['frame', 'fuzzy', 'layout'];
const FRAME_KEYS = ['threshold', 'includeAA'];
const LAYOUT_KEYS = ['tolerance'];
const FUZZY_KEYS = ['maxDifference', 'totalPixels', 'reason'];
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `waivers[0].owner`, `waves.w.compare`: a path as the config's messages spell it. */
export function pathName(path: YamlPath): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** Reports keys of the map at `path` that are not `known`, each at its own key. */
export function rejectUnknownKeys(src: YamlSource, path: YamlPath, known: readonly string[], at: At, what = 'field'): void {
  const name = pathName(path);
  for (const key of src.keys(path)) if (!known.includes(key)) at([...path, key], `${name}: ${unknownKeyMessage(what, key, known)}`, 'key');
}

export function parseCompare(raw: unknown, path: YamlPath, src: YamlSource, at: At): CompareBlock {
  const name = path.join('.');
  if (raw === undefined || raw === null) return {};
  if (!isMap(raw)) {
    at(path, `${name}: expected a map with frame, fuzzy, layout, got ${describeFound(raw)}`);
    return {};
  }
  rejectUnknownKeys(src, path, COMPARE_KEYS, at);
  const frame = parseFrame(raw.frame, [...path, 'frame'], src, at);
  const fuzzy = parseFuzzy(raw.fuzzy, [...path, 'fuzzy'], src, at);
  const layout = parseLayout(raw.layout, [...path, 'layout'], src, at);
  return { ...(frame ? { frame } : {}), ...(fuzzy ? { fuzzy } : {}), ...(layout ? { layout } : {}) };
}

function parseFrame(raw: unknown, path: YamlPath, src: YamlSource, at: At): CompareBlock['frame'] {
  if (raw === undefined) return undefined;
  const name = path.join('.');
  const expected = '{ threshold?: number 0..1, includeAA?: boolean }';
  if (!isMap(raw)) {
    at(path, `${name}: expected ${expected}, got ${describeFound(raw)}`);
    return undefined;
  }
  rejectUnknownKeys(src, path, FRAME_KEYS, at);
  const { threshold, includeAA } = raw;
  const okThreshold = threshold === undefined || threshold === null || (typeof threshold === 'number' && threshold >= 0 && threshold <= 1);
  if (!okThreshold) at([...path, 'threshold'], `${name}.threshold: expected a number 0..1 (pixelmatch's colour distance), got ${describeFound(threshold)}`);
  const okAA = includeAA === undefined || typeof includeAA === 'boolean';
  if (!okAA) at([...path, 'includeAA'], `${name}.includeAA: expected true or false, got ${describeFound(includeAA)}`);
  return {
    ...(okThreshold && typeof threshold === 'number' ? { threshold } : {}),
    ...(okAA && typeof includeAA === 'boolean' ? { includeAA } : {}),
  };
}

function parseFuzzy(raw: unknown, path: YamlPath, src: YamlSource, at: At): FuzzyAllowance | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (isMap(raw)) rejectUnknownKeys(src, path, FUZZY_KEYS, at);
  try {
    resolveFuzzy(raw, path.join('.'));
    return raw as FuzzyAllowance;
  } catch (error) {
    at(path, (error as Error).message);
    return undefined;
  }
}

function parseLayout(raw: unknown, path: YamlPath, src: YamlSource, at: At): CompareBlock['layout'] {
  if (raw === undefined) return undefined;
  const name = path.join('.');
  if (!isMap(raw)) {
    at(path, `${name}: expected { tolerance: number >= 0 }, got ${describeFound(raw)}`);
    return undefined;
  }
  rejectUnknownKeys(src, path, LAYOUT_KEYS, at);
  const { tolerance } = raw;
  if (typeof tolerance !== 'number' || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    at(path, `${name}: expected { tolerance: number >= 0 }, got ${describeFound(raw)}`);
    return undefined;
  }
  return { tolerance };
}
