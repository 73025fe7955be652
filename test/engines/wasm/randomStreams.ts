/**
 * Random command streams for the differential tests: the generator of
 * test/engines/legacy-js/robustness.test.ts, extended with more ids, valid-looking
 * scenes (create + append + props), strings with surrogates and frames between steps.
 * Ids stay in 0..15 plus 2147483647 (the largest valid id: a node that never exists)
 * and sizes stay non-negative: the binary channel carries ids and sizes as u32.
 */
import fc from 'fast-check';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import { EASINGS, KEYS, NODE_TYPES } from '../../../engines/shared/protocol.ts';
import type { Command, Value } from '../../../engines/shared/protocol.ts';

const id = fc.oneof({ weight: 15, arbitrary: fc.integer({ min: 0, max: 15 }) }, { weight: 1, arbitrary: fc.constant(0x7fffffff) });
const liveId = fc.integer({ min: 0, max: 15 });

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constantFrom<Value[]>(
    0, 1, -3, 2.5, 1e9, -0, Infinity, -Infinity, NaN, true, false, null, '', 'auto', '50%', '33.3%', '12px', ' 7 ', 'false', 'true', 'Infinity',
    '#abc', '#ff000080', '#12345678', 'red', 'green', 'blue', 'white', 'black', 'transparent', 'row', 'column', 'absolute', 'relative',
    'start', 'center', 'end', 'stretch', 'space-between', 'left', 'right', 'fill', 'contain', 'cover', 'none',
    'img', 'wide', 'a\u{1F600} bb cc', 'hello world foo', 'x'.repeat(50), 'ab\u{1F600}\u{1F600} cd', '\ud800x y\udc00',
  ),
  fc.double(),
  fc.double({ min: -40, max: 80, noNaN: true }),
  fc.integer({ min: 0, max: 40 }),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);

const prop = fc.oneof(fc.constantFrom(...PROPERTIES.map((p) => p.name)), fc.constant('nope'));

const small = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.double({ min: 0, max: 12, noNaN: true }));
/** A property with a value it accepts (most of the time), so that scenes get drawn. */
const goodProp: fc.Arbitrary<[string, Value]> = fc.oneof(
  fc.tuple(fc.constant('position'), fc.constantFrom('absolute', 'relative')),
  fc.tuple(fc.constantFrom('x', 'y', 'margin'), fc.oneof(fc.integer({ min: -10, max: 40 }), fc.double({ min: -10, max: 40, noNaN: true }))),
  fc.tuple(fc.constantFrom('padding', 'gap', 'grow', 'radius', 'borderWidth', 'lineHeight'), small),
  fc.tuple(fc.constant('direction'), fc.constantFrom('row', 'column')),
  fc.tuple(fc.constant('align'), fc.constantFrom('start', 'center', 'end', 'stretch')),
  fc.tuple(fc.constant('justify'), fc.constantFrom('start', 'center', 'end', 'space-between')),
  fc.tuple(fc.constantFrom('borderColor', 'color'), fc.constantFrom('white', '#ff000080', '#0f0', '#12345678')),
  fc.tuple(fc.constant('opacity'), fc.double({ min: 0, max: 1, noNaN: true })),
  fc.tuple(fc.constantFrom('clip', 'ellipsis', 'focusable', 'visible'), fc.boolean()),
  fc.tuple(fc.constant('zIndex'), fc.integer({ min: -12, max: 12 })),
  fc.tuple(fc.constant('text'), fc.constantFrom('hello world', 'a\u{1F600} bb cc dd', 'wrap me please now', 'x', '', 'long-unbroken-word-here')),
  fc.tuple(fc.constant('fontSize'), fc.constantFrom(2, 3, 4, 5.5, 8, 16)),
  fc.tuple(fc.constant('maxLines'), fc.constantFrom(null, 0, 1, 2)),
  fc.tuple(fc.constant('textAlign'), fc.constantFrom('left', 'center', 'right')),
  fc.tuple(fc.constant('src'), fc.constantFrom('img', 'wide', '')),
  fc.tuple(fc.constant('fit'), fc.constantFrom('fill', 'contain', 'cover', 'none')),
);

/** A value that a property accepts most of the time, so scenes get drawn. */
const styled: fc.Arbitrary<Command[]> = fc
  .record({
    id: liveId,
    type: fc.constantFrom(...NODE_TYPES),
    parent: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 15 })),
    w: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom('auto', '50%', '100%')),
    h: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom('auto', '25%')),
    bg: fc.constantFrom('red', '#00ff0080', '#123', 'blue', 'transparent', '#ffffffc0'),
    extra: fc.array(fc.tuple(prop, value), { maxLength: 2 }),
    good: fc.array(goodProp, { maxLength: 6 }),
  })
  .map(({ id: n, type, parent, w, h, bg, extra, good }) => [
    { op: 'create', id: n, type } as Command,
    { op: 'set', id: n, prop: 'width', value: w } as Command,
    { op: 'set', id: n, prop: 'height', value: h } as Command,
    { op: 'set', id: n, prop: 'background', value: bg } as Command,
    ...extra.map(([p, v]) => ({ op: 'set', id: n, prop: p, value: v }) as Command),
    ...good.map(([p, v]) => ({ op: 'set', id: n, prop: p, value: v }) as Command),
    { op: 'append', parent, child: n } as Command,
  ]);

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), id, type: fc.constantFrom(...NODE_TYPES) }),
  fc.record({ op: fc.constant('set' as const), id, prop, value }),
  fc.record({ op: fc.constant('set' as const), id: liveId, prop, value }),
  fc.record({ op: fc.constant('set' as const), id: liveId, prop, value }),
  fc.record({ op: fc.constant('append' as const), parent: id, child: id }),
  fc.record({ op: fc.constant('append' as const), parent: liveId, child: liveId }),
  fc.record({ op: fc.constant('insert' as const), parent: id, child: id, before: id }),
  fc.record({ op: fc.constant('remove' as const), parent: id, child: id }),
  fc.record({ op: fc.constant('destroy' as const), id }),
  fc.record({ op: fc.constant('focus' as const), id }),
  fc.record({ op: fc.constant('key' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({
    op: fc.constant('animate' as const), id, prop: fc.constantFrom('x', 'y', 'opacity', 'width'),
    to: fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constantFrom(Infinity, NaN)),
    ms: fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }), fc.constant(-1)),
    easing: fc.constantFrom(...EASINGS),
  }),
  fc.record({ op: fc.constant('tick' as const), ms: fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.constantFrom(1000 / 60, 0.1, -1, NaN)) }),
  fc.record({ op: fc.constant('resize' as const), width: fc.integer({ min: 0, max: 64 }), height: fc.integer({ min: 0, max: 48 }) }),
  fc.oneof(fc.constant({ op: 'frame' } as Command), fc.record({ op: fc.constant('frame' as const), name: fc.string({ maxLength: 4 }) })),
);

/** A stream: some styled nodes first, then anything. */
export function randomStream(): fc.Arbitrary<Command[]> {
  return fc
    .tuple(fc.array(styled, { maxLength: 8 }), fc.array(command, { maxLength: 60 }))
    .map(([scene, rest]) => [...scene.flat(), ...rest]);
}
