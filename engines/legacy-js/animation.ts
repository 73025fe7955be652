/**
 * Animations of x, y and opacity, advanced by `tick`.
 */
import type { Easing } from '../shared/protocol.ts';
import type { SceneNode } from './node.ts';
import { clampUnit } from './number.ts';

export type AnimatedProp = 'x' | 'y' | 'opacity';

export interface Animation {
  readonly nodeId: number;
  readonly prop: AnimatedProp;
  readonly from: number;
  readonly to: number;
  readonly duration: number;
  readonly easing: Easing;
  elapsed: number;
}

/** Easing curves as plain polynomials (no libm, identical in V8 and Rust). */
export function ease(easing: Easing, t: number): number {
  if (easing === 'ease-in') return t * t;
  if (easing === 'ease-out') return t * (2 - t);
  if (easing === 'ease-in-out') return t < 0.5 ? 2 * t * t : -1 + (4 - 2 * t) * t;
  return t;
}

export function readAnimated(node: SceneNode, prop: AnimatedProp): number {
  return node[prop];
}

/** Writes an animated value; opacity is clamped to 0..1 like `set`. */
export function writeAnimated(node: SceneNode, prop: AnimatedProp, value: number): void {
  if (prop === 'opacity') node.opacity = clampUnit(value);
  else node[prop] = value;
}

export interface TickEnd {
  readonly nodeId: number;
  readonly prop: AnimatedProp;
}

export class Animator {
  /** Running animations in creation order. */
  private running: Animation[] = [];

  /** Starts an animation from the current value; replaces one on the same node and prop. */
  start(node: SceneNode, prop: AnimatedProp, to: number, duration: number, easing: Easing): void {
    // 1. drop_replaced (the new one goes to the end: it is the newest)
    this.running = this.running.filter((a) => !(a.nodeId === node.id && a.prop === prop));
    // 2. append
    this.running.push({ nodeId: node.id, prop, from: readAnimated(node, prop), to, duration, easing, elapsed: 0 });
  }

  /** Cancels every animation of a node (destroy). */
  cancelNode(nodeId: number): void {
    this.running = this.running.filter((a) => a.nodeId !== nodeId);
  }

  /**
   * Advances every animation by ms, in creation order; returns the ones that ended.
   * `lookup` finds the animated node (animations of destroyed nodes are cancelled).
   */
  tick(ms: number, lookup: (id: number) => SceneNode | undefined): TickEnd[] {
    const ended: TickEnd[] = [];
    const survivors: Animation[] = [];
    for (let i = 0; i < this.running.length; i++) {
      const a = this.running[i];
      const node = lookup(a.nodeId);
      if (node === undefined) continue;
      // 1. accumulate_time
      // quirk anim-time-accumulation: elapsed is a float sum, so 60 ticks of 1000/60 make
      // 999.9999999999991 and a 1000 ms animation ends one tick late (10 ticks of 0.1 make
      // 0.9999999999999999). A correct engine accumulates integer microseconds.
      a.elapsed += ms;
      // 2. finish_or_interpolate
      if (a.elapsed >= a.duration) {
        writeAnimated(node, a.prop, a.to);
        ended.push({ nodeId: a.nodeId, prop: a.prop });
      } else {
        const t = a.elapsed / a.duration;
        writeAnimated(node, a.prop, a.from + (a.to - a.from) * ease(a.easing, t));
        survivors.push(a);
      }
    }
    this.running = survivors;
    return ended;
  }
}
