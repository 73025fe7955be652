/**
 * results.json: the single source every reporter reads (console, HTML, JUnit, gate).
 * Timing lives only in fields named `timing`, `startedAt`, `finishedAt` and `durationMs`,
 * so two runs of the same inputs compare byte for byte once those are stripped.
 */
import type { Divergence } from '../compare/types.ts';
import type { EngineIdentity } from '../engines/types.ts';
import type { Verdict } from './verdict.ts';

export const RESULTS_FORMAT = 'parity-results/1';

/** pass: identical; divergence: engines differ; crash/timeout: an engine failed; error: the input is bad. */
export type CaseStatus = 'pass' | 'divergence' | 'crash' | 'timeout' | 'error';

export type CaseSource =
  | { readonly kind: 'scenario'; readonly file: string }
  | { readonly kind: 'fuzz'; readonly seed: number; readonly path: string; readonly run: number };

/** A problem with the input itself, located as precisely as possible. */
export interface InputError {
  readonly message: string;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly step?: number;
}

/** Divergences as stored: pixel buffers replaced by artifact paths. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type StoredDivergence = DistributiveOmit<Divergence, 'diffImage' | 'referenceCrop' | 'candidateCrop'> & {
  readonly artifacts?: { readonly reference?: string; readonly candidate?: string; readonly diff?: string };
};

export interface CaseTiming {
  readonly referenceMs: number;
  readonly candidateMs: number;
  readonly compareMs: number;
  readonly totalMs: number;
}

/** Files (relative to the run folder) showing one engine at the first diverging checkpoint. */
export interface EvidenceSide {
  /** The full frame as PNG (absent for layout-only engines). */
  readonly frame?: string;
  /** The layout tree as JSON (harness/golden/observationCodec.ts encoding). */
  readonly layout: string;
}

/** What a reviewer needs to see the first diverging checkpoint of a case. */
export interface CaseEvidence {
  readonly checkpoint: string;
  readonly step: number;
  readonly reference: EvidenceSide;
  readonly candidate: EvidenceSide;
  /** pixelmatch's full-frame diff image, when the frames differ. */
  readonly diff?: string;
}

/**
 * How the gate classifies a case (issue 7): a divergence is waived (an unexpired waiver
 * matches it), a known quirk (caused by a compat flag the wave ships turned off), or new.
 * `parity fuzz` classifies its replay of saved regressions that still diverge as
 * known-regression: filed already (not filed again), but the candidate still has the
 * bug, so it fails the run (exit 1) and is a JUnit failure.
 */
export type Classification = 'pass' | 'new-divergence' | 'known-quirk' | 'known-regression' | 'waived' | 'crash' | 'timeout' | 'error';

export interface CaseResult {
  readonly id: string;
  readonly title: string;
  readonly source: CaseSource;
  readonly status: CaseStatus;
  readonly steps: number;
  readonly checkpoints: number;
  /** Index of the first step of the first diverging checkpoint's batch, when known. */
  readonly firstDivergingCheckpoint?: { readonly name: string; readonly step: number };
  readonly divergences: readonly StoredDivergence[];
  readonly evidence?: CaseEvidence;
  readonly error?: InputError;
  /** Set by the gate. */
  readonly classification?: Classification;
  /** Index into gate.waivers of the waiver that covers this case, when waived. */
  readonly waiver?: number;
  /** The catalogued quirk this case is about (quirk scenarios), or that caused it (known-quirk). */
  readonly quirk?: string;
  readonly timing: CaseTiming;
}

export interface Determinism {
  /** Cases the reference ran twice (A-vs-A) to detect non-determinism. */
  readonly sampled: readonly string[];
  /** Ids of sampled cases whose two reference runs differed. */
  readonly nondeterministic: readonly string[];
}

export interface RunSummary {
  /** Cases in this results file. */
  readonly total: number;
  /** Cases the run meant to run: equal to `total` unless the run was interrupted. */
  readonly planned: number;
  readonly byStatus: Readonly<Record<CaseStatus, number>>;
  /** Divergence groups: fingerprint -> case ids, largest first. */
  readonly groups: readonly { readonly fingerprint: string; readonly signature: string; readonly cases: readonly string[] }[];
  /** The verdict's exit class (./verdict.ts). */
  readonly exitClass: ExitClass;
  /** The run was stopped (Ctrl-C) before it finished: exit class 3, no verdict. */
  readonly interrupted: boolean;
}

/** 0 pass · 1 divergence · 2 usage or input error · 3 engine crash or infrastructure failure. */
export type ExitClass = 0 | 1 | 2 | 3;

export interface RunInfo {
  readonly id: string;
  readonly command: string;
  /** Where the engines ran: node (worker threads) or chromium (a page: legacy on its main thread, wasm in a Web Worker). */
  readonly target: 'node' | 'chromium';
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
}

export type WaiverStatus = 'active' | 'expired' | 'stale';

export interface GateWaiver {
  readonly fingerprint?: string;
  readonly quirk?: string;
  readonly reason: string;
  readonly owner: string;
  readonly expires: string;
  readonly status: WaiverStatus;
  /** Cases this waiver covered in this run. */
  readonly cases: readonly string[];
}

export type QuirkStatus = 'reproduced' | 'diverges' | 'waived' | 'not-exercised';

export interface QuirkParity {
  readonly quirk: string;
  readonly required: boolean;
  readonly tags: readonly string[];
  readonly status: QuirkStatus;
  /** The scenario file proving the quirk. */
  readonly scenario: string;
}

/**
 * A fuzz budget's facts, kept apart: runs (streams) and identities (fingerprints). The
 * counts a presenter shows are the verdict's (./verdict.ts fuzzCounts).
 */
export interface FuzzSummary {
  readonly seed: number;
  readonly budget: { readonly runs?: number; readonly timeMs?: number };
  /** Runs meant to run (this shard's share of a runs budget; for a time budget, the runs done). */
  readonly planned: number;
  /** Runs done. */
  readonly runs: number;
  /** Runs whose streams matched on both engines. */
  readonly passed: number;
  /** Runs that diverged. */
  readonly diverged: number;
  /** Diverged runs whose fingerprint was already known (catalogued quirk, saved regression, waiver). */
  readonly knownRuns: number;
  /** Distinct known fingerprints among the diverged runs, sorted. */
  readonly knownFingerprints: readonly string[];
  /** Distinct new fingerprints (each minimized and filed as a case), sorted. */
  readonly newFingerprints: readonly string[];
  /** Present (true) only when the budget was stopped (Ctrl-C) before it was spent: no verdict. */
  readonly interrupted?: true;
  readonly stats: FuzzStats;
}

/**
 * Stream health of a fuzz budget. The counts and histograms add up exactly across
 * shards (`parity merge` recomputes the medians from them).
 */
export interface FuzzStats {
  readonly medianLength: number;
  readonly invalidShare: number;
  readonly medianCheckpoints: number;
  readonly commands: number;
  readonly invalid: number;
  /** Stream length -> runs, and checkpoints per stream -> runs. */
  readonly lengths: Readonly<Record<string, number>>;
  readonly checkpointCounts: Readonly<Record<string, number>>;
}

export interface GateOutcome {
  readonly wave: string;
  /** The verdict's word, reasons and case counts, as results.json has always carried them. */
  readonly verdict: 'go' | 'no-go';
  /** Why no-go (empty for go), each a sentence naming what to do. */
  readonly reasons: readonly string[];
  readonly strict: boolean;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly allowDivergences: number;
  readonly byClass: Readonly<Record<Classification, number>>;
  readonly waivers: readonly GateWaiver[];
  readonly quirks: readonly QuirkParity[];
  readonly fuzz?: FuzzSummary;
}

/**
 * How the user chose the engines, as data: what a replay command repeats. The candidate's
 * display name (`wasm (quirks off: a)`) is for people; reporters read the flags from here.
 */
export interface EngineChoice {
  /** The config file relative to the working directory; absent when it is the default parity.config.yaml (or none). */
  readonly config?: string;
  /** `--reference` / `--candidate` exactly as given on the command line; absent when the config chose. */
  readonly reference?: string;
  readonly candidate?: string;
  /** Compat flags the candidate ran with turned off, sorted. */
  readonly quirksOff: readonly string[];
}

export interface RunEngines {
  readonly reference: EngineIdentity;
  readonly candidate: EngineIdentity;
  /** Absent only in results written before it was recorded. */
  readonly choice?: EngineChoice;
}

export interface RunResults {
  readonly format: typeof RESULTS_FORMAT;
  readonly run: RunInfo;
  readonly engines: RunEngines;
  readonly determinism?: Determinism;
  readonly cases: readonly CaseResult[];
  readonly summary?: RunSummary;
  /** The one verdict every presenter shows (./verdict.ts); absent from partial results. */
  readonly verdict?: Verdict;
  /** Present for `parity gate` runs. */
  readonly gate?: GateOutcome;
}
