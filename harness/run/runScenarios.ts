/**
 * `parity run`: scenario files through the reference and the candidate on a worker
 * pool, with an A-vs-A determinism check on a sample first, results.json appended as
 * cases finish, then JUnit and the summary. reports/latest points at the newest run.
 */
import { resolve } from 'node:path';
import { findScenarios } from '../protocol/findScenarios.ts';
import type { RunResults } from '../results/types.ts';
import { crossTargetPhase } from '../targets/crossTarget.ts';
import { loadCases } from './loadCases.ts';
import { RunSession } from './runSession.ts';
import type { RunSessionOptions } from './runSession.ts';

export { newRunId, pointLatest, identityOf, determinismSample } from './runSession.ts';

export interface RunScenariosOptions extends RunSessionOptions {
  readonly paths: readonly string[];
  /** Also run every scenario under node and chromium for each engine and report target divergences. */
  readonly crossTarget?: boolean;
}

export interface RunOutcome {
  readonly results: RunResults;
  readonly runDir: string;
}

export async function runScenarios(options: RunScenariosOptions): Promise<RunOutcome> {
  const { config } = options;
  // 1. inputs: files, then scenarios (bad ones become error cases)
  const files = findScenarios(options.paths.length > 0 ? options.paths : config.scenarios.map((s) => resolve(config.baseDir, s)));
  const { tasks, errors } = loadCases(files, config);
  // 2. the run folder and results file
  const session = await RunSession.open(options);
  session.expect(tasks.length + errors.length);
  errors.forEach((e) => session.record(e));
  // 3. A-vs-A on a sample, then the differential run
  await session.checkDeterminism(tasks);
  await session.runTasks(tasks, 'differential run');
  if (options.crossTarget) await crossTargetPhase(session, tasks);
  // 4. results.json, junit.xml, reports/latest
  return { results: session.close(), runDir: session.runDir };
}
