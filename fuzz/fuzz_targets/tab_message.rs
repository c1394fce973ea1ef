//! Messages from the agent's other tabs (B5): JSON text read into the core's `TabMessage` (the
//! shell reads the same shape from a `BroadcastChannel`, where any script of the origin or
//! another version of the widget may post), then handed to the tab election and to a widget in
//! the middle of an emergency call. Whatever arrives: the flow's safety oracle holds, and once
//! the senders fall silent the tab owns the callback again and shows no other tab's call.
//! Input: a byte of facts, then one JSON message per line.
#![no_main]

use agent_dialer::core::model::Millis;
use agent_dialer::core::tabs::{TabElection, TabMessage, TabOutput, HEARTBEAT, MISSED_BEATS};
use agent_dialer::core::Event;
use agent_dialer_fuzz::oracle::{located, World};
use agent_dialer_fuzz::{config, json_lines, T0};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let [facts, lines @ ..] = data else { return };
    let messages: Vec<TabMessage> = json_lines(lines);
    if messages.is_empty() {
        return;
    }

    // The election alone.
    let step: Millis = 50 * Millis::from(facts & 0x3f);
    let mut election = TabElection::new("me".into(), T0);
    let mut role = None;
    let mut shown = None;
    let mut note = |outputs: Vec<TabOutput>| {
        for o in outputs {
            match o {
                TabOutput::OwnsCallback(b) => role = Some(b),
                TabOutput::PeerEmergency(p) => shown = Some(p),
                _ => {}
            }
        }
    };
    note(election.update(None, None, true, T0));
    let mut now = T0;
    for m in &messages {
        now += step;
        note(election.receive(m.clone(), now));
    }
    now += HEARTBEAT * MISSED_BEATS + 1;
    note(election.update(None, None, true, now));
    assert_eq!(election.peer_count(now), 0, "silent senders are forgotten");
    assert_eq!(
        role,
        Some(true),
        "alone again, this tab answers the callback"
    );
    assert_eq!(shown, Some(None), "no other tab's call is shown");

    // A widget in the middle of an emergency call.
    let mut w = World::new(config(facts >> 6), located(Some("US")), T0);
    w.answer_at_once = facts & 0x20 != 0;
    w.dial("911");
    w.accept(0);
    w.callback_number(3600.0);
    for m in messages {
        w.task(Event::TabMessage(m));
        w.later(step);
    }
    w.callback();
    w.quiesce();
});
