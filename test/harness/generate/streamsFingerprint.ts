/**
 * A sha256 over generated streams, so a change to the generator's internals (say, a
 * faster scene model) can prove it changed no stream. The canonical JSON sorts object
 * keys and spells out what JSON would lose: NaN, ±Infinity and -0 (values of invalid
 * `set`s), and undefined.
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { generateRun } from '../../../harness/fuzz/generateRun.ts';
import { streamArbitrary } from '../../../harness/generate/index.ts';
import type { GeneratedStream, StreamOptions } from '../../../harness/generate/index.ts';

function canonical(value: unknown): string {
  if (value === undefined) return '"#undefined"';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '"#NaN"';
    if (!Number.isFinite(value)) return value > 0 ? '"#Infinity"' : '"#-Infinity"';
    if (Object.is(value, -0)) return '"#-0"';
    return JSON.stringify(value);
  }
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

/** What the fingerprint covers of one stream: what engines run, what the harness expects, and where each command came from. */
function streamFacts(stream: GeneratedStream): unknown {
  return { commands: stream.commands, invalidSteps: stream.invalidSteps, origins: stream.origins, viewport: stream.viewport, assets: stream.assets };
}

/** sha256 (hex) of `numRuns` streams drawn with `seed` under `options`, in order. */
export function streamsFingerprint(options: StreamOptions, { seed, numRuns }: { seed: number; numRuns: number }): string {
  const hash = createHash('sha256');
  for (const stream of fc.sample(streamArbitrary(options), { seed, numRuns })) hash.update(canonical(streamFacts(stream))).update('\n');
  return hash.digest('hex');
}

/** sha256 (hex) of the streams of fuzz runs 0 … runs-1 of `seed`, as the fuzzer draws them (one sample per run seed). */
export function fuzzRunsFingerprint(options: StreamOptions, { seed, runs }: { seed: number; runs: number }): string {
  const hash = createHash('sha256');
  for (let run = 0; run < runs; run++) hash.update(canonical(streamFacts(generateRun(seed, run, options)))).update('\n');
  return hash.digest('hex');
}
