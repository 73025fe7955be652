/**
 * Regenerates engines/shared/font/atlas-6x8.{png,json} from glyphs.txt.
 *
 *   npx tsx scripts/make-font-atlas.ts                 write the atlas
 *   npx tsx scripts/make-font-atlas.ts --check         exit 1 if the committed files differ
 *   npx tsx scripts/make-font-atlas.ts --preview FILE  also write a 4x RGBA preview (not committed)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { buildFontAtlas } from '../harness/assets/buildFontAtlas.ts';
import { FONT_JSON_PATH, FONT_PNG_PATH, GLYPHS_PATH } from '../harness/assets/paths.ts';

const PREVIEW_SCALE = 4;

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  const previewAt = args.indexOf('--preview');
  const previewPath = previewAt >= 0 ? args[previewAt + 1] : undefined;
  if (previewAt >= 0 && !previewPath) {
    console.error('make-font-atlas: expected a file after --preview, got nothing');
    return 2;
  }

  const atlas = buildFontAtlas(readFileSync(GLYPHS_PATH, 'utf8'), { file: GLYPHS_PATH });
  if (check) {
    const same = sameBytes(FONT_PNG_PATH, atlas.png) && sameBytes(FONT_JSON_PATH, Buffer.from(atlas.json));
    if (!same) console.error(`make-font-atlas: committed atlas differs from ${GLYPHS_PATH}; run npx tsx scripts/make-font-atlas.ts`);
    return same ? 0 : 1;
  }
  writeFileSync(FONT_PNG_PATH, atlas.png);
  writeFileSync(FONT_JSON_PATH, atlas.json);
  console.log(`wrote ${FONT_PNG_PATH} (${atlas.png.length} bytes) and ${FONT_JSON_PATH}: ${atlas.metadata.glyphCount} glyphs`);
  if (previewPath) {
    writeFileSync(previewPath, preview(atlas.png));
    console.log(`wrote ${previewPath} (${PREVIEW_SCALE}x preview, cell grid in dark blue)`);
  }
  return 0;
}

function sameBytes(file: string, expected: Uint8Array): boolean {
  try {
    return readFileSync(file).equals(expected);
  } catch {
    return false;
  }
}

/** The atlas scaled up, white glyphs on black, with cell boundaries tinted so spacing is visible. */
function preview(atlasPng: Uint8Array): Buffer {
  const atlas = PNG.sync.read(Buffer.from(atlasPng));
  const out = new PNG({ width: atlas.width * PREVIEW_SCALE, height: atlas.height * PREVIEW_SCALE });
  for (let y = 0; y < out.height; y++) {
    for (let x = 0; x < out.width; x++) {
      const ax = Math.floor(x / PREVIEW_SCALE);
      const ay = Math.floor(y / PREVIEW_SCALE);
      const v = atlas.data[(ay * atlas.width + ax) * 4];
      const spacing = ax % 6 === 5 || ay % 8 === 7;
      const at = (y * out.width + x) * 4;
      out.data[at] = v;
      out.data[at + 1] = v;
      out.data[at + 2] = v === 0 && spacing ? 90 : v;
      out.data[at + 3] = 255;
    }
  }
  return PNG.sync.write(out);
}

process.exitCode = main(process.argv.slice(2));
