/**
 * The stream of one fuzz run: the first value fast-check draws from `streamArbitrary`
 * with the run's own seed, so `fc.check(property, { seed: runSeed(S, k), numRuns: 1 })`
 * starts from exactly this stream (which is how minimization shrinks it).
 */
import fc from 'fast-check';
import { streamArbitrary } from '../generate/index.ts';
import type { GeneratedStream, StreamOptions } from '../generate/index.ts';
import { runSeed } from './runSeed.ts';

const arbitraries = new Map<string, fc.Arbitrary<GeneratedStream>>();

/** streamArbitrary(options), built once per distinct options. */
export function fuzzArbitrary(options: StreamOptions = {}): fc.Arbitrary<GeneratedStream> {
  const key = JSON.stringify(options);
  let arb = arbitraries.get(key);
  if (!arb) arbitraries.set(key, (arb = streamArbitrary(options)));
  return arb;
}

export function generateRun(seed: number, run: number, options: StreamOptions = {}): GeneratedStream {
  return fc.sample(fuzzArbitrary(options), { seed: runSeed(seed, run), numRuns: 1 })[0];
}
