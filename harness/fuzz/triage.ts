/**
 * The distinct-cause corpus behind divergence identity (harness/compare/identity.ts):
 * each cause is one candidate bug — a compat flag off, a mutant fixture — run through
 * the fuzzer (nothing saved, nothing known) and through every scenario, and the
 * identities it produces are collected. Then
 *   merged  identities that two distinct causes share: a decision taken on such an
 *           identity would call one bug "known" because of another (must be 0)
 *   split   identities beyond one per cause: the same bug filed under several names
 * For a combination of two causes, every identity it shows must belong to one of the
 * two alone; the ones that do not are counted as `unattributed`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import { loadHostAssets } from '../assets/hostAssets.ts';
import type { ParityConfig } from '../config/config.ts';
import { loadAdapter } from '../engines/registry.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { Scenario } from '../protocol/scenarioTypes.ts';
import { compareOptionsFor } from '../run/loadCases.ts';
import { runCase } from '../run/runCase.ts';
import { runFuzz } from './runFuzz.ts';

export interface TriageCause {
  readonly name: string;
  readonly candidate: EngineSpec;
  readonly candidateQuirks?: QuirkFlags;
}

/** Identity -> its readable signature, for one cause. */
export type IdentitySet = Map<string, string>;

export interface TriageBudget {
  readonly seed: number;
  readonly runs: number;
  readonly workers?: number;
}

/** Every identity one cause produces: its fuzz finds (none minimized, none known) and its scenario divergences. */
export async function identitiesOfCause(
  cause: TriageCause,
  o: { config: ParityConfig; reference: EngineSpec; scenarios: readonly Scenario[]; budget: TriageBudget },
): Promise<IdentitySet> {
  const out: IdentitySet = new Map();
  const dir = mkdtempSync(join(tmpdir(), 'parity-triage-'));
  try {
    const r = await runFuzz({
      config: o.config, reference: o.reference, candidate: cause.candidate, candidateQuirks: cause.candidateQuirks, knownQuirks: {},
      seed: o.budget.seed, budget: { runs: o.budget.runs }, regressionsDir: dir, write: false, maxMinimize: 0, workers: o.budget.workers,
    });
    for (const f of r.findings) out.set(f.fingerprint, f.signature);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const engines = {
    reference: await loadAdapter(o.reference, o.config.baseDir),
    candidate: await loadAdapter(cause.candidate, o.config.baseDir),
    candidateQuirks: cause.candidateQuirks,
  };
  for (const s of o.scenarios) {
    const input = { id: s.id, title: s.title, source: { kind: 'scenario', file: s.file } as const, viewport: s.viewport, steps: s.steps };
    const { divergences } = await runCase(input, loadHostAssets(s.assets), engines, { compare: compareOptionsFor(o.config, s) });
    for (const d of divergences) out.set(d.fingerprint, d.signature);
  }
  await engines.reference.close?.();
  await engines.candidate.close?.();
  return out;
}

export interface TriageCounts {
  readonly causes: number;
  readonly identities: number;
  /** Identities shared by two or more causes, with the causes sharing each. */
  readonly merged: readonly { readonly identity: string; readonly signature: string; readonly causes: readonly string[] }[];
  /** Identities beyond one per cause that produced any. */
  readonly split: number;
}

/** merged and split over single causes (pure). */
export function triageCounts(byCause: ReadonlyMap<string, IdentitySet>): TriageCounts {
  const owners = new Map<string, { signature: string; causes: string[] }>();
  for (const [cause, ids] of byCause) {
    for (const [id, signature] of ids) {
      const o = owners.get(id) ?? { signature, causes: [] };
      o.causes.push(cause);
      owners.set(id, o);
    }
  }
  const producing = [...byCause.values()].filter((s) => s.size > 0).length;
  const merged = [...owners].filter(([, o]) => o.causes.length > 1).map(([identity, o]) => ({ identity, signature: o.signature, causes: o.causes }));
  return { causes: byCause.size, identities: owners.size, merged, split: owners.size - producing };
}

/** Identities of a two-cause combination found under neither cause alone. */
export function unattributed(combo: IdentitySet, a: IdentitySet, b: IdentitySet): string[] {
  return [...combo.keys()].filter((id) => !a.has(id) && !b.has(id));
}
