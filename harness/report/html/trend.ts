/**
 * The trend against a previous run, by case id: new (failing now, passing or absent
 * before), fixed (failing before, passing now), still failing (same fingerprints),
 * changed (failing both times, different fingerprints), removed (failing before, not run now).
 * Failing means what the verdict counts against the run (../../results/verdict.ts): a new
 * divergence, crash, timeout or input error; known quirks and waived cases are not failing.
 */
import type { CaseResult, RunResults } from '../../results/types.ts';
import { isFailing } from '../../results/verdict.ts';
import type { TrendState, TrendView } from './viewModel.ts';

const failing = (c: CaseResult | undefined) => c !== undefined && isFailing(c);
const fingerprints = (c: CaseResult) => [...new Set(c.divergences.map((d) => d.fingerprint))].sort().join(',');
const label = (c: CaseResult | undefined) => (c === undefined ? 'not run' : c.status === 'divergence' ? `divergence ${fingerprints(c)}` : c.status);

export function trendOf(current: RunResults, previous: RunResults): TrendView {
  const before = new Map(previous.cases.map((c) => [c.id, c]));
  const counts = { new: 0, fixed: 0, 'still-failing': 0, changed: 0, removed: 0 };
  const rows: TrendView['rows'][number][] = [];
  current.cases.forEach((now, index) => {
    const old = before.get(now.id);
    before.delete(now.id);
    let state: TrendState | undefined;
    if (failing(now) && !failing(old)) state = 'new';
    else if (!failing(now) && failing(old)) state = 'fixed';
    else if (failing(now) && failing(old)) state = old!.status === now.status && fingerprints(old!) === fingerprints(now) ? 'still-failing' : 'changed';
    if (!state) return;
    counts[state]++;
    rows.push({ id: now.id, state, before: label(old), now: label(now), case: index });
  });
  for (const old of before.values()) {
    if (!failing(old)) continue;
    counts.removed++;
    rows.push({ id: old.id, state: 'removed', before: label(old), now: 'not run' });
  }
  const order = ['new', 'changed', 'fixed', 'removed', 'still-failing'];
  rows.sort((a, b) => order.indexOf(a.state) - order.indexOf(b.state) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { previousRun: previous.run.id, previousStartedAt: previous.run.startedAt, counts, rows };
}

/** The trend state of one case, for its detail panel. */
export function trendStateOf(view: TrendView | undefined, id: string): TrendState | undefined {
  const row = view?.rows.find((r) => r.id === id);
  return row && row.state !== 'removed' ? row.state : undefined;
}
