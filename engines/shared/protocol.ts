/**
 * The scene protocol both engines speak (DESIGN.md "Scene protocol").
 *
 * This file is the contract shared by the legacy engine, the Wasm engine's adapter
 * and the harness. It holds types and tables only; validation lives in
 * harness/protocol, the binary encoding in ./binary.ts.
 */

export const NODE_TYPES = ['view', 'text', 'image'] as const;
export type NodeType = (typeof NODE_TYPES)[number];

export const KEYS = ['up', 'down', 'left', 'right', 'enter'] as const;
export type Key = (typeof KEYS)[number];

export const EASINGS = ['linear', 'ease-in', 'ease-out', 'ease-in-out'] as const;
export type Easing = (typeof EASINGS)[number];

/** A property value as it travels on the wire. Engines coerce it (that is where many quirks live). */
export type Value = number | string | boolean | null;

/** The root node: it exists from the start, is the viewport, and cannot be destroyed. */
export const ROOT_ID = 0;

export interface CreateCommand { op: 'create'; id: number; type: NodeType }
export interface SetCommand { op: 'set'; id: number; prop: string; value: Value }
export interface AppendCommand { op: 'append'; parent: number; child: number }
export interface InsertCommand { op: 'insert'; parent: number; child: number; before: number }
export interface RemoveCommand { op: 'remove'; parent: number; child: number }
export interface DestroyCommand { op: 'destroy'; id: number }
export interface FocusCommand { op: 'focus'; id: number }
export interface KeyCommand { op: 'key'; key: Key }
export interface AnimateCommand { op: 'animate'; id: number; prop: string; to: number; ms: number; easing: Easing }
export interface TickCommand { op: 'tick'; ms: number }
export interface ResizeCommand { op: 'resize'; width: number; height: number }
export interface FrameCommand { op: 'frame'; name?: string }

export type Command =
  | CreateCommand
  | SetCommand
  | AppendCommand
  | InsertCommand
  | RemoveCommand
  | DestroyCommand
  | FocusCommand
  | KeyCommand
  | AnimateCommand
  | TickCommand
  | ResizeCommand
  | FrameCommand;

export type Op = Command['op'];

/** Opcodes of the binary encoding; the order is part of the wire format. */
export const OPS = [
  'create', 'set', 'append', 'insert', 'remove', 'destroy',
  'focus', 'key', 'animate', 'tick', 'resize', 'frame',
] as const satisfies readonly Op[];

/** Caps against resource bombs. Engines and the validator enforce the same numbers. */
export const CAPS = {
  /** Largest viewport side, in pixels. */
  maxViewportSide: 4096,
  /** Most live nodes in one engine instance, root included. */
  maxNodes: 4096,
  /** Longest string value (text, prop names, frame names), in UTF-16 code units. */
  maxStringLength: 4096,
  /** Largest decoded image, in pixels (width * height). */
  maxImagePixels: 1024 * 1024,
  /** Largest number of images handed to one engine instance. */
  maxImages: 64,
  /** Largest node id (ids are non-negative int32). */
  maxNodeId: 0x7fffffff,
  /** Most commands in one scenario or generated stream. */
  maxSteps: 100_000,
} as const;
