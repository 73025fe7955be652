import { expect } from 'chai';
import fc from 'fast-check';
import { parseShard, partition, shardRuns } from '../../../harness/gate/shard.ts';

describe('harness/gate shard', () => {
  it('parses i/n and rejects anything else with the expected form', () => {
    expect(parseShard('2/3')).to.deep.equal({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '1/0', 'a/b', '1', '1/2/3']) expect(() => parseShard(bad), bad).to.throw(/expected i\/n/);
  });

  it('puts every case in exactly one shard, balanced within one, whatever the input order', () => {
    fc.assert(fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), (ids, n) => {
      const shards = Array.from({ length: n }, (_, i) => partition(ids, (x) => x, { index: i + 1, count: n }));
      const reversed = Array.from({ length: n }, (_, i) => partition([...ids].reverse(), (x) => x, { index: i + 1, count: n }));
      expect(reversed).to.deep.equal(shards);
      expect(shards.flat().sort()).to.deep.equal([...ids].sort());
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).to.be.at.most(1);
    }));
  });

  it('deals fuzz runs so that the shards together run each run number once', () => {
    const all = [1, 2, 3].flatMap((i) => shardRuns(10, { index: i, count: 3 })).sort((a, b) => a - b);
    expect(all).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(shardRuns(10, { index: 2, count: 3 })).to.deep.equal([1, 4, 7]);
  });
});
