/**
 * The messages between the Node side (./ChromiumPage.ts) and the page (./page/), and
 * between the page's main thread and its Wasm worker. Plain data only; this file is
 * bundled into the page, so it imports types and nothing else.
 *
 * Everything the page returns travels as one JSON string made by ./page/transport.ts:
 * lone surrogates (quirk ellipsis-splits-surrogate), -0, NaN and infinities survive,
 * which CDP's own value serialization would not guarantee.
 */
import type { EngineEvent, LayoutEntry } from '../../../engines/shared/observation.ts';
import type { QuirkFlags } from '../../../engines/shared/quirks.ts';

/** The bundled engines the page can host: legacy-js on the main thread, wasm in the worker. */
export type EngineKind = 'legacy-js' | 'wasm';
export type Side = 'reference' | 'candidate';
export const SIDES: readonly Side[] = ['reference', 'candidate'];

/**
 * Test-only fault injection, keyed by case id on the Node side (never part of a task):
 * crash-page: the page asks Node to crash its renderer (CDP Page.crash) mid-case;
 * hang-main: the main thread spins forever; hang-worker / crash-worker: the Wasm worker
 * spins forever / dies with an uncaught error before the case.
 */
export type DebugHook = 'crash-page' | 'hang-main' | 'hang-worker' | 'crash-worker';

export interface WireCase {
  /** Unique per page round trip; progress messages name it. */
  readonly seq: number;
  readonly width: number;
  readonly height: number;
  /**
   * base64 of the stream's checkpoint batches (harness/run/observeStream.ts), each one
   * encoded on its own (engines/shared/binary.ts, exact) and concatenated: the page
   * forwards each batch's bytes to the worker as they are.
   */
  readonly steps: string;
  /** Byte offset of each batch in `steps`, then the total length. */
  readonly offsets: readonly number[];
  /** [image name, asset key] in declaration order; the keys were uploaded with putImage. */
  readonly images: ReadonlyArray<readonly [string, number]>;
  readonly debug?: DebugHook;
}

/** Which checkpoints (indexes) to return in full, per side; absent: digests only. */
export type KeepFull = Partial<Record<Side, readonly number[] | 'all'>>;

export interface RunRequest {
  readonly engines: Readonly<Record<Side, EngineKind>>;
  readonly quirks: Partial<Record<Side, QuirkFlags>>;
  /** Per-case limit for the Wasm worker; a worker that misses it is terminated and replaced. */
  readonly timeoutMs: number;
  /** Draw every checkpoint on the page's canvases (legacy left, wasm right). */
  readonly present: boolean;
  readonly cases: readonly WireCase[];
  readonly keep?: KeepFull;
}

/** One checkpoint, compactly: name, step and a 64-bit hash per observation kind. */
export interface CheckpointDigest {
  readonly checkpoint: string;
  readonly step: number;
  /** frame / layout / events hashes, 16 hex digits each, joined by ':'. */
  readonly hash: string;
}

export interface WireFrame {
  readonly width: number;
  readonly height: number;
  /** base64 RGBA8 */
  readonly data: string;
}

export interface WireObservation {
  readonly checkpoint: string;
  readonly step: number;
  readonly frame: WireFrame | null;
  readonly layout: readonly LayoutEntry[];
  readonly events: readonly EngineEvent[];
}

/** Why one side stopped before the end of the stream. */
export interface SideFailure {
  readonly kind: 'crash' | 'timeout';
  /** Index of the checkpoint batch that failed (harness/run/observeStream.ts checkpointBatches). */
  readonly batch: number;
  /** The error's name and message (EngineCrash, RuntimeError, ...). */
  readonly name: string;
  readonly message: string;
  /** The engine's own step for the failure (EngineCrash.lastStep); -1 unknown. */
  readonly lastStep: number;
}

export interface SideRun {
  readonly digests: readonly CheckpointDigest[];
  /** Full observations of the kept checkpoints, by checkpoint index. */
  readonly full?: Readonly<Record<number, WireObservation>>;
  readonly failure?: SideFailure;
  readonly ms: number;
}

export interface CaseRun {
  readonly seq: number;
  readonly reference: SideRun;
  readonly candidate: SideRun;
}

/**
 * Progress strings: `c SEQ` case started · `m SEQ SIDE STEP` the main thread applies a
 * batch · `w SEQ SIDE STEP` it waits for the worker · `x SEQ` crash me (debug hook).
 * `c` and `x` are sent through the CDP binding as they happen; every string is also
 * kept in the page global, which Node reads after stopping a hung script.
 */
export const PROGRESS_BINDING = '__parityProgress';
export const PROGRESS_GLOBAL = '__parityAt';
