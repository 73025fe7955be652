/**
 * Debian's Chromium driven by puppeteer, for the report's browser tests and benchmark:
 * a fresh profile per launch, no sandbox (root), nothing that talks to the network, and
 * a page that records every console error, page error, failed request and CSP violation.
 */
import type { Browser, Page } from 'puppeteer';
import { launchChromium as launch } from '../../harness/targets/chromium/launch.ts';
import type { LaunchedChromium } from '../../harness/targets/chromium/launch.ts';

export type LaunchedBrowser = LaunchedChromium;

/** The same browser the chromium target drives (one launch recipe for the whole project). */
export function launchChromium(): Promise<LaunchedBrowser> {
  return launch({ viewport: { width: 1360, height: 900 } });
}

export interface WatchedPage {
  readonly page: Page;
  /** Console errors, page errors, failed or non-data requests, CSP violations, dialogs. */
  readonly problems: string[];
}

export async function watchedPage(browser: Browser): Promise<WatchedPage> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${(e as Error).message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url().slice(0, 120)} ${r.failure()?.errorText ?? ''}`));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith('file://') && !url.startsWith('data:')) problems.push(`request to ${url.slice(0, 120)}`);
  });
  page.on('dialog', async (d) => {
    problems.push(`dialog: ${d.type()} ${d.message()}`);
    await d.dismiss();
  });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, problems };
}

/** Opens a report file and waits until the viewer has rendered. Returns the time it took. */
export async function openReport(page: Page, file: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`file://${file}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready=yes]', { timeout: 15_000 });
  return Date.now() - t0;
}
