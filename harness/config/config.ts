/**
 * parity.config.yaml: which engines to compare and how (issue 4); waves and waivers
 * are added by the gate. Every field has a default, so a missing file means defaults.
 */
import type { FrameCompareOptions, FuzzyAllowance, LayoutCompareOptions } from '../compare/types.ts';
import type { EngineSpec } from '../engines/registry.ts';
import type { Waiver, WavePolicy } from './waves.ts';

export interface ParityConfig {
  /** The folder the config was read from; relative paths in it resolve against it. */
  readonly baseDir: string;
  /** The file it came from, or null when defaults were used. */
  readonly file: string | null;
  readonly reference: EngineSpec;
  readonly candidate: EngineSpec;
  /** Scenario folders/globs that `parity run` uses when given none. */
  readonly scenarios: readonly string[];
  /** Viewport for generated streams. */
  readonly viewport: { readonly width: number; readonly height: number };
  /** Case workers; 0 means one per core. */
  readonly workers: number;
  /** Per-case time limit. */
  readonly timeoutMs: number;
  readonly compare: {
    readonly frame: Omit<FrameCompareOptions, 'withDiffImage' | 'fuzzy'>;
    readonly fuzzy?: FuzzyAllowance;
    readonly layout: LayoutCompareOptions;
  };
  /** How many cases (at most) the reference runs twice to detect non-determinism. */
  readonly determinismSample: number;
  /** Rollout waves by name (issue 7), and the one `parity gate` uses without --wave. */
  readonly waves: ReadonlyMap<string, WavePolicy>;
  readonly defaultWave: string | null;
  readonly waivers: readonly Waiver[];
}

export const DEFAULT_CONFIG: Omit<ParityConfig, 'baseDir' | 'file'> = {
  reference: { builtin: 'legacy-js' },
  candidate: { builtin: 'wasm' },
  scenarios: ['scenarios/'],
  viewport: { width: 320, height: 180 },
  workers: 0,
  timeoutMs: 10_000,
  compare: { frame: {}, layout: { tolerance: 0 } },
  determinismSample: 8,
  waves: new Map(),
  defaultWave: null,
  waivers: [],
};
