/** Flags shared by the commands, parsed with node:util parseArgs (strict: unknown flags are usage errors). */
import { parseArgs } from 'node:util';
import { isQuirkId, QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { parseEngineSpec } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import { UsageError } from './usage.ts';
import { isTargetName, TARGETS } from '../targets/target.ts';
import type { TargetName } from '../targets/target.ts';

function targetFlag(text: string | undefined): TargetName | undefined {
  if (text === undefined) return undefined;
  if (!isTargetName(text)) throw new UsageError(`--target: expected one of ${TARGETS.join(', ')}, got ${JSON.stringify(text)}`);
  return text;
}

export const COMMON_FLAGS = {
  config: { type: 'string' },
  reference: { type: 'string' },
  candidate: { type: 'string' },
  'quirk-off': { type: 'string', multiple: true },
  workers: { type: 'string' },
  timeout: { type: 'string' },
  out: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  engine: { type: 'string' },
  'candidate-only': { type: 'boolean' },
  wave: { type: 'string' },
  shard: { type: 'string' },
  strict: { type: 'boolean' },
  previous: { type: 'string' },
  seed: { type: 'string' },
  runs: { type: 'string' },
  time: { type: 'string' },
  budget: { type: 'string' },
  'minimize-time': { type: 'string' },
  regressions: { type: 'string' },
  'coverage-all': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  target: { type: 'string' },
  present: { type: 'boolean' },
  'cross-target': { type: 'boolean' },
  divergence: { type: 'string' },
} as const;

export interface CommonOptions {
  readonly config?: string;
  readonly reference?: EngineSpec;
  readonly candidate?: EngineSpec;
  readonly candidateQuirks?: QuirkFlags;
  readonly workers?: number;
  readonly timeoutMs?: number;
  readonly out: string;
  readonly json: boolean;
  readonly help: boolean;
  readonly engine?: EngineSpec;
  readonly wave?: string;
  readonly shard?: string;
  readonly strict: boolean;
  /** fuzz / selftest: seed, runs or time budget, per-mutant budget, minimization budget. */
  readonly seed?: number;
  readonly runs?: number;
  readonly timeMs?: number;
  readonly budgetMs?: number;
  readonly minimizeTimeMs?: number;
  /** Where reproducers are written and read (default scenarios/regressions). */
  readonly regressions?: string;
  /** fuzz: run the quirk detectors on every run (default: the first 500, then 1 in 16). */
  readonly coverageAll: boolean;
  /** Find and minimize, but write no reproducer files. */
  readonly dryRun: boolean;
  /** Where the engines run: node (default) or chromium (harness/targets). */
  readonly target?: TargetName;
  /** chromium: draw frames on the page and screenshot them. */
  readonly present: boolean;
  /** run: also compare each engine's observations under node and chromium. */
  readonly crossTarget: boolean;
  /** replay: the divergence (a 12-hex fingerprint) the replay is about. */
  readonly divergence?: string;
  readonly positionals: string[];
}

/** "60s", "1.5m", "500ms" or plain seconds ("60") -> ms. */
export function parseDuration(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  const ms = m ? Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 'm' ? 60_000 : 1000) : NaN;
  if (!(ms > 0 && ms <= 86_400_000)) throw new UsageError(`--${flag}: expected a duration such as 60s, 2m or 500ms, got ${JSON.stringify(text)}`);
  return Math.round(ms);
}

function integerFlag(flag: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < min || n > max) throw new UsageError(`--${flag}: expected an integer ${min}..${max}, got ${JSON.stringify(text)}`);
  return n;
}

/** A divergence identity as reporters print it: 12 lower-case hex digits. */
function fingerprintFlag(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9a-f]{12}$/.test(text)) throw new UsageError(`--divergence: expected a fingerprint of 12 lower-case hex digits (as printed by run, gate, fuzz and minimize), got ${JSON.stringify(text)}`);
  return text;
}

function positiveInt(flag: string, text: string | undefined, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${flag}: expected an integer 1..${max}, got ${JSON.stringify(text)}`);
  return n;
}

export function parseCommon(args: readonly string[]): CommonOptions {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: COMMON_FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  const quirksOff = v['quirk-off'] ?? [];
  for (const id of quirksOff) {
    if (!isQuirkId(id)) throw new UsageError(`--quirk-off: unknown quirk "${id}": expected one of ${QUIRK_IDS.join(', ')}`);
  }
  const engine = (flag: string, text: string | undefined) => {
    if (text === undefined) return undefined;
    try {
      return parseEngineSpec(text);
    } catch (error) {
      throw new UsageError(`--${flag}: ${(error as Error).message}`);
    }
  };
  return {
    config: v.config,
    reference: engine('reference', v.reference),
    candidate: engine('candidate', v.candidate),
    candidateQuirks: quirksOff.length > 0 ? Object.fromEntries(quirksOff.map((id) => [id, false])) : undefined,
    workers: positiveInt('workers', v.workers, 64),
    timeoutMs: positiveInt('timeout', v.timeout, 3_600_000),
    out: v.out ?? 'reports',
    json: v.json ?? false,
    help: v.help ?? false,
    engine: engine('engine', v.engine),
    wave: v.wave,
    shard: v.shard,
    strict: v.strict ?? false,
    seed: integerFlag('seed', v.seed, -(2 ** 31), 2 ** 31 - 1),
    runs: integerFlag('runs', v.runs, 1, 100_000_000),
    timeMs: parseDuration('time', v.time),
    budgetMs: parseDuration('budget', v.budget),
    minimizeTimeMs: parseDuration('minimize-time', v['minimize-time']),
    regressions: v.regressions,
    coverageAll: v['coverage-all'] ?? false,
    dryRun: v['dry-run'] ?? false,
    target: targetFlag(v.target),
    present: v.present ?? false,
    crossTarget: v['cross-target'] ?? false,
    divergence: fingerprintFlag(v.divergence),
    positionals: parsed.positionals,
  };
}
