/**
 * The node store and tree mutation: create, append, insert, remove, destroy.
 * Each mutation validates first and returns a SceneError (or null) without changing
 * anything on rejection. Check order is part of the reference behaviour.
 */
import type { EventCode } from '../shared/observation.ts';
import { CAPS, NODE_TYPES, ROOT_ID } from '../shared/protocol.ts';
import type { NodeType } from '../shared/protocol.ts';
import { NO_PARENT, SceneNode } from './node.ts';

export interface SceneError {
  readonly code: EventCode;
  readonly id: number;
  readonly detail: string;
}

function error(code: EventCode, id: number, detail = ''): SceneError {
  return { code, id, detail };
}

/** A value usable as an event id: integers pass, anything else reports -1. */
export function eventId(v: unknown): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : -1;
}

export function isNodeId(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= CAPS.maxNodeId;
}

export class Scene {
  /** Lookup only; never iterated (iteration order would be a porting hazard). */
  private readonly nodes = new Map<number, SceneNode>();
  readonly root: SceneNode;

  constructor() {
    this.root = new SceneNode(ROOT_ID, 'view');
    this.nodes.set(ROOT_ID, this.root);
  }

  get(id: unknown): SceneNode | undefined {
    return typeof id === 'number' ? this.nodes.get(id) : undefined;
  }

  get size(): number {
    return this.nodes.size;
  }

  create(id: unknown, type: unknown): SceneError | null {
    // 1. check_id
    if (!isNodeId(id)) return error('bad-value', eventId(id), 'id');
    // 2. check_duplicate
    if (this.nodes.has(id)) return error('duplicate-id', id);
    // 3. check_type
    if (!(NODE_TYPES as readonly unknown[]).includes(type)) return error('bad-value', id, 'type');
    // 4. check_node_limit (root included)
    if (this.nodes.size >= CAPS.maxNodes) return error('node-limit', id);
    // 5. store_detached_node
    this.nodes.set(id, new SceneNode(id, type as NodeType));
    return null;
  }

  /** True when `ancestorId` is `id` or one of its ancestors, following parent pointers. */
  isAncestorOrSelf(ancestorId: number, id: number): boolean {
    // Parent pointers never form a loop: append refuses to create one, so this ends.
    let p = id;
    while (p !== NO_PARENT) {
      if (p === ancestorId) return true;
      const n = this.nodes.get(p);
      p = n === undefined ? NO_PARENT : n.parent;
    }
    return false;
  }

  /** Shared checks of append and insert; returns the nodes or an error. */
  private checkAttach(parentId: unknown, childId: unknown): SceneError | [SceneNode, SceneNode] {
    // 1. check_root_is_not_a_child
    if (childId === ROOT_ID) return error('root-immutable', ROOT_ID);
    // 2. look_up_parent_and_child
    const parent = this.get(parentId);
    if (parent === undefined) return error('unknown-node', eventId(parentId));
    const child = this.get(childId);
    if (child === undefined) return error('unknown-node', eventId(childId));
    // 3. check_cycle (through parent pointers, which double-append keeps pointing at the last parent)
    if (this.isAncestorOrSelf(child.id, parent.id)) return error('cycle', child.id);
    return [parent, child];
  }

  append(parentId: unknown, childId: unknown): SceneError | null {
    const checked = this.checkAttach(parentId, childId);
    if (!Array.isArray(checked)) return checked;
    const [parent, child] = checked;
    // quirk double-append: the child is not removed from its old parent's children; it is
    // listed under both and its parent pointer moves to the new parent. Appending twice to
    // the same parent lists it twice. A correct engine would detach it first (reparent).
    parent.children.push(child.id);
    child.parent = parent.id;
    return null;
  }

  insert(parentId: unknown, childId: unknown, beforeId: unknown): SceneError | null {
    const checked = this.checkAttach(parentId, childId);
    if (!Array.isArray(checked)) return checked;
    const [parent, child] = checked;
    // 4. find_before (first occurrence)
    const at = typeof beforeId === 'number' ? parent.children.indexOf(beforeId) : -1;
    if (at < 0) return error('not-a-child', eventId(beforeId), String(parent.id));
    // quirk double-append: as in append, the old parent keeps the child
    parent.children.splice(at, 0, child.id);
    child.parent = parent.id;
    return null;
  }

  remove(parentId: unknown, childId: unknown): SceneError | null {
    // 1. check_root_is_not_a_child
    if (childId === ROOT_ID) return error('root-immutable', ROOT_ID);
    // 2. look_up_parent_and_child
    const parent = this.get(parentId);
    if (parent === undefined) return error('unknown-node', eventId(parentId));
    const child = this.get(childId);
    if (child === undefined) return error('unknown-node', eventId(childId));
    // 3. find_child (first occurrence)
    const at = parent.children.indexOf(child.id);
    if (at < 0) return error('not-a-child', child.id, String(parent.id));
    // 4. detach: the pointer is cleared even if it pointed elsewhere (quirk double-append)
    parent.children.splice(at, 1);
    child.parent = NO_PARENT;
    return null;
  }

  destroy(id: unknown): SceneError | null {
    // 1. check_not_root
    if (id === ROOT_ID) return error('root-immutable', ROOT_ID);
    // 2. look_up_node
    const node = this.get(id);
    if (node === undefined) return error('unknown-node', eventId(id));
    // 3. detach_from_parent through the parent pointer (first occurrence); an older parent
    //    that still lists it (quirk double-append) keeps a stale id, skipped by tree walks
    const parent = this.nodes.get(node.parent);
    if (parent !== undefined) {
      const at = parent.children.indexOf(node.id);
      if (at >= 0) parent.children.splice(at, 1);
    }
    // 4. orphan_children: children stay alive, detached (those pointing here)
    for (let i = 0; i < node.children.length; i++) {
      const child = this.nodes.get(node.children[i]);
      if (child !== undefined && child.parent === node.id) child.parent = NO_PARENT;
    }
    // 5. forget_node
    this.nodes.delete(node.id);
    return null;
  }
}
