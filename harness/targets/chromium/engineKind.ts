/** Which bundled engine an engine spec names: the page can host only those two. */
import { EngineLoadError, specLabel } from '../../engines/registry.ts';
import type { EngineSpec } from '../../engines/registry.ts';
import type { EngineKind } from './wire.ts';

export function engineKindOf(spec: EngineSpec): EngineKind {
  if ('builtin' in spec) return spec.builtin.startsWith('legacy-js') ? 'legacy-js' : 'wasm';
  throw new EngineLoadError(
    `--target chromium hosts the bundled engines only (legacy-js on the page's main thread, wasm in its Web Worker): got ${specLabel(spec)}`,
  );
}
