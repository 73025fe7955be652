/**
 * What the report reads about a case's quirk: the compat flags the candidate ran without
 * and the catalogued quirk a case exercises. A case's class is the verdict's
 * (../../results/verdict.ts classOf), never decided here.
 */
import type { CaseResult, RunResults } from '../../results/types.ts';

/** Quirk ids the candidate ran without, as recorded in results.json (engines.choice). */
export function quirksTurnedOff(engines: RunResults['engines']): Set<string> {
  return new Set(engines.choice?.quirksOff ?? []);
}

/** The catalogued quirk a case exercises: a scenario whose id is a catalogue id. */
export function quirkOf(c: CaseResult, catalogue: ReadonlySet<string>): string | undefined {
  return c.source.kind === 'scenario' && catalogue.has(c.id) ? c.id : undefined;
}
