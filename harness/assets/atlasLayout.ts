/**
 * Where glyph cells sit in the atlas image, shared by the atlas builder and the loader.
 *
 * The atlas PNG is 8-bit grayscale (colour type 0): a pixel's luminance is the glyph
 * coverage (0 = empty, 255 = fully covered). Glyph i occupies the cell at column
 * i % columns, row floor(i / columns); cells are cellWidth x cellHeight and include the
 * spacing (the glyph is drawn at the cell's top-left).
 */
export interface AtlasMetadata {
  readonly cellWidth: number;
  readonly cellHeight: number;
  readonly firstCode: number;
  readonly glyphCount: number;
  readonly fallbackIndex: number;
  readonly columns: number;
  /** Always "luminance": coverage is the grayscale value of each atlas pixel. */
  readonly coverage: 'luminance';
}

export function atlasSize(meta: AtlasMetadata): { width: number; height: number } {
  return {
    width: meta.columns * meta.cellWidth,
    height: Math.ceil(meta.glyphCount / meta.columns) * meta.cellHeight,
  };
}

/** Top-left atlas pixel of glyph `index`. */
export function cellOrigin(index: number, meta: AtlasMetadata): { x: number; y: number } {
  return {
    x: (index % meta.columns) * meta.cellWidth,
    y: Math.floor(index / meta.columns) * meta.cellHeight,
  };
}
