/**
 * Decodes a PNG file into an ImageAsset (RGBA8, straight alpha) for both engines.
 * Any PNG colour type and bit depth is accepted; pngjs expands it to 8-bit RGBA.
 * The gAMA chunk is ignored: pixel values are used as stored.
 */
import type { ImageAsset } from '../../engines/shared/assets.ts';
import { CAPS } from '../../engines/shared/protocol.ts';
import { readPng } from './readPng.ts';
import type { Stats } from 'node:fs';

/** Largest PNG file accepted, in bytes; a compressed-size guard before the pixel cap. */
export const MAX_IMAGE_FILE_BYTES = 4 * 1024 * 1024;

export interface LoadImageOptions {
  readonly maxFileBytes?: number;
  readonly maxPixels?: number;
  /** A stat already taken by the caller, to avoid a second one. */
  readonly stats?: Stats;
}

export function loadImage(file: string, options: LoadImageOptions = {}): ImageAsset {
  const { maxFileBytes = MAX_IMAGE_FILE_BYTES, maxPixels = CAPS.maxImagePixels, stats } = options;
  const png = readPng(file, { maxFileBytes, maxPixels, stats });
  // Copy out of the Buffer: engines get a plain Uint8Array of exactly width*height*4 bytes.
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}
