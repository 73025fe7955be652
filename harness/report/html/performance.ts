/**
 * Engine performance from the per-case timings: each sample is one case's engine time
 * divided by its checkpoints (apply + snapshot per frame), so both engines are measured
 * on the same frames. Log-spaced histogram bins are shared by the two engines.
 */
import type { CaseResult } from '../../results/types.ts';
import type { Distribution, PerformanceView } from './viewModel.ts';

export const HISTOGRAM_BINS = 24;

export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function logBins(min: number, max: number, count = HISTOGRAM_BINS): number[] {
  const lo = Math.max(min, 1e-3);
  const hi = Math.max(max, lo * 1.0001);
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  return Array.from({ length: count + 1 }, (_, i) => 10 ** (a + ((b - a) * i) / count));
}

export function distribution(samples: readonly number[], bins: readonly number[]): Distribution {
  const sorted = [...samples].sort((a, b) => a - b);
  const histogram = new Array<number>(bins.length - 1).fill(0);
  for (const s of sorted) {
    let i = bins.findIndex((edge, k) => k > 0 && s <= edge) - 1;
    if (i < 0) i = s < bins[0] ? 0 : histogram.length - 1;
    histogram[i]++;
  }
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { samples: sorted.length, mean, p50: quantile(sorted, 0.5), p90: quantile(sorted, 0.9), p99: quantile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0, histogram };
}

export function performanceOf(cases: readonly CaseResult[]): PerformanceView | undefined {
  const timed = cases.filter((c) => c.checkpoints > 0 && c.status !== 'error' && c.timing);
  if (timed.length === 0) return undefined;
  const ref = timed.map((c) => c.timing.referenceMs / c.checkpoints);
  const cand = timed.map((c) => c.timing.candidateMs / c.checkpoints);
  const all = [...ref, ...cand].filter((x) => x > 0);
  const bins = logBins(Math.min(...all, 1), Math.max(...all, 1));
  const reference = distribution(ref, bins);
  const candidate = distribution(cand, bins);
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    unit: 'ms per checkpoint (commands applied + snapshot), one sample per case',
    bins,
    reference,
    candidate,
    ratioP50: ratio(candidate.p50, reference.p50),
    ratioP90: ratio(candidate.p90, reference.p90),
  };
}
