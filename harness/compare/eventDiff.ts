/**
 * Sequence diff of the events two engines emitted at one checkpoint. Events are
 * compared as canonical strings (every field); a deleted event and an inserted one
 * at the same place in the script are reported as one change.
 */
import type { EngineEvent } from '../../engines/shared/observation.ts';
import { diffSequences } from './sequenceDiff.ts';
import type { EventEdit } from './types.ts';

export function diffEvents(ref: readonly EngineEvent[], cand: readonly EngineEvent[]): EventEdit[] {
  const ops = diffSequences(ref.map(canonicalEvent), cand.map(canonicalEvent));
  const edits: EventEdit[] = [];
  // A hunk is a run of deletes and inserts between two equal events: pair them in order.
  let deletes: number[] = [];
  let inserts: number[] = [];
  const flush = (nextRef: number, nextCand: number) => {
    const paired = Math.min(deletes.length, inserts.length);
    for (let i = 0; i < paired; i++) {
      const [r, c] = [deletes[i], inserts[i]];
      edits.push({ op: 'change', index: r, candidateIndex: c, reference: ref[r], candidate: cand[c] });
    }
    for (const r of deletes.slice(paired)) {
      edits.push({ op: 'delete', index: r, candidateIndex: nextCand, reference: ref[r] });
    }
    for (const c of inserts.slice(paired)) {
      edits.push({ op: 'insert', index: nextRef, candidateIndex: c, candidate: cand[c] });
    }
    deletes = [];
    inserts = [];
  };
  for (const o of ops) {
    if (o.op === 'delete') deletes.push(o.a);
    else if (o.op === 'insert') inserts.push(o.b);
    else flush(o.a, o.b);
  }
  flush(ref.length, cand.length);
  return edits;
}

/** Every field, in a fixed order: two events are equal iff these strings are. */
export function canonicalEvent(e: EngineEvent): string {
  return JSON.stringify([e.step, e.kind, e.code, e.id, e.detail]);
}
