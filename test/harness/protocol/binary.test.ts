import { expect } from 'chai';
import fc from 'fast-check';
import { canonicalStream, decodeBatch, DecodeError, encodeBatch } from '../../../harness/protocol/index.ts';
import { commands } from './arbitraries.ts';

describe('harness/protocol binary codec (engines/shared/binary.ts)', () => {
  it('decodes what it encodes, for arbitrary valid command streams', () => {
    fc.assert(fc.property(commands(60), (cmds) => {
      const decoded = decodeBatch(encodeBatch(cmds));
      expect(decoded).to.deep.equal(cmds);
      expect(canonicalStream(decoded)).to.equal(canonicalStream(cmds)); // also tells -0 from 0
    }), { numRuns: 300 });
  });

  it('keeps lone surrogates and emoji in strings unit for unit', () => {
    const cmds = [{ op: 'set' as const, id: 1, prop: 'text', value: 'a\ud800😀\udc00' }, { op: 'frame' as const, name: '\udfff' }];
    expect(decodeBatch(encodeBatch(cmds))).to.deep.equal(cmds);
  });

  it('throws a DecodeError for every truncation of a non-empty batch', () => {
    fc.assert(fc.property(commands(20).filter((c) => c.length > 0), fc.nat(), (cmds, cut) => {
      const bytes = encodeBatch(cmds).slice();
      const at = cut % bytes.length;
      expect(() => decodeBatch(bytes.subarray(0, at))).to.throw(DecodeError, /truncated batch/);
    }));
  });

  it('throws a DecodeError for trailing bytes and for a bad opcode', () => {
    const bytes = encodeBatch([{ op: 'tick', ms: 1 }]).slice();
    expect(() => decodeBatch(new Uint8Array([...bytes, 0]))).to.throw(DecodeError, 'trailing bytes');
    expect(() => decodeBatch(new Uint8Array([1, 0, 0, 0, 200]))).to.throw(DecodeError, 'bad opcode 200 at byte 4');
  });
});
