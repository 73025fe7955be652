/**
 * A third-party adapter module is loaded first in a throwaway worker thread, under the
 * same time limit as an engine call: a module that hangs at import (or in its factory)
 * is stopped and reported instead of hanging the run, and one that throws asynchronously
 * while loading cannot take the main thread down. The probe goes as far as a checked
 * adapter and its identity; only then does the caller import the module itself.
 */
import { spawnTsWorker } from '../workers/spawn.ts';
import { EngineLoadError } from './engineLoadError.ts';
import type { EngineIdentity } from './types.ts';

/** The load time limit when the caller gives none (the default per-case limit). */
export const DEFAULT_LOAD_TIMEOUT_MS = 10_000;

const ENTRY = new URL('./moduleProbeWorker.ts', import.meta.url);

export type ProbeReply =
  | { readonly kind: 'started' }
  | { readonly kind: 'ready'; readonly identity: EngineIdentity }
  | { readonly kind: 'failed'; readonly message: string };

/** Starting the worker itself (tsx, the harness's own modules) is not the module's time: it gets its own, generous bound. */
const BOOT_MS = 60_000;
/** Node's exit code when the event loop empties while a top-level await is pending. */
const UNSETTLED_TOP_LEVEL_AWAIT = 13;

export interface ProbeSpec {
  readonly module: string;
  readonly options?: Readonly<Record<string, unknown>>;
  readonly name?: string;
}

export function probeAdapterModule(spec: ProbeSpec, baseDir: string, timeoutMs = DEFAULT_LOAD_TIMEOUT_MS): Promise<EngineIdentity> {
  const label = spec.name ? `${spec.name} (${spec.module})` : spec.module;
  const worker = spawnTsWorker(ENTRY, { spec, baseDir });
  return new Promise<EngineIdentity>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      outcome();
    };
    const fail = (message: string) => settle(() => reject(new EngineLoadError(message)));
    let timer = setTimeout(() => fail(`engine module ${label}: its loader did not start within ${BOOT_MS} ms; no case was run with it`), BOOT_MS);
    worker.on('message', (m: ProbeReply) => {
      if (m.kind === 'started') {
        clearTimeout(timer);
        timer = setTimeout(() => fail(`engine module ${label}: did not finish loading within ${timeoutMs} ms (it hangs at import or in its factory); no case was run with it`), timeoutMs);
      } else if (m.kind === 'ready') settle(() => resolve(m.identity));
      else fail(m.message);
    });
    worker.on('error', (e) => fail(`engine module ${label}: failed while loading: ${e.message.split('\n')[0]}`));
    worker.on('exit', (code) => fail(code === UNSETTLED_TOP_LEVEL_AWAIT
      ? `engine module ${label}: its import or factory returned a promise that can never settle (nothing left to run); no case was run with it`
      : `engine module ${label}: its loader exited with code ${code} before the adapter was ready`));
  });
}
