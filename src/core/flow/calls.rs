//! The call set: the call in the foreground, a call put on hold for it, an incoming call
//! waiting for the agent, and what the host's [`CallEvent`]s and the agent's call controls do
//! to them. Deterministic; no clock, no IO.
//!
//! At most one call is in the foreground and one on hold. Ids of calls that already ended are
//! remembered for a while, so that a late event of an old call never ends or adopts a new one.

use serde::{Deserialize, Serialize};

use super::{episode, EmergencyWarning, Notice, Out, State};
use crate::core::event::Effect;
use crate::core::model::Millis;
use crate::core::names::Binding;
use crate::core::time::iso8601;
use crate::core::wire::{
    ActivityEntry, CallEvent, CallKind, CallStatus, Direction, EndReason, HostEvent,
};

/// How many ended call ids are remembered.
const FINISHED_IDS: usize = 16;

/// The widget's own handle for a call, known before the host answers `dial` with its `callId`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CallKey(pub u64);

/// A call the widget tracks.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// The widget's handle.
    pub key: CallKey,
    /// The host's id, once known.
    pub call_id: Option<String>,
    /// The number (dialed, or the caller for inbound).
    pub number: String,
    /// Which way.
    pub direction: Direction,
    /// What kind.
    pub kind: CallKind,
    /// Where it is.
    pub status: CallStatus,
    /// When it started.
    pub started_at: Millis,
    /// When it connected.
    pub connected_at: Option<Millis>,
    /// Muted.
    pub muted: bool,
    /// On hold.
    pub on_hold: bool,
    /// The warning shown with this emergency call, if any (E12).
    pub warning: Option<EmergencyWarning>,
}

impl Call {
    /// A call that just started: not connected, muted or held, no warning.
    pub(super) fn new(
        key: CallKey,
        call_id: Option<String>,
        number: String,
        direction: Direction,
        kind: CallKind,
        status: CallStatus,
        started_at: Millis,
    ) -> Call {
        Call {
            key,
            call_id,
            number,
            direction,
            kind,
            status,
            started_at,
            connected_at: None,
            muted: false,
            on_hold: false,
            warning: None,
        }
    }

    /// A connected ordinary call: the only kind mute, hold and DTMF apply to (E5).
    fn ordinary_connected(&self) -> bool {
        !self.kind.is_emergency() && self.status == CallStatus::Connected
    }
}

/// An incoming call waiting for the agent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// The host's call id.
    pub call_id: String,
    /// Caller.
    pub from: String,
    /// Called number.
    pub to: String,
}

/// The calls the widget tracks.
#[derive(Clone, Debug, PartialEq)]
pub struct Calls {
    /// The call in the foreground.
    pub call: Option<Call>,
    /// A call put on hold for the emergency callback (or for answering another call).
    pub held: Option<Call>,
    /// An incoming call waiting.
    pub incoming: Option<Incoming>,
    next_key: u64,
    /// Calls ended before the host answered `dial`: hung up once it does.
    pub(super) cancelled: Vec<CallKey>,
    /// Ids of calls that already ended: a late event for one is never adopted by a new call.
    finished_ids: Vec<String>,
}

impl Default for Calls {
    fn default() -> Self {
        Calls {
            call: None,
            held: None,
            incoming: None,
            next_key: 1,
            cancelled: Vec::new(),
            finished_ids: Vec::new(),
        }
    }
}

impl Calls {
    /// True while an emergency call (outbound or callback) is in the foreground or held.
    pub fn emergency_active(&self) -> bool {
        self.emergency().is_some()
    }

    /// The emergency call in the foreground or on hold, if any.
    pub fn emergency(&self) -> Option<&Call> {
        self.call
            .iter()
            .chain(self.held.iter())
            .find(|c| c.kind.is_emergency())
    }

    /// A fresh key for a new call.
    pub(super) fn new_key(&mut self) -> CallKey {
        let key = CallKey(self.next_key);
        self.next_key += 1;
        key
    }

    /// True when `key` was handed out by this call set (so its call existed).
    pub(super) fn issued(&self, key: CallKey) -> bool {
        key.0 < self.next_key
    }

    /// True when `call_id` belongs to a call that already ended.
    pub(super) fn finished(&self, call_id: &str) -> bool {
        self.finished_ids.iter().any(|f| f == call_id)
    }

    /// Remembers an id that belongs to no current call (ended, an incoming call not taken, or
    /// the call of a saved episode not taken up yet): a new dial never takes it from an event.
    pub(crate) fn forget_id(&mut self, call_id: &str) {
        if self.finished_ids.len() >= FINISHED_IDS {
            self.finished_ids.remove(0);
        }
        self.finished_ids.push(call_id.to_string());
    }

    /// The call with the host's `call_id`. With `adopt`, an outbound call still waiting for its
    /// id takes it: a host may report ringing before its `dial` promise settles — unless the id
    /// belongs to a call that already ended (a late event must not end a new call).
    fn find_mut(&mut self, call_id: &str, adopt: bool) -> Option<&mut Call> {
        let id = Some(call_id);
        if self
            .call
            .as_ref()
            .is_some_and(|c| c.call_id.as_deref() == id)
        {
            return self.call.as_mut();
        }
        if self
            .held
            .as_ref()
            .is_some_and(|c| c.call_id.as_deref() == id)
        {
            return self.held.as_mut();
        }
        if !adopt || self.finished(call_id) {
            return None;
        }
        match self.call.as_mut() {
            Some(c) if c.call_id.is_none() && c.direction == Direction::Outbound => {
                c.call_id = Some(call_id.to_string());
                Some(c)
            }
            _ => None,
        }
    }

    /// The foreground call with its host id, when it is a connected ordinary call matching `also`.
    fn connected_ordinary(&mut self, also: impl Fn(&Call) -> bool) -> Option<(String, &mut Call)> {
        let c = self
            .call
            .as_mut()
            .filter(|c| c.ordinary_connected() && also(c))?;
        Some((c.call_id.clone()?, c))
    }
}

/// The agent pressed End call.
pub(super) fn hang_up(state: &mut State, now: Millis, out: &mut Out) {
    if let Some(call) = state.calls.call.take() {
        match &call.call_id {
            Some(id) => out.push(Effect::HangUp {
                call_id: id.clone(),
            }),
            None => state.calls.cancelled.push(call.key),
        }
        finish(state, call, EndReason::Local, now, out);
    }
}

/// The agent answered the incoming call (never during an emergency, E5).
pub(super) fn answer(state: &mut State, now: Millis, out: &mut Out) {
    if state.calls.emergency_active() {
        return;
    }
    if let Some(inc) = state.calls.incoming.take() {
        take_inbound(state, inc.call_id, inc.from, CallKind::Ordinary, now, out);
    }
}

/// The agent declined the incoming call.
pub(super) fn decline(state: &mut State, out: &mut Out) {
    if let Some(inc) = state.calls.incoming.take() {
        state.calls.forget_id(&inc.call_id);
        out.push(Effect::HangUp {
            call_id: inc.call_id,
        });
    }
}

/// Mute applies to a connected ordinary call only (E5); the state changes optimistically and a
/// binding failure undoes it ([`undo_unconfirmed`]).
pub(super) fn set_mute(state: &mut State, muted: bool, out: &mut Out) {
    if let Some((id, c)) = state.calls.connected_ordinary(|c| c.muted != muted) {
        c.muted = muted;
        out.push(Effect::Mute { call_id: id, muted });
    }
}

/// Hold and resume, like [`set_mute`].
pub(super) fn set_hold(state: &mut State, on_hold: bool, out: &mut Out) {
    if let Some((id, c)) = state.calls.connected_ordinary(|c| c.on_hold != on_hold) {
        c.on_hold = on_hold;
        out.push(Effect::Hold {
            call_id: id,
            on_hold,
        });
    }
}

/// Keypad digits during a connected ordinary call that is not on hold.
pub(super) fn send_dtmf(state: &mut State, digits: String, out: &mut Out) {
    let valid = !digits.is_empty()
        && digits.len() <= 32
        && digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '#'));
    let call = state
        .calls
        .call
        .as_ref()
        .filter(|c| valid && c.ordinary_connected() && !c.on_hold);
    if let Some(id) = call.and_then(|c| c.call_id.clone()) {
        out.push(Effect::SendDtmf {
            call_id: id,
            digits,
        });
    }
}

/// Keeps the pane truthful when a binding failed: an unconfirmed mute or hold is undone.
pub(super) fn undo_unconfirmed(state: &mut State, binding: Binding) {
    match binding {
        Binding::Mute => {
            if let Some(c) = state.calls.call.as_mut() {
                c.muted = !c.muted;
            }
        }
        Binding::Hold => {
            if let Some(c) = state.calls.call.as_mut().filter(|c| !c.kind.is_emergency()) {
                c.on_hold = !c.on_hold;
            }
        }
        _ => {}
    }
}

/// An event from the host's `calling.subscribe`.
pub(super) fn call_event(state: &mut State, event: CallEvent, now: Millis, out: &mut Out) {
    match event {
        CallEvent::Ringing { call_id } => {
            if let Some(c) = state.calls.find_mut(&call_id, true) {
                if c.status == CallStatus::Dialing {
                    c.status = CallStatus::Ringing;
                }
            }
        }
        CallEvent::Connected { call_id } => {
            let Some(c) = state.calls.find_mut(&call_id, true) else {
                return;
            };
            if c.status == CallStatus::Connected {
                return;
            }
            c.status = CallStatus::Connected;
            c.connected_at = Some(now);
            if c.kind.is_emergency() {
                out.push(Effect::Emit(HostEvent::EmergencyConnected { call_id }));
            }
        }
        CallEvent::Ended { call_id, reason } => ended(state, call_id, reason, now, out),
        CallEvent::Incoming { call_id, from, to } => incoming(state, call_id, from, to, now, out),
        CallEvent::CallbackNumber {
            call_id,
            number,
            valid_for_seconds,
        } => episode::callback_number(state, call_id, number, valid_for_seconds, now, out),
    }
}

fn ended(state: &mut State, call_id: String, reason: EndReason, now: Millis, out: &mut Out) {
    let calls = &mut state.calls;
    if calls
        .incoming
        .as_ref()
        .is_some_and(|i| i.call_id == call_id)
    {
        calls.incoming = None;
        calls.forget_id(&call_id);
        return;
    }
    if calls
        .held
        .as_ref()
        .is_some_and(|c| c.call_id.as_deref() == Some(&call_id))
    {
        if let Some(call) = calls.held.take() {
            finish(state, call, reason, now, out);
        }
        return;
    }
    // An unknown id on `ended` is never adopted: it may be a late event of another call.
    if calls.find_mut(&call_id, false).is_some() {
        if let Some(call) = calls.call.take() {
            if call.kind == CallKind::Emergency
                && reason == EndReason::Failed
                && call.connected_at.is_none()
            {
                state.notice = Some(Notice::EmergencyCallFailed { message: None });
            }
            finish(state, call, reason, now, out);
        }
    }
}

/// A call comes in: offered to the agent, or, when it is the emergency service calling back
/// on a valid callback number, answered ahead of everything (E4).
fn incoming(
    state: &mut State,
    call_id: String,
    from: String,
    to: String,
    now: Millis,
    out: &mut Out,
) {
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
        state.calls.forget_id(&call_id);
        return; // Another tab answers it (B5).
    }
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

/// Answers `call_id` into the foreground; the call there before is held first (the contract:
/// "if another call is active it is put on hold first") or ended.
fn take_inbound(
    state: &mut State,
    call_id: String,
    from: String,
    kind: CallKind,
    now: Millis,
    out: &mut Out,
) {
    let other = state.calls.call.take();
    if let Some(other) = &other {
        hold_if_connected(other, out);
    }
    out.push(Effect::Answer {
        call_id: call_id.clone(),
    });
    let key = state.calls.new_key();
    state.calls.call = Some(Call::new(
        key,
        Some(call_id),
        from,
        Direction::Inbound,
        kind,
        CallStatus::Answering,
        now,
    ));
    if let Some(other) = other {
        displace(state, other, now, out);
    }
}

/// Compares two phone numbers by their digits and leading plus.
fn same_number(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        let t = s
            .trim()
            .trim_start_matches("sip:")
            .trim_start_matches("tel:");
        let t = t.split('@').next().unwrap_or("");
        t.chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect::<String>()
    };
    let (ka, kb) = (key(a), key(b));
    !ka.is_empty() && ka.trim_start_matches('+') == kb.trim_start_matches('+')
}

/// Pushes `Hold` for a connected call that is not yet on hold (before the new call's effects,
/// as the contract wants: "if another call is active it is put on hold first").
pub(super) fn hold_if_connected(call: &Call, out: &mut Out) {
    if let (Some(id), CallStatus::Connected, false) = (&call.call_id, call.status, call.on_hold) {
        out.push(Effect::Hold {
            call_id: id.clone(),
            on_hold: true,
        });
    }
}

/// Moves a call out of the foreground for a new one (already installed, so an emergency stays
/// active throughout): a connected call is held (see [`hold_if_connected`]), anything else is
/// ended. Only one call is held at a time: with a call already held, the other is ended.
pub(super) fn displace(state: &mut State, mut other: Call, now: Millis, out: &mut Out) {
    match (other.call_id.clone(), other.status) {
        (Some(_), CallStatus::Connected) if state.calls.held.is_none() => {
            other.on_hold = true;
            state.calls.held = Some(other);
        }
        (Some(id), _) => {
            // Not held after all: undo a Hold pushed for it and end it instead.
            out.retain(|e| !matches!(e, Effect::Hold { call_id, .. } if *call_id == id));
            out.push(Effect::HangUp { call_id: id });
            finish(state, other, EndReason::Local, now, out);
        }
        (None, _) => {
            state.calls.cancelled.push(other.key);
            finish(state, other, EndReason::Local, now, out);
        }
    }
}

/// Everything that follows a call's end: history for ordinary calls, E8 and E9 for emergencies.
pub(super) fn finish(state: &mut State, call: Call, reason: EndReason, now: Millis, out: &mut Out) {
    match &call.call_id {
        Some(id) => state.calls.forget_id(id),
        // Ended before the host answered `dial`: hang up when it does.
        None if !state.calls.cancelled.contains(&call.key) => state.calls.cancelled.push(call.key),
        None => {}
    }
    if !call.kind.is_emergency() {
        if let Some(id) = &call.call_id {
            out.push(Effect::RecordActivity(ActivityEntry {
                call_id: id.clone(),
                number: call.number.clone(),
                direction: call.direction,
                started_at: iso8601(call.started_at),
                ended_at: iso8601(now),
            }));
        }
    } else {
        out.push(Effect::Emit(HostEvent::EmergencyEnded {
            call_id: call.call_id.clone(),
            reason,
        }));
        if call.kind == CallKind::Emergency && reason == EndReason::Dropped {
            state.notice = Some(Notice::EmergencyDropped {
                callback_number: state.callback_window(now).map(|w| w.number.clone()),
            });
        }
    }
    // A held call comes back to the foreground (still on hold, for the agent to resume).
    if state.calls.call.is_none() {
        state.calls.call = state.calls.held.take();
    }
    if call.kind.is_emergency() && !state.calls.emergency_active() {
        episode::leave(state, out);
    }
}
