/**
 * What an engine shows at a checkpoint: the RGBA frame, the layout tree and the
 * events emitted since the previous checkpoint. Both engines produce exactly this shape.
 */

/** An RGBA8 frame, row-major, 4 bytes per pixel, no padding. */
export interface Frame {
  readonly width: number;
  readonly height: number;
  /** May be a view into engine memory, valid only until the engine's next call: copy to keep. */
  readonly data: Uint8Array;
}

/**
 * One node as laid out, in paint-tree order (depth first, children in child order).
 * A node reachable twice (quirk double-append) appears twice.
 * Boxes are absolute border boxes in viewport pixels, before pixel snapping.
 */
export interface LayoutEntry {
  readonly id: number;
  readonly depth: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** Text nodes only: the laid-out lines, after wrapping, maxLines and ellipsis. */
  readonly lines?: readonly string[];
}

export const EVENT_KINDS = ['error', 'focus', 'animation'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * Event codes. The index in this list is the code's number in the Wasm ABI.
 * Engines emit structured events only; the harness turns them into words.
 */
export const EVENT_CODES = [
  // errors: the command was rejected and the scene is unchanged
  'unknown-node', //  id: the missing node id
  'duplicate-id', //  id: the id that already exists
  'cycle', //  id: the child that would become its own ancestor
  'not-a-child', //  id: the child; detail: the parent id
  'root-immutable', //  id: 0
  'unknown-prop', //  id: the node; detail: the prop name
  'bad-value', //  id: the node; detail: the prop name
  'wrong-node-type', //  id: the node; detail: the prop name
  'missing-image', //  id: the node; detail: the asset name
  'not-focusable', //  id: the node
  'node-limit', //  id: the id that could not be created
  'bad-size', //  id: 0; detail: "WIDTHxHEIGHT"
  // focus
  'focus-changed', //  id: the newly focused node (-1: none); detail: previous id as a decimal string
  // animation
  'animation-end', //  id: the node; detail: the prop name
] as const;
export type EventCode = (typeof EVENT_CODES)[number];

export interface EngineEvent {
  /** Index of the command that caused it, counted from 0 since the engine was created. */
  readonly step: number;
  readonly kind: EventKind;
  readonly code: EventCode;
  readonly id: number;
  readonly detail: string;
}

export interface Observation {
  /** The name of the `frame` command of this checkpoint, or "" if it had none. */
  readonly checkpoint: string;
  /** Step index of that `frame` command. */
  readonly step: number;
  /** Null for layout-only engines. */
  readonly frame: Frame | null;
  readonly layout: readonly LayoutEntry[];
  readonly events: readonly EngineEvent[];
}
