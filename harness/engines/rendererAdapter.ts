/**
 * Wraps an in-process Renderer (engines/shared/renderer.ts) as an EngineAdapter.
 * Both bundled engines run this way in the runner's worker threads.
 */
import type { RendererFactory } from '../../engines/shared/renderer.ts';
import type { EngineAdapter, EngineIdentity, EngineSession, SessionOptions, Viewport } from './types.ts';

export function rendererAdapter(identity: EngineIdentity, factory: RendererFactory): EngineAdapter {
  return {
    identity,
    producesFrames: true,
    create(viewport: Viewport, options: SessionOptions): EngineSession {
      const renderer = factory({ width: viewport.width, height: viewport.height, assets: options.assets, quirks: options.quirks });
      return {
        apply: (batch) => renderer.apply(batch),
        snapshot: () => renderer.snapshot(),
        dispose: () => renderer.dispose(),
      };
    },
  };
}
