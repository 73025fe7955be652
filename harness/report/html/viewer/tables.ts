/** The layout-tree diff and the event diff as compact tables. */
import type { BoxView, EventRow, LayoutRow } from '../viewModel.ts';
import { el } from './dom.ts';

export const LAYOUT_FIELDS = ['x', 'y', 'width', 'height'] as const;

export function boxCell(b: BoxView | null, field: string, differs: readonly string[]): HTMLElement {
  const hit = differs.includes(`box.${field}`) || differs.includes('node');
  const value = b === null ? '—' : String((b as unknown as Record<string, unknown>)[field]);
  return el('td', { class: hit ? 'num diff' : 'num' }, value);
}

export function linesCell(b: BoxView | null, differs: readonly string[]): HTMLElement {
  const hit = differs.some((f) => f.startsWith('text.lines'));
  return el('td', { class: hit ? 'lines diff' : 'lines' }, b?.lines ? b.lines.map((l) => JSON.stringify(l)).join(' ⏎ ') : '');
}

export function layoutTable(rows: readonly LayoutRow[], omitted: number): HTMLElement {
  const head = el('tr', null, el('th', null, 'node'), ...LAYOUT_FIELDS.map((f) => el('th', { class: 'num' }, `ref ${f}`)), ...LAYOUT_FIELDS.map((f) => el('th', { class: 'num' }, `cand ${f}`)), el('th', null, 'ref lines'), el('th', null, 'cand lines'), el('th', null, 'differs'));
  const body = el('tbody');
  for (const r of rows) {
    const node = el('td', { class: 'node mono' }, `${'  '.repeat(Math.min(r.depth, 12))}#${r.id}${r.occurrence ? `@${r.occurrence}` : ''}`);
    body.appendChild(el('tr', { class: r.differs.length > 0 ? 'differs' : undefined, 'data-node': r.id },
      node,
      ...LAYOUT_FIELDS.map((f) => boxCell(r.reference, f, r.differs)),
      ...LAYOUT_FIELDS.map((f) => boxCell(r.candidate, f, r.differs)),
      linesCell(r.reference, r.differs), linesCell(r.candidate, r.differs),
      el('td', { class: 'mono small' }, r.differs.join(', '))));
  }
  const section = el('section', { class: 'panel', 'data-test': 'layout-diff' },
    el('h4', null, 'Layout tree'),
    el('div', { class: 'scroll' }, el('table', { class: 'grid layout' }, el('thead', null, head), body)));
  if (omitted > 0) section.appendChild(el('p', { class: 'muted' }, `${omitted} identical node(s) left out.`));
  return section;
}

export function eventsTable(rows: readonly EventRow[]): HTMLElement {
  return el('div', { class: 'scroll' }, el('table', { class: 'grid events', 'data-test': 'event-diff' },
    el('thead', null, el('tr', null, el('th', null, 'edit'), el('th', { class: 'num' }, 'ref #'), el('th', null, 'reference'), el('th', { class: 'num' }, 'cand #'), el('th', null, 'candidate'))),
    el('tbody', null, ...rows.map((r) => el('tr', { class: `op-${r.op}` },
      el('td', null, r.op === 'delete' ? 'missing in candidate' : r.op === 'insert' ? 'only in candidate' : 'changed'),
      el('td', { class: 'num' }, r.op === 'insert' ? '' : r.index), el('td', { class: 'mono' }, r.reference),
      el('td', { class: 'num' }, r.op === 'delete' ? '' : r.candidateIndex), el('td', { class: 'mono' }, r.candidate))))));
}
