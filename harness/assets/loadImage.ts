/**
 * Decodes a PNG file into an ImageAsset (RGBA8, straight alpha) for both engines.
 * Any PNG colour type and bit depth is accepted and expanded to 8-bit RGBA.
 * The gAMA chunk is ignored: pixel values are used as stored.
 */
import type { ImageAsset } from '../../engines/shared/assets.ts';
import { CAPS } from '../../engines/shared/protocol.ts';
import { readPng } from './readPng.ts';

/** Largest PNG file accepted, in bytes; a compressed-size guard before the pixel cap. */
export const MAX_IMAGE_FILE_BYTES = 4 * 1024 * 1024;

export interface LoadImageOptions {
  readonly maxFileBytes?: number;
  readonly maxPixels?: number;
  /** The file as messages name it (default: `file`). */
  readonly shown?: string;
}

export function loadImage(file: string, options: LoadImageOptions = {}): ImageAsset {
  const { maxFileBytes = MAX_IMAGE_FILE_BYTES, maxPixels = CAPS.maxImagePixels, shown = file } = options;
  const png = readPng(file, { maxFileBytes, maxPixels, shown });
  // Copy out of the Buffer: engines get a plain Uint8Array of exactly width*height*4 bytes.
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}
