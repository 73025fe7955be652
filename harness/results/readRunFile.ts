/**
 * Reads a file a results.json names (an artifact under the run folder, a scenario under
 * the project) as data from another machine: the name must resolve, links followed,
 * inside the folder it belongs to, and be a regular file, read under a cap. Anything else
 * is undefined, so a report never embeds a file from outside (`../../etc/passwd`, a
 * link to ~/.ssh) and never hangs on /dev/zero or a FIFO.
 */
import { resolve } from 'node:path';
import { realPathInside } from '../files/insideFolder.ts';
import { FileReadError, readFilePrefix } from '../files/readBoundedFile.ts';

/** Default cap: larger than any frame PNG or layout JSON a run writes (4096x4096 RGBA, stored). */
export const MAX_RUN_FILE_BYTES = 80 * 1024 * 1024;

export function readRunFile(folder: string, name: string, maxBytes = MAX_RUN_FILE_BYTES): Buffer | undefined {
  const read = readRunFilePrefix(folder, name, maxBytes);
  return read?.complete ? read.bytes : undefined;
}

/** As readRunFile, but a longer file gives its first `maxBytes` with `complete: false`. */
export function readRunFilePrefix(folder: string, name: string, maxBytes: number): { bytes: Buffer; complete: boolean } | undefined {
  try {
    const real = realPathInside(folder, resolve(folder, name), 'a file');
    return readFilePrefix(real, { maxBytes, what: 'a file' });
  } catch (error) {
    if (error instanceof FileReadError) return undefined;
    throw error;
  }
}
