/**
 * One Wasm instance of the engine and the host side of its memory hand-off:
 * a reusable input buffer, asset upload, status checks. Typed-array views are made
 * fresh after every call that may grow memory (growth detaches the old ArrayBuffer).
 *
 * Export calls that can trap go through `guard`, which marks the instance dead and
 * throws EngineCrash; status errors (host bugs) throw WasmAbiError and leave it alive.
 */
import type { FontAtlas, HostAssets, ImageAsset } from '../../shared/assets.ts';
import type { Observation } from '../../shared/observation.ts';
import { EngineCrash } from './EngineCrash.ts';
import type { CrashPhase } from './EngineCrash.ts';
import { instantiateEngine, lastError, STATUS, writeUtf16 } from './exports.ts';
import type { EngineExports } from './exports.ts';
import { readSnapshot } from './readSnapshot.ts';

/** A nonzero status: the host sent something the ABI refuses (a host bug). */
export class WasmAbiError extends Error {
  override readonly name = 'WasmAbiError';
  constructor(
    readonly call: string,
    readonly status: number,
    detail: string,
  ) {
    super(`wasm ${call} failed (status ${status}): ${detail}`);
  }
}

/** Smallest input buffer; it grows by doubling and is kept for the next batch. */
const MIN_INPUT_BYTES = 64 * 1024;

export class EngineInstance {
  readonly exports: EngineExports;
  /** Set after a trap: the state is unspecified, never reuse. */
  dead = false;
  /** Whether `create` has run (later setups use the cheaper `reset`). */
  private created = false;
  private inputPtr = 0;
  private inputCapacity = 0;
  /** The assets the engine currently holds, by identity, to skip re-sending them. */
  private font: FontAtlas | null = null;
  private images: readonly [string, ImageAsset][] = [];

  constructor(module: WebAssembly.Module) {
    this.exports = instantiateEngine(module);
  }

  /** Linear memory size in bytes (only grows). */
  get memoryBytes(): number {
    return this.exports.memory.buffer.byteLength;
  }

  /** Starts a case: create or reset the engine, then send the assets it lacks. */
  setup(width: number, height: number, quirkMask: number, assets: HostAssets): void {
    const call = this.created ? 'reset' : 'create';
    const status = this.guard('setup', -1, () =>
      this.created ? this.exports.reset(width, height, quirkMask) : this.exports.create(width, height, quirkMask),
    );
    this.check(call, status);
    this.created = true;
    if (assets.font !== this.font) this.sendFont(assets.font);
    const images = [...assets.images];
    const sameImages = images.length === this.images.length && images.every(([name, image], i) => this.images[i][0] === name && this.images[i][1] === image);
    if (!sameImages) this.sendImages(images);
  }

  /** Sends one encoded batch (engines/shared/binary.ts format). */
  applyBatch(bytes: Uint8Array): void {
    const ptr = this.input(bytes.length);
    new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
    const status = this.guard('apply', null, () => this.exports.apply_batch(ptr, bytes.length));
    this.check('apply_batch', status);
  }

  /** Renders; the frame in the result is a view into memory, valid until the next call. */
  snapshot(): Observation {
    const header = this.guard('snapshot', null, () => this.exports.snapshot()) >>> 0;
    if (header === 0) throw new WasmAbiError('snapshot', STATUS.noEngine, 'snapshot before create');
    return readSnapshot(this.exports.memory, header);
  }

  /**
   * Runs an export that may trap. On a trap: mark dead, throw EngineCrash. `lastStep`
   * null means "ask the engine": apply reports the step that trapped (the counter has
   * not moved past it), snapshot the last step applied.
   */
  guard<T>(phase: CrashPhase, lastStep: number | null, call: () => T): T {
    if (this.dead) throw new Error('wasm engine instance is dead (it trapped earlier)');
    try {
      return call();
    } catch (cause) {
      this.dead = true;
      throw new EngineCrash(phase, lastStep ?? this.stepAfterTrap(phase), cause);
    }
  }

  private stepAfterTrap(phase: CrashPhase): number {
    try {
      const steps = this.exports.steps() >>> 0;
      return phase === 'apply' ? steps : steps - 1;
    } catch {
      return -1;
    }
  }

  private check(call: string, status: number): void {
    if (status !== STATUS.ok) throw new WasmAbiError(call, status, lastError(this.exports));
  }

  /** The input buffer, grown to at least `len` bytes. */
  private input(len: number): number {
    if (len > this.inputCapacity) {
      if (this.inputCapacity > 0) this.exports.dealloc(this.inputPtr, this.inputCapacity);
      const capacity = Math.max(len, this.inputCapacity * 2, MIN_INPUT_BYTES);
      this.inputPtr = this.guard('apply', null, () => this.exports.alloc(capacity)) >>> 0;
      this.inputCapacity = capacity;
    }
    return this.inputPtr;
  }

  /** A buffer holding `bytes`, owned by the engine once passed to set_font/add_image. */
  private handOver(bytes: Uint8Array): number {
    const ptr = this.guard('setup', -1, () => this.exports.alloc(bytes.length)) >>> 0;
    new Uint8Array(this.exports.memory.buffer, ptr, bytes.length).set(bytes);
    return ptr;
  }

  private sendFont(font: FontAtlas): void {
    const ptr = this.handOver(font.coverage);
    const status = this.guard('setup', -1, () =>
      this.exports.set_font(font.cellWidth, font.cellHeight, font.firstCode, font.glyphCount, font.fallbackIndex, ptr, font.coverage.length),
    );
    this.check('set_font', status);
    this.font = font;
  }

  private sendImages(images: [string, ImageAsset][]): void {
    this.exports.clear_images();
    this.images = [];
    for (const [name, image] of images) {
      const namePtr = this.guard('setup', -1, () => this.exports.alloc(name.length * 2)) >>> 0;
      writeUtf16(this.exports.memory, namePtr, name);
      const dataPtr = this.handOver(image.data);
      const status = this.guard('setup', -1, () =>
        this.exports.add_image(namePtr, name.length, image.width, image.height, dataPtr, image.data.length),
      );
      this.check(`add_image(${JSON.stringify(name)})`, status);
    }
    this.images = images;
  }
}
