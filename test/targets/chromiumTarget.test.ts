/**
 * The chromium target: a page hosting legacy-js on its main thread and wasm in a Web
 * Worker. Every scenario passes there as on node, a divergence there is the same
 * divergence as on node, each engine observes the same under both targets, and a
 * crashed renderer, a hung main thread and a hung or dying worker are recorded against
 * their case while the rest of the run goes on. One browser for the whole file.
 */
import { expect } from 'chai';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadHostAssets } from '../../harness/assets/hostAssets.ts';
import { createLegacyRenderer } from '../../engines/legacy-js/index.ts';
import { createWasmRenderer } from '../../engines/wasm/adapter.ts';
import { rendererAdapter } from '../../harness/engines/rendererAdapter.ts';
import { builtinIdentity } from '../../harness/engines/registry.ts';
import { findScenarios } from '../../harness/protocol/findScenarios.ts';
import { loadCases } from '../../harness/run/loadCases.ts';
import { runCase } from '../../harness/run/runCase.ts';
import { runScenarios } from '../../harness/run/runScenarios.ts';
import { replaySteps } from '../../harness/run/replaySteps.ts';
import { loadScenarioSync } from '../../harness/protocol/scenario.ts';
import type { CaseTask } from '../../harness/run/tasks.ts';
import { ChromiumTarget } from '../../harness/targets/chromium/ChromiumTarget.ts';
import type { Incident } from '../../harness/targets/chromium/ChromiumTarget.ts';
import { chromiumAdapters } from '../../harness/targets/chromium/chromiumAdapters.ts';
import { crossTargetCheck } from '../../harness/targets/crossTarget.ts';
import { root, tempReports, testConfig } from '../harness/run/helpers.ts';

const ENGINES = { reference: 'legacy-js', candidate: 'wasm' } as const;
const config = testConfig();
const { tasks } = loadCases(findScenarios([join(root, 'scenarios')]), config);
const byId = (id: string) => tasks.find((t) => t.input.id === id)!;

const node = {
  reference: rendererAdapter(builtinIdentity('legacy-js'), createLegacyRenderer),
  candidate: rendererAdapter(builtinIdentity('wasm'), (o) => createWasmRenderer(o)),
};

describe('harness/targets chromium', function () {
  this.timeout(60_000);
  let target: ChromiumTarget;
  const incidents: Incident[] = [];

  before(async () => {
    target = await ChromiumTarget.launch({ onIncident: (i) => incidents.push(i) });
  });

  after(async () => {
    await target?.close();
  });

  it('runs every scenario under scenarios/ with legacy-js on the main thread and wasm in a Web Worker, and all pass', async () => {
    expect(tasks.length).to.be.greaterThan(20);
    const results = await target.runBatch(tasks, ENGINES);
    expect(results.map((r) => r.id)).to.deep.equal(tasks.map((t) => t.input.id));
    expect(results.filter((r) => r.status !== 'pass').map((r) => `${r.id}: ${r.status}`)).to.deep.equal([]);
    expect(results.every((r) => r.checkpoints > 0)).to.equal(true);
  });

  it('finds the same divergences as the node target when a compat flag is off (same fingerprints, pixels and layout paths)', async () => {
    const quirks = { 'zindex-string-sort': false, 'ellipsis-splits-surrogate': false } as const;
    const picked = [byId('zindex-string-sort'), byId('ellipsis-splits-surrogate'), byId('smoke-paint-box')];
    const inChromium = await target.runBatch(picked, { ...ENGINES, candidateQuirks: quirks });
    for (const [i, task] of picked.entries()) {
      const onNode = await runCase(task.input, loadHostAssets(new Map(task.assets)), { ...node, candidateQuirks: quirks }, { compare: task.compare });
      expect(inChromium[i].status, task.input.id).to.equal(onNode.result.status);
      expect(inChromium[i].checkpoints).to.equal(onNode.result.checkpoints);
      expect(inChromium[i].divergences, task.input.id).to.deep.equal(onNode.result.divergences);
    }
    expect(inChromium.map((r) => r.status)).to.deep.equal(['divergence', 'divergence', 'pass']);
  });

  it('finds no target divergence: each engine gives identical observations under node and chromium', async () => {
    const results = await crossTargetCheck(tasks, { chromium: target, reference: { builtin: 'legacy-js' }, candidate: { builtin: 'wasm' } });
    expect(results).to.have.length(tasks.length * 2);
    expect(results[0].id).to.equal(`target:legacy-js:${tasks[0].input.id}`);
    expect(results.filter((r) => r.status !== 'pass').map((r) => r.id)).to.deep.equal([]);
  });

  it('reports a target divergence with the same detail as an engine divergence when chromium differs from node', async () => {
    // Chromium's wasm side runs with a flag off that node's does not: the check must see it, labelled target:
    const task = byId('zindex-string-sort');
    const raw = await target.runRaw([task], { ...ENGINES, candidateQuirks: { 'zindex-string-sort': false } });
    const run = 'run' in raw[0] ? raw[0].run : null;
    expect(run).to.not.equal(null);
    const stub = { ...target, runRaw: async () => raw, observe: (t: CaseTask, s: Parameters<ChromiumTarget['observe']>[1], k: Parameters<ChromiumTarget['observe']>[2]) =>
      target.observe(t, { ...s, candidateQuirks: { 'zindex-string-sort': false } }, k) } as unknown as ChromiumTarget;
    const [legacy, wasm] = await crossTargetCheck([task], { chromium: stub, reference: { builtin: 'legacy-js' }, candidate: { builtin: 'wasm' } });
    expect(legacy.status).to.equal('pass');
    expect(wasm.id).to.equal('target:wasm:zindex-string-sort');
    expect(wasm.status).to.equal('divergence');
    // one frame divergence per node whose pixels differ: the two swapped boxes
    const frames = wasm.divergences.filter((d) => d.kind === 'frame' && d.checkpoint === 'sorted');
    expect(frames.map((d) => d.signature)).to.deep.equal(['target:frame:pixels', 'target:frame:pixels']);
    expect(frames.reduce((n, d) => n + (d.kind === 'frame' ? d.pixels : 0), 0)).to.equal(200);
  });

  it('replays step by step in the page and names the same first diverging command as on node', async () => {
    const scenario = loadScenarioSync(join(root, 'scenarios/quirks/ellipsis-splits-surrogate.yaml'));
    const quirks = { 'ellipsis-splits-surrogate': false };
    const assets = loadHostAssets(scenario.assets);
    const inPage = await replaySteps(scenario.steps, scenario.viewport, assets, { ...chromiumAdapters(target, { reference: { builtin: 'legacy-js' }, candidate: { builtin: 'wasm' } }), candidateQuirks: quirks });
    const onNode = await replaySteps(scenario.steps, scenario.viewport, assets, { ...node, candidateQuirks: quirks });
    expect(inPage.firstDivergingStep).to.be.greaterThan(0);
    expect(inPage.firstDivergingStep).to.equal(onNode.firstDivergingStep);
    expect(inPage.divergences.map((d) => d.fingerprint)).to.deep.equal(onNode.divergences.map((d) => d.fingerprint));
  });

  it('survives a renderer crash mid-run: that case is a crash, the page is replaced, and every other case still passes', async () => {
    const picked = tasks.slice(0, 8);
    const crashing = picked[3].input.id;
    const results = await target.runBatch(picked, ENGINES, { debug: new Map([[crashing, 'crash-page']]), casesPerTrip: 8 });
    const crashed = results.find((r) => r.id === crashing)!;
    expect(crashed.status).to.equal('crash');
    expect(crashed.divergences[0]).to.include({ kind: 'crash' });
    expect((crashed.divergences[0] as { message: string }).message).to.match(/chromium page crashed .*renderer process crashed/);
    expect(results.filter((r) => r.id !== crashing).map((r) => r.status)).to.deep.equal(new Array(7).fill('pass'));
    expect(incidents.some((i) => i.caseId === crashing && i.kind === 'crash')).to.equal(true);
  });

  it('survives a hung wasm worker: that case is a candidate timeout at its first unanswered batch, a fresh worker runs the rest', async () => {
    const picked = tasks.slice(0, 6);
    const hanging = picked[2].input.id;
    const results = await target.runBatch(picked, ENGINES, { debug: new Map([[hanging, 'hang-worker']]), timeoutMs: 1500 });
    const hung = results.find((r) => r.id === hanging)!;
    expect(hung.status).to.equal('timeout');
    expect(hung.divergences[0]).to.include({ kind: 'timeout', engine: 'candidate', step: 0, ms: 1500 });
    expect(results.filter((r) => r.id !== hanging).map((r) => r.status)).to.deep.equal(new Array(5).fill('pass'));
  });

  it('survives a dying wasm worker: that case is a candidate crash, the rest pass', async () => {
    const picked = tasks.slice(0, 4);
    const dying = picked[1].input.id;
    const results = await target.runBatch(picked, ENGINES, { debug: new Map([[dying, 'crash-worker']]) });
    const died = results.find((r) => r.id === dying)!;
    expect(died.status).to.equal('crash');
    expect(died.divergences[0]).to.include({ kind: 'crash', engine: 'candidate' });
    expect((died.divergences[0] as { message: string }).message).to.match(/the wasm worker died/);
    expect(results.filter((r) => r.id !== dying).map((r) => r.status)).to.deep.equal(['pass', 'pass', 'pass']);
  });

  it('survives a hung main thread: that case is a reference timeout naming the step legacy-js was in, the page is replaced', async () => {
    const picked = tasks.slice(0, 5);
    const hanging = picked[1].input.id;
    const results = await target.runBatch(picked, ENGINES, { debug: new Map([[hanging, 'hang-main']]), timeoutMs: 1000 });
    const hung = results.find((r) => r.id === hanging)!;
    expect(hung.status).to.equal('timeout');
    expect(hung.divergences[0]).to.include({ kind: 'timeout', engine: 'reference', step: 0 });
    expect(results.filter((r) => r.id !== hanging).map((r) => r.status)).to.deep.equal(['pass', 'pass', 'pass', 'pass']);
    expect(incidents.find((i) => i.caseId === hanging)?.message).to.match(/hung while its main thread ran legacy-js \(reference\) at step 0/);
  });
});

describe('parity run --target chromium', function () {
  this.timeout(60_000);

  it('records run.target chromium, adds the cross-target cases, and with --present writes a screenshot per case', async () => {
    const paths = [join(root, 'scenarios/smoke/smoke-paint-box.yaml'), join(root, 'scenarios/quirks/round-half-up.yaml')];
    const { results, runDir } = await runScenarios({
      config: testConfig({ determinismSample: 1 }), paths, reportsDir: tempReports(), command: 'test', target: 'chromium', present: true, crossTarget: true,
    });
    expect(results.run.target).to.equal('chromium');
    expect(results.summary!.exitClass).to.equal(0);
    expect(results.cases.map((c) => c.id).sort()).to.deep.equal([
      'round-half-up', 'smoke-paint-box',
      'target:legacy-js:round-half-up', 'target:legacy-js:smoke-paint-box', 'target:wasm:round-half-up', 'target:wasm:smoke-paint-box',
    ]);
    const shots = join(runDir, 'present');
    expect(existsSync(shots)).to.equal(true);
    expect(readdirSync(shots).sort()).to.include.members(['round-half-up.png', 'smoke-paint-box.png']);
  });
});
