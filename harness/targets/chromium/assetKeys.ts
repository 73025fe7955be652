/**
 * Host assets are uploaded to a page once and then referenced by a small integer key.
 * Keys follow object identity: harness/assets/hostAssets.ts returns the same ImageAsset
 * object for an unchanged file, so an edited PNG gets a new key and is sent again.
 */
import type { ImageAsset } from '../../../engines/shared/assets.ts';

const keys = new WeakMap<ImageAsset, number>();
let next = 1;

export function imageKey(image: ImageAsset): number {
  let key = keys.get(image);
  if (key === undefined) keys.set(image, (key = next++));
  return key;
}
