/**
 * Hand-made command streams: one per feature of the engine (FEATURE_STREAMS, together
 * covering every event code) and one per quirk (QUIRK_STREAMS, each exercising its quirk
 * so that the Wasm engine with that flag off differs from the legacy engine).
 */
import type { Command } from '../../../engines/shared/protocol.ts';
import type { QuirkId } from '../../../engines/shared/quirks.ts';
import {
  abs, animate, append, create, destroy, focus, frame, insert, key, remove, resize, set, text, tick, view,
} from '../legacy-js/helpers.ts';

export interface NamedStream {
  readonly name: string;
  readonly commands: Command[];
  readonly width?: number;
  readonly height?: number;
}

const stream = (name: string, commands: Command[], size: { width?: number; height?: number } = {}): NamedStream => ({ name, commands, ...size });

const img = (id: number, props: Record<string, string | number | boolean | null>, parent = 0): Command[] => [
  create(id, 'image'),
  ...Object.entries(props).map(([p, v]) => set(id, p, v)),
  append(parent, id),
];

export const FEATURE_STREAMS: NamedStream[] = [
  stream('column layout with padding, margin, gap and stretch', [
    ...view(1, { padding: 3, gap: 2, background: '#223344', direction: 'column' }),
    ...view(2, { height: 5, margin: 1, background: 'red' }, 1),
    ...view(3, { height: 7, margin: 2.5, background: 'blue' }, 1),
    ...view(4, { width: '50%', height: '10%', background: 'green' }, 1),
    frame('a'),
  ]),
  stream('row layout with grow, justify and align variants', [
    ...view(1, { direction: 'row', width: 61, height: 20, padding: 1, gap: 1.5, align: 'center', justify: 'space-between', background: '#101010' }),
    ...view(2, { width: 7, height: 5, grow: 1, background: 'red' }, 1),
    ...view(3, { width: 5, height: 9, grow: 2, background: 'blue' }, 1),
    ...view(4, { width: 3, height: 3, background: 'white' }, 1),
    frame('center'),
    set(1, 'align', 'end'), set(1, 'justify', 'center'), set(2, 'grow', 0), set(3, 'grow', 0), frame('end'),
    set(1, 'align', 'start'), set(1, 'justify', 'end'), frame('start'),
    set(1, 'align', 'stretch'), set(3, 'height', 'auto'), set(1, 'justify', 'space-between'), frame('stretch'),
  ]),
  stream('absolute children, percentages and relative translation', [
    ...view(1, { width: 40, height: 30, padding: 4, background: '#333' }),
    ...abs(2, 3, 4, '25%' as unknown as number, '50%' as unknown as number, { background: 'red' }, 1),
    ...view(3, { x: -3.25, y: 2.75, width: 9.5, height: 4.5, background: '#00ff0080' }, 1),
    ...view(4, { position: 'absolute', x: 30, y: 20, background: 'blue', padding: 2 }, 1),
    frame(),
  ]),
  stream('auto sizes from nested content', [
    ...view(1, { direction: 'row', padding: 1, gap: 2, align: 'start', background: '#444' }),
    ...view(2, { width: 6, height: 4, margin: 1, background: 'red' }, 1),
    ...view(3, { direction: 'column', gap: 1 }, 1),
    ...view(4, { width: 3, height: 3, background: 'blue' }, 3),
    ...text(5, { text: 'hi there', fontSize: 4, color: 'white' }, 3),
    ...img(6, { src: 'img', padding: 1 }, 1),
    frame(),
  ]),
  stream('text wrapping, alignment, line height and colours', [
    ...text(1, { text: 'hello world foo barbazquux  end', fontSize: 4, width: 30, textAlign: 'center', lineHeight: 7, color: '#ff8800' }),
    ...text(2, { text: 'right aligned text', fontSize: 3, width: 40, textAlign: 'right', color: '#00ff00c0', padding: 1 }),
    ...text(3, { text: 'x\u00e9\u{1F600}|^.~\n', fontSize: 6, opacity: 0.6 }),
    frame('text'),
  ], { width: 64, height: 64 }),
  stream('maxLines and ellipsis', [
    ...text(1, { text: 'one two three four five six', fontSize: 4, width: 24, maxLines: 2, ellipsis: true }),
    ...text(2, { text: 'aaaa bbbb cccc', fontSize: 4, width: 17, maxLines: 1, ellipsis: false }),
    ...text(3, { text: 'ab\u{1F600} cccccc', fontSize: 4, width: 24, maxLines: 1.7, ellipsis: true }),
    ...text(4, { text: 'zz', fontSize: 4, maxLines: null }),
    frame(),
  ]),
  stream('images with every fit and opacity', [
    ...img(1, { src: 'img', width: 12, height: 8, fit: 'fill' }),
    ...img(2, { src: 'wide', width: 12, height: 8, fit: 'contain', opacity: 0.5 }),
    ...img(3, { src: 'wide', width: 9, height: 11, fit: 'cover', padding: 1 }),
    ...img(4, { src: 'img', width: 7, height: 5, fit: 'none', background: '#ffffff40' }),
    ...img(5, { src: 'img', width: 0, height: 3 }),
    set(5, 'src', ''),
    frame(),
  ]),
  stream('backgrounds, borders, radius and opacity', [
    ...abs(1, 2, 2, 30, 20, { background: '#3366ff', radius: 6, borderWidth: 2, borderColor: '#ffffffc0' }),
    ...abs(2, 34, 2, 20, 20, { background: 'red', radius: 100, opacity: 0.7 }),
    ...abs(3, 2, 24, 40, 20, { borderWidth: 3.5, borderColor: 'green', radius: 4.5 }),
    ...abs(4, 44, 24, 15, 15, { background: '#ffff0080', borderWidth: 20, borderColor: 'blue' }),
    frame(),
  ]),
  stream('clip, zIndex and visibility', [
    ...abs(1, 4, 4, 20, 20, { clip: true, radius: 5, background: '#202020' }),
    ...abs(2, -5, -5, 40, 12, { background: 'red', zIndex: 10 }, 1),
    ...abs(3, 0, 0, 12, 40, { background: 'blue', zIndex: 9 }, 1),
    ...abs(4, 2, 2, 6, 6, { background: 'green', zIndex: -1 }, 1),
    ...abs(5, 30, 4, 10, 10, { background: 'white', visible: false }),
    ...abs(6, 44, 4, 10, 10, { background: 'white', visible: 'false' }),
    frame(),
  ]),
  stream('focus, navigation and the focus ring', [
    ...abs(1, 2, 2, 10, 10, { focusable: true, background: 'red' }),
    ...abs(2, 20, 2, 10, 10, { focusable: true, background: 'blue' }),
    ...abs(3, 2, 20, 10, 10, { focusable: true, background: 'green' }),
    ...abs(4, 20, 20, 10, 10, { focusable: true, visible: false }),
    ...abs(5, 40, 20, 10, 10, {}),
    key('right'), frame('first'),
    key('right'), key('down'), key('left'), key('up'), key('enter'), frame('moved'),
    focus(5), focus(99), focus(1), focus(1), frame('focus'),
    destroy(1), key('down'), frame('after destroy'),
  ]),
  stream('animations with every easing, and their ends', [
    ...abs(1, 0, 0, 10, 10, { background: 'red' }),
    ...abs(2, 0, 12, 10, 10, { background: 'blue' }),
    animate(1, 'x', 40, 100, 'linear'),
    animate(1, 'y', 20, 50, 'ease-in'),
    animate(2, 'x', 30, 80, 'ease-out'),
    animate(2, 'opacity', 0.2, 60, 'ease-in-out'),
    tick(16.5), frame('t1'), tick(16.5), tick(20), frame('t2'),
    animate(1, 'x', -5, 0, 'linear'), tick(0), frame('t3'),
    animate(2, 'width', 5, 10, 'linear'), animate(2, 'nope', 5, 10, 'linear'), animate(2, 'x', Infinity, 10, 'linear'),
    animate(2, 'x', 1, -1, 'linear'), animate(9, 'x', 1, 1, 'linear'), tick(-1), tick(NaN),
    destroy(2), tick(100), frame('t4'),
  ]),
  stream('tree mutation: insert, remove, destroy and errors', [
    create(1, 'view'), create(2, 'view'), create(3, 'text'), create(1, 'view'),
    set(1, 'background', 'red'), set(1, 'height', 5), set(2, 'background', 'blue'), set(2, 'height', 7),
    set(3, 'text', 'abc'), set(3, 'fontSize', 4),
    append(0, 1), insert(0, 2, 1), insert(0, 3, 2), insert(0, 3, 77), insert(0, 0, 1),
    append(1, 1), append(2, 0), append(9, 1), append(1, 9),
    remove(0, 3), remove(0, 3), remove(0, 0), remove(7, 1), remove(1, 8),
    destroy(0), destroy(42), destroy(2), append(1, 3),
    create(2147483647, 'view'), create(2147483647, 'view'),
    frame('tree'),
  ]),
  stream('properties: every coercion and every error', [
    create(1, 'view'), create(2, 'text'), create(3, 'image'), append(0, 1), append(1, 2), append(1, 3),
    set(1, 'width', '12px'), set(1, 'height', ' 7'), set(1, 'padding', -1), set(1, 'margin', 'x'),
    set(1, 'direction', 'diagonal'), set(1, 'colour', 'red'), set(1, 'text', 'no'), set(1, 'src', 'img'),
    set(3, 'src', 'missing'), set(3, 'src', 'img'), set(3, 'fit', 'stretch'), set(2, 'fontSize', 0),
    set(2, 'text', 'x'.repeat(4097)), set(2, 'maxLines', -2), set(2, 'maxLines', '2.9'), set(2, 'ellipsis', 'yes'),
    set(1, 'background', '#abc'), set(1, 'background', '#abcd'), set(1, 'borderColor', 'Red'),
    set(1, 'opacity', 7), set(1, 'opacity', '-1'), set(1, 'zIndex', 3000000000), set(1, 'zIndex', 'x'),
    set(1, 'visible', 0), set(1, 'visible', 'yes'), set(1, 'clip', 1), set(1, 'x', 'Infinity'), set(1, 'x', 0),
    set(99, 'x', 1), set(1, 'width', 'auto'), set(1, 'width', '-5%'), set(1, 'width', '150%'),
    set(2, 'text', 'styled'), set(2, 'color', '#ff000080'), set(2, 'lineHeight', 3), set(2, 'textAlign', 'justify'),
    frame('props'),
  ]),
  stream('viewport resize and frame names', [
    ...abs(1, 2, 2, 100, 100, { background: 'red' }),
    resize(0, 10), resize(10, 4097), resize(20, 10), frame('small'),
    resize(70, 30), frame('x'.repeat(4097)), frame(''), frame('\u{1F600}'),
  ]),
  stream('node limit', [
    ...Array.from({ length: 4096 }, (_, i) => create(i + 1, 'view')),
    frame('full'),
  ]),
  stream('double-append cycles and diamonds stay bounded', [
    create(1, 'view'), create(2, 'view'), create(3, 'text'),
    set(3, 'text', 'deep'), set(3, 'fontSize', 2),
    append(0, 1), append(0, 2), append(1, 3), append(2, 3), append(1, 2), append(1, 2),
    ...Array.from({ length: 30 }, (_, i) => [create(10 + i, 'view'), set(10 + i, 'padding', 0.5), append(i === 0 ? 2 : 9 + i, 10 + i), append(i === 0 ? 1 : 9 + i, 10 + i)]).flat(),
    frame('diamond'), destroy(2), frame('stale'), create(2, 'view'), frame('revived'),
  ]),
  stream('NaN and Infinity through layout', [
    ...view(1, { direction: 'row', width: 'Infinity', padding: 'Infinity', background: 'red' }),
    ...view(2, { width: '50%', grow: 1, margin: -3 }, 1),
    ...text(3, { text: 'inf', fontSize: 'Infinity' }, 1),
    ...view(4, { x: -0, margin: -0, height: 0, width: -0 }),
    frame(),
  ]),
];

export interface QuirkStream {
  readonly commands: Command[];
  readonly width?: number;
  readonly height?: number;
}

/** One stream per quirk: it matches legacy with all flags on, and diverges with that flag off. */
export const QUIRK_STREAMS: Record<QuirkId, QuirkStream> = {
  'coord-int32-truncation': { commands: [...abs(1, -4294967291, 2, 10, 5, { background: 'red' }), frame()] },
  'round-half-up': { commands: [...view(1, { direction: 'row', width: 10, height: 4, justify: 'center' }), ...view(2, { width: 15, background: 'red' }, 1), frame()] },
  'blend-truncation': { commands: [...abs(1, 0, 0, 8, 8, { background: '#01000080' }), frame()] },
  'zindex-string-sort': { commands: [...abs(1, 0, 0, 8, 8, { background: 'red', zIndex: 10 }), ...abs(2, 2, 2, 8, 8, { background: 'blue', zIndex: 9 }), frame()] },
  'opacity-not-compounded': { commands: [...abs(1, 0, 0, 8, 8, { opacity: 0.5 }), ...view(2, { height: 4, background: 'red' }, 1), frame()] },
  'clip-ignores-radius': { commands: [...abs(1, 2, 2, 12, 12, { clip: true, radius: 6 }), ...abs(2, -2, -2, 20, 20, { background: 'red' }, 1), frame()] },
  'parsefloat-units': { commands: [...abs(1, 0, 0, 8, 8, { background: 'red' }), set(1, 'width', '12px'), frame()] },
  'short-hex-color': { commands: [...abs(1, 0, 0, 8, 8, { background: '#abc' }), frame()] },
  'ellipsis-splits-surrogate': { commands: [...text(1, { text: 'ab\u{1F600} cccccc', fontSize: 2, width: 12, maxLines: 1, ellipsis: true }), frame()] },
  'glyph-per-code-unit': { commands: [...text(1, { text: '\u{1F600}', fontSize: 2 }), frame()] },
  'double-append': { commands: [create(1, 'view'), create(2, 'view'), append(0, 1), append(0, 2), append(1, 2), frame()] },
  'maxlines-zero-unlimited': { commands: [...text(1, { text: 'abc', fontSize: 2, maxLines: 0 }), frame()] },
  'grow-remainder-dropped': { commands: [...view(1, { direction: 'row', width: 11, height: 4 }), ...view(2, { grow: 1 }, 1), ...view(3, { grow: 1 }, 1), frame()] },
  'percent-of-border-box': { commands: [...view(1, { width: 30, height: 20, padding: 5 }), ...view(2, { width: '50%', height: 4, background: 'red' }, 1), frame()] },
  'focus-survives-destroy': { commands: [...abs(1, 0, 0, 8, 8, { focusable: true }), focus(1), destroy(1), frame()] },
  'focus-considers-hidden': { commands: [...abs(1, 0, 0, 4, 4, { focusable: true }), ...abs(2, 10, 0, 4, 4, { focusable: true, visible: false }), focus(1), key('right'), frame()] },
  'visible-string-truthy': { commands: [...abs(1, 0, 0, 8, 8, { background: 'red', visible: 'false' }), frame()] },
  'anim-time-accumulation': { commands: [...abs(1, 0, 0, 4, 4, { background: 'red' }), animate(1, 'x', 20, 1000), ...Array.from({ length: 60 }, () => tick(1000 / 60)), frame()] },
};

export { remove };
