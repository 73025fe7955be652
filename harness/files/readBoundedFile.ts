/**
 * Reads a file named by data (a scenario, an asset, a results file) without trusting it:
 * only a regular file is read, and the size cap is enforced while reading. `stat().size`
 * is 0 for /dev/zero and a FIFO, and reading those never ends (or never starts), so the
 * file is opened non-blocking, its type taken from the open descriptor (no race with a
 * swap between check and read), and reading stops one byte past the cap.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';

/** A file that cannot be used, as "expected X, got Y" about `file` (the path as given). */
export class FileReadError extends Error {
  override name = 'FileReadError';
  constructor(readonly file: string, readonly expected: string, readonly found: string, options?: { cause?: unknown }) {
    super(`${file}: expected ${expected}, got ${found}`, options);
  }
}

export interface ReadBoundedOptions {
  readonly maxBytes: number;
  /** What the file should be, for messages: `a scenario file`, `a PNG file`. */
  readonly what: string;
}

const CHUNK = 64 * 1024;

export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'a special file';
}

export function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'nothing at this path';
  if (code === 'EACCES' || code === 'EPERM') return 'a file it may not read (permission denied)';
  if (code === 'ELOOP') return 'a symbolic link loop';
  if (code === 'ENOTDIR') return 'a path through something that is not a folder';
  return `an unreadable path (${code ?? (error as Error).message})`;
}

/** The whole file, at most `maxBytes` long; throws FileReadError for anything else. */
export function readBoundedFile(file: string, options: ReadBoundedOptions): Buffer {
  const { bytes, complete } = readFilePrefix(file, options);
  if (!complete) throw new FileReadError(file, `${options.what} of at most ${options.maxBytes} bytes`, `a larger file (more than ${options.maxBytes} bytes)`);
  return bytes;
}

/** The first `maxBytes` of a regular file, and whether that was all of it (for text shown cut). */
export function readFilePrefix(file: string, options: ReadBoundedOptions): { bytes: Buffer; complete: boolean } {
  const { what } = options;
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new FileReadError(file, what, describeOpenError(error), { cause: error });
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new FileReadError(file, `${what} (a regular file)`, kindOf(stats));
    return readUpTo(fd, options);
  } finally {
    closeSync(fd);
  }
}

/** Reads until the end or one byte past the cap, whichever comes first. */
function readUpTo(fd: number, { maxBytes }: ReadBoundedOptions): { bytes: Buffer; complete: boolean } {
  const parts: Buffer[] = [];
  let total = 0;
  while (total <= maxBytes) {
    const buffer = Buffer.alloc(Math.min(CHUNK, maxBytes + 1 - total));
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0) break;
    parts.push(n === buffer.length ? buffer : buffer.subarray(0, n));
    total += n;
  }
  const bytes = Buffer.concat(parts, total);
  return total > maxBytes ? { bytes: bytes.subarray(0, maxBytes), complete: false } : { bytes, complete: true };
}
