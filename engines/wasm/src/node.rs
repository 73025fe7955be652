//! Port of engines/legacy-js/node.ts: one host node of the scene and its coerced style.
//! Field defaults mirror engines/shared/properties.ts.
#![deny(unsafe_code)]

use crate::color::{Rgba, BLACK, TRANSPARENT, WHITE};
use crate::protocol::NodeType;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Row,
    Column,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Relative,
    Absolute,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Start,
    Center,
    End,
    Stretch,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Justify {
    Start,
    Center,
    End,
    SpaceBetween,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextAlign {
    Left,
    Center,
    Right,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    Fill,
    Contain,
    Cover,
    None,
}

/// A width or height: auto, pixels, or a percentage (value 50 means 50%).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Dimension {
    Auto,
    Px(f64),
    Percent(f64),
}

/// Parent pointer of a detached node.
pub const NO_PARENT: i64 = -1;

#[derive(Clone, Debug)]
pub struct SceneNode {
    pub id: u32,
    pub node_type: NodeType,
    /// Last parent this node was appended or inserted to (quirk double-append), or NO_PARENT.
    pub parent: i64,
    /// Child ids in child order; an id may repeat (quirk double-append) or be stale (destroyed).
    pub children: Vec<u32>,

    // layout
    pub direction: Direction,
    pub position: Position,
    pub x: f64,
    pub y: f64,
    pub width: Dimension,
    pub height: Dimension,
    pub padding: f64,
    pub margin: f64,
    pub gap: f64,
    pub grow: f64,
    pub align: Align,
    pub justify: Justify,

    // paint
    pub background: Rgba,
    pub border_width: f64,
    pub border_color: Rgba,
    pub radius: f64,
    pub opacity: f64,
    pub clip: bool,
    pub z_index: i32,
    pub visible: bool,

    // text
    pub text: Vec<u16>,
    pub font_size: f64,
    pub color: Rgba,
    pub line_height: f64,
    /// None is `null` (unlimited); otherwise floor(n) >= 0, possibly Infinity.
    pub max_lines: Option<f64>,
    pub ellipsis: bool,
    pub text_align: TextAlign,

    // image
    pub src: Vec<u16>,
    pub fit: Fit,

    // focus
    pub focusable: bool,
}

impl SceneNode {
    pub fn new(id: u32, node_type: NodeType) -> SceneNode {
        SceneNode {
            id,
            node_type,
            parent: NO_PARENT,
            children: Vec::new(),
            direction: Direction::Column,
            position: Position::Relative,
            x: 0.0,
            y: 0.0,
            width: Dimension::Auto,
            height: Dimension::Auto,
            padding: 0.0,
            margin: 0.0,
            gap: 0.0,
            grow: 0.0,
            align: Align::Stretch,
            justify: Justify::Start,
            background: TRANSPARENT,
            border_width: 0.0,
            border_color: BLACK,
            radius: 0.0,
            opacity: 1.0,
            clip: false,
            z_index: 0,
            visible: true,
            text: Vec::new(),
            font_size: 16.0,
            color: WHITE,
            line_height: 0.0,
            max_lines: None,
            ellipsis: false,
            text_align: TextAlign::Left,
            src: Vec::new(),
            fit: Fit::Fill,
            focusable: false,
        }
    }

    /// Back to a fresh node, keeping the allocations of `children`, `text` and `src`.
    pub fn reinit(&mut self, id: u32, node_type: NodeType) {
        let mut children = core::mem::take(&mut self.children);
        let mut text = core::mem::take(&mut self.text);
        let mut src = core::mem::take(&mut self.src);
        children.clear();
        text.clear();
        src.clear();
        *self = SceneNode { children, text, src, ..SceneNode::new(id, node_type) };
    }
}
