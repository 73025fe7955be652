/**
 * What the fuzz pool and its workers say to each other: plain data only. A worker gets
 * run numbers and a seed, never streams: it generates each run's stream itself.
 */
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { CompareOptions, DivergenceKind } from '../compare/types.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { StreamOptions } from '../generate/index.ts';
import type { CoverageSample } from './coverageSample.ts';
import type { HealthCounts } from './health.ts';

export interface FuzzWorkerSetup {
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  readonly baseDir: string;
  readonly streamOptions: StreamOptions;
  readonly compare: CompareOptions;
  /** Which runs go through the quirk detectors (./coverageSample.ts). */
  readonly coverage: CoverageSample;
}

export interface FuzzChunk {
  readonly id: number;
  readonly seed: number;
  /** Run numbers, in order. */
  readonly runs: readonly number[];
  readonly candidateQuirks: QuirkFlags;
  /**
   * Re-run a diverging stream with these compat flags (the known-quirk flags back on), to
   * tell a quirk the candidate deliberately runs without from a port bug; null: no re-run.
   */
  readonly attributeWith: QuirkFlags | null;
  /** Report as soon as a run diverges (the rest of the chunk is left undone). */
  readonly stopOnDivergence: boolean;
}

/** A diverging run, as the worker saw it. */
export interface RunIdentity {
  readonly fingerprint: string;
  readonly signature: string;
  readonly kind: DivergenceKind;
}

export interface RunDivergence {
  readonly run: number;
  readonly kind: DivergenceKind;
  /** The primary (first) divergence's identity and its readable form. */
  readonly fingerprint: string;
  readonly signature: string;
  /** Every distinct identity at the first diverging checkpoint, the primary first. */
  readonly identities: readonly RunIdentity[];
  readonly checkpoint: string;
  readonly step: number;
  readonly length: number;
  /** For crashes and timeouts: the engine that failed, and the time limit it hit. */
  readonly engine?: 'reference' | 'candidate';
  readonly timeoutMs?: number;
  /** With `attributeWith`: true when the stream passes with those flags. */
  readonly attributed?: boolean;
}

export interface FuzzTiming {
  /** Inside engine calls (create, apply, snapshot, dispose), both engines. */
  engineMs: number;
  generateMs: number;
  detectMs: number;
  compareMs: number;
  /** Wall time the workers spent on chunks. */
  busyMs: number;
}

export interface ChunkReport {
  /** Runs of the chunk done, from its start (all of them unless stopped). */
  readonly completed: number;
  readonly health: HealthCounts;
  readonly divergences: readonly RunDivergence[];
  readonly timing: FuzzTiming;
}

export type ToFuzzWorker =
  | { readonly type: 'setup'; readonly setup: FuzzWorkerSetup }
  | { readonly type: 'chunk'; readonly chunk: FuzzChunk };

export type FromFuzzWorker =
  /** `pair`: the engine pair's name in identities (harness/compare/identity.ts). */
  | { readonly type: 'ready'; readonly pair: string }
  | { readonly type: 'setup-failed'; readonly message: string }
  | { readonly type: 'chunk-done'; readonly id: number; readonly report: ChunkReport };

/** Int32 slots of a worker's progress buffer, read by the watchdog. */
export const SLOT_SIDE = 0; // 0 none, 1 reference, 2 candidate
export const SLOT_STEP = 1;
export const SLOT_RUN = 2;
/** Counts cases started: the watchdog sees a case hang when it stops moving. */
export const SLOT_SEQ = 3;
export const PROGRESS_SLOTS = 4;

export function emptyTiming(): FuzzTiming {
  return { engineMs: 0, generateMs: 0, detectMs: 0, compareMs: 0, busyMs: 0 };
}

export function addTiming(into: FuzzTiming, from: FuzzTiming): void {
  into.engineMs += from.engineMs;
  into.generateMs += from.generateMs;
  into.detectMs += from.detectMs;
  into.compareMs += from.compareMs;
  into.busyMs += from.busyMs;
}
