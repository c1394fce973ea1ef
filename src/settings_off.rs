//! The agent's build (without the cargo feature `admin`): the pane has no settings editor, so
//! the administrators' settings surface and the editor's code stay out of the agent's download
//! (issue 16). Same interface as `settings_mount.rs`, which the `admin` build (npm
//! `agent-dialer/admin`) uses instead; there the pane edits the settings when the host grants
//! `config.permissions.editEmergencySettings`. Here a grant is reported once as a
//! `dialer:error` (`binding: "settings.save"`) and the pane stays read-only (who is emailed).

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::core::settings::EmergencySettings;
use crate::core::wire::HostEvent;
use crate::core::{Binding, Config};
use crate::host::bindings::dispatch_dialer_event;
use crate::host::js::to_js;
use crate::host::settings::has_save;
use crate::ui::SettingsLink;

/// The pane's settings in the agent's build: never an editor.
pub(crate) struct PaneSettings {
    link: SettingsLink,
    host: JsValue,
    element: web_sys::Element,
    warned: Cell<bool>,
}

impl PaneSettings {
    /// The pane's settings for `host`; errors are reported on `element`.
    pub(crate) fn new(host: &JsValue, element: &web_sys::Element) -> Rc<PaneSettings> {
        Rc::new(PaneSettings {
            link: SettingsLink::new(|_| {}),
            host: host.clone(),
            element: element.clone(),
            warned: Cell::new(false),
        })
    }

    /// What the pane's UI shows: nothing.
    pub(crate) fn link(&self) -> SettingsLink {
        self.link.clone()
    }

    /// Nothing is ever saved from this pane.
    pub(crate) fn on_applied(&self, _: impl Fn(EmergencySettings) + 'static) {}

    /// Reports, once, a grant this build cannot honour.
    pub(crate) fn configure(&self, config: &Config) {
        if !config.permissions.edit_emergency_settings || self.warned.replace(true) {
            return;
        }
        let message = if has_save(&self.host) {
            "config.permissions.editEmergencySettings is set, but this build of the widget has no settings editor (it is in agent-dialer/admin): the emergency settings stay read-only"
        } else {
            "config.permissions.editEmergencySettings is set, but the host provides no settings.save: the emergency settings stay read-only"
        };
        let error = HostEvent::Error {
            binding: Binding::SettingsSave,
            message: message.into(),
        };
        let detail = to_js(&error).unwrap_or(JsValue::NULL);
        dispatch_dialer_event(&self.element, error.name().as_str(), &detail);
    }

    /// Nothing to stop.
    pub(crate) fn release(&self) {}
}

/// Never called in this build (nothing is saved from the pane).
pub(crate) fn as_config_patch(_: &EmergencySettings) -> Result<JsValue, String> {
    Err("this build has no settings editor".into())
}
