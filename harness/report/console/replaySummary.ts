/**
 * What `parity replay` found, as data (printed as is by --json) and as text. Each identity
 * carries the cause and symptom words every reporter uses (../../results/causeAndSymptom.ts),
 * so replay names the same causing step as the run, the gate and the HTML report.
 * The step-by-step line is extra: where a replay observing after every command first sees
 * a difference, which can be an earlier, unrelated divergence and is never the cause.
 */
import { describeDivergence } from '../../compare/describe.ts';
import type { Divergence } from '../../compare/types.ts';
import { causeAndSymptom, causeText, symptomText } from '../../results/causeAndSymptom.ts';
import type { CauseAndSymptom, ScenarioSteps } from '../../results/causeAndSymptom.ts';

export interface ReplayIdentity extends CauseAndSymptom {
  readonly kind: Divergence['kind'];
  readonly summary: string;
  readonly details: readonly string[];
}

/** reproduced: --divergence found · not-shown: it diverges, but not with it · diverges: no --divergence given · agree. */
export type ReplayOutcomeWord = 'reproduced' | 'not-shown' | 'diverges' | 'agree';

export interface ReplayReport {
  readonly scenario: string;
  readonly file: string;
  readonly steps: number;
  readonly engines: { readonly reference: string; readonly candidate: string };
  /** The identity asked for with --divergence; null without. */
  readonly divergence: string | null;
  readonly outcome: ReplayOutcomeWord;
  readonly exitClass: number;
  /** Every identity the case shows, first occurrence each, in checkpoint order. */
  readonly identities: readonly ReplayIdentity[];
  /** The identity reported in full, with the artifacts: the one asked for, else the first; null when none. */
  readonly shown: string | null;
  readonly artifacts: readonly string[];
  /** Step by step: the first command after which the engines' observations differ (not the cause). */
  readonly stepByStep: { readonly step: number; readonly line?: number; readonly yaml?: string } | null;
}

export function replayIdentity(d: Divergence, scenario: ScenarioSteps): ReplayIdentity {
  const { summary, details } = describeDivergence(d);
  return { ...causeAndSymptom(d, scenario), kind: d.kind, summary, details: details.filter((l) => !l.startsWith('fingerprint ')) };
}

export function formatReplay(r: ReplayReport): string {
  const pair = `${r.engines.reference} vs ${r.engines.candidate}`;
  const lines = [`parity replay ${r.file} (${pair}): ${headline(r)}`];
  for (const id of r.identities) {
    const full = id.fingerprint === r.shown;
    lines.push(...identityLines(id, full));
    if (full) lines.push(...r.artifacts.map((f) => `    wrote ${f}`));
  }
  if (r.stepByStep) {
    const s = r.stepByStep;
    lines.push(`  step by step (extra, not the cause): first divergence after step ${s.step}${s.line !== undefined ? ` (${r.file}:${s.line})` : ''}${s.yaml !== undefined ? `: ${s.yaml}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

function headline(r: ReplayReport): string {
  const n = r.identities.length;
  switch (r.outcome) {
    case 'reproduced': return `reproduces divergence ${r.divergence}${n > 1 ? ` (the case shows ${n} identities)` : ''}`;
    case 'not-shown': return `does not show divergence ${r.divergence}; the engines differ with ${n === 1 ? 'another identity' : `${n} other identities`}`;
    case 'diverges': return `${n === 1 ? '1 identity' : `${n} identities`} in checkpoint order`;
    case 'agree': return `no divergence in ${r.steps} step(s)${r.divergence ? `: divergence ${r.divergence} is not shown` : ''}`;
  }
}

function identityLines(id: ReplayIdentity, full: boolean): string[] {
  return [
    `  ${full ? '▶' : '·'} identity ${id.fingerprint}  ${id.signature}`,
    `    cause:   ${causeText(id)}`,
    `    symptom: ${symptomText(id)}`,
    `    ${id.summary}`,
    ...(full ? id.details.map((l) => `      ${l}`) : []),
  ];
}
