/**
 * Reference and candidate adapters on a target, for tools that drive engines one call
 * at a time (parity replay): in-process on node, or in a chromium page (legacy-js on
 * its main thread, wasm in its Web Worker), launched here and closed by `close`.
 */
import { loadAdapter } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { EngineAdapter } from '../engines/types.ts';
import { PoolSetupError } from '../run/pool.ts';
import type { TargetName } from './target.ts';

export interface TargetEngines {
  readonly reference: EngineAdapter;
  readonly candidate: EngineAdapter;
  /** chromium: a screenshot of the page (the frames drawn with `present`). */
  screenshot?(path: string): Promise<void>;
  close(): Promise<void>;
}

export async function targetEngines(
  target: TargetName,
  specs: { reference: EngineSpec; candidate: EngineSpec },
  options: { baseDir: string; present?: boolean; timeoutMs?: number },
): Promise<TargetEngines> {
  if (target === 'node') {
    const reference = await loadAdapter(specs.reference, options.baseDir);
    const candidate = await loadAdapter(specs.candidate, options.baseDir);
    return {
      reference,
      candidate,
      async close() {
        await reference.close?.();
        await candidate.close?.();
      },
    };
  }
  const [{ ChromiumTarget }, { chromiumAdapters }, { engineKindOf }] = await Promise.all([
    import('./chromium/ChromiumTarget.ts'), import('./chromium/chromiumAdapters.ts'), import('./chromium/engineKind.ts'),
  ]);
  engineKindOf(specs.reference);
  engineKindOf(specs.candidate);
  let chromium;
  try {
    chromium = await ChromiumTarget.launch({ present: options.present });
  } catch (error) {
    throw new PoolSetupError((error as Error).message);
  }
  const live = chromium;
  return {
    ...chromiumAdapters(live, specs, { present: options.present, timeoutMs: options.timeoutMs }),
    screenshot: async (path) => (await live.page(0)).screenshot(path),
    close: () => live.close(),
  };
}
