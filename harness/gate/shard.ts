/**
 * Sharding across CI machines: a pure, deterministic partition. Cases are sorted by key
 * and dealt round-robin, so shards are balanced to within one case, every case lands in
 * exactly one shard, and the result does not depend on input order. Fuzz runs are
 * numbered and dealt the same way, each with its own derived seed, so n shards together
 * run exactly the runs of the unsharded budget.
 */
export interface Shard {
  /** 1-based, as written on the command line (`--shard 2/3`). */
  readonly index: number;
  readonly count: number;
}

export class ShardError extends Error {
  override name = 'ShardError';
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1000 || index < 1 || index > count) {
    throw new ShardError(`--shard: expected i/n with 1 <= i <= n <= 1000, got ${JSON.stringify(text)}`);
  }
  return { index, count };
}

export const WHOLE: Shard = { index: 1, count: 1 };

/** The items of one shard, in key order. */
export function partition<T>(items: readonly T[], key: (item: T) => string, shard: Shard): T[] {
  const sorted = [...items].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}

/** The fuzz run numbers (0-based) of one shard out of `runs`. */
export function shardRuns(runs: number, shard: Shard): number[] {
  const out: number[] = [];
  for (let r = shard.index - 1; r < runs; r += shard.count) out.push(r);
  return out;
}
