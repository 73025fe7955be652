/**
 * summary.json: the machine-readable verdict CI systems read, written by `parity gate`
 * and `parity merge`. It presents the verdict (./verdict.ts): word, exit class, reasons
 * and every count, with the gate's quirk parity, waivers and the largest divergence groups.
 */
import type { RunResults } from './types.ts';

export function machineSummary(r: RunResults): Record<string, unknown> {
  const v = r.verdict;
  const fuzz = r.gate?.fuzz;
  return {
    kind: v?.kind ?? null,
    wave: r.gate?.wave ?? null,
    verdict: v?.word ?? null,
    exitClass: v?.exitClass ?? null,
    // an interrupted run has no verdict: CI reads these before `verdict`
    interrupted: r.summary?.interrupted ?? null,
    done: r.summary?.total ?? null,
    planned: r.summary?.planned ?? null,
    reasons: v?.reasons ?? [],
    counts: v?.counts ?? null,
    byClass: v?.counts.cases ?? null,
    byStatus: r.summary?.byStatus ?? null,
    engines: r.engines,
    shard: r.gate?.shard ?? null,
    fuzz: fuzz && v?.counts.fuzz ? { seed: fuzz.seed, budget: fuzz.budget, ...v.counts.fuzz } : null,
    quirks: r.gate?.quirks.map((q) => ({ quirk: q.quirk, required: q.required, status: q.status })) ?? [],
    waivers: r.gate?.waivers.map((w) => ({ target: w.fingerprint ?? w.quirk, status: w.status, expires: w.expires, owner: w.owner })) ?? [],
    groups: r.summary?.groups.slice(0, 50) ?? [],
  };
}
