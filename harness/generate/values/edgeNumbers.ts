/**
 * Edge numbers shared by the value arbitraries, each family with the quirk it aims at.
 */

/** Halves and the largest double below 0.5: Math.round half-up vs half-away (quirk round-half-up). */
export const HALF_STEPS = [0.5, 1.5, 2.5, 10.5, -0.5, -1.5, -2.5, 0.49999999999999994] as const;

/** Negative fractions: `x | 0` truncates toward zero where floor would not (quirk coord-int32-truncation). */
export const NEGATIVE_FRACTIONS = [-0.25, -0.5, -0.75, -1.5, -3.7, -10.5] as const;

/** Values that wrap in ToInt32 (`| 0`): 2^31 becomes -2^31, 2^32 - 1 becomes -1. */
export const WRAP_VALUES = [2 ** 31, 2 ** 31 - 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32 - 1, 2 ** 32, 2 ** 31 + 0.5] as const;

export const HUGE_VALUES = [1e6, 1e9, 1e21, 1.7976931348623157e308] as const;
export const TINY_VALUES = [Number.MIN_VALUE, 1e-9, 0.001, 1 / 3] as const;

/** Accepted by parseFloat for any number (quirk parsefloat-units); "0x10" reads as 0. */
export const COERCED_STRINGS = ['12px', ' 7', '1e1', '0x10', '5.', '.5x', '\u00a03', '\ufeff4', '+8', '20.5em'] as const;

/** parseFloat gives ±Infinity: accepted where a value may be infinite. */
export const INFINITE_STRINGS = ['Infinity', '-Infinity', 'Infinityx'] as const;

/** parseFloat gives NaN: always rejected by numeric properties. */
export const NAN_STRINGS = ['NaN', '', 'px12', 'auto', 'abc', '-'] as const;
