/** A case's detail panel: what differs first, the frames, the layout and event diffs, the reproducer. */
import type { CaseDetail, CauseView, CaseView, DivergenceView } from '../viewModel.ts';
import type { App } from './app.ts';
import { badge, copyButton, el, plural } from './dom.ts';
import { buildFramePanel } from './frames.ts';
import { eventsTable, layoutTable } from './tables.ts';

export function buildCaseDetail(app: App, index: number): HTMLElement {
  const c = app.model.cases[index];
  const d = c.detail;
  const box = el('div', { class: 'detail', 'data-test': 'detail' });
  box.appendChild(caseFacts(c, d));
  if (!d) return box;
  if (d.error) box.appendChild(el('section', { class: 'panel' }, el('h4', null, 'Input error'), el('pre', { class: 'error-text' }, d.error)));
  if (d.cause) box.appendChild(causePanel(d.cause));
  if (d.evidence) box.appendChild(buildFramePanel(app, d.evidence, d.layoutRows ?? []));
  if (d.layoutRows && d.layoutRows.some((r) => r.differs.length > 0)) box.appendChild(layoutTable(d.layoutRows, d.layoutRowsOmitted ?? 0));
  box.appendChild(divergenceList(d.divergences));
  if (d.replay || d.reproducer) box.appendChild(reproducerPanel(d));
  return box;
}

/** The shown divergence as `parity replay --divergence` names it: identity, cause, symptom. */
export function causePanel(c: CauseView): HTMLElement {
  return el('section', { class: 'panel cause', 'data-test': 'cause' },
    el('h4', null, 'Cause and symptom'),
    el('dl', { class: 'facts' },
      el('dt', null, 'identity'), el('dd', { class: 'mono', 'data-test': 'identity' }, `${c.fingerprint} `, el('span', { class: 'muted' }, c.signature)),
      el('dt', null, 'cause'), el('dd', { 'data-test': 'cause-step' }, el('code', null, c.cause)),
      el('dt', null, 'symptom'), el('dd', { 'data-test': 'symptom' }, c.symptom)));
}

export function caseFacts(c: CaseView, d: CaseDetail | undefined): HTMLElement {
  const facts = el('dl', { class: 'facts' },
    el('dt', null, 'source'), el('dd', { class: 'mono' }, c.source),
    el('dt', null, 'status'), el('dd', null, `${c.status} · ${plural(c.steps, 'step')} · ${plural(c.checkpoints, 'checkpoint')}`));
  if (c.quirk) facts.append(el('dt', null, 'quirk'), el('dd', { class: 'mono' }, c.quirk));
  if (c.waiver) {
    facts.append(el('dt', null, 'waiver'), el('dd', { class: c.waiver.expired ? 'expired' : undefined },
      `${c.waiver.reason} — owner ${c.waiver.owner}, expires ${c.waiver.expires}${c.waiver.expired ? ' (EXPIRED)' : ''}`));
  }
  if (d?.trend) facts.append(el('dt', null, 'trend'), el('dd', null, badge(`t-${d.trend}`, d.trend.replace('-', ' '))));
  return el('div', { class: 'case-facts' }, el('h3', null, c.title), facts);
}

export function divergenceList(list: readonly DivergenceView[]): HTMLElement {
  const section = el('section', { class: 'panel', 'data-test': 'divergences' }, el('h4', null, `Divergences (${list.length})`));
  for (const d of list) {
    const item = el('div', { class: 'divergence' },
      el('div', { class: 'div-head' }, el('span', { class: `kind k-${d.kind}` }, d.kind), el('span', null, d.summary)));
    if (d.events && d.events.length > 0) item.appendChild(eventsTable(d.events));
    if (d.details.length > 0) {
      const more = el('details', null, el('summary', null, plural(d.details.length, 'detail line')), el('pre', null, d.details.join('\n')));
      item.appendChild(more);
    }
    section.appendChild(item);
  }
  return section;
}

export function reproducerPanel(d: CaseDetail): HTMLElement {
  const section = el('section', { class: 'panel reproducer', 'data-test': 'reproducer' }, el('h4', null, 'Reproduce'));
  if (d.replay) {
    section.appendChild(el('div', { class: 'replay' }, el('code', { 'data-test': 'replay-command' }, d.replay), copyButton(d.replay, 'Copy command', 'copy-replay')));
  }
  const r = d.reproducer;
  if (r) {
    const lines = r.yaml.replace(/\n$/, '').split('\n');
    const pre = el('pre', { class: 'yaml', 'data-test': 'yaml' });
    lines.forEach((line, i) => {
      pre.appendChild(el('span', { class: i + 1 === r.line ? 'ln hit' : 'ln', 'data-line': i + 1 }, line === '' ? ' ' : line));
    });
    section.appendChild(el('div', { class: 'yaml-head' },
      el('span', { class: 'mono' }, r.file), r.truncated ? el('span', { class: 'muted' }, ' (cut)') : null,
      r.line ? el('span', { class: 'muted' }, ` · causing command on line ${r.line}`) : null,
      copyButton(r.yaml, 'Copy YAML', 'copy-yaml')));
    section.appendChild(pre);
  }
  return section;
}
