/**
 * Shortest edit script between two sequences of canonical strings: Myers' O((N+M)D)
 * greedy algorithm (E. W. Myers, "An O(ND) Difference Algorithm and Its Variations",
 * Algorithmica 1986), with the common prefix and suffix trimmed first. Differences
 * are expected to be few, so memory (the saved frontier per edit, O(D^2)) stays small.
 */

/** One step of the script; `a`/`b` are the positions in each sequence at that step. */
export interface SequenceOp {
  readonly op: 'equal' | 'delete' | 'insert';
  readonly a: number;
  readonly b: number;
}

export function diffSequences(a: readonly string[], b: readonly string[]): SequenceOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = middleScript(a.slice(start, endA), b.slice(start, endB));
  const ops: SequenceOp[] = [];
  for (let i = 0; i < start; i++) ops.push({ op: 'equal', a: i, b: i });
  for (const o of middle) ops.push({ op: o.op, a: o.a + start, b: o.b + start });
  for (let i = 0; endA + i < a.length; i++) ops.push({ op: 'equal', a: endA + i, b: endB + i });
  return ops;
}

function middleScript(a: readonly string[], b: readonly string[]): SequenceOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const off = max + 1;
  // v[k + off]: furthest x reached on diagonal k = x - y.
  const v = new Int32Array(2 * max + 3);
  // trace[d]: v before round d, for diagonals -d-1..d+1 only (stored from index 0).
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]);
      let x = down ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return [];
}

function backtrack(trace: readonly Int32Array[], depth: number, n: number, m: number): SequenceOp[] {
  const ops: SequenceOp[] = [];
  let x = n;
  let y = m;
  for (let d = depth; d > 0; d--) {
    const saved = trace[d];
    const at = (k: number) => saved[k + d + 1];
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ op: 'equal', a: x, b: y });
    }
    if (down) ops.push({ op: 'insert', a: prevX, b: prevY });
    else ops.push({ op: 'delete', a: prevX, b: prevY });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    ops.push({ op: 'equal', a: x, b: y });
  }
  return ops.reverse();
}
