//! The pure core of agent-dialer: every decision the widget makes, as functions of events.
//!
//! Deterministic; no clock, no IO, no browser. The shell hands every [`Event`] to the
//! [`Dialer`] with the time it happened and runs the [`Effect`]s it hands back. This module
//! must not import `web_sys`, `js_sys`, `yew` or `wasm_bindgen` (checked by `tests/layering.rs`).
//!
//! A map, by job:
//! - the loop: [`dialer`] (events in, effects out), [`event`] (the inputs and outputs);
//! - the call flow, SPEC E2–E12: [`flow`] (calls, dialing, the emergency episode, the email);
//! - the agent's other tabs and reloads (B5): [`tabs`] (who shows what, who answers the
//!   callback), [`restore`] (taking up a saved episode);
//! - pure functions it uses: [`emergency`] + [`dial`] (is this an emergency number?),
//!   [`notify`] (recipients, template, email), [`readiness`] (E10), [`config`], [`time`];
//! - the administrator's emergency settings (E7): [`settings`] (validation, the unsaved
//!   draft, the save through the host) — a machine of its own, beside the dialer;
//! - what the host sees: [`wire`] (shapes), [`names`] (binding and event names), [`view`]
//!   (the UI's view model and `dialer.state()`).

pub mod config;
pub mod decimal;
pub mod dial;
pub mod dialer;
pub mod emergency;
mod emergency_data;
pub mod event;
pub mod flow;
pub mod model;
pub mod names;
pub mod notify;
pub mod readiness;
pub mod restore;
pub mod settings;
pub mod tabs;
pub mod time;
pub mod value;
pub mod view;
pub mod wire;

pub use config::{Config, ConfigError, RawConfig};
pub use dialer::Dialer;
pub use event::{Effect, Event, TimerId};
pub use flow::{CallKey, State};
pub use model::{Coords, Location, LocationStatus, Millis};
pub use names::{Binding, EventName};
pub use view::{Snapshot, ViewModel};
