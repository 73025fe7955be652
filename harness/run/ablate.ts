/**
 * Ablation: what a layout, frame or event divergence needs to appear. The step after
 * which a divergence first shows (./localize.ts) is often only what made it visible — the
 * `append` that attached a node whose padding the candidate had already decoded wrong, the
 * `set background` that painted it — and those are common to every bug. So each kind of
 * command used up to that step (`set padding`) is left out in turn — every use of it
 * before the checkpoint, at once — the stream is run again on fresh sessions of both
 * engines, and the kind is needed when the divergence is gone: no divergence of the same
 * symptom on the same node at that checkpoint. Never left out: `create`, `frame`, and the first `append` or `insert` of a
 * node — without them the node is not there at all, which says nothing about the bug; a
 * later one (a node attached again: double-append) may be. A needed kind carries the kinds
 * of its values (../compare/valueClass.ts): `set maxLines(0)`.
 */
import type { Observation } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';
import { compareObservations } from '../compare/compareObservations.ts';
import type { CompareOptions, Divergence } from '../compare/types.ts';
import type { EngineSession } from '../engines/types.ts';
import { commandShape } from '../compare/identity.ts';
import { commandValueClass } from '../compare/valueClass.ts';
import type { IdentifyStream } from './identify.ts';
import { checkpointBatches, ownObservation } from './observeStream.ts';
import type { CaseEngines } from './runCase.ts';

/** Indices of the commands that may be left out: all but create, frame and a node's first attach. */
export function ablatable(steps: readonly Command[], until: number): number[] {
  const attached = new Set<number>();
  const out: number[] = [];
  for (let k = 0; k < until; k++) {
    const c = steps[k];
    if (c.op === 'create' || c.op === 'frame') continue;
    if (c.op === 'append' || c.op === 'insert') {
      if (!attached.has(c.child)) {
        attached.add(c.child);
        continue;
      }
    }
    out.push(k);
  }
  return out;
}

/**
 * For each divergence, what it needs: the command shapes (with their values' kinds) whose
 * removal — every command of that shape up to where it first shows, at once, so that a
 * property set twice does not hide behind its twin — makes it disappear.
 */
export async function ablate(
  divergences: readonly Divergence[],
  stream: IdentifyStream,
  engines: CaseEngines,
  compare: CompareOptions = {},
  /** Per divergence, the step after which it first shows (./localize.ts): only commands up to it are left out. */
  shownAt: readonly (number | undefined)[] = [],
): Promise<string[][]> {
  const needed = divergences.map(() => [] as string[]);
  const upTo = divergences.map((d, i) => Math.min(d.step, (shownAt[i] ?? -1) >= 0 ? shownAt[i]! : d.step));
  const ordinals = divergences.map((d) => checkpointOrdinal(stream.steps, d.step));
  const last = Math.max(-1, ...divergences.map((d) => d.step));
  for (const [shape, all] of byShape(stream.steps, ablatable(stream.steps, last))) {
    // divergences that lose the same commands of this kind share one rerun
    const runs = new Map<string, { left: number[]; mine: number[] }>();
    divergences.forEach((d, i) => {
      // a kind used up to where it first shows is tried; every use before its checkpoint
      // goes, so that a later twin cannot keep it alive
      if (!all.some((k) => k <= upTo[i])) return;
      const left = all.filter((k) => k < d.step);
      const key = left.join(',');
      const r = runs.get(key) ?? { left, mine: [] };
      r.mine.push(i);
      runs.set(key, r);
    });
    for (const { left, mine } of runs.values()) {
      const gone = new Set(left);
      // only the checkpoints these divergences are at are looked at; events are drained by
      // every snapshot, so with an event divergence every checkpoint is taken, as in the case
      const wanted = mine.some((i) => divergences[i].kind === 'events') ? null : new Set(mine.map((i) => ordinals[i]));
      const observed = await observeBoth(stream.steps.filter((_, k) => !gone.has(k)), stream, engines, wanted);
      // each checkpoint compared once, however many divergences it holds
      const found = new Map<number, Divergence[]>();
      const at = (ordinal: number) => {
        let f = found.get(ordinal);
        if (!f) found.set(ordinal, (f = observed ? compareAt(observed, ordinal, compare) : []));
        return f;
      };
      for (const i of mine) if (!stillShows(divergences[i], at(ordinals[i]))) needed[i].push(withValues(shape, left.filter((k) => k <= upTo[i]), stream.steps));
    }
  }
  return needed.map((n) => n.sort());
}

/** Command indices grouped by shape (`set padding`), in order of first appearance. */
function byShape(steps: readonly Command[], indices: readonly number[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const k of indices) {
    const shape = commandShape(steps[k]);
    const g = out.get(shape);
    if (g) g.push(k);
    else out.set(shape, [k]);
  }
  return out;
}

/** `set maxLines(0)`, `set text(astral|text)`: the shape and the kinds of its values. */
function withValues(shape: string, indices: readonly number[], steps: readonly Command[]): string {
  const kinds = [...new Set(indices.map((k) => commandValueClass(steps[k])).filter((k): k is string => k !== null))].sort();
  return kinds.length > 0 ? `${shape}(${kinds.join('|')})` : shape;
}

/** How many `frame` commands come before the one at `step`: the checkpoint's index. */
function checkpointOrdinal(steps: readonly Command[], step: number): number {
  let n = 0;
  for (let i = 0; i < step; i++) if (steps[i].op === 'frame') n++;
  return n;
}

/** Both engines' observations at every checkpoint of `steps`; null when an engine fails. */
async function observeBoth(steps: readonly Command[], stream: IdentifyStream, engines: CaseEngines, wanted: ReadonlySet<number> | null): Promise<[Observation[], Observation[]] | null> {
  const out: Observation[][] = [];
  for (const side of ['reference', 'candidate'] as const) {
    let session: EngineSession | undefined;
    try {
      session = await engines[side].create(stream.viewport, { assets: stream.assets, quirks: side === 'reference' ? engines.referenceQuirks : engines.candidateQuirks });
      out.push(await checkpoints(session, steps, wanted));
    } catch {
      return null;
    } finally {
      await Promise.resolve(session?.dispose()).catch(() => undefined);
    }
  }
  return [out[0], out[1]];
}

/** Observations at the wanted checkpoints (all when null), by checkpoint index; the rest of the stream applied too. */
async function checkpoints(session: EngineSession, steps: readonly Command[], wanted: ReadonlySet<number> | null): Promise<Observation[]> {
  const observed: Observation[] = [];
  let ordinal = 0;
  for (const [start, end] of checkpointBatches(steps)) {
    await session.apply(steps.slice(start, end));
    if (steps[end - 1].op !== 'frame') continue;
    if (wanted === null || wanted.has(ordinal)) observed[ordinal] = ownObservation(await session.snapshot());
    ordinal++;
  }
  return observed;
}

function compareAt([ref, cand]: [Observation[], Observation[]], ordinal: number, compare: CompareOptions): Divergence[] {
  return ref[ordinal] && cand[ordinal] ? compareObservations([ref[ordinal]], [cand[ordinal]], compare) : [];
}

/** The same symptom (kind and coarse signature) on the same node. */
function stillShows(d: Divergence, found: readonly Divergence[]): boolean {
  const node = d.site?.chain[d.site.chain.length - 1];
  const group = d.group ?? d.signature;
  return found.some((x) => x.kind === d.kind && x.signature === group && x.site?.chain[x.site.chain.length - 1] === node);
}
