/**
 * Classification of cases for the gate — a pure function of the results, the waivers,
 * today's date and the quirk attributions:
 *   pass · crash · timeout · error           as the runner found them
 *   waived          every divergence of the case is covered by an unexpired waiver
 *                   (by fingerprint, or by the quirk the case is about)
 *   known-quirk     the divergence disappears with all compat flags on: it comes from a
 *                   quirk the wave deliberately ships turned off
 *   new-divergence  anything else
 * Waivers come out with a status: expired (fails the gate), stale (matched nothing this
 * run; fails with --strict), or active.
 */
import type { Waiver } from '../config/waves.ts';
import { isExpired } from '../config/waves.ts';
import type { CaseResult, Classification, GateWaiver } from '../results/types.ts';

export interface ClassifyInput {
  readonly cases: readonly CaseResult[];
  readonly waivers: readonly Waiver[];
  /** YYYY-MM-DD (UTC). */
  readonly today: string;
  /** Case id -> quirk id, for divergences that vanish with the wave's dropped flags back on. */
  readonly knownQuirk: ReadonlyMap<string, string>;
  /** Case id -> quirk id for quirk catalogue scenarios. */
  readonly quirkOf: ReadonlyMap<string, string>;
}

export interface Classified {
  readonly cases: CaseResult[];
  readonly waivers: GateWaiver[];
}

export function classify(input: ClassifyInput): Classified {
  const { cases, waivers, today, knownQuirk, quirkOf } = input;
  const matched = waivers.map(() => [] as string[]);
  const out = cases.map((c): CaseResult => {
    const quirk = knownQuirk.get(c.id) ?? quirkOf.get(c.id);
    const base = quirk !== undefined ? { ...c, quirk } : { ...c };
    if (c.status !== 'divergence') return { ...base, classification: c.status as Classification };
    // 1. waivers: by quirk, or by fingerprint covering every divergence of the case
    const fingerprints = new Set(c.divergences.map((d) => d.fingerprint));
    const covering = waivers.findIndex((w) =>
      !isExpired(w, today) && (
        (w.quirk !== undefined && w.quirk === quirk) ||
        (w.fingerprint !== undefined && [...fingerprints].every((f) => f === w.fingerprint))));
    if (covering >= 0) {
      matched[covering].push(c.id);
      return { ...base, classification: 'waived', waiver: covering };
    }
    // expired waivers still record what they would have matched, so the report shows it
    waivers.forEach((w, i) => {
      if (isExpired(w, today) && ((w.quirk !== undefined && w.quirk === quirk) || (w.fingerprint !== undefined && fingerprints.has(w.fingerprint)))) matched[i].push(c.id);
    });
    // 2. known quirks
    if (knownQuirk.has(c.id)) return { ...base, classification: 'known-quirk' };
    return { ...base, classification: 'new-divergence' };
  });
  const statuses: GateWaiver[] = waivers.map((w, i) => ({
    ...w,
    status: isExpired(w, today) ? 'expired' : matched[i].length === 0 ? 'stale' : 'active',
    cases: matched[i].sort(),
  }));
  return { cases: out, waivers: statuses };
}
