/**
 * The one-screen summary of `parity fuzz`: runs and speed, stream health, the quirk
 * coverage table, divergences (known / new) and, for each new one, its reproducer and
 * the command that replays it. Words only: the data is a FuzzReport, the counts and the
 * verdict are the run's Verdict (../results/verdict.ts).
 */
import { QUIRK_IDS } from '../../engines/shared/quirks.ts';
import type { Verdict } from '../results/verdict.ts';
import { fuzzCountsText, verdictHeadline } from '../results/verdictText.ts';
import { interruptedLine } from '../results/interruption.ts';
import { describeRegressionWrite } from '../minimize/writeRegression.ts';
import type { FuzzReport } from './runFuzz.ts';

export interface RegressionReplay {
  readonly replayed: number;
  /** Saved regressions that still diverge: [file, status]. */
  readonly failing: readonly (readonly [string, string])[];
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function formatFuzzReport(r: FuzzReport, verdict: Verdict, extra: { regressions?: RegressionReplay; runDir?: string } = {}): string {
  const out: string[] = [];
  const shard = r.shard.count > 1 ? ` shard ${r.shard.index}/${r.shard.count}` : '';
  const budget = r.budget.runs !== undefined ? `${r.budget.runs} runs` : `${secs(r.budget.timeMs ?? 0)}`;
  out.push(`parity fuzz: seed ${r.seed}${shard}, budget ${budget}: ${r.runs} run(s) in ${secs(r.wallMs)} on ${r.target === 'chromium' ? `target chromium, ${r.workers} page(s)` : `${r.workers} worker(s)`}, ${Math.round(r.casesPerSecond)} cases/s${r.endedBy === 'interrupted' ? ' (interrupted)' : ''}`);
  out.push(`  engines: ${r.engines.reference.name} (${r.engines.reference.build}) vs ${r.engines.candidate.name} (${r.engines.candidate.build})${r.candidateQuirksOff.length ? `, quirks off: ${r.candidateQuirksOff.join(', ')}` : ''}`);
  out.push(`  time: engines ${pct(1 - r.timing.harnessShare)}, harness ${pct(r.timing.harnessShare)} (generate ${secs(r.timing.generateMs)}, detectors ${secs(r.timing.detectMs)}, compare ${secs(r.timing.compareMs)} over all workers)`);
  const h = r.health;
  out.push(`  streams: median ${h.medianLength} commands (mean ${h.meanLength.toFixed(1)}, max ${h.maxLength}), ${pct(h.invalidShare)} invalid, median ${h.medianCheckpoints} checkpoints (mean ${h.meanCheckpoints.toFixed(1)})`);
  if (extra.regressions) {
    const { replayed, failing } = extra.regressions;
    out.push(`  saved regressions replayed first: ${replayed}, still diverging: ${failing.length}${failing.length ? ` (${failing.map(([f, s]) => `${f} ${s}`).join(', ')})` : ''}`);
  }

  // coverage table, two columns
  const sampled = h.coverage.sampledRuns;
  out.push(`  quirk coverage (detector hits in ${sampled} sampled run(s)):`);
  const cells = QUIRK_IDS.map((q) => {
    const n = h.coverage.hits[q];
    return `${q.padEnd(26)} ${String(n).padStart(6)} ${sampled ? pct(n / sampled).padStart(6) : ''}${n === 0 ? ' !' : ''}`;
  });
  for (let i = 0; i < cells.length; i += 2) out.push(`    ${cells[i].padEnd(44)}${cells[i + 1] ?? ''}`);
  const never = QUIRK_IDS.filter((q) => h.coverage.hits[q] === 0);
  if (never.length && sampled) out.push(`    ! never triggered: ${never.join(', ')}`);

  // divergences
  if (verdict.counts.fuzz) out.push(`  fuzz: ${fuzzCountsText(verdict.counts.fuzz)}`);
  for (const k of r.known) out.push(`    known  ${k.fingerprint}  ${k.signature}  ${k.runs} run(s), ${k.by}${k.where ? ` (${k.where})` : ''}`);
  for (const f of r.findings) {
    const m = f.minimized;
    out.push(`    NEW    ${f.fingerprint}  ${f.signature}  ${f.runs.length} run(s), first run ${f.runs[0]}`);
    if (m) {
      out.push(`           minimized${f.minimizedOn ? ` on ${f.minimizedOn}` : ''} ${m.originalSteps} -> ${m.shrunkSteps} (fast-check) -> ${m.steps.length} step(s) in ${secs(m.timing.totalMs)}; ${m.minimality.oneMinimal ? '1-minimal (checked)' : `NOT 1-minimal: ${m.minimality.reproducing.length} removal(s) still diverge`}${m.complete ? '' : '; budget ran out'}`);
      if (m.firstDivergingStep >= 0) out.push(`           first diverging step: ${m.firstDivergingStep}`);
    }
    if (f.note) out.push(`           ${f.note}`);
    if (f.regression) out.push(`           ${describeRegressionWrite(f.regression)}`);
    if (f.file) out.push(`           ${f.replay}`);
  }
  if (extra.runDir) out.push(`  results: ${extra.runDir}/results.json`);
  for (const reason of verdict.reasons) out.push(`  ✗ ${reason}`);
  const found = verdict.counts.fuzz?.identities.new ?? 0;
  const last = r.interrupted ? interruptedLine(r.runs, r.planned, 'run(s)')
    : verdict.exitClass === 0 ? 'fuzz ok: no new divergence'
    : found > 0 ? `fuzz FOUND: ${found} new divergence(s): replay the reproducers above; verdict ${verdictHeadline(verdict)}`
      : verdict.counts.cases['known-regression'] > 0 && verdict.exitClass === 1
        ? `fuzz FAILING: no new divergence, but ${verdict.counts.cases['known-regression']} saved regression(s) still diverge: replay them with npx parity replay FILE`
        : `fuzz ${verdictHeadline(verdict)}: see the reasons above`;
  out.push(last);
  return out.join('\n');
}

