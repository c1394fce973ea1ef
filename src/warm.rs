//! The warm-up the package's `init()` runs as its last step, before it resolves
//! (www/pkg/guard.js, issue 16).
//!
//! Browsers compile a wasm (and a JavaScript) function the first time it is called (lazy
//! compilation): the first `mount()` in a page, and the agent's first Call click, used to pay
//! for compiling every function on their way — most of a cold `mount()` here (BENCHMARKS.md,
//! "Issue 16").
//! `warmUp` runs that code once where nobody sees it: a core [`Dialer`] taken through a start
//! and an emergency dial (its effects are dropped, never run: no binding is called, nothing
//! is stored or posted), then a whole mount and unmount with the package's inert host
//! (www/pkg/guard.js) in an element that is never shown ([`crate::mount`]'s `rehearse`: the
//! configuration reader, the driver, the host bindings and the pane; the pane laid out once in
//! a hidden box that leaves the document in the same task, so that the browser's first layout
//! of the widget is paid here too), the pane shown the dial's emergency view before it goes.
//! It touches no host of the page, no storage, no dialer's tab channel (its own is the
//! warm-up's, which no dialer joins, closed at once: nothing it posts is sent; host/tabs.rs)
//! and no position, and it is skipped once a widget has mounted (its code is warm by then).

use wasm_bindgen::prelude::*;

use crate::core::Event;
use crate::host::bindings::detached_element;
use crate::host::js::now;
use crate::mount::{mounted_any, new_dialer, read_config, rehearse};

/// What the warm-up dials: an emergency number, so the emergency step (E1–E4) is compiled
/// before the agent's first emergency call.
const DIALED: &str = "911";

/// Runs the mount and dial paths once off-document (see the module's text). `config` is a
/// configuration as a host would pass it and `host` an inert host for the rehearsal (its
/// bindings do nothing); when the configuration cannot be read, or `host` is not an object,
/// nothing happens. Returns whether it ran.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up(config: JsValue, host: JsValue) -> bool {
    if mounted_any() || !host.is_object() {
        return false;
    }
    let (Ok((_, core_config)), Some(element)) = (read_config(&config), detached_element()) else {
        return false;
    };
    // The emergency step on a core of its own, its effects dropped: its view is what the
    // rehearsal's pane shows last.
    let t = now();
    let mut dialer = new_dialer(core_config, "warm-up".into(), t);
    let mut step = |event| {
        dialer.handle(event, t);
        while dialer.poll_effect().is_some() {}
    };
    step(Event::Started {
        utc_offset_minutes: 0,
    });
    step(Event::Dial {
        dialed: DIALED.into(),
    });
    rehearse(element.into(), host, config, dialer.view(t))
}
