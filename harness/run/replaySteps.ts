/**
 * Step-by-step replay: both engines get one command at a time and are observed after
 * each, so the first command after which they differ is named exactly.
 */
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { HostAssets } from '../../engines/shared/assets.ts';
import { compareObservations, engineCrash } from '../compare/index.ts';
import type { CompareOptions, Divergence, EngineSide } from '../compare/types.ts';
import type { EngineAdapter, Viewport } from '../engines/types.ts';
import { engineFailure, ownObservation } from './observeStream.ts';

export interface ReplayOutcome {
  /** Index of the first command after which the observations differ; -1 when none. */
  readonly firstDivergingStep: number;
  readonly divergences: readonly Divergence[];
  readonly reference?: Observation;
  readonly candidate?: Observation;
  readonly stepsRun: number;
}

export async function replaySteps(
  steps: readonly Command[],
  viewport: Viewport,
  assets: HostAssets,
  engines: { reference: EngineAdapter; candidate: EngineAdapter; candidateQuirks?: QuirkFlags },
  compare: CompareOptions = {},
): Promise<ReplayOutcome> {
  const ref = await engines.reference.create(viewport, { assets });
  const cand = await engines.candidate.create(viewport, { assets, quirks: engines.candidateQuirks });
  const opts: CompareOptions = { ...compare, frame: { ...compare.frame, withDiffImage: true } };
  try {
    for (let i = 0; i < steps.length; i++) {
      const observed: Partial<Record<EngineSide, Observation>> = {};
      for (const [side, session] of [['reference', ref], ['candidate', cand]] as const) {
        try {
          await session.apply([steps[i]]);
          observed[side] = ownObservation(await session.snapshot());
        } catch (error) {
          const f = engineFailure(error, i);
          return { firstDivergingStep: i, divergences: [engineCrash(side, error, { step: f.step })], stepsRun: i + 1 };
        }
      }
      // observed after every step, a divergence belongs to that step, not to the last frame
      const divergences = compareObservations([observed.reference!], [observed.candidate!], opts)
        .map((d) => ({ ...d, checkpoint: `after step ${i}`, step: i }));
      if (divergences.length > 0) {
        return { firstDivergingStep: i, divergences, reference: observed.reference, candidate: observed.candidate, stepsRun: i + 1 };
      }
    }
    return { firstDivergingStep: -1, divergences: [], stepsRun: steps.length };
  } finally {
    await ref.dispose();
    await cand.dispose();
  }
}
