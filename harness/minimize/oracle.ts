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
import { symptomOf } from '../compare/identity.ts';
import { identify } from '../run/identify.ts';
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
  /** Per stream: its raw divergences (comparators only), then, once asked for, identified. */
  private readonly cache = new Map<string, { raw: readonly Divergence[]; identified?: readonly Divergence[] }>();
  /** Identity -> its symptom, location and class (identity.ts symptomOf), learned from every identified divergence. */
  private readonly symptoms = new Map<string, string>();

  constructor(readonly context: MinimizeContext) {}

  /** The identified divergences of the stream's first diverging checkpoint (empty when it passes). */
  async divergences(steps: readonly Command[], viewport: Viewport): Promise<readonly Divergence[]> {
    const entry = await this.raw(steps, viewport);
    if (entry.identified === undefined) {
      const { engines, assets, compare } = this.context;
      const t = performance.now();
      entry.identified = entry.raw.length === 0 ? [] : await identify(entry.raw, { steps, viewport, assets }, engines, compare);
      this.engineMs += performance.now() - t;
      for (const d of entry.identified) this.symptoms.set(d.fingerprint, symptomOf(d, steps));
    }
    return entry.identified;
  }

  /** The primary (first) divergence, or null when the stream passes. */
  async primary(steps: readonly Command[], viewport: Viewport): Promise<Divergence | null> {
    return (await this.divergences(steps, viewport))[0] ?? null;
  }

  /** The divergence with identity `fingerprint`, or null when the stream does not show it. */
  async find(steps: readonly Command[], viewport: Viewport, fingerprint: string): Promise<Divergence | null> {
    // identifying reruns the stream many times: skip it when no divergence has the identity's symptom
    const symptom = this.symptoms.get(fingerprint);
    if (symptom !== undefined && !(await this.raw(steps, viewport)).raw.some((d) => symptomOf(d, steps) === symptom)) return null;
    return (await this.divergences(steps, viewport)).find((d) => d.fingerprint === fingerprint) ?? null;
  }

  async reproduces(steps: readonly Command[], viewport: Viewport, fingerprint: string): Promise<boolean> {
    return (await this.find(steps, viewport, fingerprint)) !== null;
  }

  private async raw(steps: readonly Command[], viewport: Viewport): Promise<{ raw: readonly Divergence[]; identified?: readonly Divergence[] }> {
    const key = keyOf(steps, viewport);
    let entry = this.cache.get(key);
    if (entry === undefined) {
      this.calls++;
      const { engines, assets, compare } = this.context;
      const outcome = await fuzzCase(steps, viewport, assets, engines, { compare, identify: false });
      this.engineMs += outcome.engineMs;
      entry = { raw: outcome.divergences };
      this.cache.set(key, entry);
    }
    return entry;
  }
}
