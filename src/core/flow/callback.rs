//! Calls coming in (E4): an ordinary call is offered to the agent; the emergency service
//! calling back on a valid callback number is answered ahead of everything — in this tab, or,
//! when this tab is not the one that answers callbacks, after the tabs have had their say
//! (B5, `core::tabs`). Deterministic; no clock, no IO.

use super::calls::{take_inbound, Incoming};
use super::{episode, Out, State};
use crate::core::event::Effect;
use crate::core::model::Millis;
use crate::core::wire::{CallKind, Direction, HostEvent};

/// A call comes in: offered to the agent, or, when it is the emergency service calling back
/// on a valid callback number, answered ahead of everything (E4).
pub(super) fn incoming(
    state: &mut State,
    call_id: String,
    from: String,
    to: String,
    now: Millis,
    out: &mut Out,
) {
    // The same call offered twice (a host that reports it again) is one call.
    if state.calls.knows(&call_id) || state.calls.finished(&call_id) {
        return;
    }
    let is_callback = state
        .callback_window(now)
        .is_some_and(|w| same_number(&w.number, &to));
    if !is_callback {
        // Nothing but the emergency call is offered during an emergency (E5).
        if !state.calls.emergency_active() && state.calls.incoming.is_none() {
            state.calls.incoming = Some(Incoming { call_id, from, to });
        } else {
            state.calls.forget_id(&call_id);
        }
        return;
    }
    if !state.owns_callback {
        // The owner may not have received it (one contact per SIP address): offered to the
        // tabs, answered here unless the owner takes it first (B5).
        state.calls.offered = Some(Incoming { call_id, from, to });
        return;
    }
    answer_callback(state, Incoming { call_id, from, to }, now, out);
}

/// The tab election's verdict on the callback this tab offered: answer it, or leave it.
pub(super) fn answer_offered(
    state: &mut State,
    call_id: String,
    answer: bool,
    now: Millis,
    out: &mut Out,
) {
    let Some(offer) = state.calls.offered.take_if(|i| i.call_id == call_id) else {
        return;
    };
    if answer && state.callback_window(now).is_some() {
        answer_callback(state, offer, now, out);
    } else {
        state.calls.forget_id(&call_id);
    }
}

/// E4: the emergency service's callback is answered ahead of everything.
fn answer_callback(state: &mut State, call: Incoming, now: Millis, out: &mut Out) {
    let Incoming { call_id, from, to } = call;
    if state
        .calls
        .incoming
        .as_ref()
        .is_some_and(|i| i.call_id == call_id)
    {
        state.calls.incoming = None;
    }
    take_inbound(
        state,
        call_id.clone(),
        from,
        CallKind::EmergencyCallback,
        now,
        out,
    );
    state.notice = None;
    episode::enter(state, out);
    out.push(Effect::Emit(HostEvent::EmergencyStarted {
        call_id,
        number: to,
        region: state.location.region.clone(),
        location: None,
        direction: Direction::Inbound,
    }));
    episode::persist(state, out);
}

/// `s` without any number of leading `prefix`es (`str::trim_start_matches` with a `&str`
/// pattern, without the substring searcher it brings into the bundle).
fn strip_all<'a>(mut s: &'a str, prefix: &str) -> &'a str {
    while let Some(rest) = s.strip_prefix(prefix) {
        s = rest;
    }
    s
}

/// Compares two phone numbers by their digits and leading plus.
fn same_number(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let t = strip_all(strip_all(s.trim(), "sip:"), "tel:");
        let t = t.split('@').next().unwrap_or("");
        // Digits and `+` are ASCII: read as bytes (no `char` decoding or collect).
        let mut key = String::new();
        for b in t.bytes() {
            if b.is_ascii_digit() || b == b'+' {
                key.push(char::from(b));
            }
        }
        key
    };
    let (ka, kb) = (key(a), key(b));
    !ka.is_empty() && ka.trim_start_matches('+') == kb.trim_start_matches('+')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_by_digits_without_any_number_of_uri_prefixes() {
        assert_eq!(strip_all("sip:sip:tel:+1", "sip:"), "tel:+1");
        assert_eq!(strip_all("sisip:1", "sip:"), "sisip:1");
        assert!(same_number(
            " sip:+1 202 555 0143@pbx.example ",
            "tel:12025550143"
        ));
        assert!(same_number("sip:sip:tel:tel:+4520", "+4520"));
        assert!(!same_number("sip:+4520", "+4521"));
        assert!(
            !same_number("sip:@pbx.example", "sip:@pbx.example"),
            "no digits: no match"
        );
    }
}
