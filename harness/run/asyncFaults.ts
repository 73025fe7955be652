/**
 * Errors an engine raises asynchronously (a promise it rejects without anyone awaiting
 * it, a throw in a timer it set) belong to the case whose call scheduled them. Each case
 * runs in an AsyncLocalStorage scope, and each engine call in a side scope, so an error
 * that surfaces later still carries the case and engine that caused it: while the case
 * is open it becomes a crash of that case; after it closed it is reported as an incident
 * that blames no case. It is never a crash of whichever case happens to run next.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { promiseHooks } from 'node:v8';
import type { EngineSide } from '../compare/types.ts';
import type { EngineAdapter, EngineSession } from '../engines/types.ts';

export interface AsyncFault {
  readonly side: EngineSide | undefined;
  readonly message: string;
}

export interface CaseScope {
  readonly id: string;
  open: boolean;
  readonly faults: AsyncFault[];
}

const cases = new AsyncLocalStorage<CaseScope>();
const sides = new AsyncLocalStorage<EngineSide>();
/** Who created each promise (a rejection surfaces where the promise was made, not where it is noticed). */
const origin = new WeakMap<Promise<unknown>, { scope: CaseScope; side: EngineSide | undefined }>();

const describe = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/**
 * Installs the process handlers (once per worker). `onOrphan` hears faults whose case
 * had already closed, and faults raised outside any case.
 */
export function watchAsyncFaults(onOrphan: (message: string) => void): void {
  promiseHooks.onInit((promise) => {
    const scope = cases.getStore();
    if (scope) origin.set(promise, { scope, side: sides.getStore() });
  });
  const file = (where: { scope: CaseScope; side: EngineSide | undefined } | undefined, kind: string, error: unknown) => {
    const message = `${kind}: ${describe(error)}`;
    if (where?.scope.open) where.scope.faults.push({ side: where.side, message });
    else onOrphan(where ? `${where.side ?? 'an engine'} raised ${message} after case ${where.scope.id} had finished; no case is blamed` : `an engine raised ${message} outside any case; no case is blamed`);
  };
  const current = () => {
    const scope = cases.getStore();
    return scope ? { scope, side: sides.getStore() } : undefined;
  };
  process.on('unhandledRejection', (reason, promise) => file(origin.get(promise) ?? current(), 'an unhandled promise rejection', reason));
  process.on('uncaughtException', (error) => file(current(), 'an uncaught exception', error));
}

/** Runs one case in its scope; faults raised while it is open (including a short settle after it) are in `scope.faults`. */
export async function inCaseScope<T>(id: string, run: () => Promise<T>): Promise<{ value: T; faults: readonly AsyncFault[] }> {
  const scope: CaseScope = { id, open: true, faults: [] };
  const value = await cases.run(scope, run);
  // rejections of promises made during the case surface after the microtask queue drains
  await new Promise((resolve) => setImmediate(resolve));
  scope.open = false;
  return { value, faults: scope.faults };
}

/** The adapter with every call made inside its side's scope, so a later fault knows its engine. */
export function sideScoped(adapter: EngineAdapter, side: EngineSide): EngineAdapter {
  const scoped = <T>(fn: () => T): T => sides.run(side, fn);
  return {
    identity: adapter.identity,
    producesFrames: adapter.producesFrames,
    async create(viewport, options) {
      const session: EngineSession = await scoped(() => adapter.create(viewport, options));
      return {
        apply: (batch) => scoped(() => session.apply(batch)),
        snapshot: () => scoped(() => session.snapshot()),
        dispose: () => scoped(() => session.dispose()),
      };
    },
    ...(adapter.close ? { close: () => scoped(() => adapter.close!()) } : {}),
  };
}
