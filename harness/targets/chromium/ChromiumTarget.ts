/**
 * The chromium target: one browser per process, launched once and re-used, with one or
 * more pages (each: the legacy engine on its main thread, the Wasm engine in its Web
 * Worker). `runBatch` sends many cases per page round trip and turns each page run into
 * the CaseResult the node target would record (./caseOutcome.ts).
 *
 * Failures never stop a run:
 *   - the Wasm worker hangs or dies: the page itself terminates it, records a timeout or
 *     crash for that case (candidate side, at the batch it had not answered) and starts
 *     a fresh worker for the next case;
 *   - the page's main thread hangs (no case starts within the time limit) or its
 *     renderer crashes: the case it last reported (through the progress binding) is
 *     recorded as a timeout or crash naming the engine and step the main thread was in,
 *     the page is closed and replaced, and the other cases of the round trip run again
 *     on the fresh page;
 *   - the browser itself dies: it is relaunched.
 * Each such event is kept in `incidents` and announced through `onIncident`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HostAssets } from '../../../engines/shared/assets.ts';
import { ByteWriter, encodeBatch } from '../../../engines/shared/binary.ts';
import type { Observation } from '../../../engines/shared/observation.ts';
import type { QuirkFlags } from '../../../engines/shared/quirks.ts';
import { DEFAULT_WASM_PATH } from '../../../engines/wasm/adapter.ts';
import { loadHostAssets } from '../../assets/hostAssets.ts';
import type { CompareOptions, Divergence } from '../../compare/types.ts';
import { loadAdapter } from '../../engines/registry.ts';
import type { EngineAdapter } from '../../engines/types.ts';
import { storeWithArtifacts } from '../../results/artifacts.ts';
import { writeEvidence } from '../../results/evidence.ts';
import { safeName } from '../../results/safeName.ts';
import type { CaseResult } from '../../results/types.ts';
import { identify } from '../../run/identify.ts';
import { inputErrorResult } from '../../run/inputErrorResult.ts';
import { storable } from '../../run/runCase.ts';
import type { CaseEngines, CaseOutcome } from '../../run/runCase.ts';
import { checkpointBatches } from '../../run/observeStream.ts';
import { DEFAULT_TIMEOUT_MS } from '../../run/pool.ts';
import type { CaseTask } from '../../run/tasks.ts';
import { pageBundle } from './bundle.ts';
import { caseOutcome, pageFailureResult, planCase } from './caseOutcome.ts';
import type { FullPairs } from './caseOutcome.ts';
import { ChromiumPage, PageFailure } from './ChromiumPage.ts';
import { launchChromium } from './launch.ts';
import type { LaunchedChromium } from './launch.ts';
import { fromWireObservation } from './page/transport.ts';
import { startPageServer } from './server.ts';
import type { PageServer } from './server.ts';
import type { CaseRun, DebugHook, EngineKind, KeepFull, RunRequest, Side, WireCase } from './wire.ts';

export interface ChromiumTargetOptions {
  /** Pages run side by side in the one browser (default 1: a page already keeps two cores busy). */
  readonly pages?: number;
  /** Draw every checkpoint and screenshot each case into `presentDir`. */
  readonly present?: boolean;
  readonly presentDir?: string;
  readonly onIncident?: (incident: Incident) => void;
}

export interface TargetSetup {
  readonly reference: EngineKind;
  readonly candidate: EngineKind;
  readonly referenceQuirks?: QuirkFlags;
  readonly candidateQuirks?: QuirkFlags;
  /** Where artifacts and evidence go (as harness/run/caseWorker.ts); none when absent. */
  readonly runDir?: string;
}

export interface BatchOptions {
  readonly timeoutMs?: number;
  readonly onResult?: (result: CaseResult, index: number) => void;
  readonly shouldStop?: () => boolean;
  /** Cases per page round trip (default 24; 1 with `present`). */
  readonly casesPerTrip?: number;
  /** Test-only fault injection by case id. */
  readonly debug?: ReadonlyMap<string, DebugHook>;
}

/** A page or browser failure the target recovered from. */
export interface Incident {
  readonly kind: 'crash' | 'timeout';
  readonly caseId: string;
  readonly side: Side;
  readonly step: number;
  readonly message: string;
}

/** One task as prepared for a page, or the input error it became. */
type Prepared = { readonly assets: HostAssets; readonly steps: string; readonly offsets: readonly number[] } | { readonly error: CaseResult };

/** A case's raw page run, for checks that read digests themselves (./../crossTarget.ts). */
export type RawRun = { readonly run: CaseRun } | { readonly error: CaseResult };

const DEFAULT_CASES_PER_TRIP = 24;

export class ChromiumTarget {
  readonly incidents: Incident[] = [];
  private chromium: Promise<LaunchedChromium> | null = null;
  private readonly pages: Array<Promise<ChromiumPage> | null>;
  private seq = 0;
  private closed = false;
  /** In-process node engines that localize divergences' causes (identifyOutcome). */
  private readonly nodeAdapters = new Map<EngineKind, Promise<EngineAdapter>>();

  private constructor(
    private readonly server: PageServer,
    readonly bundleHash: string,
    readonly options: ChromiumTargetOptions,
  ) {
    this.pages = new Array(Math.max(1, options.pages ?? 1)).fill(null);
  }

  /** Bundles the page, starts the loopback server and the browser with its first page. */
  static async launch(options: ChromiumTargetOptions = {}): Promise<ChromiumTarget> {
    const bundle = await pageBundle();
    const server = await startPageServer(bundle, new Uint8Array(readFileSync(DEFAULT_WASM_PATH)));
    const target = new ChromiumTarget(server, bundle.hash, options);
    try {
      await target.page(0);
    } catch (error) {
      await target.close();
      throw error;
    }
    return target;
  }

  get pageCount(): number {
    return this.pages.length;
  }

  private browser(): Promise<LaunchedChromium> {
    this.chromium ??= launchChromium();
    return this.chromium;
  }

  /** The live page of a slot, opening (or re-opening, after a failure) it as needed. */
  async page(slot: number): Promise<ChromiumPage> {
    const current = this.pages[slot];
    if (current) {
      const page = await current.catch(() => null);
      if (page?.alive) return page;
      this.pages[slot] = null;
      await page?.close();
    }
    const opening = (async () => {
      let chromium = await this.browser();
      if (!chromium.browser.connected) {
        this.chromium = null;
        await chromium.close().catch(() => undefined);
        chromium = await this.browser();
      }
      return ChromiumPage.open(chromium.browser, this.server.origin);
    })();
    this.pages[slot] = opening;
    return opening;
  }

  /** Closes a slot's page (after a failure); the next call opens a fresh one. */
  private async replace(slot: number): Promise<void> {
    const current = this.pages[slot];
    this.pages[slot] = null;
    const page = await current?.catch(() => null);
    await page?.close();
  }

  private prepare(task: CaseTask): Prepared {
    let assets: HostAssets;
    try {
      assets = loadHostAssets(new Map(task.assets));
    } catch (error) {
      return { error: inputErrorResult(task.input, { message: (error as Error).message }) };
    }
    try {
      return { assets, ...encodeBatches(task.input.steps) };
    } catch (error) {
      return { error: inputErrorResult(task.input, { message: `the stream cannot be sent to the page: ${(error as Error).message}` }) };
    }
  }

  private request(setup: TargetSetup, timeoutMs: number, cases: WireCase[], keep?: KeepFull): RunRequest {
    return {
      engines: { reference: setup.reference, candidate: setup.candidate },
      quirks: { ...(setup.referenceQuirks ? { reference: setup.referenceQuirks } : {}), ...(setup.candidateQuirks ? { candidate: setup.candidateQuirks } : {}) },
      timeoutMs,
      present: this.options.present ?? false,
      cases,
      ...(keep ? { keep } : {}),
    };
  }

  /**
   * Runs cases through the page(s) and yields each case's raw run as it comes back;
   * `consume` may ask the same page for more (full observations). Page failures are
   * recorded against the case in flight and the rest of its round trip runs again.
   */
  private async drive(
    tasks: readonly CaseTask[],
    setup: TargetSetup,
    options: BatchOptions,
    consume: (index: number, page: ChromiumPage, raw: RawRun, prepared: Prepared) => Promise<void>,
  ): Promise<void> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, shouldStop, debug } = options;
    const perTrip = this.options.present ? 1 : Math.max(1, options.casesPerTrip ?? DEFAULT_CASES_PER_TRIP);
    const queue = tasks.map((_, i) => i);
    const prepared = new Map<number, Prepared>();
    const prep = (i: number) => {
      let p = prepared.get(i);
      if (!p) prepared.set(i, (p = this.prepare(tasks[i])));
      return p;
    };

    const slot = async (n: number): Promise<void> => {
      while (queue.length > 0 && !shouldStop?.() && !this.closed) {
        const chunk = queue.splice(0, perTrip);
        const page = await this.page(n);
        const wire: Array<{ index: number; c: WireCase }> = [];
        for (const index of chunk) {
          const p = prep(index);
          if ('error' in p) {
            await consume(index, page, { error: p.error }, p);
            continue;
          }
          const images = await page.upload(p.assets);
          const hook = debug?.get(tasks[index].input.id);
          const { width, height } = tasks[index].input.viewport;
          wire.push({ index, c: { seq: ++this.seq, width, height, steps: p.steps, offsets: p.offsets, images, ...(hook ? { debug: hook } : {}) } });
        }
        if (wire.length === 0) continue;
        let runs: CaseRun[];
        try {
          runs = await page.runCases(this.request(setup, timeoutMs, wire.map((w) => w.c)));
        } catch (error) {
          if (!(error instanceof PageFailure)) throw error;
          const failed = wire.find((w) => w.c.seq === error.at?.seq) ?? wire[0];
          await consume(failed.index, page, { error: this.recordFailure(tasks[failed.index], error, setup, timeoutMs) }, prep(failed.index));
          queue.unshift(...wire.filter((w) => w !== failed).map((w) => w.index));
          await this.replace(n);
          continue;
        }
        for (let i = 0; i < runs.length; i++) {
          try {
            await consume(wire[i].index, page, { run: runs[i] }, prep(wire[i].index));
          } catch (error) {
            if (!(error instanceof PageFailure)) throw error;
            await consume(wire[i].index, page, { error: this.recordFailure(tasks[wire[i].index], error, setup, timeoutMs) }, prep(wire[i].index));
            queue.unshift(...wire.slice(i + 1).map((w) => w.index));
            await this.replace(n);
            break;
          }
        }
      }
    };
    await Promise.all(this.pages.map((_, n) => slot(n)));
  }

  private recordFailure(task: CaseTask, f: PageFailure, setup: TargetSetup, timeoutMs: number): CaseResult {
    const at = f.at?.seq !== undefined ? f.at : null;
    const side: Side = at?.side ?? 'reference';
    const step = at?.step ?? -1;
    const where = !at?.side
      ? 'between engine calls'
      : at.phase === 'w'
        ? `while its main thread waited for ${setup[side]} (${side}, Web Worker)`
        : `while its main thread ran ${setup[side]} (${side})`;
    const message = `chromium page ${f.kind === 'timeout' ? 'hung' : 'crashed'} ${where}${step >= 0 ? ` at step ${step}` : ''}: ${f.message}`;
    const incident: Incident = { kind: f.kind, caseId: task.input.id, side, step, message };
    this.incidents.push(incident);
    this.options.onIncident?.(incident);
    return pageFailureResult(task.input, f.kind, side, step, message, timeoutMs);
  }

  /** Runs the differential cases; results as harness/run/pool.ts returns them (task order, onResult as they finish). */
  async runBatch(tasks: readonly CaseTask[], setup: TargetSetup, options: BatchOptions = {}): Promise<CaseResult[]> {
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const results: CaseResult[] = new Array(tasks.length);
    await this.drive(tasks, setup, options, async (index, page, raw, prepared) => {
      const task = tasks[index];
      let result: CaseResult;
      if ('error' in raw) result = 'assets' in prepared ? await this.identifyResult(raw.error, task, prepared.assets, setup) : raw.error;
      else {
        const plan = planCase(task.input, raw.run);
        const full = plan.mismatched.length > 0 && 'steps' in prepared
          ? await this.fullPairs(page, task, prepared, setup, timeoutMs, { reference: plan.mismatched, candidate: plan.mismatched })
          : new Map();
        const compared = caseOutcome(task.input, raw.run, plan, full, { compare: task.compare, withDiffImages: setup.runDir !== undefined, timeoutMs });
        const outcome = 'assets' in prepared ? await this.identifyOutcome(compared, task, prepared.assets, setup) : compared;
        result = withArtifacts(setup.runDir, task.input.id, outcome);
        if (this.options.present && this.options.presentDir) {
          mkdirSync(this.options.presentDir, { recursive: true });
          await page.screenshot(join(this.options.presentDir, `${safeName(task.input.id)}.png`));
        }
      }
      results[index] = result;
      options.onResult?.(result, index);
    });
    return results.filter((r) => r !== undefined);
  }

  /**
   * Identity on node: the walk that localizes a divergence's cause takes a snapshot after
   * every command, which in the page would move a full frame per step; node runs the same
   * engine code (the cross-target check holds both targets to the same observations). A
   * divergence node does not show is left unlocalized (cause `?`).
   */
  private async identifyOutcome(outcome: CaseOutcome, task: CaseTask, assets: HostAssets, setup: TargetSetup): Promise<CaseOutcome> {
    if (outcome.divergences.length === 0) return outcome;
    const divergences = await identify(outcome.divergences, { steps: task.input.steps, viewport: task.input.viewport, assets }, await this.nodeEngines(setup), task.compare);
    return { ...outcome, divergences, result: { ...outcome.result, divergences: divergences.map(storable) } };
  }

  /** A page failure's result (crash or timeout), its divergence identified as on node. */
  private async identifyResult(result: CaseResult, task: CaseTask, assets: HostAssets, setup: TargetSetup): Promise<CaseResult> {
    if (result.divergences.length === 0) return result;
    const divergences = await identify(result.divergences as Divergence[], { steps: task.input.steps, viewport: task.input.viewport, assets }, await this.nodeEngines(setup), task.compare);
    return { ...result, divergences: divergences.map(storable) };
  }

  private async nodeEngines(setup: TargetSetup): Promise<CaseEngines> {
    const of = (kind: EngineKind) => {
      let a = this.nodeAdapters.get(kind);
      if (!a) this.nodeAdapters.set(kind, (a = loadAdapter({ builtin: kind })));
      return a;
    };
    return { reference: await of(setup.reference), candidate: await of(setup.candidate), referenceQuirks: setup.referenceQuirks, candidateQuirks: setup.candidateQuirks };
  }

  /** Raw page runs (digests per engine), for the cross-target check. */
  async runRaw(tasks: readonly CaseTask[], setup: TargetSetup, options: BatchOptions = {}): Promise<RawRun[]> {
    const out: RawRun[] = new Array(tasks.length);
    await this.drive(tasks, setup, options, async (index, _page, raw) => {
      out[index] = raw;
    });
    return out;
  }

  /** Runs one case again on a page, keeping the given checkpoints in full. */
  async fullPairs(page: ChromiumPage, task: CaseTask, prepared: { assets: HostAssets; steps: string; offsets: readonly number[] }, setup: TargetSetup, timeoutMs: number, keep: KeepFull): Promise<FullPairs> {
    const images = await page.upload(prepared.assets);
    const { width, height } = task.input.viewport;
    const [run] = await page.runCases(this.request(setup, timeoutMs, [{ seq: ++this.seq, width, height, steps: prepared.steps, offsets: prepared.offsets, images }], keep));
    const pairs = new Map<number, { reference?: Observation; candidate?: Observation }>();
    for (const side of ['reference', 'candidate'] as const) {
      for (const [cp, w] of Object.entries(run[side].full ?? {})) {
        const pair = pairs.get(Number(cp)) ?? {};
        pair[side] = fromWireObservation(w, (b64) => new Uint8Array(Buffer.from(b64, 'base64')));
        pairs.set(Number(cp), pair);
      }
    }
    return pairs;
  }

  /** Full observations of one case on one page slot (cross-target evidence). */
  async observe(task: CaseTask, setup: TargetSetup, keep: KeepFull, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<FullPairs> {
    const prepared = this.prepare(task);
    if ('error' in prepared) return new Map();
    return this.fullPairs(await this.page(0), task, prepared, setup, timeoutMs, keep);
  }

  async close(): Promise<void> {
    this.closed = true;
    const pages = await Promise.all(this.pages.map((p) => p?.catch(() => null)));
    await Promise.all(pages.map((p) => p?.close()));
    const chromium = await this.chromium?.catch(() => null);
    this.chromium = null;
    await chromium?.close();
    await this.server.close();
  }
}

/** The stream as the page takes it: each checkpoint batch encoded on its own, concatenated. */
function encodeBatches(steps: CaseTask['input']['steps']): { steps: string; offsets: number[] } {
  const writer = new ByteWriter();
  const parts = checkpointBatches(steps).map(([start, end]) => Buffer.from(encodeBatch(steps.slice(start, end), writer)));
  const offsets = [0];
  for (const part of parts) offsets.push(offsets[offsets.length - 1] + part.length);
  return { steps: Buffer.concat(parts).toString('base64'), offsets };
}

function withArtifacts(runDir: string | undefined, id: string, outcome: ReturnType<typeof caseOutcome>): CaseResult {
  if (!runDir || outcome.result.status !== 'divergence') return outcome.result;
  return {
    ...outcome.result,
    divergences: storeWithArtifacts(runDir, id, outcome.divergences),
    ...(outcome.evidence ? { evidence: writeEvidence(runDir, id, outcome.evidence, outcome.divergences) } : {}),
  };
}
