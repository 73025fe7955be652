/**
 * Which fuzz runs go through the quirk detectors of the coverage table. The detectors
 * replay a stream through the scene model with legacy layout at every checkpoint (about
 * a quarter of an engine pair's time), so a long run samples them: every run among the
 * first `allFirst`, then one run in `every`. Decided by run number alone, so shards and
 * re-runs sample the same runs; a short budget (a gate's 300 runs) is covered in full.
 */
export interface CoverageSample {
  readonly allFirst: number;
  /** 0: no runs after the first `allFirst`. */
  readonly every: number;
}

export const DEFAULT_COVERAGE: CoverageSample = { allFirst: 500, every: 16 };
export const NO_COVERAGE: CoverageSample = { allFirst: 0, every: 0 };

export function isSampled(run: number, sample: CoverageSample): boolean {
  return run < sample.allFirst || (sample.every > 0 && run % sample.every === 0);
}
