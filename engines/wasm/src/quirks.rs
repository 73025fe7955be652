//! Port of engines/shared/quirks.ts: one compat flag per catalogued quirk.
//!
//! The legacy engine has no switches; it simply behaves this way. Here each flag is on
//! by default (legacy behaviour) and off means "what the catalogue calls correct"
//! (scenarios/quirks/<id>.yaml). The harness self-test turns each off to prove it notices.
//! The host passes the flags as a u32 mask: bit i is QUIRK_IDS[i].
#![deny(unsafe_code)]

/// QUIRK_IDS in quirks.ts, in order: the index is the bit in the mask.
pub const QUIRK_IDS: [&str; 18] = [
    "coord-int32-truncation",
    "round-half-up",
    "blend-truncation",
    "zindex-string-sort",
    "opacity-not-compounded",
    "clip-ignores-radius",
    "parsefloat-units",
    "short-hex-color",
    "ellipsis-splits-surrogate",
    "glyph-per-code-unit",
    "double-append",
    "maxlines-zero-unlimited",
    "grow-remainder-dropped",
    "percent-of-border-box",
    "focus-survives-destroy",
    "focus-considers-hidden",
    "visible-string-truthy",
    "anim-time-accumulation",
];

/// Every defined bit set: all quirks on (the legacy behaviour).
pub const ALL_QUIRKS_MASK: u32 = (1 << QUIRK_IDS.len()) - 1;

/// The compat flags, one field per id (snake_case of the id), in QUIRK_IDS order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quirks {
    pub coord_int32_truncation: bool,
    pub round_half_up: bool,
    pub blend_truncation: bool,
    pub zindex_string_sort: bool,
    pub opacity_not_compounded: bool,
    pub clip_ignores_radius: bool,
    pub parsefloat_units: bool,
    pub short_hex_color: bool,
    pub ellipsis_splits_surrogate: bool,
    pub glyph_per_code_unit: bool,
    pub double_append: bool,
    pub maxlines_zero_unlimited: bool,
    pub grow_remainder_dropped: bool,
    pub percent_of_border_box: bool,
    pub focus_survives_destroy: bool,
    pub focus_considers_hidden: bool,
    pub visible_string_truthy: bool,
    pub anim_time_accumulation: bool,
}

impl Quirks {
    /// Flags from a mask, or None when a bit beyond QUIRK_IDS is set (a host that is out
    /// of step with this build: better refused than silently ignored).
    pub fn from_mask(mask: u32) -> Option<Quirks> {
        if mask & !ALL_QUIRKS_MASK != 0 {
            return None;
        }
        let bit = |i: u32| mask & (1 << i) != 0;
        Some(Quirks {
            coord_int32_truncation: bit(0),
            round_half_up: bit(1),
            blend_truncation: bit(2),
            zindex_string_sort: bit(3),
            opacity_not_compounded: bit(4),
            clip_ignores_radius: bit(5),
            parsefloat_units: bit(6),
            short_hex_color: bit(7),
            ellipsis_splits_surrogate: bit(8),
            glyph_per_code_unit: bit(9),
            double_append: bit(10),
            maxlines_zero_unlimited: bit(11),
            grow_remainder_dropped: bit(12),
            percent_of_border_box: bit(13),
            focus_survives_destroy: bit(14),
            focus_considers_hidden: bit(15),
            visible_string_truthy: bit(16),
            anim_time_accumulation: bit(17),
        })
    }

    /// All flags on: the legacy engine's behaviour, the default.
    pub fn legacy() -> Quirks {
        Quirks::all(true)
    }

    fn all(on: bool) -> Quirks {
        Quirks {
            coord_int32_truncation: on,
            round_half_up: on,
            blend_truncation: on,
            zindex_string_sort: on,
            opacity_not_compounded: on,
            clip_ignores_radius: on,
            parsefloat_units: on,
            short_hex_color: on,
            ellipsis_splits_surrogate: on,
            glyph_per_code_unit: on,
            double_append: on,
            maxlines_zero_unlimited: on,
            grow_remainder_dropped: on,
            percent_of_border_box: on,
            focus_survives_destroy: on,
            focus_considers_hidden: on,
            visible_string_truthy: on,
            anim_time_accumulation: on,
        }
    }

    /// The flags back as a mask (inverse of `from_mask`).
    pub fn to_mask(self) -> u32 {
        let flags = [
            self.coord_int32_truncation,
            self.round_half_up,
            self.blend_truncation,
            self.zindex_string_sort,
            self.opacity_not_compounded,
            self.clip_ignores_radius,
            self.parsefloat_units,
            self.short_hex_color,
            self.ellipsis_splits_surrogate,
            self.glyph_per_code_unit,
            self.double_append,
            self.maxlines_zero_unlimited,
            self.grow_remainder_dropped,
            self.percent_of_border_box,
            self.focus_survives_destroy,
            self.focus_considers_hidden,
            self.visible_string_truthy,
            self.anim_time_accumulation,
        ];
        flags.iter().enumerate().fold(0, |mask, (i, &on)| if on { mask | (1 << i) } else { mask })
    }
}

impl Default for Quirks {
    fn default() -> Quirks {
        Quirks::legacy()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_i_is_quirk_ids_i() {
        let only_round = Quirks::from_mask(1 << 1).unwrap();
        assert!(only_round.round_half_up);
        assert_eq!(only_round, Quirks { round_half_up: true, ..Quirks::all(false) });
        let only_last = Quirks::from_mask(1 << 17).unwrap();
        assert_eq!(only_last, Quirks { anim_time_accumulation: true, ..Quirks::all(false) });
    }

    #[test]
    fn mask_round_trips() {
        for i in 0..QUIRK_IDS.len() {
            let mask = ALL_QUIRKS_MASK & !(1 << i);
            assert_eq!(Quirks::from_mask(mask).unwrap().to_mask(), mask);
        }
        assert_eq!(Quirks::legacy().to_mask(), ALL_QUIRKS_MASK);
        assert_eq!(Quirks::from_mask(0).unwrap(), Quirks::all(false));
    }

    #[test]
    fn refuses_bits_beyond_the_catalogue() {
        assert_eq!(Quirks::from_mask(1 << 18), None);
        assert_eq!(Quirks::from_mask(u32::MAX), None);
    }
}
