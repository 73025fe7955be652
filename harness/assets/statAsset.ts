/** The stat the image caches key on (mtime, size, inode); a missing file is an AssetError naming it. */
import { statSync, type Stats } from 'node:fs';
import { describeOpenError } from '../files/readBoundedFile.ts';
import { AssetError } from './assetError.ts';

export function statAsset(file: string, shown = file): Stats {
  try {
    return statSync(file);
  } catch (error) {
    throw new AssetError(shown, 'a readable PNG file', describeOpenError(error), { cause: error });
  }
}
