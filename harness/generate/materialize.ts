/**
 * Turns intents into concrete commands by resolving each against a simulated scene
 * (./_internals/sceneModel.ts). Picks index pools of live nodes modulo their length; new
 * ids are 1, 2, 3, … in creation order. A valid intent whose pool is empty (e.g. focus
 * with no focusable node) produces nothing, so any sub-list of intents (what shrinking
 * makes) still materialises to a meaningful stream. An invalid intent always produces
 * exactly one rejected command, falling back to an unknown id when its pool is empty.
 * The stream always ends with a `frame`.
 */
import { PROPERTIES } from '../../engines/shared/properties.ts';
import { CAPS, ROOT_ID } from '../../engines/shared/protocol.ts';
import type { Command, NodeType } from '../../engines/shared/protocol.ts';
import type { SceneNode } from '../../engines/legacy-js/node.ts';
import { SceneModel } from './_internals/sceneModel.ts';
import type { FocusGridIntent, Intent, InvalidIntent, Pick, SpawnIntent, Viewport } from './types.ts';

export interface Materialized {
  readonly commands: readonly Command[];
  /** Steps the scene model expects the engines to reject. */
  readonly invalidSteps: readonly number[];
  /** The index of the intent behind each command (-1: the closing frame). */
  readonly origins: readonly number[];
}

const GRID_COLOURS = ['#3366cc', '#cc6633', '#33aa55', '#aa33aa', '#dddd22', '#22dddd', '#dd2222', '#888888'];

function choose<T>(pool: readonly T[], at: Pick): T | undefined {
  return pool.length === 0 ? undefined : pool[at % pool.length];
}

/** Property name -> group, the first table entry of each name (what PROPERTIES.find gives). */
const GROUPS: ReadonlyMap<string, string> = PROPERTIES.reduceRight((m, p) => m.set(p.name, p.group), new Map<string, string>());

function groupOf(prop: string): string | undefined {
  return GROUPS.get(prop);
}

/** Node types that take `prop` (text props: text; image props: image; the rest: all). */
function takes(node: SceneNode, prop: string): boolean {
  const group = groupOf(prop);
  if (group === 'text') return node.type === 'text';
  if (group === 'image') return node.type === 'image';
  return true;
}

class Materializer {
  readonly model: SceneModel;
  readonly commands: Command[] = [];
  readonly invalidSteps: number[] = [];
  readonly origins: number[] = [];
  private nextId = 1;
  private frames = 0;
  private readonly destroyed: number[] = [];
  private origin = -1;

  constructor(viewport: Viewport) {
    this.model = new SceneModel(viewport);
  }

  run(intents: readonly Intent[]): Materialized {
    intents.forEach((intent, i) => {
      this.origin = i;
      this.resolve(intent);
    });
    this.origin = -1;
    if (this.commands.length === 0 || this.commands[this.commands.length - 1].op !== 'frame') this.frame(true);
    return { commands: this.commands, invalidSteps: this.invalidSteps, origins: this.origins };
  }

  private emit(command: Command): void {
    const error = this.model.apply(command);
    if (error !== null) this.invalidSteps.push(this.commands.length);
    if (error === null && command.op === 'destroy') this.destroyed.push(command.id);
    this.commands.push(command);
    this.origins.push(this.origin);
  }

  // Pools, all in creation order (the root first where it belongs).
  private live(): readonly SceneNode[] { return this.model.live(); }
  private nonRoot(): SceneNode[] { return this.live().filter((n) => n.id !== ROOT_ID); }
  private attachedViews(): SceneNode[] { return this.model.attached().filter((n) => n.type === 'view'); }
  /** Views that may take `child` without a cycle. */
  private parentsFor(child: SceneNode): SceneNode[] {
    return this.live().filter((p) => p.type === 'view' && !this.model.isAncestorOrSelf(child.id, p.id));
  }

  private frame(named: boolean): void {
    this.frames++;
    this.emit(named ? { op: 'frame', name: `f${this.frames}` } : { op: 'frame' });
  }

  private resolve(intent: Intent): void {
    switch (intent.kind) {
      case 'spawn': return this.spawn(intent);
      case 'set': {
        const node = choose(this.live().filter((n) => takes(n, intent.prop)), intent.target);
        if (node) this.emit({ op: 'set', id: node.id, prop: intent.prop, value: intent.value });
        return;
      }
      case 'append': {
        const child = choose(this.nonRoot(), intent.child);
        const parent = child && choose(this.parentsFor(child), intent.parent);
        if (child && parent) this.emit({ op: 'append', parent: parent.id, child: child.id });
        return;
      }
      case 'insert': {
        const child = choose(this.nonRoot(), intent.child);
        const parent = child && choose(this.parentsFor(child).filter((p) => this.model.liveChildren(p).length > 0), intent.parent);
        const before = parent && choose(this.model.liveChildren(parent), intent.before);
        if (child && parent && before !== undefined) this.emit({ op: 'insert', parent: parent.id, child: child.id, before });
        return;
      }
      case 'remove': {
        const parent = choose(this.live().filter((p) => this.model.liveChildren(p).length > 0), intent.parent);
        const child = parent && choose(this.model.liveChildren(parent), intent.child);
        if (parent && child !== undefined) this.emit({ op: 'remove', parent: parent.id, child });
        return;
      }
      case 'destroy': {
        const focused = this.model.node(this.model.focused);
        const node = intent.preferFocused && focused && focused.id !== ROOT_ID ? focused : choose(this.nonRoot(), intent.target);
        if (node) this.emit({ op: 'destroy', id: node.id });
        return;
      }
      case 'focus': {
        const node = choose(this.live().filter((n) => n.focusable), intent.target);
        if (node) this.emit({ op: 'focus', id: node.id });
        return;
      }
      case 'key': return this.emit({ op: 'key', key: intent.key });
      case 'animate': {
        const node = choose(this.nonRoot(), intent.target);
        if (node) this.emit({ op: 'animate', id: node.id, prop: intent.prop, to: intent.to, ms: intent.ms, easing: intent.easing });
        for (let i = 0; node && intent.ticks && i < intent.ticks.count; i++) this.emit({ op: 'tick', ms: intent.ticks.ms });
        return;
      }
      case 'tick':
        for (let i = 0; i < intent.count; i++) this.emit({ op: 'tick', ms: intent.ms });
        return;
      case 'resize': return this.emit({ op: 'resize', width: intent.width, height: intent.height });
      case 'frame': return this.frame(intent.named);
      case 'focusGrid': return this.focusGrid(intent);
      case 'invalid': return this.invalid(intent);
    }
  }

  private create(type: NodeType, parent: number | null): number {
    const id = this.nextId++;
    this.emit({ op: 'create', id, type });
    if (parent !== null) this.emit({ op: 'append', parent, child: id });
    return id;
  }

  private spawn(intent: SpawnIntent): void {
    const parent = intent.parent === null ? undefined : choose(this.attachedViews(), intent.parent);
    const id = this.create(intent.nodeType, parent === undefined ? null : parent.id);
    for (const { prop, value } of intent.props) this.emit({ op: 'set', id, prop, value });
  }

  private focusGrid(intent: FocusGridIntent): void {
    const parent = choose(this.attachedViews(), intent.parent)!; // the root is always attached
    const grid = this.create('view', parent.id);
    this.emit({ op: 'set', id: grid, prop: 'gap', value: intent.gap });
    const cells: number[] = [];
    for (let r = 0; r < intent.rows; r++) {
      const row = this.create('view', grid);
      this.emit({ op: 'set', id: row, prop: 'direction', value: 'row' });
      this.emit({ op: 'set', id: row, prop: 'gap', value: intent.gap });
      for (let c = 0; c < intent.cols; c++) {
        const cell = this.create('view', row);
        cells.push(cell);
        this.emit({ op: 'set', id: cell, prop: 'width', value: intent.cell });
        this.emit({ op: 'set', id: cell, prop: 'height', value: intent.cell });
        this.emit({ op: 'set', id: cell, prop: 'background', value: GRID_COLOURS[cells.length % GRID_COLOURS.length] });
        this.emit({ op: 'set', id: cell, prop: 'focusable', value: true });
      }
    }
    for (const h of new Set(intent.hidden.map((i) => i % cells.length))) this.emit({ op: 'set', id: cells[h], prop: 'visible', value: intent.hideWith });
    if (intent.focusFirst) this.emit({ op: 'focus', id: cells[0] });
  }

  /** An id no live node has: never created yet, destroyed, or the largest id. */
  private missingId(kind: 'never-created' | 'destroyed' | 'max-id', at: Pick): number {
    const destroyed = this.destroyed.filter((id) => !this.model.nodes.has(id));
    if (kind === 'destroyed' && destroyed.length > 0) return choose(destroyed, at)!;
    if (kind === 'max-id' && !this.model.nodes.has(CAPS.maxNodeId)) return CAPS.maxNodeId;
    return this.nextId + 1000; // above every id this stream will plausibly create
  }

  private invalid(intent: InvalidIntent): void {
    const command = this.invalidCommand(intent) ?? { op: 'destroy', id: this.missingId('never-created', 0) };
    this.emit(command);
  }

  private invalidCommand(intent: InvalidIntent): Command | undefined {
    const live = this.live();
    switch (intent.variant) {
      case 'unknown-node': {
        const id = this.missingId(intent.missing, intent.other);
        const other = choose(live, intent.other)!;
        switch (intent.op) {
          case 'set': return { op: 'set', id, prop: 'width', value: 10 };
          case 'destroy': return { op: 'destroy', id };
          case 'focus': return { op: 'focus', id };
          case 'append': return { op: 'append', parent: other.id, child: id };
          case 'remove': return { op: 'remove', parent: other.id, child: id };
          case 'animate': return { op: 'animate', id, prop: 'x', to: 10, ms: 100, easing: 'linear' };
        }
        return undefined;
      }
      case 'duplicate-id': return { op: 'create', id: choose(live, intent.target)!.id, type: intent.nodeType };
      case 'cycle': {
        const child = choose(this.nonRoot(), intent.target);
        const parent = child && choose(live.filter((p) => this.model.isAncestorOrSelf(child.id, p.id)), intent.descendant);
        return child && parent ? { op: 'append', parent: parent.id, child: child.id } : undefined;
      }
      case 'not-a-child': {
        const parent = choose(live, intent.parent)!;
        if (intent.op === 'remove') {
          const child = choose(this.nonRoot().filter((c) => !parent.children.includes(c.id)), intent.child);
          return child && { op: 'remove', parent: parent.id, child: child.id };
        }
        const child = choose(this.nonRoot().filter((c) => !this.model.isAncestorOrSelf(c.id, parent.id)), intent.child);
        const before = live.find((b) => !parent.children.includes(b.id))?.id ?? this.missingId('never-created', 0);
        return child && { op: 'insert', parent: parent.id, child: child.id, before };
      }
      case 'root-immutable': {
        const parent = choose(live, intent.parent)!.id;
        switch (intent.op) {
          case 'destroy': return { op: 'destroy', id: ROOT_ID };
          case 'append': return { op: 'append', parent, child: ROOT_ID };
          case 'remove': return { op: 'remove', parent, child: ROOT_ID };
          case 'insert': return { op: 'insert', parent, child: ROOT_ID, before: ROOT_ID };
        }
        return undefined;
      }
      case 'unknown-prop': {
        const node = choose(live, intent.target)!;
        return intent.op === 'set'
          ? { op: 'set', id: node.id, prop: intent.prop, value: 1 }
          : { op: 'animate', id: node.id, prop: intent.prop, to: 1, ms: 100, easing: 'linear' };
      }
      case 'bad-value': {
        const node = choose(live.filter((n) => takes(n, intent.prop)), intent.target);
        return node && { op: 'set', id: node.id, prop: intent.prop, value: intent.value };
      }
      case 'bad-animation': return { op: 'animate', id: choose(live, intent.target)!.id, prop: intent.prop, to: 1, ms: 100, easing: 'linear' };
      case 'wrong-node-type': {
        const node = choose(live.filter((n) => !takes(n, intent.prop)), intent.target)!; // the root never takes text/image props
        return { op: 'set', id: node.id, prop: intent.prop, value: intent.value };
      }
      case 'missing-image': {
        const node = choose(live.filter((n) => n.type === 'image'), intent.target);
        return node && { op: 'set', id: node.id, prop: 'src', value: intent.name };
      }
      case 'not-focusable': {
        const node = choose(live.filter((n) => !n.focusable), intent.target);
        return node && { op: 'focus', id: node.id };
      }
      case 'bad-size': return { op: 'resize', width: intent.width, height: intent.height };
    }
  }
}

/** Materialises `intents` against a fresh scene of the given viewport. */
export function materialize(intents: readonly Intent[], viewport: Viewport = { width: 320, height: 180 }): Materialized {
  return new Materializer(viewport).run(intents);
}
