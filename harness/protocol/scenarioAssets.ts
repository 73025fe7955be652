/**
 * The `assets` map: image name -> PNG path relative to the scenario file. Paths must
 * resolve inside the assets root (by default the nearest `scenarios` folder above the
 * file, else the file's own folder): no `..` escapes, no absolute paths elsewhere.
 * Only the path is checked here (no file system access); scenarioAssetFiles.ts checks
 * the files themselves when a scenario is loaded from disk.
 */
import path from 'node:path';
import { CAPS } from '../../engines/shared/protocol.ts';
import { isInside } from '../files/insideFolder.ts';
import { stringCheck } from './checks.ts';
import { describeFound } from './describe.ts';
import type { MapReader } from './scenarioReader.ts';

const nameCheck = stringCheck({ nonEmpty: true, maxLength: 256 });

/** The nearest ancestor folder named `scenarios`, else the file's own folder. */
export function defaultAssetsRoot(file: string): string {
  const start = path.dirname(path.resolve(file));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (path.basename(dir) === 'scenarios') return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

export { isInside };

function resolveAsset(map: MapReader, name: string, file: string, root: string): string | undefined {
  const raw = map.map[name];
  if (typeof raw !== 'string' || raw.length === 0 || !/\.png$/i.test(raw)) {
    map.issue([name], 'a path to a .png file, relative to this scenario', describeFound(raw));
    return undefined;
  }
  const resolved = path.resolve(path.dirname(path.resolve(file)), raw);
  if (!isInside(root, resolved)) {
    map.issue([name], `a path inside ${root}`, `${describeFound(raw)}, which resolves to ${resolved}`);
    return undefined;
  }
  return resolved;
}

export function readAssets(top: MapReader, file: string, root: string): Map<string, string> {
  const assets = new Map<string, string>();
  if (!top.has('assets') || top.map.assets === null) return assets;
  const map = top.child('assets', 'a map of image name -> PNG path');
  if (!map) return assets;
  const names = map.keys();
  if (names.length > CAPS.maxImages) map.issue([], `at most ${CAPS.maxImages} assets (CAPS.maxImages)`, `${names.length} assets`);
  for (const name of names) {
    if (nameCheck(name) !== null) {
      map.issue([name], nameCheck(name)!, describeFound(name), 'key');
      continue;
    }
    const resolved = resolveAsset(map, name, file, root);
    if (resolved !== undefined) assets.set(name, resolved);
  }
  return assets;
}
