/**
 * The images a generated stream may name in `src`: the committed test images of
 * scenarios/assets/, named after their file without ".png". The model needs only their
 * sizes (image fit arithmetic in the quirk detectors) and names (`missing-image` checks).
 */
import type { ImageAsset } from '../../../engines/shared/assets.ts';
import { TEST_IMAGES } from '../../assets/testImages.ts';

export const GENERATED_IMAGE_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  TEST_IMAGES.map((image) => [image.file.replace(/\.png$/, ''), image.file]),
);

export const GENERATED_IMAGE_NAMES: readonly string[] = Object.keys(GENERATED_IMAGE_FILES);

let images: ReadonlyMap<string, ImageAsset> | undefined;

/** Decoded test images by name (drawn once, on first use). */
export function generatedImages(): ReadonlyMap<string, ImageAsset> {
  images ??= new Map(TEST_IMAGES.map((image) => [image.file.replace(/\.png$/, ''), image.draw()]));
  return images;
}
