/**
 * Turns the hand-drawn glyph source into the committed atlas files
 * (engines/shared/font/atlas-6x8.{png,json}). Pure: same text in, same bytes out.
 */
import { atlasSize, cellOrigin, type AtlasMetadata } from './atlasLayout.ts';
import { encodePng } from './encodePng.ts';
import { FIRST_CODE, GLYPH_HEIGHT, GLYPH_WIDTH, parseGlyphs } from './parseGlyphs.ts';

export const CELL_WIDTH = GLYPH_WIDTH + 1;
export const CELL_HEIGHT = GLYPH_HEIGHT + 1;
export const ATLAS_COLUMNS = 16;

export interface BuiltAtlas {
  readonly metadata: AtlasMetadata;
  readonly png: Uint8Array;
  /** The metadata as committed: pretty JSON with a trailing newline. */
  readonly json: string;
}

export function buildFontAtlas(glyphsText: string, options: { file?: string } = {}): BuiltAtlas {
  const { glyphs, fallbackIndex } = parseGlyphs(glyphsText, options);
  const metadata: AtlasMetadata = {
    cellWidth: CELL_WIDTH,
    cellHeight: CELL_HEIGHT,
    firstCode: FIRST_CODE,
    glyphCount: glyphs.length,
    fallbackIndex,
    columns: ATLAS_COLUMNS,
    coverage: 'luminance',
  };
  const { width, height } = atlasSize(metadata);
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255;
  glyphs.forEach((rows, index) => {
    const origin = cellOrigin(index, metadata);
    rows.forEach((row, gy) =>
      row.forEach((on, gx) => {
        if (!on) return;
        const at = ((origin.y + gy) * width + origin.x + gx) * 4;
        rgba.fill(255, at, at + 3);
      }),
    );
  });
  const png = encodePng({ width, height, data: rgba }, { colorType: 'gray' });
  return { metadata, png, json: `${JSON.stringify(metadata, null, 2)}\n` };
}
