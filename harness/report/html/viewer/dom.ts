/**
 * DOM helpers for the viewer. Data only ever reaches the page as text nodes and
 * attribute values (never innerHTML), so scenario and engine text cannot become markup.
 *
 * Viewer modules are concatenated into one inline script (../viewerScript.ts): every
 * top-level function must be exported and every name must be unique across viewer/.
 */

export type Child = Node | string | number | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string | number | boolean | undefined> | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === false) continue;
      if (k === 'class') node.className = String(v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
  }
  appendAll(node, children);
  return node;
}

export function appendAll(node: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function svgEl(tag: string, attrs: Record<string, string | number>, ...children: Child[]): SVGElement {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag) as SVGElement;
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  appendAll(node, children);
  return node;
}

export function clearNode(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function fmtMs(ms: number): string {
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The anchor of a case: ids are free text, so they are encoded. */
export function caseAnchor(id: string): string {
  return `case-${encodeURIComponent(id)}`;
}

export function badge(cls: string, label: string): HTMLElement {
  return el('span', { class: `badge c-${cls}` }, label);
}

/** Copies text; falls back to a hidden textarea where the async clipboard is unavailable. */
export function copyText(text: string, button: HTMLElement): void {
  const done = (ok: boolean) => {
    button.dataset.copied = ok ? 'yes' : 'failed';
    const label = button.textContent;
    button.textContent = ok ? 'Copied' : 'Copy failed';
    window.setTimeout(() => {
      button.textContent = label;
    }, 1200);
  };
  const fallback = () => {
    const area = el('textarea', { class: 'offscreen', readonly: true });
    area.value = text;
    document.body.appendChild(area);
    area.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
    done(ok);
  };
  if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => done(true), fallback);
  else fallback();
}

export function copyButton(text: string, label: string, testId: string): HTMLElement {
  const b = el('button', { type: 'button', class: 'copy', 'data-test': testId, title: 'Copy to the clipboard' }, label);
  b.addEventListener('click', () => copyText(text, b));
  return b;
}
