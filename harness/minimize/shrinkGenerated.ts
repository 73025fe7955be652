/**
 * Stage 1 of minimization for fuzz finds: fast-check's own shrinking of the generated
 * intents, replayed from the run's seed. Shrinking works on intents (a spawn is
 * create + append + sets), so every candidate is still a meaningful scene; it stops
 * when no smaller candidate keeps the divergence or the budget is spent.
 */
import fc from 'fast-check';
import type { GeneratedStream, StreamOptions } from '../generate/index.ts';
import { fuzzArbitrary } from '../fuzz/generateRun.ts';
import type { Oracle } from './oracle.ts';

export interface ShrinkOutcome {
  /** The smallest stream found that still shows the divergence. */
  readonly stream: GeneratedStream;
  /** fast-check's counterexample path: `fc.check(p, { seed, path, endOnFailure: true })` regenerates `stream`. */
  readonly path: string;
  readonly shrinks: number;
}

/** Null when the run's first stream does not show the divergence (nothing to shrink). */
export async function shrinkGenerated(
  fcSeed: number,
  fingerprint: string,
  oracle: Oracle,
  /** Whether one more candidate may be tried (the budget). */
  allow: () => boolean,
  streamOptions: StreamOptions = {},
): Promise<ShrinkOutcome | null> {
  let best: GeneratedStream | null = null;
  let first = true;
  const property = fc.asyncProperty(fuzzArbitrary(streamOptions), async (stream) => {
    // the first value is the run itself: always checked, whatever the budget
    if (!first && !allow()) return true;
    first = false;
    const reproduces = await oracle.reproduces(stream.commands, stream.viewport, fingerprint);
    if (reproduces) best = stream;
    return !reproduces;
  });
  const details = await fc.check(property, { seed: fcSeed, numRuns: 1 });
  if (!details.failed || best === null || details.counterexamplePath === null) return null;
  return { stream: best, path: details.counterexamplePath, shrinks: details.numShrinks };
}
