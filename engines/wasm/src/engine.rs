//! Port of engines/legacy-js/engine.ts (LegacyEngine: command dispatch, step counting,
//! snapshots). Skeleton: the porter fills `apply_one` and `snapshot` step by step.
//!
//! For now the engine only keeps what every later step needs: the viewport, the
//! framebuffer, the step counter, the event buffer, the quirk flags and the host assets.
//! `apply` handles `resize` and `frame` (apply_resize, apply_frame, as in engine.ts);
//! every other command is counted and ignored. `render` clears the frame to opaque black
//! and lays out the root only.
#![deny(unsafe_code)]

use crate::assets::Assets;
use crate::events::{EventBuffer, EventCode};
use crate::output::{write_output, LayoutEntry};
use crate::protocol::Command;
use crate::quirks::Quirks;

/// CAPS.maxViewportSide: the framebuffer is at most 4096 * 4096 * 4 bytes = 64 MiB.
pub const MAX_VIEWPORT_SIDE: u32 = 4096;

/// CAPS.maxStringLength: a longer frame name is a bad-value event (apply_frame).
const MAX_STRING_LENGTH: usize = 4096;

/// Event id of a command that names no node (NO_NODE in engine.ts).
const NO_NODE: i32 = -1;

/// Opaque black, the colour of a cleared frame (RGBA8).
const CLEAR_PIXEL: [u8; 4] = [0, 0, 0, 255];

/// The most recent `frame` command: names the checkpoint a snapshot reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Checkpoint {
    /// "" when the frame command had no name, or before any frame command.
    pub name: Vec<u16>,
    /// Step index of that command; -1 before any frame command.
    pub step: i32,
}

pub struct Engine {
    width: u32,
    height: u32,
    /// RGBA8, row-major, width * height * 4 bytes after `render`.
    frame: Vec<u8>,
    /// Commands applied since creation; the index of the next command.
    steps: u32,
    events: EventBuffer,
    quirks: Quirks,
    checkpoint: Checkpoint,
    layout: Vec<LayoutEntry>,
    pub assets: Assets,
}

/// Whether a viewport size is within CAPS (1..=4096 on each side).
pub fn is_valid_viewport(width: u32, height: u32) -> bool {
    (1..=MAX_VIEWPORT_SIDE).contains(&width) && (1..=MAX_VIEWPORT_SIDE).contains(&height)
}

impl Engine {
    /// A fresh engine: only the root (the viewport) exists.
    pub fn new(width: u32, height: u32, quirks: Quirks) -> Result<Engine, String> {
        let mut engine = Engine {
            width: 0,
            height: 0,
            frame: Vec::new(),
            steps: 0,
            events: EventBuffer::new(),
            quirks,
            checkpoint: Checkpoint { name: Vec::new(), step: -1 },
            layout: Vec::new(),
            assets: Assets::new(),
        };
        engine.reset(width, height, quirks)?;
        Ok(engine)
    }

    /// Back to the state of `new`, keeping the assets and the allocations (framebuffer,
    /// buffers): the host reuses one instance for many cases.
    pub fn reset(&mut self, width: u32, height: u32, quirks: Quirks) -> Result<(), String> {
        if !is_valid_viewport(width, height) {
            return Err(format!(
                "bad viewport: expected 1..{} on each side, got {}x{}",
                MAX_VIEWPORT_SIDE, width, height
            ));
        }
        self.width = width;
        self.height = height;
        self.steps = 0;
        self.events.clear();
        self.quirks = quirks;
        self.checkpoint = Checkpoint { name: Vec::new(), step: -1 };
        self.layout.clear();
        Ok(())
    }

    /// Applies one command and counts it as a step; invalid commands become events,
    /// never failures (`apply` in engine.ts, one command at a time).
    pub fn apply(&mut self, command: &Command) {
        self.apply_one(command);
        self.steps += 1;
    }

    fn apply_one(&mut self, command: &Command) {
        match command {
            Command::Resize { width, height } => self.apply_resize(*width, *height),
            Command::Frame { name } => self.apply_frame(name.as_deref()),
            // Not ported yet: the porter fills these in from engines/legacy-js/engine.ts.
            _ => {}
        }
    }

    /// A size outside 1..=4096 is a `bad-size` event (id 0, detail "WIDTHxHEIGHT") and
    /// leaves the viewport unchanged.
    fn apply_resize(&mut self, width: u32, height: u32) {
        if !is_valid_viewport(width, height) {
            // Integers print the same in Rust and JS (Number::toString).
            self.events.emit_str(self.steps, EventCode::BadSize, 0, &format!("{}x{}", width, height));
            return;
        }
        self.width = width;
        self.height = height;
    }

    /// Names the checkpoint; a name over CAPS.maxStringLength is a bad-value event.
    fn apply_frame(&mut self, name: Option<&[u16]>) {
        if name.map_or(false, |n| n.len() > MAX_STRING_LENGTH) {
            self.events.emit_str(self.steps, EventCode::BadValue, NO_NODE, "name");
            return;
        }
        self.checkpoint = Checkpoint { name: name.unwrap_or_default().to_vec(), step: self.steps as i32 };
    }

    /// Renders the scene into the framebuffer and computes the layout entries.
    pub fn render(&mut self) {
        // 1. Size the framebuffer to the viewport (capacity is kept across resets).
        let len = (self.width * self.height * 4) as usize;
        self.frame.resize(len, 0);
        // 2. Clear to opaque black.
        for pixel in self.frame.chunks_exact_mut(4) {
            pixel.copy_from_slice(&CLEAR_PIXEL);
        }
        // 3. Layout: the root is the viewport.
        self.layout.clear();
        self.layout.push(LayoutEntry {
            id: 0,
            depth: 0,
            x: 0.0,
            y: 0.0,
            width: f64::from(self.width),
            height: f64::from(self.height),
            lines: None,
        });
    }

    /// Renders, encodes the checkpoint (name, layout, events since the last snapshot)
    /// into `out`, and forgets those events (`snapshot` in engine.ts).
    pub fn snapshot(&mut self, out: &mut Vec<u8>) {
        // 1. layout, 2. paint
        self.render();
        // 3. collect_observation
        write_output(out, &self.checkpoint.name, &self.layout, self.events.events());
        self.events.clear();
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        self.height
    }

    /// The framebuffer as last rendered (RGBA8).
    pub fn frame(&self) -> &[u8] {
        &self.frame
    }

    pub fn steps(&self) -> u32 {
        self.steps
    }

    pub fn checkpoint(&self) -> &Checkpoint {
        &self.checkpoint
    }

    pub fn quirks(&self) -> Quirks {
        self.quirks
    }

    pub fn events(&self) -> &EventBuffer {
        &self.events
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::Event;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn renders_a_black_frame_of_the_viewport_size() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.render();
        assert_eq!(engine.frame(), [0, 0, 0, 255].repeat(6).as_slice());
    }

    #[test]
    fn counts_every_command_as_a_step() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.apply(&Command::Destroy { id: 4 });
        engine.apply(&Command::Frame { name: Some(u("a")) });
        assert_eq!(engine.steps(), 2);
        assert_eq!(engine.checkpoint(), &Checkpoint { name: u("a"), step: 1 });
    }

    #[test]
    fn refuses_a_frame_name_over_the_string_cap() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.apply(&Command::Frame { name: Some(vec![b'a' as u16; MAX_STRING_LENGTH + 1]) });
        engine.apply(&Command::Frame { name: Some(vec![b'a' as u16; MAX_STRING_LENGTH]) });
        assert_eq!(engine.events().events(), &[Event { step: 0, code: EventCode::BadValue, id: -1, detail: u("name") }]);
        assert_eq!(engine.checkpoint().step, 1);
    }

    #[test]
    fn resize_changes_the_frame_or_reports_bad_size() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.apply(&Command::Resize { width: 4, height: 1 });
        engine.apply(&Command::Resize { width: 4097, height: 1 });
        engine.render();
        assert_eq!((engine.width(), engine.height(), engine.frame().len()), (4, 1, 16));
        assert_eq!(engine.events().events(), &[Event { step: 1, code: EventCode::BadSize, id: 0, detail: u("4097x1") }]);
    }

    #[test]
    fn reset_keeps_assets_and_forgets_the_rest() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.apply(&Command::Resize { width: 0, height: 1 });
        engine.assets.clear_images();
        engine.reset(5, 5, Quirks::from_mask(0).unwrap()).unwrap();
        assert_eq!(engine.steps(), 0);
        assert!(engine.events().is_empty());
        assert_eq!(engine.checkpoint().step, -1);
        assert!(!engine.quirks().round_half_up);
        assert!(engine.reset(0, 5, Quirks::legacy()).is_err());
    }

    #[test]
    fn snapshot_reports_events_once() {
        let mut engine = Engine::new(1, 1, Quirks::legacy()).unwrap();
        engine.apply(&Command::Resize { width: 0, height: 0 });
        let mut out = Vec::new();
        engine.snapshot(&mut out);
        assert!(engine.events().is_empty());
        let with_event = out.len();
        engine.snapshot(&mut out);
        assert!(out.len() < with_event);
    }
}
