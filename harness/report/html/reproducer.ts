/**
 * What a developer needs to reproduce a case: the scenario text (read when the report
 * is generated, size-capped), the exact replay command, and the first diverging step
 * with its command and line.
 */
import { resolve } from 'node:path';
import { readRunFilePrefix } from '../../results/readRunFile.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import { commandToYaml } from '../../protocol/scenarioToYaml.ts';
import type { CaseResult, RunResults } from '../../results/types.ts';
import { replayCommandFor, shellQuote } from '../../results/replayHint.ts';
import type { FirstStepView, ReproducerView } from './viewModel.ts';

/** Largest scenario text embedded per case; longer ones are cut and say so. */
export const MAX_REPRODUCER_BYTES = 64 * 1024;

export function replayCommand(c: CaseResult, results: Pick<RunResults, 'engines' | 'run'>): string | undefined {
  return replayCommandFor(c, results) ?? undefined;
}

export { shellQuote };

export function reproducerOf(c: CaseResult, cwd: string): { reproducer?: ReproducerView; firstStep?: FirstStepView } {
  const first = c.firstDivergingCheckpoint ?? firstCrash(c);
  if (c.source.kind !== 'scenario') return first ? { firstStep: { checkpoint: first.name, step: first.step } } : {};
  const file = resolve(cwd, c.source.file);
  // results.json may come from another machine: only a .yaml file inside the project is shown.
  const read = /\.ya?ml$/i.test(file) ? readRunFilePrefix(cwd, file, MAX_REPRODUCER_BYTES) : undefined;
  if (!read) return first ? { firstStep: { checkpoint: first.name, step: first.step } } : {};
  const truncated = !read.complete;
  let text = read.bytes.toString('utf8');
  if (truncated) text = `${text}\n# … cut: the file has more than ${MAX_REPRODUCER_BYTES} bytes; the full text is in ${c.source.file}\n`;
  let firstStep: FirstStepView | undefined;
  if (first) {
    firstStep = { checkpoint: first.name, step: first.step };
    try {
      const scenario = loadScenarioSync(file, { checkAssetFiles: false });
      const command = scenario.steps[first.step];
      if (command) firstStep = { ...firstStep, command: commandToYaml(command), line: scenario.stepLines[first.step] };
    } catch {
      // the scenario no longer loads: show the text without a step line
    }
  }
  const reproducer: ReproducerView = { file: c.source.file, yaml: text, truncated, ...(firstStep?.line ? { line: firstStep.line } : {}) };
  return { reproducer, ...(firstStep ? { firstStep } : {}) };
}

function firstCrash(c: CaseResult): { name: string; step: number } | undefined {
  const d = c.divergences.find((x) => x.step >= 0);
  return d ? { name: d.checkpoint, step: d.step } : undefined;
}
