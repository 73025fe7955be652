/** The run summary: counts by status, divergence groups, and the verdict's exit class. */
import type { CaseResult, CaseStatus, RunSummary } from './types.ts';
import type { Verdict } from './verdict.ts';

export const STATUSES: readonly CaseStatus[] = ['pass', 'divergence', 'crash', 'timeout', 'error'];

export function summarize(cases: readonly CaseResult[], verdict: Verdict, options: { interrupted?: boolean; planned?: number } = {}): RunSummary {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<CaseStatus, number>;
  const groups = new Map<string, { fingerprint: string; signature: string; cases: string[] }>();
  for (const c of cases) {
    byStatus[c.status]++;
    const seen = new Set<string>();
    for (const d of c.divergences) {
      if (seen.has(d.fingerprint)) continue;
      seen.add(d.fingerprint);
      const g = groups.get(d.fingerprint) ?? { fingerprint: d.fingerprint, signature: d.signature, cases: [] };
      g.cases.push(c.id);
      groups.set(d.fingerprint, g);
    }
  }
  const sorted = [...groups.values()]
    .map((g) => ({ ...g, cases: g.cases.sort() }))
    .sort((a, b) => b.cases.length - a.cases.length || (a.fingerprint < b.fingerprint ? -1 : 1));
  return {
    total: cases.length,
    planned: Math.max(options.planned ?? cases.length, cases.length),
    byStatus,
    groups: sorted,
    exitClass: verdict.exitClass,
    interrupted: options.interrupted ?? false,
  };
}
