/**
 * The minimizer's question, asked many times: does this stream still show divergence
 * X? One in-process differential case per distinct stream (answers are cached), timed
 * and counted, stopping at the first diverging checkpoint. A stream "reproduces" X when
 * the primary (first) divergence of its first diverging checkpoint has fingerprint X,
 * the same rule the fuzzer uses to file it.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { CompareOptions, Divergence } from '../compare/types.ts';
import type { Viewport } from '../engines/types.ts';
import { fuzzCase } from '../fuzz/fuzzCase.ts';
import type { FuzzCaseEngines } from '../fuzz/fuzzCase.ts';

export interface MinimizeContext {
  readonly engines: FuzzCaseEngines;
  readonly assets: HostAssets;
  readonly compare?: CompareOptions;
}

/** A cache key that tells -0 from 0 and NaN/Infinity apart from strings. */
function keyOf(steps: readonly Command[], viewport: Viewport): string {
  return `${viewport.width}x${viewport.height}|${JSON.stringify(steps, (_k, v: unknown) =>
    typeof v === 'number' ? `n${Object.is(v, -0) ? '-0' : String(v)}` : typeof v === 'string' ? `s${v}` : v)}`;
}

export class Oracle {
  calls = 0;
  engineMs = 0;
  private readonly cache = new Map<string, Divergence | null>();

  constructor(readonly context: MinimizeContext) {}

  /** The primary divergence of the stream's first diverging checkpoint, or null when it passes. */
  async primary(steps: readonly Command[], viewport: Viewport): Promise<Divergence | null> {
    const key = keyOf(steps, viewport);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    this.calls++;
    const { engines, assets, compare } = this.context;
    const outcome = await fuzzCase(steps, viewport, assets, engines, { compare });
    this.engineMs += outcome.engineMs;
    const first = outcome.divergences[0] ?? null;
    this.cache.set(key, first);
    return first;
  }

  async reproduces(steps: readonly Command[], viewport: Viewport, fingerprint: string): Promise<boolean> {
    return (await this.primary(steps, viewport))?.fingerprint === fingerprint;
  }
}
