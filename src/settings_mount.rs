//! Wires the emergency settings (E7, issue 15): the host, the settings driver and the form.
//!
//! - `mountSettings(element, host, config)` is the administrator's own surface for the host's
//!   admin pages: it edits `config.agent`'s recipients and the tenant's template and saves
//!   through `host.settings.save`. It returns a [`SettingsHandle`].
//! - [`PaneSettings`] is the same editor inside the agent's pane, present only while the host
//!   grants `config.permissions.editEmergencySettings` and provides `settings.save`; what the
//!   host saved there becomes the dialer's configuration at once.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::core::settings::{EmergencySettings, SettingsEditor, SettingsEvent};
use crate::core::value::Val;
use crate::core::wire::HostEvent;
use crate::core::{Binding, Config};
use crate::host::bindings::dispatch_dialer_event;
use crate::host::js::to_js;
use crate::host::settings::{has_save, SettingsDriver};
use crate::mount::{attach_root, merged_config, read_config};
use crate::ui::{SettingsLink, SettingsPanel, SettingsPanelProps};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface SettingsHandle {
  setConfig(partial: Partial<DialerConfig>): void;
  state(): SettingsSnapshot;
  discard(): void;
  unmount(): void;
}
"#;

/// An editor for the settings `config` holds, saving through `host`.
fn driver_for(config: &Config, host: JsValue) -> Rc<SettingsDriver> {
    let editor = SettingsEditor::new(
        config.agent_id.clone(),
        config.agent_name.clone(),
        config.locale.clone(),
        config.emergency_settings(),
    );
    SettingsDriver::new(editor, host)
}

/// What the editor must know when the host's configuration changes.
fn configured(config: &Config) -> SettingsEvent {
    SettingsEvent::Configured {
        saved: config.emergency_settings(),
        agent_name: config.agent_name.clone(),
        locale: config.locale.clone(),
    }
}

/// Shows `driver`'s views through `link`, then starts it (a kept draft is taken up).
fn connect(driver: &Rc<SettingsDriver>, link: &SettingsLink) {
    let publish = link.clone();
    driver.set_on_change(move |view| publish.publish(Some(view)));
    link.publish(Some(driver.view()));
    driver.handle(SettingsEvent::Started);
}

/// Mounts the administrator's emergency settings for `config.agent` into `element`, saving
/// through `host.settings.save`. Throws an `Error` naming what is wrong when the element, the
/// host or the configuration is structurally malformed.
#[wasm_bindgen(js_name = mountSettings)]
pub fn mount_settings(
    element: JsValue,
    host: JsValue,
    config: JsValue,
) -> Result<SettingsHandle, JsError> {
    crate::host::panic::report_panics();
    let fail = |e: String| JsError::new(&format!("mountSettings: {e}"));
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| fail("element must be a DOM Element".into()))?;
    if !has_save(&host) {
        return Err(fail(format!(
            "host.{} must be a function",
            Binding::SettingsSave.as_str()
        )));
    }
    let (raw_config, config) = read_config(&config).map_err(fail)?;
    let root =
        attach_root(&element).map_err(|e| fail(e.trim_start_matches("mount: ").to_string()))?;
    root.set_class_name("agent-dialer agent-dialer-settings");
    let driver = driver_for(&config, host);
    let link = SettingsLink::new(driver.later());
    let props = SettingsPanelProps {
        link: link.clone(),
        lang: None,
        surface: true,
    };
    let app = yew::Renderer::<SettingsPanel>::with_root_and_props(root.clone(), props).render();
    connect(&driver, &link);
    Ok(SettingsHandle {
        inner: RefCell::new(Some(Rc::new(SettingsMounted {
            driver,
            app: RefCell::new(Some(app)),
            root,
            agent_id: config.agent_id,
            raw_config: RefCell::new(raw_config),
        }))),
    })
}

/// The handle `mountSettings` returns (HOST_CONTRACT `SettingsHandle`).
#[wasm_bindgen(skip_typescript)]
pub struct SettingsHandle {
    inner: RefCell<Option<Rc<SettingsMounted>>>,
}

#[wasm_bindgen]
impl SettingsHandle {
    /// Merges `partial` into the configuration: new saved settings (after the host saved
    /// elsewhere), the agent's name, the locale. An unsaved draft is kept. Throws (and changes
    /// nothing) when the result is malformed or names another agent.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, partial: JsValue) -> Result<(), JsError> {
        let m = self.mounted("setConfig")?;
        let current = m.raw_config.borrow().clone();
        let (merged, config) = merged_config(current, &partial)
            .map_err(|e| JsError::new(&format!("setConfig: {e}")))?;
        if config.agent_id != m.agent_id {
            return Err(JsError::new(
                "setConfig: config.agent.id cannot change; unmount and mount the settings of the other agent",
            ));
        }
        *m.raw_config.borrow_mut() = merged;
        m.driver.handle(configured(&config));
        Ok(())
    }

    /// A plain-object snapshot (HOST_CONTRACT `SettingsSnapshot`).
    pub fn state(&self) -> Result<JsValue, JsError> {
        let snapshot = self.mounted("state")?.driver.snapshot();
        to_js(&snapshot).map_err(|e| JsError::new(&format!("state: the snapshot {e}")))
    }

    /// Discards the unsaved changes (as the Discard button does).
    pub fn discard(&self) -> Result<(), JsError> {
        self.mounted("discard")?
            .driver
            .handle(SettingsEvent::Discard);
        Ok(())
    }

    /// Removes the form and releases its timer and page-leave guard. A kept draft stays for
    /// the next mount. Idempotent.
    pub fn unmount(&self) {
        let mounted = self.inner.borrow_mut().take();
        drop(mounted);
    }
}

impl SettingsHandle {
    fn mounted(&self, what: &str) -> Result<Rc<SettingsMounted>, JsError> {
        let mounted = self.inner.borrow().clone();
        mounted.ok_or_else(|| JsError::new(&format!("{what}: the settings are unmounted")))
    }
}

/// Everything a mounted settings surface holds; released when dropped.
struct SettingsMounted {
    driver: Rc<SettingsDriver>,
    app: RefCell<Option<AppHandle<SettingsPanel>>>,
    root: web_sys::Element,
    agent_id: String,
    raw_config: RefCell<Val>,
}

impl Drop for SettingsMounted {
    fn drop(&mut self) {
        self.driver.release();
        if let Some(app) = self.app.borrow_mut().take() {
            app.destroy();
        }
        self.root.remove();
    }
}

/// What the host's saved settings are handed to.
type Apply = Rc<dyn Fn(EmergencySettings)>;

/// The settings editor inside the agent's pane: a [`SettingsLink`] for the pane's UI and,
/// while the host grants it, a driver behind it.
pub(crate) struct PaneSettings {
    me: Weak<PaneSettings>,
    link: SettingsLink,
    host: JsValue,
    element: web_sys::Element,
    driver: RefCell<Option<Rc<SettingsDriver>>>,
    apply: RefCell<Option<Apply>>,
    warned: Cell<bool>,
}

impl PaneSettings {
    /// The pane's settings for `host`; errors are reported on `element`.
    pub(crate) fn new(host: &JsValue, element: &web_sys::Element) -> Rc<PaneSettings> {
        Rc::new_cyclic(|me: &Weak<PaneSettings>| {
            let back = me.clone();
            let onevent = move |event| {
                let driver = back.upgrade().and_then(|p| p.driver.borrow().clone());
                if let Some(driver) = driver {
                    driver.handle(event);
                }
            };
            PaneSettings {
                me: me.clone(),
                link: SettingsLink::new(onevent),
                host: host.clone(),
                element: element.clone(),
                driver: RefCell::new(None),
                apply: RefCell::new(None),
                warned: Cell::new(false),
            }
        })
    }

    /// What the pane's UI shows.
    pub(crate) fn link(&self) -> SettingsLink {
        self.link.clone()
    }

    /// Sets what the host's saved settings are handed to (the dialer's `setConfig`).
    pub(crate) fn on_applied(&self, f: impl Fn(EmergencySettings) + 'static) {
        *self.apply.borrow_mut() = Some(Rc::new(f));
    }

    /// Follows the configuration: an editor while `permissions.editEmergencySettings` is
    /// granted (and the host can save), none otherwise.
    pub(crate) fn configure(&self, config: &Config) {
        let granted = config.permissions.edit_emergency_settings;
        let can_save = has_save(&self.host);
        if granted && !can_save && !self.warned.replace(true) {
            let error = HostEvent::Error {
                binding: Binding::SettingsSave,
                message: "config.permissions.editEmergencySettings is set, but the host provides no settings.save: the emergency settings stay read-only".into(),
            };
            let detail = to_js(&error).unwrap_or(JsValue::NULL);
            dispatch_dialer_event(&self.element, error.name().as_str(), &detail);
        }
        let current = self.driver.borrow().clone();
        // Another agent's settings are another editor.
        let current = current.filter(|d| {
            let same = d.agent_id() == config.agent_id;
            if !same {
                self.driver.borrow_mut().take();
                d.release();
            }
            same
        });
        match (granted && can_save, current) {
            (true, Some(driver)) => driver.handle(configured(config)),
            (true, None) => {
                let driver = driver_for(config, self.host.clone());
                let me = self.me.clone();
                driver.set_on_applied(move |settings| {
                    let apply = me.upgrade().and_then(|p| p.apply.borrow().clone());
                    if let Some(apply) = apply {
                        apply(settings);
                    }
                });
                *self.driver.borrow_mut() = Some(driver.clone());
                connect(&driver, &self.link);
            }
            (false, Some(driver)) => {
                self.driver.borrow_mut().take();
                driver.release();
                self.link.publish(None);
            }
            (false, None) => {}
        }
    }

    /// Stops the editor, if any.
    pub(crate) fn release(&self) {
        let driver = self.driver.borrow_mut().take();
        if let Some(driver) = driver {
            driver.release();
        }
        self.apply.borrow_mut().take();
    }
}

/// `{ emergency: { recipients, template } }`: what the dialer's `setConfig` takes.
pub(crate) fn as_config_patch(settings: &EmergencySettings) -> Result<JsValue, String> {
    #[derive(serde::Serialize)]
    struct Patch<'a> {
        emergency: &'a EmergencySettings,
    }
    to_js(&Patch {
        emergency: settings,
    })
}
