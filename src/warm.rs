//! The warm-up the package's `init()` runs as its last step, before it resolves
//! (www/pkg/guard.js, issue 16).
//!
//! Browsers compile a wasm (and a JavaScript) function the first time it is called (lazy
//! compilation): the first `mount()` in a page, and the agent's first Call click, used to pay
//! for compiling every function on their way — most of a cold `mount()` here (BENCHMARKS.md,
//! "Issue 16").
//! `warmUp` runs that code once where nobody sees it: the configuration reader, a core
//! [`Dialer`] taken through a start and an emergency dial (its effects are dropped, never
//! run: no binding is called, nothing is stored or posted), and the agent's pane built in an
//! element that is never in the document, updated with the dial's views, then removed.
//! With an inert host (the package passes one, www/pkg/guard.js) it first rehearses a whole
//! mount and unmount in a detached element ([`crate::mount`]'s `rehearse`): the driver, the
//! host bindings and the configuration's paths are compiled too, which the first real mount
//! would otherwise pay (BENCHMARKS.md, "Issue 16").
//! It touches no host of the page, no storage, no tab channel and no position, and it is
//! skipped once a widget has mounted (its code is warm by then).

use wasm_bindgen::prelude::*;

use crate::core::{Dialer, Event};
use crate::host::js::now;
use crate::mount::{mounted_any, read_config, rehearse};
use crate::ui::ids::OFF_DOCUMENT;
use crate::ui::Pane;

/// What the warm-up dials: an emergency number, so the emergency step (E1–E4) is compiled
/// before the agent's first emergency call.
const DIALED: &str = "911";

/// Runs the mount and dial paths once off-document (see the module's text). `config` is a
/// configuration as a host would pass it; when it cannot be read nothing happens. `host`, when
/// an object, is an inert host for the rehearsal (its bindings do nothing). Returns whether it
/// ran.
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up(config: JsValue, host: JsValue) -> bool {
    if mounted_any() {
        return false;
    }
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    if host.is_object() {
        if let Ok(element) = doc.create_element("div") {
            rehearse(element.into(), host, config.clone());
        }
    }
    let (Ok((_, config)), Ok(container)) = (read_config(&config), doc.create_element("div")) else {
        return false;
    };
    let t = now();
    let mut dialer = Dialer::new(config, "warm-up", t);
    dialer.handle(
        Event::Started {
            utc_offset_minutes: 0,
        },
        t,
    );
    while dialer.poll_effect().is_some() {}
    let pane = Pane::mount(&container, dialer.view(t), OFF_DOCUMENT, None, |_| {});
    dialer.handle(
        Event::Dial {
            dialed: DIALED.into(),
        },
        t,
    );
    while dialer.poll_effect().is_some() {}
    pane.update(dialer.view(t));
    pane.unmount();
    true
}
