/**
 * Localization: the command after which a divergence first shows. Crashes, timeouts,
 * checkpoint mismatches and events carry their step already (an event names the command
 * that caused it). Layout and frame divergences are found by replaying the stream one
 * command at a time on fresh sessions of both engines, observing after each, until the
 * divergence's site differs:
 *   layout  the same node occurrence and field differ (else, as a fallback, any field of
 *           that node occurrence)
 *   frame   a pixel inside the divergence's box differs (or the frame sizes differ)
 * One walk serves every divergence of a case and stops as soon as all are placed, never
 * after the last checkpoint among them.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Frame, Observation } from '../../engines/shared/observation.ts';
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

async function walk(
  divergences: readonly Divergence[],
  pending: number[],
  found: (number | null)[],
  stream: { readonly steps: readonly Command[]; readonly viewport: Viewport; readonly assets: HostAssets },
  engines: CaseEngines,
  compare: CompareOptions,
): Promise<void> {
  const { steps, viewport, assets } = stream;
  const last = Math.min(steps.length - 1, Math.max(...pending.map((i) => divergences[i].step)));
  const fallback = new Map<number, number>();
  const wanted = [...pending];
  const sessions: EngineSession[] = [];
  try {
    sessions.push(await engines.reference.create(viewport, { assets, quirks: engines.referenceQuirks }));
    sessions.push(await engines.candidate.create(viewport, { assets, quirks: engines.candidateQuirks }));
    let step = 0;
    for (; step <= last && pending.length > 0; step++) {
      const [ref, cand] = await observeBoth(sessions, steps[step]);
      const layoutDiffs = pending.some((i) => divergences[i].kind === 'layout') ? diffLayout(ref.layout, cand.layout, compare.layout) : [];
      pending = pending.filter((i) => {
        const d = divergences[i];
        if (step > d.step) return false; // past its checkpoint: placed by its fallback, if any
        if (d.kind === 'frame' ? frameShows(d, ref.frame, cand.frame) : layoutShows(d as LayoutDivergence, layoutDiffs, () => fallback.has(i) || fallback.set(i, step))) {
          found[i] = step;
          return false;
        }
        return true;
      });
    }
    // the rest of the stream in one batch: the engines see every command, as in the case
    if (step < steps.length) for (const s of sessions) await s.apply(steps.slice(step));
  } catch {
    // an engine that fails while walking leaves the rest unplaced (or at their fallback)
  } finally {
    for (const s of sessions) await Promise.resolve(s.dispose()).catch(() => undefined);
  }
  for (const i of wanted) found[i] ??= fallback.get(i) ?? null;
}

async function observeBoth(sessions: readonly EngineSession[], command: Command): Promise<[Observation, Observation]> {
  const out: Observation[] = [];
  for (const s of sessions) {
    await s.apply([command]);
    out.push(await s.snapshot());
  }
  return [out[0], out[1]];
}

function layoutShows(d: LayoutDivergence, diffs: ReturnType<typeof diffLayout>, nodeShows: () => unknown): boolean {
  const site = d.site!;
  const id = site.chain[site.chain.length - 1];
  let exact = false;
  for (const x of diffs) {
    if (x.id !== id || x.occurrence !== (site.occurrence ?? 0)) continue;
    if (x.field === site.field) exact = true;
    else nodeShows();
  }
  return exact;
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
