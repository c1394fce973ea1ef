//! The small helpers every shell file uses: the clock, Rust data as JavaScript values, and a
//! readable message for a JavaScript error.

use serde::Serialize;
use wasm_bindgen::JsValue;

use crate::core::Millis;

/// The current time for the core, from `Date.now()`.
pub fn now() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}

/// `value` as plain JavaScript objects (maps as objects, `None` as `null`), or why it cannot be.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| format!("cannot be handed to JavaScript: {e}"))
}

/// A readable message for a JavaScript error value (never throws, whatever it is).
pub fn describe(error: &JsValue) -> String {
    super::bindings::describe_js(error)
}
