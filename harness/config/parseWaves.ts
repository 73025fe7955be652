/** Validation of the `waves:`, `defaultWave:` and `waivers:` settings (./waves.ts). */
import { isQuirkId, QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { QuirkFlags, QuirkId } from '../../engines/shared/quirks.ts';
import { describeFound } from '../protocol/describe.ts';
import type { YamlPath, YamlSource } from '../protocol/yaml.ts';
import { parseCompare, rejectUnknownKeys } from './parseCompare.ts';
import { unknownKeyMessage } from './suggest.ts';
import { DEFAULT_WAVE } from './waves.ts';
import type { FuzzBudget, QuirkRequirement, Waiver, WavePolicy } from './waves.ts';

type At = (path: YamlPath, message: string, where?: 'key' | 'value') => void;

const WAVE_KEYS = ['scenarios', 'golden', 'fuzz', 'compare', 'candidateQuirks', 'requireQuirks', 'allowDivergences'];
const FUZZ_KEYS = ['runs', 'time', 'seed'];
const WAIVER_KEYS = ['fingerprint', 'quirk', 'reason', 'owner', 'expires'];
const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** "90s", "2m", "1500ms" or a number of seconds -> milliseconds; null if unreadable. */
export function parseDuration(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v * 1000;
  if (typeof v !== 'string') return null;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)$/.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]);
  return m[2] === 'ms' ? n : m[2] === 's' ? n * 1000 : n * 60_000;
}

function parseFuzz(v: unknown, path: YamlPath, src: YamlSource, at: At): FuzzBudget | null {
  if (v === null || v === false) return null;
  const expected = '{ runs: N, seed: S } or { time: 60s, seed: S }';
  if (!isMap(v)) {
    at(path, `${path.join('.')}: expected ${expected}, got ${describeFound(v)}`);
    return null;
  }
  rejectUnknownKeys(src, path, FUZZ_KEYS, at);
  const seed = v.seed ?? 1;
  const runs = v.runs;
  const time = v.time === undefined ? undefined : parseDuration(v.time);
  const okRuns = runs === undefined || (typeof runs === 'number' && Number.isInteger(runs) && runs >= 0 && runs <= 10_000_000);
  const okSeed = typeof seed === 'number' && Number.isInteger(seed) && seed >= 0 && seed <= 0x7fffffff;
  if (!okRuns || !okSeed || time === null || (runs === undefined) === (v.time === undefined)) {
    at(path, `${path.join('.')}: expected ${expected} (exactly one of runs/time; seed an integer 0..2147483647), got ${describeFound(v)}`);
    return null;
  }
  return { ...(runs !== undefined ? { runs: runs as number } : { timeMs: time as number }), seed: seed as number };
}

function parseQuirkFlags(v: unknown, path: YamlPath, at: At): QuirkFlags {
  if (v === undefined) return {};
  if (!isMap(v)) {
    at(path, `${path.join('.')}: expected a map of quirk id -> on | off, got ${describeFound(v)}`);
    return {};
  }
  const out: Record<string, boolean> = {};
  for (const [id, flag] of Object.entries(v)) {
    if (!isQuirkId(id)) at([...path, id], `${path.join('.')}: ${unknownKeyMessage('quirk', id, QUIRK_IDS)}`, 'key');
    else if (flag !== 'on' && flag !== 'off' && typeof flag !== 'boolean') at([...path, id], `${path.join('.')}.${id}: expected on or off, got ${describeFound(flag)}`);
    else out[id] = flag === 'on' || flag === true;
  }
  return out;
}

function parseRequire(v: unknown, path: YamlPath, src: YamlSource, at: At): QuirkRequirement {
  if (v === undefined || v === 'all') return { all: true };
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    const bad = v.filter((x) => !isQuirkId(x));
    if (bad.length > 0) at(path, `${path.join('.')}: ${unknownKeyMessage('quirk', bad[0], QUIRK_IDS)}`);
    return { ids: v.filter(isQuirkId) as QuirkId[] };
  }
  if (isMap(v)) rejectUnknownKeys(src, path, ['tags'], at);
  if (isMap(v) && Array.isArray(v.tags) && v.tags.every((t) => typeof t === 'string') && Object.keys(v).length === 1) {
    return { tags: v.tags as string[] };
  }
  at(path, `${path.join('.')}: expected all, a list of quirk ids, or { tags: [...] }, got ${describeFound(v)}`);
  return { all: true };
}

export function parseWaves(raw: unknown, src: YamlSource, at: At): Map<string, WavePolicy> {
  const waves = new Map<string, WavePolicy>();
  if (raw === undefined) return waves;
  if (!isMap(raw)) {
    at(['waves'], `waves: expected a map of wave name -> policy, got ${describeFound(raw)}`);
    return waves;
  }
  for (const name of src.keys(['waves'])) {
    const w = raw[name];
    const path = ['waves', name];
    if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(name)) at(path, `waves: wave name "${name}": expected lower-case letters, digits and dashes`, 'key');
    if (!isMap(w)) {
      at(path, `waves.${name}: expected a map with ${WAVE_KEYS.join(', ')}, got ${describeFound(w)}`);
      continue;
    }
    rejectUnknownKeys(src, path, WAVE_KEYS, at, 'setting');
    const scenarios = w.scenarios === undefined ? DEFAULT_WAVE.scenarios
      : Array.isArray(w.scenarios) && w.scenarios.length > 0 && w.scenarios.every((s) => typeof s === 'string') ? (w.scenarios as string[])
        : (at([...path, 'scenarios'], `waves.${name}.scenarios: expected a non-empty list of folders or globs, got ${describeFound(w.scenarios)}`), DEFAULT_WAVE.scenarios);
    if (w.golden !== undefined && typeof w.golden !== 'boolean') at([...path, 'golden'], `waves.${name}.golden: expected true or false, got ${describeFound(w.golden)}`);
    const allow = w.allowDivergences ?? 0;
    if (!(typeof allow === 'number' && Number.isInteger(allow) && allow >= 0)) at([...path, 'allowDivergences'], `waves.${name}.allowDivergences: expected an integer >= 0, got ${describeFound(allow)}`);
    const compare = w.compare === undefined ? undefined : parseCompare(w.compare, [...path, 'compare'], src, at);
    waves.set(name, {
      name,
      scenarios,
      golden: w.golden === undefined ? DEFAULT_WAVE.golden : w.golden === true,
      fuzz: w.fuzz === undefined ? DEFAULT_WAVE.fuzz : parseFuzz(w.fuzz, [...path, 'fuzz'], src, at),
      ...(compare ? { compare } : {}),
      candidateQuirks: parseQuirkFlags(w.candidateQuirks, [...path, 'candidateQuirks'], at),
      requireQuirks: parseRequire(w.requireQuirks, [...path, 'requireQuirks'], src, at),
      allowDivergences: typeof allow === 'number' ? allow : 0,
    });
  }
  return waves;
}

/** A real calendar day written YYYY-MM-DD: 2099-02-30 is not one (Date.parse would roll it to March 2). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseWaivers(raw: unknown, src: YamlSource, at: At): Waiver[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    at(['waivers'], `waivers: expected a list of { fingerprint | quirk, reason, owner, expires }, got ${describeFound(raw)}`);
    return [];
  }
  const out: Waiver[] = [];
  raw.forEach((w, i) => {
    const path = ['waivers', i];
    const expected = '{ fingerprint: 12 hex digits | quirk: ID, reason, owner, expires: YYYY-MM-DD }';
    if (!isMap(w)) {
      at(path, `waivers[${i}]: expected ${expected}, got ${describeFound(w)}`);
      return;
    }
    const problems: string[] = [];
    if ((w.fingerprint === undefined) === (w.quirk === undefined)) problems.push('exactly one of fingerprint or quirk');
    if (w.fingerprint !== undefined && !(typeof w.fingerprint === 'string' && /^[0-9a-f]{12}$/.test(w.fingerprint))) problems.push('a fingerprint of 12 lower-case hex digits');
    if (w.quirk !== undefined && !(typeof w.quirk === 'string' && isQuirkId(w.quirk))) problems.push(`a quirk id (one of ${QUIRK_IDS.join(', ')})`);
    for (const f of ['reason', 'owner'] as const) if (typeof w[f] !== 'string' || (w[f] as string).trim() === '') problems.push(`a non-empty ${f}`);
    // YAML's core schema reads 2026-12-31 as a string; a timestamp type is not enabled
    if (typeof w.expires !== 'string' || !isCalendarDate(w.expires)) problems.push(`expires as YYYY-MM-DD (a real calendar date, found ${describeFound(w.expires)})`);
    rejectUnknownKeys(src, path, WAIVER_KEYS, at);
    if (problems.length > 0) {
      at(path, `waivers[${i}]: expected ${problems.join(', ')}; got ${describeFound(w)}`);
      return;
    }
    if (Object.keys(w).some((k) => !WAIVER_KEYS.includes(k))) return;
    out.push({
      ...(w.fingerprint !== undefined ? { fingerprint: w.fingerprint as string } : { quirk: w.quirk as QuirkId }),
      reason: w.reason as string, owner: w.owner as string, expires: w.expires as string,
    });
  });
  return out;
}
