import { expect } from 'chai';
import fc from 'fast-check';
import { SceneNode } from '../../../engines/legacy-js/node.ts';
import { setProperty } from '../../../engines/legacy-js/style.ts';
import { PROPERTIES } from '../../../engines/shared/properties.ts';
import type { NodeType, Value } from '../../../engines/shared/protocol.ts';
import { GENERATED_IMAGE_FILES, invalidValue, validValue } from '../../../harness/generate/index.ts';
import type { ValueProfile } from '../../../harness/generate/index.ts';
import { SEED } from './helpers.ts';

const FULL: ValueProfile = { extreme: true, coercedStrings: true, unicodeText: true, images: Object.keys(GENERATED_IMAGE_FILES) };
const PLAIN: ValueProfile = { extreme: false, coercedStrings: false, unicodeText: false, images: [] };
const images = new Map(Object.keys(GENERATED_IMAGE_FILES).map((name) => [name, { width: 1, height: 1, data: new Uint8Array(4) }]));

function typeFor(prop: string): NodeType {
  const group = PROPERTIES.find((p) => p.name === prop)!.group;
  return group === 'text' ? 'text' : group === 'image' ? 'image' : 'view';
}

const outcome = (prop: string, value: Value): string => setProperty(new SceneNode(1, typeFor(prop)), prop, value, images);
const sample = (prop: string, profile: ValueProfile, n = 300): Value[] => fc.sample(validValue(prop, profile), { numRuns: n, seed: SEED });

describe('harness/generate values', () => {
  for (const { name } of PROPERTIES) {
    it(`${name}: every generated valid value is accepted by the legacy engine`, () => {
      for (const profile of [FULL, PLAIN]) for (const v of sample(name, profile)) expect(outcome(name, v), JSON.stringify(v)).to.equal('ok');
    });
  }

  for (const { name } of PROPERTIES.filter((p) => p.name !== 'visible')) {
    it(`${name}: every invalid value is rejected with bad-value`, () => {
      for (const v of fc.sample(invalidValue(name)!, { numRuns: 50, seed: SEED })) expect(outcome(name, v), JSON.stringify(v)).to.equal('bad-value');
    });
  }

  it('has no bad values for visible (it accepts anything)', () => {
    expect(invalidValue('visible')).to.equal(null);
  });

  it('reaches the edge values quirks need', () => {
    const has = (prop: string, wanted: Value[]): void => {
      const seen = new Set(sample(prop, FULL, 2000));
      for (const w of wanted) expect(seen.has(w), `${prop} ${JSON.stringify(w)}`).to.equal(true);
    };
    has('x', [-0.5, 2.5, -1.5, 2 ** 31, 2 ** 32 - 1, '12px', ' 7', '1e1', '0x10', 'Infinity']);
    has('width', ['50%', 'auto', 0, 1e9]);
    has('zIndex', [9, 10, -1, -2, 100]);
    has('maxLines', [0, 1, 2, null]);
    has('background', ['#abc', '#aabbcc', '#11223344', 'red', 'transparent']);
    has('visible', [true, false, 'false', '0', 0, '', null]);
    has('text', ['', '😀', '\ud83d', 'e\u0301']);
    const texts = sample('text', FULL, 2000) as string[];
    expect(texts.some((t) => t.length === 4096), 'a text at the cap').to.equal(true);
    expect(texts.some((t) => t.length > 60), 'a long text').to.equal(true);
  });

  it('leaves edge families out when the profile switches them off', () => {
    const xs = sample('x', PLAIN, 1000);
    expect(xs.filter((v) => typeof v === 'string')).to.deep.equal([]);
    expect(xs.filter((v) => typeof v === 'number' && Math.abs(v) >= 2 ** 31)).to.deep.equal([]);
    expect((sample('text', PLAIN, 1000) as string[]).filter((t) => /[^\x00-\x7f]/.test(t))).to.deep.equal([]);
    expect(new Set(sample('src', PLAIN, 50))).to.deep.equal(new Set(['']));
  });
});
