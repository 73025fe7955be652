//! Port of engines/legacy-js/number.ts: numeric coercion of property values, shared by
//! every numeric property.
#![deny(unsafe_code)]

use crate::jsnum::{is_js_whitespace, parse_float};
use crate::protocol::Value;

/// Reads a property value as a number; NaN means "not a number" (the caller rejects it).
///
/// quirk parsefloat-units: strings go through parseFloat, so "12px" -> 12, " 7" -> 7,
/// "Infinity" -> Infinity, ".5x" -> 0.5. With the flag off (`parsefloat_units` false)
/// only strings that are entirely a numeric literal (after trimming) are numbers.
pub fn to_number(value: &Value, parsefloat_units: bool) -> f64 {
    match value {
        Value::Number(n) => *n,
        Value::String(s) => {
            if parsefloat_units {
                parse_float(s)
            } else {
                strict_number(s)
            }
        }
        _ => f64::NAN,
    }
}

/// Clamps a (non-NaN) number to 0..1 (`clampUnit`).
pub fn clamp_unit(n: f64) -> f64 {
    if n < 0.0 {
        return 0.0;
    }
    if n > 1.0 {
        return 1.0;
    }
    n
}

/// Length of the StrDecimalLiteral at the start of `s` (sign, "Infinity", digits with
/// optional fraction and exponent), 0 when there is none: the prefix parseFloat reads.
pub fn decimal_literal_len(s: &[u16]) -> usize {
    let digits = |from: usize| s[from..].iter().take_while(|&&u| (0x30..=0x39).contains(&u)).count();
    let mut i = 0;
    if i < s.len() && (s[i] == b'+' as u16 || s[i] == b'-' as u16) {
        i += 1;
    }
    let inf: Vec<u16> = "Infinity".encode_utf16().collect();
    if s.len() >= i + inf.len() && s[i..i + inf.len()] == inf[..] {
        return i + inf.len();
    }
    let int_len = digits(i);
    i += int_len;
    let mut frac_len = 0;
    if i < s.len() && s[i] == b'.' as u16 {
        frac_len = digits(i + 1);
        if int_len > 0 || frac_len > 0 {
            i += 1 + frac_len;
        }
    }
    if int_len == 0 && frac_len == 0 {
        return 0;
    }
    if i < s.len() && (s[i] == b'e' as u16 || s[i] == b'E' as u16) {
        let mut j = i + 1;
        if j < s.len() && (s[j] == b'+' as u16 || s[j] == b'-' as u16) {
            j += 1;
        }
        let exp_len = digits(j);
        if exp_len > 0 {
            i = j + exp_len;
        }
    }
    i
}

/// The "correct" coercion of quirk parsefloat-units off: the trimmed string must be one
/// whole numeric literal ("12" or " 1e3 "), else NaN ("12px", "", "0x10").
pub fn strict_number(s: &[u16]) -> f64 {
    let start = s.iter().position(|&u| !is_js_whitespace(u)).unwrap_or(s.len());
    let end = s.iter().rposition(|&u| !is_js_whitespace(u)).map_or(start, |i| i + 1);
    let trimmed = &s[start..end.max(start)];
    if trimmed.is_empty() || decimal_literal_len(trimmed) != trimmed.len() {
        return f64::NAN;
    }
    parse_float(trimmed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn parsefloat_units_reads_a_prefix() {
        assert_eq!(to_number(&Value::String(u("12px")), true), 12.0);
        assert!(to_number(&Value::String(u("12px")), false).is_nan());
        assert_eq!(to_number(&Value::String(u(" 1e3 ")), false), 1000.0);
        assert_eq!(to_number(&Value::String(u("-Infinity")), false), f64::NEG_INFINITY);
        assert!(to_number(&Value::String(u("")), false).is_nan());
        assert!(to_number(&Value::String(u("1e")), false).is_nan());
        assert_eq!(to_number(&Value::String(u("5.")), false), 5.0);
        assert!(to_number(&Value::Bool(true), true).is_nan());
    }

    #[test]
    fn clamps_to_unit_keeping_negative_zero() {
        assert_eq!(clamp_unit(2.0), 1.0);
        assert_eq!(clamp_unit(-2.0), 0.0);
        assert!(clamp_unit(-0.0).is_sign_negative());
    }
}
