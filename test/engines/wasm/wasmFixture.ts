/**
 * Shared setup of the Wasm engine tests: build the module if its sources changed
 * (scripts/build-wasm.mjs, a no-op when up to date), and small host assets.
 */
import type { FontAtlas, HostAssets, ImageAsset } from '../../../engines/shared/assets.ts';
import type { RendererOptions } from '../../../engines/shared/renderer.ts';

const BUILD_SCRIPT = new URL('../../../scripts/build-wasm.mjs', import.meta.url);

/** Builds engines/wasm/pkg/parity_engine.wasm when needed; call from a `before` hook. */
export async function ensureWasmBuilt(): Promise<void> {
  const script: { buildWasm(options?: { silent?: boolean }): unknown } = await import(BUILD_SCRIPT.href);
  script.buildWasm({ silent: true });
}

/** A blank 6x8 ASCII atlas: enough for the skeleton, which draws no text yet. */
export const TEST_FONT: FontAtlas = {
  cellWidth: 6,
  cellHeight: 8,
  firstCode: 32,
  glyphCount: 95,
  fallbackIndex: 31,
  coverage: new Uint8Array(6 * 8 * 95),
};

export function solidImage(width: number, height: number, rgba: readonly [number, number, number, number]): ImageAsset {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) data.set(rgba, i);
  return { width, height, data };
}

export const TEST_ASSETS: HostAssets = {
  font: TEST_FONT,
  images: new Map([
    ['red', solidImage(2, 2, [255, 0, 0, 255])],
    ['caf\u00e9 \ud83d\ude00', solidImage(1, 3, [0, 0, 255, 128])],
  ]),
};

export function options(overrides: Partial<RendererOptions> = {}): RendererOptions {
  return { width: 8, height: 4, assets: TEST_ASSETS, ...overrides };
}
