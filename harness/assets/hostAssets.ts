/**
 * Builds the HostAssets handed to both engines: the shared font plus the images a
 * scenario declares. The font is loaded once per process; images are cached by path
 * and mtime, so a re-run of many scenarios decodes each PNG once while an edited file
 * is picked up.
 *
 * The returned objects are shared between calls (and usually between the two engines
 * of a run): engines must treat every byte as read-only.
 */
import { isAbsolute, relative } from 'node:path';
import type { FontAtlas, HostAssets, ImageAsset } from '../../engines/shared/assets.ts';
import { CAPS } from '../../engines/shared/protocol.ts';
import { AssetError } from './assetError.ts';
import { loadFont, type LoadFontOptions } from './loadFont.ts';
import { loadImage, MAX_IMAGE_FILE_BYTES } from './loadImage.ts';
import { FONT_JSON_PATH, FONT_PNG_PATH } from './paths.ts';
import { statAsset } from './statAsset.ts';

export interface HostAssetsOptions extends LoadFontOptions {
  readonly maxImages?: number;
  readonly maxFileBytes?: number;
  readonly maxPixels?: number;
}

/** Image name -> absolute path; iteration order is the declaration order. */
export type ImageDeclarations = Readonly<Record<string, string>> | ReadonlyMap<string, string>;

const fontCache = new Map<string, FontAtlas>();
/** Keyed by path; an entry is reused only while the file's mtime and size are unchanged. */
const imageCache = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly image: ImageAsset }>();

export function loadHostAssets(images: ImageDeclarations, options: HostAssetsOptions = {}): HostAssets {
  const {
    jsonPath = FONT_JSON_PATH,
    pngPath = FONT_PNG_PATH,
    maxImages = CAPS.maxImages,
    maxFileBytes = MAX_IMAGE_FILE_BYTES,
    maxPixels = CAPS.maxImagePixels,
  } = options;
  const entries = images instanceof Map ? [...images] : Object.entries(images);
  if (entries.length > maxImages) {
    throw new Error(`loadHostAssets: expected at most ${maxImages} images, got ${entries.length} (${entries.map(([name]) => name).join(', ')})`);
  }

  const loaded = new Map<string, ImageAsset>();
  for (const [name, file] of entries) {
    if (!isAbsolute(file)) throw new AssetError(file, `an absolute path for image "${name}"`, 'a relative one');
    const stats = statAsset(file, shownAs(file));
    const cached = imageCache.get(file);
    const fresh = cached !== undefined && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size;
    // A cached image decoded under looser caps is re-read so the current caps report the error.
    const withinCaps = fresh && stats.size <= maxFileBytes && cached.image.width * cached.image.height <= maxPixels;
    const image = withinCaps ? cached.image : loadImage(file, { maxFileBytes, maxPixels, shown: shownAs(file) });
    if (!withinCaps) imageCache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, image });
    loaded.set(name, image);
  }
  return { font: cachedFont({ jsonPath, pngPath }), images: loaded };
}

/** Messages name an asset relative to the working folder (the project) when it lies inside it. */
export function shownAs(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

function cachedFont(options: Required<LoadFontOptions>): FontAtlas {
  const key = `${options.jsonPath}\0${options.pngPath}`;
  let font = fontCache.get(key);
  if (!font) {
    font = loadFont(options);
    fontCache.set(key, font);
  }
  return font;
}

/** Forgets cached font and images (tests; long-lived processes that swap asset files). */
export function clearHostAssetCache(): void {
  fontCache.clear();
  imageCache.clear();
}
