/**
 * The one verdict of a run, gate, merge or fuzz run: the exit class, the word for the
 * kind of run, every reason, and every count the presenters show (console, results.json
 * `summary` and `gate`, summary.json, junit.xml, the trend, the HTML report). Nothing
 * else decides or counts: a presenter that needs a number reads it here.
 *
 *   exit 3  an engine crashed or hung, the reference is not deterministic, or the run
 *           was interrupted (an interrupted run is never a pass)
 *   exit 2  an input (scenario, golden) is bad
 *   exit 1  run and fuzz: a new divergence, or a saved regression that still diverges
 *           (fuzz files it as known: it is not filed again, but it still fails); gate: new divergences beyond the wave's
 *           allowance, a required quirk not reproduced, an expired waiver, or (with
 *           --strict) a stale one
 *   exit 0  pass · go · ok
 */
import type { CaseResult, Classification, Determinism, ExitClass, FuzzSummary, GateWaiver, QuirkParity, RunResults } from './types.ts';

/** What was evaluated: `parity run`, `parity gate` (and `parity merge` of gate shards), `parity fuzz`. */
export type VerdictKind = 'run' | 'gate' | 'fuzz';

/** The word of each kind: [exit 0, exit 1, exit 2 or 3]. */
const WORDS = {
  run: ['pass', 'fail', 'fail'],
  gate: ['go', 'no-go', 'no-go'],
  fuzz: ['ok', 'new divergences', 'failed'],
} as const;

export type VerdictWord = (typeof WORDS)[VerdictKind][number];

/** Display order of the classes, most actionable first. */
export const CLASSES: readonly Classification[] = ['new-divergence', 'known-quirk', 'known-regression', 'waived', 'crash', 'timeout', 'error', 'pass'];

/** The classes counted against a run: every other class is reported without failing it. */
export const FAILING_CLASSES: ReadonlySet<Classification> = new Set(['new-divergence', 'known-regression', 'crash', 'timeout', 'error']);

/** Whether a case counts against its run (new divergence, crash, timeout or input error). */
export function isFailing(c: CaseResult): boolean {
  return FAILING_CLASSES.has(classOf(c));
}

/** A gate's policy: what the wave allows and requires. */
export interface GatePolicy {
  readonly allowDivergences: number;
  readonly waivers: readonly GateWaiver[];
  readonly quirks: readonly QuirkParity[];
  readonly strict: boolean;
  /** One shard of a sharded gate: quirks exercised by other shards are not judged here. */
  readonly partial?: boolean;
}

export interface VerdictInput {
  readonly kind: VerdictKind;
  readonly cases: readonly CaseResult[];
  /** Cases the run meant to run (summary.planned); default: the cases recorded. */
  readonly planned?: number;
  readonly interrupted: boolean;
  readonly determinism?: Determinism;
  /** gate only. */
  readonly policy?: GatePolicy;
  /** The fuzz budget's runs and identities (gate with a fuzz budget, parity fuzz). */
  readonly fuzz?: FuzzSummary;
  /** A failure before any case could run (an engine module that does not load): its class and why. */
  readonly failure?: { readonly exitClass: 2 | 3; readonly reason: string };
}

export interface FuzzCounts {
  readonly runs: { readonly planned: number; readonly done: number; readonly passed: number; readonly diverged: number; readonly known: number; readonly new: number };
  /** Distinct fingerprints among the diverged runs. */
  readonly identities: { readonly known: number; readonly new: number };
}

/** How each counted case reads in JUnit: failures, errors, skipped (known, waived, allowed) and passes. */
export interface OutcomeCounts {
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
  readonly passed: number;
}

export interface VerdictCounts {
  readonly planned: number;
  readonly done: number;
  readonly cases: Readonly<Record<Classification, number>>;
  /** Distinct divergence fingerprints among the cases of each class. */
  readonly identities: Readonly<Record<Classification, number>>;
  /** New divergences within the gate's allowance (reported, not failing). */
  readonly allowed: number;
  readonly outcomes: OutcomeCounts;
  readonly fuzz?: FuzzCounts;
}

export interface Verdict {
  readonly kind: VerdictKind;
  readonly word: VerdictWord;
  readonly exitClass: ExitClass;
  /** Why the verdict is not a pass, each a sentence naming what to do (empty for a pass). */
  readonly reasons: readonly string[];
  readonly counts: VerdictCounts;
}

/** The class of a case: the gate's (or fuzz's) classification, else its status (a divergence is new). */
export function classOf(c: CaseResult): Classification {
  return c.classification ?? (c.status === 'divergence' ? 'new-divergence' : c.status);
}

const zeroes = (): Record<Classification, number> => Object.fromEntries(CLASSES.map((k) => [k, 0])) as Record<Classification, number>;

export function countByClass(cases: readonly CaseResult[]): Record<Classification, number> {
  const counts = zeroes();
  for (const c of cases) counts[classOf(c)]++;
  return counts;
}

export function identitiesByClass(cases: readonly CaseResult[]): Record<Classification, number> {
  const seen = new Map<Classification, Set<string>>(CLASSES.map((k) => [k, new Set()]));
  for (const c of cases) for (const d of c.divergences) seen.get(classOf(c))!.add(d.fingerprint);
  return Object.fromEntries(CLASSES.map((k) => [k, seen.get(k)!.size])) as Record<Classification, number>;
}

export function fuzzCounts(f: FuzzSummary): FuzzCounts {
  return {
    runs: { planned: f.planned, done: f.runs, passed: f.passed, diverged: f.diverged, known: f.knownRuns, new: f.diverged - f.knownRuns },
    identities: { known: f.knownFingerprints.length, new: f.newFingerprints.length },
  };
}

export function decide(input: VerdictInput): Verdict {
  const cases = countByClass(input.cases);
  const reasons: string[] = [];
  let exitClass: ExitClass = 0;
  const fail = (c: ExitClass, reason: string) => {
    reasons.push(reason);
    exitClass = Math.max(exitClass, c) as ExitClass;
  };
  if (input.failure) fail(input.failure.exitClass, input.failure.reason);
  const done = input.cases.length;
  const planned = Math.max(input.planned ?? done, done);
  if (cases.crash + cases.timeout > 0) fail(3, `${cases.crash} engine crash(es) and ${cases.timeout} timeout(s): an engine must never crash or hang`);
  const nondeterministic = input.determinism?.nondeterministic ?? [];
  if (nondeterministic.length > 0) fail(3, `the reference is not deterministic on ${nondeterministic.join(', ')}: no verdict can be trusted`);
  if (input.interrupted) fail(3, `interrupted: ${done} of ${planned} done; the results hold only the cases that finished`);
  if (cases.error > 0) fail(2, `${cases.error} input error(s): fix the scenarios or goldens named in the report`);
  const allowance = input.policy?.allowDivergences ?? 0;
  if (cases['new-divergence'] > allowance) {
    fail(1, input.policy
      ? `${cases['new-divergence']} new divergence(s), the wave allows ${allowance}: fix the candidate or add a waiver with a reason, owner and expiry`
      : `${cases['new-divergence']} new divergence(s): replay them with the commands in the report`);
  }
  if (cases['known-regression'] > 0) {
    fail(1, `${cases['known-regression']} saved regression(s) still diverge: the candidate still has those bugs; replay them with the commands in the report`);
  }
  if (input.policy) for (const reason of policyReasons(input.policy)) fail(1, reason);
  const allowed = cases['new-divergence'] <= allowance ? cases['new-divergence'] : 0;
  return {
    kind: input.kind,
    word: WORDS[input.kind][Math.min(exitClass, 2)],
    exitClass,
    reasons,
    counts: {
      planned,
      done,
      cases,
      identities: identitiesByClass(input.cases),
      allowed,
      outcomes: {
        failures: cases['new-divergence'] - allowed + cases['known-regression'],
        errors: cases.crash + cases.timeout + cases.error,
        skipped: cases['known-quirk'] + cases.waived + allowed,
        passed: cases.pass,
      },
      ...(input.fuzz ? { fuzz: fuzzCounts(input.fuzz) } : {}),
    },
  };
}

/** The gate's own reasons: required quirks, expired waivers, stale ones under --strict. */
function policyReasons(p: GatePolicy): string[] {
  const reasons: string[] = [];
  for (const q of p.quirks.filter((q) => q.required && (q.status === 'diverges' || (q.status === 'not-exercised' && !p.partial)))) {
    reasons.push(q.status === 'diverges'
      ? `required quirk ${q.quirk} is not reproduced by the candidate (${q.scenario})`
      : `required quirk ${q.quirk} was not exercised: add scenarios/quirks to the wave's scenarios`);
  }
  for (const w of p.waivers.filter((w) => w.status === 'expired')) {
    reasons.push(`waiver for ${w.fingerprint ?? w.quirk} (owner ${w.owner}) expired on ${w.expires}: renew it or fix the divergence`);
  }
  if (p.strict) {
    for (const w of p.waivers.filter((w) => w.status === 'stale')) {
      reasons.push(`waiver for ${w.fingerprint ?? w.quirk} (owner ${w.owner}) is stale: its divergence no longer occurs; remove it (--strict)`);
    }
  }
  return reasons;
}

/**
 * The verdict stored in results.json; for results written before it was stored, or the
 * partial results of a run that never finished (no summary: interrupted), the same
 * decision taken again from what the file holds.
 */
export function verdictOf(r: RunResults): Verdict {
  if (r.verdict) return r.verdict;
  const g = r.gate;
  return decide({
    kind: g ? 'gate' : 'run', cases: r.cases, interrupted: r.summary?.interrupted ?? true,
    ...(r.determinism ? { determinism: r.determinism } : {}),
    ...(g ? { policy: { allowDivergences: g.allowDivergences, waivers: g.waivers, quirks: g.quirks, strict: g.strict, ...(g.shard ? { partial: true } : {}) } } : {}),
  });
}
