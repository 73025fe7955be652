/** The trend against a previous run: new, fixed, still failing, changed, removed. */
import type { App } from './app.ts';
import { badge, caseAnchor, el } from './dom.ts';

export function renderTrend(app: App, openCase: (index: number) => void): HTMLElement | null {
  const t = app.model.trend;
  if (!t) return null;
  const order = ['new', 'changed', 'fixed', 'removed', 'still-failing'] as const;
  const counts = el('div', { class: 'trend-counts' }, ...order.map((k) => el('span', { class: `tcount t-${k}` }, el('strong', null, t.counts[k]), ` ${k.replace('-', ' ')}`)));
  const body = el('tbody');
  for (const r of t.rows.slice(0, 1000)) {
    const id = r.case !== undefined ? el('a', { href: `#${caseAnchor(r.id)}`, class: 'mono' }, r.id) : el('span', { class: 'mono' }, r.id);
    if (r.case !== undefined) {
      const index = r.case;
      id.addEventListener('click', (e) => {
        e.preventDefault();
        openCase(index);
      });
    }
    body.appendChild(el('tr', null, el('td', null, badge(`t-${r.state}`, r.state.replace('-', ' '))), el('td', null, id), el('td', { class: 'mono small' }, r.before), el('td', { class: 'mono small' }, r.now)));
  }
  return el('section', { class: 'section', id: 'trend', 'data-test': 'trend' },
    el('h2', null, 'Trend ', el('span', { class: 'h-note' }, `against run ${t.previousRun} (${t.previousStartedAt.slice(0, 16).replace('T', ' ')})`)),
    counts,
    t.rows.length > 0
      ? el('div', { class: 'scroll' }, el('table', { class: 'grid trend' }, el('thead', null, el('tr', null, el('th', null, 'state'), el('th', null, 'case'), el('th', null, 'before'), el('th', null, 'now'))), body))
      : el('p', { class: 'muted' }, 'No change in failing cases.'));
}
