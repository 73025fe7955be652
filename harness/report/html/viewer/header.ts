/** The verdict header: go/no-go, counts by class, run identity, engines, timing. */
import type { App } from './app.ts';
import { el, fmtMs } from './dom.ts';

export function renderHeader(app: App): HTMLElement {
  const m = app.model;
  const v = m.verdict;
  const meta: [string, string][] = [];
  if (m.wave) meta.push(['wave', m.wave]);
  meta.push(['run', m.run.id]);
  meta.push(['started', m.run.startedAt.replace('T', ' ').replace(/\.\d+Z$/, 'Z')]);
  meta.push(['duration', m.run.durationMs !== undefined ? fmtMs(m.run.durationMs) : 'unfinished']);
  meta.push(['seed', m.run.seed ?? '— (no generated cases)']);
  meta.push(['budget', m.run.budget ?? '— (not set by a gate)']);
  if (m.run.determinism) {
    const d = m.run.determinism;
    meta.push(['determinism', d.nondeterministic.length === 0 ? `reference reproduced itself on ${d.sampled} sampled case(s)` : `NOT deterministic: ${d.nondeterministic.join(', ')}`]);
  }
  meta.push(['command', m.run.command]);

  const engines = el('table', { class: 'engines' },
    el('thead', null, el('tr', null, el('th', null, 'engine'), el('th', null, 'name'), el('th', null, 'version'), el('th', null, 'build'))),
    el('tbody', null, ...m.engines.map((e) => el('tr', null, el('td', null, e.role), el('td', { class: 'mono' }, e.name), el('td', { class: 'mono' }, e.version), el('td', { class: 'mono' }, e.build)))));

  const counts = el('div', { class: 'counts' }, ...m.counts.map((c) => {
    const b = el('button', { type: 'button', class: `count c-${c.class}`, 'data-class': c.class, title: `show only ${c.label}`, 'data-test': `count-${c.class}` },
      el('span', { class: 'n' }, c.count), el('span', { class: 'l' }, c.label));
    b.addEventListener('click', () => {
      app.filters.classes = new Set([c.class]);
      app.refresh();
    });
    return b;
  }));

  return el('header', { class: `verdict ${v.go ? 'go' : 'nogo'}`, 'data-test': 'verdict' },
    el('div', { class: 'verdict-line' },
      el('span', { class: 'verdict-label', 'data-test': 'verdict-label' }, v.label),
      el('div', { class: 'verdict-text' },
        el('h1', null, m.wave ? `Rollout wave ${m.wave}` : 'parity rollout review'),
        el('ul', { class: 'reasons' }, ...v.reasons.map((r) => el('li', null, r))))),
    counts,
    el('div', { class: 'meta-grid' },
      el('dl', { class: 'meta' }, ...meta.flatMap(([k, val]) => [el('dt', null, k), el('dd', { class: k === 'command' || k === 'run' ? 'mono' : undefined }, val)])),
      engines));
}
