/**
 * Loads the committed font atlas (atlas-6x8.json + atlas-6x8.png) into a FontAtlas.
 * The layout and the meaning of the pixels are described in ./atlasLayout.ts.
 */
import { readFileSync } from 'node:fs';
import type { FontAtlas } from '../../engines/shared/assets.ts';
import { AssetError } from './assetError.ts';
import { atlasSize, cellOrigin, type AtlasMetadata } from './atlasLayout.ts';
import { FONT_JSON_PATH, FONT_PNG_PATH } from './paths.ts';
import { readPng } from './readPng.ts';

export interface LoadFontOptions {
  readonly jsonPath?: string;
  readonly pngPath?: string;
}

/** The atlas is a small committed file; these caps only guard against a wrong path. */
const MAX_ATLAS_FILE_BYTES = 1024 * 1024;
const MAX_ATLAS_PIXELS = 1024 * 1024;

export function loadFont(options: LoadFontOptions = {}): FontAtlas {
  const { jsonPath = FONT_JSON_PATH, pngPath = FONT_PNG_PATH } = options;
  const meta = readMetadata(jsonPath);
  const png = readPng(pngPath, { maxFileBytes: MAX_ATLAS_FILE_BYTES, maxPixels: MAX_ATLAS_PIXELS });

  const expected = atlasSize(meta);
  if (png.width !== expected.width || png.height !== expected.height) {
    throw new AssetError(
      pngPath,
      `a ${expected.width}x${expected.height} atlas (${meta.glyphCount} cells of ${meta.cellWidth}x${meta.cellHeight} in ${meta.columns} columns, per ${jsonPath})`,
      `${png.width}x${png.height}`,
    );
  }
  if (png.colorType !== 0 || png.depth !== 8) {
    throw new AssetError(pngPath, 'an 8-bit grayscale PNG (colour type 0, coverage as luminance)', `colour type ${png.colorType}, depth ${png.depth}`);
  }

  const { cellWidth, cellHeight } = meta;
  const cellBytes = cellWidth * cellHeight;
  const coverage = new Uint8Array(meta.glyphCount * cellBytes);
  for (let index = 0; index < meta.glyphCount; index++) {
    const origin = cellOrigin(index, meta);
    for (let y = 0; y < cellHeight; y++) {
      for (let x = 0; x < cellWidth; x++) {
        // Grayscale decodes to r=g=b; red carries the luminance.
        coverage[index * cellBytes + y * cellWidth + x] = png.data[((origin.y + y) * png.width + origin.x + x) * 4];
      }
    }
  }
  return {
    cellWidth,
    cellHeight,
    firstCode: meta.firstCode,
    glyphCount: meta.glyphCount,
    fallbackIndex: meta.fallbackIndex,
    coverage,
  };
}

function readMetadata(jsonPath: string): AtlasMetadata {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(jsonPath, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new AssetError(jsonPath, 'font atlas metadata JSON', problem, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AssetError(jsonPath, 'a JSON object', JSON.stringify(parsed));
  }
  const record = parsed as Record<string, unknown>;
  const int = (key: string, min: number, max: number): number => {
    const value = record[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw new AssetError(jsonPath, `"${key}" to be an integer in ${min}..${max}`, JSON.stringify(value));
    }
    return value;
  };
  const glyphCount = int('glyphCount', 1, 0x10000);
  const meta: AtlasMetadata = {
    cellWidth: int('cellWidth', 1, 256),
    cellHeight: int('cellHeight', 1, 256),
    firstCode: int('firstCode', 0, 0x10ffff),
    glyphCount,
    fallbackIndex: int('fallbackIndex', 0, glyphCount - 1),
    columns: int('columns', 1, glyphCount),
    coverage: 'luminance',
  };
  if (record.coverage !== 'luminance') {
    throw new AssetError(jsonPath, '"coverage" to be "luminance"', JSON.stringify(record.coverage));
  }
  return meta;
}
