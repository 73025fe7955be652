/**
 * Rollout waves and waivers (issue 7), as read from parity.config.yaml.
 *
 *   waves:
 *     internal:
 *       scenarios: [scenarios/regressions, scenarios/quirks, scenarios/smoke]
 *       golden: true                      # golden verify of the reference and the candidate
 *       fuzz: { runs: 300, seed: 1 }      # or { time: 60s, seed: 1 }; omit for none
 *       compare: { ... }                  # tolerances, overriding the top-level compare:
 *       candidateQuirks: { round-half-up: off }   # compat flags this wave ships turned off
 *       requireQuirks: { tags: [critical] }       # or all, or a list of ids
 *       allowDivergences: 0               # unexplained divergences allowed
 *   defaultWave: internal
 *   waivers:
 *     - { fingerprint: 1a2b3c4d5e6f, reason: ..., owner: ..., expires: 2026-12-31 }
 *     - { quirk: grow-remainder-dropped, reason: ..., owner: ..., expires: 2027-01-15 }
 */
import type { QuirkFlags, QuirkId } from '../../engines/shared/quirks.ts';
import type { CompareBlock } from './parseCompare.ts';

export interface FuzzBudget {
  /** Number of generated streams; or a wall-clock budget. */
  readonly runs?: number;
  readonly timeMs?: number;
  readonly seed: number;
}

export type QuirkRequirement =
  | { readonly all: true }
  | { readonly tags: readonly string[] }
  | { readonly ids: readonly QuirkId[] };

export interface WavePolicy {
  readonly name: string;
  readonly scenarios: readonly string[];
  readonly golden: boolean;
  readonly fuzz: FuzzBudget | null;
  readonly compare?: CompareBlock;
  readonly candidateQuirks: QuirkFlags;
  readonly requireQuirks: QuirkRequirement;
  readonly allowDivergences: number;
}

export interface Waiver {
  readonly fingerprint?: string;
  readonly quirk?: QuirkId;
  readonly reason: string;
  readonly owner: string;
  /** YYYY-MM-DD, inclusive: the waiver holds through that day (UTC). */
  readonly expires: string;
}

export const DEFAULT_WAVE: WavePolicy = {
  name: 'default',
  scenarios: ['scenarios/regressions', 'scenarios/quirks', 'scenarios/smoke'],
  golden: true,
  fuzz: { runs: 200, seed: 1 },
  candidateQuirks: {},
  requireQuirks: { all: true },
  allowDivergences: 0,
};

export function isExpired(w: Waiver, today: string): boolean {
  return w.expires < today;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
