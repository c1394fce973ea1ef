//! The emergency episode: what an emergency call changes around it and must put back.
//! Deterministic; no clock, no IO.
//!
//! - E2/E8: the presence before the episode is saved, DND is held for the whole call (a change
//!   by the host is undone), and the saved presence comes back exactly once, retried with
//!   backoff while `presence.set` fails.
//! - E9: the host form is told when the episode starts and ends.
//! - E3/E4: the callback number and its window (60 minutes from the emergency call).
//! - B5: the episode is persisted after every change, and a saved one is taken up again after
//!   a reload (`restored`; whether its call is still alive is the restore policy's verdict).

use serde::{Deserialize, Serialize};

use super::calls::{self, Call};
use super::dial::Unconfirmed;
use super::{notification, Notice, Out, State};
use crate::core::event::{Effect, TimerId};
use crate::core::model::{Millis, DND, MINUTE};
use crate::core::names::Binding;
use crate::core::restore::CallFate;
use crate::core::time::iso8601;
use crate::core::wire::{CallKind, CallStatus, Direction, EndReason, HostEvent};

/// How long a callback number stays valid after the emergency call (E3).
pub const CALLBACK_WINDOW: Millis = 60 * MINUTE;
/// First delay before retrying a failed presence change; doubles up to [`PRESENCE_RETRY_MAX`].
pub const PRESENCE_RETRY_FIRST: Millis = 2_000;
/// Longest delay between presence retries.
pub const PRESENCE_RETRY_MAX: Millis = 60_000;

/// An emergency call as persisted across a reload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PersistedCall {
    /// The host's call id.
    pub call_id: Option<String>,
    /// The number.
    pub number: String,
    /// Emergency or callback.
    pub kind: CallKind,
    /// When it started.
    pub started_at: Millis,
}

/// The open callback window (E3).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CallbackWindow {
    /// The callback number.
    pub number: String,
    /// When it stops being a priority callback.
    pub expires_at: Millis,
    /// The emergency call it belongs to.
    pub call_id: String,
}

/// The emergency episode: what must survive a reload (B5).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Episode {
    /// Presence to restore when the emergency ends (E2, E8); `None` once restored.
    pub saved_presence: Option<String>,
    /// True while the restore has been asked for and not confirmed.
    pub restoring: bool,
    /// True when presence was unknown at the emergency dial (nothing to restore).
    pub presence_unknown: bool,
    /// The active emergency call, if any.
    pub call: Option<PersistedCall>,
    /// The callback window, if open.
    pub callback: Option<CallbackWindow>,
    /// The last emergency call's id and start (to match `callback-number`).
    pub last_emergency: Option<(String, Millis)>,
}

impl Episode {
    /// True when there is nothing to keep.
    pub fn is_empty(&self) -> bool {
        self.saved_presence.is_none() && self.call.is_none() && self.callback.is_none()
    }
}

/// E2 + E9 at the start of an emergency call (outbound or callback).
pub(super) fn enter(state: &mut State, out: &mut Out) {
    // The presence before the episode; a restore still pending keeps the original one.
    if state.episode.saved_presence.is_none() {
        state.episode.saved_presence = state.presence.clone();
        state.episode.presence_unknown = state.presence.is_none();
    }
    state.episode.restoring = false;
    state.presence_retry = PRESENCE_RETRY_FIRST;
    state.restored_to = None;
    state.dnd_unconfirmed = true;
    out.push(Effect::CancelTimer(TimerId::PresenceRetry));
    out.push(Effect::SetPresence(DND.into()));
    out.push(Effect::SetHostEmergencyMode(true));
}

/// The restore is confirmed: the episode owes no presence any more.
fn restore_done(state: &mut State, out: &mut Out) {
    // What a late DND of ours would be undone to; nothing when the agent's own presence was
    // DND (giving DND back for DND would never end: found by the real-SIP end-to-end test).
    state.restored_to = state.episode.saved_presence.take().filter(|p| p != DND);
    state.episode.restoring = false;
    state.presence_retry = PRESENCE_RETRY_FIRST;
    out.push(Effect::CancelTimer(TimerId::PresenceRetry));
    persist(state, out);
}

/// E8 + E9 when the last emergency call of the episode has ended.
pub(super) fn leave(state: &mut State, out: &mut Out) {
    out.push(Effect::SetHostEmergencyMode(false));
    restore_presence(state, out);
    persist(state, out);
}

/// E8: the presence saved at E2 comes back, once.
fn restore_presence(state: &mut State, out: &mut Out) {
    if let Some(saved) = state.episode.saved_presence.clone() {
        state.episode.restoring = true;
        state.presence_retry = PRESENCE_RETRY_FIRST;
        out.push(Effect::SetPresence(saved));
    } else if state.episode.presence_unknown {
        state.episode.presence_unknown = false;
        state.notice.get_or_insert(Notice::PresenceNotRestored);
    }
}

/// The host reported the agent's presence (`presence.get` or `subscribe`).
pub(super) fn presence_observed(state: &mut State, status: String, out: &mut Out) {
    // The first presence a widget hears of is where things stand, not the agent's choice: after
    // a reload it may be what the host set during the emergency call (found by the `dialer`
    // fuzz target). Only a change is a choice.
    let changed = state.presence.as_ref().is_some_and(|p| *p != status);
    state.presence = Some(status.clone());
    if state.calls.emergency_active() {
        // E2 holds for the whole call: a change by the host is undone; the original stays saved.
        if status != DND {
            out.push(Effect::SetPresence(DND.into()));
        } else {
            state.dnd_unconfirmed = false;
        }
        return;
    }
    if state.episode.restoring {
        let restored = state.episode.saved_presence.as_deref() == Some(status.as_str());
        if restored || (status != DND && changed) {
            // Restored, or the agent chose another presence meanwhile: either way, done.
            restore_done(state, out);
        }
    } else if status == DND && state.dnd_unconfirmed {
        // Our own DND, unconfirmed during the episode, landed after the restore (a host that
        // completes its calls out of order): give the presence back again (E8).
        state.dnd_unconfirmed = false;
        if let Some(back) = state.restored_to.take() {
            state.episode.saved_presence = Some(back);
            restore_presence(state, out);
            persist(state, out);
        }
    } else if status != DND {
        state.dnd_unconfirmed = false;
    }
}

/// A `presence.set(status)` completed: a restore is confirmed, or a wanted change is retried.
pub(super) fn presence_set(
    state: &mut State,
    status: String,
    result: Result<(), String>,
    now: Millis,
    out: &mut Out,
) {
    match result {
        Ok(()) => {
            state.presence = Some(status.clone());
            if status == DND && !state.calls.emergency_active() && state.restored_to.is_some() {
                // Our DND completed after the restore (a host that completes its calls out of
                // order): give the presence back again (E8).
                state.dnd_unconfirmed = true;
                return presence_observed(state, status, out);
            }
            if status == DND {
                state.dnd_unconfirmed = false;
            }
            if state.episode.restoring
                && state.episode.saved_presence.as_deref() == Some(status.as_str())
            {
                state.clear_problem(Binding::PresenceSet);
                restore_done(state, out);
            }
        }
        Err(message) => {
            state.problem(Binding::PresenceSet, message, out);
            let wanted = (state.calls.emergency_active() && status == DND)
                || (state.episode.restoring
                    && state.episode.saved_presence.as_deref() == Some(status.as_str()));
            if wanted {
                out.push(Effect::ArmTimer {
                    id: TimerId::PresenceRetry,
                    at: now.saturating_add(state.presence_retry),
                });
                state.presence_retry = (state.presence_retry * 2).min(PRESENCE_RETRY_MAX);
            }
        }
    }
}

/// The presence retry timer fired: ask again for what is still wanted.
pub(super) fn retry_presence(state: &mut State, out: &mut Out) {
    if state.calls.emergency_active() && state.presence.as_deref() != Some(DND) {
        out.push(Effect::SetPresence(DND.into()));
    } else if let (true, Some(saved)) = (state.episode.restoring, &state.episode.saved_presence) {
        out.push(Effect::SetPresence(saved.clone()));
    }
}

/// E3: the host assigned the callback number for emergency call `call_id`.
pub(super) fn callback_number(
    state: &mut State,
    call_id: String,
    number: String,
    valid_for_seconds: f64,
    now: Millis,
    out: &mut Out,
) {
    let number = number.trim().to_string();
    let started = match &state.episode.last_emergency {
        Some((id, started)) if *id == call_id => Some(*started),
        _ => state
            .calls
            .call
            .as_ref()
            .filter(|c| c.kind == CallKind::Emergency && c.call_id.as_deref() == Some(&call_id))
            .map(|c| c.started_at),
    };
    let Some(started) = started.filter(|_| !number.is_empty()) else {
        return;
    };
    // The same number reported again (a host that repeats its events) changes nothing.
    if state
        .episode
        .callback
        .as_ref()
        .is_some_and(|w| w.call_id == call_id && w.number == number)
    {
        return;
    }
    let by_host = if valid_for_seconds.is_finite() && valid_for_seconds > 0.0 {
        now.saturating_add((valid_for_seconds * 1000.0).min(CALLBACK_WINDOW as f64) as Millis)
    } else {
        Millis::MAX
    };
    let expires_at = started.saturating_add(CALLBACK_WINDOW).min(by_host);
    if expires_at <= now {
        return;
    }
    state.episode.callback = Some(CallbackWindow {
        number: number.clone(),
        expires_at,
        call_id,
    });
    out.push(Effect::ArmTimer {
        id: TimerId::CallbackExpiry,
        at: expires_at,
    });
    out.push(Effect::Emit(HostEvent::CallbackWindow {
        number: number.clone(),
        expires_at: iso8601(expires_at),
        open: true,
    }));
    // Kari's Law wants the callback number in the notification: send the follow-up.
    notification::follow_up(state, number, expires_at, out);
    persist(state, out);
}

/// The callback window's timer fired: closed when due, else re-armed.
pub(super) fn callback_expired(state: &mut State, now: Millis, out: &mut Out) {
    let Some(at) = state.episode.callback.as_ref().map(|w| w.expires_at) else {
        return;
    };
    if now < at {
        return out.push(Effect::ArmTimer {
            id: TimerId::CallbackExpiry,
            at,
        });
    }
    if let Some(w) = state.episode.callback.take() {
        out.push(Effect::Emit(HostEvent::CallbackWindow {
            number: w.number,
            expires_at: iso8601(at),
            open: false,
        }));
    }
    persist(state, out);
}

/// B5: a saved episode is taken up after a reload (only at start-up, with no episode of our
/// own). A call still alive comes back connected; a call that did not survive ends (E8, E9);
/// a call nobody can vouch for comes back too, and the agent is asked (E11).
pub(super) fn restored(
    state: &mut State,
    mut episode: Episode,
    fate: CallFate,
    now: Millis,
    out: &mut Out,
) {
    if fate == CallFate::EndedThere {
        return take_up_window(state, episode.callback, now, out);
    }
    // The saved call is taken out (neither `take_over_older` nor this tab's episode keeps it).
    let call = episode.call.take();
    let own = state.calls.emergency_active() || !state.episode.is_empty();
    if own {
        // This tab has an episode of its own: it keeps it, with what the saved one adds.
        take_over_older(state, episode, false, now, out);
    } else {
        state.episode = episode;
        // Only what this widget saved is consistent; storage may hold anything (found by the
        // `episode` fuzz target): a restore is under way only with a presence to restore.
        state.episode.restoring &= state.episode.saved_presence.is_some();
        match state.episode.callback.as_ref().map(|w| w.expires_at) {
            Some(at) if now < at => out.push(Effect::ArmTimer {
                id: TimerId::CallbackExpiry,
                at,
            }),
            Some(_) => state.episode.callback = None,
            None => {}
        }
    }
    match call {
        // Alive at the host: taken up, unless this tab is in an emergency call of its own.
        // Nobody can tell (no `calling.activeCalls`): taken up and the agent is asked (E11) —
        // unless this tab has had an emergency episode of its own since the reload, which
        // the agent placed here and which supersedes it.
        Some(c)
            if !state.calls.emergency_active()
                && (fate == CallFate::Alive || (fate == CallFate::Unknown && !own)) =>
        {
            take_up_live_call(state, c, fate, out)
        }
        Some(_) if own => {}
        Some(c) => {
            // The call did not survive the reload: it ended; E8 and E9 still apply.
            out.push(Effect::Emit(HostEvent::EmergencyEnded {
                call_id: c.call_id,
                reason: EndReason::Dropped,
            }));
            out.push(Effect::SetHostEmergencyMode(false));
            restore_presence(state, out);
        }
        None if !own && (state.episode.restoring || state.episode.saved_presence.is_some()) => {
            restore_presence(state, out)
        }
        None => {}
    }
    persist(state, out);
}

/// The callback window of an emergency call another tab ended (E3, E4): this tab answers the
/// callback too when it is the one to. A newer window here stands. Nothing is saved: the
/// episode is the other tab's, which saves it.
fn take_up_window(state: &mut State, window: Option<CallbackWindow>, now: Millis, out: &mut Out) {
    let Some(w) = window.filter(|w| now < w.expires_at) else {
        return;
    };
    let mine = state.episode.callback.as_ref();
    if mine.is_none_or(|m| m.call_id != w.call_id && m.expires_at < w.expires_at) {
        out.push(Effect::ArmTimer {
            id: TimerId::CallbackExpiry,
            at: w.expires_at,
        });
        state.episode.callback = Some(w);
    }
}

/// The agent answered the question asked after a reload: the emergency call goes on (it is
/// kept as a confirmed call), or it has ended (E8 and E9 run now).
pub(super) fn confirm_call(state: &mut State, alive: bool, now: Millis, out: &mut Out) {
    let asked = |c: &Call| c.unconfirmed == Some(Unconfirmed::AfterReload);
    if alive {
        if let Some(c) = state.calls.call.as_mut().filter(|c| asked(c)) {
            c.unconfirmed = None;
        }
    } else if let Some(c) = state.calls.call.take_if(|c| asked(c)) {
        calls::finish(state, c, EndReason::Local, now, out);
    }
}

/// A saved episode's call that is still alive at the host (or that nobody can vouch for: the
/// agent is asked, E11) comes back, connected (B5) — also
/// when this tab has an episode of its own without a call (a newer emergency call here has
/// ended; found by the `dialer` fuzz target: it was dropped, and with it DND and E8).
fn take_up_live_call(state: &mut State, c: PersistedCall, fate: CallFate, out: &mut Out) {
    let key = state.calls.new_key();
    let direction = if c.kind == CallKind::EmergencyCallback {
        Direction::Inbound
    } else {
        Direction::Outbound
    };
    // Only emergency calls are saved; storage that says otherwise is not trusted with E6.
    let kind = if c.kind.is_emergency() {
        c.kind
    } else {
        CallKind::Emergency
    };
    let mut call = Call::new(
        key,
        c.call_id,
        c.number,
        direction,
        kind,
        CallStatus::Connected,
        c.started_at,
    );
    call.connected_at = Some(c.started_at);
    if fate == CallFate::Unknown {
        call.unconfirmed = Some(Unconfirmed::AfterReload);
    }
    state.calls.call = Some(call);
    // What to give back at its end, when the episode no longer says (a newer call here took
    // it over, and gave it back): the presence now.
    if state.episode.saved_presence.is_none() {
        state.episode.saved_presence = state.presence.clone().filter(|p| p != DND);
    }
    if state.episode.restoring {
        state.episode.restoring = false;
        out.push(Effect::CancelTimer(TimerId::PresenceRetry));
    }
    // E2 for the whole call: a DND that failed before the reload is not retried by anyone else.
    if state.presence.as_deref().is_some_and(|p| p != DND) {
        out.push(Effect::SetPresence(DND.into()));
    }
    out.push(Effect::SetHostEmergencyMode(true));
}

/// A saved episode meets an episode of this tab. `began_first`: it is known to have begun
/// before this tab's — it was waiting to be taken up after a reload when this tab's emergency
/// call began (the dialer hands it over then) — so the presence it saved, from before both,
/// is the one to give back (E8; found by the `dialer` fuzz target). Otherwise (another tab's
/// episode whose call ended there) it only replaces a presence this tab could not know: the
/// DND that episode set, or none. Its callback window, still open, stands too (E3, E4).
pub(crate) fn take_over_older(
    state: &mut State,
    older: Episode,
    began_first: bool,
    now: Millis,
    out: &mut Out,
) {
    let mine = &mut state.episode;
    let ours_is_theirs = began_first
        || mine.saved_presence.as_deref() == Some(DND)
        || (mine.saved_presence.is_none() && mine.presence_unknown);
    let mut changed = false;
    if let Some(saved) = older
        .saved_presence
        .filter(|s| ours_is_theirs && (began_first || s != DND))
    {
        mine.saved_presence = Some(saved.clone());
        mine.presence_unknown = false;
        if mine.restoring && !state.calls.emergency_active() {
            out.push(Effect::SetPresence(saved));
        }
        changed = true;
    }
    if let Some(w) = older.callback.filter(|w| now < w.expires_at) {
        if state.episode.callback.is_none() {
            out.push(Effect::ArmTimer {
                id: TimerId::CallbackExpiry,
                at: w.expires_at,
            });
            state.episode.callback = Some(w);
            changed = true;
        }
    }
    if changed {
        persist(state, out);
    }
}

/// B5: saves the episode with its live emergency call; clears it when there is nothing to keep.
pub(super) fn persist(state: &State, out: &mut Out) {
    // Field by field: the episode's own `call` is replaced, so it is not cloned.
    let e = &state.episode;
    let episode = Episode {
        saved_presence: e.saved_presence.clone(),
        restoring: e.restoring,
        presence_unknown: e.presence_unknown,
        call: state.calls.emergency().map(|c| PersistedCall {
            call_id: c.call_id.clone(),
            number: c.number.clone(),
            kind: c.kind,
            started_at: c.started_at,
        }),
        callback: e.callback.clone(),
        last_emergency: e.last_emergency.clone(),
    };
    out.push(Effect::Persist((!episode.is_empty()).then_some(episode)));
}
