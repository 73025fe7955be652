/**
 * Fuzz run k of seed S draws its stream from its own fast-check seed, a hash of (S, k):
 * run k is the same stream whatever else runs, in which order, on how many workers or
 * shards, so `--shard i/n` runs exactly a slice of the unsharded runs.
 */

/** murmur3's 32-bit finalizer: every input bit flips each output bit with probability ~1/2. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** The fast-check seed (a signed 32-bit integer) of run `run` (0-based) of fuzz seed `seed`. */
export function runSeed(seed: number, run: number): number {
  if (!Number.isSafeInteger(seed) || !Number.isInteger(run) || run < 0) {
    throw new RangeError(`runSeed: expected an integer seed and a run >= 0, got ${seed}, ${run}`);
  }
  const low = seed | 0;
  const high = Math.floor(seed / 2 ** 32) | 0;
  return fmix32(fmix32(low ^ 0x9e3779b9) ^ fmix32(high + 0x632be5ab) ^ Math.imul(run + 1, 0x27d4eb2f));
}
