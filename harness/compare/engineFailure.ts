/**
 * Divergences that are not a comparison: an engine crashed (threw, trapped, its worker
 * died) or did not answer in time. Runners build them here so they carry fingerprints
 * like every other divergence.
 */
import { crashFingerprint, timeoutFingerprint } from './signatures.ts';
import type { EngineCrash, EngineSide, Timeout } from './types.ts';

export interface FailureWhere {
  /** Last checkpoint reached before the failure ("" if none). */
  readonly checkpoint?: string;
  /** Index of the command being applied when it failed; -1 when unknown. */
  readonly step?: number;
  readonly hint?: string;
}

export function engineCrash(engine: EngineSide, error: unknown, where: FailureWhere = {}): EngineCrash {
  const { checkpoint = '', step = -1, hint } = where;
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { kind: 'crash', engine, message, checkpoint, step, ...crashFingerprint(engine, message, hint) };
}

export function engineTimeout(engine: EngineSide, ms: number, where: FailureWhere = {}): Timeout {
  const { checkpoint = '', step = -1, hint } = where;
  return { kind: 'timeout', engine, ms, checkpoint, step, ...timeoutFingerprint(engine, hint) };
}
