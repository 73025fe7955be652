/**
 * `parity minimize FILE.yaml`: the fuzzer's reduction on any diverging scenario. Runs it
 * through reference and candidate, takes the primary divergence of its first diverging
 * checkpoint, reduces the steps while keeping that fingerprint (delta debugging, unused
 * nodes, simpler values), checks 1-minimality, names the first diverging step, and saves
 * <regressions>/<fingerprint>.yaml, never over another find's reproducer (it says what it
 * did: written, replaced a larger one, kept a smaller one, or written beside another).
 * Exit: 0 minimized, 1 the scenario does not diverge (or an engine hung while minimizing
 * it), 2 usage.
 */
import { relative, resolve } from 'node:path';
import { loadHostAssets } from '../../assets/hostAssets.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { builtinIdentity, loadAdapter, specLabel } from '../../engines/registry.ts';
import type { EngineSpec } from '../../engines/registry.ts';
import type { EngineAdapter } from '../../engines/types.ts';
import { provenanceOf } from '../../fuzz/provenance.ts';
import { MinimizeError, NotDivergingError } from '../../minimize/minimize.ts';
import { minimizeInWorker } from '../../minimize/minimizeInWorker.ts';
import { describeRegressionWrite, writeRegression } from '../../minimize/writeRegression.ts';
import { commandToYaml } from '../../protocol/scenarioToYaml.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import { engineChoice, replayCommand } from '../../results/replayHint.ts';
import { compareOptionsFor } from '../../run/loadCases.ts';
import type { CommonOptions } from '../options.ts';
import { UsageError } from '../usage.ts';

const identity = (spec: EngineSpec, a: EngineAdapter) => ('builtin' in spec ? builtinIdentity(spec.builtin) : a.identity);

export async function minimizeCommand(o: CommonOptions): Promise<number> {
  if (o.positionals.length !== 1) throw new UsageError(`minimize: expected exactly one scenario file, got ${o.positionals.length}`);
  const config = loadConfig(o.config);
  const file = resolve(o.positionals[0]);
  const scenario = loadScenarioSync(file);
  const referenceSpec = o.reference ?? config.reference;
  const candidateSpec = o.candidate ?? config.candidate;
  const reference = await loadAdapter(referenceSpec, config.baseDir);
  const candidate = await loadAdapter(candidateSpec, config.baseDir);
  const candidateQuirks = o.candidateQuirks ?? {};
  const rel = relative(process.cwd(), file);
  try {
    loadHostAssets(scenario.assets); // a missing or bad image is reported here, before the worker starts
    const specs = { reference: referenceSpec, candidate: candidateSpec, candidateQuirks, baseDir: config.baseDir, images: scenario.assets, compare: compareOptionsFor(config, scenario) };
    let result;
    try {
      // in a worker under a watchdog: an engine that hangs on a reduced stream is stopped there
      result = await minimizeInWorker({ steps: scenario.steps, viewport: scenario.viewport }, specs, { timeMs: o.minimizeTimeMs, timeoutMs: o.timeoutMs ?? config.timeoutMs });
    } catch (error) {
      if (!(error instanceof MinimizeError)) throw error;
      // nothing to minimize is the input's fault (2); a hung or dead engine is a crash (3)
      process.stderr.write(`parity minimize ${rel}: ${error.message}\n`);
      return error instanceof NotDivergingError ? 2 : 3;
    }
    const identities = { reference: identity(referenceSpec, reference), candidate: identity(candidateSpec, candidate) };
    const dir = resolve(o.regressions ?? resolve(config.baseDir, 'scenarios/regressions'));
    const choice = engineChoice({ config, reference: referenceSpec, candidate: candidateSpec, candidateQuirks });
    const written = o.dryRun ? null : writeRegression(dir, {
      fingerprint: result.fingerprint, viewport: result.viewport, steps: result.steps, images: scenario.assets,
      title: `Minimized from ${scenario.id}: ${result.signature}`,
      provenance: provenanceOf({
        tool: 'parity minimize', fingerprint: result.fingerprint, signature: result.signature, source: relative(config.baseDir, file),
        names: { reference: specLabel(referenceSpec), candidate: specLabel(candidateSpec) }, identities, off: choice.quirksOff, originalSteps: scenario.steps.length, result,
      }),
    });
    const m = result.minimality;
    const summary = {
      scenario: scenario.id, file: rel, fingerprint: result.fingerprint, signature: result.signature,
      originalSteps: scenario.steps.length, steps: result.steps.length, oneMinimal: m.oneMinimal, removalsReproducing: m.reproducing,
      firstDivergingStep: result.firstDivergingStep, complete: result.complete, timing: result.timing,
      written: written ? relative(process.cwd(), written.file) : null,
      regression: written ? { ...written, file: relative(process.cwd(), written.file), ...('beside' in written ? { beside: relative(process.cwd(), written.beside) } : {}) } : null,
      replay: written ? replayCommand(written.file, choice, { divergence: result.fingerprint }) : null,
    };
    if (o.json) {
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } else {
      const lines = [
        `parity minimize ${rel}: ${result.signature} (${result.fingerprint})`,
        `  ${scenario.steps.length} -> ${result.steps.length} step(s) in ${(result.timing.totalMs / 1000).toFixed(1)} s, ${result.oracleCalls} differential runs${result.complete ? '' : ' (budget ran out)'}`,
        `  ${m.oneMinimal ? `1-minimal: removing any one of the ${m.checked} steps loses the divergence (checked)` : `NOT 1-minimal: removing step(s) ${m.reproducing.join(', ')} still diverges`}`,
        ...(result.firstDivergingStep >= 0 ? [`  first diverging step ${result.firstDivergingStep}: ${commandToYaml(result.steps[result.firstDivergingStep])}`] : []),
        ...(written ? [`  ${describeRegressionWrite(written)}`, `  ${summary.replay}`] : ['  (dry run: nothing written)']),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    await reference.close?.();
    await candidate.close?.();
  }
}
