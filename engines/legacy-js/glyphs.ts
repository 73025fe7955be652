/**
 * Drawing laid-out text lines with the bitmap font atlas (nearest-neighbour scaling).
 */
import type { FontAtlas } from '../shared/assets.ts';
import type { Rgba } from './color.ts';
import { centreOffset, snapEdge } from './geometry.ts';
import type { LayoutBox } from './layout.ts';
import { blendPixel, scaleAlpha } from './raster.ts';
import type { ClipRect, Framebuffer } from './raster.ts';
import { glyphAdvance, glyphIndexOf, lineHeightOf, textWidth } from './text.ts';

/**
 * Draws one atlas cell into the snapped destination cell [gx|0, (gx+advance)|0) x
 * [gy|0, (gy+fontSize)|0). Sample coordinates: sx = floor((px - x0) * cellWidth / dw),
 * sy likewise. Alpha = trunc(trunc(coverage * color.a / 255) * opacity8 / 255).
 */
export function drawGlyph(
  fb: Framebuffer,
  clip: ClipRect,
  font: FontAtlas,
  glyphIndex: number,
  gx: number,
  gy: number,
  advance: number,
  fontSize: number,
  color: Rgba,
  opacity8: number,
): void {
  // 1. snap_destination_cell (quirk coord-int32-truncation)
  const x0 = snapEdge(gx);
  const x1 = snapEdge(gx + advance);
  const y0 = snapEdge(gy);
  const y1 = snapEdge(gy + fontSize);
  const dw = x1 - x0;
  const dh = y1 - y0;
  if (dw <= 0 || dh <= 0) return;
  // 2. clip
  const xs = Math.max(x0, clip.x0);
  const xe = Math.min(x1, clip.x1);
  const ys = Math.max(y0, clip.y0);
  const ye = Math.min(y1, clip.y1);
  if (xs >= xe || ys >= ye) return;
  // 3. sample_nearest
  const cw = font.cellWidth;
  const ch = font.cellHeight;
  const cellBase = glyphIndex * cw * ch;
  const data = fb.data;
  const blend = blendPixel; // one import lookup per call, not per pixel
  const scale = scaleAlpha;
  for (let py = ys; py < ye; py++) {
    const sy = Math.floor(((py - y0) * ch) / dh);
    const rowBase = cellBase + sy * cw;
    let i = (py * fb.width + xs) * 4;
    for (let px = xs; px < xe; px++, i += 4) {
      const sx = Math.floor(((px - x0) * cw) / dw);
      const coverage = font.coverage[rowBase + sx];
      if (coverage === 0) continue;
      blend(data, i, color.r, color.g, color.b, scale(scale(coverage, color.a), opacity8));
    }
  }
}

/**
 * Draws a text box's lines in its content box. Line i's top is contentY + i * lineHeight
 * (glyphs sit at the top of the line box); the line starts at contentX (left),
 * contentX + round(free / 2) (center), contentX + free (right), free = contentWidth - lineWidth.
 */
export function drawTextLines(fb: Framebuffer, clip: ClipRect, box: LayoutBox, font: FontAtlas, opacity8: number): void {
  const node = box.node;
  const lines = box.lines;
  if (lines === null || node.color.a === 0) return;
  // 1. metrics
  const advance = glyphAdvance(font, node.fontSize);
  const lineHeight = lineHeightOf(node);
  const contentX = box.x + node.padding;
  const contentY = box.y + node.padding;
  const contentWidth = box.width - node.padding * 2;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l];
    // 2. align_line
    const free = contentWidth - textWidth(line.length, advance);
    let lineX = contentX;
    if (node.textAlign === 'center') lineX = contentX + centreOffset(free); // quirk round-half-up
    else if (node.textAlign === 'right') lineX = contentX + free;
    const lineY = contentY + l * lineHeight;
    // 3. draw_glyphs: one per UTF-16 code unit (quirk glyph-per-code-unit)
    for (let k = 0; k < line.length; k++) {
      const glyph = glyphIndexOf(font, line.charCodeAt(k));
      drawGlyph(fb, clip, font, glyph, lineX + k * advance, lineY, advance, node.fontSize, node.color, opacity8);
    }
  }
}
