/**
 * The minimizer's question, asked many times: does this stream still show divergence
 * X? One in-process differential case per distinct stream (answers are cached), timed
 * and counted, stopping at the first diverging checkpoint. A stream "reproduces" X when
 * one of the divergences of its first diverging checkpoint has identity X — the same
 * rule the fuzzer uses to file it — so a reduction never drifts onto another bug.
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
  private readonly cache = new Map<string, readonly Divergence[]>();

  constructor(readonly context: MinimizeContext) {}

  /** The identified divergences of the stream's first diverging checkpoint (empty when it passes). */
  async divergences(steps: readonly Command[], viewport: Viewport): Promise<readonly Divergence[]> {
    const key = keyOf(steps, viewport);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    this.calls++;
    const { engines, assets, compare } = this.context;
    const outcome = await fuzzCase(steps, viewport, assets, engines, { compare });
    this.engineMs += outcome.engineMs;
    this.cache.set(key, outcome.divergences);
    return outcome.divergences;
  }

  /** The primary (first) divergence, or null when the stream passes. */
  async primary(steps: readonly Command[], viewport: Viewport): Promise<Divergence | null> {
    return (await this.divergences(steps, viewport))[0] ?? null;
  }

  /** The divergence with identity `fingerprint`, or null when the stream does not show it. */
  async find(steps: readonly Command[], viewport: Viewport, fingerprint: string): Promise<Divergence | null> {
    return (await this.divergences(steps, viewport)).find((d) => d.fingerprint === fingerprint) ?? null;
  }

  async reproduces(steps: readonly Command[], viewport: Viewport, fingerprint: string): Promise<boolean> {
    return (await this.find(steps, viewport, fingerprint)) !== null;
  }
}
