//! Wires a host, the driver and the UI together: the only file that knows all three.
//! Exports the HOST_CONTRACT surface: `mount(element, host, config)` and `DialerHandle`.
//!
//! Every `DialerHandle` method may be called at any time from JavaScript — from inside a
//! binding, a `dialer:*` listener, a focus handler during a render — and with any value: none
//! holds a borrow while JavaScript runs, and what the host passes in is read defensively
//! (`host::read`), so a bad value is a clear `Error` that changes nothing.
//!
//! The emergency settings (the administrator's surface and the pane's editor) are wired in
//! `settings_mount.rs` (`settings_off.rs` in the agent's build).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::core::config::LocationOverride;
use crate::core::value::Val;
use crate::core::{Config, Dialer, Event, Millis, ViewModel};
use crate::host::bindings::{check_host, kind_of, lay_out_once, HostBindings, BINDING_TIMEOUT_MS};
use crate::host::cell::Shared;
use crate::host::driver::Driver;
use crate::host::js::{now, to_js};
use crate::host::location::Locator;
use crate::host::read::{self, CONFIG_SHAPE, REPLACED_WHOLE};
use crate::host::tabs::new_tab_id;
use crate::settings_mount::{as_config_patch, PaneSettings};
use crate::ui::ids::OFF_DOCUMENT;
use crate::ui::{Pane, SettingsLink};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
export interface DialerHandle {
  dial(number: string): void;
  setConfig(partial: Partial<DialerConfig>): void;
  state(): DialerSnapshot;
  unmount(): void;
}
"#;

/// Longest dial string `dial()` takes.
const MAX_DIAL: u32 = 1_024;

thread_local! {
    static INSTANCES: Cell<u32> = const { Cell::new(0) };
}

/// Whether a widget has been mounted in this instance (the warm-up, src/warm.rs, is then moot).
pub(crate) fn mounted_any() -> bool {
    INSTANCES.with(|n| n.get() > 0)
}

/// Mounts the dialer into `element` with the host's bindings and the configuration.
/// Throws an `Error` naming what is wrong when one of them is structurally malformed.
#[wasm_bindgen(js_name = mount)]
pub fn mount(element: JsValue, host: JsValue, config: JsValue) -> Result<DialerHandle, JsError> {
    crate::host::panic::report_panics();
    mount_in(element, host, config, false).map_err(|e| JsError::new(&e))
}

/// A whole mount and unmount in `element` (never shown) with `host` (the warm-up's
/// inert host, www/pkg/guard.js) and `config`, laid out once in a hidden box that leaves the
/// document in the same task (`bindings.js` `layOutOnce`: never painted), the pane then shown
/// `then` (the warm-up's emergency view) before it goes, so that the browser compiles that
/// code, and sets up its first layout of the widget, before the first real mount
/// (src/warm.rs, issue 16). Unlike a mount it counts no instance, adopts no kept driver, joins
/// no dialer's tab channel (only the warm-up's, which no dialer joins, closed at once: tabs.rs),
/// adds no page listener, reads and writes no storage and never asks for the position (the
/// region is given). True when it ran.
pub(crate) fn rehearse(element: JsValue, host: JsValue, config: JsValue, then: ViewModel) -> bool {
    mount_in(element.clone(), host, config, true).is_ok_and(|handle| {
        // The dialer as a first mount shows it, laid out once (never painted).
        lay_out_once(&element);
        if let Some(m) = handle.inner.read().as_ref() {
            m.ui.show(then);
        }
        handle.unmount();
        true
    })
}

/// `mount`, or with `rehearsal` the warm-up's [`rehearse`].
fn mount_in(
    element: JsValue,
    host: JsValue,
    config: JsValue,
    rehearsal: bool,
) -> Result<DialerHandle, String> {
    // 1. What the host handed over, checked: nothing is changed when something is malformed.
    let element = check(element, &host)?;
    let (value, config) = read_config(&config).map_err(|e| format!("mount: {e}"))?;
    let root = attach_root(&element)?;
    let instance = if rehearsal {
        OFF_DOCUMENT
    } else {
        INSTANCES.with(|n| {
            n.set(n.get().wrapping_add(1));
            n.get()
        })
    };
    // 2. The core and the driver that runs its effects — or the driver this document kept
    //    for the agent, headless, because its emergency call is still live (E11); the
    //    emergency settings editor, only when the host grants it (settings_mount.rs).
    let (agent_id, location_override) = (config.agent_id.clone(), config.location_override.clone());
    let pane = PaneSettings::new(&host, &element);
    pane.configure(&config);
    let host = HostBindings::new(host, binding_timeout(&value));
    // (A rehearsal must not take a kept driver out of the keeper: it never looks.) The
    // configuration goes to the new core, or (adopted) to the kept one as a change: moved,
    // never copied.
    let kept = if rehearsal {
        None
    } else {
        Driver::adopt(&agent_id)
    };
    let (driver, adopted) = match kept {
        Some(driver) => {
            driver.reattach(host, element);
            (driver, Some(config))
        }
        None => {
            let dialer = new_dialer(config, new_tab_id(), now());
            (
                Driver::new(dialer, host, element, &agent_id, rehearsal),
                None,
            )
        }
    };
    // 3. The UI: the driver's view model flows down as props, the agent's actions up as events
    //    (rendered now, so that the pane is in the document for what follows; it follows the
    //    driver's changes from the end of step 6).
    let ui = Ui::render(&driver, root.clone(), instance, pane.link());
    // 4. The host's call events and presence, then its current presence.
    if adopted.is_none() {
        driver.subscribe();
    }
    driver.ask_presence();
    // 5. Where the agent is (E10, E12, B3): before the start, so that a location the
    //    configuration sets is in the first readiness report (one `dialer:readiness` at mount,
    //    not a "location not checked yet" the same call then takes back).
    let locator = Locator::new(
        &driver,
        emergency_url(&value, "geocoderUrl"),
        emergency_url(&value, "boundariesUrl"),
    );
    // A rehearsal never asks for the position: it applies a region (the same code path).
    locator.apply(if rehearsal {
        Some(LocationOverride::Region {
            region: "US".into(),
        })
    } else {
        location_override
    });
    // 6. Start: the first readiness report, the other tabs, a saved episode (B5).
    if let Some(config) = adopted {
        driver.handle(Event::ConfigChanged(Box::new(config)));
        driver.handle(Event::Reattached);
    } else {
        driver.handle(Event::Started {
            utc_offset_minutes: crate::host::bindings::utc_offset_minutes(),
        });
    }
    ui.follow(&driver);
    let mounted = Rc::new(Mounted {
        driver,
        ui,
        root,
        config: RefCell::new(value),
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
    /// Same as typing `number` and pressing Call: `host.calling.dial` is invoked before this
    /// returns, also when called from inside a binding or a listener (E11).
    pub fn dial(&self, number: JsValue) -> Result<(), JsError> {
        let m = self.mounted("dial")?;
        let dialed = match read::short_string(&number, MAX_DIAL) {
            Ok(Some(s)) => s,
            // A whole number is taken as its digits: `dial(911)` dials 911. Below 1e15 (< 2^53)
            // it is exact as a u64, whose formatting is small: `format!("{n:.0}")` would link
            // Rust's float formatting, ~16 KB of wasm (BENCHMARKS.md, issue 16).
            Ok(None) => match number.as_f64() {
                Some(n) if n.is_finite() && n >= 0.0 && n.fract() == 0.0 && n < 1e15 => {
                    (n as u64).to_string()
                }
                _ => {
                    let kind = kind_of(&number);
                    return Err(JsError::new(&format!(
                        "dial: expected the number to dial as a string, not {kind}"
                    )));
                }
            },
            Err(e) => return Err(JsError::new(&format!("dial: the number {e}"))),
        };
        m.driver.handle(Event::Dial { dialed });
        Ok(())
    }

    /// Merges `partial` into the configuration. Throws (and changes nothing) when it cannot be
    /// read or the result is malformed.
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

    /// Removes the widget and releases every listener, timer and closure. Idempotent. With an
    /// emergency call live, the episode goes on headless until the call ends or the same
    /// agent is mounted again (E11).
    pub fn unmount(&self) {
        let mounted = self.inner.write().take();
        if let Some(m) = mounted {
            m.release();
        }
    }
}

impl DialerHandle {
    /// The mounted widget, without keeping `inner` borrowed.
    fn mounted(&self, what: &str) -> Result<Rc<Mounted>, JsError> {
        let mounted = self.inner.read().clone();
        mounted.ok_or_else(|| JsError::new(&format!("{what}: the dialer is unmounted")))
    }
}

/// Everything a mounted widget holds. Released by `unmount()`, or when the handle is freed
/// from JavaScript without it: no host subscription, timer, channel or closure outlives it
/// (except a driver that still owes a live emergency call, kept headless).
struct Mounted {
    driver: Rc<Driver>,
    ui: Rc<Ui>,
    root: web_sys::Element,
    config: RefCell<Val>,
    locator: Locator,
    pane: Rc<PaneSettings>,
    released: Cell<bool>,
}

impl Mounted {
    /// Merges `partial` into the configuration (`setConfig`, or settings saved in the pane).
    /// No borrow is held while JavaScript runs (reading `partial` may call its getters).
    fn set_config(&self, partial: &JsValue) -> Result<(), String> {
        let current = self.config.read().clone();
        let (merged, config) = merged_config(current, partial)?;
        let location_override = config.location_override.clone();
        let agent_id = config.agent_id.clone();
        *self.config.write() = merged;
        self.pane.configure(&config);
        self.driver.handle(Event::ConfigChanged(Box::new(config)));
        self.driver.rekey(&agent_id);
        self.locator.apply(location_override);
        Ok(())
    }

    fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        self.pane.release();
        self.locator.release();
        self.ui.destroy();
        crate::ui::dom::remove(&self.root);
        self.driver.detach();
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.release();
    }
}

/// The rendered UI. It may be told to go away while it renders (a focus handler that
/// unmounts): it then goes once the render is over.
struct Ui {
    pane: RefCell<Option<Pane>>,
    pending: RefCell<Option<ViewModel>>,
    gone: Cell<bool>,
}

impl Ui {
    /// Renders the driver's view into `root` (in the document when this returns). It follows
    /// the driver from [`Ui::follow`] on.
    fn render(
        driver: &Rc<Driver>,
        root: web_sys::Element,
        instance: u32,
        settings: SettingsLink,
    ) -> Rc<Ui> {
        let ui = Rc::new(Ui {
            pane: RefCell::new(None),
            pending: RefCell::new(None),
            gone: Cell::new(false),
        });
        let pane = Pane::mount(
            &root,
            driver.view(),
            instance,
            Some(settings),
            driver.later(),
        );
        *ui.pane.write() = Some(pane);
        ui
    }

    /// Shows the driver's view now, and again after every batch of events. The mount calls it
    /// once its own steps are done (subscriptions, presence, location, start): the pane is then
    /// rendered twice in a mount, not once more for each of those steps (issue 16).
    fn follow(self: &Rc<Self>, driver: &Driver) {
        let me = Rc::downgrade(self);
        driver.set_on_change(move |view| {
            if let Some(ui) = me.upgrade() {
                ui.show(view);
            }
        });
        self.show(driver.view());
    }

    fn show(&self, view: ViewModel) {
        if self.gone.get() {
            return;
        }
        *self.pending.write() = Some(view);
        // A render that fed an event back would re-enter here: the outer call applies it.
        let Ok(mut pane) = self.pane.try_borrow_mut() else {
            return;
        };
        loop {
            let next = self.pending.write().take();
            let (Some(view), false) = (next, self.gone.get()) else {
                break;
            };
            if let Some(p) = pane.as_ref() {
                p.update(view);
            }
        }
        let gone = if self.gone.get() { pane.take() } else { None };
        drop(pane);
        drop(gone);
    }

    fn destroy(&self) {
        self.gone.set(true);
        let pane = self.pane.try_borrow_mut().ok().and_then(|mut p| p.take());
        drop(pane);
    }
}

/// A core for `config` in the tab `tab_id`, started at `now`: one copy of its building for
/// the mount and the warm-up (src/warm.rs).
#[inline(never)]
pub(crate) fn new_dialer(config: Config, tab_id: String, now: Millis) -> Dialer {
    Dialer::new(config, tab_id, now)
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

/// The configuration as the host passed it, read defensively (`host::read`) and validated.
pub(crate) fn read_config(config: &JsValue) -> Result<(Val, Config), String> {
    let value = read::read(config, CONFIG_SHAPE, "config")?;
    let config = Config::from_value(&value)?;
    Ok((value, config))
}

/// `partial` merged into `current` (a copy of the configuration as read), and validated. Nothing changes
/// when it cannot be read or the result is malformed.
pub(crate) fn merged_config(current: Val, partial: &JsValue) -> Result<(Val, Config), String> {
    if kind_of(partial) != "object" {
        return Err("expected an object with the fields to change".into());
    }
    let (patch, unset) = read::read_patch(partial, CONFIG_SHAPE, "config")?;
    let mut merged = current;
    merged.merge(&patch, &REPLACED_WHOLE);
    for path in &unset {
        merged.remove(path);
    }
    let config = Config::from_value(&merged)?;
    Ok((merged, config))
}

/// The widget's own root element inside `element` (bindings.js `attachRoot`).
pub(crate) fn attach_root(element: &web_sys::Element) -> Result<web_sys::Element, String> {
    let root = crate::host::bindings::attach_root(element);
    match root.as_string() {
        Some(problem) => Err(problem),
        None => Ok(root.unchecked_into()),
    }
}

/// `config.emergency.boundariesUrl` or `geocoderUrl`, if given.
fn emergency_url(config: &Val, key: &str) -> Option<String> {
    match config.get("emergency").get(key) {
        Val::Str(url) => Some(url.clone()),
        _ => None,
    }
}

/// The binding timeout: 10 s, or the test-only `config.testing.bindingTimeoutMs` (1 ms…10 s),
/// which lets the hostile-host test make "late past the timeout" fast.
fn binding_timeout(config: &Val) -> u32 {
    match config.get("testing").get("bindingTimeoutMs") {
        Val::Num(ms) if ms.is_finite() => ms.clamp(1.0, BINDING_TIMEOUT_MS as f64) as u32,
        _ => BINDING_TIMEOUT_MS,
    }
}
