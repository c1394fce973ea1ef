//! Events from the host's `calling.subscribe` (HOST_CONTRACT `CallEvent`): JSON text read into
//! the core's `CallEvent` (the shape the shell reads from the JS object), written back
//! unchanged, then handed — early, late, twice, for unknown calls — to a widget in one of a few
//! states around an emergency call. The flow's safety oracle holds after every event, and once
//! everything settles the episode is over and undone.
//! Input: a byte choosing the starting state, then one JSON event per line.
#![no_main]

use agent_dialer::core::wire::CallEvent;
use agent_dialer::core::Event;
use agent_dialer_fuzz::oracle::{located, World};
use agent_dialer_fuzz::{config, json_lines, T0};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [start, lines @ ..] = data else { return };
    let events: Vec<CallEvent> = json_lines(lines);
    if events.is_empty() {
        return;
    }

    let mut w = World::new(config(start >> 4), located(Some("US")), T0);
    w.answer_at_once = start & 8 != 0;
    match start & 7 {
        0 => {}
        1 => {
            w.dial("911"); // The host has not answered `calling.dial` yet.
        }
        2 => {
            w.dial("911");
            w.accept(0);
        }
        3 | 4 => {
            w.dial("911");
            w.accept(0);
            w.callback_number(3600.0);
            if start & 7 == 4 {
                w.host_event_last(Some(agent_dialer::core::wire::EndReason::Dropped));
            }
        }
        5 => {
            w.dial("5551234567");
            w.accept(0);
            w.host_event_last(None);
        }
        _ => {
            w.incoming();
        }
    }
    // A host gives every call its own id: an incoming call never reuses the id of another
    // call (it may repeat its own `incoming`, exactly).
    let mut offered = std::collections::HashMap::new();
    for e in events {
        if let CallEvent::Incoming { call_id, .. } = &e {
            if w.all_ids.contains(call_id) {
                continue;
            }
            match offered.get(call_id) {
                Some(first) if *first != e => continue,
                Some(_) => {}
                None => {
                    offered.insert(call_id.clone(), e.clone());
                    w.host_has(call_id, false);
                }
            }
        }
        w.host_says(e);
        w.later(1_000);
    }
    w.task(Event::Answer);
    w.quiesce();
});
