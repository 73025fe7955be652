/**
 * The chunk layer of a PNG file (ISO/IEC 15948 §5), checked before anything is inflated:
 * the signature, every chunk's length against the bytes left and its CRC, IHDR first
 * with a valid header, PLTE/tRNS as the image needs them, and IEND at the end, so a
 * truncated or damaged file is named for what is wrong with it. Problems are thrown as
 * PngProblem (expected, found); the reader adds the file name.
 */
import { crc32 } from './crc32.ts';

export class PngProblem extends Error {
  constructor(readonly expected: string, readonly found: string) {
    super(`expected ${expected}, got ${found}`);
  }
}

export interface PngHeader {
  readonly width: number;
  readonly height: number;
  readonly depth: number;
  readonly colorType: number;
  readonly interlace: boolean;
}

export interface PngChunks {
  readonly header: PngHeader;
  /** PLTE as [r, g, b, a] entries, alpha from tRNS (255 without it). */
  readonly palette: number[][];
  /** tRNS of a gray or RGB image: the 16-bit sample(s) drawn transparent. */
  readonly transColor?: number[];
  readonly hasTransparency: boolean;
  /** The IDAT chunks' data, joined: one zlib stream. */
  readonly idat: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Bit depths allowed per colour type (PNG spec table 11.1). */
const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

const hex = (bytes: Uint8Array) => [...bytes].map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** Walks the chunks; `maxPixels` is checked on IHDR, before any pixel memory is allocated. */
export function readPngChunks(bytes: Buffer, maxPixels: number): PngChunks {
  if (bytes.length < 8 || !bytes.subarray(0, 8).equals(SIGNATURE)) {
    throw new PngProblem('a PNG file (signature 89 50 4e 47 0d 0a 1a 0a, then IHDR)', `bytes [${hex(bytes.subarray(0, 8))}]`);
  }
  let header: PngHeader | undefined;
  const palette: number[][] = [];
  let transColor: number[] | undefined;
  let hasTransparency = false;
  const idat: Buffer[] = [];
  for (let at = 8, index = 0; ; index++) {
    const { type, data, next } = chunkAt(bytes, at, index);
    if (index === 0 && type !== 'IHDR') throw new PngProblem('a PNG file (signature 89 50 4e 47 0d 0a 1a 0a, then IHDR)', `a first chunk "${type}"`);
    if (type === 'IHDR') header = readHeader(data, maxPixels);
    else if (type === 'PLTE') readPalette(data, palette);
    else if (type === 'tRNS') {
      hasTransparency = true;
      transColor = readTransparency(data, header!, palette);
    } else if (type === 'IDAT') {
      if (header!.colorType === 3 && palette.length === 0) throw new PngProblem('a PLTE chunk before IDAT (colour type 3 is indexed)', 'none');
      idat.push(data);
    } else if (type === 'IEND') break;
    else if ((type.charCodeAt(0) & 0x20) === 0) throw new PngProblem('only the critical chunks IHDR, PLTE, IDAT, IEND', `an unknown critical chunk "${type}" at byte ${at}`);
    at = next;
  }
  if (idat.length === 0) throw new PngProblem('at least one IDAT chunk', 'none before IEND');
  return { header: header!, palette, ...(transColor ? { transColor } : {}), hasTransparency, idat: Buffer.concat(idat) };
}

function chunkAt(bytes: Buffer, at: number, index: number): { type: string; data: Buffer; next: number } {
  if (at + 12 > bytes.length) {
    throw new PngProblem('a complete PNG file ending with an IEND chunk', `a file that ends at byte ${bytes.length}, inside chunk ${index} (truncated)`);
  }
  const length = bytes.readUInt32BE(at);
  const type = bytes.toString('latin1', at + 4, at + 8);
  if (!/^[A-Za-z]{4}$/.test(type)) throw new PngProblem(`a chunk type of four letters at byte ${at + 4}`, `bytes [${hex(bytes.subarray(at + 4, at + 8))}]`);
  const end = at + 8 + length;
  if (length > 0x7fffffff || end + 4 > bytes.length) {
    throw new PngProblem(`chunk "${type}" at byte ${at} to fit in the file`, `a length of ${length} bytes with ${Math.max(0, bytes.length - at - 12)} left (truncated)`);
  }
  const stored = bytes.readUInt32BE(end);
  const computed = crc32(bytes.subarray(at + 4, end));
  if (stored !== computed) {
    throw new PngProblem(`chunk "${type}" at byte ${at} with CRC ${computed.toString(16).padStart(8, '0')}`, `CRC ${stored.toString(16).padStart(8, '0')} (damaged data)`);
  }
  return { type, data: bytes.subarray(at + 8, end), next: end + 4 };
}

function readHeader(data: Buffer, maxPixels: number): PngHeader {
  if (data.length !== 13) throw new PngProblem('an IHDR chunk of 13 bytes', `${data.length} bytes`);
  const [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
  const [depth, colorType, compression, filter, interlace] = [data[8], data[9], data[10], data[11], data[12]];
  if (width === 0 || height === 0 || width * height > maxPixels) {
    throw new PngProblem(`a PNG of 1..${maxPixels} pixels (width*height)`, `${width}x${height} = ${width * height} pixels`);
  }
  if (!DEPTHS[colorType]) throw new PngProblem('colour type 0, 2, 3, 4 or 6', `colour type ${colorType}`);
  if (!DEPTHS[colorType].includes(depth)) throw new PngProblem(`bit depth ${DEPTHS[colorType].join(', ')} for colour type ${colorType}`, `bit depth ${depth}`);
  if (compression !== 0 || filter !== 0 || interlace > 1) {
    throw new PngProblem('compression 0, filter method 0 and interlace 0 or 1', `${compression}, ${filter}, ${interlace}`);
  }
  return { width, height, depth, colorType, interlace: interlace === 1 };
}

function readPalette(data: Buffer, palette: number[][]): void {
  if (data.length === 0 || data.length % 3 !== 0 || data.length > 768) {
    throw new PngProblem('a PLTE chunk of 1..256 RGB entries', `${data.length} bytes`);
  }
  for (let i = 0; i < data.length; i += 3) palette.push([data[i], data[i + 1], data[i + 2], 0xff]);
}

function readTransparency(data: Buffer, header: PngHeader, palette: number[][]): number[] | undefined {
  if (header.colorType === 3) {
    if (palette.length === 0 || data.length > palette.length) {
      throw new PngProblem(`a tRNS chunk after PLTE with at most ${palette.length} entries`, `${data.length} entries`);
    }
    for (let i = 0; i < data.length; i++) palette[i][3] = data[i];
    return undefined;
  }
  const samples = header.colorType === 0 ? 1 : header.colorType === 2 ? 3 : 0;
  if (samples === 0) throw new PngProblem('no tRNS chunk in an image with an alpha channel', 'one');
  if (data.length < samples * 2) throw new PngProblem(`a tRNS chunk of ${samples * 2} bytes`, `${data.length} bytes`);
  return Array.from({ length: samples }, (_, i) => data.readUInt16BE(i * 2));
}
