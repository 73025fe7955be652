//! The checkpoint the engine hands back: checkpoint name, layout entries and events,
//! encoded for the host (read by engines/wasm/host/readOutput.ts; mirrors `LayoutEntry`
//! and `EngineEvent` of engines/shared/observation.ts).
//!
//! Little-endian, unaligned, the same primitives as the command format (binary.ts):
//! ```text
//! output = string checkpoint, u32 layoutCount, entry*layoutCount, u32 eventCount, event*eventCount
//! entry  = u32 id, u32 depth, f64 x, f64 y, f64 width, f64 height,
//!          u32 lineCount (0xFFFFFFFF: no `lines`, i.e. not a text node), string*lineCount
//! event  = u32 step, u8 kind (index in EVENT_KINDS), u8 code (index in EVENT_CODES),
//!          i32 id, string detail
//! string = u32 length in UTF-16 units, then u16 units
//! ```
//! The frame itself is not copied here: the host views the framebuffer in place.
#![deny(unsafe_code)]

use crate::events::Event;

/// One node as laid out (`LayoutEntry` in observation.ts): absolute border box in
/// viewport pixels, before pixel snapping; paint-tree order, depth first.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutEntry {
    pub id: u32,
    pub depth: u32,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Text nodes only: the laid-out lines (UTF-16).
    pub lines: Option<Vec<Vec<u16>>>,
}

/// `lineCount` of an entry without `lines`.
pub const NO_LINES: u32 = u32::MAX;

/// Appends the primitives of the output format to a reusable byte buffer.
pub struct OutputWriter<'a> {
    buf: &'a mut Vec<u8>,
}

impl<'a> OutputWriter<'a> {
    /// Starts a new output in `buf` (cleared; its capacity is reused across snapshots).
    pub fn new(buf: &'a mut Vec<u8>) -> OutputWriter<'a> {
        buf.clear();
        OutputWriter { buf }
    }

    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn string(&mut self, units: &[u16]) {
        self.u32(units.len() as u32);
        self.buf.reserve(units.len() * 2);
        for unit in units {
            self.buf.extend_from_slice(&unit.to_le_bytes());
        }
    }

    /// A string made of two parts (a text line and its "..."), without joining them first.
    pub fn string2(&mut self, head: &[u16], tail: &[u16]) {
        self.u32((head.len() + tail.len()) as u32);
        self.buf.reserve((head.len() + tail.len()) * 2);
        for unit in head.iter().chain(tail.iter()) {
            self.buf.extend_from_slice(&unit.to_le_bytes());
        }
    }

    /// The fixed part of a layout entry (id, depth, box), before its lineCount.
    #[allow(clippy::too_many_arguments)]
    pub fn entry_box(&mut self, id: u32, depth: u32, x: f64, y: f64, width: f64, height: f64) {
        self.u32(id);
        self.u32(depth);
        self.f64(x);
        self.f64(y);
        self.f64(width);
        self.f64(height);
    }

    pub fn event(&mut self, event: &Event) {
        self.u32(event.step);
        self.u8(event.code.kind() as u8);
        self.u8(event.code as u8);
        self.buf.extend_from_slice(&event.id.to_le_bytes());
        self.string(&event.detail);
    }

    fn layout_entry(&mut self, entry: &LayoutEntry) {
        self.u32(entry.id);
        self.u32(entry.depth);
        self.f64(entry.x);
        self.f64(entry.y);
        self.f64(entry.width);
        self.f64(entry.height);
        match &entry.lines {
            None => self.u32(NO_LINES),
            Some(lines) => {
                self.u32(lines.len() as u32);
                for line in lines {
                    self.string(line);
                }
            }
        }
    }

}

/// Encodes one checkpoint's output into `buf` (see the module comment for the format).
pub fn write_output(buf: &mut Vec<u8>, checkpoint: &[u16], layout: &[LayoutEntry], events: &[Event]) {
    let mut w = OutputWriter::new(buf);
    w.string(checkpoint);
    w.u32(layout.len() as u32);
    for entry in layout {
        w.layout_entry(entry);
    }
    w.u32(events.len() as u32);
    for event in events {
        w.event(event);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::EventCode;

    #[test]
    fn encodes_checkpoint_layout_and_events() {
        let mut buf = vec![0xAA; 3]; // stale content is dropped
        let layout = [
            LayoutEntry { id: 0, depth: 0, x: 0.0, y: 0.0, width: 4.0, height: 2.0, lines: None },
            LayoutEntry { id: 5, depth: 1, x: 1.5, y: 0.0, width: 2.0, height: 1.0, lines: Some(vec![vec![0x61]]) },
        ];
        let events = [Event { step: 2, code: EventCode::FocusChanged, id: -1, detail: vec![0x35] }];
        write_output(&mut buf, &[0x6F, 0x6B], &layout, &events);

        let mut expected = vec![2, 0, 0, 0, 0x6F, 0, 0x6B, 0, 2, 0, 0, 0];
        for entry in &layout {
            expected.extend_from_slice(&entry.id.to_le_bytes());
            expected.extend_from_slice(&entry.depth.to_le_bytes());
            for v in [entry.x, entry.y, entry.width, entry.height] {
                expected.extend_from_slice(&v.to_le_bytes());
            }
        }
        // The first entry's lineCount (none) sits between the two entries' boxes.
        let first_end = 4 + 4 + 4 + 8 + 32;
        expected.splice(first_end..first_end, NO_LINES.to_le_bytes());
        expected.extend_from_slice(&[1, 0, 0, 0, 1, 0, 0, 0, 0x61, 0]);
        expected.extend_from_slice(&[1, 0, 0, 0]);
        expected.extend_from_slice(&[2, 0, 0, 0, 1, 12, 0xFF, 0xFF, 0xFF, 0xFF, 1, 0, 0, 0, 0x35, 0]);
        assert_eq!(buf, expected);
    }
}
