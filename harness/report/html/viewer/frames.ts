/**
 * The frame panel of a case: reference | candidate | diff side by side, a slider and a
 * blink toggle between the two frames, zoom with a per-pixel RGBA readout, and the
 * layout boxes overlaid with the differing nodes highlighted. Large frames are embedded
 * downscaled; their full-resolution crops are the "detail" view.
 */
import type { EvidenceView, ImageRef, LayoutRow } from '../viewModel.ts';
import type { App } from './app.ts';
import { clearNode, el } from './dom.ts';

export type FrameMode = 'side' | 'slider' | 'blink';

export interface FrameView {
  readonly reference?: ImageRef;
  readonly candidate?: ImageRef;
  readonly diff?: ImageRef;
  /** Where the view's top-left pixel is in the frame, and its size in frame pixels. */
  readonly ox: number;
  readonly oy: number;
  readonly width: number;
  readonly height: number;
}

export interface FrameState {
  mode: FrameMode;
  zoom: number;
  view: 'full' | 'detail';
  boxes: boolean;
  /** Blink: which frame is showing. */
  showing: 'reference' | 'candidate';
  playing: boolean;
  slider: number;
}

export const ZOOMS = [0.25, 0.5, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

export function frameViewOf(ev: EvidenceView, view: 'full' | 'detail'): FrameView {
  const d = ev.detail;
  if (view === 'detail' && d) return { reference: d.reference, candidate: d.candidate, diff: d.diff, ox: d.x, oy: d.y, width: d.reference.width, height: d.reference.height };
  return { reference: ev.reference.frame, candidate: ev.candidate.frame, diff: ev.diff, ox: 0, oy: 0, width: ev.width, height: ev.height };
}

/** The largest zoom showing `width` frame pixels within `room` CSS pixels. */
export function fitZoom(width: number, room: number): number {
  const fitting = ZOOMS.filter((z) => width * z <= room);
  return fitting.length > 0 ? fitting[fitting.length - 1] : ZOOMS[0];
}

export function loadPixels(app: App, ref: ImageRef | undefined, then: () => void): ImageData | undefined {
  if (!ref) return undefined;
  const have = app.pixels.get(ref.image);
  if (have && have !== 'loading') return have;
  if (have === 'loading') return undefined;
  app.pixels.set(ref.image, 'loading');
  const img = new Image();
  img.onload = () => {
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.drawImage(img, 0, 0);
    app.pixels.set(ref.image, ctx.getImageData(0, 0, canvas.width, canvas.height));
    then();
  };
  img.src = app.model.images[ref.image];
  return undefined;
}

export function pixelAt(data: ImageData | undefined, ref: ImageRef | undefined, fx: number, fy: number): number[] | undefined {
  if (!data || !ref) return undefined;
  const x = Math.floor(fx * ref.scale);
  const y = Math.floor(fy * ref.scale);
  if (x < 0 || y < 0 || x >= data.width || y >= data.height) return undefined;
  const i = (y * data.width + x) * 4;
  return [data.data[i], data.data[i + 1], data.data[i + 2], data.data[i + 3]];
}

export function rgbaText(p: number[] | undefined): string {
  return p ? `rgba(${p.join(', ')})` : '—';
}

export function frameImage(app: App, ref: ImageRef | undefined, cls: string): HTMLElement | null {
  if (!ref) return null;
  return el('img', { class: `frame-img ${cls}`, src: app.model.images[ref.image], alt: cls, draggable: 'false' });
}

export function boxOverlay(rows: readonly LayoutRow[], side: 'reference' | 'candidate', fv: FrameView, zoom: number, onlyDiffering: boolean): HTMLElement {
  const layer = el('div', { class: 'overlay' });
  for (const r of rows) {
    const b = r[side];
    if (!b || b.depth === 0) continue;
    const hit = r.differs.length > 0;
    if (onlyDiffering && !hit) continue;
    const [x, y, w, h] = [b.x, b.y, b.width, b.height].map(Number);
    if (![x, y, w, h].every(Number.isFinite)) continue;
    const box = el('div', { class: hit ? 'lbox hl' : 'lbox', title: `#${b.id} x=${b.x} y=${b.y} w=${b.width} h=${b.height}${hit ? ` · differs: ${r.differs.join(', ')}` : ''}`, 'data-node': b.id });
    box.style.left = `${(x - fv.ox) * zoom}px`;
    box.style.top = `${(y - fv.oy) * zoom}px`;
    box.style.width = `${Math.max(0, w * zoom)}px`;
    box.style.height = `${Math.max(0, h * zoom)}px`;
    layer.appendChild(box);
  }
  return layer;
}

export function stage(fv: FrameView, zoom: number, testId: string, ...layers: (HTMLElement | null)[]): HTMLElement {
  const s = el('div', { class: 'stage', 'data-test': testId });
  s.style.width = `${fv.width * zoom}px`;
  s.style.height = `${fv.height * zoom}px`;
  for (const l of layers) if (l) s.appendChild(l);
  s.appendChild(el('div', { class: 'probe' }));
  return s;
}

export function buildFramePanel(app: App, ev: EvidenceView, rows: readonly LayoutRow[]): HTMLElement {
  const hasFrames = Boolean(ev.reference.frame || ev.candidate.frame);
  const state: FrameState = {
    mode: 'side',
    zoom: 1,
    view: ev.detail ? 'detail' : 'full',
    boxes: !hasFrames || ev.highlight.length > 0,
    showing: 'reference',
    playing: false,
    slider: 50,
  };
  const panel = el('section', { class: 'panel frames', 'data-test': 'frames' });
  const area = el('div', { class: 'frame-area' });
  const readout = el('div', { class: 'readout mono', 'data-test': 'readout' }, 'hover a frame for per-pixel RGBA');
  const names = app.model.engines;
  const refName = names[0]?.name ?? 'reference';
  const candName = names[1]?.name ?? 'candidate';
  let timer = 0;
  const stopBlink = () => {
    window.clearInterval(timer);
    timer = 0;
    state.playing = false;
  };
  app.stopBlink = stopBlink;

  const room = () => Math.max(160, Math.floor(((panel.parentElement?.clientWidth || document.documentElement.clientWidth || 1200) - 80) / (state.mode === 'side' ? 3 : 1.4)));
  const fitNow = () => {
    const fv = frameViewOf(ev, state.view);
    state.zoom = fitZoom(fv.width, Math.min(room(), state.mode === 'side' ? 420 : 900));
  };

  // controls
  const modeButtons = (['side', 'slider', 'blink'] as const).map((m) => {
    const b = el('button', { type: 'button', class: 'seg', 'data-mode': m, 'data-test': `mode-${m}` }, m === 'side' ? 'Side by side' : m === 'slider' ? 'Slider' : 'Blink');
    b.addEventListener('click', () => setMode(m));
    return b;
  });
  const zoomSelect = el('select', { 'data-test': 'zoom', 'aria-label': 'zoom' }, ...ZOOMS.map((z) => el('option', { value: z }, `${z}×`)));
  zoomSelect.addEventListener('change', () => {
    state.zoom = Number(zoomSelect.value);
    draw();
  });
  const boxesBox = el('input', { type: 'checkbox', 'data-test': 'boxes' });
  boxesBox.addEventListener('change', () => {
    state.boxes = boxesBox.checked;
    draw();
  });
  const viewSelect = ev.detail
    ? el('select', { 'data-test': 'view', 'aria-label': 'view' }, el('option', { value: 'detail' }, 'differing area, 1:1'), el('option', { value: 'full' }, 'full frame (downscaled)'))
    : null;
  viewSelect?.addEventListener('change', () => {
    state.view = viewSelect.value as 'full' | 'detail';
    fitNow();
    draw();
  });
  const controls = el('div', { class: 'frame-controls' },
    el('div', { class: 'segmented' }, ...modeButtons),
    el('label', null, 'zoom ', zoomSelect),
    el('label', null, boxesBox, ' layout boxes'),
    viewSelect ? el('label', null, 'view ', viewSelect) : null);

  function setMode(m: FrameMode): void {
    stopBlink();
    state.mode = m;
    if (m === 'blink') {
      state.playing = true;
      timer = window.setInterval(() => {
        state.showing = state.showing === 'reference' ? 'candidate' : 'reference';
        showBlink();
      }, 600);
    }
    fitNow();
    draw();
  }

  function showBlink(): void {
    const s = area.querySelector<HTMLElement>('[data-test=blink-stage]');
    if (!s) return;
    s.dataset.showing = state.showing;
    const cap = area.querySelector('[data-test=blink-caption]');
    if (cap) cap.textContent = state.showing === 'reference' ? `reference · ${refName}` : `candidate · ${candName}`;
    const play = area.querySelector('[data-test=blink-play]');
    if (play) play.textContent = state.playing ? 'Pause' : 'Play';
  }

  function figure(caption: string, body: HTMLElement, cls: string): HTMLElement {
    return el('figure', { class: `fig ${cls}` }, el('figcaption', null, caption), body);
  }

  function draw(): void {
    const fv = frameViewOf(ev, state.view);
    const z = state.zoom;
    zoomSelect.value = String(z);
    boxesBox.checked = state.boxes;
    for (const b of modeButtons) b.classList.toggle('active', b.dataset.mode === state.mode);
    panel.dataset.mode = state.mode;
    clearNode(area);
    const boxes = (side: 'reference' | 'candidate', only = false) => (state.boxes || only ? boxOverlay(rows, side, fv, z, only && !state.boxes) : null);
    if (state.mode === 'side' || !hasFrames) {
      area.appendChild(el('div', { class: 'side' },
        figure(`reference · ${refName}`, stage(fv, z, 'stage-reference', frameImage(app, fv.reference, 'ref'), boxes('reference')), 'ref'),
        figure(`candidate · ${candName}`, stage(fv, z, 'stage-candidate', frameImage(app, fv.candidate, 'cand'), boxes('candidate')), 'cand'),
        fv.diff ? figure('diff', stage(fv, z, 'stage-diff', frameImage(app, fv.diff, 'diff'), boxes('reference', true)), 'diffig') : null));
    } else if (state.mode === 'slider') {
      const top = el('div', { class: 'slider-top', 'data-test': 'slider-top' }, frameImage(app, fv.candidate, 'cand'), boxes('candidate'));
      const line = el('div', { class: 'slider-line' });
      const place = () => {
        top.style.clipPath = `inset(0 0 0 ${state.slider}%)`;
        line.style.left = `${state.slider}%`;
      };
      const range = el('input', { type: 'range', min: 0, max: 100, step: 1, value: state.slider, 'data-test': 'slider', 'aria-label': 'slider' });
      range.addEventListener('input', () => {
        state.slider = Number(range.value);
        place();
      });
      const s = stage(fv, z, 'slider-stage', frameImage(app, fv.reference, 'ref'), boxes('reference'), top, line);
      range.style.width = s.style.width;
      place();
      area.appendChild(figure(`◀ reference · ${refName}   |   candidate · ${candName} ▶`, el('div', null, s, range), 'slider'));
    } else {
      const s = stage(fv, z, 'blink-stage',
        el('div', { class: 'blink-ref' }, frameImage(app, fv.reference, 'ref'), boxes('reference')),
        el('div', { class: 'blink-cand' }, frameImage(app, fv.candidate, 'cand'), boxes('candidate')));
      const play = el('button', { type: 'button', 'data-test': 'blink-play' }, 'Pause');
      play.addEventListener('click', () => {
        if (state.playing) stopBlink();
        else setMode('blink');
        showBlink();
      });
      const swap = el('button', { type: 'button', 'data-test': 'blink-swap' }, 'Swap');
      swap.addEventListener('click', () => {
        stopBlink();
        state.showing = state.showing === 'reference' ? 'candidate' : 'reference';
        showBlink();
      });
      area.appendChild(figure('', el('div', null, el('div', { class: 'blink-bar' }, el('strong', { 'data-test': 'blink-caption' }), play, swap), s), 'blink'));
      showBlink();
    }
    for (const s of Array.from(area.querySelectorAll<HTMLElement>('.stage'))) attachProbe(s, fv);
  }

  function attachProbe(s: HTMLElement, fv: FrameView): void {
    const update = (e: MouseEvent) => {
      const rect = s.getBoundingClientRect();
      const z = state.zoom;
      const px = Math.floor((e.clientX - rect.left) / z);
      const py = Math.floor((e.clientY - rect.top) / z);
      if (px < 0 || py < 0 || px >= fv.width || py >= fv.height) return;
      for (const p of Array.from(area.querySelectorAll<HTMLElement>('.probe'))) {
        p.style.display = 'block';
        p.style.left = `${px * z}px`;
        p.style.top = `${py * z}px`;
        p.style.width = `${Math.max(z, 3)}px`;
        p.style.height = `${Math.max(z, 3)}px`;
      }
      const redo = () => update(e);
      const ref = pixelAt(loadPixels(app, fv.reference, redo), fv.reference, px, py);
      const cand = pixelAt(loadPixels(app, fv.candidate, redo), fv.candidate, px, py);
      const delta = ref && cand ? Math.max(...ref.map((v, i) => Math.abs(v - cand[i]))) : undefined;
      const approx = (fv.reference && fv.reference.scale < 1) ? ' (downscaled: averaged pixels)' : '';
      readout.dataset.x = String(fv.ox + px);
      readout.dataset.y = String(fv.oy + py);
      readout.textContent = `x ${fv.ox + px}, y ${fv.oy + py}   reference ${rgbaText(ref)}   candidate ${rgbaText(cand)}${delta === undefined ? '' : `   max Δ ${delta}`}${approx}`;
      readout.classList.toggle('differs', delta !== undefined && delta > 0);
    };
    s.addEventListener('mousemove', update);
  }

  panel.append(el('h4', null, `Frames at checkpoint "${ev.checkpoint}" (step ${ev.step}) · ${ev.width}×${ev.height}`), controls, area, readout);
  if (!hasFrames) panel.appendChild(el('p', { class: 'muted' }, 'No frames: a layout-only engine. The layout boxes are drawn instead.'));
  if (ev.omitted) panel.appendChild(el('p', { class: 'muted' }, ev.omitted));
  if (ev.highlight.length > 0) panel.appendChild(el('p', { class: 'muted small' }, `Highlighted nodes (layout differs): ${ev.highlight.map((n) => `#${n}`).join(', ')}`));
  fitNow();
  draw();
  // start decoding pixels so the first hover reads at once
  loadPixels(app, frameViewOf(ev, state.view).reference, () => undefined);
  loadPixels(app, frameViewOf(ev, state.view).candidate, () => undefined);
  panel.addEventListener('parity-key', (e) => {
    const key = (e as CustomEvent<string>).detail;
    if (key === 'b') setMode(state.mode === 'blink' ? 'side' : 'blink');
    if (key === 's') setMode(state.mode === 'slider' ? 'side' : 'slider');
  });
  return panel;
}
