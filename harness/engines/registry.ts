/**
 * Engine specs -> adapters. A spec is plain data (it crosses worker boundaries):
 * a built-in name, or a module path from parity.config.yaml.
 *
 *   legacy-js, wasm                    in-process (in the runner's worker threads)
 *   legacy-js-worker, wasm-worker      each session in its own worker thread, fed by
 *                                      binary-encoded messages: the deployment of the migration
 *   { module: './path/to/adapter.ts' } a third-party adapter module (default export or
 *                                      `createAdapter`: an AdapterFactory); what its
 *                                      sessions return is checked (./checkObservation.ts).
 *                                      On the main thread it is first loaded in a worker
 *                                      under a time limit (./moduleProbe.ts); every way it
 *                                      can fail is one EngineLoadError naming the module.
 *
 * Every path that drives an engine (run and fuzz workers, minimizer, golden, replay)
 * loads it here, so every path gets the same check.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { createLegacyRenderer } from '../../engines/legacy-js/index.ts';
import { createWasmRenderer, DEFAULT_WASM_PATH } from '../../engines/wasm/adapter.ts';
import { checkedAdapter } from './checkObservation.ts';
import { EngineLoadError, errorText } from './engineLoadError.ts';
import { factoryOf, importModule } from './importModule.ts';
import { probeAdapterModule } from './moduleProbe.ts';
import { hashFile, hashFolder } from './identity.ts';
import { rendererAdapter } from './rendererAdapter.ts';
import type { AdapterFactory, EngineAdapter, EngineIdentity } from './types.ts';
import { workerAdapter } from './workerAdapter.ts';

export const BUILTIN_ENGINES = ['legacy-js', 'wasm', 'legacy-js-worker', 'wasm-worker'] as const;
export type BuiltinEngine = (typeof BUILTIN_ENGINES)[number];

export type EngineSpec =
  | { readonly builtin: BuiltinEngine }
  | {
      readonly module: string;
      readonly options?: Readonly<Record<string, unknown>>;
      /** The name it is declared under in the config's `engines:` (absent for a path given on the command line). */
      readonly name?: string;
    };

export { EngineLoadError };

const root = resolve(import.meta.dirname, '../..');
const VERSION = '0.1.0';

let legacyBuild: string | undefined;
let wasmBuild: string | undefined;

export function builtinIdentity(name: BuiltinEngine): EngineIdentity {
  if (name.startsWith('legacy-js')) {
    legacyBuild ??= hashFolder(resolve(root, 'engines/legacy-js'), (n) => n.endsWith('.ts'));
    return { name, version: VERSION, build: legacyBuild };
  }
  if (!existsSync(DEFAULT_WASM_PATH)) {
    throw new EngineLoadError(`the Wasm engine is not built (${DEFAULT_WASM_PATH} is missing): run \`npm run setup\``);
  }
  wasmBuild ??= hashFile(DEFAULT_WASM_PATH);
  return { name, version: VERSION, build: wasmBuild };
}

/** The engine's name as the user gave it: a built-in name, a name declared in the config, or a module path. */
export function specLabel(spec: EngineSpec): string {
  return 'builtin' in spec ? spec.builtin : spec.name ?? spec.module;
}

/** Parses a CLI/config engine name: a built-in name or a module path. */
export function parseEngineSpec(text: string, options?: Record<string, unknown>): EngineSpec {
  if ((BUILTIN_ENGINES as readonly string[]).includes(text)) return { builtin: text as BuiltinEngine };
  if (/[/\\.]/.test(text)) return { module: text, ...(options ? { options } : {}) };
  throw new EngineLoadError(
    `unknown engine "${text}": expected one of ${BUILTIN_ENGINES.join(', ')}, or a path to an adapter module (./my-engine.ts)`,
  );
}

/** How messages name a module: its config name and path, or the path given on the command line. */
export function moduleLabel(spec: { readonly module: string; readonly name?: string }): string {
  return spec.name ? `${spec.name} (${spec.module})` : spec.module;
}

/** The adapter module's absolute path; it must be an existing regular file. */
export function adapterPath(spec: { readonly module: string; readonly name?: string }, baseDir: string): string {
  const path = isAbsolute(spec.module) ? spec.module : resolve(baseDir, spec.module);
  if (!existsSync(path)) throw new EngineLoadError(`engine module ${moduleLabel(spec)}: no such file (resolved to ${path})`);
  if (!statSync(path).isFile()) throw new EngineLoadError(`engine module ${moduleLabel(spec)}: expected a file, got a folder or special file (${path})`);
  return path;
}

export interface LoadOptions {
  /** How long a module may take to import and build its adapter (the per-case time limit). */
  readonly timeoutMs?: number;
}

export async function loadAdapter(spec: EngineSpec, baseDir: string = process.cwd(), options: LoadOptions = {}): Promise<EngineAdapter> {
  if ('builtin' in spec) {
    const identity = builtinIdentity(spec.builtin);
    switch (spec.builtin) {
      case 'legacy-js': return rendererAdapter(identity, createLegacyRenderer);
      case 'wasm': return rendererAdapter(identity, (o) => createWasmRenderer(o));
      case 'legacy-js-worker': return workerAdapter(identity, 'legacy-js');
      case 'wasm-worker': return workerAdapter(identity, 'wasm');
    }
  }
  const label = moduleLabel(spec);
  const path = adapterPath(spec, baseDir);
  // the main thread has no watchdog of its own: a module that hangs must hang a worker instead
  if (isMainThread) await probeAdapterModule(spec, baseDir, options.timeoutMs);
  let mod;
  try {
    mod = await importModule(path);
  } catch (error) {
    throw new EngineLoadError(`engine module ${label}: failed to load: ${errorText(error)}`);
  }
  const factory = factoryOf(mod) as AdapterFactory | undefined;
  if (typeof factory !== 'function') {
    throw new EngineLoadError(`engine module ${label}: expected a default export or \`createAdapter\` function, got ${typeof factory}`);
  }
  let adapter: EngineAdapter;
  try {
    adapter = await factory(spec.options ?? {});
  } catch (error) {
    throw new EngineLoadError(`engine module ${label}: its factory failed with options ${JSON.stringify(spec.options ?? {})}: ${errorText(error)}`);
  }
  checkAdapter(adapter, label);
  return checkedAdapter(adapter);
}

function checkAdapter(a: EngineAdapter, where: string): void {
  const id = a?.identity;
  if (a === null || typeof a !== 'object') throw new EngineLoadError(`engine module ${where}: expected its factory to return an adapter object, got ${a === null ? 'null' : typeof a}`);
  if (!id || typeof id.name !== 'string' || typeof id.version !== 'string' || typeof id.build !== 'string') {
    throw new EngineLoadError(`engine module ${where}: expected an adapter with identity {name, version, build} (strings), got ${id && typeof id === 'object' ? `name ${typeof id.name}, version ${typeof id.version}, build ${typeof id.build}` : `identity ${id === null ? 'null' : typeof id}`}`);
  }
  if (typeof a.create !== 'function') throw new EngineLoadError(`engine module ${where}: expected an adapter with a create() method`);
  if (typeof a.producesFrames !== 'boolean') throw new EngineLoadError(`engine module ${where}: expected producesFrames to be a boolean`);
}
