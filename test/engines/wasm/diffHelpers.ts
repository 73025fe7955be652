/**
 * The legacy engine's test helpers (test/engines/legacy-js/helpers.ts) with `renderer`
 * and `run` replaced by the differential renderer: the legacy unit tests, loaded through
 * port.test.ts with this module in place of their helpers, check both engines at every
 * snapshot while their own assertions still hold.
 */
import type { Command } from '../../../engines/shared/protocol.ts';
import type { Observation } from '../../../engines/shared/observation.ts';
import type { Renderer } from '../../../engines/shared/renderer.ts';
import { assets } from '../legacy-js/helpers.ts';
import type { RunOptions } from '../legacy-js/helpers.ts';
import { differentialRenderer } from './differential.ts';

export * from '../legacy-js/helpers.ts';

export function renderer(options: RunOptions = {}): Renderer {
  return differentialRenderer({ width: options.width ?? 20, height: options.height ?? 20, assets: assets(options.images) });
}

export function run(commands: Command[], options: RunOptions = {}): Observation {
  const r = renderer(options);
  r.apply(commands);
  return r.snapshot();
}
