/**
 * `npm run bench:report`: how long a big report takes to open. Writes a synthetic run of
 * 2,000 cases with 200 divergences (evidence PNGs and layouts), generates its HTML
 * report, opens it in Debian's Chromium a few times (fresh browser each time) and
 * prints the median open time: from navigation start to the viewer having rendered, as
 * the page measures it (performance.now() when the viewer is done), plus the wall time
 * puppeteer saw (goto + wait, including the new renderer process). Results go to reports/bench/report.json;
 * the last line is `bench:report open_ms=<n> size_mb=<m>`.
 *
 * Options: --cases N (2000) --divergent N (200) --launches N (5) --frame WxH (480x270)
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeHtmlReport } from '../harness/report/html/writeHtmlReport.ts';
import { launchChromium, openReport, watchedPage } from '../test/browser/chromium.ts';
import { writeSyntheticRun } from '../test/browser/syntheticRun.ts';

const { values } = parseArgs({
  options: { cases: { type: 'string' }, divergent: { type: 'string' }, launches: { type: 'string' }, frame: { type: 'string' } },
});
const cases = Number(values.cases ?? 2000);
const divergent = Number(values.divergent ?? 200);
const launches = Number(values.launches ?? 5);
const [width, height] = (values.frame ?? '480x270').split('x').map(Number);

const root = resolve(import.meta.dirname, '..');
const benchDir = join(root, 'reports', 'bench');
const runDir = join(benchDir, 'run');
rmSync(runDir, { recursive: true, force: true });
mkdirSync(runDir, { recursive: true });

const t0 = performance.now();
const results = writeSyntheticRun(runDir, { cases, divergent, width, height, groups: 20, nodes: 40 });
const tData = performance.now();
const report = writeHtmlReport(runDir, results, { cwd: root });
const generateMs = Math.round(performance.now() - tData);
process.stderr.write(`synthetic run: ${cases} cases, ${divergent} divergent, ${width}x${height} frames (${Math.round(tData - t0)} ms); report generated in ${generateMs} ms\n`);

const openMs: number[] = [];
const wallMs: number[] = [];
const renderMs: number[] = [];
for (let i = 0; i < launches; i++) {
  const chromium = await launchChromium();
  try {
    const { page, problems } = await watchedPage(chromium.browser);
    wallMs.push(await openReport(page, report.path));
    const [ready, render] = await page.evaluate(() => [document.body.dataset.readyMs, document.body.dataset.renderMs]);
    openMs.push(Number(ready));
    renderMs.push(Number(render));
    if (problems.length > 0) throw new Error(`the report had problems in the browser: ${problems.join('; ')}`);
  } finally {
    await chromium.close();
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const sizeMb = report.bytes / 1048576;
const summary = {
  cases, divergent, frame: `${width}x${height}`, launches,
  openMs: median(openMs), openMsAll: openMs, wallMs: median(wallMs), wallMsAll: wallMs, viewerRenderMs: median(renderMs), generateMs,
  bytes: report.bytes, sizeMb: Number(sizeMb.toFixed(2)), report: report.path,
};
writeFileSync(join(benchDir, 'report.json'), `${JSON.stringify(summary, null, 2)}\n`);
process.stdout.write(`open (navigation start to rendered) over ${launches} launches: ${openMs.join(', ')} ms (median ${summary.openMs}); ` +
  `wall time incl. renderer start ${wallMs.join(', ')} ms; viewer render ${summary.viewerRenderMs} ms; report generated in ${generateMs} ms; file ${sizeMb.toFixed(2)} MB\n`);
process.stdout.write(`bench:report open_ms=${summary.openMs} size_mb=${sizeMb.toFixed(2)}\n`);
