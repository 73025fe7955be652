/**
 * What `parity replay` asks of the engines: the scenario run as a case through runCase,
 * the code `parity run` and the gate name divergences with (every checkpoint compared,
 * every divergence identified), and both engines' observations at one checkpoint, so a
 * divergence found at its third checkpoint gets its own frames, not the first one's.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { Divergence } from '../compare/types.ts';
import type { Viewport } from '../engines/types.ts';
import { observeStream } from './observeStream.ts';
import { runCase } from './runCase.ts';
import type { CaseEngines, CaseInput, CaseOptions, CaseOutcome } from './runCase.ts';

/** The case with diff images kept, as `parity run` writes its artifacts. */
export function replayCase(input: CaseInput, assets: HostAssets, engines: CaseEngines, compare: CaseOptions['compare']): Promise<CaseOutcome> {
  return runCase(input, assets, engines, { ...(compare ? { compare } : {}), withDiffImages: true });
}

/** One divergence per identity, the first occurrence of each, in checkpoint order. */
export function distinctIdentities<D extends Pick<Divergence, 'fingerprint'>>(divergences: readonly D[]): D[] {
  const seen = new Set<string>();
  return divergences.filter((d) => {
    if (seen.has(d.fingerprint)) return false;
    seen.add(d.fingerprint);
    return true;
  });
}

/**
 * Both engines' observations at the checkpoint closing at `step` (a `frame` command), from
 * fresh sessions; undefined when that step is no checkpoint or an engine fails before it.
 */
export async function observeCheckpoint(
  steps: readonly Command[],
  step: number,
  viewport: Viewport,
  assets: HostAssets,
  engines: CaseEngines,
): Promise<{ reference: Observation; candidate: Observation } | undefined> {
  if (steps[step]?.op !== 'frame') return undefined;
  const reference = await observeOne(engines, 'reference', steps.slice(0, step + 1), viewport, assets);
  const candidate = reference && (await observeOne(engines, 'candidate', steps.slice(0, step + 1), viewport, assets));
  return reference && candidate ? { reference, candidate } : undefined;
}

/** The last checkpoint's observation of one engine; undefined when it fails (runCase has recorded that). */
async function observeOne(engines: CaseEngines, side: 'reference' | 'candidate', steps: readonly Command[], viewport: Viewport, assets: HostAssets): Promise<Observation | undefined> {
  const quirks = side === 'reference' ? engines.referenceQuirks : engines.candidateQuirks;
  let session;
  try {
    session = await engines[side].create(viewport, { assets, quirks });
    const { observations, failure } = await observeStream(session, steps);
    return failure ? undefined : observations[observations.length - 1];
  } catch {
    return undefined;
  } finally {
    try {
      await session?.dispose();
    } catch {
      // a failing dispose is runCase's to record; these frames are only pictures
    }
  }
}
