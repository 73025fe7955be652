//! Port of engines/legacy-js/color.ts: colour parsing ("#rgb", "#rrggbb", "#rrggbbaa" and
//! five names). Anything else is rejected.
#![deny(unsafe_code)]

use crate::protocol::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgba {
    pub r: u8,
    pub g: u8,
    pub b: u8,
    pub a: u8,
}

pub const TRANSPARENT: Rgba = Rgba { r: 0, g: 0, b: 0, a: 0 };
pub const BLACK: Rgba = Rgba { r: 0, g: 0, b: 0, a: 255 };
pub const WHITE: Rgba = Rgba { r: 255, g: 255, b: 255, a: 255 };

/// Names are matched exactly (lower case). Values follow CSS: green is #008000.
const NAMED_COLOURS: [(&str, Rgba); 6] = [
    ("transparent", TRANSPARENT),
    ("black", BLACK),
    ("white", WHITE),
    ("red", Rgba { r: 255, g: 0, b: 0, a: 255 }),
    ("green", Rgba { r: 0, g: 128, b: 0, a: 255 }),
    ("blue", Rgba { r: 0, g: 0, b: 255, a: 255 }),
];

fn hex_value(unit: u16) -> Option<u32> {
    match unit {
        0x30..=0x39 => Some(u32::from(unit) - 0x30),
        0x61..=0x66 => Some(u32::from(unit) - 0x61 + 10),
        0x41..=0x46 => Some(u32::from(unit) - 0x41 + 10),
        _ => None,
    }
}

fn equals_ascii(s: &[u16], name: &str) -> bool {
    s.len() == name.len() && s.iter().zip(name.bytes()).all(|(&u, b)| u == u16::from(b))
}

/// The colour, or None when the value is not a colour (the caller emits bad-value).
pub fn parse_color(value: &Value, short_hex_color: bool) -> Option<Rgba> {
    // 1. accept_strings_only
    let s = match value {
        Value::String(s) => s,
        _ => return None,
    };
    // 2. match_named_colour
    for (name, rgba) in NAMED_COLOURS.iter() {
        if equals_ascii(s, name) {
            return Some(*rgba);
        }
    }
    // 3. split_hash_and_digits (every unit after '#' must be a hex digit)
    if s.first() != Some(&35) {
        return None;
    }
    let hex = &s[1..];
    let mut digits = [0u32; 8];
    for (i, &unit) in hex.iter().enumerate() {
        let d = hex_value(unit)?;
        if i < 8 {
            digits[i] = d;
        }
    }
    // parseInt(hex, 16) of at most 8 validated digits is exact: fold them in a u32.
    let fold = |n: usize| digits[..n].iter().fold(0u32, |v, &d| (v << 4) | d);
    // 4. parse_rgb_hex
    if hex.len() == 3 && !short_hex_color {
        // quirk short-hex-color off: "#abc" expands to "#aabbcc".
        let v = (digits[0] * 17) << 16 | (digits[1] * 17) << 8 | digits[2] * 17;
        return Some(Rgba { r: (v >> 16) as u8, g: (v >> 8) as u8, b: v as u8, a: 255 });
    }
    if hex.len() == 3 || hex.len() == 6 {
        // quirk short-hex-color: "#rgb" goes through the same parseInt as "#rrggbb", so
        // "#abc" is 0x000abc = rgb(0, 10, 188).
        let v = fold(hex.len());
        return Some(Rgba { r: (v >> 16) as u8, g: (v >> 8) as u8, b: v as u8, a: 255 });
    }
    // 5. parse_rgba_hex
    if hex.len() == 8 {
        let v = fold(8);
        return Some(Rgba { r: (v >> 24) as u8, g: (v >> 16) as u8, b: (v >> 8) as u8, a: v as u8 });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str, quirk: bool) -> Option<Rgba> {
        parse_color(&Value::String(s.encode_utf16().collect()), quirk)
    }

    #[test]
    fn parses_names_and_hex() {
        assert_eq!(c("green", true), Some(Rgba { r: 0, g: 128, b: 0, a: 255 }));
        assert_eq!(c("#abc", true), Some(Rgba { r: 0, g: 10, b: 188, a: 255 }));
        assert_eq!(c("#abc", false), Some(Rgba { r: 0xaa, g: 0xbb, b: 0xcc, a: 255 }));
        assert_eq!(c("#ff000080", true), Some(Rgba { r: 255, g: 0, b: 0, a: 128 }));
        assert_eq!(c("#", true), None);
        assert_eq!(c("#abcg", true), None);
        assert_eq!(c("Red", true), None);
        assert_eq!(c("#123456789", true), None);
    }
}
