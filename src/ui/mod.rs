//! The agent's UI: Yew function components over the core's view model. Depends on `core`,
//! never on `host`. Components hold no call logic: they render a [`crate::core::ViewModel`]
//! and emit [`crate::core::Event`]s.

pub mod app;

pub use app::{App, AppProps};
