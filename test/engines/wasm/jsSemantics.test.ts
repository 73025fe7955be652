/**
 * The Rust JS-semantics helpers (engines/wasm/src/jsnum.rs) against V8 itself, through
 * the module's debug exports: parseFloat, parseInt (radix 16 and 10), Math.round, x|0,
 * String(int32). Object.is comparison: NaN equals NaN, +0 differs from -0.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import type { EngineExports } from '../../../engines/wasm/host/exports.ts';
import { readUtf16, writeUtf16 } from '../../../engines/wasm/host/exports.ts';
import { EngineInstance } from '../../../engines/wasm/host/EngineInstance.ts';
import { loadWasmModule } from '../../../engines/wasm/adapter.ts';
import { ensureWasmBuilt } from './wasmFixture.ts';

const RUNS = { numRuns: 3000 };

/** Calls `read(ptr, units)` with `s` written as UTF-16 into a fresh engine buffer. */
function withString<T>(exports: EngineExports, s: string, read: (ptr: number, units: number) => T): T {
  const ptr = exports.alloc(s.length * 2) >>> 0;
  writeUtf16(exports.memory, ptr, s);
  try {
    return read(ptr, s.length);
  } finally {
    exports.dealloc(ptr, s.length * 2);
  }
}

/** Whitespace StrWhiteSpaceChar accepts, and look-alikes it does not (U+180E, U+200B, U+0085). */
const SPACES = [' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u180e', '\u200b', '\u0085'];
const JUNK = ['x', 'px', '%', '_', ',', 'NaN', 'Inf', 'infinity', '\ud800', '\udc00', '\u0661', '0x', '0b1'];

/** Strings built from the pieces parseFloat cares about, in any order. */
const floatPieces = fc.array(
  fc.constantFrom(...SPACES, ...JUNK, '+', '-', '.', 'e', 'E', 'Infinity', '0', '1', '5', '9', '00', '123', '4.5', '1e308', '1e-324', '2.4703282292062328e-324', '9007199254740993'),
  { maxLength: 8 },
).map((parts) => parts.join(''));

/** Well-formed decimal literals (often with trailing junk), long digit strings included. */
const floatLiterals = fc.tuple(
  fc.constantFrom('', ' ', '\u3000\n', '\ufeff'),
  fc.constantFrom('', '+', '-'),
  fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9'), maxLength: 40 }),
  fc.option(fc.string({ unit: fc.constantFrom('0', '3', '5', '7', '9'), maxLength: 40 })),
  fc.option(fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.string({ unit: fc.constantFrom('0', '1', '3', '9'), maxLength: 5 }))),
  fc.constantFrom('', 'px', '%', '.5', 'e', 'e+', 'x1'),
).map(([ws, sign, int, frac, exp, tail]) => `${ws}${sign}${int}${frac === null ? '' : `.${frac}`}${exp === null ? '' : exp.join('')}${tail}`);

/** Doubles where rounding and wrapping go wrong: ties, 2^31/2^32/2^52/2^53 neighbourhoods. */
const trickyDoubles = fc.oneof(
  fc.double(),
  fc.double({ min: -4, max: 4 }),
  fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((n) => n + 0.5),
  fc.constantFrom(0.5, -0.5, 0.49999999999999994, -0.49999999999999994, 1.5, -1.5, 2.5, -2.5, 4503599627370495.5, -4503599627370495.5, 2 ** 52 + 1, 2 ** 53 + 2, -0, 0, 5e-324, -5e-324),
  fc.tuple(fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 32, -(2 ** 32), 2 ** 52, 2 ** 53, 2 ** 63, 1e20), fc.double({ min: -3, max: 3, noNaN: true })).map(([base, delta]) => base + delta),
);

describe('wasm engine JS number semantics match V8', function () {
  let exports: EngineExports;

  before(async function () {
    this.timeout(300_000);
    await ensureWasmBuilt();
    exports = new EngineInstance(loadWasmModule()).exports;
  });

  it('to_int32 is x | 0', () => {
    fc.assert(fc.property(trickyDoubles, (x) => exports.debug_to_int32(x) === (x | 0)), RUNS);
  });

  it('js_round is Math.round', () => {
    fc.assert(fc.property(trickyDoubles, (x) => Object.is(exports.debug_js_round(x), Math.round(x))), RUNS);
  });

  it('parse_float is parseFloat', () => {
    const same = (s: string) => Object.is(withString(exports, s, (p, n) => exports.debug_parse_float(p, n)), parseFloat(s));
    fc.assert(fc.property(fc.oneof(floatPieces, floatLiterals, fc.string(), fc.double().map(String)), same), { numRuns: 5000 });
    expect(same('0.' + '0'.repeat(400) + '1e400')).to.equal(true);
    expect(same('1'.repeat(1000) + 'e-990')).to.equal(true);
  });

  it('parse_int(s, 16) is parseInt(s, 16)', () => {
    const hexPieces = fc.array(fc.constantFrom(...SPACES.slice(0, 4), '+', '-', '0x', '0X', '0', '1', '8', 'a', 'F', 'f', 'g', '#', 'ffffffff', '20000000000001', '1fffffffffffff'), { maxLength: 8 }).map((p) => p.join(''));
    const longHex = fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength: 300 });
    fc.assert(
      fc.property(fc.oneof(hexPieces, longHex, fc.string()), (s) =>
        Object.is(withString(exports, s, (p, n) => exports.debug_parse_int(p, n, 16)), parseInt(s, 16))),
      RUNS,
    );
  });

  it('parse_int(s, 10) is parseInt(s, 10)', () => {
    fc.assert(
      fc.property(fc.oneof(floatLiterals, floatPieces, fc.string()), (s) =>
        Object.is(withString(exports, s, (p, n) => exports.debug_parse_int(p, n, 10)), parseInt(s, 10))),
      RUNS,
    );
  });

  it('number_to_string is String(n) for int32', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31))), (n) => {
        const units = exports.debug_number_to_string(n);
        return readUtf16(exports.memory, exports.debug_scratch_ptr() >>> 0, units) === String(n);
      }),
      RUNS,
    );
  });
});
