/**
 * The HTML report's data: the one types file shared by the generator (which builds a
 * ReportModel from results.json, node side) and the viewer (which renders it, browser
 * side). Everything a reviewer reads is already words here: the generator runs
 * harness/compare/describe.ts, so the viewer never turns a divergence into prose.
 *
 * Fields the gate owns (wave, verdict, classification, waiver, seed, budget) are filled
 * with defaults derived from the run today; the gate fills them in later through the
 * generator's options without the viewer changing.
 */

export const REPORT_FORMAT = 'parity-report/1';

/** How a reviewer should read a case. Order = display order. */
export type CaseClass = 'new-divergence' | 'known-quirk' | 'known-regression' | 'waived' | 'crash' | 'timeout' | 'error' | 'pass';

/** Why a divergence is accepted for now; expires on an ISO date. */
export interface Waiver {
  readonly reason: string;
  readonly owner: string;
  /** ISO date (YYYY-MM-DD). */
  readonly expires: string;
  /** Set by the generator when `expires` is before the report date. */
  readonly expired?: boolean;
}

export interface EngineView {
  readonly role: 'reference' | 'candidate';
  readonly name: string;
  readonly version: string;
  readonly build: string;
}

export interface Verdict {
  readonly go: boolean;
  /** e.g. "GO", "NO-GO". */
  readonly label: string;
  /** One line per reason the verdict is what it is. */
  readonly reasons: readonly string[];
  readonly exitClass: number;
}

export interface RunView {
  readonly id: string;
  readonly command: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly durationMs?: number;
  readonly interrupted: boolean;
  /** Fuzz seed(s) of the run, when any case came from the generator. */
  readonly seed?: string;
  /** The fuzz budget, as the gate words it (e.g. "2000 runs, 60 s"). */
  readonly budget?: string;
  readonly determinism?: { readonly sampled: number; readonly nondeterministic: readonly string[] };
}

/** A PNG embedded once in ReportModel.images, referenced by index. */
export interface ImageRef {
  readonly image: number;
  /** Size of the embedded image. */
  readonly width: number;
  readonly height: number;
  /** Embedded pixels per frame pixel: 1 = exact; 0.5 = downscaled by 2. */
  readonly scale: number;
}

/**
 * A layout box as stored in the evidence (frame pixels). Numbers JSON cannot carry
 * (NaN, ±Infinity, -0) are the strings of harness/golden/observationCodec.ts.
 */
export interface BoxView {
  readonly id: number;
  readonly depth: number;
  readonly x: number | string;
  readonly y: number | string;
  readonly width: number | string;
  readonly height: number | string;
  readonly lines?: readonly string[];
}

/** One engine's side of a frame comparison (its boxes are in CaseDetail.layoutRows). */
export interface FrameSide {
  readonly frame?: ImageRef;
}

/** A full-resolution cut-out of both frames around the differing pixels (large frames only). */
export interface DetailCrop {
  /** Where the crop sits in the frame. */
  readonly x: number;
  readonly y: number;
  readonly reference: ImageRef;
  readonly candidate: ImageRef;
  readonly diff?: ImageRef;
}

export interface EvidenceView {
  readonly checkpoint: string;
  readonly step: number;
  /** Frame size in engine pixels. */
  readonly width: number;
  readonly height: number;
  readonly reference: FrameSide;
  readonly candidate: FrameSide;
  readonly diff?: ImageRef;
  readonly detail?: DetailCrop;
  /** Node ids named by the layout divergences: drawn highlighted. */
  readonly highlight: readonly number[];
  /** Why images are missing, when they are. */
  readonly omitted?: string;
}

/** One row of the layout-tree diff: a node with both boxes; `differs` names the differing fields. */
export interface LayoutRow {
  readonly id: number;
  readonly occurrence: number;
  readonly depth: number;
  readonly reference: BoxView | null;
  readonly candidate: BoxView | null;
  readonly differs: readonly string[];
}

export interface EventRow {
  readonly op: 'delete' | 'insert' | 'change';
  readonly index: number;
  readonly candidateIndex: number;
  readonly reference: string;
  readonly candidate: string;
}

export interface DivergenceView {
  readonly kind: string;
  readonly fingerprint: string;
  readonly signature: string;
  readonly checkpoint: string;
  readonly step: number;
  /** From describeDivergence. */
  readonly summary: string;
  readonly details: readonly string[];
  readonly events?: readonly EventRow[];
}

export interface ReproducerView {
  /** Path of the scenario file, relative to where the report was generated. */
  readonly file: string;
  /** The scenario text (size-capped). */
  readonly yaml: string;
  readonly truncated: boolean;
  /** 1-based line of the causing command in `yaml` (else the symptom's), when known. */
  readonly line?: number;
}

/**
 * The divergence a case is shown by (its first), named as `parity replay --divergence`
 * names it: identity, causing command and symptom checkpoint, in the words of
 * harness/results/causeAndSymptom.ts.
 */
export interface CauseView {
  readonly fingerprint: string;
  readonly signature: string;
  /** `step 2 (set gap), line 7: set: { id: 1, prop: gap, value: 4 }`, or why there is none. */
  readonly cause: string;
  /** Step of the causing command; absent when it was not localized. */
  readonly causeStep?: number;
  /** `checkpoint "row" at step 10, line 15`; for a crash, the step that failed. */
  readonly symptom: string;
  readonly checkpoint: string;
  readonly symptomStep: number;
}

export interface CaseView {
  readonly id: string;
  readonly title: string;
  readonly class: CaseClass;
  readonly status: string;
  /** The quirk this case exercises (scenarios/quirks/<id>.yaml), if any. */
  readonly quirk?: string;
  readonly waiver?: Waiver;
  /** `scenarios/quirks/x.yaml` or `fuzz seed 42 path 3:1 run 7`. */
  readonly source: string;
  readonly steps: number;
  readonly checkpoints: number;
  /** Group (fingerprint) the case is listed under; "" for passing cases. */
  readonly group: string;
  /** One line: what differs first. */
  readonly summary: string;
  readonly timeMs: number;
  /** Only for non-passing cases. */
  readonly detail?: CaseDetail;
}

export interface CaseDetail {
  readonly divergences: readonly DivergenceView[];
  readonly evidence?: EvidenceView;
  readonly layoutRows?: readonly LayoutRow[];
  /** Rows left out of layoutRows to keep the report small. */
  readonly layoutRowsOmitted?: number;
  readonly cause?: CauseView;
  readonly reproducer?: ReproducerView;
  /** The exact command that replays the case's shown divergence (with --divergence). */
  readonly replay?: string;
  readonly error?: string;
  readonly trend?: TrendState;
}

export interface GroupView {
  /** Fingerprint, or a pseudo key: "crash", "error", "pass". */
  readonly key: string;
  readonly signature: string;
  /** The dominant class of the group's cases (for its badge). */
  readonly class: CaseClass;
  readonly cases: readonly number[];
  /** describe summary of the group's first case. */
  readonly example: string;
}

export type QuirkState = 'reproduced' | 'diverges' | 'waived' | 'failed' | 'not-exercised';

export interface QuirkCell {
  readonly state: QuirkState;
  readonly waiver?: Waiver;
  readonly note?: string;
}

/** A catalogued quirk as the report knows it (harness/report/html/quirkCatalogue.ts reads them). */
export interface QuirkEntryView {
  readonly id: string;
  readonly title: string;
  /** Scenario file relative to cwd; absent for a compat flag without a scenario. */
  readonly file?: string;
  readonly tags: readonly string[];
  readonly legacy?: string;
  readonly correct?: string;
}

export interface QuirkRow extends QuirkEntryView {
  /** Index of the case that exercised it, into ReportModel.cases. */
  readonly case?: number;
  /** One cell per ReportModel.engines entry. */
  readonly cells: readonly QuirkCell[];
  /** True when the candidate ran with this quirk's compat flag off. */
  readonly flagOff: boolean;
}

export type TrendState = 'new' | 'fixed' | 'still-failing' | 'changed';

export interface TrendView {
  readonly previousRun: string;
  readonly previousStartedAt: string;
  readonly counts: Readonly<Record<TrendState, number>> & { readonly removed: number };
  readonly rows: readonly { readonly id: string; readonly state: TrendState | 'removed'; readonly before: string; readonly now: string; readonly case?: number }[];
}

export interface Distribution {
  readonly samples: number;
  readonly mean: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Histogram counts over PerformanceView.bins. */
  readonly histogram: readonly number[];
}

export interface PerformanceView {
  /** What one sample is. */
  readonly unit: string;
  /** Bin edges in ms (length = histogram length + 1), log spaced. */
  readonly bins: readonly number[];
  readonly reference: Distribution;
  readonly candidate: Distribution;
  /** candidate p50 / reference p50 (< 1: candidate faster). */
  readonly ratioP50: number;
  readonly ratioP90: number;
}

export interface ClassCount {
  readonly class: CaseClass;
  readonly label: string;
  readonly count: number;
}

export interface ReportModel {
  readonly format: typeof REPORT_FORMAT;
  readonly generatedAt: string;
  readonly title: string;
  readonly wave?: string;
  readonly verdict: Verdict;
  readonly run: RunView;
  readonly engines: readonly EngineView[];
  readonly counts: readonly ClassCount[];
  readonly cases: readonly CaseView[];
  readonly groups: readonly GroupView[];
  readonly quirks: readonly QuirkRow[];
  readonly trend?: TrendView;
  readonly performance?: PerformanceView;
  /** data: URIs of every embedded PNG. */
  readonly images: readonly string[];
  /** How images were embedded (shown in the footer). */
  readonly imageNote: string;
}
