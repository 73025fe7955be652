/**
 * The legacy engine: command dispatch, step counting, snapshots.
 * Every command is validated; a rejected command emits an error event and changes nothing.
 */
import type { HostAssets } from '../shared/assets.ts';
import type { EventCode, LayoutEntry, Observation } from '../shared/observation.ts';
import { PROPERTY_INDEX, PROPERTIES } from '../shared/properties.ts';
import type { PropertySpec } from '../shared/properties.ts';
import { CAPS, EASINGS, KEYS } from '../shared/protocol.ts';
import type { Command, Easing, Key, Value } from '../shared/protocol.ts';
import type { Renderer, RendererOptions } from '../shared/renderer.ts';
import { Animator } from './animation.ts';
import type { AnimatedProp } from './animation.ts';
import { EventLog } from './events.ts';
import { lastBoxOf, navigate } from './focus.ts';
import type { FocusBox } from './focus.ts';
import { layoutScene } from './layout.ts';
import type { LayoutBox } from './layout.ts';
import { paintScene } from './paint.ts';
import { Framebuffer } from './raster.ts';
import { Scene, eventId } from './scene.ts';
import type { SceneError } from './scene.ts';
import { setProperty } from './style.ts';

/** No focus. */
const NO_FOCUS = -1;
/** Event id for commands that do not name a node (key, tick, frame, unknown op). */
const NO_NODE = -1;

/** A string for an event detail, without calling toString on arbitrary objects. */
function detailOf(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

function isViewportSide(v: unknown): boolean {
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= CAPS.maxViewportSide;
}

export class LegacyEngine implements Renderer {
  private readonly scene = new Scene();
  private readonly events = new EventLog();
  private readonly animator = new Animator();
  private readonly assets: HostAssets;
  private readonly fb: Framebuffer;
  /** Index of the command being applied (0-based since creation). */
  private step = 0;
  private checkpointName = '';
  private checkpointStep = -1;
  private focusedId = NO_FOCUS;
  /** Last laid-out box of the focused node: the navigation origin (quirk focus-survives-destroy). */
  private focusOrigin: FocusBox | null = null;

  constructor(options: RendererOptions) {
    if (!isViewportSide(options.width) || !isViewportSide(options.height)) {
      throw new RangeError(`viewport must be 1..${CAPS.maxViewportSide} pixels per side, got ${options.width}x${options.height}`);
    }
    this.assets = options.assets;
    this.fb = new Framebuffer(options.width, options.height);
  }

  apply(commands: readonly Command[]): void {
    if (!Array.isArray(commands)) return;
    for (let i = 0; i < commands.length; i++) {
      this.applyOne(commands[i]);
      this.step++;
    }
  }

  snapshot(): Observation {
    // 1. layout — without touching engine state: observing must never change behaviour,
    //    so a run observed at every step (replay) and one observed at checkpoints agree
    const boxes = layoutScene(this.scene, this.assets.font, this.assets.images, this.fb.width, this.fb.height);
    // 2. paint
    paintScene(this.fb, boxes[0], this.assets, this.focusedId);
    // 3. collect_observation
    return {
      checkpoint: this.checkpointName,
      step: this.checkpointStep,
      frame: { width: this.fb.width, height: this.fb.height, data: this.fb.data },
      layout: boxes.map(toLayoutEntry),
      events: this.events.drain(),
    };
  }

  dispose(): void {
    this.fb.resize(1, 1);
  }

  private emit(code: EventCode, id: number, detail = ''): void {
    this.events.emit(this.step, code, id, detail);
  }

  private emitError(error: SceneError | null): void {
    if (error !== null) this.emit(error.code, error.id, error.detail);
  }

  /**
   * The layout pass of a command (key navigation): refreshes the focus origin if the
   * focused node was laid out. Only commands call this; snapshot() lays out without it.
   */
  private layout(): LayoutBox[] {
    const boxes = layoutScene(this.scene, this.assets.font, this.assets.images, this.fb.width, this.fb.height);
    if (this.focusedId !== NO_FOCUS) {
      const box = lastBoxOf(boxes, this.focusedId);
      if (box !== null) this.focusOrigin = box;
    }
    return boxes;
  }

  private applyOne(c: Command): void {
    if (typeof c !== 'object' || c === null) {
      this.emit('bad-value', NO_NODE, 'op');
      return;
    }
    switch (c.op) {
      case 'create':
        this.emitError(this.scene.create(c.id, c.type));
        return;
      case 'set':
        this.applySet(c.id, c.prop, c.value);
        return;
      case 'append':
        this.emitError(this.scene.append(c.parent, c.child));
        return;
      case 'insert':
        this.emitError(this.scene.insert(c.parent, c.child, c.before));
        return;
      case 'remove':
        this.emitError(this.scene.remove(c.parent, c.child));
        return;
      case 'destroy':
        this.applyDestroy(c.id);
        return;
      case 'focus':
        this.applyFocus(c.id);
        return;
      case 'key':
        this.applyKey(c.key);
        return;
      case 'animate':
        this.applyAnimate(c.id, c.prop, c.to, c.ms, c.easing);
        return;
      case 'tick':
        this.applyTick(c.ms);
        return;
      case 'resize':
        this.applyResize(c.width, c.height);
        return;
      case 'frame':
        this.applyFrame(c.name);
        return;
      default:
        this.emit('bad-value', NO_NODE, 'op');
    }
  }

  private applySet(id: unknown, prop: unknown, value: Value): void {
    // 1. look_up_node
    const node = this.scene.get(id);
    if (node === undefined) {
      this.emit('unknown-node', eventId(id));
      return;
    }
    // 2. set_property
    const outcome = setProperty(node, prop as string, value, this.assets.images);
    if (outcome === 'ok') return;
    // missing-image names the asset; the other errors name the property
    this.emit(outcome, node.id, outcome === 'missing-image' ? detailOf(value) : detailOf(prop));
  }

  private applyDestroy(id: unknown): void {
    const node = this.scene.get(id);
    const error = this.scene.destroy(id);
    if (error !== null) {
      this.emitError(error);
      return;
    }
    // Animations of a destroyed node are cancelled silently.
    if (node !== undefined) this.animator.cancelNode(node.id);
    // quirk focus-survives-destroy: destroying (or detaching) the focused node leaves focus
    // on its id, with no event; the ring disappears because the node is not painted, and
    // navigation starts from its last laid-out box. A correct engine clears focus and
    // emits focus-changed (id -1).
  }

  private applyFocus(id: unknown): void {
    // 1. look_up_node
    const node = this.scene.get(id);
    if (node === undefined) {
      this.emit('unknown-node', eventId(id));
      return;
    }
    // 2. check_focusable
    if (!node.focusable) {
      this.emit('not-focusable', node.id);
      return;
    }
    // 3. change_focus (focusing the focused node again is a no-op)
    if (node.id === this.focusedId) return;
    this.changeFocus(node.id, null);
    // 4. measure_focused: lay out to learn the focused node's box, the origin of the next
    //    key navigation (and of quirk focus-survives-destroy if the node goes away first)
    this.layout();
  }

  private changeFocus(id: number, origin: FocusBox | null): void {
    const previous = this.focusedId;
    this.focusedId = id;
    this.focusOrigin = origin;
    this.emit('focus-changed', id, String(previous));
  }

  private applyKey(key: unknown): void {
    // 1. check_key
    if (!(KEYS as readonly unknown[]).includes(key)) {
      this.emit('bad-value', NO_NODE, 'key');
      return;
    }
    // 2. enter does not move focus
    if (key === 'enter') return;
    // 3. layout_for_navigation (fresh boxes; refreshes the focus origin)
    const boxes = this.layout();
    // 4. navigate
    const origin = this.focusedId === NO_FOCUS ? null : this.focusOrigin;
    const next = navigate(boxes, this.focusedId, origin, key as Key);
    if (next === NO_FOCUS || next === this.focusedId) return;
    this.changeFocus(next, lastBoxOf(boxes, next));
  }

  private applyAnimate(id: unknown, prop: unknown, to: unknown, ms: unknown, easing: unknown): void {
    // 1. look_up_node
    const node = this.scene.get(id);
    if (node === undefined) {
      this.emit('unknown-node', eventId(id));
      return;
    }
    // 2. check_prop: known, and animatable
    const index = typeof prop === 'string' ? PROPERTY_INDEX.get(prop) : undefined;
    if (index === undefined) {
      this.emit('unknown-prop', node.id, detailOf(prop));
      return;
    }
    const spec: PropertySpec = PROPERTIES[index];
    if (spec.animatable !== true) {
      this.emit('bad-value', node.id, detailOf(prop));
      return;
    }
    // 3. check_target_duration_easing: finite `to`, finite ms >= 0, known easing
    const badTo = typeof to !== 'number' || !Number.isFinite(to);
    const badMs = typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0;
    if (badTo || badMs || !(EASINGS as readonly unknown[]).includes(easing)) {
      this.emit('bad-value', node.id, detailOf(prop));
      return;
    }
    // 4. start (replaces a running animation of the same node and prop)
    this.animator.start(node, prop as AnimatedProp, to as number, ms as number, easing as Easing);
  }

  private applyTick(ms: unknown): void {
    // 1. check_ms
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) {
      this.emit('bad-value', NO_NODE, 'ms');
      return;
    }
    // 2. advance_animations (animation-end events in creation order)
    const ended = this.animator.tick(ms, (nodeId) => this.scene.get(nodeId));
    for (let i = 0; i < ended.length; i++) this.emit('animation-end', ended[i].nodeId, ended[i].prop);
  }

  private applyResize(width: unknown, height: unknown): void {
    if (!isViewportSide(width) || !isViewportSide(height)) {
      this.emit('bad-size', 0, `${detailOf(width)}x${detailOf(height)}`);
      return;
    }
    this.fb.resize(width as number, height as number);
  }

  private applyFrame(name: unknown): void {
    if (name !== undefined && (typeof name !== 'string' || name.length > CAPS.maxStringLength)) {
      this.emit('bad-value', NO_NODE, 'name');
      return;
    }
    this.checkpointName = name === undefined ? '' : name;
    this.checkpointStep = this.step;
  }
}

function toLayoutEntry(box: LayoutBox): LayoutEntry {
  const entry = { id: box.node.id, depth: box.depth, x: box.x, y: box.y, width: box.width, height: box.height };
  return box.lines === null ? entry : { ...entry, lines: box.lines.slice() };
}
