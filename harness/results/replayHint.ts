/**
 * The exact command that reproduces a case or a reproducer file: the config when it is not
 * the default, the engines as the user named them on the command line, the candidate's
 * compat flags as the case ran, the target, and the divergence it is about (--divergence:
 * replay then reports that identity, not an earlier one the stream shows first).
 * The one builder every reporter uses: run, gate, merge, report, JUnit, fuzz, minimize.
 */
import { relative } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { specLabel } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { CaseResult, EngineChoice, RunResults, StoredDivergence } from './types.ts';

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

/** --config, --reference and --candidate as the run was given them. */
function engineFlags(choice: EngineChoice): string[] {
  return [
    ...(choice.config !== undefined ? [`--config ${shellQuote(choice.config)}`] : []),
    ...(choice.reference !== undefined ? [`--reference ${shellQuote(choice.reference)}`] : []),
    ...(choice.candidate !== undefined ? [`--candidate ${shellQuote(choice.candidate)}`] : []),
  ];
}

/** `npx parity replay FILE [--config C] [--reference R] [--candidate C] [--quirk-off Q]... [--target T] [--divergence F]` */
export function replayCommand(file: string, choice: EngineChoice, o: ReplayOptions = {}, cwd = process.cwd()): string {
  const parts = ['npx parity replay', shellQuote(relative(cwd, file) || file), ...engineFlags(choice)];
  for (const id of choice.quirksOff) parts.push(`--quirk-off ${id}`);
  if (o.target !== undefined && o.target !== 'node') parts.push(`--target ${o.target}`);
  if (o.divergence !== undefined) parts.push(`--divergence ${o.divergence}`);
  return parts.join(' ');
}

/**
 * The divergence a case is shown and summarized by everywhere (its first, in checkpoint
 * order): the one its replay command names with --divergence.
 */
export function namedDivergence(c: CaseResult): StoredDivergence | undefined {
  return c.divergences[0];
}

/** The gate's golden cases (harness/gate/goldenCases.ts) compare one engine with its recording, not two engines. */
const isGoldenCase = (c: CaseResult) => c.id.startsWith('golden:');

/**
 * The replay command of a scenario case in saved results, naming the divergence the case
 * is shown by (or `o.divergence`); null for fuzz cases (no file). A golden case is
 * reproduced by `parity golden verify`, which compares the engines with the recording.
 */
export function replayCommandFor(c: CaseResult, results: Pick<RunResults, 'engines' | 'run'>, o: { divergence?: string } = {}): string | null {
  if (c.source.kind !== 'scenario') return null;
  const choice = results.engines.choice ?? { quirksOff: [] };
  if (isGoldenCase(c)) return goldenVerifyCommand(c.source.file, choice);
  const divergence = o.divergence ?? namedDivergence(c)?.fingerprint;
  return replayCommand(c.source.file, choice, { target: results.run.target, ...(divergence !== undefined ? { divergence } : {}) });
}

/** `npx parity golden verify FILE [--config C] [--reference R] [--candidate C]` (goldens are verified with every flag on). */
export function goldenVerifyCommand(file: string, choice: EngineChoice, cwd = process.cwd()): string {
  return ['npx parity golden verify', shellQuote(relative(cwd, file) || file), ...engineFlags(choice)].join(' ');
}
