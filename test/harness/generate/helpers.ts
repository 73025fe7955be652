/**
 * Shared pieces of the generator tests: a fixed seed, samples, and a legacy engine
 * loaded with the images generated streams name.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { createLegacyRenderer } from '../../../engines/legacy-js/index.ts';
import type { EngineEvent } from '../../../engines/shared/observation.ts';
import { loadHostAssets } from '../../../harness/assets/hostAssets.ts';
import { SCENARIO_ASSETS_DIR } from '../../../harness/assets/paths.ts';
import { streamArbitrary } from '../../../harness/generate/index.ts';
import type { GeneratedStream, StreamOptions } from '../../../harness/generate/index.ts';

export const SEED = 20240605;

export function samples(count: number, options: StreamOptions = {}, seed = SEED): GeneratedStream[] {
  return fc.sample(streamArbitrary(options), { numRuns: count, seed });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs a generated stream through the legacy engine; returns every event it emitted. */
export function legacyEvents(stream: GeneratedStream): EngineEvent[] {
  const images = Object.fromEntries(Object.entries(stream.assets).map(([name, file]) => [name, join(SCENARIO_ASSETS_DIR, file)]));
  const renderer = createLegacyRenderer({ ...stream.viewport, assets: loadHostAssets(images) });
  try {
    renderer.apply(stream.commands);
    return [...renderer.snapshot().events];
  } finally {
    renderer.dispose();
  }
}
