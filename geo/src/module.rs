//! The wasm module's exports (feature `module`), called by the widget's
//! src/host/location.js: `load(bytes)` once, then `lookup(latitude, longitude, accuracy)`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::Geocoder;

// The allocator, as in the widget's wasm (src/lib.rs there): talc, smaller than dlmalloc.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    static GEOCODER: RefCell<Option<Geocoder>> = const { RefCell::new(None) };
}

/// Reads the boundaries data; throws a message when it is unreadable.
#[wasm_bindgen]
pub fn load(bytes: &[u8]) -> Result<(), String> {
    let geocoder = Geocoder::from_bytes(bytes)?;
    GEOCODER.with(|g| *g.borrow_mut() = Some(geocoder));
    Ok(())
}

/// `[region, ...nearby]`: the region at the position (`""` when none is known), then every
/// region the accuracy circle may reach, sorted, each once. Throws before `load`.
#[wasm_bindgen]
pub fn lookup(latitude: f64, longitude: f64, accuracy_meters: f64) -> Result<Vec<String>, String> {
    GEOCODER.with(|g| {
        let g = g.borrow();
        let g = g.as_ref().ok_or("the country data is not loaded")?;
        let mut out = vec![g.region_at(latitude, longitude).unwrap_or_default()];
        out.extend(g.regions_near(latitude, longitude, accuracy_meters));
        Ok(out)
    })
}
