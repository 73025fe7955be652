/**
 * Re-checks a saved reproducer against live engines: it still shows the divergence its
 * provenance names, and it is still 1-minimal (removing any single step loses it). Used
 * by the test that guards scenarios/regressions/ and by anyone doubting a file.
 */
import { isQuirkId } from '../../engines/shared/quirks.ts';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { loadHostAssets } from '../assets/hostAssets.ts';
import type { CompareOptions } from '../compare/types.ts';
import type { EngineAdapter } from '../engines/types.ts';
import { loadScenarioSync } from '../protocol/scenario.ts';
import { checkOneMinimal } from './checkOneMinimal.ts';
import type { OneMinimality } from './checkOneMinimal.ts';
import { Oracle } from './oracle.ts';

export interface ReproducerCheck {
  readonly file: string;
  readonly fingerprint: string | null;
  /** The primary divergence's fingerprint now, or null when the file passes. */
  readonly observed: string | null;
  readonly reproduces: boolean;
  readonly minimality: OneMinimality | null;
  /** What the file itself claims. */
  readonly recordedOneMinimal: boolean | null;
}

/** Compat flags a reproducer was found with, from its provenance (`candidateQuirks: off: a, b`). */
export function provenanceQuirks(text: string | number | boolean | undefined): QuirkFlags {
  if (typeof text !== 'string' || !text.startsWith('off: ')) return {};
  return Object.fromEntries(text.slice(5).split(',').map((s) => s.trim()).filter(isQuirkId).map((id) => [id, false]));
}

export async function verifyReproducer(file: string, engines: { reference: EngineAdapter; candidate: EngineAdapter }, compare: CompareOptions = {}): Promise<ReproducerCheck> {
  const s = loadScenarioSync(file);
  const fp = s.provenance?.fingerprint;
  const fingerprint = typeof fp === 'string' ? fp : null;
  const oracle = new Oracle({ engines: { ...engines, candidateQuirks: provenanceQuirks(s.provenance?.candidateQuirks) }, assets: loadHostAssets(s.assets), compare });
  const reproduces = fingerprint !== null && await oracle.reproduces(s.steps, s.viewport, fingerprint);
  const observed = reproduces ? fingerprint : (await oracle.primary(s.steps, s.viewport))?.fingerprint ?? null;
  const minimality = reproduces ? await checkOneMinimal(s.steps, s.viewport, fingerprint, oracle) : null;
  const recorded = s.provenance?.oneMinimal;
  return { file, fingerprint, observed, reproduces, minimality, recordedOneMinimal: typeof recorded === 'boolean' ? recorded : null };
}
