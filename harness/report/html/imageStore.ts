/**
 * The report's embedded PNGs: each distinct file once (deduplicated by content), as a
 * data: URI, within a byte budget. Frames wider or taller than MAX_SIDE are embedded
 * downscaled by an integer factor (box filter); the case then also carries full-size
 * crops around the differing pixels (./caseEvidence.ts). See README "HTML report".
 */
import { createHash } from 'node:crypto';
import { PNG } from 'pngjs';
import { CAPS } from '../../../engines/shared/protocol.ts';
import { decodePngBytes, type DecodedPng } from '../../assets/readPng.ts';
import { readRunFile } from '../../results/readRunFile.ts';
import type { ImageRef } from './viewModel.ts';

/** Longest side embedded at full resolution. */
export const MAX_SIDE = 640;
/** Default budget for all embedded images together (base64 bytes). */
export const DEFAULT_IMAGE_BUDGET = 20 * 1024 * 1024;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, without decoding; null when not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length < 24 || !b.subarray(0, 8).equals(PNG_SIGNATURE) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Averages factor x factor blocks (edge blocks average what they cover). */
export function downscale(png: { width: number; height: number; data: Uint8Array }, factor: number): PNG {
  const width = Math.ceil(png.width / factor);
  const height = Math.ceil(png.height / factor);
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const sum = [0, 0, 0, 0];
      let n = 0;
      for (let dy = 0; dy < factor && y * factor + dy < png.height; dy++) {
        for (let dx = 0; dx < factor && x * factor + dx < png.width; dx++) {
          const i = ((y * factor + dy) * png.width + x * factor + dx) * 4;
          for (let c = 0; c < 4; c++) sum[c] += png.data[i + c];
          n++;
        }
      }
      const o = (y * width + x) * 4;
      for (let c = 0; c < 4; c++) out.data[o + c] = Math.round(sum[c] / n);
    }
  }
  return out;
}

/** Through the harness's one guarded decoder: a damaged artifact throws, it never decodes to stray memory. */
export function decodePng(bytes: Uint8Array): DecodedPng {
  const side = CAPS.maxViewportSide;
  return decodePngBytes(bytes, { maxPixels: side * side, shown: 'an artifact PNG' });
}

export function encodeRgba(image: { width: number; height: number; data: Uint8Array }): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, { colorType: 6 });
}

export class ImageStore {
  readonly uris: string[] = [];
  private readonly byHash = new Map<string, number>();
  private used = 0;
  /** Images refused because the budget was spent. */
  refused = 0;
  downscaled = 0;

  constructor(readonly budget = DEFAULT_IMAGE_BUDGET) {}

  get bytes(): number {
    return this.used;
  }

  /** Embeds PNG bytes as they are; undefined when over budget. */
  addPng(bytes: Uint8Array, scale = 1): ImageRef | undefined {
    const size = pngSize(bytes);
    if (!size) return undefined;
    const hash = createHash('sha256').update(bytes).digest('hex');
    let index = this.byHash.get(hash);
    if (index === undefined) {
      const uri = `data:image/png;base64,${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')}`;
      if (this.used + uri.length > this.budget) {
        this.refused++;
        return undefined;
      }
      this.used += uri.length;
      index = this.uris.push(uri) - 1;
      this.byHash.set(hash, index);
    }
    return { image: index, width: size.width, height: size.height, scale };
  }

  /**
   * Embeds a frame file of the run folder (read only inside it: ../results/readRunFile.ts): as it is when its longer side is at most MAX_SIDE, else
   * downscaled by the smallest integer factor that fits. Undefined: unreadable or over budget.
   */
  addFrameFile(runDir: string, name: string): ImageRef | undefined {
    const bytes = readRunFile(runDir, name);
    const size = bytes ? pngSize(bytes) : null;
    if (!bytes || !size) return undefined;
    const factor = Math.ceil(Math.max(size.width, size.height) / MAX_SIDE);
    if (factor <= 1) return this.addPng(bytes);
    let smaller: Buffer;
    try {
      smaller = PNG.sync.write(downscale(decodePng(bytes), factor), { colorType: 6 });
    } catch {
      return undefined; // a damaged artifact is left out, like a missing one
    }
    this.downscaled++;
    return this.addPng(smaller, 1 / factor);
  }
}
