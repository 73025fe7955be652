/**
 * `streamArbitrary(options)`: generated command streams for the differential harness.
 * fast-check generates (and shrinks) a viewport and a list of intents; `materialize`
 * turns them into commands against a simulated scene, so every shrunk stream is still a
 * meaningful one. Deterministic from fast-check's seed: no Math.random, no clock.
 */
import fc from 'fast-check';
import type { Command } from '../../engines/shared/protocol.ts';
import { GENERATED_IMAGE_FILES } from './_internals/generatedImages.ts';
import { intentArbitrary } from './intentArbitrary.ts';
import { materialize } from './materialize.ts';
import { DEFAULT_VIEWPORT, resolveStreamOptions } from './options.ts';
import type { StreamOptions } from './options.ts';
import type { GeneratedStream, Viewport } from './types.ts';

/** Besides the default (most of the time): odd and tiny viewports for centring and clipping edges. */
const OTHER_VIEWPORTS: readonly Viewport[] = [{ width: 97, height: 61 }, { width: 64, height: 48 }, { width: 1, height: 1 }, { width: 200, height: 333 }];

function viewportArbitrary(fixed: Viewport | null): fc.Arbitrary<Viewport> {
  if (fixed !== null) return fc.constant(fixed);
  return fc.oneof({ arbitrary: fc.constant(DEFAULT_VIEWPORT), weight: 8 }, { arbitrary: fc.constantFrom(...OTHER_VIEWPORTS), weight: 2 });
}

export function streamArbitrary(options: StreamOptions = {}): fc.Arbitrary<GeneratedStream> {
  const resolved = resolveStreamOptions(options);
  const intents = fc.array(intentArbitrary(resolved), { minLength: resolved.minIntents, maxLength: resolved.maxIntents, size: 'max' });
  return fc.tuple(viewportArbitrary(resolved.viewport), intents).map(([viewport, list]): GeneratedStream => {
    const { commands, invalidSteps, origins } = materialize(list, viewport);
    return { viewport, assets: GENERATED_IMAGE_FILES, commands, intents: list, invalidSteps, origins };
  });
}

/** Just the commands (for properties that need nothing else); shrinks as streamArbitrary does. */
export function commandsArbitrary(options: StreamOptions = {}): fc.Arbitrary<readonly Command[]> {
  return streamArbitrary(options).map((stream) => stream.commands);
}
