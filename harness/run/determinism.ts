/**
 * The A-vs-A check: the reference run against itself on a sample of cases. It reports
 * non-determinism only when the reference really differed from itself; anything else
 * that goes wrong there belongs to the case, not to the reference's determinism:
 *
 *   pass          reproduced itself
 *   divergence    the two runs observed different things            -> non-deterministic
 *   crash         one run crashed where the other did not           -> non-deterministic
 *                 (the second run at any step; the first only when creating the session,
 *                 the one call both runs always make: after a later crash of the first
 *                 run the second never gets the same batch)
 *                 the first run crashed (the second never got that far, or crashed the
 *                 same way): an engine crash, which the differential run records
 *   timeout       a hang, which the differential run records (time is not an output)
 *   error         the case's input is bad (a missing or corrupt asset): an input error
 *                 of that case, recorded once, here
 */
import type { StoredDivergence, CaseResult } from '../results/types.ts';

export type SelfComparison = 'reproduced' | 'differs' | 'crashed' | 'timed-out' | 'input-error';

type Crash = Extract<StoredDivergence, { kind: 'crash' }>;

/** How one A-vs-A result judges the reference (`candidate` is the reference's second run). */
export function judgeSelfRun(result: CaseResult): SelfComparison {
  switch (result.status) {
    case 'pass': return 'reproduced';
    case 'divergence': return 'differs';
    case 'timeout': return 'timed-out';
    case 'error': return 'input-error';
    case 'crash': {
      const crashes = result.divergences.filter((d): d is Crash => d.kind === 'crash');
      const side = (engine: Crash['engine']) => crashes.filter((d) => d.engine === engine);
      const unmatched = (d: Crash, others: readonly Crash[]) => !others.some((o) => o.message === d.message && o.step === d.step);
      const [first, second] = [side('reference'), side('candidate')];
      const differs = second.some((d) => unmatched(d, first)) || first.some((d) => d.step === -1 && unmatched(d, second));
      return differs ? 'differs' : 'crashed';
    }
  }
}
