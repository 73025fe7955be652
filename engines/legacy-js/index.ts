/**
 * The legacy JavaScript UI renderer: the reference engine the Wasm port must match
 * bit for bit, quirks included. See README.md for the rendering model.
 */
import type { Renderer, RendererOptions } from '../shared/renderer.ts';
import { LegacyEngine } from './engine.ts';

export function createLegacyRenderer(options: RendererOptions): Renderer {
  return new LegacyEngine(options);
}
