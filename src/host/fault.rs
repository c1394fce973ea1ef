//! Test-only fault injection: built only with the cargo feature `test-trap` (the end-to-end
//! tests' trap build), never in the shipped bundle. It lets a test trap the wasm on demand, the
//! way a bug would under `panic = "abort"`, to check that the JavaScript entry points hand the
//! agent to the fallback dialer (issue 12).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Traps at once (`unreachable`): the caller gets a `WebAssembly.RuntimeError`.
#[wasm_bindgen(js_name = "__trap")]
pub fn trap() {
    ::core::arch::wasm32::unreachable()
}

/// Adds a listener for `event_type` on `target` that traps when the event fires: a trap thrown
/// from a wasm-run DOM event handler, which the page sees only as a window `error` event.
#[wasm_bindgen(js_name = "__trapOnEvent")]
pub fn trap_on_event(target: &web_sys::EventTarget, event_type: &str) -> Result<(), JsValue> {
    let listener = Closure::<dyn FnMut()>::new(|| ::core::arch::wasm32::unreachable());
    target.add_event_listener_with_callback(event_type, listener.as_ref().unchecked_ref())?;
    // Test-only and page-lifetime: the listener lives as long as the page.
    listener.forget();
    Ok(())
}

/// Panics with `message` (then traps, `panic = "abort"`): the console shows the panic report
/// (src/host/panic.rs) once a widget has mounted.
#[wasm_bindgen(js_name = "__panic")]
pub fn panic_with(message: &str) {
    panic!("{message}")
}
