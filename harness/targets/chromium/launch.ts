/**
 * Debian's Chromium (scripts/setup.mjs installs it; puppeteer's own download is skipped)
 * with a fresh profile per launch, no sandbox (we run as root), nothing that talks to
 * the network. PARITY_CHROMIUM names another binary.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer';
import type { Browser } from 'puppeteer';

export const CHROMIUM = process.env.PARITY_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // a page that waits on its worker is never "hidden": keep its timers at full speed
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

export class ChromiumLaunchError extends Error {
  override name = 'ChromiumLaunchError';
}

export interface LaunchedChromium {
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<LaunchedChromium> {
  if (!existsSync(CHROMIUM)) {
    throw new ChromiumLaunchError(`--target chromium: no browser at ${CHROMIUM}: run \`npm run setup\` (installs Debian's chromium) or set PARITY_CHROMIUM`);
  }
  const profile = mkdtempSync(join(tmpdir(), 'parity-target-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`],
      defaultViewport: options.viewport ?? { width: 1100, height: 700 },
      protocolTimeout: 60_000,
    });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw new ChromiumLaunchError(`--target chromium: could not launch ${CHROMIUM}: ${(error as Error).message.split('\n')[0]}`);
  }
  return {
    browser,
    async close() {
      try {
        await Promise.race([browser.close(), new Promise((r) => setTimeout(r, 3000))]);
      } finally {
        browser.process()?.kill('SIGKILL');
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}
