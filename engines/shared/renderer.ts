/**
 * The interface both engines implement in-process: the legacy JS renderer directly,
 * the Wasm engine through its adapter. Harness adapters (async, workers, browser)
 * wrap this.
 */
import type { HostAssets } from './assets.ts';
import type { Command } from './protocol.ts';
import type { Observation } from './observation.ts';
import type { QuirkFlags } from './quirks.ts';

export interface RendererOptions {
  readonly width: number;
  readonly height: number;
  readonly assets: HostAssets;
  /** Compat flags; only engines that emulate quirks read them. */
  readonly quirks?: QuirkFlags;
}

export interface Renderer {
  /** Applies commands in order. Invalid commands become events; this never throws for bad input. */
  apply(commands: readonly Command[]): void;
  /**
   * Renders the current scene and returns it with the events emitted since the last
   * snapshot. `checkpoint`/`step` name the most recent `frame` command.
   */
  snapshot(): Observation;
  dispose(): void;
}

export type RendererFactory = (options: RendererOptions) => Renderer;
