import { expect } from 'chai';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseConfig } from '../../../harness/config/loadConfig.ts';
import { runGate } from '../../../harness/gate/runGate.ts';
import { formatGateSummary } from '../../../harness/report/console/gateSummary.ts';
import { buildReportModel } from '../../../harness/report/html/buildReportModel.ts';
import { trendOf } from '../../../harness/report/html/trend.ts';
import { readResults } from '../../../harness/results/readResults.ts';
import type { RunResults } from '../../../harness/results/types.ts';
import { CLASSES } from '../../../harness/results/verdict.ts';
import type { Verdict } from '../../../harness/results/verdict.ts';

const root = resolve(import.meta.dirname, '../../..');
const TODAY = '2026-11-27';
const ENGINE = join(root, 'test/fixtures/engines/crashOrHang.ts');

const textScenario = (id: string, text: string) => [
  `id: ${id}`, `title: The candidate is asked to ${text}`, 'viewport: { width: 32, height: 16 }', 'steps:',
  '  - create: { id: 1, type: text }', `  - set: { id: 1, prop: text, value: "${text}" }`, '  - append: { parent: 0, child: 1 }', '  - frame: { name: a }', '',
].join('\n');

/**
 * A project folder whose gate meets every class: the wave drops round-half-up (known
 * quirk), --quirk-off zindex-string-sort (new divergence), --quirk-off short-hex-color
 * under a waiver (waived), a crash, a hang, a broken scenario and a passing one.
 */
function project(): string {
  const base = mkdtempSync(join(tmpdir(), 'parity-every-class-'));
  mkdirSync(join(base, 'scenarios/quirks'), { recursive: true });
  mkdirSync(join(base, 'scenarios/smoke'), { recursive: true });
  for (const q of ['round-half-up', 'zindex-string-sort', 'short-hex-color']) copyFileSync(join(root, `scenarios/quirks/${q}.yaml`), join(base, `scenarios/quirks/${q}.yaml`));
  copyFileSync(join(root, 'test/fixtures/scenarios/good/box.yaml'), join(base, 'scenarios/smoke/box.yaml'));
  copyFileSync(join(root, 'test/fixtures/scenarios/bad/unknown-op.yaml'), join(base, 'scenarios/smoke/unknown-op.yaml'));
  writeFileSync(join(base, 'scenarios/smoke/crash.yaml'), textScenario('asks-for-a-crash', 'crash me'));
  writeFileSync(join(base, 'scenarios/smoke/hang.yaml'), textScenario('asks-for-a-hang', 'hang me'));
  return base;
}

function config(base: string) {
  return parseConfig([
    'determinismSample: 0',
    'defaultWave: every-class',
    'waves:',
    '  every-class:',
    '    scenarios: [scenarios/quirks, scenarios/smoke]',
    '    golden: false',
    '    fuzz: { runs: 6, seed: 3 }',
    '    candidateQuirks: { round-half-up: off }',
    '    requireQuirks: [zindex-string-sort]',
    '  go:',
    '    scenarios: [scenarios/quirks]',
    '    golden: false',
    '    fuzz: null',
    '    candidateQuirks: { round-half-up: off }',
    '    requireQuirks: [zindex-string-sort]',
    'waivers:',
    '  - { quirk: short-hex-color, reason: tracked in ENG-9, owner: paint, expires: 2027-06-30 }',
    '',
  ].join('\n'), join(base, 'parity.config.yaml'));
}

/** `name="N"` attributes of the first element named tag. */
function attributes(xml: string, tag: string): Record<string, number> {
  const open = new RegExp(`<${tag} [^>]*>`).exec(xml)![0];
  return Object.fromEntries([...open.matchAll(/(\w+)="(\d+)"/g)].map((m) => [m[1], Number(m[2])]));
}

const tags = (xml: string, tag: string) => (xml.match(new RegExp(`<${tag}[ >/]`, 'g')) ?? []).length;

describe('one verdict: every artifact of a gate agrees on every count', function () {
  this.timeout(300_000);
  let base: string;
  let results: RunResults;
  let runDir: string;
  let v: Verdict;

  before(async () => {
    base = project();
    ({ results, runDir } = await runGate({
      config: config(base), candidate: { module: ENGINE }, candidateQuirks: { 'zindex-string-sort': false, 'short-hex-color': false },
      reportsDir: join(base, 'reports'), command: 'gate (every class)', today: TODAY, timeoutMs: 3000, workers: 2,
    }));
    v = results.verdict!;
  });

  it('meets every class once, and says no-go with exit 3 (a crash outranks the rest)', () => {
    const byId = Object.fromEntries(results.cases.map((c) => [c.id, c.classification]));
    expect(byId).to.include({
      'round-half-up': 'known-quirk', 'zindex-string-sort': 'new-divergence', 'short-hex-color': 'waived',
      'asks-for-a-crash': 'crash', 'asks-for-a-hang': 'timeout', 'fixture-box': 'pass',
    });
    const broken = results.cases.find((c) => c.source.kind === 'scenario' && c.source.file.endsWith('unknown-op.yaml'))!;
    expect(broken.classification).to.equal('error');
    expect(v).to.include({ kind: 'gate', word: 'no-go', exitClass: 3 });
    for (const k of CLASSES.filter((k) => k !== 'known-regression')) expect(v.counts.cases[k], k).to.be.greaterThan(0);
  });

  it('results.json on disk carries the verdict, and its summary and gate sections present it', () => {
    const r = readResults(join(runDir, 'results.json'));
    expect(r.verdict).to.deep.equal(v);
    expect(r.summary!.exitClass).to.equal(v.exitClass);
    expect(r.summary!.total).to.equal(v.counts.done);
    expect(r.gate!.verdict).to.equal(v.word);
    expect(r.gate!.reasons).to.deep.equal(v.reasons);
    expect(r.gate!.byClass).to.deep.equal(v.counts.cases);
  });

  it('summary.json says the same', () => {
    const s = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    expect(s).to.deep.include({ kind: 'gate', verdict: v.word, exitClass: v.exitClass, reasons: v.reasons, counts: v.counts, byClass: v.counts.cases });
    expect(s.fuzz).to.deep.include(v.counts.fuzz);
  });

  it('the console summary prints the verdict\'s counts', () => {
    const text = formatGateSummary(results, 'run', 'run/index.html');
    expect(text).to.contain(`: NO-GO (exit 3)`);
    const cases = /cases: (.*) {2}in/.exec(text)![1];
    for (const k of CLASSES) expect(new RegExp(`\\b${k} (\\d+)`).exec(cases)![1], k).to.equal(String(v.counts.cases[k]));
    const identities = /identities: (.*)/.exec(text)![1];
    for (const k of ['new-divergence', 'known-quirk', 'waived', 'crash', 'timeout']) {
      expect(new RegExp(`\\b${k} (\\d+)`).exec(identities)![1], k).to.equal(String(v.counts.identities[k as keyof typeof v.counts.identities]));
    }
    const f = v.counts.fuzz!;
    expect(text).to.contain(`fuzz: seed 3, ${f.runs.done} runs: ${f.runs.passed} passed, ${f.runs.diverged} diverged (${f.runs.known} known, ${f.runs.new} new) -> `);
    for (const reason of v.reasons) expect(text).to.contain(`✗ ${reason}`);
  });

  it('junit.xml fails new divergences, errs crashes, timeouts and input errors, and skips known quirks and waived cases', () => {
    const xml = readFileSync(join(runDir, 'junit.xml'), 'utf8');
    const c = v.counts.cases;
    const expected = { tests: v.counts.done, failures: c['new-divergence'], errors: c.crash + c.timeout + c.error, skipped: c['known-quirk'] + c.waived };
    expect(attributes(xml, 'testsuites')).to.deep.equal(expected);
    expect(attributes(xml, 'testsuite')).to.deep.equal(expected);
    expect([tags(xml, 'testcase'), tags(xml, 'failure'), tags(xml, 'error'), tags(xml, 'skipped')]).to.deep.equal([expected.tests, expected.failures, expected.errors, expected.skipped]);
    expect(xml).to.contain('<skipped message="waived: tracked in ENG-9 (paint, expires 2027-06-30)"/>');
    expect(xml).to.match(/<skipped message="known quirk round-half-up: /);
    expect(xml).to.contain('<property name="verdict" value="no-go"/>');
  });

  it('the trend against a clean run counts as new exactly the cases the verdict counts against the run', () => {
    const clean: RunResults = { ...results, cases: results.cases.map((x) => ({ ...x, status: 'pass', classification: 'pass', divergences: [] })) };
    const c = v.counts.cases;
    expect(trendOf(results, clean).counts).to.deep.include({ new: c['new-divergence'] + c.crash + c.timeout + c.error, fixed: 0 });
    expect(trendOf(results, results).counts['still-failing']).to.equal(v.counts.outcomes.failures + v.counts.outcomes.errors);
  });

  it('the HTML report model presents the verdict and its counts', () => {
    const model = buildReportModel(results, runDir, { cwd: base, quirksDir: join(base, 'scenarios/quirks') });
    expect(model.verdict).to.deep.equal({ go: false, label: 'NO-GO', reasons: v.reasons, exitClass: 3 });
    expect(Object.fromEntries(model.counts.map((x) => [x.class, x.count]))).to.deep.equal(v.counts.cases);
    expect(model.wave).to.equal('every-class');
  });

  it('a GO gate with a known quirk writes junit.xml with failures="0" errors="0"', async () => {
    const go = await runGate({ config: config(base), wave: 'go', reportsDir: join(base, 'reports'), command: 'gate (go)', today: TODAY, workers: 1 });
    expect(go.results.verdict).to.include({ word: 'go', exitClass: 0 });
    expect(go.results.verdict!.counts.cases['known-quirk']).to.equal(1);
    const xml = readFileSync(join(go.runDir, 'junit.xml'), 'utf8');
    expect(attributes(xml, 'testsuites')).to.include({ failures: 0, errors: 0, skipped: 1 });
  });
});
