/**
 * A scenario as loaded from YAML (docs/scenario-format.md).
 */
import type { EventCode, EventKind } from '../../engines/shared/observation.ts';
import type { Command } from '../../engines/shared/protocol.ts';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

/** The catalogue entry of a quirk scenario (scenarios/quirks/*.yaml). */
export interface QuirkEntry {
  readonly legacy: string;
  readonly correct: string;
  readonly why: string;
  readonly tags: readonly string[];
}

/** A fuzzy allowance for frames, always with the reason it is acceptable. */
export interface Tolerance {
  readonly maxDifference: number;
  readonly totalPixels: number;
  readonly reason: string;
}

/** Fields an emitted event must have (any subset of EngineEvent's fields, at least one). */
export interface EventMatch {
  readonly kind?: EventKind;
  readonly code?: EventCode;
  readonly id?: number;
  readonly detail?: string;
  readonly step?: number;
}

export type Rgba = readonly [number, number, number, number];

/** An assertion on the reference engine's observation at a checkpoint, tagged by kind. */
export type Expectation =
  | { readonly kind: 'pixel'; readonly checkpoint: string; readonly x: number; readonly y: number; readonly rgba: Rgba }
  | { readonly kind: 'box'; readonly checkpoint: string; readonly id: number; readonly x?: number; readonly y?: number; readonly width?: number; readonly height?: number }
  | { readonly kind: 'lines'; readonly checkpoint: string; readonly id: number; readonly equals: readonly string[] }
  | { readonly kind: 'event'; readonly checkpoint: string; readonly event: EventMatch }
  | { readonly kind: 'noEvent'; readonly checkpoint: string; readonly event: EventMatch };

export type ExpectationKind = Expectation['kind'];
export const EXPECTATION_KINDS = ['pixel', 'box', 'lines', 'event', 'noEvent'] as const satisfies readonly ExpectationKind[];

/**
 * Where a generated reproducer came from (written by `parity fuzz` / `parity minimize`):
 * seed, fast-check path, engine identities, fingerprint, the 1-minimality check, ...
 * Flat: field name -> string, finite number or boolean, kept in file order. Engines never see it.
 */
export type Provenance = Readonly<Record<string, string | number | boolean>>;

export interface Scenario {
  readonly id: string;
  readonly title: string;
  readonly viewport: Viewport;
  /** Image name -> absolute PNG path, in declaration order. */
  readonly assets: ReadonlyMap<string, string>;
  readonly quirk?: QuirkEntry;
  readonly tolerance?: Tolerance;
  readonly provenance?: Provenance;
  readonly expect: readonly Expectation[];
  /** 1-based line of each expectation, for messages. */
  readonly expectLines: readonly number[];
  readonly steps: readonly Command[];
  /** 1-based line of each step, for messages (`parity replay` names the first diverging one). */
  readonly stepLines: readonly number[];
  /** Absolute path of the YAML file. */
  readonly file: string;
}
