/**
 * `parity replay FILE.yaml [--divergence ID]`: runs the scenario as a case through the
 * code that named its divergences (harness/run/runCase.ts: every checkpoint, identified)
 * and reports each identity it shows with its cause and symptom. With --divergence it
 * reports that identity, so a replay printed for a later divergence is not stopped by an
 * earlier, known one. Writes the reference/candidate/diff PNGs at the reported
 * divergence's symptom checkpoint under reports/replay/<scenario>/. Exit 1 when the case
 * diverges (3 when an engine crashed), 0 when the engines agree.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadHostAssets } from '../../assets/hostAssets.ts';
import type { Divergence } from '../../compare/types.ts';
import type { Observation } from '../../../engines/shared/observation.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { commandToYaml } from '../../protocol/scenarioToYaml.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import type { Scenario } from '../../protocol/scenarioTypes.ts';
import { formatReplay, replayIdentity } from '../../report/console/replaySummary.ts';
import type { ReplayOutcomeWord, ReplayReport } from '../../report/console/replaySummary.ts';
import { encodePng } from '../../results/artifacts.ts';
import { safeName } from '../../results/safeName.ts';
import { scenarioTask } from '../../run/loadCases.ts';
import { distinctIdentities, observeCheckpoint, replayCase } from '../../run/replayCase.ts';
import { replaySteps } from '../../run/replaySteps.ts';
import type { CaseEngines } from '../../run/runCase.ts';
import { targetEngines } from '../../targets/targetEngines.ts';
import type { CommonOptions } from '../options.ts';
import { UsageError } from '../usage.ts';

interface Replayed {
  readonly divergences: readonly Divergence[];
  readonly shown?: Divergence;
  readonly frames?: { reference: Observation; candidate: Observation };
  readonly stepByStep: number;
  readonly screenshot?: string;
}

export async function replayCommand(o: CommonOptions): Promise<number> {
  if (o.positionals.length !== 1) throw new UsageError(`replay: expected exactly one scenario file, got ${o.positionals.length}`);
  const config = loadConfig(o.config);
  const scenario = loadScenarioSync(resolve(o.positionals[0]));
  const dir = join(resolve(o.out), 'replay', safeName(scenario.id));
  const engines = await targetEngines(o.target ?? 'node', { reference: o.reference ?? config.reference, candidate: o.candidate ?? config.candidate },
    { baseDir: config.baseDir, present: o.present, timeoutMs: o.timeoutMs ?? config.timeoutMs });
  let replayed: Replayed;
  try {
    replayed = await replay(scenario, config, { reference: engines.reference, candidate: engines.candidate, candidateQuirks: o.candidateQuirks }, o.divergence);
    // --present: the page as it stands after the step-by-step replay
    if (o.present && engines.screenshot) {
      mkdirSync(dir, { recursive: true });
      await engines.screenshot(join(dir, 'present.png'));
      replayed = { ...replayed, screenshot: join(dir, 'present.png') };
    }
  } finally {
    await engines.close();
  }
  const report = reportOf(scenario, replayed, {
    engines: { reference: engines.reference.identity.name, candidate: engines.candidate.identity.name },
    divergence: o.divergence ?? null,
    artifacts: writeArtifacts(dir, replayed),
  });
  process.stdout.write(o.json ? `${JSON.stringify(report)}\n` : formatReplay(report));
  return report.exitClass;
}

/** The case (every identity), the frames at the reported one's symptom, and the step-by-step first difference. */
async function replay(scenario: Scenario, config: ReturnType<typeof loadConfig>, engines: CaseEngines, divergence: string | undefined): Promise<Replayed> {
  const task = scenarioTask(scenario, config);
  const assets = loadHostAssets(scenario.assets);
  const outcome = await replayCase(task.input, assets, engines, task.compare);
  const identities = distinctIdentities(outcome.divergences);
  const shown = divergence !== undefined ? identities.find((d) => d.fingerprint === divergence) : identities[0];
  const frames = shown ? await observeCheckpoint(scenario.steps, shown.step, scenario.viewport, assets, engines) : undefined;
  // an engine that cannot even start is already the case's crash: no step-by-step line then
  const stepByStep = await replaySteps(scenario.steps, scenario.viewport, assets, engines, task.compare).then((s) => s.firstDivergingStep, () => -1);
  return { divergences: outcome.divergences, ...(shown ? { shown } : {}), ...(frames ? { frames } : {}), stepByStep };
}

/** reference.png, candidate.png and diff.png at the shown divergence's symptom checkpoint; stale ones removed. */
function writeArtifacts(dir: string, r: Replayed): string[] {
  const names = ['reference.png', 'candidate.png', 'diff.png'];
  for (const name of names) rmSync(join(dir, name), { force: true });
  const diff = r.divergences.find((d) => d.kind === 'frame' && d.step === r.shown?.step && d.diffImage);
  const images = [r.frames?.reference.frame, r.frames?.candidate.frame, diff?.kind === 'frame' ? diff.diffImage : undefined];
  const written: string[] = r.screenshot ? [relative(process.cwd(), r.screenshot)] : [];
  images.forEach((image, i) => {
    if (!image) return;
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, names[i]), encodePng(image));
    written.push(relative(process.cwd(), join(dir, names[i])));
  });
  return written;
}

function reportOf(scenario: Scenario, r: Replayed, o: Pick<ReplayReport, 'engines' | 'divergence' | 'artifacts'>): ReplayReport {
  const identities = distinctIdentities(r.divergences);
  const crashed = identities.some((d) => d.kind === 'crash' || d.kind === 'timeout');
  const outcome: ReplayOutcomeWord = identities.length === 0 ? 'agree' : o.divergence === null ? 'diverges' : r.shown ? 'reproduced' : 'not-shown';
  const step = r.stepByStep;
  return {
    scenario: scenario.id,
    file: relative(process.cwd(), scenario.file),
    steps: scenario.steps.length,
    ...o,
    outcome,
    exitClass: outcome === 'agree' ? 0 : crashed ? 3 : 1,
    identities: identities.map((d) => replayIdentity(d, scenario)),
    shown: r.shown?.fingerprint ?? null,
    stepByStep: step < 0 ? null : { step, line: scenario.stepLines[step], yaml: commandToYaml(scenario.steps[step]) },
  };
}
