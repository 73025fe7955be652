//! Port of engines/legacy-js/events.ts (EventLog, kindOf), with the tables of
//! engines/shared/observation.ts (EVENT_KINDS, EVENT_CODES, EngineEvent): the
//! structured events the engine emits. Invalid commands never fail; they become events
//! that both engines must agree on. The host turns events into words, never the engine.
#![deny(unsafe_code)]

/// EVENT_KINDS in observation.ts; the discriminant is the kind's number in the output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventKind {
    Error = 0,
    Focus = 1,
    Animation = 2,
}

pub const EVENT_KINDS: [&str; 3] = ["error", "focus", "animation"];

/// EVENT_CODES in observation.ts; the discriminant is the code's number in the Wasm ABI.
/// The comment on each says what `id` and `detail` carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventCode {
    /// id: the missing node id.
    UnknownNode = 0,
    /// id: the id that already exists.
    DuplicateId = 1,
    /// id: the child that would become its own ancestor.
    Cycle = 2,
    /// id: the child; detail: the parent id.
    NotAChild = 3,
    /// id: 0.
    RootImmutable = 4,
    /// id: the node; detail: the prop name.
    UnknownProp = 5,
    /// id: the node; detail: the prop name.
    BadValue = 6,
    /// id: the node; detail: the prop name.
    WrongNodeType = 7,
    /// id: the node; detail: the asset name.
    MissingImage = 8,
    /// id: the node.
    NotFocusable = 9,
    /// id: the id that could not be created.
    NodeLimit = 10,
    /// id: 0; detail: "WIDTHxHEIGHT".
    BadSize = 11,
    /// id: the newly focused node (-1: none); detail: the previous id in decimal.
    FocusChanged = 12,
    /// id: the node; detail: the prop name.
    AnimationEnd = 13,
}

pub const EVENT_CODES: [&str; 14] = [
    "unknown-node",
    "duplicate-id",
    "cycle",
    "not-a-child",
    "root-immutable",
    "unknown-prop",
    "bad-value",
    "wrong-node-type",
    "missing-image",
    "not-focusable",
    "node-limit",
    "bad-size",
    "focus-changed",
    "animation-end",
];

impl EventCode {
    /// The kind each code belongs to (`kindOf` in events.ts).
    pub fn kind(self) -> EventKind {
        match self {
            EventCode::FocusChanged => EventKind::Focus,
            EventCode::AnimationEnd => EventKind::Animation,
            _ => EventKind::Error,
        }
    }

    pub fn name(self) -> &'static str {
        EVENT_CODES[self as usize]
    }
}

/// One event (`EngineEvent`); `kind` is derived from `code`.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index of the command that caused it, counted from 0 since the engine was created.
    pub step: u32,
    pub code: EventCode,
    /// A node id, or -1 for "none" (focus-changed).
    pub id: i32,
    /// UTF-16, as JS will see it.
    pub detail: Vec<u16>,
}

/// Events emitted since the last snapshot, in order (`EventLog`; `drain` is
/// `events()` then `clear()`, so the buffer's capacity is reused).
#[derive(Default, Debug)]
pub struct EventBuffer {
    events: Vec<Event>,
}

impl EventBuffer {
    pub fn new() -> EventBuffer {
        EventBuffer { events: Vec::new() }
    }

    pub fn emit(&mut self, step: u32, code: EventCode, id: i32, detail: Vec<u16>) {
        self.events.push(Event { step, code, id, detail });
    }

    /// Convenience for ASCII details ("320x200", a property name).
    pub fn emit_str(&mut self, step: u32, code: EventCode, id: i32, detail: &str) {
        self.emit(step, code, id, detail.encode_utf16().collect());
    }

    pub fn events(&self) -> &[Event] {
        &self.events
    }

    pub fn len(&self) -> usize {
        self.events.len()
    }

    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    /// Forgets the events (after a snapshot has reported them), keeping the capacity.
    pub fn clear(&mut self) {
        self.events.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_numbered_as_event_codes() {
        assert_eq!(EventCode::UnknownNode as usize, 0);
        assert_eq!(EventCode::BadSize.name(), "bad-size");
        assert_eq!(EventCode::AnimationEnd as usize, EVENT_CODES.len() - 1);
    }

    #[test]
    fn codes_belong_to_their_kind() {
        assert_eq!(EventCode::Cycle.kind(), EventKind::Error);
        assert_eq!(EventCode::BadSize.kind(), EventKind::Error);
        assert_eq!(EventCode::FocusChanged.kind(), EventKind::Focus);
        assert_eq!(EventCode::AnimationEnd.kind(), EventKind::Animation);
    }

    #[test]
    fn buffer_keeps_order_until_cleared() {
        let mut buffer = EventBuffer::new();
        buffer.emit_str(3, EventCode::UnknownNode, 9, "");
        buffer.emit_str(4, EventCode::BadSize, 0, "0x10");
        assert_eq!(buffer.events()[1].detail, "0x10".encode_utf16().collect::<Vec<_>>());
        assert_eq!(buffer.len(), 2);
        buffer.clear();
        assert!(buffer.is_empty());
    }
}
