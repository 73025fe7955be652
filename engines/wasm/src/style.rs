//! Port of engines/legacy-js/style.ts: `set {id, prop, value}`: property lookup, node-type
//! check and value coercion. On any rejection the node is left unchanged.
#![deny(unsafe_code)]

use crate::assets::Assets;
use crate::color::parse_color;
use crate::jsnum::{parse_float, to_int32};
use crate::node::{Align, Dimension, Direction, Fit, Justify, Position, SceneNode, TextAlign};
use crate::number::{clamp_unit, strict_number, to_number};
use crate::protocol::{NodeType, PropCode, Value};
use crate::quirks::Quirks;

/// CAPS.maxStringLength.
pub const MAX_STRING_LENGTH: usize = 4096;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SetOutcome {
    Ok,
    UnknownProp,
    WrongNodeType,
    BadValue,
    MissingImage,
}

/// The group of each property (PROPERTIES[i].group in properties.ts), for the node-type check.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Group {
    Any,
    Text,
    Image,
}

fn group_of(prop: PropCode) -> Group {
    use PropCode::*;
    match prop {
        Text | FontSize | Color | LineHeight | MaxLines | Ellipsis | TextAlign => Group::Text,
        Src | Fit => Group::Image,
        _ => Group::Any,
    }
}

fn is_str(value: &Value, s: &str) -> bool {
    match value {
        Value::String(v) => v.len() == s.len() && v.iter().zip(s.bytes()).all(|(&u, b)| u == u16::from(b)),
        _ => false,
    }
}

/// Which of `names` the value is exactly (enum props).
fn one_of(value: &Value, names: &[&str]) -> Option<usize> {
    names.iter().position(|n| is_str(value, n))
}

/// number >= 0 (parseFloat quirk applies), or NaN when rejected.
fn to_non_negative(value: &Value, quirks: &Quirks) -> f64 {
    let n = to_number(value, quirks.parsefloat_units);
    if n >= 0.0 {
        n
    } else {
        f64::NAN
    }
}

/// width/height: "auto", a number >= 0, or a string ending in "%" read with parseFloat
/// ("50%" -> 50 percent). Other strings go through parseFloat too (quirk parsefloat-units).
pub fn parse_dimension(value: &Value, quirks: &Quirks) -> Option<Dimension> {
    if is_str(value, "auto") {
        return Some(Dimension::Auto);
    }
    if let Value::String(s) = value {
        if s.last() == Some(&37) {
            // quirk parsefloat-units off: the part before '%' must be a whole number.
            let p = if quirks.parsefloat_units { parse_float(s) } else { strict_number(&s[..s.len() - 1]) };
            return if p >= 0.0 { Some(Dimension::Percent(p)) } else { None };
        }
    }
    let n = to_number(value, quirks.parsefloat_units);
    if n >= 0.0 {
        Some(Dimension::Px(n))
    } else {
        None
    }
}

/// JS `!!value`.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => !(n.is_nan() || *n == 0.0),
        Value::String(s) => !s.is_empty(),
    }
}

pub fn set_property(node: &mut SceneNode, prop: PropCode, value: &Value, assets: &Assets, quirks: &Quirks) -> SetOutcome {
    use SetOutcome::*;
    // 1. look_up_property: done by the decoder (unknown names never reach here)
    // 2. check_node_type: text and image props belong to their node type; the rest to all
    let group = group_of(prop);
    if group == Group::Text && node.node_type != NodeType::Text {
        return WrongNodeType;
    }
    if group == Group::Image && node.node_type != NodeType::Image {
        return WrongNodeType;
    }
    // 3. coerce_and_assign
    match prop {
        PropCode::Direction => match one_of(value, &["row", "column"]) {
            Some(i) => node.direction = [Direction::Row, Direction::Column][i],
            None => return BadValue,
        },
        PropCode::Position => match one_of(value, &["relative", "absolute"]) {
            Some(i) => node.position = [Position::Relative, Position::Absolute][i],
            None => return BadValue,
        },
        PropCode::X | PropCode::Y | PropCode::Margin => {
            let n = to_number(value, quirks.parsefloat_units);
            if n.is_nan() {
                return BadValue;
            }
            match prop {
                PropCode::X => node.x = n,
                PropCode::Y => node.y = n,
                _ => node.margin = n,
            }
        }
        PropCode::Width | PropCode::Height => {
            let d = match parse_dimension(value, quirks) {
                Some(d) => d,
                None => return BadValue,
            };
            if prop == PropCode::Width {
                node.width = d;
            } else {
                node.height = d;
            }
        }
        PropCode::Padding | PropCode::Gap | PropCode::Grow | PropCode::BorderWidth | PropCode::Radius | PropCode::LineHeight => {
            let n = to_non_negative(value, quirks);
            if n.is_nan() {
                return BadValue;
            }
            match prop {
                PropCode::Padding => node.padding = n,
                PropCode::Gap => node.gap = n,
                PropCode::Grow => node.grow = n,
                PropCode::BorderWidth => node.border_width = n,
                PropCode::Radius => node.radius = n,
                _ => node.line_height = n,
            }
        }
        PropCode::Align => match one_of(value, &["start", "center", "end", "stretch"]) {
            Some(i) => node.align = [Align::Start, Align::Center, Align::End, Align::Stretch][i],
            None => return BadValue,
        },
        PropCode::Justify => match one_of(value, &["start", "center", "end", "space-between"]) {
            Some(i) => node.justify = [Justify::Start, Justify::Center, Justify::End, Justify::SpaceBetween][i],
            None => return BadValue,
        },
        PropCode::Background | PropCode::BorderColor | PropCode::Color => {
            let c = match parse_color(value, quirks.short_hex_color) {
                Some(c) => c,
                None => return BadValue,
            };
            match prop {
                PropCode::Background => node.background = c,
                PropCode::BorderColor => node.border_color = c,
                _ => node.color = c,
            }
        }
        PropCode::Opacity => {
            let n = to_number(value, quirks.parsefloat_units);
            if n.is_nan() {
                return BadValue;
            }
            node.opacity = clamp_unit(n);
        }
        PropCode::Clip | PropCode::Ellipsis | PropCode::Focusable => {
            let b = match value {
                Value::Bool(b) => *b,
                _ => return BadValue,
            };
            match prop {
                PropCode::Clip => node.clip = b,
                PropCode::Ellipsis => node.ellipsis = b,
                _ => node.focusable = b,
            }
        }
        PropCode::ZIndex => {
            let n = to_number(value, quirks.parsefloat_units);
            if n.is_nan() {
                return BadValue;
            }
            // quirk zindex-string-sort (first half): zIndex is coerced to int32 with `| 0`
            node.z_index = to_int32(n);
        }
        PropCode::Visible => {
            if quirks.visible_string_truthy {
                // quirk visible-string-truthy: `!!value`, so "false" means visible.
                node.visible = truthy(value);
            } else {
                // Off: booleans and the strings "true"/"false" only.
                node.visible = match value {
                    Value::Bool(b) => *b,
                    _ if is_str(value, "true") => true,
                    _ if is_str(value, "false") => false,
                    _ => return BadValue,
                };
            }
        }
        PropCode::Text => match value {
            Value::String(s) if s.len() <= MAX_STRING_LENGTH => {
                node.text.clear();
                node.text.extend_from_slice(s);
            }
            _ => return BadValue,
        },
        PropCode::FontSize => {
            let n = to_number(value, quirks.parsefloat_units);
            if !(n > 0.0) {
                return BadValue;
            }
            node.font_size = n;
        }
        PropCode::MaxLines => {
            if let Value::Null = value {
                node.max_lines = None;
                return Ok;
            }
            let n = to_non_negative(value, quirks);
            if n.is_nan() {
                return BadValue;
            }
            node.max_lines = Some(n.floor());
        }
        PropCode::TextAlign => match one_of(value, &["left", "center", "right"]) {
            Some(i) => node.text_align = [TextAlign::Left, TextAlign::Center, TextAlign::Right][i],
            None => return BadValue,
        },
        PropCode::Src => {
            let s = match value {
                Value::String(s) => s,
                _ => return BadValue,
            };
            if !s.is_empty() && assets.image(s).is_none() {
                return MissingImage;
            }
            node.src.clear();
            node.src.extend_from_slice(s);
        }
        PropCode::Fit => match one_of(value, &["fill", "contain", "cover", "none"]) {
            Some(i) => node.fit = [Fit::Fill, Fit::Contain, Fit::Cover, Fit::None][i],
            None => return BadValue,
        },
    }
    Ok
}
