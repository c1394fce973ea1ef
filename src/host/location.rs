//! Where the agent is (E10, E12, B3): the browser's location permission and position, or the
//! configured override, turned into [`Event::LocationChanged`] for the core.
//!
//! Positions become a region offline with the `country-boundaries` crate. Its data (ODbL,
//! © OpenStreetMap contributors) is not in the wasm: [`BOUNDARIES_FILE`] is fetched as a
//! separate asset the first time a position arrives, and cached for the page's lifetime.
//! Waiting for a position or for the data never delays a call: until the region is known the
//! core treats it as unknown (E12).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use country_boundaries::{BoundingBox, CountryBoundaries, LatLon};
use wasm_bindgen::prelude::*;

use super::driver::Driver;
use crate::core::config::LocationOverride;
use crate::core::{Binding, Event};
use crate::core::{Coords, Location, LocationStatus};

#[wasm_bindgen(module = "/src/host/location.js")]
extern "C" {
    #[wasm_bindgen(js_name = watchLocation)]
    fn watch_location(
        on_permission: &JsValue,
        on_position: &JsValue,
        on_error: &JsValue,
        timeout_ms: u32,
        maximum_age_ms: u32,
    ) -> js_sys::Function;

    #[wasm_bindgen(js_name = fetchBytes)]
    fn fetch_bytes(url: &str) -> js_sys::Promise;

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

/// US territories that the data may list as subdivisions (`US-PR`) and that are regions of
/// their own for emergency calling (ISO 3166-1 codes).
const OWN_CODES: [&str; 6] = ["PR", "VI", "GU", "AS", "MP", "UM"];

/// The ISO 3166-1 alpha-2 region for the ids `CountryBoundaries::ids` returns (smallest area
/// first), e.g. `["US-TX", "US"]` → `US`, `["PR", "US"]` → `PR`, `["US-PR", "US"]` → `PR`.
pub fn region_from_ids(ids: &[&str]) -> Option<String> {
    ids.iter().find_map(|id| match id.split_once('-') {
        None => crate::core::model::normalise_region(id),
        Some(("US", sub)) if OWN_CODES.contains(&sub) => Some(sub.to_string()),
        Some(_) => None,
    })
}

/// The region at a position, from loaded boundaries.
pub fn region_at(boundaries: &CountryBoundaries, coords: Coords) -> Option<String> {
    let position = LatLon::new(coords.latitude, coords.longitude).ok()?;
    region_from_ids(&boundaries.ids(position))
}

/// Metres per degree of latitude.
const METRES_PER_DEGREE: f64 = 111_320.0;

/// Every region the accuracy circle around `coords` may reach (E12): the regions of the data's
/// cells that a box around the circle touches — a superset, never missing one. A position or
/// accuracy that cannot be read reaches everywhere.
pub fn regions_near(boundaries: &CountryBoundaries, coords: Coords) -> Vec<String> {
    let accuracy = if coords.accuracy_meters.is_finite() {
        coords.accuracy_meters.max(0.0)
    } else {
        f64::INFINITY
    };
    let dlat = accuracy / METRES_PER_DEGREE;
    let (lat, lon) = (coords.latitude, coords.longitude);
    let whole_world = || BoundingBox::new(-90.0, -180.0, 90.0, 179.999_999);
    let bounds = if !(lat.is_finite() && lon.is_finite() && dlat.is_finite()) {
        whole_world()
    } else {
        let (south, north) = ((lat - dlat).max(-90.0), (lat + dlat).min(90.0));
        let widest = south.abs().max(north.abs()).min(90.0).to_radians().cos();
        let dlon = if widest > 1e-6 { dlat / widest } else { 180.0 };
        if dlon >= 180.0 {
            BoundingBox::new(south, -180.0, north, 179.999_999)
        } else {
            BoundingBox::new(south, lon - dlon, north, lon + dlon)
        }
    };
    let Ok(bounds) = bounds.or_else(|_| whole_world()) else {
        return Vec::new();
    };
    // Sorted and without repeats, kept so as they arrive (a binary search and an insert):
    // `sort()` on `String`s would link a stable sort for them, ~4 KB of wasm (issue 16).
    let mut regions: Vec<String> = Vec::new();
    for region in boundaries
        .intersecting_ids(bounds)
        .into_iter()
        .filter_map(|id| region_from_ids(&[id]))
    {
        if let Err(at) = regions.binary_search(&region) {
            regions.insert(at, region);
        }
    }
    regions
}

type Waiter = Box<dyn FnOnce(Result<Rc<CountryBoundaries>, String>)>;

enum Data {
    Idle,
    Loading(Vec<Waiter>),
    Ready(Rc<CountryBoundaries>),
}

thread_local! {
    // One copy of the boundaries per page, shared by every mounted widget.
    static DATA: RefCell<Data> = const { RefCell::new(Data::Idle) };
}

/// True once the boundaries data has been loaded in this page.
pub fn boundaries_loaded() -> bool {
    DATA.with(|d| matches!(*d.borrow(), Data::Ready(_)))
}

/// Loads the boundaries from `url` once per page; `done` runs with them (or the error).
/// A failed load is retried by the next caller.
fn with_boundaries(url: &str, done: Waiter) {
    let ready = DATA.with(|d| match &*d.borrow() {
        Data::Ready(b) => Some(b.clone()),
        _ => None,
    });
    if let Some(b) = ready {
        done(Ok(b));
        return;
    }
    let start = DATA.with(|d| {
        let mut d = d.borrow_mut();
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
    let url = url.to_string();
    wasm_bindgen_futures::spawn_local(async move {
        let result = match wasm_bindgen_futures::JsFuture::from(fetch_bytes(&url)).await {
            Ok(bytes) => {
                let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
                CountryBoundaries::from_reader(&bytes[..])
                    .map(Rc::new)
                    .map_err(|e| format!("country data is unreadable: {e}"))
            }
            Err(e) => Err(format!(
                "country data could not be loaded: {}",
                super::js::describe(&e)
            )),
        };
        let waiters = DATA.with(|d| {
            let mut d = d.borrow_mut();
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

type WatchClosures = (
    Closure<dyn FnMut(String)>,
    Closure<dyn FnMut(f64, f64, f64)>,
    Closure<dyn FnMut(String, String)>,
);

struct Watch {
    stop: js_sys::Function,
    // The callbacks handed to `watchLocation`; dropped (invalidated) after `stop`.
    _closures: WatchClosures,
}

impl Drop for Watch {
    fn drop(&mut self) {
        let _ = self.stop.call0(&JsValue::UNDEFINED);
    }
}

struct Inner {
    me: Weak<Inner>,
    driver: Weak<Driver>,
    asset_url: String,
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
    /// A locator feeding `driver`; `asset_url` overrides where the boundaries are fetched from.
    pub fn new(driver: &Rc<Driver>, asset_url: Option<String>) -> Locator {
        let asset_url = asset_url
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| default_asset_url(BOUNDARIES_FILE));
        Locator {
            inner: Rc::new_cyclic(|me| Inner {
                me: me.clone(),
                driver: Rc::downgrade(driver),
                asset_url,
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
        if !first && *inner.overridden.borrow() == location_override {
            return;
        }
        *inner.overridden.borrow_mut() = location_override.clone();
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
                inner.send(inner.browser.borrow().location());
                if inner.watch.borrow().is_none() {
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
        self.inner.watch.borrow().is_some()
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
        let watch = self.watch.borrow_mut().take();
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
        !self.released.get() && self.overridden.borrow().is_none()
    }

    fn update_browser(&self, f: impl FnOnce(&mut Browser)) {
        let location = {
            let mut b = self.browser.borrow_mut();
            f(&mut b);
            b.location()
        };
        if self.following_browser() {
            self.send(location);
        }
    }

    fn start_watch(&self) {
        let on_permission = {
            let me = self.me.clone();
            Closure::<dyn FnMut(String)>::new(move |state: String| {
                let Some(me) = me.upgrade() else { return };
                me.update_browser(|b| {
                    if state == "denied" {
                        b.coords = None;
                        b.region = None;
                    } else if b.error.as_deref() == Some("denied") {
                        b.error = None; // Allowed again: a new answer is on its way.
                    }
                    b.permission = Some(state);
                });
            })
        };
        let on_position = {
            let me = self.me.clone();
            Closure::<dyn FnMut(f64, f64, f64)>::new(move |lat: f64, lon: f64, acc: f64| {
                let Some(me) = me.upgrade() else { return };
                if !(lat.is_finite() && lon.is_finite()) {
                    return; // Not a position: the last one (if any) stands.
                }
                let coords = Coords {
                    latitude: lat,
                    longitude: lon,
                    // An accuracy that cannot be read is taken as "anywhere" (E12: not known).
                    accuracy_meters: if acc.is_finite() { acc.max(0.0) } else { 1e7 },
                };
                let same = me.browser.borrow().coords == Some(coords);
                if same {
                    return;
                }
                me.bump();
                me.update_browser(|b| {
                    b.coords = Some(coords);
                    b.nearby.clear(); // Until looked up.
                    b.error = None;
                    if b.permission.as_deref() != Some("granted") && b.permission.is_some() {
                        b.permission = Some("granted".into());
                    }
                });
                me.lookup(coords, false);
            })
        };
        let on_error = {
            let me = self.me.clone();
            Closure::<dyn FnMut(String, String)>::new(move |kind: String, _message: String| {
                let Some(me) = me.upgrade() else { return };
                me.update_browser(|b| {
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
            })
        };
        let stop = watch_location(
            on_permission.as_ref(),
            on_position.as_ref(),
            on_error.as_ref(),
            POSITION_TIMEOUT_MS,
            POSITION_MAXIMUM_AGE_MS,
        );
        let old = self.watch.borrow_mut().replace(Watch {
            stop,
            _closures: (on_permission, on_position, on_error),
        });
        drop(old);
    }

    /// Resolves `coords` to a region and sends it, unless something newer happened meanwhile.
    fn lookup(&self, coords: Coords, overridden: bool) {
        let generation = self.generation.get();
        let me = self.me.clone();
        with_boundaries(
            &self.asset_url,
            Box::new(move |result| {
                let Some(me) = me.upgrade() else { return };
                if me.released.get() || me.generation.get() != generation {
                    return;
                }
                match result {
                    Ok(boundaries) => {
                        let region = region_at(&boundaries, coords);
                        let nearby = regions_near(&boundaries, coords);
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
