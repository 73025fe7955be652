/**
 * A tiny PNG encoder whose bytes depend on nothing but the pixels.
 *
 * zlib's compressed output can change with the zlib build (Node's bundled zlib picks
 * SIMD hashing by CPU), which would make "regenerate and compare bytes" tests flaky
 * across machines. So pixel data is written in *stored* (uncompressed) deflate blocks
 * (RFC 1951 §3.2.4) with filter 0 on every row. The assets are tiny; size is not an issue.
 * Chunk layout follows the PNG spec (ISO/IEC 15948, W3C PNG 2nd ed.).
 */
import type { ImageAsset } from '../../engines/shared/assets.ts';
import { crc32 } from './crc32.ts';

/** gray: 8-bit luminance; rgb/rgba: 8-bit channels; indexed: palette (+tRNS) built from the pixels. */
export type PngColorType = 'gray' | 'rgb' | 'indexed' | 'rgba';

export interface EncodePngOptions {
  readonly colorType: PngColorType;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const COLOR_TYPE_CODE: Record<PngColorType, number> = { gray: 0, rgb: 2, indexed: 3, rgba: 6 };
const MAX_STORED_BLOCK = 0xffff;

export function encodePng(image: ImageAsset, options: EncodePngOptions): Uint8Array {
  const { colorType } = options;
  const { width, height, data } = image;
  if (!(Number.isInteger(width) && width > 0 && Number.isInteger(height) && height > 0)) {
    throw new Error(`encodePng: expected positive integer width and height, got ${width}x${height}`);
  }
  if (data.length !== width * height * 4) {
    throw new Error(`encodePng: expected ${width * height * 4} RGBA bytes for ${width}x${height}, got ${data.length}`);
  }

  const chunks: Uint8Array[] = [ihdr(width, height, COLOR_TYPE_CODE[colorType])];
  let samples: (x: number, y: number) => number[];
  if (colorType === 'indexed') {
    const palette = buildPalette(data);
    chunks.push(chunk('PLTE', palette.plte));
    if (palette.trns.length > 0) chunks.push(chunk('tRNS', palette.trns));
    samples = (x, y) => [palette.indexOf(data, (y * width + x) * 4)];
  } else {
    samples = (x, y) => channelsOf(data, (y * width + x) * 4, colorType);
  }

  const bytesPerPixel = { gray: 1, rgb: 3, indexed: 1, rgba: 4 }[colorType];
  const raw = new Uint8Array(height * (1 + width * bytesPerPixel));
  let at = 0;
  for (let y = 0; y < height; y++) {
    raw[at++] = 0; // filter type 0 (None)
    for (let x = 0; x < width; x++) for (const v of samples(x, y)) raw[at++] = v;
  }
  chunks.push(chunk('IDAT', zlibStored(raw)), chunk('IEND', new Uint8Array(0)));
  return concat([Uint8Array.from(SIGNATURE), ...chunks]);
}

function channelsOf(data: Uint8Array, i: number, colorType: 'gray' | 'rgb' | 'rgba'): number[] {
  const [r, g, b, a] = [data[i], data[i + 1], data[i + 2], data[i + 3]];
  if (colorType === 'rgba') return [r, g, b, a];
  if (a !== 255) throw new Error(`encodePng: expected opaque pixels for colorType ${colorType}, got alpha ${a} at byte ${i}`);
  if (colorType === 'rgb') return [r, g, b];
  if (r !== g || g !== b) throw new Error(`encodePng: expected r=g=b for colorType gray, got (${r},${g},${b}) at byte ${i}`);
  return [r];
}

/** Palette entries in order of first appearance (row-major), so the bytes are stable. */
function buildPalette(data: Uint8Array) {
  const index = new Map<number, number>();
  const entries: number[][] = [];
  for (let i = 0; i < data.length; i += 4) {
    const key = ((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3]) >>> 0;
    if (index.has(key)) continue;
    if (entries.length === 256) throw new Error('encodePng: expected at most 256 distinct RGBA colours for colorType indexed');
    index.set(key, entries.length);
    entries.push([data[i], data[i + 1], data[i + 2], data[i + 3]]);
  }
  const plte = Uint8Array.from(entries.flatMap(([r, g, b]) => [r, g, b]));
  // tRNS may stop after the last non-opaque entry; the rest default to 255.
  let trnsLength = entries.length;
  while (trnsLength > 0 && entries[trnsLength - 1][3] === 255) trnsLength--;
  const trns = Uint8Array.from(entries.slice(0, trnsLength).map((e) => e[3]));
  const indexOf = (d: Uint8Array, i: number) =>
    index.get(((d[i] << 24) | (d[i + 1] << 16) | (d[i + 2] << 8) | d[i + 3]) >>> 0)!;
  return { plte, trns, indexOf };
}

function ihdr(width: number, height: number, colorTypeCode: number): Uint8Array {
  const body = new Uint8Array(13);
  const view = new DataView(body.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  body[8] = 8; // bit depth
  body[9] = colorTypeCode;
  // compression 0, filter method 0, interlace 0 (none)
  return chunk('IHDR', body);
}

function chunk(type: string, body: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, body.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(body, 8);
  view.setUint32(8 + body.length, crc32(out.subarray(4, 8 + body.length)));
  return out;
}

/** A zlib stream (RFC 1950) of stored deflate blocks: CMF 0x78, FLG 0x01 (no dict, fastest). */
function zlibStored(raw: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [Uint8Array.of(0x78, 0x01)];
  for (let start = 0; start === 0 || start < raw.length; start += MAX_STORED_BLOCK) {
    const block = raw.subarray(start, start + MAX_STORED_BLOCK);
    const final = start + MAX_STORED_BLOCK >= raw.length ? 1 : 0;
    const len = block.length;
    parts.push(Uint8Array.of(final, len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff), block);
  }
  const adler = adler32(raw);
  parts.push(Uint8Array.of(adler >>> 24, (adler >>> 16) & 0xff, (adler >>> 8) & 0xff, adler & 0xff));
  return concat(parts);
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
