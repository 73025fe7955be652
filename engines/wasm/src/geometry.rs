//! Port of engines/legacy-js/geometry.ts: the two roundings that turn layout floats into
//! pixels, each a quirk with a "correct" alternative behind its flag.
#![deny(unsafe_code)]

use crate::jsnum::{js_round, to_int32};

/// Snaps a box edge (f64) to a pixel index.
/// quirk coord-int32-truncation: `v | 0` (ToInt32: truncate, wrap modulo 2^32, NaN and
/// ±Infinity -> 0). Off: floor, saturating to i32, NaN -> 0.
pub fn snap_edge(v: f64, coord_int32_truncation: bool) -> i64 {
    if coord_int32_truncation {
        i64::from(to_int32(v))
    } else {
        // `as` saturates and maps NaN to 0.
        i64::from(v.floor() as i32)
    }
}

/// The offset that centres `size` in `available`, given free = available - size.
/// quirk round-half-up: Math.round (ties toward +Infinity). Off: half away from zero.
pub fn centre_offset(free: f64, round_half_up: bool) -> f64 {
    if round_half_up {
        js_round(free / 2.0)
    } else {
        (free / 2.0).round()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snaps_like_js_or_floors() {
        assert_eq!(snap_edge(-1.5, true), -1);
        assert_eq!(snap_edge(-1.5, false), -2);
        assert_eq!(snap_edge(2147483648.0, true), -2147483648);
        assert_eq!(snap_edge(2147483648.0, false), 2147483647);
        assert_eq!(snap_edge(f64::NAN, false), 0);
    }

    #[test]
    fn centres_with_either_rounding() {
        assert_eq!(centre_offset(-5.0, true), -2.0);
        assert_eq!(centre_offset(-5.0, false), -3.0);
        assert_eq!(centre_offset(5.0, true), 3.0);
    }
}
