//! The shell's clock for the call timer and the callback countdown: a gloo `Interval` held by
//! the pane while a call or a callback window is shown (dropped, and so cancelled, after).

use crate::core::Millis;

/// `Date.now()` in [`Millis`].
pub fn wall_clock() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}
