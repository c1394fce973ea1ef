//! The call set: the call in the foreground, a call put on hold for it, an incoming call
//! waiting for the agent, and what the host's [`CallEvent`]s and the agent's call controls do
//! to them. Deterministic; no clock, no IO.
//!
//! At most one call is in the foreground and one on hold. Ids of calls that already ended are
//! remembered for a while, so that a late event of an old call never ends or adopts a new one.

use serde::{Deserialize, Serialize};

use super::callback;
use super::dial::Unconfirmed;
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
/// Longest call id the widget keeps (a longer one is a bad value from the host).
pub const MAX_CALL_ID: usize = 256;

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
    /// Shown without the host's confirmation that the call exists.
    pub unconfirmed: Option<Unconfirmed>,
    /// The id came from the host's answer to `dial` (or with an inbound call), not only from
    /// an event: only then is the call written to history (E6: an id taken from an event may
    /// belong to a call the widget does not know, such as an emergency call whose `dial`
    /// the host rejected).
    pub id_confirmed: bool,
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
            number,
            direction,
            kind,
            status,
            started_at,
            connected_at: None,
            muted: false,
            on_hold: false,
            warning: None,
            unconfirmed: None,
            id_confirmed: call_id.is_some(),
            call_id,
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
    /// `ended` events for ids no call had yet, while an outbound call waited for its id: the
    /// host may end a call before `calling.dial` has told us its id.
    ended_early: Vec<(String, EndReason)>,
    /// An emergency callback this tab received without owning it: answered unless the owner
    /// takes it first (B5, `core::tabs`).
    pub(super) offered: Option<Incoming>,
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
            ended_early: Vec::new(),
            offered: None,
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
        let emergency = |c: &&Call| c.kind.is_emergency();
        self.call
            .as_ref()
            .filter(emergency)
            .or_else(|| self.held.as_ref().filter(emergency))
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

    /// True when `call_id` is the id of any call the widget tracks (foreground, held, offered).
    pub(super) fn knows(&self, call_id: &str) -> bool {
        let id = Some(call_id);
        self.call
            .as_ref()
            .is_some_and(|c| c.call_id.as_deref() == id)
            || self
                .held
                .as_ref()
                .is_some_and(|c| c.call_id.as_deref() == id)
            || self.incoming.as_ref().is_some_and(|i| i.call_id == call_id)
            || self.offered.as_ref().is_some_and(|i| i.call_id == call_id)
    }

    /// The emergency callback this tab received without owning it, waiting for the owner.
    pub fn offered_callback(&self) -> Option<&str> {
        self.offered.as_ref().map(|i| i.call_id.as_str())
    }

    /// The reason of an `ended` that arrived for `call_id` before any call had that id.
    pub(super) fn take_ended_early(&mut self, call_id: &str) -> Option<EndReason> {
        let i = self.ended_early.iter().position(|(id, _)| id == call_id)?;
        Some(self.ended_early.remove(i).1)
    }

    /// True while the foreground call is outbound and still waits for its id.
    fn waiting_for_id(&self) -> bool {
        self.call
            .as_ref()
            .is_some_and(|c| c.call_id.is_none() && c.direction == Direction::Outbound)
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
        // Never an id the widget already knows for another call (an incoming call's).
        let offered = |i: &Option<Incoming>| i.as_ref().is_some_and(|i| i.call_id == call_id);
        if !adopt
            || self.finished(call_id)
            || self.ended_early.iter().any(|(id, _)| id == call_id)
            || offered(&self.incoming)
            || offered(&self.offered)
        {
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
        CallEvent::Incoming { call_id, from, to } => {
            callback::incoming(state, call_id, from, to, now, out)
        }
        CallEvent::CallbackNumber {
            call_id,
            number,
            valid_for_seconds,
        } => episode::callback_number(state, call_id, number, valid_for_seconds, now, out),
    }
}

pub(super) fn ended(
    state: &mut State,
    call_id: String,
    reason: EndReason,
    now: Millis,
    out: &mut Out,
) {
    let calls = &mut state.calls;
    // A call ringing here that ends before it is answered: the ordinary call offered to the
    // agent, or the emergency callback offered to the tabs (never answered once it has ended:
    // found by the `tab_message` fuzz target).
    let ringing = |i: &Incoming| i.call_id == call_id;
    if calls.incoming.take_if(|i| ringing(i)).is_some()
        || calls.offered.take_if(|i| ringing(i)).is_some()
    {
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
    // An unknown id on `ended` is never adopted: it may be a late event of another call. While
    // an outbound call waits for its id, it is remembered: if `calling.dial` then answers with
    // it, that call has ended (and is not left "Calling…").
    if calls.find_mut(&call_id, false).is_none() {
        if calls.waiting_for_id() && !calls.finished(&call_id) {
            if calls.ended_early.len() >= FINISHED_IDS {
                calls.ended_early.remove(0);
            }
            calls.ended_early.push((call_id, reason));
        }
        return;
    }
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

/// Answers `call_id` into the foreground; the call there before is held first (the contract:
/// "if another call is active it is put on hold first") or ended.
pub(super) fn take_inbound(
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
    match (&other.call_id, other.status) {
        (Some(_), CallStatus::Connected) if state.calls.held.is_none() => {
            other.on_hold = true;
            state.calls.held = Some(other);
        }
        (Some(id), _) => {
            // Not held after all: undo a Hold pushed for it and end it instead.
            out.retain(|e| !matches!(e, Effect::Hold { call_id, .. } if call_id == id));
            out.push(Effect::HangUp {
                call_id: id.clone(),
            });
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
        if let Some(id) = call.call_id.as_ref().filter(|_| call.id_confirmed) {
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
