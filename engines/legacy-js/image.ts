/**
 * Image painting: fit the asset into the content box, then nearest-neighbour sampling.
 */
import type { ImageAsset } from '../shared/assets.ts';
import { centreOffset, snapEdge } from './geometry.ts';
import type { Fit } from './node.ts';
import { blendPixel, intersectClip, scaleAlpha } from './raster.ts';
import type { ClipRect, Framebuffer } from './raster.ts';

export interface FitRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Destination rectangle (f64) of an iw x ih image in a content box:
 * fill stretches; contain scales by min(cw/iw, ch/ih), cover by max(...), none keeps the
 * intrinsic size; the last three are centred with round(free / 2) (quirk round-half-up).
 */
export function fitRect(fit: Fit, cx: number, cy: number, cw: number, ch: number, iw: number, ih: number): FitRect {
  if (fit === 'fill') return { x: cx, y: cy, width: cw, height: ch };
  let w = iw;
  let h = ih;
  if (fit === 'contain' || fit === 'cover') {
    const sx = cw / iw;
    const sy = ch / ih;
    const scale = fit === 'contain' ? Math.min(sx, sy) : Math.max(sx, sy);
    w = iw * scale;
    h = ih * scale;
  }
  return { x: cx + centreOffset(cw - w), y: cy + centreOffset(ch - h), width: w, height: h };
}

/**
 * Paints `asset` fitted into the content box (cx, cy, cw, ch), clipped to the snapped
 * content box. Source pixel: sx = floor((px - X0) * iw / dw), sy likewise, with the
 * destination snapped to [X0, X1) x [Y0, Y1), dw = X1 - X0. Straight alpha, src-over,
 * alpha = trunc(a * opacity8 / 255).
 */
export function paintImage(
  fb: Framebuffer,
  clip: ClipRect,
  asset: ImageAsset,
  fit: Fit,
  cx: number,
  cy: number,
  cw: number,
  ch: number,
  opacity8: number,
): void {
  const iw = asset.width;
  const ih = asset.height;
  if (iw <= 0 || ih <= 0 || opacity8 <= 0) return;
  // 1. fit_rect
  const dest = fitRect(fit, cx, cy, cw, ch, iw, ih);
  // 2. snap_destination (quirk coord-int32-truncation)
  const x0 = snapEdge(dest.x);
  const y0 = snapEdge(dest.y);
  const x1 = snapEdge(dest.x + dest.width);
  const y1 = snapEdge(dest.y + dest.height);
  const dw = x1 - x0;
  const dh = y1 - y0;
  if (dw <= 0 || dh <= 0) return;
  // 3. clip_to_content_box
  const c = intersectClip(clip, snapEdge(cx), snapEdge(cy), snapEdge(cx + cw), snapEdge(cy + ch));
  const xs = Math.max(x0, c.x0);
  const xe = Math.min(x1, c.x1);
  const ys = Math.max(y0, c.y0);
  const ye = Math.min(y1, c.y1);
  if (xs >= xe || ys >= ye) return;
  // 4. sample_nearest (source columns computed once per call)
  const columns = new Int32Array(xe - xs);
  for (let px = xs; px < xe; px++) columns[px - xs] = Math.floor(((px - x0) * iw) / dw);
  const src = asset.data;
  const data = fb.data;
  const blend = blendPixel; // one import lookup per call, not per pixel
  const scale = scaleAlpha;
  for (let py = ys; py < ye; py++) {
    const sy = Math.floor(((py - y0) * ih) / dh);
    const rowBase = sy * iw;
    let i = (py * fb.width + xs) * 4;
    for (let px = xs; px < xe; px++, i += 4) {
      const s = (rowBase + columns[px - xs]) * 4;
      blend(data, i, src[s], src[s + 1], src[s + 2], scale(src[s + 3], opacity8));
    }
  }
}
