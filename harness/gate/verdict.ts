/**
 * The gate's verdict: the wave's policy and facts go through the one verdict module
 * (../results/verdict.ts), and results.json's `gate` section presents what it decided.
 * `parity gate` and `parity merge` both come through here.
 */
import type { CaseResult, Determinism, FuzzSummary, GateOutcome } from '../results/types.ts';
import { decide } from '../results/verdict.ts';
import type { GatePolicy, Verdict } from '../results/verdict.ts';
import type { Shard } from './shard.ts';

export interface GateFacts extends GatePolicy {
  readonly wave: string;
  readonly shard?: Shard;
  readonly fuzz?: FuzzSummary;
}

export interface GateRun {
  readonly cases: readonly CaseResult[];
  readonly planned?: number;
  readonly interrupted: boolean;
  readonly determinism?: Determinism;
}

export function gateVerdict(facts: GateFacts, run: GateRun): { verdict: Verdict; gate: GateOutcome } {
  const { wave, shard, fuzz, allowDivergences, waivers, quirks, strict, partial } = facts;
  const verdict = decide({
    kind: 'gate', cases: run.cases, interrupted: run.interrupted,
    ...(run.planned !== undefined ? { planned: run.planned } : {}),
    ...(run.determinism ? { determinism: run.determinism } : {}),
    policy: { allowDivergences, waivers, quirks, strict, ...(partial ? { partial } : {}) },
    ...(fuzz ? { fuzz } : {}),
  });
  const gate: GateOutcome = {
    wave, verdict: verdict.exitClass === 0 ? 'go' : 'no-go', reasons: verdict.reasons, strict,
    ...(shard && shard.count > 1 ? { shard } : {}),
    allowDivergences, byClass: verdict.counts.cases, waivers, quirks,
    ...(fuzz ? { fuzz } : {}),
  };
  return { verdict, gate };
}
