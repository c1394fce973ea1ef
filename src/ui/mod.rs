//! The agent's UI: hand-written DOM (web-sys) over the core's view model, built once at mount
//! and updated in place (issue 16: no framework in the agent's wasm). Depends on `core`, never
//! on `host`. Holds no call logic: it renders a [`crate::core::ViewModel`] and emits
//! [`crate::core::Event`]s. The administrator's settings form (cargo feature `admin`) is Yew.

pub mod app;
pub mod call_pane;
pub mod clock;
pub mod devices;
pub mod dialpad;
pub mod dom;
pub mod emergency_banner;
pub mod i18n;
pub mod icons;
pub mod ids;
pub mod incoming;
pub mod notices;
pub mod readiness;
#[cfg(feature = "admin")]
pub mod settings;
pub mod settings_link;
#[cfg(feature = "admin")]
pub mod settings_panel;

pub use app::Pane;
pub use settings_link::SettingsLink;
#[cfg(feature = "admin")]
pub use settings_panel::{SettingsPanel, SettingsPanelProps};
