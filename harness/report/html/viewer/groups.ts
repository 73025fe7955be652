/**
 * Divergences grouped by fingerprint, largest group first. Groups render collapsed
 * (header only); a group's rows are built when it is expanded, a page at a time, and a
 * case's detail only when it is opened, so a 2,000-case report opens quickly.
 */
import type { App, GroupUi } from './app.ts';
import { buildCaseDetail } from './caseDetail.ts';
import { badge, caseAnchor, clearNode, el, fmtMs } from './dom.ts';
import { caseMatches } from './filters.ts';

export const ROWS_PER_PAGE = 200;
/** Expand every group at start when at most this many cases are visible. */
export const AUTO_EXPAND = 30;

export function renderGroups(app: App, container: HTMLElement): void {
  app.model.groups.forEach((g, gi) => {
    for (const i of g.cases) app.groupOf.set(i, gi);
    const count = el('span', { class: 'group-count' });
    const header = el('button', { type: 'button', class: 'group-head', 'aria-expanded': 'false', 'data-test': 'group-head' },
      el('span', { class: 'chev' }, '▸'),
      badge(g.class, g.class.replace('-', ' ')),
      el('span', { class: 'sig mono' }, g.signature),
      g.key !== 'pass' && g.key !== 'error' ? el('span', { class: 'fp mono' }, g.key) : null,
      count,
      el('span', { class: 'example' }, g.example));
    const list = el('div', { class: 'group-list' });
    const section = el('section', { class: 'group', 'data-key': g.key, 'data-test': 'group' }, header, list);
    const ui: GroupUi = { index: gi, section, header, list, count, expanded: false, visible: [], shown: 0 };
    header.addEventListener('click', () => setGroupExpanded(app, ui, !ui.expanded));
    app.groups.push(ui);
    container.appendChild(section);
  });
}

export function setGroupExpanded(app: App, ui: GroupUi, expanded: boolean): void {
  ui.expanded = expanded;
  ui.header.setAttribute('aria-expanded', String(expanded));
  ui.section.classList.toggle('expanded', expanded);
  if (expanded) renderGroupRows(app, ui, Math.max(ui.shown, ROWS_PER_PAGE));
  else {
    clearNode(ui.list);
    for (const i of app.model.groups[ui.index].cases) app.rows.delete(i);
    ui.shown = 0;
  }
}

export function renderGroupRows(app: App, ui: GroupUi, upTo: number): void {
  clearNode(ui.list);
  for (const i of app.model.groups[ui.index].cases) app.rows.delete(i);
  ui.shown = Math.min(upTo, ui.visible.length);
  for (const i of ui.visible.slice(0, ui.shown)) ui.list.appendChild(caseRow(app, i));
  const rest = ui.visible.length - ui.shown;
  if (rest > 0) {
    const more = el('button', { type: 'button', class: 'more' }, `show ${Math.min(rest, ROWS_PER_PAGE)} more of ${rest}`);
    more.addEventListener('click', () => renderGroupRows(app, ui, ui.shown + ROWS_PER_PAGE));
    ui.list.appendChild(more);
  }
}

export function caseRow(app: App, index: number): HTMLElement {
  const c = app.model.cases[index];
  const head = el('div', { class: 'case-head' },
    badge(c.class, c.class.replace('-', ' ')),
    el('span', { class: 'case-id mono' }, c.id),
    el('span', { class: 'case-title' }, c.title),
    el('span', { class: 'case-summary' }, c.summary),
    el('span', { class: 'case-time' }, fmtMs(c.timeMs)));
  const row = el('div', { class: 'case', id: caseAnchor(c.id), 'data-index': index, 'data-class': c.class, 'data-test': 'case', tabindex: -1 }, head);
  head.addEventListener('click', () => {
    selectCase(app, index, false);
    setCaseOpen(app, index, app.open !== index);
  });
  if (app.selected === index) row.classList.add('selected');
  if (app.open === index) {
    app.stopBlink();
    app.open = -1;
    app.rows.set(index, row);
    setCaseOpen(app, index, true);
  }
  app.rows.set(index, row);
  return row;
}

/** Makes sure the case's row exists (expanding its group and paging), and returns it. */
export function ensureRow(app: App, index: number): HTMLElement | undefined {
  const gi = app.groupOf.get(index);
  if (gi === undefined) return undefined;
  const ui = app.groups[gi];
  const at = ui.visible.indexOf(index);
  if (at < 0) return undefined;
  if (!ui.expanded) setGroupExpanded(app, ui, true);
  if (at >= ui.shown) renderGroupRows(app, ui, (Math.floor(at / ROWS_PER_PAGE) + 1) * ROWS_PER_PAGE);
  return app.rows.get(index);
}

export function selectCase(app: App, index: number, scroll: boolean): void {
  app.rows.get(app.selected)?.classList.remove('selected');
  app.selected = index;
  const row = ensureRow(app, index);
  if (!row) return;
  row.classList.add('selected');
  if (scroll) {
    row.scrollIntoView({ block: 'start' });
    row.focus({ preventScroll: true });
  }
}

/** One case open at a time: opening one closes the other. */
export function setCaseOpen(app: App, index: number, open: boolean): void {
  if (app.open >= 0 && app.open !== index) {
    const prev = app.rows.get(app.open);
    prev?.classList.remove('open');
    prev?.querySelector('.detail')?.remove();
    app.stopBlink();
    app.open = -1;
  }
  const row = app.rows.get(index);
  if (!row) return;
  if (open && app.open !== index) {
    row.classList.add('open');
    row.appendChild(buildCaseDetail(app, index));
    app.open = index;
  } else if (!open && app.open === index) {
    row.classList.remove('open');
    row.querySelector('.detail')?.remove();
    app.stopBlink();
    app.open = -1;
  }
}

/** Recomputes what the filters show; returns the number of visible cases. */
export function applyFilters(app: App): number {
  let total = 0;
  for (const ui of app.groups) {
    const g = app.model.groups[ui.index];
    ui.visible = g.cases.filter((i) => caseMatches(app, app.model.cases[i], g.signature));
    total += ui.visible.length;
    ui.count.textContent = ui.visible.length === g.cases.length ? `${g.cases.length} case${g.cases.length === 1 ? '' : 's'}` : `${ui.visible.length} of ${g.cases.length} cases`;
    ui.section.hidden = ui.visible.length === 0;
    if (ui.expanded) renderGroupRows(app, ui, Math.max(ROWS_PER_PAGE, ui.shown));
  }
  if (app.open >= 0 && !app.rows.has(app.open)) app.open = -1;
  return total;
}

/** Visible cases in display order (for keyboard navigation). */
export function visibleOrder(app: App): number[] {
  return app.groups.filter((ui) => !ui.section.hidden).flatMap((ui) => ui.visible);
}
