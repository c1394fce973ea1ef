//! Dialing: what a dial string means here and now (E1, E12), placing the call — the
//! emergency dial first of all (E11) — and the host's answer to `calling.dial`.
//! Deterministic; no clock, no IO.

use super::calls::{self, displace, finish, hold_if_connected, Call, CallKey};
use super::{episode, Deferred, EmergencyWarning, Notice, Out, State};
use crate::core::config::UnsupportedRegionPolicy;
use crate::core::dial::DialError;
use crate::core::emergency::{self, ClassifyOptions, NumberKind};
use crate::core::event::Effect;
use crate::core::model::Millis;
use crate::core::names::Binding;
use crate::core::wire::{CallKind, CallStatus, DialRequest, Direction, EndReason, HostEvent};

/// Why an emergency call is shown without the host's confirmation that it exists (E11: an
/// emergency call the host may have placed is never abandoned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unconfirmed {
    /// `calling.dial` did not answer in time, or answered with something unreadable: the call
    /// may be live. Presence stays DND; the agent is told to stay on the line if they hear the
    /// emergency service, else to use another phone; End call is available.
    DialUnanswered,
    /// Taken up after a reload from a host without `calling.activeCalls`: the agent is asked
    /// whether the call is still going on.
    AfterReload,
}

/// What a dial string means here and now.
#[derive(Debug, PartialEq)]
pub enum Decision {
    /// An emergency call (E1); with a warning when placed without a supported location (E12).
    Emergency {
        /// The emergency number to dial.
        number: String,
        /// The agent's region, when known.
        region: Option<String>,
        /// The E12 warning, if any.
        warning: Option<EmergencyWarning>,
    },
    /// An emergency number dialed where the E12 policy is "block".
    Blocked {
        /// The agent's region.
        region: String,
    },
    /// An ordinary call (or the 933 test call, B2).
    Ordinary {
        /// The normalised number.
        number: String,
        /// Ordinary or test call.
        kind: CallKind,
    },
    /// Not a number that can be dialed.
    Invalid(DialError),
}

/// Classifies `dialed` for the agent's location and the configuration (E1, E12, B1, B2).
pub fn decide(state: &State, dialed: &str) -> Decision {
    let options = ClassifyOptions {
        outside_line_prefix: state.config.outside_line_prefix.clone(),
    };
    let classify = |region: &str| emergency::classify(dialed, region, &options);
    let emergency_in = |region: &str| match classify(region) {
        Ok(NumberKind::Emergency { number, .. }) => Some(number),
        _ => None,
    };
    // Outside the supported regions only an exact emergency number counts: a prefix match
    // ("connects to emergency") there would turn ordinary numbers (e.g. `01…` in RU or LV)
    // into blocked calls.
    let exact_in = |region: &str| match classify(region) {
        Ok(NumberKind::Emergency {
            number,
            exact: true,
            ..
        }) => Some(number),
        _ => None,
    };
    let in_any_supported = || {
        state
            .config
            .supported_regions
            .iter()
            .find_map(|r| emergency_in(r))
    };
    let ordinary = |region: Option<&str>| match classify(region.unwrap_or("")) {
        Ok(NumberKind::TestCall { number }) => Decision::Ordinary {
            number,
            kind: CallKind::TestCall,
        },
        Ok(NumberKind::Ordinary { number }) | Ok(NumberKind::Emergency { number, .. }) => {
            Decision::Ordinary {
                number,
                kind: CallKind::Ordinary,
            }
        }
        Err(e) => Decision::Invalid(e),
    };
    let supported = |r: &str| state.config.supports(r);
    let known = state
        .location
        .known_region()
        .filter(|r| supported(r) || state.location.known_outside(supported).is_some());
    match known {
        Some(region) if state.config.supports(region) => match emergency_in(region) {
            Some(number) => Decision::Emergency {
                number,
                region: Some(region.into()),
                warning: None,
            },
            None => ordinary(Some(region)),
        },
        // Known to be outside — the whole accuracy circle (E12): recognise the local number
        // (B1) and the supported ones.
        Some(region) => match exact_in(region).or_else(in_any_supported) {
            Some(number) => match state.config.unsupported_region_policy {
                UnsupportedRegionPolicy::Block => Decision::Blocked {
                    region: region.into(),
                },
                UnsupportedRegionPolicy::Attempt => Decision::Emergency {
                    number,
                    region: Some(region.into()),
                    warning: Some(EmergencyWarning::OutsideSupportedRegion {
                        region: region.into(),
                    }),
                },
            },
            None => ordinary(Some(region)),
        },
        // Not known (E12), also a position whose circle may reach a supported region: an
        // emergency number of any supported region is an emergency.
        None => match in_any_supported() {
            Some(number) => Decision::Emergency {
                number,
                region: None,
                warning: Some(EmergencyWarning::LocationUnknown),
            },
            None => ordinary(None),
        },
    }
}

/// The agent pressed Call (or the host called `dialer.dial`).
pub(super) fn dial(state: &mut State, dialed: String, now: Millis, out: &mut Out) {
    match decide(state, &dialed) {
        Decision::Emergency {
            number,
            region,
            warning,
        } => emergency(state, dialed, number, region, warning, now, out),
        Decision::Blocked { region } => {
            let numbers = emergency::emergency_numbers(&region)
                .iter()
                .map(|s| s.to_string())
                .collect();
            state.notice = Some(Notice::EmergencyUnsupportedRegion { region, numbers });
        }
        Decision::Invalid(e) => state.notice = Some(Notice::InvalidNumber(e)),
        Decision::Ordinary { .. } if state.calls.call.is_some() => {
            state.notice = Some(Notice::EndCurrentCallFirst);
        }
        Decision::Ordinary { number, kind } => {
            let key = state.calls.new_key();
            out.push(Effect::PlaceCall {
                key,
                request: DialRequest {
                    number: number.clone(),
                    dialed,
                    emergency: false,
                    record: true,
                    region: state.location.region.clone(),
                    location: None,
                    civic_address: None,
                },
            });
            state.notice = None;
            state.calls.call = Some(Call::new(
                key,
                None,
                number,
                Direction::Outbound,
                kind,
                CallStatus::Dialing,
                now,
            ));
        }
    }
}

/// E11: the emergency dial goes out first; nothing after it can delay or stop it. Then E2/E9
/// (presence, host form), the call in the foreground, and E7 deferred until after the dial.
fn emergency(
    state: &mut State,
    dialed: String,
    number: String,
    region: Option<String>,
    warning: Option<EmergencyWarning>,
    now: Millis,
    out: &mut Out,
) {
    // A second press while an emergency call is under way changes nothing.
    if state.calls.emergency_active() {
        return;
    }
    let key = state.calls.new_key();
    let location = state.dispatch_location();
    out.push(Effect::PlaceCall {
        key,
        request: DialRequest {
            number: number.clone(),
            dialed: dialed.clone(),
            emergency: true,
            record: false,
            region: region.clone(),
            civic_address: if location.is_none() {
                state.config.civic_address.clone()
            } else {
                None
            },
            location,
        },
    });
    let mut call = Call::new(
        key,
        None,
        number.clone(),
        Direction::Outbound,
        CallKind::Emergency,
        CallStatus::Dialing,
        now,
    );
    call.warning = warning;
    let other = state.calls.call.replace(call);
    state.notice = None;
    // An ordinary call in progress is held (connected) or abandoned (still ringing).
    if let Some(other) = other {
        hold_if_connected(&other, out);
        displace(state, other, now, out);
    }
    episode::enter(state, out);
    // E7 after the dial: rendering the email must not come between the click and the call.
    out.defer(Deferred::NotifyContacts {
        dialed,
        number,
        region,
        at: now,
    });
    episode::persist(state, out);
}

/// `calling.dial` answered with the host's call id — in time, or late (after the binding
/// timeout): a late answer is adopted, never abandoned (E11).
pub(super) fn accepted(
    state: &mut State,
    key: CallKey,
    call_id: String,
    now: Millis,
    out: &mut Out,
) {
    let calls = &mut state.calls;
    if calls.cancelled.contains(&key) {
        // Hung up before the host answered `dial`: end it now that it has an id.
        calls.cancelled.retain(|k| *k != key);
        calls.forget_id(&call_id);
        out.push(Effect::HangUp { call_id });
        return;
    }
    if let Some(held) = calls.held.as_mut().filter(|c| c.key == key) {
        held.call_id = Some(call_id);
        held.id_confirmed = true;
        return;
    }
    let Some(call) = calls.call.as_mut().filter(|c| c.key == key) else {
        if calls.issued(key) && !calls.finished(&call_id) {
            // A call of ours that is already over (its id was taken from an event): the host
            // still has this one, so end it rather than leave it running untracked.
            calls.forget_id(&call_id);
            out.push(Effect::HangUp { call_id });
        }
        return;
    };
    // Ringing may already have adopted the id; the host's answer to `dial` wins.
    call.call_id = Some(call_id.clone());
    call.id_confirmed = true;
    call.unconfirmed = None;
    if call.kind == CallKind::Emergency {
        let (number, started_at) = (call.number.clone(), call.started_at);
        out.push(Effect::Emit(HostEvent::EmergencyStarted {
            call_id: call_id.clone(),
            number,
            region: state.location.region.clone(),
            location: state.dispatch_location(),
            direction: Direction::Outbound,
        }));
        state.episode.last_emergency = Some((call_id.clone(), started_at));
        episode::persist(state, out);
    }
    // The host ended the call before it told us its id: it is over now.
    if let Some(reason) = state.calls.take_ended_early(&call_id) {
        calls::ended(state, call_id, reason, now, out);
    }
}

/// `calling.dial` did not answer within the binding timeout, or answered with a value that
/// cannot be read: an emergency call may be live, so it is kept (presence stays DND) and shown
/// as not confirmed until the host answers late, its events name the call or the agent ends
/// it (E11). An ordinary call fails as before.
pub(super) fn unconfirmed(
    state: &mut State,
    key: CallKey,
    message: String,
    now: Millis,
    out: &mut Out,
) {
    let emergency = state
        .calls
        .call
        .as_ref()
        .filter(|c| c.key == key && c.call_id.is_none())
        .map(|c| c.kind == CallKind::Emergency);
    match emergency {
        Some(true) => {
            state.problem(Binding::Dial, message, out);
            if let Some(call) = state.calls.call.as_mut() {
                call.unconfirmed = Some(Unconfirmed::DialUnanswered);
            }
        }
        Some(false) => failed(state, key, message, now, out),
        // Already confirmed by an event, or ended: only the problem is worth telling.
        None => state.problem(Binding::Dial, message, out),
    }
}

/// `calling.dial` threw, rejected or timed out.
pub(super) fn failed(state: &mut State, key: CallKey, message: String, now: Millis, out: &mut Out) {
    state.calls.cancelled.retain(|k| *k != key);
    if state
        .calls
        .call
        .as_ref()
        .is_some_and(|c| c.key == key && c.call_id.is_some())
    {
        // The host's events already show the call exists: its `dial` answer was late.
        state.problem(Binding::Dial, message, out);
    } else if let Some(call) = state.calls.call.take_if(|c| c.key == key) {
        state.problem(Binding::Dial, message.clone(), out);
        state.notice = Some(if call.kind == CallKind::Emergency {
            Notice::EmergencyCallFailed {
                message: Some(message),
            }
        } else {
            Notice::CallFailed(message)
        });
        finish(state, call, EndReason::Failed, now, out);
        // The host has no call for this key: nothing to hang up later.
        state.calls.cancelled.retain(|k| *k != key);
    }
}
