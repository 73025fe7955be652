/** Keyboard navigation: j/k (or arrows) next/previous case, Enter/o open, Esc close, / search, b blink, s slider. */
import type { App } from './app.ts';
import { selectCase, setCaseOpen, visibleOrder } from './groups.ts';

export function moveSelection(app: App, step: number): void {
  const order = visibleOrder(app);
  if (order.length === 0) return;
  const at = order.indexOf(app.selected);
  const next = at < 0 ? (step > 0 ? 0 : order.length - 1) : Math.min(order.length - 1, Math.max(0, at + step));
  selectCase(app, order[next], true);
  setCaseOpen(app, order[next], true);
  app.rows.get(order[next])?.scrollIntoView({ block: 'start' });
}

export function installKeyboard(app: App, search: HTMLInputElement | null): void {
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const typing = target !== null && (target.tagName === 'INPUT' || target.tagName === 'SELECT' || target.tagName === 'TEXTAREA');
    if (e.key === 'Escape') {
      if (typing) target.blur();
      else if (app.open >= 0) setCaseOpen(app, app.open, false);
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        moveSelection(app, 1);
        break;
      case 'k':
      case 'ArrowUp':
        moveSelection(app, -1);
        break;
      case 'Enter':
      case 'o':
        if (app.selected >= 0) setCaseOpen(app, app.selected, app.open !== app.selected);
        break;
      case '/':
        search?.focus();
        break;
      case 'b':
      case 's': {
        const panel = app.rows.get(app.open)?.querySelector('[data-test=frames]');
        panel?.dispatchEvent(new CustomEvent('parity-key', { detail: e.key }));
        break;
      }
      default:
        return;
    }
    e.preventDefault();
  });
}
