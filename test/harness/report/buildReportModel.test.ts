import { expect } from 'chai';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildReportModel } from '../../../harness/report/html/buildReportModel.ts';
import { quirksTurnedOff } from '../../../harness/report/html/caseQuirk.ts';
import type { QuirkInfo } from '../../../harness/report/html/quirkCatalogue.ts';
import { loadQuirkCatalogue } from '../../../harness/report/html/quirkCatalogue.ts';
import { trendOf } from '../../../harness/report/html/trend.ts';
import type { GateOutcome, RunResults } from '../../../harness/results/types.ts';
import { PAYLOAD, writeSyntheticRun } from '../../browser/syntheticRun.ts';

const root = resolve(import.meta.dirname, '../../..');
const catalogue: QuirkInfo[] = [
  { id: 'zindex-string-sort', title: 'zIndex as strings', file: 'scenarios/quirks/zindex-string-sort.yaml', tags: ['paint'] },
  { id: 'round-half-up', title: 'Math.round', file: 'scenarios/quirks/round-half-up.yaml', tags: [] },
];

function synthetic(o: { cases?: number; divergent?: number; width?: number; height?: number } = {}): { results: RunResults; runDir: string } {
  const runDir = join(mkdtempSync(join(tmpdir(), 'parity-model-')), 'run');
  return { results: writeSyntheticRun(runDir, { cases: o.cases ?? 40, divergent: o.divergent ?? 15, groups: 3, ...o }), runDir };
}

describe('harness/report/html buildReportModel', () => {
  const { results, runDir } = synthetic();
  const model = buildReportModel(results, runDir, { cwd: root, catalogue, now: new Date('2026-06-01T00:00:00Z') });
  const byId = (id: string) => model.cases.find((c) => c.id === id)!;

  it('takes each case\'s class from the verdict module: a classified case keeps its class, other divergences are new', () => {
    expect(byId('zindex-string-sort').class).to.equal('known-quirk');
    expect(byId('case-0005').class).to.equal('new-divergence');
    expect(byId('case-0002').class).to.equal('crash');
    expect(model.counts.map((c) => [c.class, c.count])).to.deep.equal([
      ['new-divergence', 11], ['known-quirk', 1], ['known-regression', 0], ['waived', 0], ['crash', 1], ['timeout', 1], ['error', 1], ['pass', 25],
    ]);
    expect(quirksTurnedOff({ ...results.engines, choice: { quirksOff: ['a', 'b'] } })).to.deep.equal(new Set(['a', 'b']));
    expect(quirksTurnedOff({ ...results.engines, choice: undefined }), 'read from data, never from the display name').to.deep.equal(new Set());
  });

  it('presents the verdict of results that carry none (older files) as the verdict module decides it: FAIL with the reasons', () => {
    expect(model.verdict).to.include({ go: false, label: 'FAIL', exitClass: 3 });
    const reasons = model.verdict.reasons.join('\n');
    expect(reasons).to.contain('11 new divergence(s)').and.contain('1 engine crash(es) and 1 timeout(s)').and.contain('1 input error(s)');
  });

  it('shows the gate\'s wave, fuzz seed and budget, classes and waivers (expiry checked) from results.json', () => {
    const waivers = [
      { reason: 'r', owner: 'o', expires: '2026-01-01', status: 'expired' as const, cases: ['case-0005'] },
      { reason: 'r', owner: 'o', expires: '2027-01-01', status: 'active' as const, cases: [] },
    ];
    const cases = results.cases.map((c) => (c.status === 'divergence' ? { ...c, classification: 'waived' as const, waiver: c.id === 'case-0005' ? 0 : 1 } : c));
    const fuzz = { seed: 42, budget: { runs: 2000 }, planned: 2000, runs: 2000, passed: 2000, diverged: 0, knownRuns: 0, knownFingerprints: [], newFingerprints: [], stats: { medianLength: 0, invalidShare: 0, medianCheckpoints: 0, commands: 0, invalid: 0, lengths: {}, checkpointCounts: {} } };
    const gate: GateOutcome = { wave: 'tv-2026-q3', verdict: 'no-go', reasons: [], strict: false, allowDivergences: 0, byClass: {} as GateOutcome['byClass'], waivers, quirks: [], fuzz };
    const gated = buildReportModel({ ...results, cases, gate }, runDir, { cwd: root, catalogue, now: new Date('2026-06-01T00:00:00Z') });
    expect(gated.wave).to.equal('tv-2026-q3');
    expect(gated.verdict.label).to.equal('NO-GO');
    expect(gated.run).to.include({ seed: '42', budget: '2000 runs' });
    expect(gated.cases.find((c) => c.id === 'case-0005')!.waiver).to.deep.equal({ reason: 'r', owner: 'o', expires: '2026-01-01', expired: true });
    expect(gated.cases.find((c) => c.id === 'case-0006')!.waiver!.expired).to.equal(undefined);
    expect(gated.quirks.find((q) => q.id === 'zindex-string-sort')!.cells[1].state).to.equal('waived');
  });

  it('groups failing cases by their first fingerprint, largest group first, passing cases last', () => {
    const sizes = model.groups.map((g) => g.cases.length);
    const failing = model.groups.filter((g) => g.key !== 'pass');
    expect(failing.map((g) => g.cases.length)).to.deep.equal([...failing.map((g) => g.cases.length)].sort((a, b) => b - a));
    expect(model.groups[model.groups.length - 1].key).to.equal('pass');
    expect(sizes.reduce((a, b) => a + b, 0)).to.equal(results.cases.length);
    expect(model.groups.find((g) => g.key === 'error')!.signature).to.equal('input errors');
  });

  it('words every divergence with describe.ts and keeps detail only for failing cases', () => {
    const c = byId('case-0005');
    expect(c.summary).to.equal('checkpoint "menu" (step 20): layout differs in 1 field on 1 node, first #3 box.x: reference 85, candidate 86');
    expect(c.detail!.divergences.map((d) => d.kind)).to.deep.equal(['layout', 'frame', 'events']);
    expect(c.detail!.divergences[2].events).to.deep.equal([{ op: 'delete', index: 1, candidateIndex: 1, reference: 'step 12 error unknown-node #9', candidate: '' }]);
    expect(byId(results.cases[30].id).detail).to.equal(undefined);
  });

  it('embeds the evidence: frames once each, layout rows with the differing fields, nodes to highlight', () => {
    const d = byId('case-0005').detail!;
    expect(d.evidence!.reference.frame).to.include({ width: 160, height: 90, scale: 1 });
    expect(d.evidence!.highlight).to.deep.equal([3]);
    expect(d.layoutRows!.filter((r) => r.differs.length > 0).map((r) => [r.id, r.differs])).to.deep.equal([[3, ['box.x']]]);
    expect(d.evidence!.detail).to.equal(undefined);
    expect(new Set(model.images).size).to.equal(model.images.length);
  });

  it('embeds the scenario text as the reproducer with the replay command naming the shown divergence, and its symptom', () => {
    const c = results.cases.find((x) => x.id === 'zindex-string-sort')!;
    const d = byId('zindex-string-sort').detail!;
    expect(d.replay).to.equal(`npx parity replay scenarios/quirks/zindex-string-sort.yaml --quirk-off zindex-string-sort --divergence ${c.divergences[0].fingerprint}`);
    expect(d.reproducer!.yaml).to.match(/^id: zindex-string-sort/);
    // no cause stored (results written before identities): the symptom's command is the highlighted line
    expect(d.cause).to.include({ fingerprint: c.divergences[0].fingerprint, cause: 'not identified', checkpoint: 'menu', symptomStep: 20 });
    expect(d.cause!.symptom).to.equal(`checkpoint "menu" at step 20, line ${d.reproducer!.line}`);
    const escape = model.cases.find((c) => c.title === PAYLOAD)!.detail!;
    expect(escape.reproducer!.yaml).to.contain(PAYLOAD);
  });

  it('names the stored cause of the shown divergence as replay does: step, command as written, its line highlighted', () => {
    const caused = results.cases.map((c) => (c.id !== 'zindex-string-sort' ? c : { ...c, divergences: c.divergences.map((d, i) => (i === 0 ? { ...d, cause: { step: 3, command: 'set zIndex' } } : d)) }));
    const d = buildReportModel({ ...results, cases: caused }, runDir, { cwd: root, catalogue }).cases.find((c) => c.id === 'zindex-string-sort')!.detail!;
    const line = d.reproducer!.line!;
    const written = d.reproducer!.yaml.split('\n')[line - 1].trim().replace(/^- /, '');
    expect(d.cause).to.include({ causeStep: 3, cause: `step 3 (set zIndex), line ${line}: ${written}` });
    expect(d.cause!.symptom).to.match(/^checkpoint "menu" at step 20, line \d+$/);
  });

  it('fills the quirk matrix: diverges with the flag off, not exercised when absent', () => {
    const [round, zindex] = [...model.quirks].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(zindex.cells.map((c) => c.state)).to.deep.equal(['reproduced', 'diverges']);
    expect(zindex.flagOff).to.equal(true);
    expect(round.cells.map((c) => c.state)).to.deep.equal(['not-exercised', 'not-exercised']);
  });

  it('reads the catalogue from scenarios/quirks and lists compat flags without a scenario', () => {
    const real = loadQuirkCatalogue(join(root, 'scenarios/quirks'), root);
    expect(real.map((q) => q.id)).to.include('zindex-string-sort');
    expect(real.find((q) => q.id === 'zindex-string-sort')!.file).to.equal('scenarios/quirks/zindex-string-sort.yaml');
    expect(loadQuirkCatalogue('/nonexistent', root).every((q) => q.problem === 'compat flag without a catalogue scenario')).to.equal(true);
  });

  it('compares with a previous run: new, fixed, still failing, changed, removed', () => {
    const prev: RunResults = {
      ...results,
      cases: [...results.cases.flatMap((c, i) => (i === 5 ? [{ ...c, status: 'pass' as const, divergences: [] }]
        : i === 20 ? [{ ...c, status: 'divergence' as const, divergences: results.cases[6].divergences }]
        : i === 7 ? [{ ...c, divergences: results.cases[8].divergences }] : i === 9 ? [] : [c])), { ...results.cases[6], id: 'gone' }],
    };
    const t = trendOf(results, prev);
    expect(t.counts).to.include({ new: 2, fixed: 1, changed: 1, removed: 1 });
    expect(t.rows.find((r) => r.id === 'case-0005')!.state).to.equal('new');
    expect(t.rows.find((r) => r.id === 'case-0020')!.state).to.equal('fixed');
  });

  it('summarises frame times per engine with a shared histogram and the ratio', () => {
    const p = model.performance!;
    expect(p.reference.samples).to.equal(39);
    expect(p.reference.histogram.reduce((a, b) => a + b, 0)).to.equal(39);
    expect(p.bins).to.have.length(p.reference.histogram.length + 1);
    expect(p.ratioP50).to.be.closeTo(p.candidate.p50 / p.reference.p50, 1e-9);
  });

  it('embeds large frames downscaled with full-size crops of the differing area', function () {
    this.timeout(30_000);
    const big = synthetic({ cases: 6, divergent: 6, width: 1280, height: 720 });
    const m = buildReportModel(big.results, big.runDir, { cwd: root, catalogue });
    const ev = m.cases.find((c) => c.id === 'case-0005')!.detail!.evidence!;
    expect(ev).to.include({ width: 1280, height: 720 });
    expect(ev.reference.frame).to.include({ width: 640, height: 360, scale: 0.5 });
    expect(ev.detail).to.deep.include({ x: 4, y: 4 });
    expect(ev.detail!.reference).to.include({ width: 28, height: 20, scale: 1 });
    expect(ev.detail!.diff).to.include({ width: 28, height: 20 });
    expect(m.imageNote).to.contain('downscaled');
  });
});
