/**
 * The framebuffer and its primitives: src-over blending, rectangle fills, and
 * anti-aliased rounded rectangles (fill and border ring). Pixel coordinates here are
 * integers (already snapped); clip rectangles are half-open [x0, x1) x [y0, y1).
 */
import type { Rgba } from './color.ts';

export interface ClipRect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** True when a Uint32Array reads RGBA bytes as r | g << 8 | b << 16 | a << 24. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Opaque RGBA8 frame; alpha is always 255. */
export class Framebuffer {
  width = 0;
  height = 0;
  data = new Uint8Array(0);
  /** The same memory as 32-bit pixels, for opaque span fills. */
  data32 = new Uint32Array(0);
  /** An opaque black frame, copied over `data` to clear it. */
  private cleared = new Uint8Array(0);

  constructor(width: number, height: number) {
    this.resize(width, height);
  }

  resize(width: number, height: number): void {
    this.width = width;
    this.height = height;
    this.data = new Uint8Array(width * height * 4);
    this.data32 = new Uint32Array(this.data.buffer);
    this.cleared = new Uint8Array(width * height * 4);
    for (let i = 3; i < this.cleared.length; i += 4) this.cleared[i] = 255;
  }

  /** Clears to opaque black (#000000ff). */
  clear(): void {
    this.data.set(this.cleared);
  }

  fullClip(): ClipRect {
    return { x0: 0, y0: 0, x1: this.width, y1: this.height };
  }
}

export function intersectClip(clip: ClipRect, x0: number, y0: number, x1: number, y1: number): ClipRect {
  return {
    x0: Math.max(clip.x0, x0),
    y0: Math.max(clip.y0, y0),
    x1: Math.min(clip.x1, x1),
    y1: Math.min(clip.y1, y1),
  };
}

/**
 * Blends one source pixel (straight alpha a in 0..255) over the opaque destination.
 * quirk blend-truncation: each channel is (s*a + d*(255-a)) / 255 truncated with `| 0`.
 * A correct engine rounds to nearest: floor((s*a + d*(255-a) + 127) / 255).
 */
export function blendPixel(data: Uint8Array, i: number, r: number, g: number, b: number, a: number): void {
  if (a <= 0) return;
  if (a >= 255) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
    return;
  }
  const ia = 255 - a;
  data[i] = ((r * a + data[i] * ia) / 255) | 0;
  data[i + 1] = ((g * a + data[i + 1] * ia) / 255) | 0;
  data[i + 2] = ((b * a + data[i + 2] * ia) / 255) | 0;
}

/** Scales an alpha by a factor in 0..255: trunc(alpha * factor / 255). */
export function scaleAlpha(alpha: number, factor: number): number {
  return ((alpha * factor) / 255) | 0;
}

/** Coverage 0..1 to a byte: trunc(c * 255 + 0.5). */
export function coverageToByte(c: number): number {
  return (c * 255 + 0.5) | 0;
}

/**
 * Blends colour rgb at alpha over pixels [xs, xe) of row py (already clipped).
 * Same result as blendPixel per pixel; opaque spans are written as 32-bit words.
 */
export function fillSpan(fb: Framebuffer, py: number, xs: number, xe: number, color: Rgba, alpha: number): void {
  if (alpha <= 0 || xs >= xe) return;
  const row = py * fb.width;
  if (alpha >= 255 && LITTLE_ENDIAN) {
    const word = (color.r | (color.g << 8) | (color.b << 16) | (255 << 24)) >>> 0;
    fb.data32.fill(word, row + xs, row + xe);
    return;
  }
  const data = fb.data;
  const end = (row + xe) * 4;
  for (let i = (row + xs) * 4; i < end; i += 4) blendPixel(data, i, color.r, color.g, color.b, alpha);
}

/** Fills [x0, x1) x [y0, y1) with colour rgb at alpha (0..255), within clip. */
export function fillRect(fb: Framebuffer, clip: ClipRect, x0: number, y0: number, x1: number, y1: number, color: Rgba, alpha: number): void {
  const xs = Math.max(x0, clip.x0);
  const xe = Math.min(x1, clip.x1);
  const ys = Math.max(y0, clip.y0);
  const ye = Math.min(y1, clip.y1);
  if (alpha <= 0 || xs >= xe || ys >= ye) return;
  for (let py = ys; py < ye; py++) fillSpan(fb, py, xs, xe, color, alpha);
}

/**
 * Coverage (0..1) of pixel (px, py) by the rectangle [x0, x1) x [y0, y1) (f64 edges)
 * with corner radius r. Straight edges are not anti-aliased: a pixel is inside when its
 * centre is. In a corner square, coverage = clamp(r - d + 0.5, 0, 1), d = distance from
 * the pixel centre to the corner circle's centre.
 */
export function roundedRectCoverage(px: number, py: number, x0: number, y0: number, x1: number, y1: number, r: number): number {
  const cx = px + 0.5;
  const cy = py + 0.5;
  // 1. outside_edges
  if (cx < x0 || cx >= x1 || cy < y0 || cy >= y1) return 0;
  if (r <= 0) return 1;
  // 2. find_corner: both axes must be within r of an edge
  let dx: number;
  if (cx < x0 + r) dx = x0 + r - cx;
  else if (cx > x1 - r) dx = cx - (x1 - r);
  else return 1;
  let dy: number;
  if (cy < y0 + r) dy = y0 + r - cy;
  else if (cy > y1 - r) dy = cy - (y1 - r);
  else return 1;
  // 3. corner_coverage
  const c = r - Math.sqrt(dx * dx + dy * dy) + 0.5;
  if (c <= 0) return 0;
  if (c >= 1) return 1;
  return c;
}

/** Fills the rounded rectangle [x0, x1) x [y0, y1) (integer edges, r already clamped). */
export function fillRoundedRect(
  fb: Framebuffer,
  clip: ClipRect,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
  color: Rgba,
  alpha: number,
): void {
  if (r <= 0) {
    fillRect(fb, clip, x0, y0, x1, y1, color, alpha);
    return;
  }
  const xs = Math.max(x0, clip.x0);
  const xe = Math.min(x1, clip.x1);
  const ys = Math.max(y0, clip.y0);
  const ye = Math.min(y1, clip.y1);
  if (alpha <= 0 || xs >= xe || ys >= ye) return;
  const data = fb.data;
  for (let py = ys; py < ye; py++) {
    const cy = py + 0.5;
    // rows outside the corner bands are fully covered (same result as the per-pixel path)
    if (!(cy < y0 + r) && !(cy > y1 - r)) {
      fillSpan(fb, py, xs, xe, color, alpha);
      continue;
    }
    let i = (py * fb.width + xs) * 4;
    for (let px = xs; px < xe; px++, i += 4) {
      const cov = roundedRectCoverage(px, py, x0, y0, x1, y1, r);
      if (cov <= 0) continue;
      blendPixel(data, i, color.r, color.g, color.b, scaleAlpha(alpha, coverageToByte(cov)));
    }
  }
}

/**
 * Draws a border of width bw inside the rounded rectangle [x0, x1) x [y0, y1) (integer
 * edges, radius r): coverage = clamp(outer - inner, 0, 1) where inner is the rectangle
 * inset by bw (f64 edges) with radius max(0, r - bw).
 */
export function strokeRoundedRect(
  fb: Framebuffer,
  clip: ClipRect,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  r: number,
  bw: number,
  color: Rgba,
  alpha: number,
): void {
  const xs = Math.max(x0, clip.x0);
  const xe = Math.min(x1, clip.x1);
  const ys = Math.max(y0, clip.y0);
  const ye = Math.min(y1, clip.y1);
  if (alpha <= 0 || bw <= 0 || xs >= xe || ys >= ye) return;
  const ix0 = x0 + bw;
  const iy0 = y0 + bw;
  const ix1 = x1 - bw;
  const iy1 = y1 - bw;
  const ir = Math.max(0, r - bw);
  // Pixels whose centre is in [ix0, ix1) on a row in the inner straight band have inner
  // coverage 1, hence nothing to draw: skip them (an optimisation, same result).
  const skipStart = Math.ceil(ix0 - 0.5);
  const skipEnd = Math.ceil(ix1 - 0.5);
  const data = fb.data;
  for (let py = ys; py < ye; py++) {
    const cy = py + 0.5;
    const innerStraightRow = cy >= iy0 && cy < iy1 && !(cy < iy0 + ir) && !(cy > iy1 - ir);
    const row = py * fb.width;
    for (let px = xs; px < xe; px++) {
      if (innerStraightRow && px >= skipStart && px < skipEnd) {
        px = skipEnd - 1;
        continue;
      }
      const i = (row + px) * 4;
      const outer = roundedRectCoverage(px, py, x0, y0, x1, y1, r);
      if (outer <= 0) continue;
      const inner = roundedRectCoverage(px, py, ix0, iy0, ix1, iy1, ir);
      let cov = outer - inner;
      if (cov <= 0) continue;
      if (cov > 1) cov = 1;
      blendPixel(data, i, color.r, color.g, color.b, scaleAlpha(alpha, coverageToByte(cov)));
    }
  }
}
