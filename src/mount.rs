//! Wires a host, the driver and the UI together: the only file that knows all three.
//! Exports the HOST_CONTRACT surface: `mount(element, host, config)` and `DialerHandle`.
//! The emergency settings (the administrator's surface and the pane's editor) are wired in
//! `settings_mount.rs`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use crate::core::wire::CallEvent;
use crate::core::{Binding, Config, Dialer, Event, RawConfig};
use crate::host::bindings::{check_config_shape, check_host, merge_config, HostBindings};
use crate::host::driver::Driver;
use crate::host::js::{now, to_js};
use crate::host::location::Locator;
use crate::host::tabs::new_tab_id;
use crate::settings_mount::{as_config_patch, PaneSettings};
use crate::ui::{App, AppProps, SettingsLink};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface DialerHandle {
  dial(number: string): void;
  setConfig(partial: Partial<DialerConfig>): void;
  state(): DialerSnapshot;
  unmount(): void;
}
"#;

/// Mounts the dialer into `element` with the host's bindings and the configuration.
/// Throws an `Error` naming what is wrong when one of them is structurally malformed.
#[wasm_bindgen(js_name = mount)]
pub fn mount(element: JsValue, host: JsValue, config: JsValue) -> Result<DialerHandle, JsError> {
    console_error_panic_hook::set_once();
    // 1. What the host handed over, checked: nothing is changed when something is malformed.
    let element = check(element, &host).map_err(|e| JsError::new(&e))?;
    let raw_config = merge_config(&JsValue::UNDEFINED, &config);
    let config = parse_config(&config).map_err(|e| JsError::new(&format!("mount: {e}")))?;
    let root = attach_root(&element).map_err(|e| JsError::new(&e))?;
    // 2. The core and the driver that runs its effects; the emergency settings editor, only
    //    when the host grants it (settings_mount.rs).
    let (agent_id, location_override) = (config.agent_id.clone(), config.location_override.clone());
    let pane = PaneSettings::new(&host, &element);
    pane.configure(&config);
    let dialer = Dialer::new(config, new_tab_id(), now());
    let driver = Driver::new(dialer, HostBindings::new(host), element, &agent_id);
    // 3. The UI: the driver's view model flows down as props, the agent's actions up as events.
    let app = render(&driver, root.clone(), pane.link());
    // 4. The host's call events and presence, then its current presence.
    let (unsubscribe, listeners) = listen(&driver);
    ask_presence(&driver);
    // 5. Start: the first readiness report, the other tabs, a saved episode (B5).
    let utc_offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    driver.handle(Event::Started { utc_offset_minutes });
    // 6. Where the agent is (E10, E12, B3).
    let boundaries_url = raw_string(&raw_config, "emergency", "boundariesUrl");
    let locator = Locator::new(&driver, boundaries_url);
    locator.apply(location_override);
    let mounted = Rc::new(Mounted {
        driver,
        app,
        root,
        raw_config: RefCell::new(raw_config),
        unsubscribe: RefCell::new(unsubscribe),
        _listeners: listeners,
        locator,
        pane: pane.clone(),
        released: Cell::new(false),
    });
    // Settings the host saved from the pane are the dialer's configuration from now on.
    let weak = Rc::downgrade(&mounted);
    pane.on_applied(move |settings| {
        if let (Some(m), Ok(patch)) = (weak.upgrade(), as_config_patch(&settings)) {
            let _ = m.set_config(&patch);
        }
    });
    Ok(DialerHandle {
        inner: RefCell::new(Some(mounted)),
    })
}

/// The handle `mount` returns (HOST_CONTRACT `DialerHandle`). Every method may be called from
/// inside a binding or a `dialer:*` listener: none holds a borrow while JavaScript runs.
#[wasm_bindgen(skip_typescript)]
pub struct DialerHandle {
    inner: RefCell<Option<Rc<Mounted>>>,
}

#[wasm_bindgen]
impl DialerHandle {
    /// Same as typing `number` and pressing Call: `host.calling.dial` is invoked before this returns.
    pub fn dial(&self, number: String) -> Result<(), JsError> {
        let m = self.mounted("dial")?;
        m.driver.handle(Event::Dial { dialed: number });
        Ok(())
    }

    /// Merges `partial` into the configuration. Throws (and changes nothing) when the result
    /// is malformed.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, partial: JsValue) -> Result<(), JsError> {
        let m = self.mounted("setConfig")?;
        m.set_config(&partial)
            .map_err(|e| JsError::new(&format!("setConfig: {e}")))
    }

    /// A plain-object snapshot (HOST_CONTRACT `DialerSnapshot`).
    pub fn state(&self) -> Result<JsValue, JsError> {
        let snapshot = self.mounted("state")?.driver.snapshot();
        to_js(&snapshot).map_err(|e| JsError::new(&format!("state: the snapshot {e}")))
    }

    /// Removes the widget and releases every listener, timer and closure. Idempotent.
    pub fn unmount(&self) {
        let mounted = self.inner.borrow_mut().take();
        if let Some(m) = mounted {
            m.release();
        }
    }
}

impl DialerHandle {
    /// The mounted widget, without keeping `inner` borrowed.
    fn mounted(&self, what: &str) -> Result<Rc<Mounted>, JsError> {
        let mounted = self.inner.borrow().clone();
        mounted.ok_or_else(|| JsError::new(&format!("{what}: the dialer is unmounted")))
    }
}

/// Everything a mounted widget holds. Released by `unmount()`, or when the handle is freed
/// from JavaScript without it: no host subscription, timer, channel or closure outlives it.
struct Mounted {
    driver: Rc<Driver>,
    app: Rc<RefCell<Option<AppHandle<App>>>>,
    root: web_sys::Element,
    raw_config: RefCell<JsValue>,
    unsubscribe: RefCell<Vec<js_sys::Function>>,
    // Listeners handed to the host; dropped (and so invalidated) after `unsubscribe` ran.
    _listeners: Vec<Closure<dyn FnMut(JsValue)>>,
    locator: Locator,
    pane: Rc<PaneSettings>,
    released: Cell<bool>,
}

impl Mounted {
    /// Merges `partial` into the configuration (`setConfig`, or settings saved in the pane).
    fn set_config(&self, partial: &JsValue) -> Result<(), String> {
        let current = self.raw_config.borrow().clone();
        let (merged, config) = merged_config(&current, partial)?;
        let location_override = config.location_override.clone();
        *self.raw_config.borrow_mut() = merged;
        self.pane.configure(&config);
        self.driver.handle(Event::ConfigChanged(Box::new(config)));
        self.locator.apply(location_override);
        Ok(())
    }

    fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        self.driver.release();
        self.pane.release();
        self.locator.release();
        let unsubscribe = std::mem::take(&mut *self.unsubscribe.borrow_mut());
        for off in unsubscribe {
            let _ = off.call0(&JsValue::UNDEFINED);
        }
        let app = self.app.borrow_mut().take();
        if let Some(app) = app {
            app.destroy();
        }
        self.root.remove();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.release();
    }
}

/// Step 1: the element and the host, structurally.
fn check(element: JsValue, host: &JsValue) -> Result<web_sys::Element, String> {
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| "mount: element must be a DOM Element".to_string())?;
    let problem = check_host(host);
    if !problem.is_empty() {
        return Err(format!("mount: {problem}"));
    }
    Ok(element)
}

/// `partial` merged into the raw configuration `current`, and validated.
pub(crate) fn merged_config(
    current: &JsValue,
    partial: &JsValue,
) -> Result<(JsValue, Config), String> {
    if !partial.is_object() {
        return Err("expected an object with the fields to change".into());
    }
    let merged = merge_config(current, partial);
    let config = parse_config(&merged)?;
    Ok((merged, config))
}

/// The configuration, checked for shape and validated into the core's [`Config`].
pub(crate) fn parse_config(value: &JsValue) -> Result<Config, String> {
    let problem = check_config_shape(value);
    if !problem.is_empty() {
        return Err(problem);
    }
    let raw: RawConfig = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| format!("config is malformed: {e}"))?;
    Config::from_raw(raw).map_err(|e| e.to_string())
}

/// The widget's own root element inside `element`.
pub(crate) fn attach_root(element: &web_sys::Element) -> Result<web_sys::Element, String> {
    let document = element
        .owner_document()
        .ok_or("mount: element has no document")?;
    let root = document
        .create_element("div")
        .map_err(|_| "mount: cannot create the root element")?;
    root.set_class_name("agent-dialer");
    element
        .append_child(&root)
        .map_err(|_| "mount: cannot attach to element")?;
    Ok(root)
}

/// Step 3: renders the UI into `root` and re-renders it after every batch of events.
fn render(
    driver: &Rc<Driver>,
    root: web_sys::Element,
    settings: SettingsLink,
) -> Rc<RefCell<Option<AppHandle<App>>>> {
    let onevent = Callback::from(driver.later());
    let props = AppProps {
        view: Rc::new(driver.view()),
        onevent: onevent.clone(),
        settings: Some(settings.clone()),
    };
    let app = Rc::new(RefCell::new(Some(
        yew::Renderer::<App>::with_root_and_props(root, props).render(),
    )));
    let pending = Rc::new(RefCell::new(None));
    let handle = app.clone();
    driver.set_on_change(move |view| {
        *pending.borrow_mut() = Some(view);
        // A render that feeds an event back would re-enter here: the outer call applies it.
        let Ok(mut handle) = handle.try_borrow_mut() else {
            return;
        };
        while let Some(view) = pending.borrow_mut().take() {
            if let Some(h) = handle.as_mut() {
                h.update(AppProps {
                    view: Rc::new(view),
                    onevent: onevent.clone(),
                    settings: Some(settings.clone()),
                });
            }
        }
    });
    app
}

type Listeners = (Vec<js_sys::Function>, Vec<Closure<dyn FnMut(JsValue)>>);

/// Step 4: subscribes to the host's call events and (optional) presence changes. Returns the
/// unsubscribe functions and the listeners; a subscription that throws is reported, not thrown.
fn listen(driver: &Rc<Driver>) -> Listeners {
    let calls = listener(driver, |value| {
        match serde_wasm_bindgen::from_value::<CallEvent>(value) {
            Ok(event) => Event::Call(event),
            Err(e) => Event::BindingFailed {
                binding: Binding::Subscribe,
                message: format!("calling.subscribe delivered an unreadable event: {e}"),
            },
        }
    });
    let presence = listener(driver, |value| match value.as_string() {
        Some(status) => Event::PresenceObserved(status),
        None => Event::BindingFailed {
            binding: Binding::Subscribe,
            message: "presence.subscribe delivered a non-string status".into(),
        },
    });
    let mut unsubscribe = Vec::new();
    for (binding, listener) in [
        (Binding::CallingSubscribe, &calls),
        (Binding::PresenceSubscribe, &presence),
    ] {
        if !driver.host().has(binding) {
            continue;
        }
        match driver.host().subscribe(binding, listener.as_ref()) {
            Ok(off) => unsubscribe.extend(off),
            Err(message) => driver.handle(Event::BindingFailed {
                binding: Binding::Subscribe,
                message,
            }),
        }
    }
    (unsubscribe, vec![calls, presence])
}

/// A host listener that turns what the host delivers into an event for the driver.
fn listener(
    driver: &Rc<Driver>,
    to_event: impl Fn(JsValue) -> Event + 'static,
) -> Closure<dyn FnMut(JsValue)> {
    let send = driver.later();
    Closure::new(move |value: JsValue| send(to_event(value)))
}

/// Step 4: `presence.get()`, so that E2 knows what to restore.
fn ask_presence(driver: &Rc<Driver>) {
    let send = driver.later();
    driver
        .host()
        .call(Binding::PresenceGet, &[], move |outcome| {
            send(match outcome.map(|v| v.as_string()) {
                Ok(Some(status)) => Event::PresenceObserved(status),
                Ok(None) => Event::BindingFailed {
                    binding: Binding::PresenceGet,
                    message: "presence.get did not return a string".into(),
                },
                Err(message) => Event::BindingFailed {
                    binding: Binding::PresenceGet,
                    message,
                },
            })
        });
}

/// A string member of the raw configuration, e.g. `emergency.boundariesUrl`.
fn raw_string(config: &JsValue, group: &str, key: &str) -> Option<String> {
    let g = js_sys::Reflect::get(config, &JsValue::from_str(group)).ok()?;
    if !g.is_object() {
        return None;
    }
    js_sys::Reflect::get(&g, &JsValue::from_str(key))
        .ok()?
        .as_string()
}
