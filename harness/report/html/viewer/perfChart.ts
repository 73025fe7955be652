/** Engine performance: both engines' frame-time distributions as one inline SVG histogram, and the ratio. */
import type { Distribution } from '../viewModel.ts';
import type { App } from './app.ts';
import { el, fmtMs, svgEl } from './dom.ts';

export function tickLabel(ms: number): string {
  return ms >= 1 ? `${Number(ms.toPrecision(2))}` : `${Number(ms.toPrecision(1))}`;
}

export function perfSvg(bins: readonly number[], series: readonly { name: string; cls: string; d: Distribution }[]): SVGElement {
  const W = 720;
  const H = 220;
  const L = 44;
  const R = 12;
  const T = 14;
  const B = 34;
  const n = bins.length - 1;
  const maxCount = Math.max(1, ...series.flatMap((s) => s.d.histogram));
  const bw = (W - L - R) / n;
  const lo = Math.log10(bins[0]);
  const hi = Math.log10(bins[n]);
  const xOf = (ms: number) => L + ((Math.log10(Math.max(ms, bins[0])) - lo) / (hi - lo || 1)) * (W - L - R);
  const yOf = (c: number) => T + (H - T - B) * (1 - c / maxCount);
  const svg = svgEl('svg', { viewBox: `0 0 ${W} ${H}`, class: 'perf-chart', role: 'img', 'data-test': 'perf-chart' });
  svg.appendChild(svgEl('title', {}, 'Frame time distribution per engine'));
  const tickStep = Math.max(1, Math.ceil(maxCount / 4));
  for (let c = 0; c <= maxCount; c += tickStep) {
    svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: yOf(c), y2: yOf(c), class: 'gridline' }));
    svg.appendChild(svgEl('text', { x: L - 6, y: yOf(c) + 4, class: 'axis', 'text-anchor': 'end' }, String(Math.round(c))));
  }
  series.forEach((s, si) => {
    s.d.histogram.forEach((count, i) => {
      if (count === 0) return;
      const x = L + i * bw + (si * bw) / series.length;
      svg.appendChild(svgEl('rect', { x: x + 0.5, y: yOf(count), width: Math.max(1, bw / series.length - 1), height: H - B - yOf(count), class: `bar ${s.cls}` },
        svgEl('title', {}, `${s.name}: ${count} case(s) in ${fmtMs(bins[i])} – ${fmtMs(bins[i + 1])}`)));
    });
    const mx = xOf(s.d.p50);
    svg.appendChild(svgEl('line', { x1: mx, x2: mx, y1: T, y2: H - B, class: `median ${s.cls}` }));
    svg.appendChild(svgEl('text', { x: mx + 3, y: T + 10 + si * 12, class: `axis ${s.cls}-text` }, `${s.name} p50 ${fmtMs(s.d.p50)}`));
  });
  for (let i = 0; i <= n; i += Math.max(1, Math.round(n / 6))) {
    const x = L + i * bw;
    svg.appendChild(svgEl('line', { x1: x, x2: x, y1: H - B, y2: H - B + 4, class: 'tick' }));
    svg.appendChild(svgEl('text', { x, y: H - B + 16, class: 'axis', 'text-anchor': 'middle' }, tickLabel(bins[i])));
  }
  svg.appendChild(svgEl('text', { x: (L + W - R) / 2, y: H - 4, class: 'axis', 'text-anchor': 'middle' }, 'ms per checkpoint (log scale)'));
  svg.appendChild(svgEl('line', { x1: L, x2: W - R, y1: H - B, y2: H - B, class: 'baseline' }));
  return svg;
}

export function renderPerformance(app: App): HTMLElement | null {
  const p = app.model.performance;
  if (!p) return null;
  const [ref, cand] = app.model.engines;
  const series = [
    { name: ref?.name ?? 'reference', cls: 'sref', d: p.reference },
    { name: cand?.name ?? 'candidate', cls: 'scand', d: p.candidate },
  ];
  const row = (s: (typeof series)[number]) => el('tr', null,
    el('td', null, el('span', { class: `swatch ${s.cls}` }), ` ${s.name}`), el('td', { class: 'num' }, s.d.samples),
    ...[s.d.mean, s.d.p50, s.d.p90, s.d.p99, s.d.max].map((v) => el('td', { class: 'num' }, fmtMs(v))));
  const ratio = (r: number) => (r === 0 ? 'n/a' : `${r.toFixed(2)}×`);
  const verdict = p.ratioP50 === 0 ? '' : p.ratioP50 < 1 ? `candidate ${(1 / p.ratioP50).toFixed(1)}× faster at the median` : `candidate ${p.ratioP50.toFixed(1)}× slower at the median`;
  return el('section', { class: 'section', id: 'performance', 'data-test': 'performance' },
    el('h2', null, 'Engine performance ', el('span', { class: 'h-note' }, p.unit)),
    el('p', { class: 'ratio', 'data-test': 'ratio' }, `candidate / reference: p50 ${ratio(p.ratioP50)} · p90 ${ratio(p.ratioP90)}`, verdict ? ` — ${verdict}` : ''),
    el('div', { class: 'perf' }, perfSvg(p.bins, series),
      el('table', { class: 'grid perf-table' },
        el('thead', null, el('tr', null, ...['engine', 'cases', 'mean', 'p50', 'p90', 'p99', 'max'].map((h, i) => el('th', { class: i > 0 ? 'num' : undefined }, h)))),
        el('tbody', null, ...series.map(row)))));
}
