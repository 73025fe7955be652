/** The quirk matrix: every catalogued quirk x engine, linked to the case that exercised it. */
import type { QuirkCell } from '../viewModel.ts';
import type { App } from './app.ts';
import { caseAnchor, el } from './dom.ts';

export const QUIRK_STATE_LABEL: Record<string, string> = {
  reproduced: 'reproduced',
  diverges: 'diverges',
  waived: 'waived',
  failed: 'failed',
  'not-exercised': 'not exercised',
};

export function quirkCell(cell: QuirkCell): HTMLElement {
  const td = el('td', { class: 'qcell' }, el('span', { class: `qstate q-${cell.state}` }, QUIRK_STATE_LABEL[cell.state] ?? cell.state));
  if (cell.waiver) {
    const w = cell.waiver;
    td.appendChild(el('div', { class: `small${w.expired ? ' expired' : ''}` }, `${w.reason} — ${w.owner}, until ${w.expires}${w.expired ? ' (EXPIRED)' : ''}`));
  } else if (cell.note) td.appendChild(el('div', { class: 'small muted' }, cell.note));
  return td;
}

export function renderQuirks(app: App, openCase: (index: number) => void): HTMLElement {
  const m = app.model;
  const head = el('tr', null, el('th', null, 'quirk'), ...m.engines.map((e) => el('th', null, `${e.role} · ${e.name}`)), el('th', null, 'scenario'));
  const body = el('tbody');
  for (const q of m.quirks) {
    const name = q.case !== undefined
      ? el('a', { href: `#${caseAnchor(m.cases[q.case].id)}`, class: 'mono', 'data-test': 'quirk-link' }, q.id)
      : el('span', { class: 'mono' }, q.id);
    if (q.case !== undefined) {
      const index = q.case;
      name.addEventListener('click', (e) => {
        e.preventDefault();
        openCase(index);
      });
    }
    const about = el('td', { class: 'quirk-name' }, name, q.flagOff ? el('span', { class: 'flag-off' }, 'flag off') : null,
      el('div', { class: 'small' }, q.title),
      q.tags.length > 0 ? el('div', { class: 'tags' }, ...q.tags.map((t) => el('span', { class: 'tag' }, t))) : null);
    if (q.legacy || q.correct) about.title = `legacy: ${q.legacy ?? ''}\ncorrect: ${q.correct ?? ''}`;
    body.appendChild(el('tr', { 'data-quirk': q.id }, about, ...q.cells.map(quirkCell), el('td', { class: 'mono small' }, q.file ?? '—')));
  }
  const counts = new Map<string, number>();
  for (const q of m.quirks) {
    const s = q.cells[q.cells.length - 1]?.state ?? 'not-exercised';
    counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const summary = [...counts.entries()].map(([s, n]) => `${n} ${QUIRK_STATE_LABEL[s] ?? s}`).join(' · ');
  return el('section', { class: 'section', id: 'quirks', 'data-test': 'quirks' },
    el('h2', null, `Quirk matrix `, el('span', { class: 'h-note' }, `${m.quirks.length} catalogued · candidate: ${summary}`)),
    el('div', { class: 'scroll tall' }, el('table', { class: 'grid quirks' }, el('thead', null, head), body)));
}
