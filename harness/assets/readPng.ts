/**
 * Reads and decodes a PNG file with its caps enforced before any large allocation: the
 * file size while reading (only a regular file is read; see harness/files), the pixel
 * count from IHDR before inflating. Every problem is an AssetError naming the file.
 * This is the one guarded way to read a PNG file in the harness (assets, font, goldens).
 */
import { FileReadError, readBoundedFile } from '../files/readBoundedFile.ts';
import { AssetError } from './assetError.ts';
import { decodePng, PngProblem, type DecodedPng } from './decodePng.ts';

export type { DecodedPng };

export interface ReadPngOptions {
  readonly maxFileBytes: number;
  readonly maxPixels: number;
  /** The file as messages name it (default: `file`). */
  readonly shown?: string;
}

export function readPng(file: string, options: ReadPngOptions): DecodedPng {
  const { maxFileBytes, maxPixels, shown = file } = options;
  let bytes: Buffer;
  try {
    bytes = readBoundedFile(file, { maxBytes: maxFileBytes, what: 'a PNG file' });
  } catch (error) {
    if (error instanceof FileReadError) throw new AssetError(shown, error.expected, error.found, { cause: error });
    throw error;
  }
  return decodePngBytes(bytes, { maxPixels, shown });
}

/** Decodes PNG bytes already in memory (artifacts, goldens); problems are AssetErrors naming `shown`. */
export function decodePngBytes(bytes: Uint8Array, options: { maxPixels: number; shown: string }): DecodedPng {
  try {
    return decodePng(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { maxPixels: options.maxPixels });
  } catch (error) {
    if (error instanceof PngProblem) throw new AssetError(options.shown, error.expected, error.found, { cause: error });
    throw error;
  }
}
