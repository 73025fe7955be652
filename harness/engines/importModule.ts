/**
 * Imports an adapter module and finds its factory. A `.ts` file in a folder whose
 * package.json does not say "type": "module" is compiled by tsx as CommonJS; Node then
 * refuses it ("Cannot require() ES Module … in a cycle") when it imports ES modules such
 * as the harness's own types. tsx's tsImport loads such a file in its own namespace,
 * which works; its CommonJS wrapper puts the exports one level down (`default.default`).
 */
import { pathToFileURL } from 'node:url';
import { tsImport } from 'tsx/esm/api';

type ModuleExports = { default?: unknown; createAdapter?: unknown };

const CJS_CYCLE = /Cannot require\(\) ES Module .* in a cycle/;

export async function importModule(path: string): Promise<ModuleExports> {
  try {
    return (await import(pathToFileURL(path).href)) as ModuleExports;
  } catch (error) {
    if (!CJS_CYCLE.test((error as Error)?.message ?? '')) throw error;
    return unwrapCommonJs((await tsImport(pathToFileURL(path).href, import.meta.url)) as ModuleExports);
  }
}

/** `module.exports = { default, createAdapter }` seen from ESM: `{ default: { default, createAdapter } }`. */
function unwrapCommonJs(mod: ModuleExports): ModuleExports {
  const inner = mod.default as ModuleExports | undefined;
  if (mod.createAdapter === undefined && inner && typeof inner === 'object' && ('default' in inner || 'createAdapter' in inner)) return inner;
  return mod;
}

/** The module's factory: `createAdapter`, else the default export. */
export function factoryOf(mod: ModuleExports): unknown {
  return mod.createAdapter ?? mod.default;
}
