/**
 * A simulated scene: which nodes exist, their types, parent pointers and child lists,
 * their coerced style, focus and the viewport. It checks each command in the order the
 * legacy engine does (engines/legacy-js/README.md "Commands and events") and applies the
 * accepted ones with the same tree rules (append never detaches: quirk double-append).
 *
 * Style coercion is the legacy engine's own `setProperty` on a legacy `SceneNode`: the
 * reference decides what a value means, so the model cannot drift from it. Layout and
 * paint are not simulated.
 */
import { setProperty } from '../../../engines/legacy-js/style.ts';
import { NO_PARENT, SceneNode } from '../../../engines/legacy-js/node.ts';
import type { EventCode } from '../../../engines/shared/observation.ts';
import { PROPERTIES, PROPERTY_INDEX } from '../../../engines/shared/properties.ts';
import { CAPS, EASINGS, KEYS, NODE_TYPES, ROOT_ID } from '../../../engines/shared/protocol.ts';
import type { Command, Value } from '../../../engines/shared/protocol.ts';
import type { Viewport } from '../types.ts';
import { generatedImages } from './generatedImages.ts';

const MAX_SIZE = CAPS.maxViewportSide;

export class SceneModel {
  /** Live nodes by id, in creation order (the root first). */
  readonly nodes = new Map<number, SceneNode>();
  focused = -1;
  viewport: Viewport;

  constructor(viewport: Viewport) {
    this.viewport = viewport;
    this.nodes.set(ROOT_ID, new SceneNode(ROOT_ID, 'view'));
  }

  node(id: number): SceneNode | undefined {
    return this.nodes.get(id);
  }

  /** `live()`, kept until a node is created or destroyed (the materializer asks for it on nearly every intent). */
  private liveList: readonly SceneNode[] | null = null;

  /** Live nodes in creation order, the root first. */
  live(): readonly SceneNode[] {
    return (this.liveList ??= [...this.nodes.values()]);
  }

  /** Live nodes reachable from the root through child lists, in paint-tree order (first visit). */
  attached(): SceneNode[] {
    const seen = new Set<number>();
    const out: SceneNode[] = [];
    const visit = (id: number): void => {
      const node = this.nodes.get(id);
      if (node === undefined || seen.has(id)) return;
      seen.add(id);
      out.push(node);
      for (const child of node.children) visit(child);
    };
    visit(ROOT_ID);
    return out;
  }

  /** Whether `ancestor` is `id` or one of its ancestors by parent pointers (the engine's cycle test). */
  isAncestorOrSelf(ancestor: number, id: number): boolean {
    let current = id;
    for (let guard = 0; current !== NO_PARENT && guard <= this.nodes.size; guard++) {
      if (current === ancestor) return true;
      current = this.nodes.get(current)?.parent ?? NO_PARENT;
    }
    return false;
  }

  /** Live ids in `parent`'s child list (stale ids of destroyed nodes left out), in order. */
  liveChildren(parent: SceneNode): number[] {
    return parent.children.filter((id) => this.nodes.has(id));
  }

  /** The error event `command` would cause, or null when the engine accepts it. */
  check(command: Command): EventCode | null {
    switch (command.op) {
      case 'create':
        if (this.nodes.has(command.id)) return 'duplicate-id';
        if (!(NODE_TYPES as readonly string[]).includes(command.type)) return 'bad-value';
        return this.nodes.size >= CAPS.maxNodes ? 'node-limit' : null;
      case 'set': {
        const node = this.nodes.get(command.id);
        if (node === undefined) return 'unknown-node';
        return setOutcome(copyOf(node), command.prop, command.value);
      }
      case 'append':
      case 'insert': {
        if (command.child === ROOT_ID) return 'root-immutable';
        const parent = this.nodes.get(command.parent);
        if (parent === undefined || !this.nodes.has(command.child)) return 'unknown-node';
        if (this.isAncestorOrSelf(command.child, command.parent)) return 'cycle';
        if (command.op === 'insert' && !parent.children.includes(command.before)) return 'not-a-child';
        return null;
      }
      case 'remove': {
        if (command.child === ROOT_ID) return 'root-immutable';
        const parent = this.nodes.get(command.parent);
        if (parent === undefined || !this.nodes.has(command.child)) return 'unknown-node';
        return parent.children.includes(command.child) ? null : 'not-a-child';
      }
      case 'destroy':
        if (command.id === ROOT_ID) return 'root-immutable';
        return this.nodes.has(command.id) ? null : 'unknown-node';
      case 'focus': {
        const node = this.nodes.get(command.id);
        if (node === undefined) return 'unknown-node';
        return node.focusable ? null : 'not-focusable';
      }
      case 'key':
        return (KEYS as readonly string[]).includes(command.key) ? null : 'bad-value';
      case 'animate': {
        if (!this.nodes.has(command.id)) return 'unknown-node';
        const index = PROPERTY_INDEX.get(command.prop);
        if (index === undefined) return 'unknown-prop';
        const animatable = 'animatable' in PROPERTIES[index] && PROPERTIES[index].animatable === true;
        if (!animatable || !Number.isFinite(command.to) || !Number.isFinite(command.ms) || command.ms < 0) return 'bad-value';
        return (EASINGS as readonly string[]).includes(command.easing) ? null : 'bad-value';
      }
      case 'tick':
        return Number.isFinite(command.ms) && command.ms >= 0 ? null : 'bad-value';
      case 'resize':
        return isSide(command.width) && isSide(command.height) ? null : 'bad-size';
      case 'frame':
        return command.name === undefined || (typeof command.name === 'string' && command.name.length <= CAPS.maxStringLength) ? null : 'bad-value';
    }
  }

  /** Checks `command` and applies it when accepted; returns the error event or null. */
  apply(command: Command): EventCode | null {
    // A `set` is checked and applied in one `setProperty` on the live node, as the legacy
    // engine's applySet does (a rejected set leaves the node unchanged), so the hot path
    // needs no throwaway copy.
    if (command.op === 'set') {
      const node = this.nodes.get(command.id);
      return node === undefined ? 'unknown-node' : setOutcome(node, command.prop, command.value);
    }
    const error = this.check(command);
    if (error === null) this.mutate(command);
    return error;
  }

  private mutate(command: Command): void {
    switch (command.op) {
      case 'create':
        this.nodes.set(command.id, new SceneNode(command.id, command.type));
        this.liveList = null;
        return;
      case 'set':
        return; // applied by `apply` itself
      case 'append': {
        // quirk double-append: the child is pushed without leaving its previous parent's list
        this.nodes.get(command.parent)!.children.push(command.child);
        this.nodes.get(command.child)!.parent = command.parent;
        return;
      }
      case 'insert': {
        const parent = this.nodes.get(command.parent)!;
        parent.children.splice(parent.children.indexOf(command.before), 0, command.child);
        this.nodes.get(command.child)!.parent = command.parent;
        return;
      }
      case 'remove': {
        const parent = this.nodes.get(command.parent)!;
        parent.children.splice(parent.children.indexOf(command.child), 1);
        this.nodes.get(command.child)!.parent = NO_PARENT;
        return;
      }
      case 'destroy':
        this.destroy(command.id);
        return;
      case 'focus':
        this.focused = command.id;
        return;
      case 'resize':
        this.viewport = { width: command.width, height: command.height };
        return;
      default:
        return; // key, animate, tick, frame change no tree state the model tracks
    }
  }

  private destroy(id: number): void {
    const node = this.nodes.get(id)!;
    const parent = this.nodes.get(node.parent);
    if (parent !== undefined) {
      const at = parent.children.indexOf(id);
      if (at >= 0) parent.children.splice(at, 1);
    }
    for (const childId of node.children) {
      const child = this.nodes.get(childId);
      if (child !== undefined && child.parent === id) child.parent = NO_PARENT;
    }
    // Focus is left alone (quirk focus-survives-destroy).
    this.nodes.delete(id);
    this.liveList = null;
  }
}

function isSide(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_SIZE;
}

/** A throwaway copy, so checking a `set` never changes the model. */
function copyOf(node: SceneNode): SceneNode {
  return Object.assign(new SceneNode(node.id, node.type), node, { children: [] });
}

function setOutcome(node: SceneNode, prop: string, value: Value): EventCode | null {
  const outcome = setProperty(node, prop, value, generatedImages());
  return outcome === 'ok' ? null : outcome;
}

