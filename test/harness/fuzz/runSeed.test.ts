import { expect } from 'chai';
import { generateRun } from '../../../harness/fuzz/generateRun.ts';
import { runSeed } from '../../../harness/fuzz/runSeed.ts';
import { shardRuns } from '../../../harness/gate/shard.ts';

describe('harness/fuzz runSeed', () => {
  it('gives every run of a seed its own fast-check seed, the same on every call', () => {
    const seeds = Array.from({ length: 2000 }, (_, run) => runSeed(7, run));
    expect(new Set(seeds).size).to.equal(seeds.length);
    expect(runSeed(7, 123)).to.equal(seeds[123]);
    expect(runSeed(8, 123)).to.not.equal(seeds[123]);
    for (const s of seeds) expect(Number.isInteger(s) && s >= -(2 ** 31) && s < 2 ** 31).to.equal(true);
  });

  it('generates the same stream for a run whatever ran before it', () => {
    const late = generateRun(3, 41);
    for (let run = 0; run < 5; run++) generateRun(3, run);
    expect(generateRun(3, 41)).to.deep.equal(late);
  });

  it('deals the runs of a budget to shards so that together they run each run exactly once', () => {
    const all = shardRuns(103, { index: 1, count: 1 });
    const union = [1, 2, 3].flatMap((index) => shardRuns(103, { index, count: 3 })).sort((a, b) => a - b);
    expect(union).to.deep.equal(all);
  });

  it('rejects a run number below 0', () => {
    expect(() => runSeed(1, -1)).to.throw(RangeError, /run >= 0/);
  });
});
