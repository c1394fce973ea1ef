//! The agent's UI, and the administrator's settings form: Yew function components over the
//! core's view models. Depends on `core`,
//! never on `host`. Components hold no call logic: they render a [`crate::core::ViewModel`]
//! and emit [`crate::core::Event`]s.

pub mod app;
pub mod call_pane;
pub mod clock;
pub mod devices;
pub mod dialpad;
pub mod emergency_banner;
pub mod i18n;
pub mod icons;
pub mod ids;
pub mod incoming;
pub mod notices;
pub mod readiness;
pub mod settings;
pub mod settings_panel;

pub use app::{App, AppProps};
pub use settings_panel::{SettingsLink, SettingsPanel, SettingsPanelProps};
