/**
 * The default classification of a case, until the gate supplies its own: a divergence
 * is new unless it is a quirk scenario run with that quirk's compat flag turned off (the
 * harness was meant to notice it); crash, timeout, error and pass map one to one.
 */
import type { CaseResult, RunResults } from '../../results/types.ts';
import type { CaseClass, Waiver } from './viewModel.ts';

export interface Classification {
  readonly class: CaseClass;
  readonly waiver?: Waiver;
}

/** The gate's hook: return a classification to override the default, or undefined to keep it. */
export type Classify = (c: CaseResult, results: RunResults) => Classification | undefined;

/** Quirk ids the candidate ran without, as recorded in results.json (engines.choice). */
export function quirksTurnedOff(engines: RunResults['engines']): Set<string> {
  return new Set(engines.choice?.quirksOff ?? []);
}

/** The catalogued quirk a case exercises: a scenario whose id is a catalogue id. */
export function quirkOf(c: CaseResult, catalogue: ReadonlySet<string>): string | undefined {
  return c.source.kind === 'scenario' && catalogue.has(c.id) ? c.id : undefined;
}

export function defaultClassification(c: CaseResult, context: { quirk?: string; quirksOff: ReadonlySet<string> }): Classification {
  switch (c.status) {
    case 'pass':
      return { class: 'pass' };
    case 'divergence':
      return { class: context.quirk !== undefined && context.quirksOff.has(context.quirk) ? 'known-quirk' : 'new-divergence' };
    case 'crash':
    case 'timeout':
    case 'error':
      return { class: c.status };
  }
}
