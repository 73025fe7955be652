/**
 * The exact command that reproduces a scenario case: the same compat flags the candidate
 * ran with, and the same target. The one place every reporter gets it from.
 */
import type { CaseResult, RunResults } from './types.ts';

/** Quirk ids the candidate ran without, read from its name: `wasm (quirks off: a, b)`. */
export function quirksOff(candidateName: string): string[] {
  const m = /\(quirks off: ([^)]*)\)/.exec(candidateName);
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean) : [];
}

/** Quotes a path for a POSIX shell only when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function replayCommandFor(c: CaseResult, results: Pick<RunResults, 'engines' | 'run'>): string | null {
  if (c.source.kind !== 'scenario') return null;
  const flags = quirksOff(results.engines.candidate.name).map((q) => ` --quirk-off ${q}`).join('');
  const target = results.run.target === 'chromium' ? ' --target chromium' : '';
  return `npx parity replay ${shellQuote(c.source.file)}${flags}${target}`;
}
