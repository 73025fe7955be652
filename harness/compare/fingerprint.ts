/**
 * Fingerprints group divergences that are the same bug. A fingerprint is the first 12
 * hex digits of sha256 over a readable signature `<kind>:<normalized path>[ [hint]]`.
 *
 * Normalization drops everything that names *where* a bug showed up rather than *what*
 * it is, so the same bug found by two streams (different node ids, list positions,
 * checkpoints, steps) lands in one group:
 *   - node references `#7`, `#7@1` are removed;
 *   - list indices `[1]` are removed (`text.lines[1]` -> `text.lines`);
 *   - `.length` is folded into its list (`text.lines.length` -> `text.lines`);
 *   - in free text (crash messages) every run of digits becomes `N`, only the first
 *     line is kept and whitespace is collapsed.
 * The hint is supplied by the caller, e.g. the quirk id a classifier suspects, and
 * separates bugs the path alone cannot tell apart. Signatures per kind are chosen in
 * ./signatures.ts.
 */
import { createHash } from 'node:crypto';

export interface Fingerprint {
  readonly signature: string;
  readonly fingerprint: string;
}

export function fingerprintOf(kind: string, path: string, hint?: string): Fingerprint {
  const trimmed = hint?.trim();
  const signature = `${kind}:${normalizePath(path)}${trimmed ? ` [${trimmed}]` : ''}`;
  return { signature, fingerprint: hash12(signature) };
}

/** The first 12 hex digits of sha256 over a readable key. */
export function hash12(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function normalizePath(path: string): string {
  return path
    .split('\n')[0]
    .replace(/#\d+(@\d+)?/g, '')
    .replace(/\[\d+\]/g, '')
    .replace(/\.length\b/g, '')
    .replace(/\d+/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();
}
