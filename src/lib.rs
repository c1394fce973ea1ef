//! agent-dialer: an embeddable contact-centre dialer widget with safe emergency calling.
//!
//! Layers, every arrow pointing down: `mount`, `settings_mount` → {`ui`, `host`} → `core`.
//! - [`core`]: pure decisions (no browser, no clock).
//! - `host`: the JavaScript boundary: bindings, the effect driver, location, storage, frames.
//! - `ui`: the pane (plain DOM) over the core's view model; the settings form (Yew, `admin`).
//!
//! Without the default `web` feature only `core` builds (the fuzz targets in `fuzz/` use it so).

pub mod core;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub mod host;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod mount;
#[cfg(all(target_arch = "wasm32", feature = "admin"))]
mod settings_mount;
// The agent's build: the pane without the settings editor (issue 16).
#[cfg(all(target_arch = "wasm32", feature = "web", not(feature = "admin")))]
#[path = "settings_off.rs"]
mod settings_mount;
#[cfg(feature = "web")]
pub mod ui;
#[cfg(all(target_arch = "wasm32", feature = "web"))]
mod warm;

#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use mount::{mount, DialerHandle};
#[cfg(all(target_arch = "wasm32", feature = "admin"))]
pub use settings_mount::{mount_settings, SettingsHandle};

// The allocator: talc (made for WebAssembly, MIRI-verified), in place of Rust's default
// dlmalloc: −1.8 KB brotli of the initial download (BENCHMARKS.md "Issue 16"). Single-threaded
// wasm only (no `atomics`), as talc requires; realloc-in-place left out, for size.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
