/**
 * `parity render [PATHS...] [--engine E]`: renders scenarios with one engine and writes,
 * per checkpoint, the frame as PNG and the layout tree and events as JSON; checks each
 * scenario's `expect:` assertions. Output: reports/<run-id>/render/<scenario>/…, and
 * reports/latest points at it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadHostAssets } from '../../assets/hostAssets.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { loadAdapter, specLabel } from '../../engines/registry.ts';
import { findScenarios } from '../../protocol/findScenarios.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import { isScenarioError } from '../../protocol/scenarioError.ts';
import { canonicalJson } from '../../protocol/canonical.ts';
import { encodePng } from '../../results/artifacts.ts';
import { safeName } from '../../results/safeName.ts';
import { checkExpectations } from '../../run/checkExpectations.ts';
import { observeStream } from '../../run/observeStream.ts';
import { newRunId, pointLatest } from '../../run/runScenarios.ts';
import type { CommonOptions } from '../options.ts';

interface Row { id: string; checkpoints: number; nodes: number; events: number; expectations: string; problem?: string }

export async function renderCommand(o: CommonOptions): Promise<number> {
  const config = loadConfig(o.config);
  const spec = o.engine ?? o.reference ?? config.reference;
  const adapter = await loadAdapter(spec, config.baseDir);
  const files = findScenarios(o.positionals.length > 0 ? o.positionals : config.scenarios.map((s) => resolve(config.baseDir, s)));
  const reportsDir = resolve(o.out);
  const runId = newRunId();
  const outDir = join(reportsDir, runId, 'render');
  mkdirSync(outDir, { recursive: true });
  const rows: Row[] = [];
  const problems: string[] = [];
  let worst = 0;
  const t0 = performance.now();

  for (const file of files) {
    const rel = relative(process.cwd(), file);
    let scenario;
    try {
      scenario = loadScenarioSync(file);
    } catch (error) {
      if (!isScenarioError(error)) throw error;
      rows.push({ id: rel, checkpoints: 0, nodes: 0, events: 0, expectations: '-', problem: 'input error' });
      problems.push((error as Error).message);
      worst = Math.max(worst, 2);
      continue;
    }
    const session = await adapter.create(scenario.viewport, { assets: loadHostAssets(scenario.assets) });
    const { observations, failure } = await observeStream(session, scenario.steps);
    await session.dispose();
    const dir = join(outDir, safeName(scenario.id));
    mkdirSync(dir, { recursive: true });
    observations.forEach((ob, i) => {
      const base = `${String(i).padStart(2, '0')}-${safeName(ob.checkpoint || `step-${ob.step}`, 40)}`;
      if (ob.frame) writeFileSync(join(dir, `${base}.png`), encodePng(ob.frame));
      writeFileSync(join(dir, `${base}.json`), `${canonicalJson({ checkpoint: ob.checkpoint, step: ob.step, layout: ob.layout, events: ob.events })}\n`);
    });
    const failures = checkExpectations(scenario, observations);
    problems.push(...failures.map((f) => f.message));
    if (failure) {
      problems.push(`${rel}: step ${failure.step}: engine crashed: ${failure.message}`);
      worst = 3;
    } else if (failures.length > 0) worst = Math.max(worst, 1);
    const last = observations[observations.length - 1];
    rows.push({
      id: scenario.id,
      checkpoints: observations.length,
      nodes: last ? new Set(last.layout.map((e) => e.id)).size : 0,
      events: observations.reduce((n, ob) => n + ob.events.length, 0),
      expectations: scenario.expect.length === 0 ? '-' : `${scenario.expect.length - failures.length}/${scenario.expect.length}`,
      ...(failure ? { problem: 'crash' } : failures.length > 0 ? { problem: 'expectation failed' } : {}),
    });
  }
  await adapter.close?.();
  pointLatest(reportsDir, runId);

  if (o.json) {
    process.stdout.write(`${JSON.stringify({ engine: adapter.identity, outDir, scenarios: rows, problems })}\n`);
    return worst;
  }
  const width = Math.max(8, ...rows.map((r) => r.id.length));
  const out = [
    `parity render: ${files.length} scenario(s) with ${specLabel(spec)}@${adapter.identity.build} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    `  ${'scenario'.padEnd(width)}  checkpoints  nodes  events  expect`,
    ...rows.map((r) => `  ${r.id.padEnd(width)}  ${String(r.checkpoints).padStart(11)}  ${String(r.nodes).padStart(5)}  ${String(r.events).padStart(6)}  ${r.expectations.padStart(6)}${r.problem ? `  ${r.problem.toUpperCase()}` : ''}`),
    ...problems.map((p) => `  ${p}`),
    `  frames and layout: ${relative(process.cwd(), join(reportsDir, 'latest', 'render'))}/`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return worst;
}
