/**
 * The exact per-channel scan of two equally sized RGBA frames: how many pixels differ,
 * by how much at most, and where. Runs only after Buffer.equals said "different", so it
 * may cost a few milliseconds at 1280x720, but allocates nothing but 32-bit views.
 */
import type { PixelStats } from './types.ts';

export function scanPixels(a: Uint8Array, b: Uint8Array, width: number, height: number): PixelStats {
  // Whole-pixel comparison through 32-bit views; channels are only read on a mismatch.
  const a32 = asWords(a);
  const b32 = asWords(b);
  let pixels = 0;
  let maxChannelDiff = 0;
  let minX = width;
  let minY = height;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      if (a32[i] === b32[i]) continue;
      pixels++;
      const p = i * 4;
      const d = Math.max(
        Math.abs(a[p] - b[p]),
        Math.abs(a[p + 1] - b[p + 1]),
        Math.abs(a[p + 2] - b[p + 2]),
        Math.abs(a[p + 3] - b[p + 3]),
      );
      if (d > maxChannelDiff) maxChannelDiff = d;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      maxY = y;
    }
  }
  const bbox = pixels === 0 ? null : { x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1 };
  return { pixels, ratio: width * height === 0 ? 0 : pixels / (width * height), maxChannelDiff, bbox };
}

/** A 32-bit view of the bytes; copies only if the view would be misaligned. */
export function asWords(data: Uint8Array): Uint32Array {
  const bytes = data.byteOffset % 4 === 0 ? data : data.slice();
  return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength >> 2);
}
