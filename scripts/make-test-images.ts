/**
 * Regenerates the PNG assets under scenarios/assets/ from harness/assets/testImages.ts.
 *
 *   npx tsx scripts/make-test-images.ts          write them
 *   npx tsx scripts/make-test-images.ts --check  exit 1 if a committed file differs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCENARIO_ASSETS_DIR } from '../harness/assets/paths.ts';
import { encodeTestImage, TEST_IMAGES } from '../harness/assets/testImages.ts';

function main(args: readonly string[]): number {
  const check = args.includes('--check');
  let stale = 0;
  for (const image of TEST_IMAGES) {
    const path = join(SCENARIO_ASSETS_DIR, image.file);
    const bytes = encodeTestImage(image);
    if (check) {
      let committed: Buffer | undefined;
      try {
        committed = readFileSync(path);
      } catch {
        committed = undefined;
      }
      if (!committed?.equals(bytes)) {
        console.error(`make-test-images: ${path} differs from its generator; run npx tsx scripts/make-test-images.ts`);
        stale++;
      }
      continue;
    }
    writeFileSync(path, bytes);
    console.log(`wrote ${path} (${bytes.length} bytes): ${image.purpose}`);
  }
  return stale === 0 ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
