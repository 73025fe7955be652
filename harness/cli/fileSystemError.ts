/**
 * A file-system failure the user can fix (an output folder that is read-only, `--out`
 * naming a file, a path through a file) is one line naming the path and the reason,
 * never a stack trace: exit 2. A full disk or an I/O failure is the machine's
 * (infrastructure): exit 3, still one line.
 */
const REASONS: Record<string, string> = {
  EACCES: 'permission denied', EPERM: 'operation not permitted', EROFS: 'read-only file system',
  ENOTDIR: 'a part of the path is a file, not a folder', EEXIST: 'something is already there',
  EISDIR: 'it is a folder', ENOENT: 'no such file or folder', ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'no space left on the device', EIO: 'input/output error', EMFILE: 'too many open files', EDQUOT: 'disk quota exceeded',
};
const INFRASTRUCTURE = new Set(['ENOSPC', 'EIO', 'EMFILE', 'EDQUOT']);

export function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string; path: string } {
  const e = error as NodeJS.ErrnoException | null;
  return typeof e?.code === 'string' && typeof e.path === 'string' && typeof e.syscall === 'string' && e.code in REASONS;
}

/** `cannot write reports/x: read-only file system (EROFS)` and its exit class. */
export function describeFileSystemError(error: NodeJS.ErrnoException & { code: string; path: string; dest?: string }, cwd = process.cwd()): { message: string; exitClass: 2 | 3 } {
  const where = error.path.startsWith(`${cwd}/`) ? error.path.slice(cwd.length + 1) : error.path;
  const also = error.dest ? ` -> ${error.dest}` : '';
  const hint = INFRASTRUCTURE.has(error.code) ? '' : ' (choose another output folder with --out, or fix the path)';
  return { message: `cannot ${error.syscall} ${where}${also}: ${REASONS[error.code]} (${error.code})${hint}`, exitClass: INFRASTRUCTURE.has(error.code) ? 3 : 2 };
}
