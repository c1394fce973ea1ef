//! Where the agent is (E10, E12, B3): the browser's location permission and position, or the
//! configured override, turned into [`Event::LocationChanged`] for the core.
//!
//! Positions become a region offline with the reverse geocoder, a small wasm of its own
//! (geo/, `agent-dialer-geo.js`: the `country-boundaries` crate's reader and lookup), and its
//! data (ODbL, © OpenStreetMap contributors, [`BOUNDARIES_FILE`]). Neither is in the widget's
//! wasm (issue 16): both are loaded the first time a position has to be looked up, and kept
//! for the page's lifetime. Waiting for a position, the module or the data never delays a
//! call: until the region is known the core treats it as unknown (E12). If either cannot be
//! loaded the region stays unknown and a `geolocation` binding error is reported.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;

use super::bindings::when_settled;
use super::cell::Shared;
use super::driver::Driver;
use crate::core::config::LocationOverride;
use crate::core::model::normalise_region;
use crate::core::{Binding, Event};
use crate::core::{Coords, Location, LocationStatus};

#[wasm_bindgen(module = "/src/host/location.js")]
extern "C" {
    /// Calls `on(what, value)` with [`PERMISSION`], [`POSITION`] or [`ERROR`]; returns the
    /// function that stops watching (never throws).
    #[wasm_bindgen(js_name = watchLocation)]
    fn watch_location(on: &JsValue, timeout_ms: u32, maximum_age_ms: u32) -> js_sys::Function;

    #[wasm_bindgen(js_name = loadGeocoder)]
    fn load_geocoder(module_url: &str, data_url: &str) -> js_sys::Promise;

    #[wasm_bindgen(js_name = defaultAssetUrl)]
    fn default_asset_url(file: &str) -> String;
}

/// The boundaries asset shipped next to the widget's JS glue. The 60×30 raster is the
/// smallest of the crate's three (302 KB raw, 160 KB brotli, against 516 KB / 204 KB for
/// 180×90): the geometry is the same in all three, the finer rasters only make a lookup
/// faster, and the widget looks up one position at a time.
pub const BOUNDARIES_FILE: &str = "country-boundaries-60x30.ser";
/// How long one position request may take before it counts as timed out.
pub const POSITION_TIMEOUT_MS: u32 = 10_000;
/// How old a cached position may be.
pub const POSITION_MAXIMUM_AGE_MS: u32 = 60_000;

/// What `watchLocation` tells its listener (the codes of `location.js`): the permission's
/// state, a position `[latitude, longitude, accuracyMeters]`, or an error's kind.
const PERMISSION: u32 = 0;
const POSITION: u32 = 1;
const ERROR: u32 = 2;

/// Where the lookup module and the data are loaded from (`config.emergency.geocoderUrl` and
/// `boundariesUrl`; an empty module URL is the module shipped next to the widget's JS).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GeoAssets {
    pub geocoder_url: String,
    pub boundaries_url: String,
}

/// What the geocoder found: the region at the position and every region near it.
type Found = (Option<String>, Vec<String>);

/// Reads the geocoder's answer, `[region | "", ...nearby]`: every entry must be a region code
/// (two letters); anything else is left out, so the core only sees checked regions.
fn read_found(answer: &JsValue) -> Result<Found, String> {
    if !js_sys::Array::is_array(answer) {
        return Err("the location lookup module answered something that is not a list".into());
    }
    let codes = js_sys::Array::from(answer);
    let region = codes.get(0).as_string().and_then(|r| normalise_region(&r));
    // Sorted and without repeats, kept so as they arrive (a binary search and an insert):
    // `sort()` on `String`s would link a stable sort for them, ~4 KB of wasm (issue 16).
    let mut nearby: Vec<String> = Vec::new();
    for code in codes.iter().skip(1) {
        if let Some(code) = code.as_string().and_then(|c| normalise_region(&c)) {
            if let Err(at) = nearby.binary_search(&code) {
                nearby.insert(at, code);
            }
        }
    }
    Ok((region, nearby))
}

/// [`read_found`] for the browser tests (`tests/browser_runtime.rs`, debug builds). Not in
/// release builds: any `pub` way to it changes how the release build lays out `find` (+0.2 KB
/// brotli, issue 16).
#[cfg(debug_assertions)]
#[doc(hidden)]
pub fn check_geocoder_answer(answer: &JsValue) -> Result<(Option<String>, Vec<String>), String> {
    read_found(answer)
}

type Waiter = Box<dyn FnOnce(Result<Rc<js_sys::Function>, String>)>;

enum Data {
    Idle,
    Loading(Vec<Waiter>),
    Ready(Rc<js_sys::Function>),
}

thread_local! {
    // One geocoder per page, shared by every mounted widget.
    static DATA: RefCell<Data> = const { RefCell::new(Data::Idle) };
}

/// True once the geocoder and its data have been loaded in this page.
pub fn geocoder_loaded() -> bool {
    DATA.with(|d| matches!(*d.read(), Data::Ready(_)))
}

/// Loads the geocoder and its data once per page; `done` runs with its lookup function (or
/// the error). A failed load is retried by the next caller.
fn with_geocoder(assets: &GeoAssets, done: Waiter) {
    let ready = DATA.with(|d| match &*d.read() {
        Data::Ready(b) => Some(b.clone()),
        _ => None,
    });
    if let Some(b) = ready {
        done(Ok(b));
        return;
    }
    let start = DATA.with(|d| {
        let mut d = d.write();
        match &mut *d {
            Data::Loading(waiters) => {
                waiters.push(done);
                false
            }
            _ => {
                *d = Data::Loading(vec![done]);
                true
            }
        }
    });
    if !start {
        return;
    }
    let promise = load_geocoder(&assets.geocoder_url, &assets.boundaries_url);
    when_settled(&promise, move |outcome| {
        let result = outcome.value().and_then(|lookup| {
            lookup
                .dyn_into::<js_sys::Function>()
                .map(Rc::new)
                .map_err(|_| "the location lookup module could not be started".to_string())
        });
        let waiters = DATA.with(|d| {
            let mut d = d.write();
            let next = match &result {
                Ok(b) => Data::Ready(b.clone()),
                Err(_) => Data::Idle,
            };
            match std::mem::replace(&mut *d, next) {
                Data::Loading(w) => w,
                _ => Vec::new(),
            }
        });
        for waiter in waiters {
            waiter(result.clone());
        }
    });
}

/// Looks `coords` up with a loaded geocoder.
fn find(lookup: &js_sys::Function, coords: Coords) -> Result<Found, String> {
    let answer = lookup
        .call3(
            &JsValue::UNDEFINED,
            &coords.latitude.into(),
            &coords.longitude.into(),
            &coords.accuracy_meters.into(),
        )
        .map_err(|e| format!("the location lookup failed: {}", super::js::describe(&e)))?;
    read_found(&answer)
}

/// What the browser has told us.
#[derive(Clone, Debug, Default, PartialEq)]
struct Browser {
    permission: Option<String>,
    coords: Option<Coords>,
    region: Option<String>,
    nearby: Vec<String>,
    error: Option<String>,
}

impl Browser {
    fn location(&self) -> Location {
        let status = match (
            self.coords,
            self.permission.as_deref(),
            self.error.as_deref(),
        ) {
            (Some(_), _, _) => LocationStatus::Granted,
            (None, Some("denied"), _) | (None, _, Some("denied")) => LocationStatus::Denied,
            (None, _, Some(_)) => LocationStatus::Unavailable,
            (None, Some("granted" | "prompt"), None) => LocationStatus::Prompt,
            (None, _, None) => LocationStatus::Unknown,
        };
        Location {
            status,
            region: self.coords.and(self.region.clone()),
            coords: self.coords,
            overridden: false,
            nearby: if self.coords.is_some() {
                self.nearby.clone()
            } else {
                Vec::new()
            },
        }
    }
}

struct Watch {
    stop: js_sys::Function,
    // The listener handed to `watchLocation`; dropped (invalidated) after `stop`. Its type is
    // the binding continuations' (`bindings.rs`): no closure type of its own (issue 16).
    _listener: Closure<dyn FnMut(u32, JsValue)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.stop.call0(&JsValue::UNDEFINED);
    }
}

struct Inner {
    me: Weak<Inner>,
    driver: Weak<Driver>,
    assets: GeoAssets,
    browser: RefCell<Browser>,
    overridden: RefCell<Option<LocationOverride>>,
    watch: RefCell<Option<Watch>>,
    // Bumped on every change of source or position: a lookup for an older one is dropped.
    generation: Cell<u64>,
    released: Cell<bool>,
}

/// Watches the browser's location (or applies the override) for one mounted widget.
/// Dropping it, or [`Locator::release`], stops the watch and removes every listener.
pub struct Locator {
    inner: Rc<Inner>,
}

impl Locator {
    /// A locator feeding `driver`; `geocoder_url` and `boundaries_url` override where the
    /// lookup module and its data are loaded from.
    pub fn new(
        driver: &Rc<Driver>,
        geocoder_url: Option<String>,
        boundaries_url: Option<String>,
    ) -> Locator {
        let assets = GeoAssets {
            geocoder_url: geocoder_url.unwrap_or_default(),
            boundaries_url: boundaries_url
                .filter(|u| !u.is_empty())
                .unwrap_or_else(|| default_asset_url(BOUNDARIES_FILE)),
        };
        Locator {
            inner: Rc::new_cyclic(|me| Inner {
                me: me.clone(),
                driver: Rc::downgrade(driver),
                assets,
                browser: RefCell::new(Browser::default()),
                overridden: RefCell::new(None),
                watch: RefCell::new(None),
                generation: Cell::new(0),
                released: Cell::new(true),
            }),
        }
    }

    /// Applies `config.emergency.locationOverride`: a region is known at once, a position is
    /// looked up; `None` (also after an override is removed) follows the browser.
    pub fn apply(&self, location_override: Option<LocationOverride>) {
        let inner = &self.inner;
        let first = inner.released.replace(false);
        if !first && *inner.overridden.read() == location_override {
            return;
        }
        *inner.overridden.write() = location_override.clone();
        inner.bump();
        match location_override {
            Some(LocationOverride::Region { region }) => {
                inner.stop_watch();
                inner.send(Location {
                    status: LocationStatus::Granted,
                    region: Some(region),
                    coords: None,
                    overridden: true,
                    nearby: Vec::new(),
                });
            }
            Some(LocationOverride::Position(coords)) => {
                inner.stop_watch();
                inner.send(Location {
                    status: LocationStatus::Granted,
                    region: None,
                    coords: Some(coords),
                    overridden: true,
                    nearby: Vec::new(),
                });
                inner.lookup(coords, true);
            }
            None => {
                inner.send(inner.browser.read().location());
                if inner.watch.read().is_none() {
                    inner.start_watch();
                }
            }
        }
    }

    /// Stops watching and drops every listener; later answers are ignored.
    pub fn release(&self) {
        self.inner.released.set(true);
        self.inner.bump();
        self.inner.stop_watch();
    }

    /// True while the browser's geolocation is being watched.
    pub fn watching(&self) -> bool {
        self.inner.watch.read().is_some()
    }
}

impl Drop for Locator {
    fn drop(&mut self) {
        self.release();
    }
}

impl Inner {
    /// Stops the browser watch; the watch (whose drop calls into JavaScript) is dropped after
    /// the borrow ended, so a host called back meanwhile finds nothing borrowed.
    fn stop_watch(&self) {
        let watch = self.watch.write().take();
        drop(watch);
    }

    fn bump(&self) {
        self.generation.set(self.generation.get() + 1);
    }

    fn send(&self, location: Location) {
        if self.released.get() {
            return;
        }
        if let Some(driver) = self.driver.upgrade() {
            driver.handle(Event::LocationChanged(location));
        }
    }

    fn following_browser(&self) -> bool {
        !self.released.get() && self.overridden.read().is_none()
    }

    fn update_browser(&self, f: impl FnOnce(&mut Browser)) {
        let location = {
            let mut b = self.browser.write();
            f(&mut b);
            b.location()
        };
        if self.following_browser() {
            self.send(location);
        }
    }

    fn start_watch(&self) {
        let me = self.me.clone();
        let listener = Closure::<dyn FnMut(u32, JsValue)>::new(move |what: u32, value: JsValue| {
            if let Some(me) = me.upgrade() {
                match what {
                    PERMISSION => me.on_permission(value.as_string().unwrap_or_default()),
                    POSITION => me.on_position(&value),
                    ERROR => me.on_error(value.as_string().unwrap_or_default()),
                    _ => {}
                }
            }
        });
        let stop = watch_location(
            listener.as_ref(),
            POSITION_TIMEOUT_MS,
            POSITION_MAXIMUM_AGE_MS,
        );
        let old = self.watch.write().replace(Watch {
            stop,
            _listener: listener,
        });
        drop(old);
    }

    /// The permission's state changed (or was read first).
    fn on_permission(&self, state: String) {
        self.update_browser(|b| {
            if state == "denied" {
                b.coords = None;
                b.region = None;
            } else if b.error.as_deref() == Some("denied") {
                b.error = None; // Allowed again: a new answer is on its way.
            }
            b.permission = Some(state);
        });
    }

    /// A position arrived: `[latitude, longitude, accuracyMeters]`.
    fn on_position(&self, value: &JsValue) {
        let list = js_sys::Array::from(value);
        let number = |i| list.get(i).as_f64().unwrap_or(f64::NAN);
        let (lat, lon, acc) = (number(0), number(1), number(2));
        if !(lat.is_finite() && lon.is_finite()) {
            return; // Not a position: the last one (if any) stands.
        }
        let coords = Coords {
            latitude: lat,
            longitude: lon,
            // An accuracy that cannot be read is taken as "anywhere" (E12: not known).
            accuracy_meters: if acc.is_finite() { acc.max(0.0) } else { 1e7 },
        };
        let same = self.browser.read().coords == Some(coords);
        if same {
            return;
        }
        self.bump();
        self.update_browser(|b| {
            b.coords = Some(coords);
            b.nearby.clear(); // Until looked up.
            b.error = None;
            if b.permission.as_deref() != Some("granted") && b.permission.is_some() {
                b.permission = Some("granted".into());
            }
        });
        self.lookup(coords, false);
    }

    /// The browser could not give a position: `kind` is "denied", "unavailable" or "timeout".
    fn on_error(&self, kind: String) {
        self.update_browser(|b| {
            if kind == "denied" {
                b.coords = None;
                b.region = None;
                b.nearby.clear();
            }
            // A timeout after a known position keeps the last position.
            if kind == "denied" || b.coords.is_none() {
                b.error = Some(kind);
            }
        });
    }

    /// Resolves `coords` to a region and sends it, unless something newer happened meanwhile.
    fn lookup(&self, coords: Coords, overridden: bool) {
        let generation = self.generation.get();
        let me = self.me.clone();
        with_geocoder(
            &self.assets,
            Box::new(move |result| {
                let Some(me) = me.upgrade() else { return };
                if me.released.get() || me.generation.get() != generation {
                    return;
                }
                match result.and_then(|lookup| find(&lookup, coords)) {
                    Ok((region, nearby)) => {
                        if overridden {
                            me.send(Location {
                                status: LocationStatus::Granted,
                                region,
                                coords: Some(coords),
                                overridden: true,
                                nearby,
                            });
                        } else {
                            me.update_browser(|b| {
                                b.region = region;
                                b.nearby = nearby;
                            });
                        }
                    }
                    Err(message) => {
                        if let Some(driver) = me.driver.upgrade() {
                            driver.handle(Event::BindingFailed {
                                binding: Binding::Geolocation,
                                message,
                            });
                        }
                    }
                }
            }),
        );
    }
}
