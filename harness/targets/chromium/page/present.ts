/** `--present`: both engines' frames drawn side by side on the page, for eyes and screenshots. */
import type { Frame } from '../../../../engines/shared/observation.ts';
import type { EngineKind, Side } from '../wire.ts';

const SCALE_TARGET = 480;

export function drawFrame(side: Side, kind: EngineKind, frame: Frame, caption: string): void {
  const canvas = document.getElementById(`${side}-canvas`) as HTMLCanvasElement | null;
  const label = document.getElementById(`${side}-label`);
  if (!canvas) return;
  if (canvas.width !== frame.width || canvas.height !== frame.height) {
    canvas.width = frame.width;
    canvas.height = frame.height;
    const scale = Math.max(1, Math.floor(SCALE_TARGET / Math.max(frame.width, 1)));
    canvas.style.width = `${frame.width * scale}px`;
    canvas.style.height = `${frame.height * scale}px`;
  }
  const pixels = new Uint8ClampedArray(frame.data.length);
  pixels.set(frame.data);
  canvas.getContext('2d')!.putImageData(new ImageData(pixels, frame.width, frame.height), 0, 0);
  if (label) label.textContent = `${side}: ${kind} (${kind === 'wasm' ? 'Web Worker' : 'main thread'}) · ${caption}`;
}

export function showCase(title: string): void {
  const el = document.getElementById('case-title');
  if (el) el.textContent = title;
}
