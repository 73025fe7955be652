/**
 * The gate's verdict: go or no-go, with every reason, and the exit class.
 *   exit 3  an engine crashed or hung, or the reference is not deterministic
 *   exit 2  an input (scenario, golden) is bad
 *   exit 1  new divergences beyond the wave's allowance, a required quirk not
 *           reproduced, an expired waiver, or (with --strict) a stale one
 *   exit 0  go
 */
import type { ExitClass, GateWaiver, QuirkParity, RunResults } from '../results/types.ts';
import type { Classification } from '../results/types.ts';

export interface VerdictInput {
  readonly byClass: Readonly<Record<Classification, number>>;
  readonly allowDivergences: number;
  readonly waivers: readonly GateWaiver[];
  readonly quirks: readonly QuirkParity[];
  readonly strict: boolean;
  readonly determinism?: RunResults['determinism'];
  readonly interrupted: boolean;
  /** One shard of a sharded gate: quirks exercised by other shards are not judged here. */
  readonly partial?: boolean;
}

export function decide(v: VerdictInput): { verdict: 'go' | 'no-go'; reasons: string[]; exitClass: ExitClass } {
  const reasons: string[] = [];
  let exitClass: ExitClass = 0;
  const raise = (c: ExitClass) => {
    exitClass = Math.max(exitClass, c) as ExitClass;
  };
  const { byClass } = v;
  if (byClass.crash + byClass.timeout > 0) {
    reasons.push(`${byClass.crash} engine crash(es) and ${byClass.timeout} timeout(s): an engine must never crash or hang`);
    raise(3);
  }
  if (v.determinism && v.determinism.nondeterministic.length > 0) {
    reasons.push(`the reference is not deterministic on ${v.determinism.nondeterministic.join(', ')}: no verdict can be trusted`);
    raise(3);
  }
  if (byClass.error > 0) {
    reasons.push(`${byClass.error} input error(s): fix the scenarios or goldens named in the report`);
    raise(2);
  }
  if (byClass['new-divergence'] > v.allowDivergences) {
    reasons.push(`${byClass['new-divergence']} new divergence(s), the wave allows ${v.allowDivergences}: fix the candidate or add a waiver with a reason, owner and expiry`);
    raise(1);
  }
  for (const q of v.quirks.filter((q) => q.required && (q.status === 'diverges' || (q.status === 'not-exercised' && !v.partial)))) {
    reasons.push(q.status === 'diverges'
      ? `required quirk ${q.quirk} is not reproduced by the candidate (${q.scenario})`
      : `required quirk ${q.quirk} was not exercised: add scenarios/quirks to the wave's scenarios`);
    raise(1);
  }
  for (const w of v.waivers.filter((w) => w.status === 'expired')) {
    reasons.push(`waiver for ${w.fingerprint ?? w.quirk} (owner ${w.owner}) expired on ${w.expires}: renew it or fix the divergence`);
    raise(1);
  }
  if (v.strict) {
    for (const w of v.waivers.filter((w) => w.status === 'stale')) {
      reasons.push(`waiver for ${w.fingerprint ?? w.quirk} (owner ${w.owner}) is stale: its divergence no longer occurs; remove it (--strict)`);
      raise(1);
    }
  }
  if (v.interrupted) {
    reasons.push('the run was interrupted: the verdict covers only the cases that finished');
    raise(3);
  }
  return { verdict: reasons.length === 0 ? 'go' : 'no-go', reasons, exitClass };
}
