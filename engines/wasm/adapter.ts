/**
 * The Wasm engine as a Renderer (engines/shared/renderer.ts): the in-process, synchronous
 * adapter the harness wraps. Commands are encoded with engines/shared/binary.ts into the
 * instance's linear memory; snapshots are read back with the frame as a zero-copy view.
 *
 * The compiled WebAssembly.Module is loaded once per process and cached; instances are
 * pooled: `dispose()` returns a healthy instance to the pool and the next renderer
 * `reset`s it instead of instantiating (thousands of cases per second).
 *
 * A trap inside the engine throws EngineCrash (name 'EngineCrash', `lastStep`, `phase`)
 * and discards the instance; the renderer's next call starts again on a fresh instance
 * in the initial state (viewport, quirks and assets of `options`, step counter at 0).
 * A nonzero status (malformed batch, bad viewport) throws WasmAbiError: a host bug.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ByteWriter, encodeBatch } from '../shared/binary.ts';
import type { Observation } from '../shared/observation.ts';
import type { Command } from '../shared/protocol.ts';
import type { Renderer, RendererOptions } from '../shared/renderer.ts';
import { EngineInstance } from './host/EngineInstance.ts';
import { quirkMask } from './host/quirkMask.ts';

export { EngineCrash } from './host/EngineCrash.ts';
export type { CrashPhase } from './host/EngineCrash.ts';
export { WasmAbiError } from './host/EngineInstance.ts';
export { quirkMask } from './host/quirkMask.ts';

/** Where scripts/build-wasm.mjs puts the module. */
export const DEFAULT_WASM_PATH = fileURLToPath(new URL('./pkg/parity_engine.wasm', import.meta.url));

/**
 * Most commands per `apply_batch` call: bounds the input buffer and the decoded batch
 * in linear memory whatever the caller passes (abi.rs "Memory bound").
 */
export const ADAPTER_MAX_BATCH = 1024;
/** Most idle instances kept per module. */
const POOL_LIMIT = 8;
/** Instances whose memory grew past this are dropped rather than pooled (memory never shrinks). */
const POOL_MAX_MEMORY_BYTES = 64 * 1024 * 1024;

const modules = new Map<string, WebAssembly.Module>();
const pools = new WeakMap<WebAssembly.Module, EngineInstance[]>();

/** Compiles engines/wasm/pkg/parity_engine.wasm (or `path`) once per process. */
export function loadWasmModule(path: string = DEFAULT_WASM_PATH): WebAssembly.Module {
  const cached = modules.get(path);
  if (cached) return cached;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch (error) {
    throw new Error(
      `cannot read the wasm engine at ${path} (${(error as Error).message}): build it with node scripts/build-wasm.mjs`,
    );
  }
  const module = new WebAssembly.Module(bytes);
  modules.set(path, module);
  return module;
}

function acquire(module: WebAssembly.Module): EngineInstance {
  return pools.get(module)?.pop() ?? new EngineInstance(module);
}

function release(module: WebAssembly.Module, instance: EngineInstance): void {
  if (instance.dead || instance.memoryBytes > POOL_MAX_MEMORY_BYTES) return;
  let pool = pools.get(module);
  if (!pool) pools.set(module, (pool = []));
  if (pool.length < POOL_LIMIT) pool.push(instance);
}

export interface WasmRendererOptions {
  /** A compiled module other than the default build (e.g. a mutant or a bench build). */
  readonly module?: WebAssembly.Module;
}

export class WasmRenderer implements Renderer {
  private readonly module: WebAssembly.Module;
  private readonly mask: number;
  private readonly writer = new ByteWriter();
  private instance: EngineInstance | null = null;
  private disposed = false;

  constructor(
    private readonly options: RendererOptions,
    wasm: WasmRendererOptions = {},
  ) {
    this.mask = quirkMask(options.quirks);
    this.module = wasm.module ?? loadWasmModule();
    this.live();
  }

  apply(commands: readonly Command[]): void {
    const instance = this.live();
    for (let i = 0; i < commands.length; i += ADAPTER_MAX_BATCH) {
      const chunk = commands.length <= ADAPTER_MAX_BATCH ? commands : commands.slice(i, i + ADAPTER_MAX_BATCH);
      this.call(instance, () => instance.applyBatch(encodeBatch(chunk, this.writer)));
    }
  }

  snapshot(): Observation {
    const instance = this.live();
    return this.call(instance, () => instance.snapshot());
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.instance) release(this.module, this.instance);
    this.instance = null;
  }

  /** The raw exports of the current instance: for tests and diagnostics only. */
  engineExports(): EngineInstance['exports'] {
    return this.live().exports;
  }

  /** The current instance, or a fresh one set up from `options` (first use, after a crash). */
  private live(): EngineInstance {
    if (this.disposed) throw new Error('this wasm renderer was disposed');
    if (this.instance) return this.instance;
    const instance = acquire(this.module);
    const { width, height, assets } = this.options;
    try {
      instance.setup(width, height, this.mask, assets);
    } catch (error) {
      release(this.module, instance);
      throw error;
    }
    this.instance = instance;
    return instance;
  }

  /** Runs a call; if the engine trapped, forgets the instance before rethrowing. */
  private call<T>(instance: EngineInstance, run: () => T): T {
    try {
      return run();
    } finally {
      if (instance.dead) this.instance = null;
    }
  }
}

/** A Renderer backed by the Wasm engine (synchronous; see the module comment). */
export function createWasmRenderer(options: RendererOptions, wasm: WasmRendererOptions = {}): Renderer {
  return new WasmRenderer(options, wasm);
}
