/** The viewer's entry point: reads the embedded ReportModel and renders the page. */
import type { ReportModel } from '../viewModel.ts';
import { createApp } from './app.ts';
import { el } from './dom.ts';
import { syncToolbar, renderToolbar } from './filters.ts';
import { applyFilters, AUTO_EXPAND, renderGroups, selectCase, setCaseOpen, setGroupExpanded } from './groups.ts';
import { renderHeader } from './header.ts';
import { installKeyboard } from './keyboard.ts';
import { renderPerformance } from './perfChart.ts';
import { renderQuirks } from './quirks.ts';
import { renderTrend } from './trendView.ts';

export function startViewer(): void {
  const t0 = performance.now();
  const data = document.getElementById('parity-data');
  const root = document.getElementById('app');
  if (!data || !root) return;
  const model = JSON.parse(data.textContent ?? '{}') as ReportModel;
  const app = createApp(model);
  if (model.cases.every((c) => c.class === 'pass')) app.filters.classes.add('pass');

  const bar = renderToolbar(app);
  const groups = el('div', { class: 'groups', 'data-test': 'groups' });
  const empty = el('p', { class: 'muted empty', 'data-test': 'empty' }, 'No case matches the filters.');
  const expandAll = el('button', { type: 'button', class: 'link' }, 'expand all');
  const collapseAll = el('button', { type: 'button', class: 'link' }, 'collapse all');
  expandAll.addEventListener('click', () => app.groups.forEach((g) => !g.section.hidden && setGroupExpanded(app, g, true)));
  collapseAll.addEventListener('click', () => app.groups.forEach((g) => setGroupExpanded(app, g, false)));
  const nonPass = model.cases.filter((c) => c.class !== 'pass').length;
  const cases = el('section', { class: 'section', id: 'cases' },
    el('h2', null, 'Divergences by fingerprint ', el('span', { class: 'h-note' }, `${model.groups.filter((g) => g.key !== 'pass').length} group(s), ${nonPass} case(s) not passing · largest group first`), expandAll, collapseAll),
    groups, empty);
  renderGroups(app, groups);

  const openCase = (index: number) => {
    const c = model.cases[index];
    if (!app.filters.classes.has(c.class) || app.filters.quirk || app.filters.text) {
      app.filters.classes.add(c.class);
      app.filters.quirk = '';
      app.filters.text = '';
      const q = bar.querySelector<HTMLSelectElement>('[data-test=filter-quirk]');
      const t = bar.querySelector<HTMLInputElement>('[data-test=filter-text]');
      if (q) q.value = '';
      if (t) t.value = '';
      app.refresh();
    }
    selectCase(app, index, true);
    setCaseOpen(app, index, true);
    app.rows.get(index)?.scrollIntoView({ block: 'start' });
  };

  // few cases shown (a small run, or a narrow filter): show them all at once
  app.refresh = () => {
    const n = applyFilters(app);
    syncToolbar(app, bar, n);
    empty.hidden = n > 0;
    if (n <= AUTO_EXPAND) app.groups.forEach((g) => !g.section.hidden && !g.expanded && setGroupExpanded(app, g, true));
  };
  app.refresh();

  const nav = el('div', { class: 'jump' }, ...[['#cases', 'Divergences'], ['#quirks', 'Quirk matrix'], model.trend ? ['#trend', 'Trend'] : null, model.performance ? ['#performance', 'Performance'] : null]
    .filter((x): x is string[] => x !== null)
    .map(([href, label]) => el('a', { href }, label)));
  root.append(renderHeader(app), bar, nav, cases, renderQuirks(app, openCase));
  const trend = renderTrend(app, openCase);
  if (trend) root.appendChild(trend);
  const perf = renderPerformance(app);
  if (perf) root.appendChild(perf);
  root.appendChild(el('footer', null,
    el('p', null, `${model.format} · generated ${model.generatedAt} · ${model.cases.length} cases`),
    el('p', null, model.imageNote),
    el('p', null, 'Keyboard: j/k or ↓/↑ next/previous case · Enter open/close · Esc close · / search · b blink · s slider')));
  installKeyboard(app, bar.querySelector<HTMLInputElement>('[data-test=filter-text]'));

  const fromHash = () => {
    const h = decodeURIComponent(location.hash.replace(/^#case-/, ''));
    if (!location.hash.startsWith('#case-')) return;
    const index = model.cases.findIndex((c) => c.id === h);
    if (index >= 0) openCase(index);
  };
  window.addEventListener('hashchange', fromHash);
  fromHash();
  document.body.dataset.renderMs = String(Math.round(performance.now() - t0));
  // since navigation start: parse + data + render, what a reviewer waits for
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = 'yes';
}
