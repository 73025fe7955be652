/**
 * The exact command that reproduces a case or a reproducer file: the config when it is not
 * the default, the engines as the user named them on the command line, the candidate's
 * compat flags as the case ran, the target, and (when asked) the divergence to look for.
 * The one builder every reporter uses: run, gate, merge, report, JUnit, fuzz, minimize.
 */
import { relative } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { specLabel } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { CaseResult, EngineChoice, RunResults } from './types.ts';

/** The config `parity` reads when given no --config; a replay needs no flag for it. */
export const DEFAULT_CONFIG_FILE = 'parity.config.yaml';

/** Quirk ids turned off in a set of compat flags, sorted. */
export function quirksOff(quirks: QuirkFlags | undefined): string[] {
  return Object.entries(quirks ?? {}).filter(([, on]) => on === false).map(([id]) => id).sort();
}

/** Quotes a path for a POSIX shell only when it needs it. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

const sameSpec = (a: EngineSpec, b: EngineSpec) => JSON.stringify(a) === JSON.stringify(b);

export interface ChoiceInput {
  /** The config the command loaded. */
  readonly config: { readonly file: string | null; readonly reference: EngineSpec; readonly candidate: EngineSpec };
  /** The engines that ran; a spec equal to the config's needs no flag. */
  readonly reference?: EngineSpec;
  readonly candidate?: EngineSpec;
  readonly candidateQuirks?: QuirkFlags;
}

/** What a replay must repeat of how the engines were chosen (stored in results.json as engines.choice). */
export function engineChoice(o: ChoiceInput, cwd = process.cwd()): EngineChoice {
  const config = o.config.file === null ? undefined : relative(cwd, o.config.file);
  const given = (spec: EngineSpec | undefined, fromConfig: EngineSpec) => (spec === undefined || sameSpec(spec, fromConfig) ? undefined : specLabel(spec));
  const reference = given(o.reference, o.config.reference);
  const candidate = given(o.candidate, o.config.candidate);
  return {
    ...(config !== undefined && config !== DEFAULT_CONFIG_FILE ? { config } : {}),
    ...(reference !== undefined ? { reference } : {}),
    ...(candidate !== undefined ? { candidate } : {}),
    quirksOff: quirksOff(o.candidateQuirks),
  };
}

export interface ReplayOptions {
  /** Where the engines ran (default node: no flag). */
  readonly target?: string;
  /** The fingerprint the replay should look for. */
  readonly divergence?: string;
}

/** `npx parity replay FILE [--config C] [--reference R] [--candidate C] [--quirk-off Q]... [--target T] [--divergence F]` */
export function replayCommand(file: string, choice: EngineChoice, o: ReplayOptions = {}, cwd = process.cwd()): string {
  const parts = ['npx parity replay', shellQuote(relative(cwd, file) || file)];
  if (choice.config !== undefined) parts.push(`--config ${shellQuote(choice.config)}`);
  if (choice.reference !== undefined) parts.push(`--reference ${shellQuote(choice.reference)}`);
  if (choice.candidate !== undefined) parts.push(`--candidate ${shellQuote(choice.candidate)}`);
  for (const id of choice.quirksOff) parts.push(`--quirk-off ${id}`);
  if (o.target !== undefined && o.target !== 'node') parts.push(`--target ${o.target}`);
  if (o.divergence !== undefined) parts.push(`--divergence ${o.divergence}`);
  return parts.join(' ');
}

/** The replay command of a scenario case in saved results (fuzz cases have no file: null). */
export function replayCommandFor(c: CaseResult, results: Pick<RunResults, 'engines' | 'run'>, o: { withDivergence?: boolean } = {}): string | null {
  if (c.source.kind !== 'scenario') return null;
  const divergence = o.withDivergence ? c.divergences[0]?.fingerprint : undefined;
  return replayCommand(c.source.file, results.engines.choice ?? { quirksOff: [] }, { target: results.run.target, ...(divergence !== undefined ? { divergence } : {}) });
}
