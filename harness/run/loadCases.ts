/**
 * Scenario files -> case tasks. A file that does not load becomes an `error` case with
 * its location, so one bad scenario never hides the others.
 */
import { relative } from 'node:path';
import { loadScenarioSync } from '../protocol/scenario.ts';
import { isScenarioError, ScenarioErrors } from '../protocol/scenarioError.ts';
import type { Scenario } from '../protocol/scenarioTypes.ts';
import type { CompareOptions } from '../compare/types.ts';
import type { ParityConfig } from '../config/config.ts';
import type { CaseResult } from '../results/types.ts';
import { inputErrorResult } from './inputErrorResult.ts';
import type { CaseTask } from './tasks.ts';

export interface LoadedCases {
  readonly tasks: CaseTask[];
  readonly scenarios: Map<string, Scenario>;
  readonly errors: CaseResult[];
}

export function compareOptionsFor(config: ParityConfig, scenario?: Scenario): CompareOptions {
  const fuzzy = scenario?.tolerance
    ? { maxDifference: scenario.tolerance.maxDifference, totalPixels: scenario.tolerance.totalPixels, reason: scenario.tolerance.reason }
    : config.compare.fuzzy;
  return { frame: { ...config.compare.frame, ...(fuzzy ? { fuzzy } : {}) }, layout: config.compare.layout };
}

export function scenarioTask(scenario: Scenario, config: ParityConfig, cwd = process.cwd()): CaseTask {
  return {
    input: {
      id: scenario.id,
      title: scenario.title,
      source: { kind: 'scenario', file: relative(cwd, scenario.file) },
      viewport: scenario.viewport,
      steps: scenario.steps,
    },
    assets: [...scenario.assets],
    compare: compareOptionsFor(config, scenario),
  };
}

export function loadCases(files: readonly string[], config: ParityConfig, cwd = process.cwd()): LoadedCases {
  const tasks: CaseTask[] = [];
  const errors: CaseResult[] = [];
  const scenarios = new Map<string, Scenario>();
  const seen = new Map<string, string>();
  for (const file of files) {
    const rel = relative(cwd, file);
    try {
      const scenario = loadScenarioSync(file);
      const other = seen.get(scenario.id);
      if (other !== undefined) {
        errors.push(inputErrorResult({ id: rel, title: rel, source: { kind: 'scenario', file: rel } }, { message: `${rel}:1:1: scenario id "${scenario.id}" is already used by ${other}`, file: rel, line: 1, column: 1 }));
        continue;
      }
      seen.set(scenario.id, rel);
      scenarios.set(scenario.id, scenario);
      tasks.push(scenarioTask(scenario, config, cwd));
    } catch (error) {
      if (!isScenarioError(error)) throw error;
      const first = error instanceof ScenarioErrors ? error.errors[0] : error;
      errors.push(inputErrorResult(
        { id: rel, title: rel, source: { kind: 'scenario', file: rel } },
        { message: error.message, file: rel, line: first?.line, column: first?.column, ...(first?.step !== undefined ? { step: first.step } : {}) },
      ));
    }
  }
  return { tasks, scenarios, errors };
}
