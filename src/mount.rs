//! Wires a host, the driver and the UI together: the only file that knows all three.
//! Exports the HOST_CONTRACT surface: `mount(element, host, config)` and `DialerHandle`.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use yew::{AppHandle, Callback};

use gloo_timers::callback::Timeout;

use crate::core::flow::Episode;
use crate::core::wire::CallEvent;
use crate::core::{Binding, Config, Dialer, Event, RawConfig};
use crate::host::bindings::{check_config_shape, check_host, merge_config, HostBindings};
use crate::host::driver::{to_js, Driver};
use crate::host::location::Locator;
use crate::host::storage::EpisodeStore;
use crate::host::tabs::{Tabs, HEARTBEAT_MS};
use crate::ui::{App, AppProps};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface DialerHandle {
  dial(number: string): void;
  setConfig(partial: Partial<DialerConfig>): void;
  state(): DialerSnapshot;
  unmount(): void;
}
"#;

struct Mounted {
    driver: Rc<Driver>,
    app: Rc<RefCell<Option<AppHandle<App>>>>,
    root: web_sys::Element,
    raw_config: JsValue,
    unsubscribe: Vec<js_sys::Function>,
    // Listeners handed to the host; dropped (and so invalidated) on unmount.
    _listeners: Vec<Closure<dyn FnMut(JsValue)>>,
    locator: Locator,
    tabs: Rc<Tabs>,
    restore: RestoreSlot,
}

/// The pending start-up restore (B5): dropping it cancels its timer.
type RestoreSlot = Rc<RefCell<Option<Timeout>>>;

/// How long a reloaded tab listens for other tabs before deciding whether its saved emergency
/// call lives on elsewhere (three heartbeats' worth of answers arrive well within it).
const RESTORE_PROBE_MS: u32 = 400;

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

/// Restores a saved episode (B5). A call in it is alive when another tab holds it (that tab
/// keeps it; this one shows it as a peer's), else when the host's optional
/// `calling.activeCalls()` lists it; otherwise it ended with the reload.
fn restore(driver: &Rc<Driver>, tabs: &Rc<Tabs>, slot: &RestoreSlot, episode: Episode) {
    let Some(call_id) = episode.call.as_ref().map(|c| c.call_id.clone()) else {
        driver.handle(Event::Restored {
            episode,
            call_alive: false,
        });
        return;
    };
    let (weak, tabs_weak) = (Rc::downgrade(driver), Rc::downgrade(tabs));
    let timer = Timeout::new(RESTORE_PROBE_MS, move || {
        let (Some(d), Some(tabs)) = (weak.upgrade(), tabs_weak.upgrade()) else {
            return;
        };
        if tabs.peer_holds(call_id.as_deref()) {
            return; // Another tab holds the call and the episode: it is shown as the peer's.
        }
        let ask = call_id.is_some() && d.host().has("calling", "activeCalls");
        if !ask {
            d.handle(Event::Restored {
                episode,
                call_alive: false,
            });
            return;
        }
        let later = Rc::downgrade(&d);
        d.host()
            .call("calling", "activeCalls", &[], move |outcome| {
                let Some(d) = later.upgrade() else { return };
                let call_alive = match &outcome {
                    Ok(list) => {
                        js_sys::Array::is_array(list)
                            && js_sys::Array::from(list)
                                .iter()
                                .any(|v| v.as_string() == call_id)
                    }
                    Err(_) => false,
                };
                if let Err(message) = outcome {
                    d.handle(Event::BindingFailed {
                        binding: Binding::Subscribe,
                        message: format!("calling.activeCalls failed: {message}"),
                    });
                }
                d.handle(Event::Restored {
                    episode,
                    call_alive,
                });
            });
    });
    *slot.borrow_mut() = Some(timer);
}

/// The handle `mount` returns (HOST_CONTRACT `DialerHandle`).
#[wasm_bindgen(skip_typescript)]
pub struct DialerHandle {
    inner: RefCell<Option<Mounted>>,
}

fn parse_config(value: &JsValue) -> Result<Config, String> {
    let problem = check_config_shape(value);
    if !problem.is_empty() {
        return Err(problem);
    }
    let raw: RawConfig = serde_wasm_bindgen::from_value(value.clone())
        .map_err(|e| format!("config is malformed: {e}"))?;
    Config::from_raw(raw).map_err(|e| e.to_string())
}

/// Mounts the dialer into `element` with the host's bindings and the configuration.
/// Throws an `Error` naming what is wrong when one of them is structurally malformed.
#[wasm_bindgen(js_name = mount)]
pub fn mount(element: JsValue, host: JsValue, config: JsValue) -> Result<DialerHandle, JsError> {
    console_error_panic_hook::set_once();
    let element: web_sys::Element = element
        .dyn_into()
        .map_err(|_| JsError::new("mount: element must be a DOM Element"))?;
    let problem = check_host(&host);
    if !problem.is_empty() {
        return Err(JsError::new(&format!("mount: {problem}")));
    }
    let raw_config = merge_config(&JsValue::UNDEFINED, &config);
    let config = parse_config(&config).map_err(|e| JsError::new(&format!("mount: {e}")))?;

    let document = element
        .owner_document()
        .ok_or_else(|| JsError::new("mount: element has no document"))?;
    let root = document
        .create_element("div")
        .map_err(|_| JsError::new("mount: cannot create the root element"))?;
    root.set_class_name("agent-dialer");
    element
        .append_child(&root)
        .map_err(|_| JsError::new("mount: cannot attach to element"))?;

    let store = EpisodeStore::new(&config.agent_id);
    let agent_id = config.agent_id.clone();
    let location_override = config.location_override.clone();
    let driver = Driver::new(
        Dialer::new(config),
        HostBindings::new(host),
        element.clone(),
        store,
    );

    // UI: the driver's view model flows down as props; the agent's actions flow up as events.
    let onevent = {
        let weak: Weak<Driver> = Rc::downgrade(&driver);
        Callback::from(move |event: Event| {
            if let Some(d) = weak.upgrade() {
                d.handle(event)
            }
        })
    };
    let app = Rc::new(RefCell::new(None::<AppHandle<App>>));
    let props = AppProps {
        view: Rc::new(driver.view()),
        onevent: onevent.clone(),
    };
    *app.borrow_mut() =
        Some(yew::Renderer::<App>::with_root_and_props(root.clone(), props).render());
    {
        let app = app.clone();
        let pending = Rc::new(RefCell::new(None));
        driver.set_on_change(move |view| {
            *pending.borrow_mut() = Some(view);
            // A render that feeds an event back would re-enter here: the outer call applies it.
            let Ok(mut handle) = app.try_borrow_mut() else {
                return;
            };
            while let Some(view) = pending.borrow_mut().take() {
                if let Some(h) = handle.as_mut() {
                    h.update(AppProps {
                        view: Rc::new(view),
                        onevent: onevent.clone(),
                    });
                }
            }
        });
    }

    // Host subscriptions.
    let mut listeners = Vec::new();
    let mut unsubscribe = Vec::new();
    let call_listener = {
        let weak = Rc::downgrade(&driver);
        Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
            let Some(d) = weak.upgrade() else { return };
            match serde_wasm_bindgen::from_value::<CallEvent>(value) {
                Ok(event) => d.handle(Event::Call(event)),
                Err(e) => d.handle(Event::BindingFailed {
                    binding: Binding::Subscribe,
                    message: format!("calling.subscribe delivered an unreadable event: {e}"),
                }),
            }
        })
    };
    match driver.host().subscribe("calling", call_listener.as_ref()) {
        Ok(off) => unsubscribe.extend(off),
        Err(message) => driver.handle(Event::BindingFailed {
            binding: Binding::Subscribe,
            message,
        }),
    }
    listeners.push(call_listener);
    let presence_listener = {
        let weak = Rc::downgrade(&driver);
        Closure::<dyn FnMut(JsValue)>::new(move |value: JsValue| {
            let Some(d) = weak.upgrade() else { return };
            match value.as_string() {
                Some(status) => d.handle(Event::PresenceObserved(status)),
                None => d.handle(Event::BindingFailed {
                    binding: Binding::Subscribe,
                    message: "presence.subscribe delivered a non-string status".into(),
                }),
            }
        })
    };
    if driver.host().has("presence", "subscribe") {
        match driver
            .host()
            .subscribe("presence", presence_listener.as_ref())
        {
            Ok(off) => unsubscribe.extend(off),
            Err(message) => driver.handle(Event::BindingFailed {
                binding: Binding::Subscribe,
                message,
            }),
        }
    }
    listeners.push(presence_listener);
    {
        let weak = Rc::downgrade(&driver);
        driver.host().call("presence", "get", &[], move |outcome| {
            let Some(d) = weak.upgrade() else { return };
            d.handle(match outcome.map(|v| v.as_string()) {
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

    let utc_offset_minutes = -(js_sys::Date::new_0().get_timezone_offset() as i32);
    driver.handle(Event::Started { utc_offset_minutes });
    let locator = Locator::new(
        &driver,
        raw_string(&raw_config, "emergency", "boundariesUrl"),
    );
    locator.apply(location_override);

    // Tabs (B5): announce this tab's emergency call as soon as it starts or ends.
    let tabs = Rc::new(Tabs::new(&driver, &agent_id, HEARTBEAT_MS));
    {
        let refresh = tabs.refresher();
        driver.add_sink(Box::new(move |name, _| {
            if name.starts_with("dialer:emergency") {
                refresh();
            }
        }));
    }
    let restore_slot: RestoreSlot = Rc::new(RefCell::new(None));
    {
        // The call another tab held ended there: take over the episode it left behind.
        let (weak, tabs_weak, slot) = (
            Rc::downgrade(&driver),
            Rc::downgrade(&tabs),
            restore_slot.clone(),
        );
        tabs.set_on_peer_ended(move || {
            let (Some(d), Some(tabs)) = (weak.upgrade(), tabs_weak.upgrade()) else {
                return;
            };
            if let Ok(Some(episode)) = d.store().load() {
                restore(&d, &tabs, &slot, episode);
            }
        });
    }
    match driver.store().load() {
        Ok(Some(episode)) => restore(&driver, &tabs, &restore_slot, episode),
        Ok(None) => {}
        Err(message) => driver.handle(Event::BindingFailed {
            binding: Binding::Storage,
            message,
        }),
    }

    Ok(DialerHandle {
        inner: RefCell::new(Some(Mounted {
            driver,
            app,
            root,
            raw_config,
            unsubscribe,
            _listeners: listeners,
            locator,
            tabs,
            restore: restore_slot,
        })),
    })
}

#[wasm_bindgen]
impl DialerHandle {
    /// Same as typing `number` and pressing Call: `host.calling.dial` is invoked before this returns.
    pub fn dial(&self, number: String) -> Result<(), JsError> {
        let inner = self.inner.borrow();
        let m = inner
            .as_ref()
            .ok_or_else(|| JsError::new("dial: the dialer is unmounted"))?;
        m.driver.handle(Event::Dial { dialed: number });
        Ok(())
    }

    /// Merges `partial` into the configuration. Throws (and changes nothing) when the result
    /// is malformed.
    #[wasm_bindgen(js_name = setConfig)]
    pub fn set_config(&self, partial: JsValue) -> Result<(), JsError> {
        let mut inner = self.inner.borrow_mut();
        let m = inner
            .as_mut()
            .ok_or_else(|| JsError::new("setConfig: the dialer is unmounted"))?;
        if !partial.is_object() {
            return Err(JsError::new(
                "setConfig: expected an object with the fields to change",
            ));
        }
        let merged = merge_config(&m.raw_config, &partial);
        let config = parse_config(&merged).map_err(|e| JsError::new(&format!("setConfig: {e}")))?;
        let location_override = config.location_override.clone();
        m.raw_config = merged;
        m.driver.handle(Event::ConfigChanged(config));
        m.locator.apply(location_override);
        Ok(())
    }

    /// A plain-object snapshot (HOST_CONTRACT `DialerSnapshot`).
    pub fn state(&self) -> Result<JsValue, JsError> {
        let inner = self.inner.borrow();
        let m = inner
            .as_ref()
            .ok_or_else(|| JsError::new("state: the dialer is unmounted"))?;
        Ok(to_js(&m.driver.snapshot()))
    }

    /// Removes the widget and releases every listener, timer and closure. Idempotent.
    pub fn unmount(&self) {
        let Some(m) = self.inner.borrow_mut().take() else {
            return;
        };
        m.driver.release();
        m.locator.release();
        m.tabs.release();
        m.restore.borrow_mut().take();
        for off in &m.unsubscribe {
            let _ = off.call0(&JsValue::UNDEFINED);
        }
        if let Some(app) = m.app.borrow_mut().take() {
            app.destroy();
        }
        m.root.remove();
    }
}
