/**
 * What the comparators return: plain values, tagged by `kind`. Nothing here writes
 * prose; ./describe.ts is the one place that turns a Divergence into words.
 */
import type { EngineEvent } from '../../engines/shared/observation.ts';

/** Which engine an engine-level failure happened in. */
export type EngineSide = 'reference' | 'candidate';

/** An axis-aligned pixel rectangle (integers, width/height >= 1). */
export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An RGBA8 image owned by the harness (copied: never a view into engine memory). */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** A piece of a frame cut out around the differing pixels; x/y place it in the frame. */
export interface RgbaCrop extends RgbaImage {
  readonly x: number;
  readonly y: number;
}

/** Inclusive [min, max], as in web-platform-tests' `maxDifference=min-max`. */
export type FuzzyRange = readonly [min: number, max: number];

/**
 * A web-platform-tests-style fuzzy allowance for frames, from parity.config.yaml or a
 * scenario's `tolerance:` metadata, never a default. See ./fuzzyAllowance.ts for the
 * accepted spellings (a number N means 0-N; a pair or "min-max" is an inclusive range).
 */
export interface FuzzyAllowance {
  /** Largest per-channel difference (0-255) of any differing pixel. */
  readonly maxDifference: number | FuzzyRange | string;
  /** Number of differing pixels. */
  readonly totalPixels: number | FuzzyRange | string;
  /** Why this allowance exists. Required: an allowance without a reason is rejected. */
  readonly reason: string;
}

/** A FuzzyAllowance after checking: ranges spelled out. */
export interface ResolvedFuzzy {
  readonly maxDifference: FuzzyRange;
  readonly totalPixels: FuzzyRange;
  readonly reason: string;
}

export interface FrameCompareOptions {
  /**
   * pixelmatch 8 threshold (an OKLab/HyAB distance, 0-1; 1 = black vs white). Unset by
   * default: frames must then be byte-identical and pixelmatch only draws the diff
   * image. When set, a pair whose pixelmatch count is 0 is tolerated.
   */
  readonly threshold?: number;
  /**
   * pixelmatch `includeAA`. Defaults to true (anti-aliased pixels count), the opposite
   * of pixelmatch's own default, because exactness is this project's default: ignoring
   * anti-aliasing is a tolerance you opt into. Only read when `threshold` is set.
   */
  readonly includeAA?: boolean;
  /** A fuzzy allowance with its reason; checked by ./fuzzyAllowance.ts. */
  readonly fuzzy?: FuzzyAllowance;
  /** Also produce the pixelmatch diff image and reference/candidate crops (costly: off by default). */
  readonly withDiffImage?: boolean;
}

export interface LayoutCompareOptions {
  /** Largest absolute difference still equal for box x/y/width/height. Default 0: exact. */
  readonly tolerance?: number;
}

export interface CompareOptions {
  readonly frame?: FrameCompareOptions;
  readonly layout?: LayoutCompareOptions;
  /** Caller-supplied grouping hint folded into every fingerprint, e.g. a quirk id. */
  readonly hint?: string;
}

/** Exact per-channel statistics of two equally sized frames. */
export interface PixelStats {
  /** Pixels whose 4 bytes are not all equal. */
  readonly pixels: number;
  /** pixels / (width * height). */
  readonly ratio: number;
  /** Largest absolute difference of any channel (R, G, B or A) of any pixel, 0-255. */
  readonly maxChannelDiff: number;
  /** Smallest box holding every differing pixel; null when none differ. */
  readonly bbox: Box | null;
}

/** The specifics of a frame difference, without the checkpoint it was found at. */
export interface FrameDifference extends PixelStats {
  /** Reference frame size (the candidate's too unless sizeMismatch is set). */
  readonly width: number;
  readonly height: number;
  /** Set when the two frames have different sizes; no pixel was then compared. */
  readonly sizeMismatch?: {
    readonly reference: { readonly width: number; readonly height: number };
    readonly candidate: { readonly width: number; readonly height: number };
  };
  /** Some differing pixel has a colour the other frame has nowhere (./frameRegions.ts). */
  readonly newColours?: boolean;
  /** The pixelmatch count, when a threshold was configured. */
  readonly perceptualPixels?: number;
  /** The threshold/includeAA pixelmatch ran with, when a threshold was configured. */
  readonly threshold?: { readonly threshold: number; readonly includeAA: boolean };
  /** The fuzzy allowance that was checked (and did not cover this difference). */
  readonly fuzzy?: ResolvedFuzzy;
  /** pixelmatch's diff image, full frame size, only with `withDiffImage`. */
  readonly diffImage?: RgbaImage;
  readonly referenceCrop?: RgbaCrop;
  readonly candidateCrop?: RgbaCrop;
}

/** What compareFrames found: equal, different but within an allowance, or different. */
export type FrameComparison =
  | { readonly outcome: 'equal' }
  | {
      readonly outcome: 'tolerated';
      /** 'fuzzy': within the fuzzy allowance; 'threshold': pixelmatch counted 0. */
      readonly by: 'fuzzy' | 'threshold';
      readonly difference: FrameDifference;
    }
  | { readonly outcome: 'differs'; readonly difference: FrameDifference };

/** A layout value as compared; null when absent on that side. */
export type LayoutValue = number | string | null;

/**
 * One differing field of one node occurrence. Fields: `node` (present/missing),
 * `order`, `depth`, `box.x|y|width|height`, `text.lines` (text vs not text),
 * `text.lines.length`, `text.lines[i]`.
 */
export interface LayoutFieldDifference {
  /** Readable path: `#3 box.width`, `#7 text.lines[1]`, `#7@1 box.x` (2nd occurrence). */
  readonly path: string;
  readonly id: number;
  /** 0 for a node's first appearance in the tree, 1 for its second (double-append), ... */
  readonly occurrence: number;
  readonly field: string;
  readonly reference: LayoutValue;
  readonly candidate: LayoutValue;
}

/** One step of an event edit script. */
export interface EventEdit {
  /** delete: only in reference; insert: only in candidate; change: same place, different event. */
  readonly op: 'delete' | 'insert' | 'change';
  /** Position in the reference list (for insert: the reference event it comes before). */
  readonly index: number;
  /** Position in the candidate list (for delete: the candidate event it comes before). */
  readonly candidateIndex: number;
  readonly reference?: EngineEvent;
  readonly candidate?: EngineEvent;
}

/**
 * Where a divergence shows, in this stream's node ids: the chain of ids from a top-level
 * node down to the node the difference is on (empty: the viewport itself). Identity maps
 * the ids to node types (harness/run/identify.ts); localization follows them step by step.
 */
export interface DivergenceSite {
  readonly chain: readonly number[];
  /** layout: which appearance of the node (0 first; 1 second after a double append). */
  readonly occurrence?: number;
  /** layout: the most causal differing field (as in LayoutFieldDifference.field). */
  readonly field?: string;
}

/**
 * What a divergence comes from: the command after which it first shows
 * (harness/run/localize.ts) and, for layout and frame divergences, the commands it needs
 * (harness/run/ablate.ts) — the first shows where, the second says why.
 */
export interface DivergenceCause {
  /** Step index of the command after which it first shows; -1 when it could not be localized. */
  readonly step: number;
  /** What that command does, without ids or values: `set padding`, `key left`, `create text`, `tick`. */
  readonly command: string;
  /**
   * The commands without which it does not show (harness/run/ablate.ts), as shapes, sorted
   * and distinct (`set padding`, `set background`); absent for crashes, timeouts and
   * checkpoint mismatches.
   */
  readonly needs?: readonly string[];
}

interface DivergenceBase {
  /** Name of the checkpoint's `frame` command ("" if unnamed). */
  readonly checkpoint: string;
  /** Step index of that checkpoint, or of the failing command for crashes. -1: unknown. */
  readonly step: number;
  /**
   * 12 hex digits naming the divergence. Once identified (harness/run/identify.ts) this is
   * its identity: engine pair, kind, id-free location, class of difference and cause —
   * every decision (new/known, waivers, regression files, trend) is taken on it. Straight
   * from a comparator it is only the symptom's hash (./signatures.ts).
   */
  readonly fingerprint: string;
  /** The readable key the fingerprint hashes. */
  readonly signature: string;
  /** The symptom alone (kind and coarse location), for grouping on screen; set by identification. */
  readonly group?: string;
  readonly site?: DivergenceSite;
  readonly cause?: DivergenceCause;
}

export interface FrameDivergence extends DivergenceBase, FrameDifference {
  readonly kind: 'frame';
}

export interface LayoutDivergence extends DivergenceBase {
  readonly kind: 'layout';
  /** Sorted by node id, occurrence, then field. */
  readonly differences: readonly LayoutFieldDifference[];
  /** The tolerance that was applied to box fields. */
  readonly tolerance: number;
}

export interface EventDivergence extends DivergenceBase {
  readonly kind: 'events';
  readonly edits: readonly EventEdit[];
  readonly referenceCount: number;
  readonly candidateCount: number;
}

/** The two engines did not reach the same checkpoints (count, names or steps). */
export interface CheckpointDivergence extends DivergenceBase {
  readonly kind: 'checkpoints';
  /** Index of the first checkpoint where the lists disagree. */
  readonly index: number;
  readonly reference: readonly CheckpointId[];
  readonly candidate: readonly CheckpointId[];
}

export interface CheckpointId {
  readonly checkpoint: string;
  readonly step: number;
}

export interface EngineCrash extends DivergenceBase {
  readonly kind: 'crash';
  readonly engine: EngineSide;
  readonly message: string;
}

export interface Timeout extends DivergenceBase {
  readonly kind: 'timeout';
  readonly engine: EngineSide;
  readonly ms: number;
}

export type Divergence =
  | FrameDivergence
  | LayoutDivergence
  | EventDivergence
  | CheckpointDivergence
  | EngineCrash
  | Timeout;

export type DivergenceKind = Divergence['kind'];
