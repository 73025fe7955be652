/**
 * `parity gate --wave NAME`: the rollout gate.
 *   1. saved regressions, then quirk and smoke scenarios (the wave's sets, in order)
 *   2. golden verify of the reference and the candidate
 *   3. the wave's fuzz budget
 *   4. attribution of divergences to compat flags the wave ships turned off
 *   5. classification (waivers, known quirks), quirk parity, verdict
 * and writes results.json (with the gate section), junit.xml, summary.json and the
 * HTML report. With --shard i/n it runs one deterministic slice; `parity merge` joins them.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { QuirkFlags } from '../../engines/shared/quirks.ts';
import type { ParityConfig } from '../config/config.ts';
import type { WavePolicy } from '../config/waves.ts';
import { todayUtc } from '../config/waves.ts';
import { sessionAdapters } from '../targets/sessionAdapters.ts';
import { findScenarios } from '../protocol/findScenarios.ts';
import type { CaseResult, RunResults } from '../results/types.ts';
import { loadCases } from '../run/loadCases.ts';
import { RunSession } from '../run/runSession.ts';
import type { RunSessionOptions } from '../run/runSession.ts';
import type { CaseTask } from '../run/tasks.ts';
import { classify } from './classify.ts';
import { goldenCase } from './goldenCases.ts';
import { loadCatalogue, quirkParity } from './quirkCatalogue.ts';
import { partition, WHOLE } from './shard.ts';
import type { Shard } from './shard.ts';
import { gateVerdict } from './verdict.ts';
import { machineSummary } from '../results/machineSummary.ts';
import { runFuzzPhase } from '../fuzz/fuzzPhase.ts';

export class GateUsageError extends Error {
  override name = 'GateUsageError';
}

export interface GateOptions extends Omit<RunSessionOptions, 'candidateQuirks'> {
  readonly wave?: string;
  readonly shard?: Shard;
  readonly strict?: boolean;
  /** YYYY-MM-DD; defaults to today (UTC). Tests pin it. */
  readonly today?: string;
  /** Extra compat flags turned off in the candidate (self-tests, `--quirk-off`), on top of the wave's. */
  readonly candidateQuirks?: QuirkFlags;
}

export function waveOf(config: ParityConfig, name: string | undefined): WavePolicy {
  const wanted = name ?? config.defaultWave;
  if (wanted === null || wanted === undefined) throw new GateUsageError(`gate: no waves in ${config.file ?? 'parity.config.yaml'}: add a waves: section (see README "Waves")`);
  const wave = config.waves.get(wanted);
  if (!wave) throw new GateUsageError(`gate: unknown wave "${wanted}": expected one of ${[...config.waves.keys()].join(', ')}`);
  return wave;
}

export function waveConfig(config: ParityConfig, wave: WavePolicy): ParityConfig {
  if (!wave.compare) return config;
  return {
    ...config,
    compare: {
      frame: { ...config.compare.frame, ...wave.compare.frame },
      ...(wave.compare.fuzzy ?? config.compare.fuzzy ? { fuzzy: wave.compare.fuzzy ?? config.compare.fuzzy } : {}),
      layout: wave.compare.layout ?? config.compare.layout,
    },
  };
}

export async function runGate(options: GateOptions): Promise<{ results: RunResults; runDir: string }> {
  const wave = waveOf(options.config, options.wave);
  const config = waveConfig(options.config, wave);
  const shard = options.shard ?? WHOLE;
  const quirks: QuirkFlags = { ...wave.candidateQuirks, ...options.candidateQuirks };
  // only flags the wave itself ships turned off explain divergences; --quirk-off (a
  // simulated port bug) does not
  const dropped = Object.entries(wave.candidateQuirks).filter(([, on]) => !on).map(([id]) => id).sort();
  const session = await RunSession.open({ ...options, config, candidateQuirks: quirks });
  const onPhase = options.onPhase;

  // 1. scenario sets in wave order (regressions first); this shard's slice of them
  const sets = wave.scenarios.map((s) => resolve(config.baseDir, s));
  const files = findScenarios(sets);
  const loaded = loadCases(files, config);
  const order = (t: CaseTask) => sets.findIndex((s) => resolve(t.input.source.kind === 'scenario' ? t.input.source.file : '').startsWith(s));
  const tasks = partition(loaded.tasks, (t) => t.input.id, shard).sort((a, b) => order(a) - order(b));
  const errors = partition(loaded.errors, (e) => e.id, shard);
  // the golden cases count too, so an interrupted gate says how much of its plan it did
  session.expect(tasks.length + errors.length + (wave.golden ? tasks.length : 0));
  errors.forEach((e) => session.record(e));
  await session.checkDeterminism(tasks);
  const differential = await session.runTasks(tasks, `wave ${wave.name}: scenarios`);

  // 2. goldens, for the scenarios of this shard whose differential case did not crash
  if (wave.golden && !session.interrupted) {
    onPhase?.(`wave ${wave.name}: golden verify`);
    const { reference, candidate } = await sessionAdapters(session);
    const crashed = new Set(differential.filter((r) => r.status === 'crash' || r.status === 'timeout').map((r) => r.id));
    for (const t of tasks) {
      if (crashed.has(t.input.id) || session.interrupted) continue;
      const scenario = loaded.scenarios.get(t.input.id)!;
      const c = await goldenCase(resolve(config.baseDir, 'golden'), scenario, { reference, candidate }, t.compare ?? {});
      if (c) session.record(c);
    }
    await reference.close?.();
    await candidate.close?.();
  }

  // 3. the fuzz budget (this shard's runs)
  const fuzz = wave.fuzz && !session.interrupted
    ? await runFuzzPhase(session, { budget: wave.fuzz, shard, config, candidateQuirks: quirks, knownQuirks: wave.candidateQuirks, waivers: config.waivers, onPhase })
    : undefined;

  // 4. which divergences come from flags this wave ships turned off
  const knownQuirk = new Map<string, string>();
  if (dropped.length > 0) {
    const diverged = tasks.filter((t) => session.results.some((r) => r.id === t.input.id && r.status === 'divergence'));
    onPhase?.(`wave ${wave.name}: attributing ${diverged.length} divergence(s) to dropped quirk(s) ${dropped.join(', ')}`);
    const allOn = await session.rerun(diverged, { ...options.candidateQuirks });
    for (const r of allOn.filter((x) => x.status === 'pass')) {
      let culprit = dropped.length === 1 ? dropped[0] : `one of ${dropped.join(', ')}`;
      if (dropped.length > 1) {
        for (const id of dropped) {
          const only = await session.rerun(diverged.filter((t) => t.input.id === r.id), { ...options.candidateQuirks, [id]: false });
          if (only[0]?.status === 'divergence') {
            culprit = id;
            break;
          }
        }
      }
      knownQuirk.set(r.id, culprit);
    }
  }

  // 5. classify, quirk parity, verdict
  const catalogue = loadCatalogue(config.baseDir);
  const quirkOf = new Map(catalogue.map((q) => [q.id, q.id]));
  const { cases, waivers } = classify({ cases: session.results, waivers: config.waivers, today: options.today ?? todayUtc(), knownQuirk, quirkOf });
  const parity = quirkParity(catalogue, cases, wave.requireQuirks);
  const { verdict, gate } = gateVerdict({
    wave: wave.name, shard, allowDivergences: wave.allowDivergences, waivers, quirks: parity, strict: options.strict ?? false,
    partial: shard.count > 1, ...(fuzz ? { fuzz } : {}),
  }, { cases, planned: session.planned, interrupted: session.interrupted, determinism: session.determinismResult });
  const results = session.close({ cases: cases as CaseResult[], gate, verdict });
  writeFileSync(join(session.runDir, 'summary.json'), `${JSON.stringify(machineSummary(results), null, 2)}\n`);
  return { results, runDir: session.runDir };
}
