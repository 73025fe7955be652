/**
 * Turns what `snapshot()` returns (a SnapshotHeader pointer, abi.rs; the output format,
 * output.rs) into an Observation. The frame is a zero-copy view into linear memory:
 * valid until the next call into the instance.
 */
import { EVENT_CODES, EVENT_KINDS } from '../../shared/observation.ts';
import type { EngineEvent, LayoutEntry, Observation } from '../../shared/observation.ts';
import { SNAPSHOT_HEADER_BYTES } from './exports.ts';

/** `lineCount` of a layout entry that has no `lines` (not a text node). */
const NO_LINES = 0xffffffff;

/** A bounds-checked little-endian reader over the output buffer. */
class OutputReader {
  private readonly view: DataView;
  offset = 0;

  constructor(buffer: ArrayBufferLike, ptr: number, len: number) {
    this.view = new DataView(buffer, ptr, len);
  }

  u8(): number {
    return this.view.getUint8(this.offset++);
  }

  u32(): number {
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }

  i32(): number {
    const v = this.view.getInt32(this.offset, true);
    this.offset += 4;
    return v;
  }

  f64(): number {
    const v = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return v;
  }

  string(): string {
    const units = this.u32();
    let s = '';
    const chunk: number[] = [];
    for (let i = 0; i < units; i++) {
      chunk.push(this.view.getUint16(this.offset + i * 2, true));
      if (chunk.length === 8192) s += String.fromCharCode(...chunk.splice(0));
    }
    this.offset += units * 2;
    return s + String.fromCharCode(...chunk);
  }

  get done(): boolean {
    return this.offset === this.view.byteLength;
  }
}

function readLayoutEntry(r: OutputReader): LayoutEntry {
  const id = r.u32();
  const depth = r.u32();
  const x = r.f64();
  const y = r.f64();
  const width = r.f64();
  const height = r.f64();
  const lineCount = r.u32();
  if (lineCount === NO_LINES) return { id, depth, x, y, width, height };
  const lines: string[] = [];
  for (let i = 0; i < lineCount; i++) lines.push(r.string());
  return { id, depth, x, y, width, height, lines };
}

function readEvent(r: OutputReader): EngineEvent {
  const step = r.u32();
  const kindIndex = r.u8();
  const codeIndex = r.u8();
  const kind = EVENT_KINDS[kindIndex];
  const code = EVENT_CODES[codeIndex];
  if (kind === undefined || code === undefined) {
    throw new Error(`wasm output: expected an event kind < ${EVENT_KINDS.length} and code < ${EVENT_CODES.length}, got ${kindIndex}, ${codeIndex}`);
  }
  return { step, kind, code, id: r.i32(), detail: r.string() };
}

/** Reads the observation at `headerPtr`. */
export function readSnapshot(memory: WebAssembly.Memory, headerPtr: number): Observation {
  const buffer = memory.buffer;
  const header = new DataView(buffer, headerPtr, SNAPSHOT_HEADER_BYTES);
  const framePtr = header.getUint32(0, true);
  const width = header.getUint32(4, true);
  const height = header.getUint32(8, true);
  const outputPtr = header.getUint32(12, true);
  const outputLen = header.getUint32(16, true);
  const step = header.getInt32(20, true);

  const r = new OutputReader(buffer, outputPtr, outputLen);
  const checkpoint = r.string();
  const layout: LayoutEntry[] = [];
  for (let n = r.u32(); n > 0; n--) layout.push(readLayoutEntry(r));
  const events: EngineEvent[] = [];
  for (let n = r.u32(); n > 0; n--) events.push(readEvent(r));
  if (!r.done) throw new Error(`wasm output: ${outputLen - r.offset} trailing byte(s) after the events`);

  const data = new Uint8Array(buffer, framePtr, width * height * 4);
  return { checkpoint, step, frame: { width, height, data }, layout, events };
}
