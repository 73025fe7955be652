/**
 * One page of the chromium target, seen from Node: loads the driver (./page/main.ts)
 * from the loopback server, uploads host assets once, and calls `window.parity` with
 * many cases per round trip. A watchdog turns a hung or crashed page into a
 * PageFailure naming the case, engine and step the page last reported (through a CDP
 * binding, which works even while the page's main thread is stuck afterwards).
 */
import type { CDPSession, Page } from 'puppeteer';
import type { Browser } from 'puppeteer';
import type { FontAtlas, HostAssets } from '../../../engines/shared/assets.ts';
import { imageKey } from './assetKeys.ts';
import { fromJson } from './page/transport.ts';
import { PROGRESS_BINDING, PROGRESS_GLOBAL } from './wire.ts';
import type { CaseRun, RunRequest, Side } from './wire.ts';

/** What the page said last: the case it started and where its main thread was. */
export interface PageProgress {
  readonly seq: number;
  /** m: the main thread was applying a batch; w: it was waiting for the Wasm worker; c: case set-up. */
  readonly phase: 'c' | 'm' | 'w';
  readonly side?: Side;
  readonly step: number;
}

/** The page stopped answering (timeout) or its renderer died (crash). */
export class PageFailure extends Error {
  override name = 'PageFailure';
  constructor(
    readonly kind: 'crash' | 'timeout',
    message: string,
    readonly at: PageProgress | null,
  ) {
    super(message);
  }
}

/** Extra time the Node watchdog allows over the page's own per-case limit (the page handles worker hangs itself). */
const WATCHDOG_GRACE_MS = 2_000;
const LOAD_TIMEOUT_MS = 15_000;

export class ChromiumPage {
  progress: PageProgress | null = null;
  private uploaded = new Set<number>();
  private fontSent: FontAtlas | null = null;
  private crashed: string | null = null;
  private onCaseStart: (() => void) | null = null;
  private onCrash: ((why: string) => void) | null = null;

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
  ) {}

  static async open(browser: Browser, origin: string): Promise<ChromiumPage> {
    const page = await browser.newPage();
    const cdp = await page.createCDPSession();
    const self = new ChromiumPage(page, cdp);
    // bindingCalled events reach only a session with the Runtime domain enabled
    await cdp.send('Runtime.enable');
    await cdp.send('Runtime.addBinding', { name: PROGRESS_BINDING });
    cdp.on('Runtime.bindingCalled', (e) => {
      if (e.name === PROGRESS_BINDING) self.heard(e.payload);
    });
    const crash = (why: string) => {
      self.crashed ??= why;
      self.onCrash?.(why);
    };
    page.on('error', (e) => crash(`the page's renderer process crashed (${e.message})`));
    page.on('close', () => crash('the page was closed'));
    browser.on('disconnected', () => crash('the browser went away'));
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    await page.waitForFunction('window.parity !== undefined', { timeout: LOAD_TIMEOUT_MS });
    await page.evaluate('window.parity.ready');
    return self;
  }

  get alive(): boolean {
    return this.crashed === null && !this.page.isClosed();
  }

  private heard(payload: string): void {
    if (payload.startsWith('x ')) {
      // debug hook crash-page: kill this renderer while the case is in flight
      void this.cdp.send('Page.crash').catch(() => undefined);
      return;
    }
    const at = parseProgress(payload);
    if (!at) return;
    this.progress = at;
    if (at.phase === 'c') this.onCaseStart?.();
  }

  /**
   * After a timeout: stops the hung script (Runtime.terminateExecution interrupts running
   * JS) and reads where the page's main thread was; null if the page does not answer.
   */
  private async probeHung(): Promise<PageProgress | null> {
    const within = <T>(p: Promise<T>, ms: number) => Promise.race([p.catch(() => null), new Promise<null>((r) => setTimeout(() => r(null), ms))]);
    await within(this.cdp.send('Runtime.terminateExecution'), 1000);
    const reply = await within(this.cdp.send('Runtime.evaluate', { expression: `String(globalThis.${PROGRESS_GLOBAL} ?? '')`, returnByValue: true }), 1000);
    const at = typeof reply?.result.value === 'string' ? parseProgress(reply.result.value) : null;
    return at && at.seq === this.progress?.seq ? at : null;
  }

  /** Sends the font and any image this page has not seen; returns the cases' [name, key] lists. */
  async upload(assets: HostAssets): Promise<Array<[string, number]>> {
    if (this.fontSent !== assets.font) {
      const { coverage, ...rest } = assets.font;
      await this.page.evaluate((json) => (window as unknown as PageApi).parity.putFont(json), JSON.stringify({ ...rest, coverage: Buffer.from(coverage).toString('base64') }));
      this.fontSent = assets.font;
    }
    const list: Array<[string, number]> = [];
    for (const [name, image] of assets.images) {
      const key = imageKey(image);
      if (!this.uploaded.has(key)) {
        await this.page.evaluate((k, w, h, data) => (window as unknown as PageApi).parity.putImage(k, w, h, data), key, image.width, image.height, Buffer.from(image.data).toString('base64'));
        this.uploaded.add(key);
      }
      list.push([name, key]);
    }
    return list;
  }

  /** Runs the request's cases in one round trip, under the watchdog. */
  runCases(request: RunRequest): Promise<CaseRun[]> {
    return this.watch(request.timeoutMs + WATCHDOG_GRACE_MS, async () =>
      fromJson<CaseRun[]>(await this.page.evaluate((json) => (window as unknown as PageApi).parity.runCases(json), JSON.stringify(request))),
    );
  }

  /** A step-by-step session call (replay): returns the page's tagged-JSON reply. */
  stepCall(timeoutMs: number, call: (page: Page) => Promise<string>): Promise<string> {
    return this.watch(timeoutMs + WATCHDOG_GRACE_MS, () => call(this.page));
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path: path as `${string}.png`, fullPage: true });
  }

  async close(): Promise<void> {
    this.onCrash = null;
    if (this.page.isClosed()) return;
    await Promise.race([this.page.close({ runBeforeUnload: false }).catch(() => undefined), new Promise((r) => setTimeout(r, 3000))]);
  }

  /**
   * Runs `call`, failing it with a PageFailure when the page crashes, or when no case
   * starts or finishes within `caseMs` (the limit restarts at every case start).
   */
  private watch<T>(caseMs: number, call: () => Promise<T>): Promise<T> {
    if (this.crashed) return Promise.reject(new PageFailure('crash', this.crashed, this.progress));
    return new Promise<T>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      let expired = false;
      const done = () => {
        settled = true;
        clearTimeout(timer);
        this.onCaseStart = null;
        this.onCrash = null;
      };
      const fail = (f: PageFailure) => {
        if (settled) return;
        done();
        reject(f);
      };
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
          expired = true;
          const at = (await this.probeHung()) ?? this.progress;
          fail(new PageFailure('timeout', `no answer within ${caseMs} ms`, at));
        }, caseMs);
      };
      this.onCaseStart = arm;
      this.onCrash = (why) => {
        if (!expired) fail(new PageFailure('crash', why, this.progress));
      };
      arm();
      call().then(
        (value) => {
          if (settled || expired) return;
          done();
          resolve(value);
        },
        (error: Error) => {
          if (!expired) fail(new PageFailure('crash', this.crashed ?? `the page call failed: ${error.message.split('\n')[0]}`, this.progress));
        },
      );
    });
  }
}

function parseProgress(text: string): PageProgress | null {
  const [phase, seqText, side, stepText] = text.split(' ');
  const seq = Number(seqText);
  if (!Number.isInteger(seq)) return null;
  if (phase === 'c') return { seq, phase, step: -1 };
  if ((phase === 'm' || phase === 'w') && (side === 'reference' || side === 'candidate')) return { seq, phase, side, step: Number(stepText) };
  return null;
}

/** What ./page/main.ts puts on window (typed loosely: the page is another program). */
export interface PageApi {
  parity: {
    putFont(json: string): void;
    putImage(key: number, width: number, height: number, data: string): void;
    runCases(json: string): Promise<string>;
    open(json: string): Promise<string>;
    apply(side: Side, steps: string, timeoutMs: number): Promise<string>;
    snapshot(side: Side, timeoutMs: number, present: boolean): Promise<string>;
    dispose(side: Side): Promise<string>;
    showCase(title: string): void;
  };
}
