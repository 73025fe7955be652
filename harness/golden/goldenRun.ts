/** Recording and verifying goldens: one engine at a time, in process, scenario by scenario. */
import { relative } from 'node:path';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { compareObservations } from '../compare/index.ts';
import type { CompareOptions, Divergence } from '../compare/types.ts';
import type { EngineAdapter } from '../engines/types.ts';
import type { Scenario } from '../protocol/scenarioTypes.ts';
import { observeStream } from '../run/observeStream.ts';
import { GoldenError, hasGolden, readGolden, streamHash, writeGolden } from './goldenStore.ts';

export async function recordGolden(root: string, scenario: Scenario, reference: EngineAdapter): Promise<{ checkpoints: number; failure?: string }> {
  const session = await reference.create(scenario.viewport, { assets: loadHostAssets(scenario.assets) });
  const { observations, failure } = await observeStream(session, scenario.steps);
  await session.dispose();
  if (failure) return { checkpoints: observations.length, failure: `step ${failure.step}: ${failure.message}` };
  writeGolden(root, {
    scenario: scenario.id,
    file: relative(process.cwd(), scenario.file),
    streamHash: streamHash(scenario.steps, scenario.viewport),
    engine: reference.identity,
  }, observations);
  return { checkpoints: observations.length };
}

export type GoldenVerdict =
  | { readonly status: 'match' }
  | { readonly status: 'missing' }
  | { readonly status: 'stale'; readonly recordedFrom: string }
  | { readonly status: 'differs'; readonly divergences: readonly Divergence[] }
  | { readonly status: 'crash'; readonly message: string }
  /** The record is damaged (input, exit 2): the message names the file. */
  | { readonly status: 'corrupt'; readonly message: string };

/** One engine's observations against the golden record of a scenario. */
export async function verifyAgainstGolden(root: string, scenario: Scenario, engine: EngineAdapter, compare: CompareOptions = {}): Promise<GoldenVerdict> {
  if (!hasGolden(root, scenario.id)) return { status: 'missing' };
  let golden;
  try {
    golden = readGolden(root, scenario.id);
  } catch (error) {
    if (error instanceof GoldenError) return { status: 'corrupt', message: error.message };
    throw error;
  }
  if (golden.meta.streamHash !== streamHash(scenario.steps, scenario.viewport)) return { status: 'stale', recordedFrom: golden.meta.file };
  const session = await engine.create(scenario.viewport, { assets: loadHostAssets(scenario.assets) });
  const { observations, failure } = await observeStream(session, scenario.steps);
  await session.dispose();
  if (failure) return { status: 'crash', message: `step ${failure.step}: ${failure.message}` };
  const divergences = compareObservations(golden.observations, observations, compare);
  return divergences.length === 0 ? { status: 'match' } : { status: 'differs', divergences };
}
