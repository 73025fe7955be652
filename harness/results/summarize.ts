/** The run summary: counts by status, divergence groups, and the exit class. */
import type { CaseResult, CaseStatus, Determinism, ExitClass, RunSummary } from './types.ts';

export const STATUSES: readonly CaseStatus[] = ['pass', 'divergence', 'crash', 'timeout', 'error'];

export interface SummaryOptions {
  readonly interrupted?: boolean;
  /** Cases the run meant to run (default: the cases it has); more than `total` when interrupted. */
  readonly planned?: number;
  readonly determinism?: Determinism;
}

export function summarize(cases: readonly CaseResult[], options: SummaryOptions = {}): RunSummary {
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
    exitClass: exitClassOf(byStatus, options.determinism, options.interrupted),
    interrupted: options.interrupted ?? false,
  };
}

/**
 * 3 when an engine crashed or hung, the reference is not deterministic, or the run was
 * interrupted (no verdict can be trusted); else 2 when some input is bad; else 1 on any
 * divergence; else 0.
 */
export function exitClassOf(byStatus: Readonly<Record<CaseStatus, number>>, determinism?: Determinism, interrupted = false): ExitClass {
  if (interrupted || byStatus.crash + byStatus.timeout > 0 || (determinism && determinism.nondeterministic.length > 0)) return 3;
  if (byStatus.error > 0) return 2;
  if (byStatus.divergence > 0) return 1;
  return 0;
}
