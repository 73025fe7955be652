//! The message ABI: the `extern "C"` exports the host (engines/wasm/adapter.ts) calls,
//! and the hand-off of buffers in linear memory. The only module allowed `unsafe`: it
//! turns the host's (pointer, length) pairs into slices and boxes. No imports.
//!
//! # Calls
//! ```text
//! abi_version() -> u32                       ABI_VERSION; the host refuses a stale build
//! alloc(len) -> ptr / dealloc(ptr, len)      buffers the host writes into
//! create(width, height, quirk_mask) -> status   a fresh engine (drops assets)
//! reset(width, height, quirk_mask) -> status    the same, keeping assets and allocations
//! set_font(cell_w, cell_h, first_code, glyph_count, fallback_index, ptr, len) -> status
//! add_image(name_ptr, name_units, width, height, data_ptr, data_len) -> status
//! clear_images()
//! apply_batch(ptr, len) -> status            a binary batch (engines/shared/binary.ts)
//! snapshot() -> *const SnapshotHeader        renders; 0 when no engine exists
//! steps() -> u32                             commands applied (= index of the next one)
//! last_error_ptr() / last_error_len()        UTF-8 message of the last nonzero status
//! ```
//! Ownership: `set_font` and `add_image` take ownership of the buffers they are given
//! (always, even when they return an error); `apply_batch` and the `debug_*` string
//! readers only borrow theirs for the call, so the host can reuse one input buffer.
//!
//! A status is 0 for success or one of the `STATUS_*` codes. A nonzero status is a host
//! bug (malformed batch, bad size, unknown quirk bit), never an engine event.
//! A panic (a bug in the engine) aborts as a Wasm trap, `RuntimeError: unreachable`; the
//! state is then unspecified and the host must discard the instance (`steps()` stays
//! readable, to name the command that trapped).
//!
//! # Memory bound (CAPS in engines/shared/protocol.ts)
//! - framebuffer: <= 4096 * 4096 * 4 B = 64 MiB (maxViewportSide 4096);
//! - images: <= 64 images * 1 Mi px * 4 B = 256 MiB (maxImages, maxImagePixels);
//! - font coverage: <= 16 MiB (assets::MAX_FONT_COVERAGE_BYTES; the real font is ~5 KiB);
//! - scene: <= 4096 nodes (maxNodes), strings <= 4096 UTF-16 units (maxStringLength);
//! - input: the host sends at most ADAPTER_MAX_BATCH (1024) commands per call, so the
//!   input buffer and the decoded batch stay below ~2 * 1024 * 8 KiB ≈ 17 MiB even when
//!   every command carries a maximal string; the output is proportional to the scene.
//!
//! Worst case ≈ 400 MiB, far inside wasm32's 4 GiB; a typical case (1280x720, a few
//! images, ~100 nodes) is ~5 MiB. dlmalloc never returns pages (memory only grows), so an
//! instance's memory is its peak; the adapter drops big instances instead of pooling them.
#![allow(unsafe_code)]
// Exports that take pointers are `unsafe extern "C"`: calling them is only sound with
// buffers from `alloc`. Every unsafe operation inside still needs its own block.
#![warn(unsafe_op_in_unsafe_fn)]

use crate::assets::{FontAtlas, ImageAsset};
use crate::engine::Engine;
use crate::events::{EVENT_CODES, EVENT_KINDS};
use crate::jsnum;
use crate::protocol::{decode_batch_into, Command, EASINGS, KEYS, NODE_TYPES, OPS, PROPERTY_NAMES};
use crate::quirks::{Quirks, QUIRK_IDS};

/// Bumped whenever an export or a buffer layout changes (host: WASM_ABI_VERSION).
pub const ABI_VERSION: u32 = 1;

pub const STATUS_OK: u32 = 0;
/// `apply_batch`, `set_font`, `add_image` before `create`.
pub const STATUS_NO_ENGINE: u32 = 1;
/// The batch does not decode (binary.ts format); nothing was applied.
pub const STATUS_MALFORMED_BATCH: u32 = 2;
/// An argument outside its range (viewport size, quirk mask, font or image shape).
pub const STATUS_BAD_ARGUMENT: u32 = 3;

/// What `snapshot` returns a pointer to: 7 little-endian u32/i32, 4-byte aligned.
/// The frame and the output are read in place; both stay valid until the next call.
#[repr(C)]
pub struct SnapshotHeader {
    /// RGBA8 framebuffer, width * height * 4 bytes.
    pub frame_ptr: u32,
    pub width: u32,
    pub height: u32,
    /// Checkpoint name, layout and events (format in output.rs).
    pub output_ptr: u32,
    pub output_len: u32,
    /// Step of the most recent `frame` command, -1 if none yet.
    pub checkpoint_step: i32,
    /// Commands applied since creation.
    pub steps: u32,
}

/// Everything the exports share. One instance, one engine.
struct State {
    engine: Option<Engine>,
    /// Decoded commands of the current batch (capacity reused).
    commands: Vec<Command>,
    /// Encoded output of the last snapshot (capacity reused).
    output: Vec<u8>,
    header: SnapshotHeader,
    error: String,
    /// Strings handed back by debug exports.
    scratch: Vec<u16>,
    /// Test hook (`debug_trap_at_step`): panic when about to apply this step.
    trap_at_step: Option<u32>,
}

static mut STATE: State = State {
    engine: None,
    commands: Vec::new(),
    output: Vec::new(),
    header: SnapshotHeader {
        frame_ptr: 0,
        width: 0,
        height: 0,
        output_ptr: 0,
        output_len: 0,
        checkpoint_step: -1,
        steps: 0,
    },
    error: String::new(),
    scratch: Vec::new(),
    trap_at_step: None,
};

fn state() -> &'static mut State {
    // SAFETY: wasm32-unknown-unknown without the atomics feature runs one thread, and the
    // module has no imports, so no export can re-enter another: each export holds the
    // only reference for the duration of its call.
    unsafe { &mut *core::ptr::addr_of_mut!(STATE) }
}

/// Records `message` for `last_error_*` and returns `status`.
fn fail(status: u32, message: String) -> u32 {
    state().error = message;
    status
}

/// Takes ownership of a buffer made by `alloc(len)`.
///
/// SAFETY: `ptr` must come from `alloc(len)` with this `len` and not be used again.
unsafe fn adopt(ptr: *mut u8, len: usize) -> Option<Box<[u8]>> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: per this function's contract, `ptr` is a live Box<[u8]> of `len` bytes.
    Some(unsafe { Box::from_raw(core::ptr::slice_from_raw_parts_mut(ptr, len)) })
}

/// Borrows `len` bytes the host wrote at `ptr`.
///
/// SAFETY: `ptr..ptr+len` must be inside a live `alloc` buffer for the whole call.
unsafe fn borrow<'a>(ptr: *const u8, len: usize) -> &'a [u8] {
    if len == 0 || ptr.is_null() {
        return &[];
    }
    // SAFETY: per this function's contract.
    unsafe { core::slice::from_raw_parts(ptr, len) }
}

fn utf16_from_le(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks_exact(2).map(|pair| u16::from_le_bytes([pair[0], pair[1]])).collect()
}

#[no_mangle]
pub extern "C" fn abi_version() -> u32 {
    ABI_VERSION
}

/// A zeroed buffer of `len` bytes for the host to write into; free with `dealloc`
/// (or hand to `set_font` / `add_image`, which take ownership).
#[no_mangle]
pub extern "C" fn alloc(len: usize) -> *mut u8 {
    Box::into_raw(vec![0u8; len].into_boxed_slice()) as *mut u8
}

/// # Safety
/// `ptr` must come from `alloc(len)` and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn dealloc(ptr: *mut u8, len: usize) {
    // SAFETY: the host passes back a pointer and length it got from `alloc`.
    drop(unsafe { adopt(ptr, len) });
}

/// A fresh engine of the given viewport and quirk mask (bit i = QUIRK_IDS[i]); replaces
/// any previous engine, assets included.
#[no_mangle]
pub extern "C" fn create(width: u32, height: u32, quirk_mask: u32) -> u32 {
    let s = state();
    s.trap_at_step = None;
    s.engine = None;
    let quirks = match Quirks::from_mask(quirk_mask) {
        Some(q) => q,
        None => return fail(STATUS_BAD_ARGUMENT, format!("bad quirk mask {:#x}: only {} quirks exist", quirk_mask, QUIRK_IDS.len())),
    };
    match Engine::new(width, height, quirks) {
        Ok(engine) => {
            s.engine = Some(engine);
            STATUS_OK
        }
        Err(message) => fail(STATUS_BAD_ARGUMENT, message),
    }
}

/// As `create`, but keeps the assets and the allocations of the current engine: the
/// cheap way to run the next case on the same instance.
#[no_mangle]
pub extern "C" fn reset(width: u32, height: u32, quirk_mask: u32) -> u32 {
    let s = state();
    s.trap_at_step = None;
    let engine = match s.engine.as_mut() {
        Some(engine) => engine,
        None => return create(width, height, quirk_mask),
    };
    let quirks = match Quirks::from_mask(quirk_mask) {
        Some(q) => q,
        None => return fail(STATUS_BAD_ARGUMENT, format!("bad quirk mask {:#x}: only {} quirks exist", quirk_mask, QUIRK_IDS.len())),
    };
    match engine.reset(width, height, quirks) {
        Ok(()) => STATUS_OK,
        Err(message) => fail(STATUS_BAD_ARGUMENT, message),
    }
}

/// Hands in the font atlas; takes ownership of the coverage buffer.
///
/// # Safety
/// `coverage_ptr` must come from `alloc(coverage_len)` and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn set_font(
    cell_width: u32,
    cell_height: u32,
    first_code: u32,
    glyph_count: u32,
    fallback_index: u32,
    coverage_ptr: *mut u8,
    coverage_len: usize,
) -> u32 {
    // SAFETY: the host hands over a buffer from `alloc(coverage_len)`.
    let coverage = unsafe { adopt(coverage_ptr, coverage_len) }.unwrap_or_default();
    let engine = match state().engine.as_mut() {
        Some(engine) => engine,
        None => return fail(STATUS_NO_ENGINE, "set_font before create".to_string()),
    };
    match FontAtlas::new(cell_width, cell_height, first_code, glyph_count, fallback_index, coverage) {
        Ok(font) => {
            engine.assets.font = Some(font);
            STATUS_OK
        }
        Err(message) => fail(STATUS_BAD_ARGUMENT, message),
    }
}

/// Hands in one decoded image under a UTF-16 name; takes ownership of both buffers
/// (the name buffer is `name_units * 2` bytes, the pixels `data_len` bytes).
///
/// # Safety
/// Both buffers must come from `alloc` with those lengths and not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn add_image(
    name_ptr: *mut u8,
    name_units: usize,
    width: u32,
    height: u32,
    data_ptr: *mut u8,
    data_len: usize,
) -> u32 {
    // SAFETY: the host hands over two buffers from `alloc` with these lengths.
    let name_bytes = unsafe { adopt(name_ptr, name_units * 2) }.unwrap_or_default();
    let data = unsafe { adopt(data_ptr, data_len) }.unwrap_or_default();
    let name = utf16_from_le(&name_bytes);
    let engine = match state().engine.as_mut() {
        Some(engine) => engine,
        None => return fail(STATUS_NO_ENGINE, "add_image before create".to_string()),
    };
    let added = ImageAsset::new(width, height, data).and_then(|image| engine.assets.add_image(name, image));
    match added {
        Ok(()) => STATUS_OK,
        Err(message) => fail(STATUS_BAD_ARGUMENT, message),
    }
}

#[no_mangle]
pub extern "C" fn clear_images() {
    if let Some(engine) = state().engine.as_mut() {
        engine.assets.clear_images();
    }
}

/// Decodes a batch (binary.ts format) and applies its commands in order. A malformed
/// batch applies nothing and returns STATUS_MALFORMED_BATCH. The host keeps the buffer.
///
/// # Safety
/// `ptr..ptr + len` must lie inside a live buffer from `alloc`.
#[no_mangle]
pub unsafe extern "C" fn apply_batch(ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the host wrote `len` bytes at `ptr` inside a buffer from `alloc`.
    let bytes = unsafe { borrow(ptr, len) };
    let s = state();
    let engine = match s.engine.as_mut() {
        Some(engine) => engine,
        None => return fail(STATUS_NO_ENGINE, "apply_batch before create".to_string()),
    };
    if let Err(error) = decode_batch_into(bytes, &mut s.commands) {
        return fail(STATUS_MALFORMED_BATCH, format!("malformed batch: {}", error));
    }
    for command in &s.commands {
        if s.trap_at_step == Some(engine.steps()) {
            panic!("debug_trap_at_step: deliberate panic at step {}", engine.steps());
        }
        engine.apply(command);
    }
    STATUS_OK
}

/// Renders and returns the header of this checkpoint (null before `create`).
#[no_mangle]
pub extern "C" fn snapshot() -> *const SnapshotHeader {
    let s = state();
    let engine = match s.engine.as_mut() {
        Some(engine) => engine,
        None => return core::ptr::null(),
    };
    engine.snapshot(&mut s.output);
    s.header = SnapshotHeader {
        frame_ptr: engine.frame().as_ptr() as usize as u32,
        width: engine.width(),
        height: engine.height(),
        output_ptr: s.output.as_ptr() as usize as u32,
        output_len: s.output.len() as u32,
        checkpoint_step: engine.checkpoint().step,
        steps: engine.steps(),
    };
    &s.header
}

/// Commands applied since creation; after a trap in `apply_batch`, the index of the
/// command that trapped.
#[no_mangle]
pub extern "C" fn steps() -> u32 {
    state().engine.as_ref().map_or(0, |engine| engine.steps())
}

#[no_mangle]
pub extern "C" fn last_error_ptr() -> *const u8 {
    state().error.as_ptr()
}

#[no_mangle]
pub extern "C" fn last_error_len() -> usize {
    state().error.len()
}

// ---------------------------------------------------------------------------------------
// Debug exports: used only by test/engines/wasm (crash path, JS semantics, contract
// tables). Tiny, so they stay in the release module rather than needing a second build.

/// Panics: proves the host turns a trap into EngineCrash.
#[no_mangle]
pub extern "C" fn debug_trap() {
    panic!("debug_trap: deliberate panic");
}

/// Arms a panic just before the command with this step index is applied (cleared by
/// `create` / `reset`): proves `steps()` names the command that trapped.
#[no_mangle]
pub extern "C" fn debug_trap_at_step(step: u32) {
    state().trap_at_step = Some(step);
}

#[no_mangle]
pub extern "C" fn debug_to_int32(x: f64) -> i32 {
    jsnum::to_int32(x)
}

#[no_mangle]
pub extern "C" fn debug_js_round(x: f64) -> f64 {
    jsnum::js_round(x)
}

/// parseFloat of `units` UTF-16 units at `ptr` (borrowed).
///
/// # Safety
/// `ptr..ptr + 2 * units` must lie inside a live buffer from `alloc`.
#[no_mangle]
pub unsafe extern "C" fn debug_parse_float(ptr: *const u8, units: usize) -> f64 {
    // SAFETY: the host wrote `units` UTF-16LE units at `ptr` inside an `alloc` buffer.
    let s = utf16_from_le(unsafe { borrow(ptr, units * 2) });
    jsnum::parse_float(&s)
}

/// parseInt(s, radix) for radix 10 or a power of two (traps on another radix).
///
/// # Safety
/// As `debug_parse_float`.
#[no_mangle]
pub unsafe extern "C" fn debug_parse_int(ptr: *const u8, units: usize, radix: u32) -> f64 {
    // SAFETY: as debug_parse_float.
    let s = utf16_from_le(unsafe { borrow(ptr, units * 2) });
    jsnum::parse_int(&s, radix)
}

/// String(n) for an int32, into the scratch buffer; returns its length in units.
#[no_mangle]
pub extern "C" fn debug_number_to_string(n: i32) -> usize {
    let s = state();
    s.scratch = jsnum::number_to_string(n);
    s.scratch.len()
}

/// Name `index` of a contract table, into the scratch buffer; returns its length, or -1
/// past the end. Tables: 0 QUIRK_IDS, 1 EVENT_CODES, 2 PROPERTIES, 3 OPS, 4 NODE_TYPES,
/// 5 KEYS, 6 EASINGS, 7 EVENT_KINDS. Lets a test prove the Rust tables match the TS ones.
#[no_mangle]
pub extern "C" fn debug_table_name(table: u32, index: usize) -> i32 {
    let names: &[&str] = match table {
        0 => &QUIRK_IDS,
        1 => &EVENT_CODES,
        2 => &PROPERTY_NAMES,
        3 => &OPS,
        4 => &NODE_TYPES,
        5 => &KEYS,
        6 => &EASINGS,
        7 => &EVENT_KINDS,
        _ => &[],
    };
    match names.get(index) {
        Some(name) => {
            let s = state();
            s.scratch = name.encode_utf16().collect();
            s.scratch.len() as i32
        }
        None => -1,
    }
}

#[no_mangle]
pub extern "C" fn debug_scratch_ptr() -> *const u16 {
    state().scratch.as_ptr()
}
