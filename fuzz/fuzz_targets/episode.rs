//! The saved emergency episode (B5): the JSON text the shell keeps in `localStorage` (which
//! any script of the origin, or another version of the widget, may have written) read into
//! the core's `Episode`, written back unchanged, and taken up by a reloaded widget: whatever
//! it says, the flow's safety oracle holds and, once everything settles, the episode is over.
//! Input: a byte of host facts, then the JSON text.
#![no_main]

use agent_dialer::core::flow::Episode;
use agent_dialer::core::restore::RESTORE_PROBE;
use agent_dialer_fuzz::oracle::{located, World};
use agent_dialer_fuzz::{config, read_json, T0};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [facts, json @ ..] = data else { return };
    let Some(episode) = read_json::<Episode>(json) else {
        return;
    };

    let mut w = World::new(config(facts >> 4), located(Some("US")), T0);
    if facts & 1 != 0 {
        // The host still has the episode's call.
        if let Some(id) = episode.call.as_ref().and_then(|c| c.call_id.clone()) {
            w.host_has(&id, true);
        }
    }
    w.active_calls = facts & 2 != 0;
    if facts & 4 != 0 {
        w.presence = "dnd".into();
    }
    w.answer_at_once = facts & 8 != 0;
    w.inject_episode(episode);
    w.reload();
    w.later(RESTORE_PROBE);
    w.quiesce();
});
