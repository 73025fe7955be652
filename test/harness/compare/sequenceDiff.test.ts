import { expect } from 'chai';
import fc from 'fast-check';
import { diffSequences } from '../../../harness/compare/sequenceDiff.ts';

/** Length of a longest common subsequence, by dynamic programming (the slow, obvious way). */
function lcsLength(a: string[], b: string[]): number {
  const row = new Array(b.length + 1).fill(0);
  for (const x of a) {
    let diag = 0;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = x === b[j - 1] ? diag + 1 : Math.max(row[j], row[j - 1]);
      diag = up;
    }
  }
  return row[b.length];
}

describe('diffSequences', () => {
  it('turns one sequence into the other with the fewest inserts and deletes', () => {
    const seq = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 12 });
    fc.assert(
      fc.property(seq, seq, (a, b) => {
        const ops = diffSequences(a, b);
        // Replaying the script over a yields b, and visits a and b in order.
        const out: string[] = [];
        let [i, j] = [0, 0];
        for (const o of ops) {
          expect([o.a, o.b]).to.deep.equal([i, j]);
          if (o.op === 'equal') expect(a[i]).to.equal(b[j]);
          if (o.op !== 'insert') i++;
          if (o.op !== 'delete') out.push(b[j++]);
        }
        expect([i, out]).to.deep.equal([a.length, b]);
        const edits = ops.filter((o) => o.op !== 'equal').length;
        expect(edits).to.equal(a.length + b.length - 2 * lcsLength(a, b));
      }),
      { numRuns: 500 },
    );
  });
});
