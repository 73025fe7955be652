import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalCommand, canonicalJson, canonicalStream, CanonicalJsonError } from '../../../harness/protocol/index.ts';
import { commands } from './arbitraries.ts';

/** The same value with the keys of every object in reverse insertion order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

describe('harness/protocol canonical JSON', () => {
  it('writes sorted keys at every level with no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).to.equal('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('does not depend on key insertion order', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      expect(canonicalJson(reverseKeys(v))).to.equal(canonicalJson(v));
    }));
  });

  it('parses back to a value with the same canonical JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
      const text = canonicalJson(v);
      expect(canonicalJson(JSON.parse(text))).to.equal(text);
    }));
  });

  it('writes a command op first, then its fields in protocol order', () => {
    expect(canonicalCommand({ value: 40, prop: 'width', id: 1, op: 'set' } as never)).to.equal('{"op":"set","id":1,"prop":"width","value":40}');
    expect(canonicalCommand({ op: 'animate', easing: 'linear', ms: 100, to: 1, prop: 'x', id: 2 })).to.equal('{"op":"animate","id":2,"prop":"x","to":1,"ms":100,"easing":"linear"}');
    expect(canonicalCommand({ op: 'frame' })).to.equal('{"op":"frame"}');
  });

  it('keeps -0 apart from 0, as "-0"', () => {
    expect(canonicalJson(-0)).to.equal('-0');
    expect(Object.is(JSON.parse(canonicalJson([-0]))[0], -0)).to.equal(true);
    expect(canonicalCommand({ op: 'tick', ms: -0 })).to.not.equal(canonicalCommand({ op: 'tick', ms: 0 }));
  });

  it('escapes lone surrogates so the text is well-formed', () => {
    expect(canonicalJson('a\ud800')).to.equal('"a\\ud800"');
  });

  it('round-trips command streams through JSON.parse', () => {
    fc.assert(fc.property(commands(), (cmds) => {
      const text = canonicalStream(cmds);
      expect(canonicalStream(JSON.parse(text))).to.equal(text);
    }));
  });

  it('rejects NaN, infinities and class instances, naming the path', () => {
    expect(() => canonicalJson({ a: [1, NaN] })).to.throw(CanonicalJsonError, 'at $.a[1]: expected a JSON value, got NaN');
    expect(() => canonicalJson({ m: new Map() })).to.throw(CanonicalJsonError, 'an instance of Map');
  });
});
