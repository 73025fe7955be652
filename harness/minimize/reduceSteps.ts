/**
 * Stage 2: the domain reducer. Works on concrete commands with a `keep` predicate (does
 * the candidate still show the divergence?), each pass accepting a candidate only when
 * `keep` says so:
 *   1. remove_unused_nodes  drop a node with every command that names it
 *   2. delta_debug          ddmin over steps (chunks, then single steps)
 *   3. simplify_values      smaller numbers, shorter strings, unnamed frames
 *   4. renumber_nodes       node ids 1, 2, 3 ... in order of first use
 *   5. one_minimal          single-step removals until none keeps the divergence
 * Passes 1-3 repeat until nothing changes. A refused candidate costs one `keep` call;
 * `keep` answers false once the budget is spent, so the result is always a stream that
 * was checked to show the divergence.
 */
import type { Command, Value } from '../../engines/shared/protocol.ts';

export type Keep = (steps: readonly Command[]) => Promise<boolean>;

/** Node ids a command names (root 0 included). */
export function idsOf(c: Command): number[] {
  switch (c.op) {
    case 'create': case 'set': case 'destroy': case 'focus': case 'animate': return [c.id];
    case 'append': case 'remove': return [c.parent, c.child];
    case 'insert': return [c.parent, c.child, c.before];
    default: return [];
  }
}

// 1. remove_unused_nodes
async function removeNodes(steps: readonly Command[], keep: Keep): Promise<readonly Command[]> {
  const created = [...new Set(steps.flatMap((c) => (c.op === 'create' ? [c.id] : [])))].reverse();
  let current = steps;
  for (const id of created) {
    const candidate = current.filter((c) => !idsOf(c).includes(id));
    if (candidate.length < current.length && candidate.length > 0 && (await keep(candidate))) current = candidate;
  }
  return current;
}

// 2. delta_debug (Zeller's ddmin: remove complements of chunks, refine the granularity)
async function deltaDebug(steps: readonly Command[], keep: Keep): Promise<readonly Command[]> {
  let current = steps;
  let n = 2;
  while (current.length >= 2) {
    const size = Math.ceil(current.length / n);
    let removed = false;
    for (let start = 0; start < current.length; start += size) {
      const candidate = [...current.slice(0, start), ...current.slice(start + size)];
      if (candidate.length > 0 && (await keep(candidate))) {
        current = candidate;
        n = Math.max(n - 1, 2);
        removed = true;
        break;
      }
    }
    if (removed) continue;
    if (n >= current.length) break;
    n = Math.min(n * 2, current.length);
  }
  return current;
}

// 3. simplify_values
/** Fewer digits first, then integers, then non-negative, then smaller magnitude. */
const complexity = (v: number): number =>
  ((Number.isInteger(v) ? 0 : 20) + String(Math.abs(v)).length + (v < 0 || Object.is(v, -0) ? 1 : 0)) * 1e7 + Math.min(Math.abs(v), 1e7 - 1);

function simplerNumbers(v: number): number[] {
  if (!Number.isFinite(v)) return [0];
  const options = [0, 1, -1, Math.trunc(v), Math.round(v), Math.trunc(v / 2), Math.trunc(v) - Math.sign(v), Math.round(v * 10) / 10];
  const seen = new Set<string>();
  return options
    .filter((x) => Number.isFinite(x) && complexity(x) < complexity(v) && !seen.has(String(x)) && seen.add(String(x)))
    .sort((a, b) => complexity(a) - complexity(b));
}

function simplerValues(v: Value): Value[] {
  if (typeof v === 'number') return simplerNumbers(v);
  if (typeof v === 'string') {
    const out: string[] = v.length > 0 ? [''] : [];
    if (v.length > 2) out.push(v.slice(0, Math.ceil(v.length / 2)));
    if (v.length > 1) out.push(v.slice(0, -1));
    return out;
  }
  return [];
}

/** Simpler versions of one command, simplest first. */
function simplerCommands(c: Command): Command[] {
  switch (c.op) {
    case 'set': return simplerValues(c.value).map((value) => ({ ...c, value }));
    case 'animate': return [
      ...simplerNumbers(c.to).map((to) => ({ ...c, to })),
      ...simplerNumbers(c.ms).map((ms) => ({ ...c, ms })),
      ...(c.easing !== 'linear' ? [{ ...c, easing: 'linear' as const }] : []),
    ];
    case 'tick': return simplerNumbers(c.ms).map((ms) => ({ ...c, ms }));
    case 'resize': return [
      ...simplerNumbers(c.width).map((width) => ({ ...c, width })),
      ...simplerNumbers(c.height).map((height) => ({ ...c, height })),
    ];
    case 'frame': return c.name !== undefined ? [{ op: 'frame' }] : [];
    default: return [];
  }
}

async function simplifyValues(steps: readonly Command[], keep: Keep): Promise<readonly Command[]> {
  let current = steps;
  for (let i = 0; i < current.length; i++) {
    for (const simpler of simplerCommands(current[i])) {
      const candidate = current.map((c, j) => (j === i ? simpler : c));
      if (await keep(candidate)) {
        current = candidate;
        break;
      }
    }
  }
  return current;
}

// 4. renumber_nodes
export function renumber(steps: readonly Command[]): Command[] {
  const map = new Map<number, number>([[0, 0]]);
  for (const c of steps) for (const id of idsOf(c)) if (!map.has(id) && id > 0) map.set(id, map.size);
  const to = (id: number) => map.get(id) ?? id;
  return steps.map((c): Command => {
    switch (c.op) {
      case 'create': case 'set': case 'destroy': case 'focus': case 'animate': return { ...c, id: to(c.id) };
      case 'append': case 'remove': return { ...c, parent: to(c.parent), child: to(c.child) };
      case 'insert': return { ...c, parent: to(c.parent), child: to(c.child), before: to(c.before) };
      default: return c;
    }
  });
}

async function renumberNodes(steps: readonly Command[], keep: Keep): Promise<readonly Command[]> {
  const candidate = renumber(steps);
  if (JSON.stringify(candidate) === JSON.stringify(steps)) return steps;
  return (await keep(candidate)) ? candidate : steps;
}

// 5. one_minimal
async function singleRemovals(steps: readonly Command[], keep: Keep): Promise<readonly Command[]> {
  let current = steps;
  for (let changed = true; changed;) {
    changed = false;
    for (let i = current.length - 1; i >= 0 && current.length > 1; i--) {
      const candidate = [...current.slice(0, i), ...current.slice(i + 1)];
      if (await keep(candidate)) {
        current = candidate;
        changed = true;
      }
    }
  }
  return current;
}

export async function reduceSteps(steps: readonly Command[], keep: Keep): Promise<readonly Command[]> {
  let current = steps;
  for (let round = 0; round < 8; round++) {
    const before = current;
    current = await removeNodes(current, keep);
    current = await deltaDebug(current, keep);
    current = await simplifyValues(current, keep);
    if (current === before) break;
  }
  current = await renumberNodes(current, keep);
  return singleRemovals(current, keep);
}
