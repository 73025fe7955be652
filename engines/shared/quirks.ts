/**
 * Ids of the catalogued quirks (scenarios/quirks/<id>.yaml). The legacy engine has no
 * switches: it simply behaves this way. The Wasm engine has one compat flag per id,
 * on by default; off means it does what the catalogue calls correct.
 */
export const QUIRK_IDS = [
  'coord-int32-truncation',
  'round-half-up',
  'blend-truncation',
  'zindex-string-sort',
  'opacity-not-compounded',
  'clip-ignores-radius',
  'parsefloat-units',
  'short-hex-color',
  'ellipsis-splits-surrogate',
  'glyph-per-code-unit',
  'double-append',
  'maxlines-zero-unlimited',
  'grow-remainder-dropped',
  'percent-of-border-box',
  'focus-survives-destroy',
  'focus-considers-hidden',
  'visible-string-truthy',
  'anim-time-accumulation',
] as const;

export type QuirkId = (typeof QUIRK_IDS)[number];

/** Per-quirk compat flags; a missing entry means on. */
export type QuirkFlags = Partial<Record<QuirkId, boolean>>;

export function isQuirkId(s: string): s is QuirkId {
  return (QUIRK_IDS as readonly string[]).includes(s);
}
