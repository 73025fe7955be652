/**
 * The exports of parity_engine.wasm, typed (the Rust side is engines/wasm/src/abi.rs).
 * Pointers and lengths are u32 in linear memory; i32 results are read with `>>> 0`.
 */

/** Must equal ABI_VERSION in abi.rs; a mismatch means a stale build. */
export const WASM_ABI_VERSION = 1;

/** Statuses of the exports that return one (STATUS_* in abi.rs). */
export const STATUS = {
  ok: 0,
  noEngine: 1,
  malformedBatch: 2,
  badArgument: 3,
} as const;

/** Bytes of the SnapshotHeader struct: 7 little-endian u32/i32 fields. */
export const SNAPSHOT_HEADER_BYTES = 28;

export interface EngineExports {
  readonly memory: WebAssembly.Memory;
  abi_version(): number;
  alloc(len: number): number;
  dealloc(ptr: number, len: number): void;
  create(width: number, height: number, quirkMask: number): number;
  reset(width: number, height: number, quirkMask: number): number;
  set_font(cellWidth: number, cellHeight: number, firstCode: number, glyphCount: number, fallbackIndex: number, coveragePtr: number, coverageLen: number): number;
  add_image(namePtr: number, nameUnits: number, width: number, height: number, dataPtr: number, dataLen: number): number;
  clear_images(): void;
  apply_batch(ptr: number, len: number): number;
  snapshot(): number;
  steps(): number;
  last_error_ptr(): number;
  last_error_len(): number;
  // Test-only exports (test/engines/wasm).
  debug_trap(): void;
  debug_trap_at_step(step: number): void;
  debug_to_int32(x: number): number;
  debug_js_round(x: number): number;
  debug_parse_float(ptr: number, units: number): number;
  debug_parse_int(ptr: number, units: number, radix: number): number;
  debug_number_to_string(n: number): number;
  debug_table_name(table: number, index: number): number;
  debug_scratch_ptr(): number;
}

/** Instantiates the module (no imports) and checks it speaks this ABI. */
export function instantiateEngine(module: WebAssembly.Module): EngineExports {
  const instance = new WebAssembly.Instance(module, {});
  const exports = instance.exports as unknown as EngineExports;
  if (typeof exports.abi_version !== 'function' || exports.abi_version() !== WASM_ABI_VERSION) {
    const got = typeof exports.abi_version === 'function' ? exports.abi_version() : 'none';
    throw new Error(
      `parity_engine.wasm speaks ABI ${got}, expected ${WASM_ABI_VERSION}: stale build, run node scripts/build-wasm.mjs`,
    );
  }
  return exports;
}

/** Reads `units` UTF-16LE code units at `ptr` (lone surrogates survive). */
export function readUtf16(memory: WebAssembly.Memory, ptr: number, units: number): string {
  const view = new DataView(memory.buffer, ptr, units * 2);
  const codes = new Array<number>(units);
  for (let i = 0; i < units; i++) codes[i] = view.getUint16(i * 2, true);
  let s = '';
  for (let i = 0; i < units; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
  return s;
}

/** Writes `s` as UTF-16LE at `ptr` (the caller allocated s.length * 2 bytes). */
export function writeUtf16(memory: WebAssembly.Memory, ptr: number, s: string): void {
  const view = new DataView(memory.buffer, ptr, s.length * 2);
  for (let i = 0; i < s.length; i++) view.setUint16(i * 2, s.charCodeAt(i), true);
}

/** The message of the last nonzero status (UTF-8). */
export function lastError(exports: EngineExports): string {
  const ptr = exports.last_error_ptr() >>> 0;
  const len = exports.last_error_len() >>> 0;
  return new TextDecoder().decode(new Uint8Array(exports.memory.buffer, ptr, len));
}
