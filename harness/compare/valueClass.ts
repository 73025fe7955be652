/**
 * The kind of a command's value, as the cause part of an identity names it: bugs live in
 * kinds of values (a negative fraction truncated, `maxLines: 0`, a three-digit hex
 * colour, an astral character), so a cause `set maxLines(0)` tells apart what `set
 * maxLines` alone would merge. Exact values are left out: the same bug found with 3 and 7
 * is one bug.
 */
import type { Command } from '../../engines/shared/protocol.ts';

const COLOUR_PROPS = new Set(['background', 'borderColor', 'color']);
const NAME_PROPS = new Set(['text', 'src']);

export function valueClass(v: unknown, prop = ''): string {
  if (typeof v === 'number') return numberClass(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') return typeof v;
  if (COLOUR_PROPS.has(prop)) return colourClass(v);
  if (NAME_PROPS.has(prop)) return textClass(v);
  if (/^[a-z-]{1,12}$/.test(v)) return v; // an enumerated word: row, center, auto
  if (/^-?\d+(\.\d+)?%$/.test(v)) return 'percent';
  if (v.trim() !== '' && Number.isFinite(Number(v))) return 'numeric string';
  if (Number.isFinite(Number.parseFloat(v))) return 'number with suffix';
  return textClass(v);
}

function numberClass(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  const sign = n < 0 ? 'negative ' : '';
  return `${sign}${Number.isInteger(n) ? 'integer' : 'fraction'}`;
}

function colourClass(v: string): string {
  const hex = /^#([0-9a-fA-F]+)$/.exec(v);
  if (hex) return `#${hex[1].length}`;
  return /^[a-z]+$/i.test(v) ? 'named colour' : 'other colour';
}

function textClass(v: string): string {
  if (v === '') return 'empty';
  if (/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(v)) return 'astral';
  if (/[\uD800-\uDFFF]/.test(v)) return 'lone surrogate';
  if (/[\u0300-\u036F]/.test(v)) return 'combining';
  return 'text';
}

/** The value classes of a command (empty for commands without a value that matters). */
export function commandValueClass(c: Command): string | null {
  switch (c.op) {
    case 'set': return valueClass(c.value, c.prop);
    case 'tick': return valueClass(c.ms);
    case 'animate': return `${c.easing} ${valueClass(c.to)}`;
    case 'resize': return `${valueClass(c.width)}x${valueClass(c.height)}`;
    default: return null;
  }
}
