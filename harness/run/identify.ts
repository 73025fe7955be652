/**
 * Gives each divergence of a case its identity (harness/compare/identity.ts): the engine
 * pair, the symptom, the id-free location, the class of difference and the cause, which
 * ./localize.ts finds by replaying the stream. Every path that files, counts or decides
 * on divergences goes through here; divergences that already carry a cause are kept.
 */
import type { HostAssets } from '../../engines/shared/assets.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import { commandShape, identified, pairName } from '../compare/identity.ts';
import type { CompareOptions, Divergence } from '../compare/types.ts';
import type { Viewport } from '../engines/types.ts';
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
): Promise<D[]> {
  const fresh = divergences.filter((d) => d.cause === undefined);
  if (fresh.length === 0) return [...divergences];
  const causes = await localize(fresh, stream, engines, compare);
  const pair = pairName(engines.reference.identity.name, engines.candidate.identity.name);
  const byDivergence = new Map(fresh.map((d, i) => [d as Divergence, causes[i]]));
  return divergences.map((d) => {
    const step = byDivergence.get(d);
    if (step === undefined) return d;
    const command = step >= 0 ? commandShape(stream.steps[step]) : d.kind === 'layout' || d.kind === 'frame' ? '?' : 'start';
    return identified(d, { pair, steps: stream.steps, cause: { step, command } });
  });
}
