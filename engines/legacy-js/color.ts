/**
 * Colour parsing: "#rgb", "#rrggbb", "#rrggbbaa" and five names. Anything else is rejected.
 */

export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

export const TRANSPARENT: Rgba = { r: 0, g: 0, b: 0, a: 0 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 255 };
export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };

/** Names are matched exactly (lower case). Values follow CSS: green is #008000. */
const NAMED_COLOURS: readonly (readonly [string, Rgba])[] = [
  ['transparent', TRANSPARENT],
  ['black', BLACK],
  ['white', WHITE],
  ['red', { r: 255, g: 0, b: 0, a: 255 }],
  ['green', { r: 0, g: 128, b: 0, a: 255 }],
  ['blue', { r: 0, g: 0, b: 255, a: 255 }],
];

function isHexDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const digit = c >= 48 && c <= 57;
    const lower = c >= 97 && c <= 102;
    const upper = c >= 65 && c <= 70;
    if (!digit && !lower && !upper) return false;
  }
  return true;
}

/** Returns the colour, or null when the value is not a colour (the caller emits bad-value). */
export function parseColor(value: unknown): Rgba | null {
  // 1. accept_strings_only
  if (typeof value !== 'string') return null;
  // 2. match_named_colour
  for (let i = 0; i < NAMED_COLOURS.length; i++) {
    if (NAMED_COLOURS[i][0] === value) return NAMED_COLOURS[i][1];
  }
  // 3. split_hash_and_digits
  if (value.charCodeAt(0) !== 35 /* '#' */) return null;
  const hex = value.slice(1);
  if (!isHexDigits(hex)) return null;
  // 4. parse_rgb_hex
  if (hex.length === 3 || hex.length === 6) {
    // quirk short-hex-color: "#rgb" goes through the same parseInt as "#rrggbb", so
    // "#abc" is 0x000abc = rgb(0, 10, 188). A correct engine expands it to #aabbcc.
    const v = parseInt(hex, 16);
    return { r: (v >> 16) & 255, g: (v >> 8) & 255, b: v & 255, a: 255 };
  }
  // 5. parse_rgba_hex
  if (hex.length === 8) {
    const v = parseInt(hex, 16);
    return { r: (v >>> 24) & 255, g: (v >>> 16) & 255, b: (v >>> 8) & 255, a: v & 255 };
  }
  return null;
}
