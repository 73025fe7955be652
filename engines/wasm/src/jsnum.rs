//! JavaScript number semantics the port needs, reproduced exactly (no TS counterpart:
//! these are what V8 does underneath engines/legacy-js).
//!
//! The legacy engine computes with JS numbers: `x | 0`, `Math.round`, `parseFloat("12px")`,
//! `parseInt(hex, 16)`, `String(n)`. Rust's own operators differ at the edges (`f64::round`
//! rounds half away from zero, `as i32` saturates, `str::parse` rejects "12px"), so the
//! port calls these helpers instead. Each follows the ECMAScript spec section it names;
//! `test/engines/wasm/jsSemantics.test.ts` compares them with V8 through debug exports.
//!
//! Plain `f64` arithmetic (`+ - * /`, `%` = fmod, comparisons) already matches JS and
//! needs no helper. `Math.floor`/`ceil`/`trunc`/`abs`/`min`/`max` for non-NaN inputs are
//! `f64::floor` etc.; NaN propagation of `Math.min/max` differs (Rust ignores a NaN).
#![deny(unsafe_code)]

/// ECMAScript ToInt32 (ES2024 7.1.6), i.e. what `x | 0` does: NaN and ±Infinity give 0,
/// otherwise truncate toward zero and wrap modulo 2^32 into -2^31..2^31-1.
/// (`x as i32` in Rust saturates instead of wrapping.)
pub fn to_int32(x: f64) -> i32 {
    // 0. Fast path: inside the int32 range ToInt32 is plain truncation (no fmod).
    if x > -2_147_483_649.0 && x < 2_147_483_648.0 {
        return x as i32;
    }
    // 1. NaN, +-Infinity (and +-0) map to 0.
    if !x.is_finite() {
        return 0;
    }
    // 2. Truncate; `rem_euclid` is exact for integral doubles (fmod is exact, and the
    //    correction r + 2^32 stays an integer below 2^33), giving 0 <= m < 2^32.
    let m = x.trunc().rem_euclid(4_294_967_296.0);
    // 3. Reinterpret the low 32 bits as signed: values >= 2^31 wrap to negative.
    (m as u32) as i32
}

/// ECMAScript Math.round (ES2024 21.3.2.28): the integer closest to x, ties toward
/// +Infinity; NaN, ±Infinity and ±0 are returned as is; -0.5 <= x < 0 gives -0.
/// Computed exactly: the naive `(x + 0.5).floor()` is wrong for 0.49999999999999994
/// (the sum rounds up to 1) and for odd integers above 2^52.
pub fn js_round(x: f64) -> f64 {
    // 1. NaN, infinities and zeros (with their sign) pass through.
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    // 2. x - floor(x) is exact for every double (it is x's fractional bits).
    let floor = x.floor();
    let rounded = if x - floor >= 0.5 { floor + 1.0 } else { floor };
    // 3. A negative x that rounds to zero gives -0 (the spec's "-0.5 <= x < 0" case).
    if rounded == 0.0 && x < 0.0 {
        -0.0
    } else {
        rounded
    }
}

/// StrWhiteSpaceChar (ES2024 7.1.4.1.1): WhiteSpace (TAB, VT, FF, ZWNBSP, and every
/// Unicode "Space_Separator" (Zs) code point) or LineTerminator (LF, CR, LS, PS).
/// The Zs list is Unicode 15's, the one V8 uses (U+180E stopped being Zs in Unicode 6.3).
pub fn is_js_whitespace(unit: u16) -> bool {
    matches!(
        unit,
        0x0009..=0x000D // TAB, LF, VT, FF, CR
            | 0x0020
            | 0x00A0
            | 0x1680
            | 0x2000..=0x200A
            | 0x2028
            | 0x2029
            | 0x202F
            | 0x205F
            | 0x3000
            | 0xFEFF
    )
}

/// Index of the first unit that is not StrWhiteSpaceChar (TrimString(s, start)).
fn skip_whitespace(s: &[u16]) -> usize {
    s.iter().position(|&u| !is_js_whitespace(u)).unwrap_or(s.len())
}

fn is_ascii_digit(unit: u16) -> bool {
    (0x30..=0x39).contains(&unit)
}

/// Length of the run of ASCII decimal digits at the start of `s`.
fn digit_run(s: &[u16]) -> usize {
    s.iter().position(|&u| !is_ascii_digit(u)).unwrap_or(s.len())
}

fn starts_with_ascii(s: &[u16], prefix: &str) -> bool {
    s.len() >= prefix.len() && s.iter().zip(prefix.bytes()).all(|(&u, b)| u == b as u16)
}

/// Appends ASCII units (digits, signs) to a Rust string; the callers only pass ASCII.
fn push_ascii(out: &mut String, units: &[u16]) {
    out.extend(units.iter().map(|&u| u as u8 as char));
}

/// ECMAScript parseFloat (ES2024 19.2.4) on a UTF-16 string: skip leading whitespace,
/// then the longest prefix that is a StrDecimalLiteral (sign, "Infinity", or digits with
/// an optional fraction and exponent; no hex, no numeric separators); NaN if none.
/// The value is correctly rounded (Rust's `str::parse::<f64>`, like V8's strtod).
/// This is what makes `"12px"` a 12 (quirk parsefloat-units).
pub fn parse_float(s: &[u16]) -> f64 {
    // 1. Trim leading whitespace.
    let mut i = skip_whitespace(s);
    // 2. Optional sign.
    let negative = i < s.len() && s[i] == b'-' as u16;
    if i < s.len() && (s[i] == b'-' as u16 || s[i] == b'+' as u16) {
        i += 1;
    }
    // 3. "Infinity" (case-sensitive, any trailing junk allowed).
    if starts_with_ascii(&s[i..], "Infinity") {
        return if negative { f64::NEG_INFINITY } else { f64::INFINITY };
    }
    // 4. Integer digits, then "." and fraction digits; at least one digit overall.
    let int_len = digit_run(&s[i..]);
    let int_digits = &s[i..i + int_len];
    i += int_len;
    let mut frac_digits: &[u16] = &[];
    if i < s.len() && s[i] == b'.' as u16 {
        let frac_len = digit_run(&s[i + 1..]);
        if int_len > 0 || frac_len > 0 {
            frac_digits = &s[i + 1..i + 1 + frac_len];
            i += 1 + frac_len;
        }
    }
    if int_len == 0 && frac_digits.is_empty() {
        return f64::NAN;
    }
    // 5. Exponent: taken only when at least one digit follows "e", "e+" or "e-".
    let mut exponent: &[u16] = &[];
    if i < s.len() && (s[i] == b'e' as u16 || s[i] == b'E' as u16) {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' as u16 || s[j] == b'-' as u16) {
            j += 1;
        }
        let exp_len = digit_run(&s[j..]);
        if exp_len > 0 {
            exponent = &s[i + 1..j + exp_len];
        }
    }
    // 6. Rebuild a literal Rust's parser accepts and let it round correctly.
    //    (It saturates huge exponents and keeps enough digits for exact rounding.)
    let mut literal = String::with_capacity(int_len + frac_digits.len() + exponent.len() + 6);
    if negative {
        literal.push('-');
    }
    if int_len == 0 {
        literal.push('0');
    }
    push_ascii(&mut literal, int_digits);
    literal.push('.');
    if frac_digits.is_empty() {
        literal.push('0');
    }
    push_ascii(&mut literal, frac_digits);
    if !exponent.is_empty() {
        literal.push('e');
        push_ascii(&mut literal, exponent);
    }
    literal.parse::<f64>().unwrap_or(f64::NAN)
}

/// Value of `unit` as a digit in `radix` (2..=36), as parseInt reads it.
fn digit_value(unit: u16, radix: u32) -> Option<u32> {
    let value = match unit {
        0x30..=0x39 => u32::from(unit) - 0x30,
        0x41..=0x5A => u32::from(unit) - 0x41 + 10,
        0x61..=0x7A => u32::from(unit) - 0x61 + 10,
        _ => return None,
    };
    if value < radix {
        Some(value)
    } else {
        None
    }
}

/// ECMAScript parseInt(s, radix) (ES2024 19.2.5) for radix 10 and the powers of two
/// (2, 4, 8, 16, 32): the radixes whose result the spec makes exact (other radixes are
/// "implementation-approximated"; the legacy engine does not use them).
/// Skips whitespace, takes a sign, strips "0x"/"0X" when radix is 16, then reads the
/// longest run of digits; NaN when there is none; "-0" gives -0.
///
/// Panics on another radix: that is a porting bug, not an input error.
pub fn parse_int(s: &[u16], radix: u32) -> f64 {
    assert!(matches!(radix, 2 | 4 | 8 | 10 | 16 | 32), "parse_int: unsupported radix {}", radix);
    // 1. Trim leading whitespace, 2. optional sign.
    let mut i = skip_whitespace(s);
    let negative = i < s.len() && s[i] == b'-' as u16;
    if i < s.len() && (s[i] == b'-' as u16 || s[i] == b'+' as u16) {
        i += 1;
    }
    // 3. Radix 16 drops a "0x" / "0X" prefix.
    if radix == 16 && (starts_with_ascii(&s[i..], "0x") || starts_with_ascii(&s[i..], "0X")) {
        i += 2;
    }
    // 4. The longest run of digits of this radix; none means NaN.
    let len = s[i..].iter().position(|&u| digit_value(u, radix).is_none()).unwrap_or(s.len() - i);
    if len == 0 {
        return f64::NAN;
    }
    let digits = &s[i..i + len];
    // 5. Exact mathematical value, rounded once to the nearest double.
    let magnitude = if radix == 10 {
        let mut literal = String::with_capacity(len);
        push_ascii(&mut literal, digits);
        literal.parse::<f64>().unwrap_or(f64::NAN)
    } else {
        power_of_two_digits_to_f64(digits, radix)
    };
    if negative {
        -magnitude
    } else {
        magnitude
    }
}

/// JS `parseInt(s, 16)`: see [`parse_int`]. Colours ("#rrggbb") are read this way.
pub fn parse_int_hex(s: &[u16]) -> f64 {
    parse_int(s, 16)
}

/// Digits of a power-of-two radix to the nearest double, ties to even: the exact
/// algorithm of V8's InternalStringToIntDouble (src/numbers/conversions.cc). Accumulates
/// until the value needs more than 53 bits, then keeps the dropped bits and a sticky
/// "any later digit nonzero" flag to round once.
fn power_of_two_digits_to_f64(digits: &[u16], radix: u32) -> f64 {
    let bits_per_digit = radix.trailing_zeros() as i32;
    let mut number: i64 = 0;
    let mut exponent: i32 = 0;
    // Leading zeros do not count toward the 53 bits.
    let first = digits.iter().position(|&u| u != b'0' as u16).unwrap_or(digits.len());
    let mut k = first;
    while k < digits.len() {
        // digits holds only valid digits of this radix (checked by the caller).
        let digit = digit_value(digits[k], radix).unwrap_or(0);
        number = number * i64::from(radix) + i64::from(digit);
        let mut overflow = (number >> 53) as i32;
        if overflow != 0 {
            // 1. How many low bits must go to fit 53 bits.
            let mut overflow_bits = 1;
            while overflow > 1 {
                overflow_bits += 1;
                overflow >>= 1;
            }
            let dropped_mask = (1i64 << overflow_bits) - 1;
            let dropped = number & dropped_mask;
            number >>= overflow_bits;
            exponent = overflow_bits;
            // 2. Every later digit scales by the radix; remember whether any is nonzero.
            let mut zero_tail = true;
            for &unit in &digits[k + 1..] {
                zero_tail = zero_tail && unit == b'0' as u16;
                exponent += bits_per_digit;
            }
            // 3. Round half to even, a nonzero tail breaking the tie upward.
            let middle = 1i64 << (overflow_bits - 1);
            if dropped > middle || (dropped == middle && ((number & 1) != 0 || !zero_tail)) {
                number += 1;
            }
            // 4. Rounding up may carry into bit 53.
            if number & (1i64 << 53) != 0 {
                exponent += 1;
                number >>= 1;
            }
            break;
        }
        k += 1;
    }
    // number < 2^53 is exact as f64; scaling by a power of two is exact until it overflows
    // to Infinity, which is the correctly rounded result there too.
    (number as f64) * pow2(exponent)
}

/// 2^e for e >= 0, exact (Infinity past 2^1023).
fn pow2(e: i32) -> f64 {
    if e > 1023 {
        f64::INFINITY
    } else {
        f64::from_bits(((1023 + e) as u64) << 52)
    }
}

/// Number::toString for a value that is an int32 (ES2024 6.1.6.1.20 for integers):
/// plain decimal digits, a leading "-" for negatives, no exponent in this range.
/// Returned as UTF-16 because engine strings are UTF-16.
pub fn number_to_string(n: i32) -> Vec<u16> {
    let mut out = Vec::with_capacity(11);
    if n < 0 {
        out.push(b'-' as u16);
    }
    // i64 so that -2^31 has a magnitude.
    let magnitude = i64::from(n).unsigned_abs();
    let mut divisor = 1u64;
    while divisor * 10 <= magnitude {
        divisor *= 10;
    }
    while divisor > 0 {
        out.push(b'0' as u16 + ((magnitude / divisor) % 10) as u16);
        divisor /= 10;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    fn same(a: f64, b: f64) -> bool {
        // Object.is: NaN equals NaN, +0 differs from -0.
        (a.is_nan() && b.is_nan()) || (a == b && a.is_sign_negative() == b.is_sign_negative())
    }

    #[test]
    fn to_int32_maps_nan_and_infinities_to_zero() {
        assert_eq!(to_int32(f64::NAN), 0);
        assert_eq!(to_int32(f64::INFINITY), 0);
        assert_eq!(to_int32(f64::NEG_INFINITY), 0);
        assert_eq!(to_int32(-0.0), 0);
    }

    #[test]
    fn to_int32_truncates_toward_zero() {
        assert_eq!(to_int32(1.9), 1);
        assert_eq!(to_int32(-1.9), -1);
        assert_eq!(to_int32(0.5), 0);
        assert_eq!(to_int32(-0.5), 0);
        assert_eq!(to_int32(123456.789), 123456);
    }

    #[test]
    fn to_int32_wraps_modulo_two_to_the_32() {
        assert_eq!(to_int32(2147483647.0), 2147483647);
        assert_eq!(to_int32(2147483648.0), -2147483648);
        assert_eq!(to_int32(2147483648.5), -2147483648);
        assert_eq!(to_int32(-2147483648.0), -2147483648);
        assert_eq!(to_int32(-2147483649.0), 2147483647);
        assert_eq!(to_int32(4294967296.0), 0);
        assert_eq!(to_int32(4294967297.0), 1);
        assert_eq!(to_int32(-4294967297.0), -1);
        assert_eq!(to_int32(1e20), 1661992960); // (1e20 | 0) in V8
        assert_eq!(to_int32(-1e20), -1661992960);
        assert_eq!(to_int32(f64::MAX), 0);
        assert_eq!(to_int32(9007199254740993.0), 0); // 2^53 + 1 rounds to 2^53
        assert_eq!(to_int32(9007199254740994.0), 2);
    }

    #[test]
    fn js_round_breaks_ties_toward_positive_infinity() {
        assert!(same(js_round(0.5), 1.0));
        assert!(same(js_round(1.5), 2.0));
        assert!(same(js_round(2.5), 3.0));
        assert!(same(js_round(-1.5), -1.0));
        assert!(same(js_round(-2.5), -2.0));
        assert!(same(js_round(-2.6), -3.0));
        assert!(same(js_round(2.4), 2.0));
    }

    #[test]
    fn js_round_keeps_the_sign_of_zero() {
        assert!(same(js_round(-0.5), -0.0));
        assert!(same(js_round(-0.2), -0.0));
        assert!(same(js_round(-0.0), -0.0));
        assert!(same(js_round(0.0), 0.0));
        assert!(same(js_round(0.2), 0.0));
        assert!(same(js_round(-0.5000000000000001), -1.0));
    }

    #[test]
    fn js_round_is_exact_where_floor_of_x_plus_half_is_not() {
        assert!(same(js_round(0.49999999999999994), 0.0));
        assert!(same(js_round(-0.49999999999999994), -0.0));
        assert!(same(js_round(4503599627370495.5), 4503599627370496.0));
        assert!(same(js_round(4503599627370497.0), 4503599627370497.0));
        assert!(same(js_round(9007199254740991.0), 9007199254740991.0));
        assert!(same(js_round(-4503599627370495.5), -4503599627370495.0));
    }

    #[test]
    fn js_round_passes_non_finite_values_through() {
        assert!(js_round(f64::NAN).is_nan());
        assert!(same(js_round(f64::INFINITY), f64::INFINITY));
        assert!(same(js_round(f64::NEG_INFINITY), f64::NEG_INFINITY));
        assert!(same(js_round(f64::MAX), f64::MAX));
        assert!(same(js_round(5e-324), 0.0));
        assert!(same(js_round(-5e-324), -0.0));
    }

    #[test]
    fn parse_float_reads_the_longest_decimal_prefix() {
        assert!(same(parse_float(&u("12px")), 12.0));
        assert!(same(parse_float(&u("12.5%")), 12.5));
        assert!(same(parse_float(&u("1.5e3x")), 1500.0));
        assert!(same(parse_float(&u("1e")), 1.0));
        assert!(same(parse_float(&u("1e+")), 1.0));
        assert!(same(parse_float(&u("1e-2")), 0.01));
        assert!(same(parse_float(&u("1E2")), 100.0));
        assert!(same(parse_float(&u("1.e2")), 100.0));
        assert!(same(parse_float(&u("5.")), 5.0));
        assert!(same(parse_float(&u(".5")), 0.5));
        assert!(same(parse_float(&u("+.5")), 0.5));
        assert!(same(parse_float(&u("-.5e1")), -5.0));
        assert!(same(parse_float(&u("1.2.3")), 1.2));
        assert!(same(parse_float(&u("0x10")), 0.0));
        assert!(same(parse_float(&u("1_000")), 1.0));
        assert!(same(parse_float(&u("007")), 7.0));
    }

    #[test]
    fn parse_float_returns_nan_without_a_number() {
        for s in ["", " ", ".", "-", "+", "e5", ".e5", "-.e1", "px12", "+-1", "infinity", "NaN", "Inf"] {
            assert!(parse_float(&u(s)).is_nan(), "{:?}", s);
        }
    }

    #[test]
    fn parse_float_reads_signed_infinity_and_zero() {
        assert!(same(parse_float(&u("Infinity")), f64::INFINITY));
        assert!(same(parse_float(&u("-Infinityx")), f64::NEG_INFINITY));
        assert!(same(parse_float(&u("+Infinity")), f64::INFINITY));
        assert!(same(parse_float(&u("-0")), -0.0));
        assert!(same(parse_float(&u("-0.0e5")), -0.0));
        assert!(same(parse_float(&u("0")), 0.0));
    }

    #[test]
    fn parse_float_skips_unicode_whitespace_only() {
        assert!(same(parse_float(&u(" \t\n\u{b}\u{c}\r\u{a0}\u{1680}\u{2000}\u{200a}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}\u{feff}7")), 7.0));
        assert!(parse_float(&u("\u{180e}7")).is_nan());
        assert!(parse_float(&u("\u{200b}7")).is_nan());
        assert!(parse_float(&u("\u{85}7")).is_nan());
    }

    #[test]
    fn parse_float_rounds_correctly_at_the_edges() {
        assert!(same(parse_float(&u("0.1")), 0.1));
        assert!(same(parse_float(&u("1e400")), f64::INFINITY));
        assert!(same(parse_float(&u("-1e400")), f64::NEG_INFINITY));
        assert!(same(parse_float(&u("1e-400")), 0.0));
        assert!(same(parse_float(&u("1e99999999999999999999")), f64::INFINITY));
        assert!(same(parse_float(&u("0e99999999999999999999")), 0.0));
        assert!(same(parse_float(&u("4.9e-324")), 5e-324));
        assert!(same(parse_float(&u("2.4703282292062328e-324")), 5e-324));
        assert!(same(parse_float(&u("1.7976931348623158e308")), f64::MAX));
        assert!(same(parse_float(&u("9007199254740993")), 9007199254740992.0));
        let long = format!("0.{}1", "0".repeat(1000));
        assert!(same(parse_float(&u(&long)), 0.0));
        let ones = "1".repeat(800);
        assert!(same(parse_float(&u(&ones)), ones.parse::<f64>().unwrap()));
    }

    #[test]
    fn parse_float_reads_lone_surrogates_as_junk() {
        let mut s = u("3");
        s.push(0xD800);
        assert!(same(parse_float(&s), 3.0));
        assert!(parse_float(&[0xDC00, b'3' as u16]).is_nan());
    }

    #[test]
    fn parse_int_hex_reads_a_prefix_with_an_optional_0x() {
        assert!(same(parse_int_hex(&u("ff")), 255.0));
        assert!(same(parse_int_hex(&u("FFz")), 255.0));
        assert!(same(parse_int_hex(&u("0x1A")), 26.0));
        assert!(same(parse_int_hex(&u("0X1a")), 26.0));
        assert!(same(parse_int_hex(&u("  -0x1A")), -26.0));
        assert!(same(parse_int_hex(&u("+7")), 7.0));
        assert!(same(parse_int_hex(&u("-0")), -0.0));
        assert!(parse_int_hex(&u("0x")).is_nan());
        assert!(parse_int_hex(&u("")).is_nan());
        assert!(parse_int_hex(&u("g1")).is_nan());
        assert!(parse_int_hex(&u("0xg")).is_nan());
        assert!(parse_int_hex(&u("--1")).is_nan());
        assert!(same(parse_int_hex(&u("00000000ff")), 255.0));
        assert!(same(parse_int_hex(&u("ffffffff")), 4294967295.0));
    }

    #[test]
    fn parse_int_hex_rounds_long_inputs_to_nearest_even() {
        assert!(same(parse_int_hex(&u("1fffffffffffff")), 9007199254740991.0));
        assert!(same(parse_int_hex(&u("20000000000001")), 9007199254740992.0)); // tie, even
        assert!(same(parse_int_hex(&u("20000000000003")), 9007199254740996.0)); // tie, odd: up
        assert!(same(parse_int_hex(&u("200000000000010")), 144115188075855870.0));
        assert!(same(parse_int_hex(&u("200000000000011")), 144115188075855900.0)); // sticky tail
        assert!(same(parse_int_hex(&u("3fffffffffffffff")), 4611686018427387904.0)); // carry into bit 53
        assert!(same(parse_int_hex(&u(&"f".repeat(300))), f64::INFINITY));
        assert!(same(parse_int_hex(&u(&format!("1{}", "0".repeat(255)))), 2f64.powi(1020)));
    }

    #[test]
    fn parse_int_decimal_does_not_strip_0x() {
        assert!(same(parse_int(&u("0x10"), 10), 0.0));
        assert!(same(parse_int(&u("12px"), 10), 12.0));
        assert!(same(parse_int(&u("-12.9"), 10), -12.0));
        assert!(same(parse_int(&u("101"), 2), 5.0));
        assert!(same(parse_int(&u("777"), 8), 511.0));
        assert!(same(parse_int(&u("vv"), 32), 1023.0));
        assert!(same(parse_int(&u("123456789012345678901234567890"), 10), 1.2345678901234568e29));
    }

    #[test]
    #[should_panic(expected = "unsupported radix")]
    fn parse_int_refuses_an_approximated_radix() {
        parse_int(&u("1"), 36);
    }

    #[test]
    fn number_to_string_prints_int32_like_js() {
        let s = |n: i32| String::from_utf16(&number_to_string(n)).unwrap();
        assert_eq!(s(0), "0");
        assert_eq!(s(7), "7");
        assert_eq!(s(-7), "-7");
        assert_eq!(s(10), "10");
        assert_eq!(s(1000000), "1000000");
        assert_eq!(s(i32::MAX), "2147483647");
        assert_eq!(s(i32::MIN), "-2147483648");
        for n in [1, 9, 99, 100, 12345, -100, -999999999] {
            assert_eq!(s(n), n.to_string());
        }
    }
}

/// `Math.max(a, b)`: NaN if either is NaN; +0 beats -0 (Rust's f64::max ignores NaN).
pub fn js_max(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    if a > b {
        a
    } else if b > a {
        b
    } else if a.is_sign_positive() {
        a
    } else {
        b
    }
}

/// `Math.min(a, b)`: NaN if either is NaN; -0 beats +0.
pub fn js_min(a: f64, b: f64) -> f64 {
    if a.is_nan() || b.is_nan() {
        return f64::NAN;
    }
    if a < b {
        a
    } else if b < a {
        b
    } else if a.is_sign_negative() {
        a
    } else {
        b
    }
}

#[cfg(test)]
mod min_max_tests {
    use super::*;

    #[test]
    fn min_max_propagate_nan_and_order_zeros() {
        assert!(js_max(f64::NAN, 1.0).is_nan());
        assert!(js_min(1.0, f64::NAN).is_nan());
        assert!(js_max(-0.0, 0.0).is_sign_positive());
        assert!(js_max(0.0, -0.0).is_sign_positive());
        assert!(js_min(0.0, -0.0).is_sign_negative());
        assert_eq!(js_max(2.0, 3.0), 3.0);
    }
}
