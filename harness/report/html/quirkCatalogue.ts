/**
 * The quirk catalogue as the report shows it: one entry per scenarios/quirks/*.yaml
 * (quirk id = scenario id), plus every compat flag the engines know that has no
 * scenario yet, so a gap in the catalogue is visible rather than silent.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { QUIRK_IDS } from '../../../engines/shared/quirks.ts';
import { findScenarios } from '../../protocol/findScenarios.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import type { QuirkEntryView } from './viewModel.ts';

export interface QuirkInfo extends QuirkEntryView {
  /** Why the entry could not be read, if it could not. */
  readonly problem?: string;
}

export function loadQuirkCatalogue(dir: string, cwd = process.cwd()): QuirkInfo[] {
  const entries: QuirkInfo[] = [];
  const files = existsSync(dir) ? findScenarios([dir]) : [];
  for (const file of files) {
    const rel = relative(cwd, file);
    try {
      const s = loadScenarioSync(file);
      entries.push({ id: s.id, title: s.title, file: rel, tags: s.quirk?.tags ?? [], legacy: s.quirk?.legacy, correct: s.quirk?.correct });
    } catch (error) {
      const id = rel.replace(/^.*\//, '').replace(/\.yaml$/, '');
      entries.push({ id, title: id, file: rel, tags: [], problem: (error as Error).message.split('\n')[0] });
    }
  }
  const known = new Set(entries.map((e) => e.id));
  for (const id of QUIRK_IDS) {
    if (!known.has(id)) entries.push({ id, title: id, tags: [], problem: 'compat flag without a catalogue scenario' });
  }
  return entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
