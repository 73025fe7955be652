/**
 * Resources the host owns and hands to both engines (DESIGN.md): a bitmap font atlas
 * and decoded images. Engines never load files themselves.
 */

/** A monospace bitmap font: one coverage cell per glyph, codes firstCode..firstCode+glyphCount-1. */
export interface FontAtlas {
  /** Cell size in atlas pixels; the cell includes the glyph's spacing. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** Code of the first glyph (32, space). */
  readonly firstCode: number;
  readonly glyphCount: number;
  /** Index of the glyph drawn for any code not in the atlas. */
  readonly fallbackIndex: number;
  /** glyphCount cells, each cellWidth*cellHeight bytes of coverage 0..255, row-major. */
  readonly coverage: Uint8Array;
}

/** A decoded RGBA8 image (straight, not premultiplied alpha). */
export interface ImageAsset {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

export interface HostAssets {
  readonly font: FontAtlas;
  /** Images by the name the scenario declares; iteration order is the declaration order. */
  readonly images: ReadonlyMap<string, ImageAsset>;
}
