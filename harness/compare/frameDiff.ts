/**
 * Compares two RGBA frames, cheapest test first:
 *   1. sizes            -> differ, naming both sizes
 *   2. Buffer.equals    -> equal (~0.25 ms at 1280x720: the hot path, allocates nothing)
 *   3. exact scan       -> differing pixel count, ratio, max channel diff, bbox
 *   4. fuzzy allowance  -> tolerated if within its WPT-style ranges (./fuzzyAllowance.ts)
 *   5. pixelmatch       -> only with a configured threshold (its count decides) or when a
 *                          diff image is asked for (exact mode: threshold 0, AA counted;
 *                          pixels differing only where pixelmatch's blend hides it, such
 *                          as RGB under alpha 0, are counted by step 3 but not drawn)
 * Without a threshold the verdict is exact: any differing byte is a difference.
 */
import pixelmatch from 'pixelmatch';
import type { Frame } from '../../engines/shared/observation.ts';
import { cropFrame } from './crop.ts';
import { resolveFuzzy, withinFuzzy } from './fuzzyAllowance.ts';
import { scanPixels } from './pixelScan.ts';
import type { FrameCompareOptions, FrameComparison, FrameDifference, ResolvedFuzzy, RgbaImage } from './types.ts';

export function compareFrames(ref: Frame, cand: Frame, opts: FrameCompareOptions = {}): FrameComparison {
  const { threshold, includeAA = true, fuzzy, withDiffImage = false } = checkFrameOptions(opts);
  checkFrame(ref, 'reference');
  checkFrame(cand, 'candidate');
  const { width, height } = ref;

  // 1. Sizes: nothing else can be compared.
  if (width !== cand.width || height !== cand.height) {
    return {
      outcome: 'differs',
      difference: {
        width,
        height,
        pixels: 0,
        ratio: 0,
        maxChannelDiff: 0,
        bbox: null,
        sizeMismatch: { reference: { width, height }, candidate: { width: cand.width, height: cand.height } },
      },
    };
  }

  // 2. Byte equality: the common case, and all a passing run ever pays.
  if (bytesEqual(ref.data, cand.data)) return { outcome: 'equal' };

  // 3. Exact statistics.
  const stats = scanPixels(ref.data, cand.data, width, height);
  const exact: FrameDifference = { width, height, ...stats, ...(fuzzy && { fuzzy }) };

  // 4. A fuzzy allowance, written down with its reason, may cover it.
  if (fuzzy && withinFuzzy(stats, fuzzy)) return { outcome: 'tolerated', by: 'fuzzy', difference: exact };

  // 5. pixelmatch: the perceptual count when a threshold is configured, and the diff image.
  if (threshold === undefined && !withDiffImage) return { outcome: 'differs', difference: exact };
  const diff = withDiffImage ? new Uint8Array(width * height * 4) : null;
  const settings = threshold === undefined ? { threshold: 0, includeAA: true } : { threshold, includeAA };
  const perceptual = pixelmatch(aligned(ref.data), aligned(cand.data), diff, width, height, settings);
  const difference: FrameDifference = {
    ...exact,
    ...(threshold !== undefined && { perceptualPixels: perceptual, threshold: { threshold, includeAA } }),
    ...(diff && stats.bbox && withImages(ref, cand, diff, stats.bbox)),
  };
  if (threshold !== undefined && perceptual === 0) return { outcome: 'tolerated', by: 'threshold', difference };
  return { outcome: 'differs', difference };
}

/** Checks the options (threshold range, fuzzy reason) and returns them with the allowance resolved. */
export function checkFrameOptions(opts: FrameCompareOptions): FrameCompareOptions & { fuzzy?: ResolvedFuzzy } {
  const { threshold, fuzzy } = opts;
  if (threshold !== undefined && !(threshold >= 0 && threshold <= 1)) {
    throw new Error(`frame threshold: expected a number from 0 to 1, got ${threshold}`);
  }
  return fuzzy === undefined ? { ...opts, fuzzy: undefined } : { ...opts, fuzzy: resolveFuzzy(fuzzy, 'frame fuzzy allowance') };
}

function withImages(ref: Frame, cand: Frame, diff: Uint8Array, bbox: NonNullable<FrameDifference['bbox']>) {
  const diffImage: RgbaImage = { width: ref.width, height: ref.height, data: diff };
  return { diffImage, referenceCrop: cropFrame(ref, bbox), candidateCrop: cropFrame(cand, bbox) };
}

function checkFrame(frame: Frame, side: string): void {
  const expected = frame.width * frame.height * 4;
  if (!Number.isInteger(frame.width) || !Number.isInteger(frame.height) || frame.width < 0 || frame.height < 0) {
    throw new Error(`${side} frame: expected integer width and height >= 0, got ${frame.width}x${frame.height}`);
  }
  if (frame.data.length !== expected) {
    throw new Error(
      `${side} frame: expected ${frame.width}x${frame.height}x4 = ${expected} bytes, got ${frame.data.length}`,
    );
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
}

/** pixelmatch reads 32-bit views of its inputs, which need 4-byte-aligned offsets. */
function aligned(data: Uint8Array): Uint8Array {
  return data.byteOffset % 4 === 0 ? data : data.slice();
}
