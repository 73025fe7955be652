//! The candidate engine of parity: a faithful port of the legacy TypeScript renderer
//! (engines/legacy-js) to Rust, compiled to `wasm32-unknown-unknown`.
//!
//! # Architecture
//!
//! The engine lives in one Wasm instance and talks to its JS host only through the
//! exports of [`abi`] and buffers in linear memory (no imports, no wasm-bindgen):
//!
//! ```text
//!  host (engines/wasm/adapter.ts)                 engine (this crate)
//!  ─────────────────────────────                  ───────────────────
//!  encodeBatch (engines/shared/binary.ts)
//!    └─ copy into alloc'd buffer ── apply_batch ─> protocol::decode_batch ─> Vec<Command>
//!                                                    └─ Engine::apply, one command = one step
//!                                                         └─ events::EventBuffer (errors, focus, ...)
//!  read header, frame view, layout ── snapshot ──> Engine::render  -> framebuffer (RGBA8)
//!                                                  output::write_output -> layout + events
//! ```
//!
//! Modules, in the order a command travels:
//! - [`abi`]: the `extern "C"` exports and the memory hand-off. The only module allowed
//!   `unsafe` (raw pointers from the host); everything else is `#![deny(unsafe_code)]`.
//! - [`protocol`]: decodes the binary batch format of engines/shared/binary.ts into
//!   [`protocol::Command`]. Strings stay UTF-16 (`Vec<u16>`), exactly as JS sees them.
//! - [`engine`]: [`engine::Engine`], the scene and its state; `apply` then `render`.
//!   Commands: [`scene`] (tree mutation), [`style`] (`set`, with [`number`], [`color`]),
//!   [`animation`], [`focus`] (navigation). Render: [`layout`] (with [`sizing`], [`text`],
//!   [`geometry`], [`limits`]), then [`paint`] (with [`raster`], [`glyphs`], [`image`]).
//! - [`events`]: engine events, codes numbered as EVENT_CODES in engines/shared/observation.ts.
//! - [`output`]: encodes a checkpoint (name, layout entries, events) for the host.
//! - [`quirks`]: one compat flag per catalogued quirk (engines/shared/quirks.ts).
//! - [`assets`]: the font atlas and images the host hands in (engines/shared/assets.ts).
//! - [`jsnum`]: JavaScript number semantics (ToInt32, Math.round, parseFloat, parseInt,
//!   Number::toString) reproduced exactly, because the legacy engine computes with them.
//!
//! # Porting rule
//!
//! A Rust file that ports a TS file says so in its first line
//! (`//! Port of engines/legacy-js/<file>.ts`), and its functions carry the TS names in
//! snake_case, as numbered steps (STYLE.md 9), so a divergence points at one step.
//! Legacy behaviour that is "wrong" is reproduced behind a [`quirks::Quirks`] flag and the
//! code cites the quirk id (scenarios/quirks/<id>.yaml).
//!
//! # Memory
//!
//! Everything is bounded by engines/shared/protocol.ts CAPS; see [`abi`] for the budget.

// Also set in each module (STYLE.md 10); here so that a new module is covered by default.
// abi.rs, which holds the extern "C" exports, allows it for itself.
#![deny(unsafe_code)]

pub mod abi;
pub mod animation;
pub mod assets;
pub mod color;
pub mod engine;
pub mod events;
pub mod focus;
pub mod geometry;
pub mod glyphs;
pub mod image;
pub mod jsnum;
pub mod layout;
pub mod limits;
pub mod node;
pub mod number;
pub mod output;
pub mod paint;
pub mod protocol;
pub mod quirks;
pub mod raster;
pub mod scene;
pub mod sizing;
pub mod style;
pub mod text;
