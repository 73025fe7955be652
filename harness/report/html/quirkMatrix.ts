/**
 * The quirk matrix: every catalogued quirk x engine of the run. The reference is the
 * legacy engine, whose behaviour defines the quirk: it "reproduces" it whenever the
 * scenario ran. The candidate reproduces it when the case passed, diverges when it
 * diverged, or is waived; a quirk whose scenario was not in the run is "not exercised".
 */
import type { CaseResult } from '../../results/types.ts';
import type { QuirkInfo } from './quirkCatalogue.ts';
import type { CaseView, QuirkCell, QuirkRow } from './viewModel.ts';

function referenceCell(c: CaseResult | undefined): QuirkCell {
  if (!c) return { state: 'not-exercised' };
  if (c.status === 'error') return { state: 'failed', note: 'scenario did not load' };
  const failure = c.divergences.find((d) => (d.kind === 'crash' || d.kind === 'timeout') && d.engine === 'reference');
  return failure ? { state: 'failed', note: `reference ${failure.kind}` } : { state: 'reproduced' };
}

function candidateCell(c: CaseResult | undefined, view: CaseView | undefined, flagOff: boolean): QuirkCell {
  if (!c || !view) return { state: 'not-exercised' };
  switch (view.class) {
    case 'pass':
      return flagOff ? { state: 'reproduced', note: 'compat flag off, yet no divergence: the scenario does not catch this quirk' } : { state: 'reproduced' };
    case 'waived':
      return { state: 'waived', ...(view.waiver ? { waiver: view.waiver } : {}) };
    case 'known-quirk':
    case 'known-regression':
    case 'new-divergence':
      return { state: 'diverges', note: flagOff ? 'compat flag off: divergence expected' : view.summary };
    default:
      return { state: 'failed', note: view.status };
  }
}

export function quirkMatrix(
  catalogue: readonly QuirkInfo[],
  cases: readonly CaseResult[],
  views: readonly CaseView[],
  quirksOff: ReadonlySet<string>,
): QuirkRow[] {
  const byQuirk = new Map<string, number>();
  views.forEach((v, i) => {
    if (v.quirk !== undefined && !byQuirk.has(v.quirk)) byQuirk.set(v.quirk, i);
  });
  return catalogue.map((q) => {
    const index = byQuirk.get(q.id);
    const c = index === undefined ? undefined : cases[index];
    const view = index === undefined ? undefined : views[index];
    const flagOff = quirksOff.has(q.id);
    return {
      id: q.id,
      title: q.problem && !q.file ? `${q.id} (${q.problem})` : q.title,
      ...(q.file ? { file: q.file } : {}),
      tags: q.tags,
      ...(q.legacy ? { legacy: q.legacy } : {}),
      ...(q.correct ? { correct: q.correct } : {}),
      ...(index !== undefined ? { case: index } : {}),
      cells: [referenceCell(c), candidateCell(c, view, flagOff)],
      flagOff,
    };
  });
}
