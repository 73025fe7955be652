/**
 * What a developer needs to reproduce a case: the scenario text (read when the report
 * is generated, size-capped), the exact replay command naming the divergence the case is
 * shown by, and that divergence's cause and symptom in the words `parity replay` uses.
 */
import { resolve } from 'node:path';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import { readRunFilePrefix } from '../../results/readRunFile.ts';
import { causeAndSymptom, causeText, symptomText } from '../../results/causeAndSymptom.ts';
import type { ScenarioSteps } from '../../results/causeAndSymptom.ts';
import type { CaseResult, RunResults } from '../../results/types.ts';
import { namedDivergence, replayCommandFor, shellQuote } from '../../results/replayHint.ts';
import type { CauseView, ReproducerView } from './viewModel.ts';

/** Largest scenario text embedded per case; longer ones are cut and say so. */
export const MAX_REPRODUCER_BYTES = 64 * 1024;

export function replayCommand(c: CaseResult, results: Pick<RunResults, 'engines' | 'run'>): string | undefined {
  return replayCommandFor(c, results) ?? undefined;
}

export { shellQuote };

export function reproducerOf(c: CaseResult, cwd: string): { reproducer?: ReproducerView; cause?: CauseView } {
  const file = c.source.kind === 'scenario' ? resolve(cwd, c.source.file) : undefined;
  const text = file !== undefined && c.source.kind === 'scenario' ? scenarioText(cwd, file, c.source.file) : undefined;
  const where = causeOf(c, text !== undefined ? stepsOf(file!) : undefined);
  if (c.source.kind !== 'scenario' || text === undefined) return where ? { cause: where.view } : {};
  const reproducer: ReproducerView = { file: c.source.file, ...text, ...(where?.line !== undefined ? { line: where.line } : {}) };
  return { reproducer, ...(where ? { cause: where.view } : {}) };
}

/** The shown divergence's cause and symptom, and the line the reproducer highlights (the cause's, else the symptom's). */
function causeOf(c: CaseResult, scenario: ScenarioSteps | undefined): { view: CauseView; line?: number } | undefined {
  const d = namedDivergence(c);
  if (!d) return undefined;
  const where = causeAndSymptom(d, scenario);
  const causeStep = where.cause && where.cause.step >= 0 ? where.cause.step : undefined;
  const view: CauseView = {
    fingerprint: where.fingerprint, signature: where.signature, cause: causeText(where), ...(causeStep !== undefined ? { causeStep } : {}),
    symptom: symptomText(where), checkpoint: where.symptom.checkpoint, symptomStep: where.symptom.step,
  };
  const line = causeStep !== undefined ? where.cause!.line : where.symptom.line;
  return { view, ...(line !== undefined ? { line } : {}) };
}

/** The scenario's text: results.json may come from another machine, so only a .yaml file inside the project is shown. */
function scenarioText(cwd: string, file: string, shown: string): { yaml: string; truncated: boolean } | undefined {
  const read = /\.ya?ml$/i.test(file) ? readRunFilePrefix(cwd, file, MAX_REPRODUCER_BYTES) : undefined;
  if (!read) return undefined;
  const yaml = read.bytes.toString('utf8');
  if (read.complete) return { yaml, truncated: false };
  return { yaml: `${yaml}\n# … cut: the file has more than ${MAX_REPRODUCER_BYTES} bytes; the full text is in ${shown}\n`, truncated: true };
}

function stepsOf(file: string): ScenarioSteps | undefined {
  try {
    return loadScenarioSync(file, { checkAssetFiles: false });
  } catch {
    return undefined; // the scenario no longer loads: show its text without a step line
  }
}
