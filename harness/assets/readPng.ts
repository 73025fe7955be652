/**
 * Reads and decodes a PNG file with caps checked *before* any large allocation:
 * the file size from stat, the pixel count from the IHDR header.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { PNG, type PNGWithMetadata } from 'pngjs';
import { AssetError } from './assetError.ts';

export interface ReadPngOptions {
  readonly maxFileBytes: number;
  readonly maxPixels: number;
  /** A stat already taken by the caller (the image cache keys on its mtime). */
  readonly stats?: Stats;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function statAsset(file: string): Stats {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? 'file not found' : `cannot stat file (${code ?? String(error)})`;
    throw new AssetError(file, `expected a readable PNG file, got ${problem}`, { cause: error });
  }
}

export function readPng(file: string, options: ReadPngOptions): PNGWithMetadata {
  const { maxFileBytes, maxPixels } = options;
  const stats = options.stats ?? statAsset(file);
  if (!stats.isFile()) throw new AssetError(file, 'expected a regular PNG file, got a directory or special file');
  if (stats.size > maxFileBytes) {
    throw new AssetError(file, `expected a PNG file of at most ${maxFileBytes} bytes, got ${stats.size} bytes`);
  }

  const bytes = readFileSync(file);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    const head = [...bytes.subarray(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
    throw new AssetError(file, `expected a PNG file (signature 89 50 4e 47 0d 0a 1a 0a, then IHDR), got bytes [${head}]`);
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width === 0 || height === 0 || width * height > maxPixels) {
    throw new AssetError(
      file,
      `expected a PNG of 1..${maxPixels} pixels (width*height), got ${width}x${height} = ${width * height} pixels`,
    );
  }

  try {
    return PNG.sync.read(bytes);
  } catch (error) {
    throw new AssetError(file, `expected a valid PNG, got a decode error: ${(error as Error).message}`, { cause: error });
  }
}
