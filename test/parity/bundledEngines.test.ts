/**
 * The product's core claim on its own scenarios: the Wasm port reproduces the legacy
 * engine exactly — frames, layout trees and events at every checkpoint — and turning any
 * single compat flag off makes that quirk's scenario diverge.
 */
import { expect } from 'chai';
import { join, resolve } from 'node:path';
import { QUIRK_IDS } from '../../engines/shared/quirks.ts';
import { loadHostAssets } from '../../harness/assets/hostAssets.ts';
import { describeDivergence } from '../../harness/compare/describe.ts';
import { loadAdapter } from '../../harness/engines/registry.ts';
import type { EngineAdapter } from '../../harness/engines/types.ts';
import { findScenarios } from '../../harness/protocol/findScenarios.ts';
import { loadScenarioSync } from '../../harness/protocol/scenario.ts';
import type { Scenario } from '../../harness/protocol/scenarioTypes.ts';
import { runCase } from '../../harness/run/runCase.ts';

const root = resolve(import.meta.dirname, '../..');
const scenarios: Scenario[] = findScenarios([join(root, 'scenarios/quirks'), join(root, 'scenarios/smoke')]).map((f) => loadScenarioSync(f));

async function differential(s: Scenario, reference: EngineAdapter, candidate: EngineAdapter, candidateQuirks = {}) {
  const input = { id: s.id, title: s.title, source: { kind: 'scenario' as const, file: s.file }, viewport: s.viewport, steps: s.steps };
  return (await runCase(input, loadHostAssets(s.assets), { reference, candidate, candidateQuirks })).result;
}

describe('the bundled engines', function () {
  this.timeout(60_000);
  let legacy: EngineAdapter;
  let wasm: EngineAdapter;
  before(async () => {
    legacy = await loadAdapter({ builtin: 'legacy-js' });
    wasm = await loadAdapter({ builtin: 'wasm' });
  });

  describe('agree on every scenario under scenarios/ at every checkpoint', () => {
    for (const s of scenarios) {
      it(s.id, async () => {
        const r = await differential(s, legacy, wasm);
        const why = r.divergences.map((d) => describeDivergence(d as never).summary).join('\n');
        expect(r.status, why).to.equal('pass');
        expect(r.checkpoints).to.be.greaterThan(0);
      });
    }
  });

  describe('diverge on a quirk\'s scenario when the Wasm engine has that compat flag off', () => {
    for (const id of QUIRK_IDS) {
      it(id, async () => {
        const s = scenarios.find((x) => x.id === id);
        expect(s, `scenarios/quirks/${id}.yaml`).to.not.equal(undefined);
        const r = await differential(s!, legacy, wasm, { [id]: false });
        expect(r.status).to.equal('divergence');
      });
    }
  });
});
