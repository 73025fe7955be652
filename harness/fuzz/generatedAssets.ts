/** The host assets of generated streams: the images they may name, from scenarios/assets/. */
import { join } from 'node:path';
import type { HostAssets } from '../../engines/shared/assets.ts';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { SCENARIO_ASSETS_DIR } from '../assets/paths.ts';
import { GENERATED_IMAGE_FILES } from '../generate/index.ts';

/** Image name -> absolute path of every image a generated stream may name. */
export function generatedImagePaths(): Map<string, string> {
  return new Map(Object.entries(GENERATED_IMAGE_FILES).map(([name, file]) => [name, join(SCENARIO_ASSETS_DIR, file)]));
}

export function generatedAssets(): HostAssets {
  return loadHostAssets(generatedImagePaths());
}
