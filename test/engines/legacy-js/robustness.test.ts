import { expect } from 'chai';
import fc from 'fast-check';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import { EASINGS, KEYS, NODE_TYPES } from '../../../engines/shared/protocol.ts';
import type { Command } from '../../../engines/shared/protocol.ts';
import { image, renderer } from './helpers.ts';

const id = fc.integer({ min: -1, max: 8 });
const value = fc.oneof(
  fc.constantFrom<(string | number | boolean | null)[]>(
    0, 1, -3, 2.5, 1e9, Infinity, -Infinity, NaN, true, false, null, '', 'auto', '50%', '12px', 'false', 'Infinity',
    '#abc', '#ff000080', 'red', 'row', 'column', 'absolute', 'center', 'end', 'stretch', 'space-between', 'cover', 'none',
    'img', 'a\u{1F600} bb cc', 'hello world foo', 'x'.repeat(50),
  ),
  fc.double(),
  fc.string({ maxLength: 12 }),
);
const prop = fc.oneof(fc.constantFrom(...PROPERTIES.map((p) => p.name)), fc.constant('nope'));
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('create' as const), id, type: fc.constantFrom(...NODE_TYPES) }),
  fc.record({ op: fc.constant('set' as const), id, prop, value }),
  fc.record({ op: fc.constant('set' as const), id, prop, value }),
  fc.record({ op: fc.constant('append' as const), parent: id, child: id }),
  fc.record({ op: fc.constant('insert' as const), parent: id, child: id, before: id }),
  fc.record({ op: fc.constant('remove' as const), parent: id, child: id }),
  fc.record({ op: fc.constant('destroy' as const), id }),
  fc.record({ op: fc.constant('focus' as const), id }),
  fc.record({ op: fc.constant('key' as const), key: fc.constantFrom(...KEYS) }),
  fc.record({ op: fc.constant('animate' as const), id, prop: fc.constantFrom('x', 'y', 'opacity', 'width'), to: fc.double({ min: -50, max: 50, noNaN: true }), ms: fc.integer({ min: 0, max: 100 }), easing: fc.constantFrom(...EASINGS) }),
  fc.record({ op: fc.constant('tick' as const), ms: fc.double({ min: 0, max: 60, noNaN: true }) }),
  fc.record({ op: fc.constant('resize' as const), width: fc.integer({ min: 0, max: 48 }), height: fc.integer({ min: 0, max: 48 }) }),
  fc.record({ op: fc.constant('frame' as const) }),
);

const img = image([[[255, 0, 0, 255], [0, 0, 255, 128]]]);

describe('legacy-js robustness', () => {
  it('never throws on random command streams and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        const a = renderer({ width: 32, height: 24, images: { img } });
        const b = renderer({ width: 32, height: 24, images: { img } });
        a.apply(commands);
        b.apply(commands);
        const oa = a.snapshot();
        const ob = b.snapshot();
        expect(Buffer.from(oa.frame!.data).equals(Buffer.from(ob.frame!.data))).to.equal(true);
        expect(oa.layout).to.deep.equal(ob.layout);
        expect(oa.events).to.deep.equal(ob.events);
        const f = oa.frame!;
        expect(f.data.length).to.equal(f.width * f.height * 4);
        for (let i = 3; i < f.data.length; i += 4) if (f.data[i] !== 255) throw new Error(`alpha ${f.data[i]} at byte ${i}`);
      }),
      { numRuns: 300, seed: 20241127 },
    );
  });
});
