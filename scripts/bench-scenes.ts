/**
 * The fixed scenes of `npm run bench:engines`, built for any viewport so each renders
 * a full, busy frame at 320x180, 1280x720 and 1920x1080: text-heavy, image-heavy,
 * many small nodes, deep nesting, and an animation (advanced by a tick every frame).
 */
import type { Command, Value } from '../engines/shared/protocol.ts';

export interface BenchScene {
  readonly name: string;
  /** Commands that build the scene. */
  readonly setup: readonly Command[];
  /** Commands applied before each measured frame (animation ticks); empty for static scenes. */
  readonly perFrame: readonly Command[];
}

const LOREM = 'The quick brown fox jumps over the lazy dog while the streaming app keeps playing ';

function builder() {
  const out: Command[] = [];
  let next = 1;
  const node = (type: 'view' | 'text' | 'image', parent: number, props: Record<string, Value>): number => {
    const id = next++;
    out.push({ op: 'create', id, type });
    for (const [prop, value] of Object.entries(props)) out.push({ op: 'set', id, prop, value });
    out.push({ op: 'append', parent, child: id });
    return id;
  };
  return { out, node };
}

function textHeavy(w: number, h: number): BenchScene {
  const { out, node } = builder();
  out.push({ op: 'set', id: 0, prop: 'padding', value: 4 }, { op: 'set', id: 0, prop: 'background', value: '#101820' });
  const fontSize = Math.max(8, Math.round(h / 30));
  const rows = Math.floor(h / (fontSize * 1.25 * 2));
  for (let i = 0; i < rows; i++) {
    node('text', 0, {
      text: LOREM.repeat(1 + Math.floor(w / 200)), fontSize, color: i % 3 === 0 ? '#ffd166' : '#e0e0e0',
      maxLines: 2, ellipsis: true, textAlign: ['left', 'center', 'right'][i % 3], margin: 1,
    });
  }
  return { name: 'text-heavy', setup: out, perFrame: [] };
}

function imageHeavy(w: number, h: number): BenchScene {
  const { out, node } = builder();
  out.push({ op: 'set', id: 0, prop: 'direction', value: 'column' }, { op: 'set', id: 0, prop: 'background', value: '#202020' });
  const tile = Math.max(16, Math.round(w / 12));
  const srcs = ['checker', 'gradient', 'ring', 'tall'];
  const fits = ['fill', 'contain', 'cover', 'none'];
  for (let r = 0; r < Math.floor(h / tile); r++) {
    const row = node('view', 0, { direction: 'row', height: tile });
    for (let c = 0; c < Math.floor(w / tile); c++) {
      node('image', row, { src: srcs[(r + c) % 4], fit: fits[(r * 3 + c) % 4], width: tile - 2, height: tile - 2, margin: 1, background: '#303030' });
    }
  }
  return { name: 'image-heavy', setup: out, perFrame: [] };
}

function manySmallNodes(w: number, h: number): BenchScene {
  const { out, node } = builder();
  out.push({ op: 'set', id: 0, prop: 'background', value: '#000000' });
  const cell = Math.max(6, Math.round(w / 64));
  for (let r = 0; r < Math.floor(h / cell); r++) {
    const row = node('view', 0, { direction: 'row', height: cell });
    for (let c = 0; c < Math.floor(w / cell); c++) {
      const k = r * 31 + c * 17;
      node('view', row, {
        width: cell - 1, height: cell - 1, margin: 0,
        background: `#${((k * 2654435761) >>> 8 & 0xffffff).toString(16).padStart(6, '0')}`,
        ...(k % 5 === 0 ? { radius: cell / 3 } : {}), ...(k % 7 === 0 ? { opacity: 0.6 } : {}),
      });
    }
  }
  return { name: 'many-small-nodes', setup: out, perFrame: [] };
}

function deepNesting(w: number, h: number): BenchScene {
  const { out, node } = builder();
  out.push({ op: 'set', id: 0, prop: 'background', value: '#0b132b' });
  const depth = 48;
  const step = Math.max(1, Math.floor(Math.min(w, h) / (depth * 2 + 4)));
  let parent = 0;
  for (let d = 0; d < depth; d++) {
    parent = node('view', parent, {
      grow: 1, padding: step, borderWidth: d % 4 === 0 ? 1 : 0, borderColor: '#5bc0be', radius: d % 3 === 0 ? step * 2 : 0,
      background: d % 2 === 0 ? '#1c2541' : '#3a506b', opacity: d % 5 === 0 ? 0.9 : 1, clip: d % 6 === 0,
    });
  }
  node('text', parent, { text: 'deep', fontSize: 8 });
  return { name: 'deep-nesting', setup: out, perFrame: [] };
}

function animation(w: number, h: number): BenchScene {
  const { out, node } = builder();
  out.push({ op: 'set', id: 0, prop: 'background', value: '#141414' });
  const size = Math.max(12, Math.round(h / 6));
  const easings = ['linear', 'ease-in', 'ease-out', 'ease-in-out'] as const;
  for (let i = 0; i < 24; i++) {
    const id = node('view', 0, {
      position: 'absolute', x: 0, y: (i * size * 0.4) % (h - size), width: size, height: size,
      background: i % 2 ? '#e63946' : '#a8dadc', radius: size / 4,
    });
    out.push({ op: 'animate', id, prop: 'x', to: w - size, ms: 4000 + i * 97, easing: easings[i % 4] });
    out.push({ op: 'animate', id, prop: 'opacity', to: 0.2, ms: 3000 + i * 53, easing: easings[(i + 1) % 4] });
  }
  return { name: 'animation', setup: out, perFrame: [{ op: 'tick', ms: 16.666666666666668 }] };
}

export function benchScenes(width: number, height: number): BenchScene[] {
  return [textHeavy, imageHeavy, manySmallNodes, deepNesting, animation].map((f) => f(width, height));
}

export const BENCH_IMAGES = {
  checker: 'scenarios/assets/checker-16.png',
  gradient: 'scenarios/assets/gradient-32x16.png',
  ring: 'scenarios/assets/alpha-ring-24.png',
  tall: 'scenarios/assets/tall-8x24.png',
} as const;
