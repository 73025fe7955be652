/**
 * Verifies an image asset where a scenario loads: the whole PNG is read and decoded
 * (regular file, size cap while reading, chunk CRCs, IHDR dimensions against CAPS before
 * inflating, exact inflated length), then dropped; the engines' workers decode it again
 * through loadHostAssets. A file already verified in this process, unchanged since (same
 * device, inode, size and mtime), is not decoded twice, so 500 scenarios sharing one
 * image cost one decode. Throws AssetError naming `shown`.
 */
import { CAPS } from '../../engines/shared/protocol.ts';
import { MAX_IMAGE_FILE_BYTES } from './loadImage.ts';
import { readPng } from './readPng.ts';
import { statAsset } from './statAsset.ts';

const verified = new Set<string>();

export function checkImageFile(file: string, shown = file): void {
  const s = statAsset(file, shown);
  const key = `${file}\0${s.dev}:${s.ino}:${s.size}:${s.mtimeMs}`;
  if (verified.has(key)) return;
  readPng(file, { maxFileBytes: MAX_IMAGE_FILE_BYTES, maxPixels: CAPS.maxImagePixels, shown });
  verified.add(key);
}
