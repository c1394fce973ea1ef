//! agent-dialer's reverse geocoder (E10, E12): a position and its accuracy become the region it
//! is in and every region its accuracy circle may reach, offline, with the `country-boundaries`
//! crate.
//!
//! It is a crate of its own so that the widget's initial wasm leaves it out (issue 16): built
//! with the feature `module` (scripts/build-geo.mjs) it is `agent-dialer-geo.js` +
//! `agent-dialer-geo_bg.wasm`, which the widget imports only when a position has to be looked up
//! (src/host/location.js `loadGeocoder`), together with the boundaries data (ODbL,
//! © OpenStreetMap contributors, a separate asset). The widget checks every region it gets
//! back (two ASCII letters) before the core sees it.

use country_boundaries::{BoundingBox, CountryBoundaries, LatLon};

#[cfg(feature = "module")]
mod module;

/// US territories that the data may list as subdivisions (`US-PR`) and that are regions of
/// their own for emergency calling (ISO 3166-1 codes).
const OWN_CODES: [&str; 6] = ["PR", "VI", "GU", "AS", "MP", "UM"];

/// Metres per degree of latitude.
const METRES_PER_DEGREE: f64 = 111_320.0;

/// An ISO 3166-1 alpha-2 code, upper case, or `None`.
fn alpha2(code: &str) -> Option<String> {
    (code.len() == 2 && code.bytes().all(|c| c.is_ascii_alphabetic()))
        .then(|| code.to_ascii_uppercase())
}

/// The ISO 3166-1 alpha-2 region for the ids `CountryBoundaries::ids` returns (smallest area
/// first), e.g. `["US-TX", "US"]` → `US`, `["PR", "US"]` → `PR`, `["US-PR", "US"]` → `PR`.
pub fn region_from_ids(ids: &[&str]) -> Option<String> {
    ids.iter().find_map(|id| match id.split_once('-') {
        None => alpha2(id.trim()),
        Some(("US", sub)) if OWN_CODES.contains(&sub) => Some(sub.to_string()),
        Some(_) => None,
    })
}

/// The country boundaries, read once.
pub struct Geocoder {
    boundaries: CountryBoundaries,
}

impl Geocoder {
    /// Reads the crate's serialized boundaries (`country-boundaries-60x30.ser`).
    pub fn from_bytes(bytes: &[u8]) -> Result<Geocoder, String> {
        CountryBoundaries::from_reader(bytes)
            .map(|boundaries| Geocoder { boundaries })
            .map_err(|e| format!("country data is unreadable: {e}"))
    }

    /// The region at a position; `None` where none is known (the sea, or not a position).
    pub fn region_at(&self, latitude: f64, longitude: f64) -> Option<String> {
        let position = LatLon::new(latitude, longitude).ok()?;
        region_from_ids(&self.boundaries.ids(position))
    }

    /// The raw ids at a position, smallest area first (e.g. `["PR", "US"]`).
    pub fn ids_at(&self, latitude: f64, longitude: f64) -> Vec<&str> {
        LatLon::new(latitude, longitude)
            .map(|p| self.boundaries.ids(p))
            .unwrap_or_default()
    }

    /// Every region the accuracy circle around the position may reach (E12): the regions of
    /// the data's cells that a box around the circle touches — a superset, never missing one.
    /// Sorted, each once. A position or accuracy that cannot be read reaches everywhere.
    pub fn regions_near(&self, latitude: f64, longitude: f64, accuracy_meters: f64) -> Vec<String> {
        let accuracy = if accuracy_meters.is_finite() {
            accuracy_meters.max(0.0)
        } else {
            f64::INFINITY
        };
        let dlat = accuracy / METRES_PER_DEGREE;
        let (lat, lon) = (latitude, longitude);
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
        // Sorted and without repeats as they arrive (a binary search and an insert): no sort
        // code of its own in the module (~2 KB of wasm).
        let mut regions: Vec<String> = Vec::new();
        for region in self
            .boundaries
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
}
