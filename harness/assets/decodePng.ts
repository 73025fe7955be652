/**
 * The one PNG decoder of the harness: bytes in, 8-bit RGBA out, the same outcome on
 * every call. pngjs 7's PNG.sync.read is not used whole: its synchronous inflate does
 * not surface zlib errors on Node 20 and can return its Buffer.allocUnsafe output
 * unfilled, so a damaged file decoded to different bytes (process memory) on each try
 * (/work/shared/TOOLCHAIN.md). Here the chunks are walked and CRC-checked first
 * (pngChunks.ts), the IDAT stream is inflated with zlib.inflateSync (which throws on
 * damage) and must inflate to exactly the length the header implies; only then do
 * pngjs's own unfilter, bit-unpack and palette/transparency steps run (kept so decoding
 * stays byte-identical to the pngjs the goldens were recorded with; they allocate
 * zeroed buffers).
 */
import { createRequire } from 'node:module';
import { inflateSync } from 'node:zlib';
import { PngProblem, readPngChunks, type PngChunks } from './pngChunks.ts';

export { PngProblem };

export interface DecodedPng {
  readonly width: number;
  readonly height: number;
  /** As stored in IHDR. */
  readonly depth: number;
  readonly colorType: number;
  /** RGBA8, width*height*4 bytes, straight alpha. */
  readonly data: Buffer;
}

/** pngjs's metadata shape, as its lib/parser.js builds it. */
interface BitmapInfo {
  width: number; height: number; depth: number; interlace: boolean; bpp: number; colorType: number;
  palette?: number[][]; transColor?: number[]; alpha: boolean;
}

const require = createRequire(import.meta.url);
const filterSync = require('pngjs/lib/filter-parse-sync.js') as { process(data: Buffer, info: BitmapInfo): Buffer };
const bitmapper = require('pngjs/lib/bitmapper.js') as { dataToBitMap(data: Buffer, info: BitmapInfo): Buffer };
const normalise = require('pngjs/lib/format-normaliser.js') as (data: Buffer, info: BitmapInfo) => Buffer;
const interlace = require('pngjs/lib/interlace.js') as { getImagePasses(w: number, h: number): { width: number; height: number }[] };

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/** Decodes `bytes`; throws PngProblem (expected, found) for anything but a whole, valid PNG within `maxPixels`. */
export function decodePng(bytes: Buffer, options: { maxPixels: number }): DecodedPng {
  const chunks = readPngChunks(bytes, options.maxPixels);
  const info = bitmapInfo(chunks);
  const raw = inflateExactly(chunks.idat, expectedRawLength(info));
  let data: Buffer;
  try {
    data = normalise(bitmapper.dataToBitMap(filterSync.process(raw, info), info), info);
  } catch (error) {
    throw new PngProblem('valid scanlines (filter types 0..4, palette indices in range)', (error as Error).message);
  }
  if (data.length !== info.width * info.height * 4) {
    throw new PngProblem(`${info.width * info.height * 4} bytes of RGBA`, `${data.length} bytes`);
  }
  return { width: info.width, height: info.height, depth: info.depth, colorType: info.colorType, data };
}

function bitmapInfo(chunks: PngChunks): BitmapInfo {
  const { width, height, depth, colorType, interlace: interlaced } = chunks.header;
  return {
    width, height, depth, colorType, interlace: interlaced, bpp: CHANNELS[colorType],
    alpha: (colorType & 4) !== 0 || chunks.hasTransparency,
    ...(colorType === 3 ? { palette: chunks.palette } : {}),
    ...(chunks.transColor ? { transColor: chunks.transColor } : {}),
  };
}

/** Filtered scanline bytes the header implies: one filter byte per row, per Adam7 pass when interlaced. */
function expectedRawLength(info: BitmapInfo): number {
  const rowBytes = (w: number) => 1 + Math.ceil((w * info.bpp * info.depth) / 8);
  const passes = info.interlace ? interlace.getImagePasses(info.width, info.height) : [{ width: info.width, height: info.height }];
  return passes.reduce((n, p) => n + p.height * rowBytes(p.width), 0);
}

function inflateExactly(idat: Buffer, expected: number): Buffer {
  let raw: Buffer;
  try {
    raw = inflateSync(idat, { maxOutputLength: expected });
  } catch (error) {
    const tooLong = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    const found = tooLong ? `more than ${expected} bytes` : `a zlib error: ${(error as Error).message}`;
    throw new PngProblem(`IDAT data that inflates to ${expected} bytes`, found);
  }
  if (raw.length !== expected) throw new PngProblem(`IDAT data that inflates to ${expected} bytes`, `${raw.length} bytes (truncated image data)`);
  return raw;
}
