/**
 * Which families of edge values the value arbitraries may produce. Each family exists to
 * reach quirks (engines/shared/quirks.ts); switching one off narrows the fuzzing.
 */
export interface ValueProfile {
  /** 2^31 / 2^32 wrap values, huge and tiny sizes, "Infinity" (quirk coord-int32-truncation). */
  readonly extreme: boolean;
  /** Strings read by parseFloat: "12px", " 7", "1e1", "0x10" (quirk parsefloat-units). */
  readonly coercedStrings: boolean;
  /** Emoji, lone surrogates, combining marks (quirks glyph-per-code-unit, ellipsis-splits-surrogate). */
  readonly unicodeText: boolean;
  /** Image names the stream declares ("" is always allowed). */
  readonly images: readonly string[];
}
