/**
 * `parity golden record [PATHS...]` — write the reference engine's observations to golden/
 * `parity golden verify [PATHS...] [--candidate-only]` — reference (legacy drift) and
 *   candidate against golden/
 * `parity golden approve ID` — accept the current reference observations of one scenario
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeDivergence } from '../../compare/describe.ts';
import { loadConfig } from '../../config/loadConfig.ts';
import { loadAdapter } from '../../engines/registry.ts';
import type { EngineAdapter } from '../../engines/types.ts';
import { recordGolden, verifyAgainstGolden } from '../../golden/goldenRun.ts';
import type { GoldenVerdict } from '../../golden/goldenRun.ts';
import { findScenarios } from '../../protocol/findScenarios.ts';
import { loadScenarioSync } from '../../protocol/scenario.ts';
import type { Scenario } from '../../protocol/scenarioTypes.ts';
import { compareOptionsFor } from '../../run/loadCases.ts';
import { interruptedLine } from '../../results/interruption.ts';
import { onInterrupt } from '../interrupt.ts';
import type { CommonOptions } from '../options.ts';
import { isScenarioError } from '../../protocol/scenarioError.ts';
import { UsageError } from '../usage.ts';

export const GOLDEN_ROOT = 'golden';

/** The scenarios to work on; a bad one is reported (exit 2) and the others still run. */
function loadAll(paths: readonly string[], fallback: readonly string[]): { scenarios: Scenario[]; errors: string[] } {
  const scenarios: Scenario[] = [];
  const errors: string[] = [];
  for (const file of findScenarios(paths.length > 0 ? paths : fallback)) {
    try {
      scenarios.push(loadScenarioSync(file));
    } catch (error) {
      if (!isScenarioError(error)) throw error;
      errors.push(error.message);
    }
  }
  return { scenarios, errors };
}

/** Exit classes combine by severity: a crash (3) outranks bad input (2), which outranks a mismatch (1). */
const worst = (a: number, b: number) => Math.max(a, b);

function describeVerdict(v: GoldenVerdict): string {
  switch (v.status) {
    case 'match': return 'matches';
    case 'missing': return 'NOT RECORDED (run: npx parity golden record)';
    case 'stale': return `STALE: the scenario changed since it was recorded (re-record or approve)`;
    case 'crash': return `CRASH ${v.message}`;
    case 'corrupt': return `BAD GOLDEN RECORD: ${v.message}`;
    case 'differs': return `DIFFERS: ${describeDivergence(v.divergences[0]).summary}${v.divergences.length > 1 ? ` (+${v.divergences.length - 1} more)` : ''}`;
  }
}

export async function goldenCommand(o: CommonOptions, argv: readonly string[]): Promise<number> {
  const interrupt = onInterrupt();
  try {
    return await golden(o, argv, interrupt.stopped);
  } finally {
    interrupt.dispose();
  }
}

/** Ctrl-C stops between scenarios: what was done is printed, marked interrupted, exit 3. */
async function golden(o: CommonOptions, argv: readonly string[], stopped: () => boolean): Promise<number> {
  const [action, ...targets] = o.positionals;
  const candidateOnly = argv.includes('--candidate-only');
  const config = loadConfig(o.config);
  const root = resolve(config.baseDir, GOLDEN_ROOT);
  const fallback = config.scenarios.map((s) => resolve(config.baseDir, s));
  const out: string[] = [];
  const json: unknown[] = [];
  let exit = 0;
  let done = 0;
  let planned = 0;

  const reportBad = (errors: readonly string[]) => {
    for (const message of errors) {
      exit = worst(exit, 2);
      out.push(`  ERROR  ${message}`);
      json.push({ error: message });
    }
  };

  if (action === 'record' || action === 'approve') {
    const reference = await loadAdapter(o.reference ?? config.reference, config.baseDir, { timeoutMs: config.timeoutMs });
    let scenarios: Scenario[];
    if (action === 'approve') {
      if (targets.length !== 1) throw new UsageError(`golden approve: expected one scenario id, got ${targets.length}`);
      const all = loadAll([], fallback);
      scenarios = all.scenarios.filter((s) => s.id === targets[0]);
      if (scenarios.length === 0) throw new UsageError(`golden approve: no scenario with id "${targets[0]}" under ${config.scenarios.join(', ')}${all.errors.length > 0 ? ` (${all.errors.length} scenario file(s) could not be read: ${all.errors[0]})` : ''}`);
    } else {
      const all = loadAll(targets, fallback);
      scenarios = all.scenarios;
      reportBad(all.errors);
    }
    planned = scenarios.length;
    for (const s of scenarios) {
      if (stopped()) break;
      done++;
      const r = await recordGolden(root, s, reference);
      if (r.failure) exit = worst(exit, 3);
      out.push(`  ${r.failure ? 'CRASH' : action === 'approve' ? 'approved' : 'recorded'}  ${s.id}  ${r.failure ?? `${r.checkpoints} checkpoint(s)`}`);
      json.push({ scenario: s.id, checkpoints: r.checkpoints, failure: r.failure ?? null });
    }
    out.unshift(`parity golden ${action}: ${scenarios.length} scenario(s) from ${reference.identity.name}@${reference.identity.build} into ${GOLDEN_ROOT}/`);
    await reference.close?.();
  } else if (action === 'verify') {
    const engines: Array<[string, EngineAdapter]> = [];
    if (!candidateOnly) engines.push(['reference', await loadAdapter(o.reference ?? config.reference, config.baseDir, { timeoutMs: config.timeoutMs })]);
    engines.push(['candidate', await loadAdapter(o.candidate ?? config.candidate, config.baseDir, { timeoutMs: config.timeoutMs })]);
    const { scenarios, errors } = loadAll(targets, fallback);
    reportBad(errors);
    planned = scenarios.length;
    for (const s of scenarios) {
      if (stopped()) break;
      done++;
      for (const [side, engine] of engines) {
        const v = await verifyAgainstGolden(root, s, engine, compareOptionsFor(config, s));
        exit = worst(exit, v.status === 'crash' ? 3 : v.status === 'corrupt' ? 2 : v.status === 'match' ? 0 : 1);
        if (v.status !== 'match') out.push(`  ${side.padEnd(9)}  ${s.id}: ${describeVerdict(v)}`);
        json.push({
          scenario: s.id, side, status: v.status,
          ...(v.status === 'differs' ? { divergences: v.divergences.map((d) => describeDivergence(d).summary) } : {}),
          ...(v.status === 'corrupt' || v.status === 'crash' ? { message: v.message } : {}),
        });
        // one damaged record says the same thing for both engines
        if (v.status === 'corrupt') break;
      }
    }
    const bad = out.length;
    out.unshift(`parity golden verify: ${scenarios.length} scenario(s), ${engines.map(([side, e]) => `${side} ${e.identity.name}`).join(', ')}: ${bad > 0 ? `${bad} mismatch(es)` : done < planned ? `no mismatch in the ${done} verified` : 'all match'}`);
    for (const [, e] of engines) await e.close?.();
  } else {
    throw new UsageError(`golden: expected record, verify or approve, got ${action === undefined ? 'nothing' : JSON.stringify(action)}`);
  }
  const interrupted = done < planned;
  if (interrupted) {
    exit = 3;
    out.push(interruptedLine(done, planned, 'scenario(s)'));
  }
  process.stdout.write(o.json ? `${JSON.stringify({ action, results: json, exitClass: exit, interrupted, done, planned })}\n` : `${out.join('\n')}\n`);
  return exit;
}
