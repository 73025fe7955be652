/**
 * Fuzzy allowances for frames, in the style of web-platform-tests reftests
 * (https://web-platform-tests.org/writing-tests/reftests.html#fuzzy-matching):
 * a frame pair matches if the largest per-channel difference and the number of
 * differing pixels both fall in inclusive ranges.
 *
 * Two deliberate departures from WPT:
 * - a single number N means 0-N (WPT reads it as exactly N, which makes an exact match
 *   fail; Chromium had to fix tests for that, crbug.com/1254776);
 * - identical frames always match, whatever the ranges (checked before any allowance).
 *
 * Allowances come only from parity.config.yaml or scenario metadata and must say why.
 */
import type { FuzzyAllowance, FuzzyRange, PixelStats, ResolvedFuzzy } from './types.ts';

/**
 * Checks an allowance as written by a person (numbers, [min, max] pairs or "min-max"
 * strings) and spells its ranges out. Throws "expected X, got Y" errors; `where` names
 * the source in them, e.g. `scenario smoke/box.yaml tolerance`.
 */
export function resolveFuzzy(raw: unknown, where = 'fuzzy allowance'): ResolvedFuzzy {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new Error(`${where}: expected an object {maxDifference, totalPixels, reason}, got ${show(raw)}`);
  }
  const a = raw as Partial<FuzzyAllowance>;
  if (typeof a.reason !== 'string' || a.reason.trim() === '') {
    throw new Error(
      `${where}: a fuzzy allowance needs a written reason: expected a non-empty string, got ${show(a.reason)}`,
    );
  }
  return {
    maxDifference: toRange(a.maxDifference, 255, `${where}.maxDifference`),
    totalPixels: toRange(a.totalPixels, Number.MAX_SAFE_INTEGER, `${where}.totalPixels`),
    reason: a.reason.trim(),
  };
}

/** Whether a difference is covered by the allowance (both ranges inclusive). */
export function withinFuzzy(stats: PixelStats, fuzzy: ResolvedFuzzy): boolean {
  return inRange(stats.maxChannelDiff, fuzzy.maxDifference) && inRange(stats.pixels, fuzzy.totalPixels);
}

function inRange(value: number, [min, max]: FuzzyRange): boolean {
  return value >= min && value <= max;
}

function toRange(value: unknown, limit: number, where: string): FuzzyRange {
  let range: [number, number];
  if (typeof value === 'number') range = [0, value];
  else if (Array.isArray(value) && value.length === 2) range = [value[0], value[1]];
  else if (typeof value === 'string' && /^\s*\d+\s*(-\s*\d+\s*)?$/.test(value)) {
    const [lo, hi] = value.split('-').map((s) => Number(s.trim()));
    range = hi === undefined ? [0, lo] : [lo, hi];
  } else {
    throw new Error(`${where}: expected N, [min, max] or "min-max", got ${show(value)}`);
  }
  const [min, max] = range;
  if (!isCount(min) || !isCount(max) || min > max || max > limit) {
    throw new Error(`${where}: expected integers with 0 <= min <= max <= ${limit}, got ${show(value)}`);
  }
  return [min, max];
}

function isCount(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0;
}

function show(v: unknown): string {
  return v === undefined ? 'nothing' : JSON.stringify(v);
}
