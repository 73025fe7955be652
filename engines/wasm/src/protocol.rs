//! Port of engines/shared/binary.ts (`decodeBatch`), with the tables of
//! engines/shared/protocol.ts (OPS, NODE_TYPES, KEYS, EASINGS) and
//! engines/shared/properties.ts (PROPERTIES: the index is the property code).
//!
//! The wire format, little-endian, unaligned:
//! ```text
//! batch   = u32 count, command*count
//! command = u8 opcode (index in OPS), then per op:
//!   create  u32 id, u8 type        set     u32 id, prop, value
//!   append  u32 parent, u32 child  insert  u32 parent, u32 child, u32 before
//!   remove  u32 parent, u32 child  destroy u32 id      focus u32 id
//!   key     u8 key                 animate u32 id, prop, f64 to, f64 ms, u8 easing
//!   tick    f64 ms                 resize  u32 width, u32 height
//!   frame   u8 hasName, string if hasName == 1
//! prop    = u8 index in PROPERTIES, or 0xFF then string
//! value   = u8 tag: 0 null | 1 false | 2 true | 3 f64 | 4 string
//! string  = u32 length in UTF-16 units, then u16 units (lone surrogates survive)
//! ```
//! Errors carry binary.ts's wording ("bad opcode 77 at byte 4") so a malformed batch
//! reads the same from either decoder. A malformed batch is a host bug: the whole batch is
//! rejected before any command is applied.
#![deny(unsafe_code)]

use core::fmt;

/// Opcodes in wire order (OPS in protocol.ts).
pub const OPS: [&str; 12] = [
    "create", "set", "append", "insert", "remove", "destroy", "focus", "key", "animate", "tick",
    "resize", "frame",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeType {
    View = 0,
    Text = 1,
    Image = 2,
}

/// NODE_TYPES in protocol.ts.
pub const NODE_TYPES: [&str; 3] = ["view", "text", "image"];
const NODE_TYPE_VALUES: [NodeType; 3] = [NodeType::View, NodeType::Text, NodeType::Image];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Key {
    Up = 0,
    Down = 1,
    Left = 2,
    Right = 3,
    Enter = 4,
}

/// KEYS in protocol.ts.
pub const KEYS: [&str; 5] = ["up", "down", "left", "right", "enter"];
const KEY_VALUES: [Key; 5] = [Key::Up, Key::Down, Key::Left, Key::Right, Key::Enter];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Easing {
    Linear = 0,
    EaseIn = 1,
    EaseOut = 2,
    EaseInOut = 3,
}

/// EASINGS in protocol.ts.
pub const EASINGS: [&str; 4] = ["linear", "ease-in", "ease-out", "ease-in-out"];
const EASING_VALUES: [Easing; 4] = [Easing::Linear, Easing::EaseIn, Easing::EaseOut, Easing::EaseInOut];

/// A known property; the discriminant is its code on the wire (its index in PROPERTIES).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PropCode {
    Direction = 0,
    Position = 1,
    X = 2,
    Y = 3,
    Width = 4,
    Height = 5,
    Padding = 6,
    Margin = 7,
    Gap = 8,
    Grow = 9,
    Align = 10,
    Justify = 11,
    Background = 12,
    BorderWidth = 13,
    BorderColor = 14,
    Radius = 15,
    Opacity = 16,
    Clip = 17,
    ZIndex = 18,
    Visible = 19,
    Text = 20,
    FontSize = 21,
    Color = 22,
    LineHeight = 23,
    MaxLines = 24,
    Ellipsis = 25,
    TextAlign = 26,
    Src = 27,
    Fit = 28,
    Focusable = 29,
}

/// Property names by code (PROPERTIES[i].name in properties.ts).
pub const PROPERTY_NAMES: [&str; 30] = [
    "direction", "position", "x", "y", "width", "height", "padding", "margin", "gap", "grow",
    "align", "justify", "background", "borderWidth", "borderColor", "radius", "opacity", "clip",
    "zIndex", "visible", "text", "fontSize", "color", "lineHeight", "maxLines", "ellipsis",
    "textAlign", "src", "fit", "focusable",
];

const PROP_CODES: [PropCode; 30] = [
    PropCode::Direction,
    PropCode::Position,
    PropCode::X,
    PropCode::Y,
    PropCode::Width,
    PropCode::Height,
    PropCode::Padding,
    PropCode::Margin,
    PropCode::Gap,
    PropCode::Grow,
    PropCode::Align,
    PropCode::Justify,
    PropCode::Background,
    PropCode::BorderWidth,
    PropCode::BorderColor,
    PropCode::Radius,
    PropCode::Opacity,
    PropCode::Clip,
    PropCode::ZIndex,
    PropCode::Visible,
    PropCode::Text,
    PropCode::FontSize,
    PropCode::Color,
    PropCode::LineHeight,
    PropCode::MaxLines,
    PropCode::Ellipsis,
    PropCode::TextAlign,
    PropCode::Src,
    PropCode::Fit,
    PropCode::Focusable,
];

impl PropCode {
    pub fn from_code(code: u8) -> Option<PropCode> {
        PROP_CODES.get(usize::from(code)).copied()
    }

    pub fn name(self) -> &'static str {
        PROPERTY_NAMES[self as usize]
    }
}

/// Marks a property that travels by name (PROP_CUSTOM in binary.ts).
pub const PROP_CUSTOM: u8 = 0xFF;

/// A property as sent: a known code, or a name the table does not know (the engine
/// answers that with an `unknown-prop` event, so the name must survive).
#[derive(Clone, Debug, PartialEq)]
pub enum Prop {
    Known(PropCode),
    Custom(Vec<u16>),
}

impl Prop {
    /// The name as UTF-16, as an event's `detail` carries it.
    pub fn name_utf16(&self) -> Vec<u16> {
        match self {
            Prop::Known(code) => code.name().encode_utf16().collect(),
            Prop::Custom(name) => name.clone(),
        }
    }
}

/// A property value as it travels (`Value` in protocol.ts); engines coerce it.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(Vec<u16>),
}

pub const VALUE_NULL: u8 = 0;
pub const VALUE_FALSE: u8 = 1;
pub const VALUE_TRUE: u8 = 2;
pub const VALUE_NUMBER: u8 = 3;
pub const VALUE_STRING: u8 = 4;

/// One command (`Command` in protocol.ts). Ids are u32 on the wire; the validator keeps
/// them within 0..=0x7fffffff, the engine still treats any u32 as an id.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    Create { id: u32, node_type: NodeType },
    Set { id: u32, prop: Prop, value: Value },
    Append { parent: u32, child: u32 },
    Insert { parent: u32, child: u32, before: u32 },
    Remove { parent: u32, child: u32 },
    Destroy { id: u32 },
    Focus { id: u32 },
    Key { key: Key },
    Animate { id: u32, prop: Prop, to: f64, ms: f64, easing: Easing },
    Tick { ms: f64 },
    Resize { width: u32, height: u32 },
    Frame { name: Option<Vec<u16>> },
}

/// Why a batch could not be decoded, and where (`DecodeError` in binary.ts).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    pub message: String,
    pub offset: usize,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.message, self.offset)
    }
}

/// Reads the primitives of the format, bounds-checked (`ByteReader` in binary.ts).
struct ByteReader<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> ByteReader<'a> {
    /// `n` is u64 so that a forged string length reports the same number on wasm32 as
    /// binary.ts does (2 * 0xFFFFFFFF overflows a 32-bit usize).
    fn need(&self, n: u64) -> Result<(), DecodeError> {
        if n > (self.bytes.len() - self.offset) as u64 {
            return Err(DecodeError {
                message: format!("truncated batch: expected {} more byte(s)", n),
                offset: self.offset,
            });
        }
        Ok(())
    }

    fn take<const N: usize>(&mut self) -> Result<[u8; N], DecodeError> {
        self.need(N as u64)?;
        let mut out = [0u8; N];
        out.copy_from_slice(&self.bytes[self.offset..self.offset + N]);
        self.offset += N;
        Ok(out)
    }

    fn u8(&mut self) -> Result<u8, DecodeError> {
        Ok(self.take::<1>()?[0])
    }

    fn u32(&mut self) -> Result<u32, DecodeError> {
        Ok(u32::from_le_bytes(self.take::<4>()?))
    }

    fn f64(&mut self) -> Result<f64, DecodeError> {
        Ok(f64::from_le_bytes(self.take::<8>()?))
    }

    fn string(&mut self) -> Result<Vec<u16>, DecodeError> {
        let units = self.u32()?;
        // Checked before allocating: a forged length cannot reserve more than the batch holds.
        self.need(u64::from(units) * 2)?;
        let bytes = units as usize * 2;
        let raw = &self.bytes[self.offset..self.offset + bytes];
        let out = raw.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect();
        self.offset += bytes;
        Ok(out)
    }

    fn enum_at<T: Copy>(&mut self, values: &[T], what: &str) -> Result<T, DecodeError> {
        let at = self.offset;
        let index = self.u8()?;
        values.get(usize::from(index)).copied().ok_or_else(|| DecodeError {
            message: format!("bad {} {}", what, index),
            offset: at,
        })
    }

    fn prop(&mut self) -> Result<Prop, DecodeError> {
        let at = self.offset;
        let code = self.u8()?;
        if code == PROP_CUSTOM {
            return Ok(Prop::Custom(self.string()?));
        }
        match PropCode::from_code(code) {
            Some(known) => Ok(Prop::Known(known)),
            None => Err(DecodeError { message: format!("bad property index {}", code), offset: at }),
        }
    }

    fn value(&mut self) -> Result<Value, DecodeError> {
        let at = self.offset;
        match self.u8()? {
            VALUE_NULL => Ok(Value::Null),
            VALUE_FALSE => Ok(Value::Bool(false)),
            VALUE_TRUE => Ok(Value::Bool(true)),
            VALUE_NUMBER => Ok(Value::Number(self.f64()?)),
            VALUE_STRING => Ok(Value::String(self.string()?)),
            tag => Err(DecodeError { message: format!("bad value tag {}", tag), offset: at }),
        }
    }
}

const OP_CREATE: u8 = 0;
const OP_SET: u8 = 1;
const OP_APPEND: u8 = 2;
const OP_INSERT: u8 = 3;
const OP_REMOVE: u8 = 4;
const OP_DESTROY: u8 = 5;
const OP_FOCUS: u8 = 6;
const OP_KEY: u8 = 7;
const OP_ANIMATE: u8 = 8;
const OP_TICK: u8 = 9;
const OP_RESIZE: u8 = 10;
const OP_FRAME: u8 = 11;

fn read_command(r: &mut ByteReader<'_>) -> Result<Command, DecodeError> {
    let at = r.offset;
    let command = match r.u8()? {
        OP_CREATE => Command::Create { id: r.u32()?, node_type: r.enum_at(&NODE_TYPE_VALUES, "node type")? },
        OP_SET => Command::Set { id: r.u32()?, prop: r.prop()?, value: r.value()? },
        OP_APPEND => Command::Append { parent: r.u32()?, child: r.u32()? },
        OP_INSERT => Command::Insert { parent: r.u32()?, child: r.u32()?, before: r.u32()? },
        OP_REMOVE => Command::Remove { parent: r.u32()?, child: r.u32()? },
        OP_DESTROY => Command::Destroy { id: r.u32()? },
        OP_FOCUS => Command::Focus { id: r.u32()? },
        OP_KEY => Command::Key { key: r.enum_at(&KEY_VALUES, "key")? },
        OP_ANIMATE => Command::Animate {
            id: r.u32()?,
            prop: r.prop()?,
            to: r.f64()?,
            ms: r.f64()?,
            easing: r.enum_at(&EASING_VALUES, "easing")?,
        },
        OP_TICK => Command::Tick { ms: r.f64()? },
        OP_RESIZE => Command::Resize { width: r.u32()?, height: r.u32()? },
        // As binary.ts: any hasName other than 1 means "no name".
        OP_FRAME => Command::Frame { name: if r.u8()? == 1 { Some(r.string()?) } else { None } },
        op => return Err(DecodeError { message: format!("bad opcode {}", op), offset: at }),
    };
    Ok(command)
}

/// Decodes a whole batch into `out` (cleared first, capacity reused across batches).
/// On error `out` holds the commands decoded so far; the caller must not apply them.
pub fn decode_batch_into(bytes: &[u8], out: &mut Vec<Command>) -> Result<(), DecodeError> {
    out.clear();
    let mut r = ByteReader { bytes, offset: 0 };
    let count = r.u32()? as usize;
    // Every command takes at least one byte: a forged count cannot over-reserve.
    out.reserve(count.min(bytes.len()));
    for _ in 0..count {
        out.push(read_command(&mut r)?);
    }
    if r.offset != bytes.len() {
        return Err(DecodeError { message: "trailing bytes after the last command".to_string(), offset: r.offset });
    }
    Ok(())
}

/// Decodes a whole batch (`decodeBatch` in binary.ts).
pub fn decode_batch(bytes: &[u8]) -> Result<Vec<Command>, DecodeError> {
    let mut out = Vec::new();
    decode_batch_into(bytes, &mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A little-endian writer mirroring ByteWriter in binary.ts, for building fixtures.
    #[derive(Default)]
    struct W(Vec<u8>);

    impl W {
        fn u8(mut self, v: u8) -> Self {
            self.0.push(v);
            self
        }
        fn u32(mut self, v: u32) -> Self {
            self.0.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn f64(mut self, v: f64) -> Self {
            self.0.extend_from_slice(&v.to_le_bytes());
            self
        }
        fn units(mut self, units: &[u16]) -> Self {
            self = self.u32(units.len() as u32);
            for u in units {
                self.0.extend_from_slice(&u.to_le_bytes());
            }
            self
        }
        fn string(self, s: &str) -> Self {
            let units: Vec<u16> = s.encode_utf16().collect();
            self.units(&units)
        }
    }

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn decodes_an_empty_batch() {
        assert_eq!(decode_batch(&W::default().u32(0).0), Ok(vec![]));
    }

    #[test]
    fn decodes_every_opcode() {
        let bytes = W::default()
            .u32(13)
            .u8(0).u32(1).u8(1) // create 1 text
            .u8(1).u32(1).u8(20).u8(4).string("hi") // set 1 text "hi"
            .u8(2).u32(0).u32(1) // append
            .u8(3).u32(0).u32(2).u32(1) // insert
            .u8(4).u32(0).u32(1) // remove
            .u8(5).u32(2) // destroy
            .u8(6).u32(1) // focus
            .u8(7).u8(4) // key enter
            .u8(8).u32(1).u8(16).f64(0.5).f64(250.0).u8(3) // animate opacity
            .u8(9).f64(16.5) // tick
            .u8(10).u32(320).u32(200) // resize
            .u8(11).u8(0) // frame
            .u8(11).u8(1).string("after") // frame "after"
            .0;
        let commands = decode_batch(&bytes).unwrap();
        assert_eq!(
            commands,
            vec![
                Command::Create { id: 1, node_type: NodeType::Text },
                Command::Set { id: 1, prop: Prop::Known(PropCode::Text), value: Value::String(u("hi")) },
                Command::Append { parent: 0, child: 1 },
                Command::Insert { parent: 0, child: 2, before: 1 },
                Command::Remove { parent: 0, child: 1 },
                Command::Destroy { id: 2 },
                Command::Focus { id: 1 },
                Command::Key { key: Key::Enter },
                Command::Animate { id: 1, prop: Prop::Known(PropCode::Opacity), to: 0.5, ms: 250.0, easing: Easing::EaseInOut },
                Command::Tick { ms: 16.5 },
                Command::Resize { width: 320, height: 200 },
                Command::Frame { name: None },
                Command::Frame { name: Some(u("after")) },
            ]
        );
    }

    #[test]
    fn decodes_every_value_tag() {
        let set = |w: W| w.u8(1).u32(3).u8(4);
        let bytes = set(set(set(set(set(W::default().u32(5)).u8(0)).u8(1)).u8(2)).u8(3).f64(-0.0)).u8(4).string("50%").0;
        let values: Vec<Value> = decode_batch(&bytes)
            .unwrap()
            .into_iter()
            .map(|c| match c {
                Command::Set { value, .. } => value,
                other => panic!("expected set, got {:?}", other),
            })
            .collect();
        assert_eq!(values[..3], [Value::Null, Value::Bool(false), Value::Bool(true)]);
        assert!(matches!(values[3], Value::Number(n) if n == 0.0 && n.is_sign_negative()));
        assert_eq!(values[4], Value::String(u("50%")));
    }

    #[test]
    fn keeps_unknown_property_names_and_lone_surrogates() {
        let bytes = W::default().u32(1).u8(1).u32(7).u8(PROP_CUSTOM).string("colour").u8(4).units(&[0x61, 0xD800, 0x62]).0;
        assert_eq!(
            decode_batch(&bytes),
            Ok(vec![Command::Set { id: 7, prop: Prop::Custom(u("colour")), value: Value::String(vec![0x61, 0xD800, 0x62]) }])
        );
    }

    #[test]
    fn maps_every_property_code_to_its_name() {
        for (code, name) in PROPERTY_NAMES.iter().enumerate() {
            let prop = PropCode::from_code(code as u8).unwrap();
            assert_eq!(prop as usize, code);
            assert_eq!(prop.name(), *name);
        }
        assert_eq!(PropCode::from_code(30), None);
    }

    #[test]
    fn treats_a_has_name_other_than_one_as_no_name() {
        assert_eq!(decode_batch(&W::default().u32(1).u8(11).u8(7).0), Ok(vec![Command::Frame { name: None }]));
    }

    fn error_of(bytes: &[u8]) -> String {
        decode_batch(bytes).unwrap_err().to_string()
    }

    #[test]
    fn rejects_malformed_batches_with_binary_ts_wording() {
        assert_eq!(error_of(&[]), "truncated batch: expected 4 more byte(s) at byte 0");
        assert_eq!(error_of(&W::default().u32(1).u8(12).0), "bad opcode 12 at byte 4");
        assert_eq!(error_of(&W::default().u32(1).u8(0).u32(1).u8(3).0), "bad node type 3 at byte 9");
        assert_eq!(error_of(&W::default().u32(1).u8(7).u8(5).0), "bad key 5 at byte 5");
        assert_eq!(error_of(&W::default().u32(1).u8(1).u32(1).u8(30).0), "bad property index 30 at byte 9");
        assert_eq!(error_of(&W::default().u32(1).u8(1).u32(1).u8(0).u8(5).0), "bad value tag 5 at byte 10");
        assert_eq!(
            error_of(&W::default().u32(1).u8(8).u32(1).u8(2).f64(1.0).f64(1.0).u8(4).0),
            "bad easing 4 at byte 26"
        );
        assert_eq!(error_of(&W::default().u32(1).u8(9).u32(0).0), "truncated batch: expected 8 more byte(s) at byte 5");
        assert_eq!(error_of(&W::default().u32(0).u8(0).0), "trailing bytes after the last command at byte 4");
        assert_eq!(error_of(&W::default().u32(2).u8(11).u8(0).0), "truncated batch: expected 1 more byte(s) at byte 6");
    }

    #[test]
    fn refuses_forged_lengths_without_allocating_them() {
        let huge_string = W::default().u32(1).u8(11).u8(1).u32(u32::MAX).0;
        assert_eq!(error_of(&huge_string), "truncated batch: expected 8589934590 more byte(s) at byte 10");
        let huge_count = W::default().u32(u32::MAX).0;
        assert_eq!(error_of(&huge_count), "truncated batch: expected 1 more byte(s) at byte 4");
    }
}
