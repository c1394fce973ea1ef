//! The pure core of agent-dialer: every decision the widget makes, as functions of events.
//!
//! Deterministic; no clock, no IO, no browser. Events come in through [`flow::step`] with
//! the time they happened; effects come out as data for the shell to run. This module must
//! not import `web_sys`, `js_sys`, `yew` or `wasm_bindgen` (checked by `tests/layering.rs`).

pub mod config;
pub mod dial;
pub mod emergency;
mod emergency_data;
pub mod event;
pub mod flow;
pub mod model;
pub mod names;
pub mod notify;
pub mod readiness;
pub mod time;
pub mod view;
pub mod wire;

pub use config::{Config, ConfigError, RawConfig};
pub use flow::{step, CallKey, Effect, Event, State};
pub use model::{Coords, Location, LocationStatus, Millis};
pub use view::{Snapshot, ViewModel};
