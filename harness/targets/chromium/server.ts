/**
 * The loopback HTTP server the page loads from: file:// pages can neither start Workers
 * nor fetch .wasm. Binds 127.0.0.1 on an ephemeral port and serves four fixed paths
 * from memory; anything else is a 404.
 */
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PageBundle } from './bundle.ts';

export const PAGE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>parity — chromium target</title>
<style>
  body { font: 13px system-ui, sans-serif; margin: 12px; background: #f4f4f4; color: #111; }
  .engines { display: flex; gap: 16px; align-items: flex-start; }
  figure { margin: 0; } figcaption { margin-top: 4px; }
  canvas { image-rendering: pixelated; background: repeating-conic-gradient(#ddd 0 25%, #fff 0 50%) 0 0 / 16px 16px; border: 1px solid #999; }
</style></head>
<body>
<h1 id="case-title" style="font-size:15px">parity</h1>
<div class="engines">
  <figure><canvas id="reference-canvas" width="1" height="1"></canvas><figcaption id="reference-label">reference</figcaption></figure>
  <figure><canvas id="candidate-canvas" width="1" height="1"></canvas><figcaption id="candidate-label">candidate</figcaption></figure>
</div>
<script src="/page.js"></script>
</body></html>
`;

export interface PageServer {
  readonly origin: string;
  close(): Promise<void>;
}

export async function startPageServer(bundle: PageBundle, wasm: Uint8Array): Promise<PageServer> {
  const routes = new Map<string, { type: string; body: string | Uint8Array }>([
    ['/', { type: 'text/html; charset=utf-8', body: PAGE_HTML }],
    ['/page.js', { type: 'text/javascript; charset=utf-8', body: bundle.pageJs }],
    ['/worker.js', { type: 'text/javascript; charset=utf-8', body: bundle.workerJs }],
    ['/engine.wasm', { type: 'application/wasm', body: wasm }],
  ]);
  const server: Server = createServer((req, res) => {
    const route = routes.get(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': route.type, 'cache-control': 'no-store' }).end(route.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
