/**
 * A minimal third-party engine adapter (README "Engine adapters"). It is layout-only:
 * it wraps the bundled legacy engine but reports no frames, the way a layout engine
 * under test would. Name it in parity.config.yaml:
 *
 *   engines:
 *     my-layout-engine: { module: ./docs/example-adapter.ts }
 *   candidate: my-layout-engine
 */
import { createLegacyRenderer } from '../engines/legacy-js/index.ts';
import type { EngineAdapter } from '../harness/engines/types.ts';

export default function createAdapter(): EngineAdapter {
  return {
    identity: { name: 'example-layout-only', version: '1.0.0', build: 'example' },
    producesFrames: false,
    create(viewport, { assets }) {
      const engine = createLegacyRenderer({ ...viewport, assets });
      return {
        apply: (batch) => engine.apply(batch),
        snapshot: () => ({ ...engine.snapshot(), frame: null }),
        dispose: () => engine.dispose(),
      };
    },
  };
}
