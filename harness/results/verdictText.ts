/**
 * The verdict in words, one place for every text presenter (run, gate and fuzz console
 * summaries, JUnit messages): the headline, the counts by class, the fuzz line that
 * keeps runs apart from identities.
 */
import type { FuzzCounts, Verdict } from './verdict.ts';
import { CLASSES } from './verdict.ts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `NO-GO (exit 1)` */
export function verdictHeadline(v: Verdict): string {
  return `${v.word.toUpperCase()} (exit ${v.exitClass})`;
}

/** `new-divergence 1 · known-quirk 2 · … · pass 40` */
export function classCountsText(v: Verdict): string {
  return CLASSES.map((k) => `${k} ${v.counts.cases[k]}`).join(' · ');
}

/** Distinct fingerprints per diverging class: `new-divergence 1 · known-quirk 2 · waived 0 · crash 1 · timeout 1`. */
export function identityCountsText(v: Verdict): string {
  return CLASSES.filter((k) => k !== 'pass' && k !== 'error').map((k) => `${k} ${v.counts.identities[k]}`).join(' · ');
}

/** `300 runs: 286 passed, 14 diverged (0 known, 14 new) -> 3 new divergences (identities), 0 known` */
export function fuzzCountsText(f: FuzzCounts): string {
  const { runs, identities } = f;
  const done = runs.planned !== runs.done ? `${runs.done} of ${plural(runs.planned, 'run')}` : plural(runs.done, 'run');
  return `${done}: ${runs.passed} passed, ${runs.diverged} diverged (${runs.known} known, ${runs.new} new) -> ${plural(identities.new, 'new divergence')} (identities), ${identities.known} known`;
}
