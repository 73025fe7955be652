/**
 * Gives each divergence of a case its identity (harness/compare/identity.ts): the engine
 * pair, the symptom, the id-free location, the class of difference and the cause, which
 * ./localize.ts and ./ablate.ts find by running the stream again. Every path that files,
 * counts or decides on divergences goes through here; divergences that already carry a
 * cause are kept.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import { commandShape, identified, pairName } from '../compare/identity.ts';
import type { CompareOptions, Divergence } from '../compare/types.ts';
import type { Viewport } from '../engines/types.ts';
import { ablate } from './ablate.ts';
import { localize } from './localize.ts';
import type { CaseEngines } from './runCase.ts';

export interface IdentifyStream {
  readonly steps: readonly Command[];
  readonly viewport: Viewport;
  readonly assets: HostAssets;
}

export async function identify<D extends Divergence>(
  divergences: readonly D[],
  stream: IdentifyStream,
  engines: CaseEngines,
  compare: CompareOptions = {},
  /** The pair's name when it is not the engines' own (a golden record against an engine). */
  pair = pairName(engines.reference.identity.name, engines.candidate.identity.name),
): Promise<D[]> {
  const fresh = divergences.filter((d) => d.cause === undefined);
  if (fresh.length === 0) return [...divergences];
  const steps = await localize(fresh, stream, engines, compare);
  const shown = new Map(fresh.map((d, i) => [d as Divergence, steps[i]]));
  const stepOf = (d: Divergence) => shown.get(d);
  const ablated = fresh.filter((d) => d.kind === 'layout' || d.kind === 'frame' || d.kind === 'events');
  const needs = await ablate(ablated, stream, engines, compare, ablated.map((d) => stepOf(d)));
  const needsOf = new Map(ablated.map((d, i) => [d as Divergence, needs[i]]));
  return divergences.map((d) => {
    const step = stepOf(d);
    if (step === undefined) return d;
    const command = step >= 0 ? commandShape(stream.steps[step]) : d.kind === 'layout' || d.kind === 'frame' ? '?' : 'start';
    const need = needsOf.get(d);
    return identified(d, { pair, steps: stream.steps, cause: { step, command, ...(need ? { needs: need } : {}) } });
  });
}

