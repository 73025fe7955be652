/**
 * Lists scenario files: each argument is a .yaml file, a folder (searched recursively for
 * *.yaml, skipping dot-folders and node_modules) or a glob (`*`, `**`, `?`, e.g.
 * `scenarios/quirks/*.yaml`). The result is deduplicated and sorted by path, code unit
 * order with '/' separators, so every machine runs scenarios in the same order.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { isInside } from '../files/insideFolder.ts';
import { ScenarioError, ScenarioErrors } from './scenarioError.ts';

const GLOB_CHARS = /[*?[\]{}]/;

/**
 * Symbolic links are followed only while they stay inside the folder being walked (by
 * real path), and each real folder is walked once (no loops). Any other .yaml entry is
 * listed (a link leading out, a FIFO, a device): the scenario loader refuses it as an
 * error case the run reports, instead of a silent skip.
 */
function walk(dir: string, out: string[], root = realOrSelf(dir), seen = new Set<string>()): void {
  const real = realOrSelf(dir);
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (isFolder(entry, full, root)) {
      if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(full, out, root, seen);
    } else if (entry.name.endsWith('.yaml')) out.push(full); // a FIFO or device too: the loader says what it is
  }
}

function realOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

/** A folder to descend into: a real one, or a link to a folder inside `root`. */
function isFolder(entry: Dirent, full: string, root: string): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(full).isDirectory() && isInside(root, realpathSync(full));
  } catch {
    return false;
  }
}

/** `**` matches any number of folders, `*` and `?` stay within one path segment. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function expandGlob(pattern: string): string[] {
  const posix = toPosix(pattern);
  const segments = posix.split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  const base = segments.slice(0, firstGlob).join('/') || (posix.startsWith('/') ? '/' : '.');
  const found: string[] = [];
  try {
    walk(base, found);
  } catch {
    return [];
  }
  const re = globToRegExp(posix.startsWith('./') ? posix.slice(2) : posix);
  return found.filter((f) => re.test(toPosix(base === '.' ? path.relative('.', f) : f)));
}

function notFound(arg: string): ScenarioErrors {
  const text = 'expected a .yaml file, a folder or a glob matching .yaml files, got nothing at this path';
  return new ScenarioErrors([new ScenarioError({ file: arg, line: 0, column: 0, expected: 'a .yaml file, a folder or a glob', found: 'nothing at this path', text })]);
}

function expandOne(arg: string): string[] {
  if (GLOB_CHARS.test(arg)) {
    const matches = expandGlob(arg);
    if (matches.length === 0) throw notFound(arg);
    return matches;
  }
  let isDir: boolean;
  try {
    isDir = statSync(arg).isDirectory();
  } catch {
    throw notFound(arg);
  }
  if (!isDir) return [arg];
  const out: string[] = [];
  walk(arg, out);
  return out;
}

/** Scenario files under `args`, deduplicated by absolute path and sorted. Throws ScenarioErrors for a path that matches nothing. */
export function findScenarios(args: readonly string[]): string[] {
  const byAbsolute = new Map<string, string>();
  for (const arg of args) {
    for (const file of expandOne(arg)) {
      const abs = path.resolve(file);
      if (!byAbsolute.has(abs)) byAbsolute.set(abs, toPosix(path.normalize(file)));
    }
  }
  return [...byAbsolute.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
