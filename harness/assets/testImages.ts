/**
 * The small PNG assets under scenarios/assets/, as code: each entry draws its pixels and
 * names the PNG colour type it is stored in (varied on purpose, so the loader's
 * palette, RGB, RGBA and tRNS paths are all exercised). scripts/make-test-images.ts
 * writes them; test/assets/testImages.test.ts checks the committed files still match.
 */
import type { ImageAsset } from '../../engines/shared/assets.ts';
import { encodePng, type PngColorType } from './encodePng.ts';

export interface TestImage {
  readonly file: string;
  /** What a scenario can use it for. */
  readonly purpose: string;
  readonly colorType: PngColorType;
  readonly draw: () => ImageAsset;
}

type Rgba = readonly [number, number, number, number];

export const CHECKER_DARK: Rgba = [24, 32, 96, 255];
export const CHECKER_LIGHT: Rgba = [240, 160, 32, 255];
const RING_COLOR: Rgba = [255, 96, 0, 255];

export const TEST_IMAGES: readonly TestImage[] = [
  {
    file: 'checker-16.png',
    purpose: '16x16 checkerboard of 4px squares, dark navy at the top-left: exact sampling and scaling',
    colorType: 'indexed',
    draw: () => paint(16, 16, (x, y) => (((x >> 2) + (y >> 2)) % 2 === 0 ? CHECKER_DARK : CHECKER_LIGHT)),
  },
  {
    file: 'gradient-32x16.png',
    purpose: 'red rises left to right, blue falls; green rises top to bottom (so flips show): filtering',
    colorType: 'rgb',
    draw: () =>
      paint(32, 16, (x, y) => {
        const r = Math.round((x * 255) / 31);
        return [r, y * 17, 255 - r, 255];
      }),
  },
  {
    file: 'alpha-ring-24.png',
    purpose: 'orange ring (radii 6..11) with anti-aliased partial alpha, colour kept under alpha 0: blending',
    colorType: 'indexed',
    draw: () => paint(24, 24, (x, y) => [RING_COLOR[0], RING_COLOR[1], RING_COLOR[2], ringAlpha(x, y)]),
  },
  {
    file: 'tall-8x24.png',
    purpose: 'portrait 1:3, red/green/blue thirds inside a white 1px frame: contain vs cover vs fill',
    colorType: 'rgb',
    draw: () =>
      paint(8, 24, (x, y) => {
        if (x === 0 || y === 0 || x === 7 || y === 23) return [255, 255, 255, 255];
        return y < 8 ? [220, 40, 40, 255] : y < 16 ? [40, 180, 60, 255] : [40, 80, 220, 255];
      }),
  },
  {
    file: 'tiny-1x1.png',
    purpose: 'a single opaque sky-blue pixel: degenerate scaling',
    colorType: 'rgba',
    draw: () => paint(1, 1, () => [32, 160, 224, 255]),
  },
];

export function encodeTestImage(image: TestImage): Uint8Array {
  return encodePng(image.draw(), { colorType: image.colorType });
}

function paint(width: number, height: number, colorAt: (x: number, y: number) => Rgba): ImageAsset {
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data.set(colorAt(x, y), (y * width + x) * 4);
  return { width, height, data };
}

/** Coverage of the annulus 6 <= r <= 11 around (12,12), from a 4x4 grid of samples per pixel. */
function ringAlpha(x: number, y: number): number {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const r = Math.hypot(x + (sx + 0.5) / 4 - 12, y + (sy + 0.5) / 4 - 12);
      if (r >= 6 && r <= 11) inside++;
    }
  }
  return Math.round((inside * 255) / 16);
}
