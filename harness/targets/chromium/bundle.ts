/**
 * The page's scripts, bundled in memory with esbuild: page.js (./page/main.ts: the
 * legacy engine and the case driver) and worker.js (./page/wasmWorker.ts: the Wasm
 * engine's adapter). Cached per process by a hash of every source file that went in,
 * so an edited engine is re-bundled and an unchanged one costs nothing.
 *
 * The Wasm adapter (engines/wasm/adapter.ts) reads the module with node:fs; in the
 * worker it is always handed the module the page compiled, so node:fs and node:url are
 * replaced by stubs that fail loudly if ever called.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Plugin } from 'esbuild';

export interface PageBundle {
  readonly pageJs: string;
  readonly workerJs: string;
  /** Hash of the sources (and the esbuild version): names this build in reports. */
  readonly hash: string;
}

const PAGE_ENTRY = resolve(import.meta.dirname, 'page/main.ts');
const WORKER_ENTRY = resolve(import.meta.dirname, 'page/wasmWorker.ts');

const NODE_STUBS: Record<string, string> = {
  'node:fs': 'export function readFileSync(path) { throw new Error(`no file system in the browser (reading ${path}): pass a compiled module`); }',
  'node:url': 'export function fileURLToPath(url) { return String(url); }',
};

const nodeStubs: Plugin = {
  name: 'parity-node-stubs',
  setup(b) {
    b.onResolve({ filter: /^node:(fs|url)$/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    b.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({ contents: NODE_STUBS[args.path], loader: 'js' }));
  },
};

let cached: { readonly inputs: readonly string[]; readonly bundle: PageBundle } | null = null;

async function bundleOne(entry: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    // legacy code relies on exact JS number semantics: no minifier rewrites of arithmetic
    minify: false,
    sourcemap: 'inline',
    metafile: true,
    logLevel: 'silent',
    // an iife has no import.meta; adapter.ts only resolves its default path with it
    define: { 'import.meta.url': JSON.stringify('http://parity.invalid/engines/wasm/adapter.js') },
    plugins: [nodeStubs],
  });
  const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node-stub:')).map((p) => resolve(p));
  return { code: result.outputFiles[0].text, inputs };
}

function hashFiles(files: readonly string[]): string {
  const hash = createHash('sha256');
  for (const f of [...files].sort()) hash.update(f).update('\0').update(readFileSync(f));
  return hash.digest('hex').slice(0, 12);
}

/** The bundle for the current sources; re-bundles only when a source file changed. */
export async function pageBundle(): Promise<PageBundle> {
  if (cached && hashFiles(cached.inputs) === cached.bundle.hash) return cached.bundle;
  const [page, worker] = await Promise.all([bundleOne(PAGE_ENTRY), bundleOne(WORKER_ENTRY)]);
  const inputs = [...new Set([...page.inputs, ...worker.inputs])];
  cached = { inputs, bundle: { pageJs: page.code, workerJs: worker.code, hash: hashFiles(inputs) } };
  return cached.bundle;
}
