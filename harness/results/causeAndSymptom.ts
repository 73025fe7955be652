/**
 * Where a divergence comes from and where it shows, as every reporter names it: its cause
 * (the command its identity depends on, harness/run/identify.ts) and its symptom (the
 * checkpoint at which the engines were seen to differ, or the failing step of a crash).
 * `parity replay`, the console summaries and the HTML report all print these words, from
 * the stored divergence, so they cannot name different steps for one divergence.
 */
import type { Command } from '../../engines/shared/protocol.ts';
import { commandToYaml } from '../protocol/scenarioToYaml.ts';
import type { StoredDivergence } from './types.ts';

/** The steps of the scenario a divergence came from, to quote a command and its line. */
export interface ScenarioSteps {
  readonly steps: readonly Command[];
  readonly stepLines: readonly number[];
}

export interface CauseRef {
  readonly step: number;
  /** What the command does, without ids or values (the identity's part): `set padding`. */
  readonly command: string;
  /** The command as one line of YAML, when the scenario was at hand. */
  readonly yaml?: string;
  /** 1-based line of the command in the scenario file, when known. */
  readonly line?: number;
}

export interface SymptomRef {
  readonly checkpoint: string;
  readonly step: number;
  readonly line?: number;
  /** crash/timeout: the step is the failing command's, the checkpoint the last one reached. */
  readonly failure: boolean;
}

export interface CauseAndSymptom {
  readonly fingerprint: string;
  readonly signature: string;
  /** Absent when the divergence was not identified; step -1 when it could not be localized. */
  readonly cause?: CauseRef;
  readonly symptom: SymptomRef;
}

type Located = Pick<StoredDivergence, 'kind' | 'fingerprint' | 'signature' | 'checkpoint' | 'step' | 'cause'>;

function quote(step: number, scenario: ScenarioSteps | undefined): { yaml?: string; line?: number } {
  const command = scenario?.steps[step];
  if (step < 0 || command === undefined) return {};
  const line = scenario!.stepLines[step];
  return { yaml: commandToYaml(command), ...(line !== undefined ? { line } : {}) };
}

export function causeAndSymptom(d: Located, scenario?: ScenarioSteps): CauseAndSymptom {
  const failure = d.kind === 'crash' || d.kind === 'timeout';
  const symptomLine = quote(d.step, scenario).line;
  return {
    fingerprint: d.fingerprint,
    signature: d.signature,
    ...(d.cause ? { cause: { ...d.cause, ...quote(d.cause.step, scenario) } } : {}),
    symptom: { checkpoint: d.checkpoint, step: d.step, failure, ...(symptomLine !== undefined ? { line: symptomLine } : {}) },
  };
}

const lineOf = (line: number | undefined) => (line !== undefined ? `, line ${line}` : '');

/** `step 2 (set gap), line 7: set: { id: 1, prop: gap, value: 4 }`; `not localized` otherwise. */
export function causeText(c: CauseAndSymptom): string {
  if (!c.cause) return 'not identified';
  if (c.cause.step < 0) return `not localized to one command (${c.cause.command})`;
  return `step ${c.cause.step} (${c.cause.command})${lineOf(c.cause.line)}${c.cause.yaml !== undefined ? `: ${c.cause.yaml}` : ''}`;
}

/** `checkpoint "row" at step 10, line 15`; for a crash, the step that failed. */
export function symptomText(c: CauseAndSymptom): string {
  const s = c.symptom;
  if (s.failure) return s.step < 0 ? 'the engine failed to start' : `failed at step ${s.step}${lineOf(s.line)}`;
  return `${s.checkpoint ? `checkpoint "${s.checkpoint}"` : 'unnamed checkpoint'} at step ${s.step}${lineOf(s.line)}`;
}
