/**
 * Validates a parsed results.json before anything reads it: results files come from
 * other machines (shards) and other people, so each field the report and merge use is
 * checked, and every problem is named by its field path: `cases[3].status: expected one
 * of pass, …, got "ok"`. Returns the problems (at most `limit`), empty when the file is usable.
 */
import { RESULTS_FORMAT } from './types.ts';

type Check = (value: unknown, at: string, out: string[]) => void;

const found = (v: unknown): string => {
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};
const fail = (out: string[], at: string, expected: string, v: unknown) => out.push(`${at}: expected ${expected}, got ${found(v)}`);

const str: Check = (v, at, out) => { if (typeof v !== 'string') fail(out, at, 'a string', v); };
const num: Check = (v, at, out) => { if (typeof v !== 'number' || !Number.isFinite(v)) fail(out, at, 'a number', v); };
const oneOf = (...values: readonly string[]): Check => (v, at, out) => {
  if (typeof v !== 'string' || !values.includes(v)) fail(out, at, `one of ${values.join(', ')}`, v);
};
const optional = (check: Check): Check => (v, at, out) => { if (v !== undefined) check(v, at, out); };
const arrayOf = (item: Check): Check => (v, at, out) => {
  if (!Array.isArray(v)) return fail(out, at, 'an array', v);
  v.forEach((x, i) => item(x, `${at}[${i}]`, out));
};
const map: Check = (v, at, out) => { if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(out, at, 'an object', v); };
const object = (fields: Record<string, Check>): Check => (v, at, out) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(out, at, 'an object', v);
  for (const [key, check] of Object.entries(fields)) check((v as Record<string, unknown>)[key], at === '' ? key : `${at}.${key}`, out);
};

const identity = object({ name: str, version: str, build: str });
const source: Check = (v, at, out) => {
  const kind = (v as { kind?: unknown } | null)?.kind;
  if (kind === 'fuzz') return object({ seed: num, path: str, run: num })(v, at, out);
  object({ kind: oneOf('scenario', 'fuzz'), file: str })(v, at, out);
};
const divergence = object({ kind: str, step: num });
const evidenceSide = object({ layout: str, frame: optional(str) });
const caseResult = object({
  id: str, title: str, source,
  status: oneOf('pass', 'divergence', 'crash', 'timeout', 'error'),
  steps: num, checkpoints: num,
  divergences: arrayOf(divergence),
  evidence: optional(object({ checkpoint: str, step: num, reference: evidenceSide, candidate: evidenceSide, diff: optional(str) })),
  error: optional(object({ message: str })),
  classification: optional(oneOf('pass', 'new-divergence', 'known-quirk', 'known-regression', 'waived', 'crash', 'timeout', 'error')),
  timing: map,
});
const results = object({
  format: oneOf(RESULTS_FORMAT),
  run: object({ id: str, command: str, target: oneOf('node', 'chromium'), startedAt: str, finishedAt: optional(str), durationMs: optional(num) }),
  engines: object({ reference: identity, candidate: identity, choice: optional(object({ quirksOff: arrayOf(str) })) }),
  determinism: optional(object({ sampled: arrayOf(str), nondeterministic: arrayOf(str) })),
  cases: arrayOf(caseResult),
  summary: optional(object({ total: num, exitClass: num, byStatus: map, groups: arrayOf(map) })),
  verdict: optional(map),
  gate: optional(object({ wave: str, verdict: oneOf('go', 'no-go'), reasons: arrayOf(str), byClass: map, waivers: arrayOf(map), quirks: arrayOf(map) })),
});

export function checkResults(parsed: unknown, limit = 10): string[] {
  const out: string[] = [];
  results(parsed, '', out);
  return out.length > limit ? [...out.slice(0, limit), `… and ${out.length - limit} more problem(s)`] : out;
}
