/**
 * The HTML report in Debian's Chromium: generated reports open from file:// with no
 * console error, failed request or CSP violation; the slider, blink, zoom with RGBA
 * readout, filters, keyboard navigation and copy buttons work; text from scenarios and
 * engines stays text. Screenshots go to reports/screenshots/.
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer';
import { DEFAULT_CONFIG } from '../../harness/config/config.ts';
import { writeHtmlReport } from '../../harness/report/html/writeHtmlReport.ts';
import type { RunResults } from '../../harness/results/types.ts';
import { runScenarios } from '../../harness/run/runScenarios.ts';
import { launchChromium, openReport, watchedPage } from './chromium.ts';
import type { LaunchedBrowser, WatchedPage } from './chromium.ts';
import { PAYLOAD, writeSyntheticRun } from './syntheticRun.ts';

const root = resolve(import.meta.dirname, '../..');
const shots = join(root, 'reports', 'screenshots');

describe('HTML report in Chromium', function () {
  this.timeout(120_000);
  let chromium: LaunchedBrowser;
  let synthetic: string;
  let real: string;
  let realResults: RunResults;
  let current: WatchedPage | undefined;

  before(async () => {
    const t0 = Date.now();
    mkdirSync(shots, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'parity-report-'));
    const runDir = join(dir, 'synthetic');
    const results = writeSyntheticRun(runDir, { cases: 60, divergent: 24, groups: 4 });
    // case-0006 is waived as a gate would record it: its classification and the waiver it points at
    const waived: RunResults = {
      ...results,
      cases: results.cases.map((c) => (c.id === 'case-0006' ? { ...c, classification: 'waived', waiver: 0 } : c)),
      gate: {
        wave: 'synthetic', verdict: 'no-go', reasons: [], strict: false, allowDivergences: 0, byClass: {} as NonNullable<RunResults['gate']>['byClass'], quirks: [],
        waivers: [{ reason: 'font hinting differs on 1 px', owner: 'ui-platform', expires: '2099-01-01', status: 'active', cases: ['case-0006'] }],
      },
    };
    const previous: RunResults = { ...waived, run: { ...results.run, id: 'previous' }, cases: waived.cases.map((c, i) => (i === 7 ? { ...c, status: 'pass', divergences: [] } : i === 40 ? { ...c, status: 'divergence', divergences: results.cases[8].divergences } : c)) };
    synthetic = writeHtmlReport(runDir, waived, { cwd: root, previous }).path;
    const outcome = await runScenarios({
      config: { ...DEFAULT_CONFIG, baseDir: root, file: null, determinismSample: 1 },
      paths: [join(root, 'scenarios/quirks/zindex-string-sort.yaml'), join(import.meta.dirname, 'fixtures/escape.yaml')],
      candidateQuirks: { 'zindex-string-sort': false },
      reportsDir: dir,
      command: 'run scenarios/quirks/zindex-string-sort.yaml test/browser/fixtures/escape.yaml --quirk-off zindex-string-sort',
    });
    realResults = outcome.results;
    real = writeHtmlReport(outcome.runDir, outcome.results, { cwd: root }).path;
    const t1 = Date.now();
    chromium = await launchChromium();
    if (process.env.PARITY_TEST_TIMING) process.stderr.write(`reports ${t1 - t0} ms, chromium ${Date.now() - t1} ms\n`);
  });

  after(async () => {
    await chromium?.close();
  });

  afterEach(async function () {
    const watched = current;
    current = undefined;
    if (!watched) return;
    await watched.page.close();
    if (this.currentTest?.state === 'passed') expect(watched.problems, 'console errors, failed requests, CSP violations or dialogs').to.deep.equal([]);
  });

  async function open(file: string, viewport = { width: 1360, height: 900 }): Promise<Page> {
    current = await watchedPage(chromium.browser);
    await current.page.setViewport(viewport);
    try {
      await openReport(current.page, file);
    } catch (error) {
      throw new Error(`${file} did not render: ${current.problems.join('; ') || (error as Error).message}`);
    }
    return current.page;
  }

  /** An element screenshot with the sticky toolbar taken out of the way. */
  const shoot = async (page: Page, selector: string, name: string) => {
    await page.$eval('[data-test=toolbar]', (e) => ((e as HTMLElement).style.position = 'static'));
    await (await page.$(selector))!.screenshot({ path: join(shots, name) });
    await page.$eval('[data-test=toolbar]', (e) => ((e as HTMLElement).style.position = ''));
  };
  const text = (page: Page, selector: string) => page.$eval(selector, (e) => e.textContent ?? '');
  const count = (page: Page, selector: string) => page.$$eval(selector, (list) => list.length);
  const openCase = async (page: Page, id: string) => {
    await page.evaluate((caseId) => {
      location.hash = `#case-${encodeURIComponent(caseId)}`;
    }, id);
    await page.waitForSelector('.case.open [data-test=frames]');
  };

  it('opens a real run (legacy-js vs wasm, a quirk flag off) with the verdict, engines and the divergence view', async () => {
    const page = await open(real);
    // the report presents the run's own verdict: parity run fails on the divergence of the quirk whose flag is off
    const expectedVerdict = realResults.verdict!.exitClass === 0 ? 'PASS' : 'FAIL';
    expect(expectedVerdict).to.equal('FAIL');
    expect(await text(page, '[data-test=verdict-label]')).to.equal(expectedVerdict);
    const header = await text(page, '[data-test=verdict]');
    expect(header).to.contain(realResults.engines.reference.build).and.to.contain(realResults.engines.candidate.build);
    const zindex = realResults.cases.find((c) => c.id === 'zindex-string-sort')!;
    expect(zindex.status).to.equal('divergence');
    await openCase(page, 'zindex-string-sort');
    expect(await count(page, '.case.open [data-test=stage-reference] img')).to.equal(1);
    expect(await count(page, '.case.open [data-test=stage-candidate] img')).to.equal(1);
    const shown = zindex.divergences[0];
    expect(await text(page, '.case.open [data-test=replay-command]')).to.equal(`npx parity replay scenarios/quirks/zindex-string-sort.yaml --quirk-off zindex-string-sort --divergence ${shown.fingerprint}`);
    expect(await text(page, '.case.open [data-test=identity]')).to.contain(shown.fingerprint);
    expect(await text(page, '.case.open [data-test=cause-step]')).to.match(new RegExp(`^step ${shown.cause!.step} \\(${shown.cause!.command}\\), line \\d+: `));
    expect(await text(page, '.case.open [data-test=symptom]')).to.match(new RegExp(`^checkpoint "${shown.checkpoint}" at step ${shown.step}, line \\d+$`));
    const box = await page.$('.case.open [data-test=stage-reference]');
    const rect = (await box!.boundingBox())!;
    await page.mouse.move(rect.x + rect.width * 0.17, rect.y + rect.height * 0.33);
    expect(await text(page, '.case.open [data-test=readout]')).to.match(/reference rgba\(\d+, \d+, \d+, \d+\)/);
    await shoot(page, '.case.open', 'real-divergence.png');
    await page.screenshot({ path: join(shots, 'real-overview.png'), fullPage: true });
  });

  it('renders `</script><script>alert(1)</script>` from scenarios and engines as text, runs no injected script, and allows no external load', async () => {
    for (const file of [synthetic, real]) {
      const page = await open(file);
      const html = readFileSync(file, 'utf8');
      expect(html).to.contain('Content-Security-Policy');
      expect(html.match(/<script/g)).to.have.length(2);
      expect(await count(page, 'script')).to.equal(2);
      await page.evaluate(() => {
        for (const box of Array.from(document.querySelectorAll<HTMLInputElement>('[data-test^=filter-]'))) if (box.type === 'checkbox' && !box.checked) box.click();
      });
      await page.type('[data-test=filter-text]', 'escape alert(1)');
      await page.waitForFunction(() => document.querySelectorAll('[data-test=case]').length === 1);
      expect(await text(page, '[data-test=case] .case-title')).to.contain(PAYLOAD);
      await page.click('[data-test=case] .case-head');
      // passing cases carry no detail; the synthetic run makes the probe diverge
      if (await count(page, '[data-test=yaml]')) expect(await text(page, '[data-test=yaml]')).to.contain(`value: "${PAYLOAD}"`);
      if (file === synthetic) {
        expect(await text(page, '[data-test=layout-diff]')).to.contain(JSON.stringify(PAYLOAD));
        expect(await text(page, '[data-test=event-diff]')).to.contain(JSON.stringify(PAYLOAD));
        expect(await text(page, '[data-test=verdict]')).to.contain(PAYLOAD);
      }
      // the policy holds: an external image is refused before any request leaves
      const blocked = await page.evaluate(() => new Promise<string>((done) => {
        document.addEventListener('securitypolicyviolation', (e) => done(e.violatedDirective), { once: true });
        const img = document.createElement('img');
        img.src = 'https://example.invalid/x.png';
        document.body.appendChild(img);
      }));
      expect(blocked).to.equal('img-src');
      current!.problems.splice(0, current!.problems.length, ...current!.problems.filter((p) => !p.includes('example.invalid')));
      if (file === synthetic) await page.screenshot({ path: join(shots, 'escaping.png') });
      await page.close();
      expect(current!.problems).to.deep.equal([]);
    }
    current = undefined;
  });

  it('moves the slider between the two frames', async () => {
    const page = await open(synthetic);
    await openCase(page, 'case-0005');
    await page.click('.case.open [data-test=mode-slider]');
    await page.waitForSelector('.case.open [data-test=slider]');
    expect(await page.$eval('.case.open [data-test=slider-top]', (e) => (e as HTMLElement).style.clipPath)).to.equal('inset(0px 0px 0px 50%)');
    await page.$eval('.case.open [data-test=slider]', (e) => {
      const range = e as HTMLInputElement;
      range.value = '20';
      range.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await page.$eval('.case.open [data-test=slider-top]', (e) => (e as HTMLElement).style.clipPath)).to.equal('inset(0px 0px 0px 20%)');
    await shoot(page, '.case.open', 'slider.png');
  });

  it('blinks between reference and candidate, pauses, and swaps by hand', async () => {
    const page = await open(synthetic);
    await openCase(page, 'case-0005');
    await page.click('.case.open [data-test=mode-blink]');
    const stage = '.case.open [data-test=blink-stage]';
    const first = await page.$eval(stage, (e) => (e as HTMLElement).dataset.showing);
    await page.waitForFunction((s, was) => (document.querySelector(s) as HTMLElement).dataset.showing !== was, { timeout: 3000 }, stage, first);
    await page.click('.case.open [data-test=blink-play]');
    const paused = await page.$eval(stage, (e) => (e as HTMLElement).dataset.showing);
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.$eval(stage, (e) => (e as HTMLElement).dataset.showing)).to.equal(paused);
    await page.click('.case.open [data-test=blink-swap]');
    expect(await page.$eval(stage, (e) => (e as HTMLElement).dataset.showing)).to.not.equal(paused);
    const visible = await page.$eval(stage, (e) => [getComputedStyle(e.querySelector('.blink-ref')!).visibility, getComputedStyle(e.querySelector('.blink-cand')!).visibility]);
    expect(visible.filter((v) => v === 'visible')).to.have.length(1);
    await shoot(page, '.case.open', 'blink.png');
  });

  it('zooms and reads out both engines\' RGBA at the hovered pixel', async () => {
    const page = await open(synthetic);
    await openCase(page, 'case-0005');
    await page.select('.case.open [data-test=zoom]', '4');
    const stage = await page.$('.case.open [data-test=stage-reference]');
    const rect = (await stage!.boundingBox())!;
    expect(Math.round(rect.width)).to.be.within(160 * 4, 160 * 4 + 2);
    // node 1 is painted at (8,8): blue in the reference, one step less blue in the candidate
    await page.mouse.move(rect.x + 1 + 10 * 4 + 2, rect.y + 1 + 10 * 4 + 2);
    await page.waitForFunction(() => /candidate rgba/.test(document.querySelector('.case.open [data-test=readout]')!.textContent ?? '') && !/—/.test(document.querySelector('.case.open [data-test=readout]')!.textContent ?? ''));
    const readout = await text(page, '.case.open [data-test=readout]');
    expect(readout).to.contain('x 10, y 10').and.to.contain('reference rgba(0, 0, 255, 255)').and.to.contain('candidate rgba(0, 0, 254, 255)').and.to.contain('max Δ 1');
    expect(await count(page, '.case.open [data-test=stage-reference] .lbox.hl[data-node="3"]')).to.equal(1);
    await shoot(page, '.case.open', 'zoom-readout.png');
  });

  it('filters by class, quirk and text', async () => {
    const page = await open(synthetic);
    const shown = () => text(page, '[data-test=shown]');
    expect(await shown()).to.equal('24 of 60 cases shown');
    await page.click('[data-test=filter-new-divergence]');
    expect(await shown()).to.equal('5 of 60 cases shown');
    await page.click('[data-test=count-crash]');
    expect(await shown()).to.equal('1 of 60 cases shown');
    expect(await count(page, '[data-test=group]:not([hidden])')).to.equal(1);
    await page.click('[data-test=filter-pass]');
    await page.click('[data-test=filter-known-quirk]');
    await page.select('[data-test=filter-quirk]', 'zindex-string-sort');
    expect(await shown()).to.equal('1 of 60 cases shown');
    expect(await text(page, '[data-test=case] .case-id')).to.equal('zindex-string-sort');
    await page.select('[data-test=filter-quirk]', '');
    await page.click('[data-test=filter-new-divergence]');
    await page.type('[data-test=filter-text]', 'case-0017');
    await page.waitForFunction(() => document.querySelector('[data-test=shown]')!.textContent === '1 of 60 cases shown');
    expect(await text(page, '[data-test=case] .case-id')).to.equal('case-0017');
    await page.screenshot({ path: join(shots, 'filtered.png') });
  });

  it('navigates between cases with the keyboard', async () => {
    const page = await open(synthetic);
    const selected = () => page.$eval('.case.selected', (e) => e.querySelector('.case-id')!.textContent);
    await page.keyboard.press('j');
    const first = await selected();
    expect(await count(page, '.case.open')).to.equal(1);
    await page.keyboard.press('j');
    const second = await selected();
    expect(second).to.not.equal(first);
    expect(await page.$eval('.case.open', (e) => e.querySelector('.case-id')!.textContent)).to.equal(second);
    await page.keyboard.press('k');
    expect(await selected()).to.equal(first);
    await page.keyboard.press('b');
    expect(await page.$eval('.case.open [data-test=frames]', (e) => (e as HTMLElement).dataset.mode)).to.equal('blink');
    await page.keyboard.press('Escape');
    expect(await count(page, '.case.open')).to.equal(0);
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.test)).to.equal('filter-text');
  });

  it('copies the replay command and the reproducer YAML', async () => {
    const page = await open(real);
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.grantPermissions', { permissions: ['clipboardReadWrite', 'clipboardSanitizedWrite'] });
    await openCase(page, 'zindex-string-sort');
    await page.click('.case.open [data-test=copy-replay]');
    await page.waitForSelector('.case.open [data-test=copy-replay][data-copied=yes]');
    const shown = realResults.cases.find((c) => c.id === 'zindex-string-sort')!.divergences[0];
    expect(await page.evaluate(() => navigator.clipboard.readText())).to.equal(`npx parity replay scenarios/quirks/zindex-string-sort.yaml --quirk-off zindex-string-sort --divergence ${shown.fingerprint}`);
    await page.click('.case.open [data-test=copy-yaml]');
    await page.waitForSelector('.case.open [data-test=copy-yaml][data-copied=yes]');
    expect(await page.evaluate(() => navigator.clipboard.readText())).to.equal(readFileSync(join(root, 'scenarios/quirks/zindex-string-sort.yaml'), 'utf8'));
  });

  it('shows the quirk matrix, the trend and the engine performance chart', async () => {
    const page = await open(synthetic);
    expect(await page.$eval('[data-quirk=zindex-string-sort]', (e) => e.textContent)).to.contain('diverges').and.to.contain('flag off');
    expect(await text(page, '[data-test=trend]')).to.match(/1\s*new/).and.to.match(/1\s*fixed/);
    expect(await count(page, '[data-test=perf-chart] rect.bar')).to.be.greaterThan(2);
    expect(await text(page, '[data-test=ratio]')).to.match(/p50 \d+\.\d\d×/);
    await shoot(page, '[data-test=quirks]', 'quirk-matrix.png');
    await shoot(page, '[data-test=performance]', 'performance.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(shots, 'synthetic-overview.png') });
  });
});
