/**
 * Tree edits: append, insert, remove, destroy. Each is valid by construction (the
 * materialiser only picks pairs the engine accepts); append/insert of a node that already
 * has a parent is the double-append quirk, not an error.
 */
import fc from 'fast-check';
import type { AppendIntent, DestroyIntent, InsertIntent, RemoveIntent } from '../types.ts';
import { pick } from './pick.ts';

export function appendIntent(): fc.Arbitrary<AppendIntent> {
  return fc.record({ kind: fc.constant('append' as const), child: pick(), parent: pick() });
}

export function insertIntent(): fc.Arbitrary<InsertIntent> {
  return fc.record({ kind: fc.constant('insert' as const), child: pick(), parent: pick(), before: pick() });
}

export function removeIntent(): fc.Arbitrary<RemoveIntent> {
  return fc.record({ kind: fc.constant('remove' as const), parent: pick(), child: pick() });
}

/** One destroy in three goes for the focused node (quirk focus-survives-destroy). */
export function destroyIntent(): fc.Arbitrary<DestroyIntent> {
  return fc.record({ kind: fc.constant('destroy' as const), target: pick(), preferFocused: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }) });
}
