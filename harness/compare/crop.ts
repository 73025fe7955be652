/** Cuts a rectangle (grown by a margin, clamped to the frame) out of an RGBA frame, as a copy. */
import type { Frame } from '../../engines/shared/observation.ts';
import type { Box, RgbaCrop } from './types.ts';

export function cropFrame(frame: Frame, box: Box, margin = 4): RgbaCrop {
  const x0 = Math.max(0, box.x - margin);
  const y0 = Math.max(0, box.y - margin);
  const x1 = Math.min(frame.width, box.x + box.width + margin);
  const y1 = Math.min(frame.height, box.y + box.height + margin);
  const width = Math.max(0, x1 - x0);
  const height = Math.max(0, y1 - y0);
  const data = new Uint8Array(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y0 + row) * frame.width + x0) * 4;
    data.set(frame.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { x: x0, y: y0, width, height, data };
}
