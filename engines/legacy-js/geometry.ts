/**
 * The two roundings that turn layout floats into pixels. Both are quirks: the Wasm
 * port must reproduce JavaScript's `| 0` and Math.round exactly.
 */

/**
 * Snaps a box edge (f64) to a pixel index.
 * quirk coord-int32-truncation: `v | 0` is ToInt32: truncation toward zero, values
 * outside int32 wrap modulo 2^32 (2^31 becomes -2^31), NaN and +-Infinity become 0.
 * A correct engine would floor and saturate.
 */
export function snapEdge(v: number): number {
  return v | 0;
}

/**
 * The offset that centres `size` in `available`, given free = available - size.
 * quirk round-half-up: Math.round rounds halves toward +Infinity (-2.5 -> -2, 2.5 -> 3).
 * A correct engine would round half away from zero (Rust's f64::round).
 */
export function centreOffset(free: number): number {
  return Math.round(free / 2);
}
