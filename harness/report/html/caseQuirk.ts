/**
 * What the report reads about a case's quirk: the compat flags the candidate ran without
 * and the catalogued quirk a case exercises. A case's class is the verdict's
 * (../../results/verdict.ts classOf), never decided here.
 */
import type { CaseResult } from '../../results/types.ts';
import { quirksOff } from '../../results/replayHint.ts';

/** Quirk ids the candidate ran without, read from its name: `wasm (quirks off: a, b)`. */
export function quirksTurnedOff(candidateName: string): Set<string> {
  return new Set(quirksOff(candidateName));
}

/** The catalogued quirk a case exercises: a scenario whose id is a catalogue id. */
export function quirkOf(c: CaseResult, catalogue: ReadonlySet<string>): string | undefined {
  return c.source.kind === 'scenario' && catalogue.has(c.id) ? c.id : undefined;
}
