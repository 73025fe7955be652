/**
 * The viewer as one inline script: ./viewer/ is TypeScript, checked by tsc against
 * ./viewModel.ts like the generator, and bundled here into one IIFE by esbuild (the
 * compiler tsx runs on; no other bundler, nothing loaded at view time). Bundled once per
 * process.
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';

export const VIEWER_DIR = join(import.meta.dirname, 'viewer');

let cached: string | undefined;

export function viewerScript(): string {
  if (cached !== undefined) return cached;
  const out = buildSync({
    stdin: { contents: "import { startViewer } from './main.ts';\nstartViewer();\n", resolveDir: VIEWER_DIR, loader: 'ts', sourcefile: 'viewer-entry.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'silent',
  });
  // `</script` cannot occur in the viewer's own code, but make sure it never ends the inline block
  cached = out.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
  return cached;
}
