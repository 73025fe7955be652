//! Port of engines/legacy-js/engine.ts (LegacyEngine): command dispatch, step counting,
//! snapshots. Every command is validated; a rejected command emits an error event and
//! changes nothing.
#![deny(unsafe_code)]

use crate::animation::Animator;
use crate::assets::{Assets, FontAtlas};
use crate::events::{EventBuffer, EventCode};
use crate::focus::{last_box_of, navigate, FocusBox};
use crate::jsnum::number_to_string;
use crate::layout::layout_scene;
use crate::output::OutputWriter;
use crate::paint::{paint_scene, PaintScratch};
use crate::protocol::{Command, Easing, Key, Prop, PropCode, Value};
use crate::quirks::Quirks;
use crate::raster::Framebuffer;
use crate::scene::{event_id, Scene, SceneError};
use crate::sizing::{Layout, Scratch};
use crate::style::{set_property, SetOutcome, MAX_STRING_LENGTH};
use crate::text::ELLIPSIS;

/// CAPS.maxViewportSide: the framebuffer is at most 4096 * 4096 * 4 bytes = 64 MiB.
pub const MAX_VIEWPORT_SIDE: u32 = 4096;

/// Event id of a command that names no node (NO_NODE in engine.ts).
const NO_NODE: i32 = -1;
/// No focus.
const NO_FOCUS: i64 = -1;

/// The most recent `frame` command: names the checkpoint a snapshot reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Checkpoint {
    /// "" when the frame command had no name, or before any frame command.
    pub name: Vec<u16>,
    /// Step index of that command; -1 before any frame command.
    pub step: i32,
}

pub struct Engine {
    fb: Framebuffer,
    /// Commands applied since creation; the index of the next command.
    steps: u32,
    events: EventBuffer,
    quirks: Quirks,
    checkpoint: Checkpoint,
    scene: Scene,
    animator: Animator,
    focused_id: i64,
    /// Last laid-out box of the focused node: the navigation origin (quirk focus-survives-destroy).
    focus_origin: Option<FocusBox>,
    /// The last layout pass (snapshot or key navigation), reused across passes.
    layout: Layout,
    scratch: Scratch,
    paint_scratch: PaintScratch,
    /// Drawn when the host has not handed a font (a 1x1 empty glyph).
    default_font: FontAtlas,
    pub assets: Assets,
}

/// Whether a viewport size is within CAPS (1..=4096 on each side).
pub fn is_valid_viewport(width: u32, height: u32) -> bool {
    (1..=MAX_VIEWPORT_SIDE).contains(&width) && (1..=MAX_VIEWPORT_SIDE).contains(&height)
}

fn utf16(s: &str) -> Vec<u16> {
    s.encode_utf16().collect()
}

impl Engine {
    /// A fresh engine: only the root (the viewport) exists.
    pub fn new(width: u32, height: u32, quirks: Quirks) -> Result<Engine, String> {
        let mut engine = Engine {
            fb: Framebuffer::default(),
            steps: 0,
            events: EventBuffer::new(),
            quirks,
            checkpoint: Checkpoint { name: Vec::new(), step: -1 },
            scene: Scene::new(),
            animator: Animator::default(),
            focused_id: NO_FOCUS,
            focus_origin: None,
            layout: Layout::default(),
            scratch: Scratch::default(),
            paint_scratch: PaintScratch::default(),
            default_font: FontAtlas::new(1, 1, 32, 1, 0, vec![0u8].into_boxed_slice())?,
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
        self.fb.resize(width, height);
        self.steps = 0;
        self.events.clear();
        self.quirks = quirks;
        self.checkpoint = Checkpoint { name: Vec::new(), step: -1 };
        self.scene.reset();
        self.animator.clear();
        self.focused_id = NO_FOCUS;
        self.focus_origin = None;
        self.layout.clear();
        Ok(())
    }

    /// Applies one command and counts it as a step; invalid commands become events,
    /// never failures (`apply` in engine.ts, one command at a time).
    pub fn apply(&mut self, command: &Command) {
        self.apply_one(command);
        self.steps += 1;
    }

    fn emit(&mut self, code: EventCode, id: i32, detail: Vec<u16>) {
        self.events.emit(self.steps, code, id, detail);
    }

    fn emit_error(&mut self, error: Option<SceneError>) {
        if let Some(e) = error {
            self.emit(e.code, e.id, e.detail);
        }
    }

    fn apply_one(&mut self, command: &Command) {
        let double_append = self.quirks.double_append;
        match command {
            Command::Create { id, node_type } => {
                let e = self.scene.create(*id, *node_type);
                self.emit_error(e);
            }
            Command::Set { id, prop, value } => self.apply_set(*id, prop, value),
            Command::Append { parent, child } => {
                let e = self.scene.append(*parent, *child, double_append);
                self.emit_error(e);
            }
            Command::Insert { parent, child, before } => {
                let e = self.scene.insert(*parent, *child, *before, double_append);
                self.emit_error(e);
            }
            Command::Remove { parent, child } => self.apply_remove(*parent, *child),
            Command::Destroy { id } => self.apply_destroy(*id),
            Command::Focus { id } => self.apply_focus(*id),
            Command::Key { key } => self.apply_key(*key),
            Command::Animate { id, prop, to, ms, easing } => self.apply_animate(*id, prop, *to, *ms, *easing),
            Command::Tick { ms } => self.apply_tick(*ms),
            Command::Resize { width, height } => self.apply_resize(*width, *height),
            Command::Frame { name } => self.apply_frame(name.as_deref()),
        }
    }

    fn apply_set(&mut self, id: u32, prop: &Prop, value: &Value) {
        // 1. look_up_node
        let slot = match self.scene.get(id) {
            Some(s) => s,
            None => return self.emit(EventCode::UnknownNode, event_id(id), Vec::new()),
        };
        let node_id = event_id(id);
        // 2. set_property (an unknown name is decoded as Prop::Custom)
        let code = match prop {
            Prop::Known(code) => *code,
            Prop::Custom(name) => return self.emit(EventCode::UnknownProp, node_id, name.clone()),
        };
        let outcome = set_property(self.scene.node_mut(slot), code, value, &self.assets, &self.quirks);
        // missing-image names the asset; the other errors name the property
        let event = match outcome {
            SetOutcome::Ok => return,
            SetOutcome::UnknownProp => EventCode::UnknownProp,
            SetOutcome::WrongNodeType => EventCode::WrongNodeType,
            SetOutcome::BadValue => EventCode::BadValue,
            SetOutcome::MissingImage => EventCode::MissingImage,
        };
        let detail = match (outcome, value) {
            (SetOutcome::MissingImage, Value::String(s)) => s.clone(),
            _ => utf16(code.name()),
        };
        self.emit(event, node_id, detail);
    }

    /// quirk focus-survives-destroy off: whether detaching or destroying `id` takes the
    /// focused node (or an ancestor of it) out of the tree.
    fn loses_focus(&self, id: u32) -> bool {
        !self.quirks.focus_survives_destroy && self.focused_id != NO_FOCUS && self.scene.is_ancestor_or_self(id, self.focused_id as u32)
    }

    /// Off-quirk half of focus-survives-destroy: clear focus with a focus-changed event.
    fn clear_lost_focus(&mut self) {
        self.change_focus(NO_FOCUS, None);
    }

    fn apply_remove(&mut self, parent: u32, child: u32) {
        let loses = self.scene.get(child).is_some() && self.loses_focus(child);
        let e = self.scene.remove(parent, child);
        if e.is_some() {
            return self.emit_error(e);
        }
        if loses {
            self.clear_lost_focus();
        }
    }

    fn apply_destroy(&mut self, id: u32) {
        let loses = self.scene.get(id).is_some() && self.loses_focus(id);
        let e = self.scene.destroy(id);
        if e.is_some() {
            return self.emit_error(e);
        }
        // Animations of a destroyed node are cancelled silently.
        self.animator.cancel_node(id);
        // quirk focus-survives-destroy: destroying (or detaching) the focused node leaves
        // focus on its id, with no event. Off: focus is cleared (focus-changed, id -1).
        if loses {
            self.clear_lost_focus();
        }
    }

    fn apply_focus(&mut self, id: u32) {
        // 1. look_up_node
        let node = match self.scene.by_id(id) {
            Some(n) => n,
            None => return self.emit(EventCode::UnknownNode, event_id(id), Vec::new()),
        };
        // 2. check_focusable
        if !node.focusable {
            return self.emit(EventCode::NotFocusable, event_id(id), Vec::new());
        }
        // 3. change_focus (focusing the focused node again is a no-op)
        if i64::from(id) == self.focused_id {
            return;
        }
        self.change_focus(i64::from(id), None);
        // 4. measure_focused: lay out to learn the focused node's box, the origin of the
        //    next key navigation (and of quirk focus-survives-destroy)
        self.layout_for_command();
    }

    fn change_focus(&mut self, id: i64, origin: Option<FocusBox>) {
        let previous = self.focused_id;
        self.focused_id = id;
        self.focus_origin = origin;
        self.emit(EventCode::FocusChanged, id as i32, number_to_string(previous as i32));
    }

    /// The layout pass of a command (key navigation): refreshes the focus origin if the
    /// focused node was laid out. Only commands call this; snapshot lays out without it.
    fn layout_for_command(&mut self) {
        let font = self.assets.font.as_ref().unwrap_or(&self.default_font);
        let (w, h) = (f64::from(self.fb.width), f64::from(self.fb.height));
        layout_scene(&self.scene, font, &self.assets, self.quirks, w, h, &mut self.scratch, &mut self.layout);
        if self.focused_id != NO_FOCUS {
            if let Some(b) = last_box_of(&self.layout.boxes, self.focused_id) {
                self.focus_origin = Some(FocusBox::of(b));
            }
        }
    }

    fn apply_key(&mut self, key: Key) {
        // 1. check_key: every decoded key is known
        // 2. enter does not move focus
        if key == Key::Enter {
            return;
        }
        // 3. layout_for_navigation (fresh boxes; refreshes the focus origin)
        self.layout_for_command();
        // 4. navigate
        let origin = if self.focused_id == NO_FOCUS { None } else { self.focus_origin };
        let considers_hidden = self.quirks.focus_considers_hidden;
        let next = navigate(&self.layout.boxes, &self.scene, self.focused_id, origin, key, considers_hidden);
        if next == NO_FOCUS || next == self.focused_id {
            return;
        }
        let origin = last_box_of(&self.layout.boxes, next).map(FocusBox::of);
        self.change_focus(next, origin);
    }

    fn apply_animate(&mut self, id: u32, prop: &Prop, to: f64, ms: f64, easing: Easing) {
        // 1. look_up_node
        let slot = match self.scene.get(id) {
            Some(s) => s,
            None => return self.emit(EventCode::UnknownNode, event_id(id), Vec::new()),
        };
        let node_id = event_id(id);
        // 2. check_prop: known, and animatable
        let code = match prop {
            Prop::Known(code) => *code,
            Prop::Custom(name) => return self.emit(EventCode::UnknownProp, node_id, name.clone()),
        };
        if !matches!(code, PropCode::X | PropCode::Y | PropCode::Opacity) {
            return self.emit(EventCode::BadValue, node_id, utf16(code.name()));
        }
        // 3. check_target_duration_easing: finite `to`, finite ms >= 0 (easings decode valid)
        if !to.is_finite() || !ms.is_finite() || ms < 0.0 {
            return self.emit(EventCode::BadValue, node_id, utf16(code.name()));
        }
        // 4. start (replaces a running animation of the same node and prop)
        self.animator.start(self.scene.node(slot), code, to, ms, easing);
    }

    fn apply_tick(&mut self, ms: f64) {
        // 1. check_ms
        if !ms.is_finite() || ms < 0.0 {
            return self.emit(EventCode::BadValue, NO_NODE, utf16("ms"));
        }
        // 2. advance_animations (animation-end events in creation order)
        let step = self.steps;
        let events = &mut self.events;
        self.animator.tick(ms, &mut self.scene, self.quirks.anim_time_accumulation, |node_id, prop| {
            events.emit(step, EventCode::AnimationEnd, event_id(node_id), utf16(prop.name()));
        });
    }

    /// A size outside 1..=4096 is a `bad-size` event (id 0, detail "WIDTHxHEIGHT") and
    /// leaves the viewport unchanged.
    fn apply_resize(&mut self, width: u32, height: u32) {
        if !is_valid_viewport(width, height) {
            // Integers print the same in Rust and JS (Number::toString).
            return self.emit(EventCode::BadSize, 0, utf16(&format!("{}x{}", width, height)));
        }
        self.fb.resize(width, height);
    }

    /// Names the checkpoint; a name over CAPS.maxStringLength is a bad-value event.
    fn apply_frame(&mut self, name: Option<&[u16]>) {
        if name.map_or(false, |n| n.len() > MAX_STRING_LENGTH) {
            return self.emit(EventCode::BadValue, NO_NODE, utf16("name"));
        }
        self.checkpoint.name.clear();
        self.checkpoint.name.extend_from_slice(name.unwrap_or_default());
        self.checkpoint.step = self.steps as i32;
    }

    /// Lays out and paints the scene into the framebuffer, without touching engine state
    /// (observing never changes behaviour).
    pub fn render(&mut self) {
        // 1. layout
        let font = self.assets.font.as_ref().unwrap_or(&self.default_font);
        let (w, h) = (f64::from(self.fb.width), f64::from(self.fb.height));
        layout_scene(&self.scene, font, &self.assets, self.quirks, w, h, &mut self.scratch, &mut self.layout);
        // 2. paint
        let focused = self.focused_id;
        paint_scene(&mut self.fb, &self.scene, &self.layout, &self.assets, font, self.quirks, focused, &mut self.paint_scratch);
    }

    /// Renders, encodes the checkpoint (name, layout, events since the last snapshot)
    /// into `out`, and forgets those events (`snapshot` in engine.ts).
    pub fn snapshot(&mut self, out: &mut Vec<u8>) {
        // 1. layout, 2. paint
        self.render();
        // 3. collect_observation
        let mut w = OutputWriter::new(out);
        w.string(&self.checkpoint.name);
        w.u32(self.layout.boxes.len() as u32);
        for b in &self.layout.boxes {
            w.entry_box(b.id, b.depth, b.x, b.y, b.width, b.height);
            if !b.has_lines {
                w.u32(crate::output::NO_LINES);
                continue;
            }
            let text = &self.scene.node(b.slot as usize).text;
            let lines = &self.layout.lines[b.lines_start as usize..b.lines_end as usize];
            w.u32(lines.len() as u32);
            for l in lines {
                let body = &text[l.start as usize..l.end as usize];
                w.string2(body, if l.ellipsis { &ELLIPSIS } else { &[] });
            }
        }
        w.u32(self.events.len() as u32);
        for e in self.events.events() {
            w.event(e);
        }
        self.events.clear();
    }

    pub fn width(&self) -> u32 {
        self.fb.width
    }

    pub fn height(&self) -> u32 {
        self.fb.height
    }

    /// The framebuffer as last rendered: RGBA8 pixels as little-endian u32 words.
    pub fn frame(&self) -> &[u32] {
        &self.fb.pixels
    }

    /// The framebuffer as RGBA8 bytes (a copy; for tests).
    pub fn frame_bytes(&self) -> Vec<u8> {
        self.fb.pixels.iter().flat_map(|p| p.to_le_bytes()).collect()
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
    use crate::protocol::NodeType;

    fn u(s: &str) -> Vec<u16> {
        s.encode_utf16().collect()
    }

    #[test]
    fn renders_a_black_frame_of_the_viewport_size() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.render();
        assert_eq!(engine.frame_bytes(), [0, 0, 0, 255].repeat(6));
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
        assert_eq!((engine.width(), engine.height(), engine.frame_bytes().len()), (4, 1, 16));
        assert_eq!(engine.events().events(), &[Event { step: 1, code: EventCode::BadSize, id: 0, detail: u("4097x1") }]);
    }

    #[test]
    fn reset_keeps_assets_and_forgets_the_rest() {
        let mut engine = Engine::new(3, 2, Quirks::legacy()).unwrap();
        engine.apply(&Command::Resize { width: 0, height: 1 });
        engine.apply(&Command::Create { id: 1, node_type: NodeType::View });
        engine.assets.clear_images();
        engine.reset(5, 5, Quirks::from_mask(0).unwrap()).unwrap();
        assert_eq!(engine.steps(), 0);
        assert!(engine.events().is_empty());
        assert_eq!(engine.checkpoint().step, -1);
        assert!(!engine.quirks().round_half_up);
        assert!(engine.scene.by_id(1).is_none());
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

    #[test]
    fn paints_a_background_and_lays_out_text() {
        let mut engine = Engine::new(4, 4, Quirks::legacy()).unwrap();
        let set = |id, prop, value| Command::Set { id, prop: Prop::Known(prop), value };
        engine.apply(&Command::Create { id: 1, node_type: NodeType::View });
        engine.apply(&set(1, PropCode::Background, Value::String(u("red"))));
        engine.apply(&set(1, PropCode::Width, Value::Number(2.0)));
        engine.apply(&set(1, PropCode::Height, Value::String(u("25%"))));
        engine.apply(&Command::Append { parent: 0, child: 1 });
        engine.render();
        assert_eq!(&engine.frame_bytes()[..12], &[255, 0, 0, 255, 255, 0, 0, 255, 0, 0, 0, 255]);
        assert_eq!(engine.layout.boxes.len(), 2);
        assert_eq!((engine.layout.boxes[1].width, engine.layout.boxes[1].height), (2.0, 1.0));
    }
}
