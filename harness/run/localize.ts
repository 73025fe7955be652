/**
 * Localization: the command after which a divergence first shows. Crashes, timeouts,
 * checkpoint mismatches and events carry their step already (an event names the command
 * that caused it). Layout and frame divergences are placed by running prefixes of the
 * stream on fresh sessions of both engines and looking at the divergence's site:
 *   layout  the same node occurrence and field differ
 *   frame   a pixel inside the divergence's box differs (or the frame sizes differ)
 * Prefixes are shared by every divergence of a case.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Frame, Observation } from '../../engines/shared/observation.ts';
import { ownObservation } from './observeStream.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import { diffLayout } from '../compare/layoutDiff.ts';
import type { CompareOptions, Divergence, FrameDivergence, LayoutDivergence } from '../compare/types.ts';
import type { EngineSession, Viewport } from '../engines/types.ts';
import type { CaseEngines } from './runCase.ts';

/** Step of the command each divergence first shows after; -1 when it never showed. */
export async function localize(
  divergences: readonly Divergence[],
  stream: { readonly steps: readonly Command[]; readonly viewport: Viewport; readonly assets: HostAssets },
  engines: CaseEngines,
  compare: CompareOptions = {},
): Promise<number[]> {
  const steps = divergences.map(stepOfRecord);
  const pending = divergences.flatMap((d, i) => (steps[i] === null ? [i] : []));
  if (pending.length > 0) await walk(divergences, pending, steps, stream, engines, compare);
  return steps.map((s) => s ?? -1);
}

/** The step a divergence already names, or null when it must be found by walking. */
function stepOfRecord(d: Divergence): number | null {
  switch (d.kind) {
    case 'layout':
    case 'frame': return null;
    case 'events': {
      const e = d.edits[0];
      return (e.reference ?? e.candidate)!.step;
    }
    default: return d.step;
  }
}

/**
 * Each pending divergence placed by binary search over prefixes of the stream: after how
 * many commands does its site first differ? Fresh sessions run each prefix in one batch
 * (then the rest of the stream, so the engines see every command, as in the case); a
 * divergence that, once shown, stays until its checkpoint — the usual case — is placed
 * exactly, in log2(steps) runs instead of a snapshot after every command.
 */
async function walk(
  divergences: readonly Divergence[],
  pending: readonly number[],
  found: (number | null)[],
  stream: { readonly steps: readonly Command[]; readonly viewport: Viewport; readonly assets: HostAssets },
  engines: CaseEngines,
  compare: CompareOptions,
): Promise<void> {
  const prefixes = new Map<number, Promise<[Observation, Observation] | null>>();
  const after = (step: number) => {
    let p = prefixes.get(step);
    if (!p) prefixes.set(step, (p = observePrefix(stream, step, engines)));
    return p;
  };
  const shows = async (d: Divergence, step: number) => {
    const o = await after(step);
    if (o === null) return false;
    const [ref, cand] = o;
    return d.kind === 'frame' ? frameShows(d, ref.frame, cand.frame) : layoutShows(d as LayoutDivergence, diffLayout(ref.layout, cand.layout, compare.layout));
  };
  for (const i of pending) {
    const d = divergences[i];
    const last = Math.min(stream.steps.length - 1, d.step);
    if (!(await shows(d, last))) continue;
    let [lo, hi] = [0, last];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (await shows(d, mid)) hi = mid;
      else lo = mid + 1;
    }
    found[i] = lo;
  }
}

/** Both engines' observations after steps[0..step]; null when an engine fails. */
async function observePrefix(
  stream: { readonly steps: readonly Command[]; readonly viewport: Viewport; readonly assets: HostAssets },
  step: number,
  engines: CaseEngines,
): Promise<[Observation, Observation] | null> {
  const out: Observation[] = [];
  for (const side of ['reference', 'candidate'] as const) {
    let session: EngineSession | undefined;
    try {
      session = await engines[side].create(stream.viewport, { assets: stream.assets, quirks: side === 'reference' ? engines.referenceQuirks : engines.candidateQuirks });
      await session.apply(stream.steps.slice(0, step + 1));
      out.push(ownObservation(await session.snapshot()));
      if (step + 1 < stream.steps.length) await session.apply(stream.steps.slice(step + 1));
    } catch {
      return null;
    } finally {
      await Promise.resolve(session?.dispose()).catch(() => undefined);
    }
  }
  return [out[0], out[1]];
}

function layoutShows(d: LayoutDivergence, diffs: ReturnType<typeof diffLayout>): boolean {
  const site = d.site!;
  const id = site.chain[site.chain.length - 1];
  return diffs.some((x) => x.id === id && x.occurrence === (site.occurrence ?? 0) && x.field === site.field);
}

function frameShows(d: FrameDivergence, ref: Frame | null, cand: Frame | null): boolean {
  if (ref === null || cand === null) return false;
  if (ref.width !== cand.width || ref.height !== cand.height) return d.sizeMismatch !== undefined;
  if (d.sizeMismatch || !d.bbox) return false;
  const { x, y, width, height } = d.bbox;
  if (x + width > ref.width || y + height > ref.height) return false;
  const row = width * 4;
  for (let r = y; r < y + height; r++) {
    const at = (r * ref.width + x) * 4;
    if (!Buffer.from(ref.data.buffer, ref.data.byteOffset + at, row).equals(Buffer.from(cand.data.buffer, cand.data.byteOffset + at, row))) return true;
  }
  return false;
}
