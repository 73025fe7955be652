/**
 * Assets are input: when a scenario is loaded from disk, each declared image is checked
 * there, so a missing, special, oversize, escaping or damaged PNG is a mistake of the
 * scenario at the line declaring it (exit 2, one `error` case), never a failure of an
 * engine or of the reference's determinism later. The file must resolve, links
 * followed, inside the assets root, and decode (harness/assets/checkImageFile.ts).
 * The declared path is replaced by the real path that was checked, so engines read
 * exactly that file.
 */
import { AssetError } from '../assets/assetError.ts';
import { checkImageFile } from '../assets/checkImageFile.ts';
import { shownAs } from '../assets/hostAssets.ts';
import { FileReadError } from '../files/readBoundedFile.ts';
import { realPathInside } from '../files/insideFolder.ts';
import type { IssueList } from './scenarioReader.ts';

export function checkAssetFiles(assets: Map<string, string>, root: string, issues: IssueList): Map<string, string> {
  const checked = new Map<string, string>();
  for (const [name, file] of assets) {
    const shown = shownAs(file);
    try {
      const real = realPathInside(root, file, 'a PNG file', shown);
      checkImageFile(real, shown);
      checked.set(name, real);
    } catch (error) {
      if (!(error instanceof AssetError || error instanceof FileReadError)) throw error;
      const { expected, found } = error;
      issues.add({ path: ['assets', name], field: ['assets', name], expected, found, text: `asset "${name}" (${shown}): expected ${expected}, got ${found}` });
    }
  }
  return checked;
}
