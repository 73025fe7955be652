/**
 * Containment by real path. A lexical check ("the path does not start with ..") is not
 * enough: a symlinked file or folder inside a folder can lead anywhere. A path read
 * because of data must resolve, links followed, to a place inside the real path of the
 * folder it belongs to.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { describeOpenError, FileReadError } from './readBoundedFile.ts';

/** Lexical containment of two absolute, normalised paths. */
export function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

/** The real path of `file`, which must lie inside the real path of `folder`; throws FileReadError otherwise. */
export function realPathInside(folder: string, file: string, what: string, shown = file): string {
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    throw new FileReadError(shown, what, describeOpenError(error), { cause: error });
  }
  const realFolder = realFolderOf(folder);
  if (!isInside(realFolder, real)) {
    throw new FileReadError(shown, `${what} inside ${folder}`, `a path that leads to ${real}, outside it (through a symbolic link)`);
  }
  return real;
}

function realFolderOf(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return path.resolve(folder);
  }
}
