/**
 * `parity replay FILE.yaml`: reproduces a scenario step by step and names the first
 * command after which reference and candidate differ, with the layout and event diff;
 * writes reference/candidate/diff PNGs under reports/replay/<scenario>/.
 * `--divergence FP` (validated in ../options.ts, here as o.divergence) names the
 * divergence the replay is about; replay does not act on it yet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadHostAssets } from '../../assets/hostAssets.ts';
import { describeDivergence } from '../../compare/describe.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { targetEngines } from '../../targets/targetEngines.ts';
import { canonicalCommand } from '../../protocol/canonical.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import { encodePng } from '../../results/artifacts.ts';
import { safeName } from '../../results/safeName.ts';
import { compareOptionsFor } from '../../run/loadCases.ts';
import { replaySteps } from '../../run/replaySteps.ts';
import type { CommonOptions } from '../options.ts';
import { UsageError } from '../usage.ts';

export async function replayCommand(o: CommonOptions): Promise<number> {
  if (o.positionals.length !== 1) throw new UsageError(`replay: expected exactly one scenario file, got ${o.positionals.length}`);
  const config = loadConfig(o.config);
  const file = resolve(o.positionals[0]);
  const scenario = loadScenarioSync(file);
  const engines = await targetEngines(o.target ?? 'node', { reference: o.reference ?? config.reference, candidate: o.candidate ?? config.candidate },
    { baseDir: config.baseDir, present: o.present, timeoutMs: o.timeoutMs ?? config.timeoutMs });
  const { reference, candidate } = engines;
  let outcome;
  const files: string[] = [];
  try {
    outcome = await replaySteps(scenario.steps, scenario.viewport, loadHostAssets(scenario.assets),
      { reference, candidate, candidateQuirks: o.candidateQuirks }, compareOptionsFor(config, scenario));
    // --present: the page as it stands after the last step replayed (the first diverging one, if any)
    if (o.present && engines.screenshot) {
      const dir = join(resolve(o.out), 'replay', safeName(scenario.id));
      mkdirSync(dir, { recursive: true });
      await engines.screenshot(join(dir, 'present.png'));
      files.push(relative(process.cwd(), join(dir, 'present.png')));
    }
  } finally {
    await engines.close();
  }
  const rel = relative(process.cwd(), file);

  // artifacts: full frames after the first diverging step
  if (outcome.reference?.frame && outcome.candidate?.frame) {
    const dir = join(resolve(o.out), 'replay', safeName(scenario.id));
    mkdirSync(dir, { recursive: true });
    const write = (name: string, image: { width: number; height: number; data: Uint8Array }) => {
      writeFileSync(join(dir, name), encodePng(image));
      files.push(relative(process.cwd(), join(dir, name)));
    };
    write('reference.png', outcome.reference.frame);
    write('candidate.png', outcome.candidate.frame);
    const diff = outcome.divergences.find((d) => d.kind === 'frame' && d.diffImage);
    if (diff && diff.kind === 'frame' && diff.diffImage) write('diff.png', diff.diffImage);
  }

  const step = outcome.firstDivergingStep;
  const crashed = outcome.divergences.some((d) => d.kind === 'crash' || d.kind === 'timeout');
  if (o.json) {
    process.stdout.write(`${JSON.stringify({
      scenario: scenario.id, file: rel, firstDivergingStep: step,
      command: step >= 0 ? scenario.steps[step] : null, line: step >= 0 ? scenario.stepLines[step] : null,
      divergences: outcome.divergences.map((d) => ({ ...describeDivergence(d), kind: d.kind, fingerprint: d.fingerprint })),
      artifacts: files,
    })}\n`);
  } else if (step < 0) {
    process.stdout.write(`parity replay ${rel}: no divergence in ${scenario.steps.length} step(s) (${reference.identity.name} vs ${candidate.identity.name})\n`);
  } else {
    const lines = [
      `parity replay ${rel}: first divergence after step ${step} (${rel}:${scenario.stepLines[step]})`,
      `  command: ${canonicalCommand(scenario.steps[step])}`,
      ...outcome.divergences.flatMap((d) => {
        const t = describeDivergence(d);
        return [`  ${t.summary}`, ...t.details.map((l) => `    ${l}`)];
      }),
      ...files.map((f) => `  wrote ${f}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
  return step < 0 ? 0 : crashed ? 3 : 1;
}
