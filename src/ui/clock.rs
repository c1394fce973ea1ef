//! The shell's clock for the call timer and the callback countdown: a gloo `Interval` owned
//! by the component that uses it (dropped, and so cancelled, when it is no longer needed).

use gloo_timers::callback::Interval;
use yew::prelude::*;

use crate::core::Millis;

/// `Date.now()` in [`Millis`].
pub fn wall_clock() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}

/// The current time, re-read every second while `active`.
#[hook]
pub fn use_now(active: bool) -> Millis {
    let now = use_state(wall_clock);
    {
        let now = now.clone();
        use_effect_with(active, move |active| {
            let interval = active.then(|| {
                now.set(wall_clock());
                Interval::new(1_000, move || now.set(wall_clock()))
            });
            // Dropping the interval cancels it.
            move || drop(interval)
        });
    }
    *now
}
