/**
 * The compact binary encoding of a command batch: the JS->Wasm message channel.
 *
 * Little-endian throughout; no alignment.
 *   batch   = u32 count, command*count
 *   command = u8 opcode (index in OPS), then per op:
 *     create  u32 id, u8 type (index in NODE_TYPES)
 *     set     u32 id, prop, value
 *     append  u32 parent, u32 child
 *     insert  u32 parent, u32 child, u32 before
 *     remove  u32 parent, u32 child
 *     destroy u32 id
 *     focus   u32 id
 *     key     u8 key (index in KEYS)
 *     animate u32 id, prop, f64 to, f64 ms, u8 easing (index in EASINGS)
 *     tick    f64 ms
 *     resize  u32 width, u32 height
 *     frame   u8 hasName (0|1), string if 1
 *   prop    = u8 index in PROPERTIES, or 0xFF followed by string (unknown names travel too)
 *   value   = u8 tag: 0 null | 1 false | 2 true | 3 number (f64) | 4 string
 *   string  = u32 length in UTF-16 code units, then u16 units (lone surrogates survive)
 *
 * Strings are UTF-16 so that text reaches the Wasm engine exactly as JS sees it,
 * lone surrogates included (quirks ellipsis-splits-surrogate, glyph-per-code-unit).
 */
import { EASINGS, KEYS, NODE_TYPES, OPS } from './protocol.ts';
import type { Command, Value } from './protocol.ts';
import { PROPERTIES, PROPERTY_INDEX } from './properties.ts';

export const PROP_CUSTOM = 0xff;
export const VALUE_NULL = 0;
export const VALUE_FALSE = 1;
export const VALUE_TRUE = 2;
export const VALUE_NUMBER = 3;
export const VALUE_STRING = 4;

const OP_CODE: ReadonlyMap<string, number> = new Map(OPS.map((op, i) => [op, i]));

/** A growable little-endian byte writer; reuse one across batches to avoid allocation. */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 4096) {
    this.buf = new Uint8Array(initialCapacity);
    this.view = new DataView(this.buf.buffer);
  }

  reset(): void {
    this.length = 0;
  }

  bytes(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.length + n) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }

  u8(v: number): void {
    this.reserve(1);
    this.buf[this.length++] = v;
  }

  u32(v: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, v >>> 0, true);
    this.length += 4;
  }

  f64(v: number): void {
    this.reserve(8);
    this.view.setFloat64(this.length, v, true);
    this.length += 8;
  }

  string(s: string): void {
    this.u32(s.length);
    this.reserve(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      this.view.setUint16(this.length, s.charCodeAt(i), true);
      this.length += 2;
    }
  }
}

function writeProp(w: ByteWriter, prop: string): void {
  const index = PROPERTY_INDEX.get(prop);
  if (index === undefined) {
    w.u8(PROP_CUSTOM);
    w.string(prop);
  } else {
    w.u8(index);
  }
}

function writeValue(w: ByteWriter, value: Value): void {
  if (value === null) w.u8(VALUE_NULL);
  else if (value === false) w.u8(VALUE_FALSE);
  else if (value === true) w.u8(VALUE_TRUE);
  else if (typeof value === 'number') {
    w.u8(VALUE_NUMBER);
    w.f64(value);
  } else {
    w.u8(VALUE_STRING);
    w.string(value);
  }
}

function indexIn(list: readonly string[], value: string, what: string): number {
  const i = list.indexOf(value);
  if (i < 0) throw new TypeError(`cannot encode ${what}: expected one of ${list.join(', ')}, got ${JSON.stringify(value)}`);
  return i;
}

/** An id or size field: a u32 on the wire. Anything else would silently become another command. */
function writeId(w: ByteWriter, v: number, what: string): void {
  if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new TypeError(`cannot encode ${what}: expected an integer 0..4294967295, got ${v}`);
  w.u32(v);
}

/** Appends one command. Commands must have passed validation (ids are u32, enums known). */
export function writeCommand(w: ByteWriter, c: Command): void {
  w.u8(OP_CODE.get(c.op)!);
  switch (c.op) {
    case 'create':
      writeId(w, c.id, 'id');
      w.u8(indexIn(NODE_TYPES, c.type, 'node type'));
      break;
    case 'set':
      writeId(w, c.id, 'id');
      writeProp(w, c.prop);
      writeValue(w, c.value);
      break;
    case 'append':
    case 'remove':
      writeId(w, c.parent, 'parent');
      writeId(w, c.child, 'child');
      break;
    case 'insert':
      writeId(w, c.parent, 'parent');
      writeId(w, c.child, 'child');
      writeId(w, c.before, 'before');
      break;
    case 'destroy':
    case 'focus':
      writeId(w, c.id, 'id');
      break;
    case 'key':
      w.u8(indexIn(KEYS, c.key, 'key'));
      break;
    case 'animate':
      writeId(w, c.id, 'id');
      writeProp(w, c.prop);
      w.f64(c.to);
      w.f64(c.ms);
      w.u8(indexIn(EASINGS, c.easing, 'easing'));
      break;
    case 'tick':
      w.f64(c.ms);
      break;
    case 'resize':
      writeId(w, c.width, 'width');
      writeId(w, c.height, 'height');
      break;
    case 'frame':
      if (c.name === undefined) w.u8(0);
      else {
        w.u8(1);
        w.string(c.name);
      }
      break;
  }
}

/** Encodes a batch into `w` (reset first) and returns the bytes (a view into w). */
export function encodeBatch(commands: readonly Command[], w: ByteWriter = new ByteWriter()): Uint8Array {
  w.reset();
  w.u32(commands.length);
  for (const c of commands) writeCommand(w, c);
  return w.bytes();
}

export class DecodeError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'DecodeError';
  }
}

class ByteReader {
  private readonly view: DataView;
  offset = 0;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private need(n: number): void {
    if (this.offset + n > this.bytes.length) throw new DecodeError(`truncated batch: expected ${n} more byte(s)`, this.offset);
  }
  u8(): number {
    this.need(1);
    return this.bytes[this.offset++];
  }
  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset, true);
    this.offset += 4;
    return v;
  }
  f64(): number {
    this.need(8);
    const v = this.view.getFloat64(this.offset, true);
    this.offset += 8;
    return v;
  }
  string(): string {
    const n = this.u32();
    this.need(n * 2);
    const units = new Array<number>(n);
    for (let i = 0; i < n; i++) units[i] = this.view.getUint16(this.offset + i * 2, true);
    this.offset += n * 2;
    let s = '';
    for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...units.slice(i, i + 8192));
    return s;
  }
  enumAt<T>(list: readonly T[], what: string): T {
    const at = this.offset;
    const i = this.u8();
    if (i >= list.length) throw new DecodeError(`bad ${what} ${i}`, at);
    return list[i];
  }
  prop(): string {
    const at = this.offset;
    const i = this.u8();
    if (i === PROP_CUSTOM) return this.string();
    if (i >= PROPERTIES.length) throw new DecodeError(`bad property index ${i}`, at);
    return PROPERTIES[i].name;
  }
  value(): Value {
    const at = this.offset;
    const tag = this.u8();
    switch (tag) {
      case VALUE_NULL: return null;
      case VALUE_FALSE: return false;
      case VALUE_TRUE: return true;
      case VALUE_NUMBER: return this.f64();
      case VALUE_STRING: return this.string();
      default: throw new DecodeError(`bad value tag ${tag}`, at);
    }
  }
  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

export function decodeBatch(bytes: Uint8Array): Command[] {
  const r = new ByteReader(bytes);
  const count = r.u32();
  const out: Command[] = [];
  for (let k = 0; k < count; k++) {
    const op = r.enumAt(OPS, 'opcode');
    switch (op) {
      case 'create': out.push({ op, id: r.u32(), type: r.enumAt(NODE_TYPES, 'node type') }); break;
      case 'set': out.push({ op, id: r.u32(), prop: r.prop(), value: r.value() }); break;
      case 'append': out.push({ op, parent: r.u32(), child: r.u32() }); break;
      case 'insert': out.push({ op, parent: r.u32(), child: r.u32(), before: r.u32() }); break;
      case 'remove': out.push({ op, parent: r.u32(), child: r.u32() }); break;
      case 'destroy': out.push({ op, id: r.u32() }); break;
      case 'focus': out.push({ op, id: r.u32() }); break;
      case 'key': out.push({ op, key: r.enumAt(KEYS, 'key') }); break;
      case 'animate': out.push({ op, id: r.u32(), prop: r.prop(), to: r.f64(), ms: r.f64(), easing: r.enumAt(EASINGS, 'easing') }); break;
      case 'tick': out.push({ op, ms: r.f64() }); break;
      case 'resize': out.push({ op, width: r.u32(), height: r.u32() }); break;
      case 'frame': out.push(r.u8() === 1 ? { op, name: r.string() } : { op }); break;
    }
  }
  if (!r.done) throw new DecodeError('trailing bytes after the last command', r.offset);
  return out;
}
