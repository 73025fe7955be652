/**
 * The gate's golden phase: the reference (legacy drift) and the candidate against the
 * recorded goldens, one case per scenario (`golden:<id>`). Scenarios without a golden
 * record are skipped when they are regressions (the fuzzer writes those) and reported
 * as input errors otherwise, with the command that records them.
 */
import { relative } from 'node:path';
import { describeDivergence } from '../compare/describe.ts';
import type { Divergence } from '../compare/types.ts';
import type { EngineAdapter } from '../engines/types.ts';
import { AssetError } from '../assets/assetError.ts';
import { errorText } from '../engines/engineLoadError.ts';
import { verifyAgainstGolden } from '../golden/goldenRun.ts';
import { loadHostAssets } from '../assets/hostAssets.ts';
import { engineName, identified } from '../compare/identity.ts';
import { identify } from '../run/identify.ts';
import { storable } from '../run/runCase.ts';
import type { GoldenVerdict } from '../golden/goldenRun.ts';
import type { Scenario } from '../protocol/scenarioTypes.ts';
import type { CaseResult } from '../results/types.ts';
import type { CompareOptions } from '../compare/types.ts';

export async function goldenCase(
  root: string,
  scenario: Scenario,
  engines: { reference: EngineAdapter; candidate: EngineAdapter },
  compare: CompareOptions,
): Promise<CaseResult | null> {
  const t0 = performance.now();
  const file = relative(process.cwd(), scenario.file);
  const base = {
    id: `golden:${scenario.id}`,
    title: `golden: ${scenario.title}`,
    source: { kind: 'scenario' as const, file },
    steps: scenario.steps.length,
    checkpoints: 0,
  };
  const divergences: Divergence[] = [];
  const timing = { referenceMs: 0, candidateMs: 0, compareMs: 0 };
  for (const side of ['reference', 'candidate'] as const) {
    const t = performance.now();
    const v = await verifyGuarded(root, scenario, engines[side], { ...compare, hint: `golden-${side}` });
    timing[side === 'reference' ? 'referenceMs' : 'candidateMs'] = performance.now() - t;
    if (v.status === 'missing') {
      if (file.includes('regressions')) return null;
      return { ...base, status: 'error', divergences: [], error: { message: `${file}: no golden record: run \`npx parity golden record ${file}\``, file }, timing: { ...timing, totalMs: performance.now() - t0 } };
    }
    if (v.status === 'stale') {
      return { ...base, status: 'error', divergences: [], error: { message: `${file}: the golden record is stale (the scenario changed since it was recorded): review, then \`npx parity golden approve ${scenario.id}\``, file }, timing: { ...timing, totalMs: performance.now() - t0 } };
    }
    if (v.status === 'corrupt') {
      return { ...base, status: 'error', divergences: [], error: { message: `${file}: bad golden record: ${v.message}`, file }, timing: { ...timing, totalMs: performance.now() - t0 } };
    }
    if (v.status === 'crash') {
      return { ...base, status: 'crash', divergences: [], error: { message: `${side}: ${v.message}` }, timing: { ...timing, totalMs: performance.now() - t0 } };
    }
    if (v.status === 'differs') divergences.push(...await identifyGolden(side, v.divergences, scenario, engines, compare));
  }
  const first = divergences[0];
  return {
    ...base,
    status: divergences.length === 0 ? 'pass' : 'divergence',
    ...(first ? { firstDivergingCheckpoint: { name: first.checkpoint, step: first.step } } : {}),
    divergences: divergences.map(storable),
    timing: { ...timing, totalMs: performance.now() - t0 },
  };
}

/**
 * Golden divergences get an identity like every other. The candidate's against the recorded
 * reference: localized and ablated with the live reference, which the reference's own
 * golden check holds to the record. The reference's drift from its own record: nothing to
 * rerun it against, so its cause is left unlocalized (`?`).
 */
async function identifyGolden(
  side: 'reference' | 'candidate',
  found: readonly Divergence[],
  scenario: Scenario,
  engines: { reference: EngineAdapter; candidate: EngineAdapter },
  compare: CompareOptions,
): Promise<Divergence[]> {
  const pair = `golden/${engineName(engines[side].identity.name)}`;
  if (side === 'reference') return found.map((d) => identified(d, { pair, steps: scenario.steps, cause: { step: -1, command: '?' } }));
  return identify(found, { steps: scenario.steps, viewport: scenario.viewport, assets: loadHostAssets(scenario.assets) }, engines, compare, pair);
}

/**
 * One scenario's golden check never stops the gate: a bad asset is that case's input
 * error, an engine that throws while being set up is that case's crash, and the gate
 * goes on to write its verdict and every artifact.
 */
async function verifyGuarded(root: string, scenario: Scenario, engine: EngineAdapter, compare: CompareOptions): Promise<GoldenVerdict> {
  try {
    return await verifyAgainstGolden(root, scenario, engine, compare);
  } catch (error) {
    if (error instanceof AssetError) return { status: 'corrupt', message: error.message };
    return { status: 'crash', message: errorText(error) };
  }
}

export { describeDivergence };
