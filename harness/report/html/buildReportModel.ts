/**
 * results.json (+ the run folder's evidence, the quirk catalogue and, optionally, a
 * previous results.json) -> the ReportModel the viewer renders. All words come from
 * harness/compare/describe.ts; this file only chooses and arranges them.
 */
import { join, resolve } from 'node:path';
import { describeDivergence, editLine, eventText } from '../../compare/describe.ts';
import type { Divergence } from '../../compare/types.ts';
import type { CaseResult, RunResults } from '../../results/types.ts';
import { classOf, verdictOf } from '../../results/verdict.ts';
import type { Verdict as RunVerdict } from '../../results/verdict.ts';
import { evidenceView } from './caseEvidence.ts';
import { quirkOf, quirksTurnedOff } from './caseQuirk.ts';
import { ImageStore, MAX_SIDE } from './imageStore.ts';
import { performanceOf } from './performance.ts';
import { loadQuirkCatalogue } from './quirkCatalogue.ts';
import type { QuirkInfo } from './quirkCatalogue.ts';
import { quirkMatrix } from './quirkMatrix.ts';
import { replayCommand, reproducerOf } from './reproducer.ts';
import { trendOf } from './trend.ts';
import { REPORT_FORMAT } from './viewModel.ts';
import type { CaseClass, CaseDetail, CaseView, ClassCount, DivergenceView, GroupView, ReportModel, TrendState, Verdict, Waiver } from './viewModel.ts';

export interface ReportOptions {
  /** The run to compare against, for the trend section. */
  readonly previous?: RunResults;
  /** The quirk catalogue; default: read from `quirksDir`. */
  readonly catalogue?: readonly QuirkInfo[];
  /** Default: <cwd>/scenarios/quirks. */
  readonly quirksDir?: string;
  /** Where scenario paths in results.json are relative to. Default: process.cwd(). */
  readonly cwd?: string;
  /** Byte budget for all embedded images (./imageStore.ts). */
  readonly imageBudget?: number;
  readonly now?: Date;
}

export const CLASS_LABELS: Readonly<Record<CaseClass, string>> = {
  'new-divergence': 'new divergence',
  'known-quirk': 'known quirk',
  'known-regression': 'known regression',
  waived: 'waived',
  crash: 'crash',
  timeout: 'timeout',
  error: 'input error',
  pass: 'pass',
};
export const CLASS_ORDER = Object.keys(CLASS_LABELS) as CaseClass[];
/** Most severe first: a group's badge shows its most severe class. */
const SEVERITY: readonly CaseClass[] = ['crash', 'timeout', 'error', 'new-divergence', 'waived', 'known-regression', 'known-quirk', 'pass'];

const asDivergence = (d: CaseResult['divergences'][number]) => d as Divergence;

function divergenceView(d: CaseResult['divergences'][number]): DivergenceView {
  const { summary, details } = describeDivergence(asDivergence(d));
  return {
    kind: d.kind,
    fingerprint: d.fingerprint,
    signature: d.signature,
    checkpoint: d.checkpoint,
    step: d.step,
    summary,
    details: d.kind === 'events' ? details.filter((line, i) => i >= d.edits.length || line !== editLine(d.edits[i])) : details.slice(0, 200),
    ...(d.kind === 'events'
      ? { events: d.edits.slice(0, 500).map((e) => ({ op: e.op, index: e.index, candidateIndex: e.candidateIndex, reference: e.reference ? eventText(e.reference) : '', candidate: e.candidate ? eventText(e.candidate) : '' })) }
      : {}),
  };
}

function sourceText(c: CaseResult): string {
  return c.source.kind === 'scenario' ? c.source.file : `fuzz seed ${c.source.seed} path ${c.source.path} run ${c.source.run}`;
}

function summaryOf(c: CaseResult): string {
  if (c.status === 'error') return c.error?.message.split('\n')[0] ?? 'input error';
  const d = c.divergences[0];
  return d ? describeDivergence(asDivergence(d)).summary : '';
}

function withExpiry(w: Waiver | undefined, today: string): Waiver | undefined {
  return w ? { ...w, ...(w.expires < today ? { expired: true } : {}) } : undefined;
}

/** The verdict as the header shows it: a presentation of ../../results/verdict.ts, never a second decision. */
function verdictView(v: RunVerdict): Verdict {
  return { go: v.exitClass === 0, label: v.word.toUpperCase(), reasons: v.reasons, exitClass: v.exitClass };
}

/** The waiver covering a case, from the gate section of results.json. */
function waiverOf(c: CaseResult, results: RunResults): Waiver | undefined {
  const w = c.waiver !== undefined ? results.gate?.waivers[c.waiver] : undefined;
  return w ? { reason: w.reason, owner: w.owner, expires: w.expires, ...(w.status === 'expired' ? { expired: true } : {}) } : undefined;
}

function fuzzBudget(results: RunResults): string | undefined {
  const b = results.gate?.fuzz?.budget;
  if (!b) return undefined;
  return b.runs !== undefined ? `${b.runs} runs` : `${(b.timeMs ?? 0) / 1000} s`;
}

function groupsOf(views: readonly CaseView[], cases: readonly CaseResult[]): GroupView[] {
  const groups = new Map<string, number[]>();
  views.forEach((v, i) => {
    const key = v.class === 'pass' ? 'pass' : v.group;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = [...groups.entries()].map(([key, members]): GroupView => {
    const first = cases[members[0]];
    const d = first.divergences.find((x) => x.fingerprint === key);
    const cls = SEVERITY.find((s) => members.some((i) => views[i].class === s)) ?? 'pass';
    const signature = key === 'pass' ? 'passed' : key === 'error' ? 'input errors' : d?.signature ?? key;
    return { key, signature, class: cls, cases: members, example: key === 'pass' ? '' : views[members[0]].summary };
  });
  return out.sort((a, b) => Number(a.key === 'pass') - Number(b.key === 'pass') || b.cases.length - a.cases.length || (a.key < b.key ? -1 : 1));
}

export function buildReportModel(results: RunResults, runDir: string, options: ReportOptions = {}): ReportModel {
  const cwd = options.cwd ?? process.cwd();
  const now = options.now ?? new Date();
  const today = now.toISOString().slice(0, 10);
  const catalogue = options.catalogue ?? loadQuirkCatalogue(options.quirksDir ?? resolve(cwd, 'scenarios', 'quirks'), cwd);
  const catalogueIds = new Set(catalogue.map((q) => q.id));
  const quirksOff = quirksTurnedOff(results.engines);
  const verdict = verdictOf(results);
  const wave = results.gate?.wave;
  const store = new ImageStore(options.imageBudget);
  const trend = options.previous ? trendOf(results, options.previous) : undefined;
  const trendById = new Map<string, TrendState>();
  for (const r of trend?.rows ?? []) if (r.state !== 'removed') trendById.set(r.id, r.state);

  const views: CaseView[] = [];
  const details: (CaseDetail | undefined)[] = [];
  for (const c of results.cases) {
    const quirk = quirkOf(c, catalogueIds);
    const waiver = withExpiry(waiverOf(c, results), today);
    views.push({
      id: c.id,
      title: c.title,
      class: classOf(c),
      status: c.status,
      ...(quirk ? { quirk } : {}),
      ...(waiver ? { waiver } : {}),
      source: sourceText(c),
      steps: c.steps,
      checkpoints: c.checkpoints,
      group: c.status === 'error' ? 'error' : c.divergences[0]?.fingerprint ?? '',
      summary: summaryOf(c),
      timeMs: Math.round((c.timing?.totalMs ?? 0) * 10) / 10,
    });
  }
  // Evidence in group order (largest first), so the image budget goes to what matters most.
  const groups = groupsOf(views, results.cases);
  for (const g of groups) {
    if (g.key === 'pass') continue;
    for (const i of g.cases) details[i] = caseDetail(results.cases[i], results, runDir, store, cwd, trendById.get(results.cases[i].id));
  }
  const cases = views.map((v, i) => (details[i] ? { ...v, detail: details[i] } : v));

  const counts: ClassCount[] = CLASS_ORDER.map((k) => ({ class: k, label: CLASS_LABELS[k], count: verdict.counts.cases[k] }));
  const seeds = [...new Set(results.cases.flatMap((c) => (c.source.kind === 'fuzz' ? [String(c.source.seed)] : [])))];
  const seed = results.gate?.fuzz ? String(results.gate.fuzz.seed) : seeds.length > 0 ? seeds.join(', ') : undefined;
  const budget = fuzzBudget(results);
  const performance = performanceOf(results.cases);

  return {
    format: REPORT_FORMAT,
    generatedAt: now.toISOString(),
    title: `parity report ${results.run.id}${wave ? ` (wave ${wave})` : ''}`,
    ...(wave ? { wave } : {}),
    verdict: verdictView(verdict),
    run: {
      id: results.run.id,
      command: `parity ${results.run.command}`,
      startedAt: results.run.startedAt,
      ...(results.run.finishedAt ? { finishedAt: results.run.finishedAt } : {}),
      ...(results.run.durationMs !== undefined ? { durationMs: results.run.durationMs } : {}),
      interrupted: results.summary?.interrupted ?? !results.summary,
      ...(seed ? { seed } : {}),
      ...(budget ? { budget } : {}),
      ...(results.determinism ? { determinism: { sampled: results.determinism.sampled.length, nondeterministic: results.determinism.nondeterministic } } : {}),
    },
    engines: [
      { role: 'reference', ...results.engines.reference },
      { role: 'candidate', ...results.engines.candidate },
    ],
    counts,
    cases,
    groups,
    quirks: quirkMatrix(catalogue, results.cases, views, quirksOff),
    ...(trend ? { trend } : {}),
    ...(performance ? { performance } : {}),
    images: store.uris,
    imageNote:
      `${store.uris.length} image(s), ${megabytes(store.bytes)} embedded; frames up to ${MAX_SIDE} px embedded as they are` +
      (store.downscaled ? `, ${store.downscaled} larger frame(s) downscaled with full-size crops of the differing area` : '') +
      (store.refused ? `, ${store.refused} image(s) left out over the ${(store.budget / 1048576).toFixed(0)} MB budget (see ${join(runDir, 'cases')})` : ''),
  };
}

function megabytes(bytes: number): string {
  return bytes < 1048576 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

function caseDetail(c: CaseResult, results: RunResults, runDir: string, store: ImageStore, cwd: string, trend: TrendState | undefined): CaseDetail {
  const ev = evidenceView(runDir, c, store);
  const { reproducer, cause } = reproducerOf(c, cwd);
  const replay = replayCommand(c, results);
  return {
    divergences: c.divergences.slice(0, 50).map(divergenceView),
    ...(ev ? { evidence: ev.evidence, layoutRows: ev.rows, ...(ev.omitted ? { layoutRowsOmitted: ev.omitted } : {}) } : {}),
    ...(cause ? { cause } : {}),
    ...(reproducer ? { reproducer } : {}),
    ...(replay ? { replay } : {}),
    ...(c.error ? { error: c.error.message } : {}),
    ...(trend ? { trend } : {}),
  };
}
