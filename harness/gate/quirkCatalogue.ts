/** The quirk catalogue as the gate sees it: id, tags and the scenario proving it. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findScenarios } from '../protocol/findScenarios.ts';
import { loadScenarioSync } from '../protocol/scenario.ts';
import type { QuirkRequirement } from '../config/waves.ts';
import type { CaseResult, QuirkParity } from '../results/types.ts';

export interface CatalogueEntry {
  readonly id: string;
  readonly tags: readonly string[];
  readonly file: string;
}

export function loadCatalogue(baseDir: string): CatalogueEntry[] {
  const dir = join(baseDir, 'scenarios/quirks');
  if (!existsSync(dir)) return [];
  return findScenarios([dir]).map((f) => {
    const s = loadScenarioSync(f);
    return { id: s.id, tags: s.quirk?.tags ?? [], file: relative(baseDir, f) };
  });
}

export function isRequired(entry: CatalogueEntry, req: QuirkRequirement): boolean {
  if ('all' in req) return true;
  if ('tags' in req) return entry.tags.some((t) => req.tags.includes(t));
  return (req.ids as readonly string[]).includes(entry.id);
}

/** Every catalogued quirk: reproduced (its scenario passed), diverges, waived, or not exercised. */
export function quirkParity(catalogue: readonly CatalogueEntry[], cases: readonly CaseResult[], req: QuirkRequirement): QuirkParity[] {
  const byId = new Map(cases.map((c) => [c.id, c]));
  return catalogue.map((q) => {
    const c = byId.get(q.id);
    const status = c === undefined ? 'not-exercised'
      : c.classification === 'waived' ? 'waived'
        : c.status === 'pass' ? 'reproduced' : 'diverges';
    return { quirk: q.id, required: isRequired(q, req), tags: q.tags, status, scenario: q.file };
  });
}
