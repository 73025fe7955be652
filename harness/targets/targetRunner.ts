/**
 * Runs case tasks on a target: the node worker pool (harness/run/pool.ts) or the
 * chromium target (./chromium/ChromiumTarget.ts), with the pool's signature, so a run
 * session does not care which. The chromium side is loaded on first use (puppeteer is
 * a heavy import) and keeps its browser for every later batch of the session.
 */
import { PoolSetupError, runPool } from '../run/pool.ts';
import type { PoolOptions } from '../run/pool.ts';
import type { CaseTask, WorkerSetup } from '../run/tasks.ts';
import type { CaseResult } from '../results/types.ts';
import type { ChromiumTarget } from './chromium/ChromiumTarget.ts';
import type { TargetName } from './target.ts';

export interface TargetRunnerOptions {
  readonly target: TargetName;
  /** Chromium: pages side by side in the browser (default 1). */
  readonly pages?: number;
  readonly present?: boolean;
  /** Where `present` screenshots go. */
  readonly presentDir?: string;
  /** Told about every page crash or hang the chromium target recovered from. */
  readonly onIncident?: (message: string) => void;
}

export interface TargetRunner {
  readonly target: TargetName;
  run(tasks: readonly CaseTask[], setup: WorkerSetup, options: PoolOptions): Promise<CaseResult[]>;
  /** The chromium runner's browser (launched on first use), for checks that drive it directly. */
  chromium?(): Promise<ChromiumTarget>;
  close(): Promise<void>;
}

export function targetRunner(options: TargetRunnerOptions): TargetRunner {
  if (options.target === 'node') return { target: 'node', run: runPool, close: async () => undefined };
  let loaded: Promise<ChromiumTarget> | null = null;
  const load = (): Promise<ChromiumTarget> => {
    loaded ??= (async () => {
      const { ChromiumTarget } = await import('./chromium/ChromiumTarget.ts');
      try {
        return await ChromiumTarget.launch({
          pages: options.pages,
          present: options.present,
          presentDir: options.presentDir,
          onIncident: (i) => options.onIncident?.(`chromium: ${i.caseId}: ${i.message}; replaced the page, the run goes on`),
        });
      } catch (error) {
        throw new PoolSetupError((error as Error).message);
      }
    })();
    return loaded;
  };
  return {
    target: 'chromium',
    chromium: load,
    async run(tasks, setup, pool) {
      if (tasks.length === 0) return [];
      const { engineKindOf } = await import('./chromium/engineKind.ts');
      const engines = { reference: engineKindOf(setup.reference), candidate: engineKindOf(setup.candidate) };
      const target = await load();
      return target.runBatch(tasks, { ...engines, referenceQuirks: setup.referenceQuirks, candidateQuirks: setup.candidateQuirks, runDir: setup.runDir }, {
        timeoutMs: pool.timeoutMs, onResult: pool.onResult, shouldStop: pool.shouldStop,
      });
    },
    async close() {
      const current = loaded;
      loaded = null;
      const target = await current?.catch(() => null);
      await target?.close();
    },
  };
}
