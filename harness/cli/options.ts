/** Flags shared by the commands, parsed with node:util parseArgs (strict: unknown flags are usage errors). */
import { parseArgs } from 'node:util';
import { isQuirkId, QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { parseEngineSpec } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import { UsageError } from './usage.ts';

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
  readonly positionals: string[];
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
    positionals: parsed.positionals,
  };
}
