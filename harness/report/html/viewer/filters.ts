/** The toolbar: filter by class, quirk and text; counts of what is shown; help. */
import type { CaseView } from '../viewModel.ts';
import type { App } from './app.ts';
import { el } from './dom.ts';

export function caseMatches(app: App, c: CaseView, group: string): boolean {
  const f = app.filters;
  if (!f.classes.has(c.class)) return false;
  if (f.quirk !== '' && c.quirk !== f.quirk) return false;
  if (f.text === '') return true;
  const hay = `${c.id}\n${c.title}\n${c.summary}\n${c.source}\n${c.group}\n${group}`.toLowerCase();
  return f.text.toLowerCase().split(/\s+/).filter(Boolean).every((word) => hay.includes(word));
}

export function renderToolbar(app: App): HTMLElement {
  const m = app.model;
  const chips = m.counts.map((c) => {
    const box = el('input', { type: 'checkbox', 'data-class': c.class, 'data-test': `filter-${c.class}` });
    box.checked = app.filters.classes.has(c.class);
    box.addEventListener('change', () => {
      if (box.checked) app.filters.classes.add(c.class);
      else app.filters.classes.delete(c.class);
      app.refresh();
    });
    return el('label', { class: `chip c-${c.class}` }, box, ` ${c.label} `, el('span', { class: 'chip-n' }, c.count));
  });
  const quirks = [...new Set(m.cases.flatMap((c) => (c.quirk ? [c.quirk] : [])))].sort();
  const select = el('select', { 'data-test': 'filter-quirk', 'aria-label': 'quirk' },
    el('option', { value: '' }, 'all quirks'), ...quirks.map((q) => el('option', { value: q }, q)));
  select.addEventListener('change', () => {
    app.filters.quirk = select.value;
    app.refresh();
  });
  const search = el('input', { type: 'search', placeholder: 'filter: id, title, text…  ( / )', 'data-test': 'filter-text', 'aria-label': 'filter text' });
  let timer = 0;
  search.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      app.filters.text = search.value.trim();
      app.refresh();
    }, 120);
  });
  const shown = el('span', { class: 'shown', 'data-test': 'shown' });
  const help = el('span', { class: 'keys' }, 'j/k next/prev · Enter open · b blink · s slider · / search');
  const bar = el('nav', { class: 'toolbar', 'data-test': 'toolbar' },
    el('div', { class: 'chips' }, ...chips), select, search, shown, help);
  return bar;
}

/** Syncs the toolbar's controls with app.filters (after a count button changed them). */
export function syncToolbar(app: App, bar: HTMLElement, visible: number): void {
  for (const box of Array.from(bar.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) {
    box.checked = app.filters.classes.has(box.dataset.class as never);
  }
  const shown = bar.querySelector('[data-test=shown]');
  if (shown) shown.textContent = `${visible} of ${app.model.cases.length} cases shown`;
}
