/**
 * PNG artifacts of frame divergences: reference and candidate crops around the
 * differing pixels and pixelmatch's diff image. Paths are relative to the run folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Divergence, RgbaImage } from '../compare/types.ts';
import type { StoredDivergence } from './types.ts';
import { storable } from '../run/runCase.ts';
import { safeName } from './safeName.ts';

export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png, { colorType: 6 });
}

/** Most frame divergences per case that get images (the rest are still in results.json). */
export const MAX_IMAGES_PER_CASE = 4;

export function storeWithArtifacts(runDir: string, caseId: string, divergences: readonly Divergence[]): StoredDivergence[] {
  let written = 0;
  return divergences.map((d, index) => {
    const stored = storable(d);
    if (d.kind !== 'frame' || written >= MAX_IMAGES_PER_CASE || !d.referenceCrop || !d.candidateCrop) return stored;
    written++;
    const rel = join('cases', safeName(caseId));
    mkdirSync(join(runDir, rel), { recursive: true });
    const base = `${index}-${safeName(d.checkpoint || `step-${d.step}`, 32)}`;
    const artifacts: { reference: string; candidate: string; diff?: string } = {
      reference: join(rel, `${base}-reference.png`),
      candidate: join(rel, `${base}-candidate.png`),
    };
    writeFileSync(join(runDir, artifacts.reference), encodePng(d.referenceCrop));
    writeFileSync(join(runDir, artifacts.candidate), encodePng(d.candidateCrop));
    if (d.diffImage) {
      artifacts.diff = join(rel, `${base}-diff.png`);
      writeFileSync(join(runDir, artifacts.diff), encodePng(d.diffImage));
    }
    return { ...stored, artifacts };
  });
}
