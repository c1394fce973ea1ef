//! The call flow: the state machine behind SPEC E2–E12, one job per file:
//! - [`dial`]: what a dial string means here and now (E1, E12), placing the call (E11) and the
//!   host's answer to `calling.dial`;
//! - [`calls`]: the call set — foreground, held and incoming call — and what the host's call
//!   events and the agent's call controls do to it;
//! - [`episode`]: the emergency episode — presence saved and restored (E2, E8), the host form
//!   (E9), the callback window (E3, E4), persistence across a reload (B5);
//! - [`notification`]: the email to the emergency contacts (E7).
//!
//! Deterministic; no clock, no IO. `step` takes one [`Event`] and the time it happened and
//! appends what the shell must do, in order, to the dialer's outbox; the
//! [`Dialer`](super::Dialer) is its only caller. An event that does not apply changes nothing
//! and yields nothing.
//! Invariants (tested in `tests/core_scenarios.rs` and by property tests):
//! - an emergency dial yields [`Effect::PlaceCall`] first, whatever else is going on (E11),
//!   except when the E12 block policy applies;
//! - no emergency call, outbound or callback, is ever recorded or written to history (E6);
//! - the presence saved before an emergency episode is restored exactly once (E2, E8).

pub mod callback;
pub mod calls;
pub mod dial;
pub mod episode;
pub mod notification;

pub use calls::{Call, CallKey, Calls, Incoming, MAX_CALL_ID};
pub use dial::Unconfirmed;
pub use episode::{CallbackWindow, Episode, PersistedCall, CALLBACK_WINDOW};
pub use notification::NotificationState;

use super::config::Config;
use super::dial::DialError;
use super::event::{Effect, Event, TimerId};
use super::model::{Location, Millis};
use super::names::Binding;
use super::notify::EmergencyFacts;
use super::readiness::{self, ReadinessReport};
use super::wire::{CheckDetail, DispatchLocation, HostEvent, PeerEmergency};

/// How many binding problems the agent is shown at once.
const MAX_PROBLEMS: usize = 3;

/// A warning carried with an emergency call placed without a supported location (E12).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EmergencyWarning {
    /// The location is not known: tell the dispatcher where you are.
    LocationUnknown,
    /// The location is outside the supported regions (policy `"attempt"`).
    OutsideSupportedRegion {
        /// The region.
        region: String,
    },
}

/// A message for the agent that is not part of the call pane's steady state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The typed number cannot be dialed (the text stays in the field).
    InvalidNumber(DialError),
    /// An ordinary call cannot start while another is active.
    EndCurrentCallFirst,
    /// E12, known outside: use another phone and dial the local number.
    EmergencyUnsupportedRegion {
        /// The agent's region.
        region: String,
        /// The region's emergency numbers, most common first (may be empty).
        numbers: Vec<String>,
    },
    /// The emergency call could not be placed or failed before connecting.
    EmergencyCallFailed {
        /// The error, if the host gave one.
        message: Option<String>,
    },
    /// The emergency call dropped; the service may call back.
    EmergencyDropped {
        /// The callback number, if known.
        callback_number: Option<String>,
    },
    /// An ordinary call failed.
    CallFailed(String),
    /// The presence before the emergency was not known, so it could not be restored.
    PresenceNotRestored,
}

/// A binding failure shown to the agent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which binding.
    pub binding: Binding,
    /// The error.
    pub message: String,
}

/// The whole state of the widget's decisions.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The validated configuration.
    pub config: Config,
    /// The agent's presence as last observed.
    pub presence: Option<String>,
    /// The calls: foreground, held, incoming.
    pub calls: Calls,
    /// The emergency episode (empty when none).
    pub episode: Episode,
    /// Where the agent is.
    pub location: Location,
    /// The emergency notification's state.
    pub notification: Option<NotificationState>,
    /// The current notice.
    pub notice: Option<Notice>,
    /// Recent binding failures.
    pub problems: Vec<Problem>,
    /// False in all but one tab (B5).
    pub owns_callback: bool,
    /// An emergency call in progress in another tab (B5).
    pub peer_emergency: Option<PeerEmergency>,
    /// The audio devices the agent chose (microphone, speaker); `None` = system default.
    pub audio_devices: (Option<String>, Option<String>),
    utc_offset_minutes: i32,
    presence_retry: Millis,
    /// A `presence.set("dnd")` of ours that the host has not confirmed (it failed or timed
    /// out, and may still land), and the presence the last episode gave back: a late DND that
    /// lands after the restore is ours, and the restore is done again (E8).
    dnd_unconfirmed: bool,
    restored_to: Option<String>,
    facts: Option<EmergencyFacts>,
    last_readiness: Option<ReadinessReport>,
}

impl State {
    /// A fresh state for `config`.
    pub fn new(config: Config) -> State {
        State {
            config,
            presence: None,
            calls: Calls::default(),
            episode: Episode::default(),
            location: Location::default(),
            notification: None,
            notice: None,
            problems: Vec::new(),
            owns_callback: true,
            peer_emergency: None,
            audio_devices: (None, None),
            utc_offset_minutes: 0,
            presence_retry: episode::PRESENCE_RETRY_FIRST,
            dnd_unconfirmed: false,
            restored_to: None,
            facts: None,
            last_readiness: None,
        }
    }

    /// True while an emergency call (outbound or callback) is in the foreground or held.
    pub fn emergency_active(&self) -> bool {
        self.calls.emergency_active()
    }

    /// This tab's emergency call as other tabs see it (B5).
    pub fn own_emergency(&self) -> Option<PeerEmergency> {
        self.calls.emergency().map(|c| PeerEmergency {
            call_id: c.call_id.clone(),
            number: c.number.clone(),
        })
    }

    /// The readiness report for the current configuration and location (B6).
    pub fn readiness(&self) -> ReadinessReport {
        readiness::evaluate(
            self.config.readiness.as_ref(),
            &self.location,
            &self.config.supported_regions,
            &self.config.recipients,
        )
    }

    /// The open callback window, if still valid at `now`.
    pub fn callback_window(&self, now: Millis) -> Option<&CallbackWindow> {
        self.episode
            .callback
            .as_ref()
            .filter(|w| now < w.expires_at)
    }

    /// The dispatchable location (B3), when a position is known.
    pub fn dispatch_location(&self) -> Option<DispatchLocation> {
        self.location.coords.map(|c| DispatchLocation {
            latitude: c.latitude,
            longitude: c.longitude,
            accuracy_meters: c.accuracy_meters,
            civic_address: self.config.civic_address.clone(),
        })
    }

    /// A binding failed: `dialer:error` for the host, a problem line for the agent.
    fn problem(&mut self, binding: Binding, message: String, out: &mut Out) {
        out.push(Effect::Emit(HostEvent::Error {
            binding,
            message: message.clone(),
        }));
        self.clear_problem(binding);
        self.problems.push(Problem { binding, message });
        if self.problems.len() > MAX_PROBLEMS {
            self.problems.remove(0);
        }
    }

    /// Takes `binding`'s problem off the list (one `Vec::remove` for every caller, not a
    /// `retain` instantiated per predicate).
    pub(super) fn clear_problem(&mut self, binding: Binding) {
        while let Some(i) = self.problems.iter().position(|p| p.binding == binding) {
            self.problems.remove(i);
        }
    }

    /// `dialer:readiness` whenever the report changed (B6).
    fn emit_readiness_if_changed(&mut self, out: &mut Out) {
        let report = self.readiness();
        if self.last_readiness.as_ref() == Some(&report) {
            return;
        }
        let mut checks = Vec::with_capacity(report.checks.len());
        for c in &report.checks {
            checks.push(CheckDetail {
                id: c.id.as_str(),
                ok: c.ok,
                message: c.message.clone(),
            });
        }
        out.push(Effect::Emit(HostEvent::Readiness {
            ready: report.ready,
            checks,
        }));
        self.last_readiness = Some(report);
    }
}

/// Work a step leaves for later in the same task, after the effects before it have run.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Deferred {
    /// Render and send the emergency notification: after `calling.dial` (E11).
    NotifyContacts {
        /// What the agent typed.
        dialed: String,
        /// The emergency number dialed.
        number: String,
        /// The region, when known.
        region: Option<String>,
        /// When the agent pressed Call.
        at: Millis,
    },
}

/// One item of a step's output.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Output {
    /// For the shell to run.
    Effect(Effect),
    /// For the dialer to run once the effects before it have been handed out.
    Defer(Deferred),
}

/// A first-in first-out queue: a vector and a cursor. What was taken is `None` before `head`,
/// and the vector is emptied once everything has been taken (smaller in the wasm than a
/// `VecDeque`; both ends O(1)).
#[derive(Clone, Debug)]
pub(crate) struct Queue<T> {
    items: Vec<Option<T>>,
    head: usize,
}

impl<T> Default for Queue<T> {
    fn default() -> Self {
        Queue {
            items: Vec::new(),
            head: 0,
        }
    }
}

impl<T: PartialEq> PartialEq for Queue<T> {
    fn eq(&self, other: &Queue<T>) -> bool {
        self.waiting() == other.waiting()
    }
}

impl<T> Queue<T> {
    /// What waits, in order.
    fn waiting(&self) -> &[Option<T>] {
        self.items.get(self.head..).unwrap_or_default()
    }

    /// Appends at the back.
    pub(crate) fn push(&mut self, item: T) {
        self.items.push(Some(item));
    }

    /// Takes the first, if any.
    pub(crate) fn pop(&mut self) -> Option<T> {
        let first = self.items.get_mut(self.head)?.take();
        self.head += 1;
        if self.head >= self.items.len() {
            self.items.clear();
            self.head = 0;
        }
        first
    }

    /// True when nothing waits.
    pub(crate) fn is_empty(&self) -> bool {
        self.waiting().is_empty()
    }

    /// How many wait.
    pub(crate) fn len(&self) -> usize {
        self.waiting().len()
    }
}

/// What a step hands the dialer, in order (the dialer's outbox: it hands them out from the
/// front while a step appends at the back).
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Out(Queue<Output>);

impl Out {
    /// Appends an effect.
    pub(crate) fn push(&mut self, effect: Effect) {
        self.0.push(Output::Effect(effect));
    }

    /// Appends deferred work.
    fn defer(&mut self, work: Deferred) {
        self.0.push(Output::Defer(work));
    }

    /// The first output, if any.
    pub(crate) fn pop(&mut self) -> Option<Output> {
        self.0.pop()
    }

    /// True when nothing waits.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// True when the first output is an emergency [`Effect::PlaceCall`].
    pub(crate) fn front_is_emergency_call(&self) -> bool {
        matches!(
            self.0.waiting().first(),
            Some(Some(Output::Effect(Effect::PlaceCall { request, .. }))) if request.emergency
        )
    }

    /// How many outputs wait.
    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    /// Moves the emergency [`Effect::PlaceCall`]s from `from` on to the front, in their order:
    /// the emergency call is handed out before anything that waited (E11). What waited and
    /// the new emergency episode supersedes — a presence restore, the host form's release, a
    /// save of the episode before it — is dropped: the new episode sets DND, tells the host
    /// form and saves itself after its call, and an old restore must not run during it.
    pub(crate) fn place_calls_first(&mut self, from: usize) {
        let urgent = |o: &Option<Output>| matches!(o, Some(Output::Effect(Effect::PlaceCall { request, .. })) if request.emergency);
        let from = self.0.head + from;
        if !self.0.items.iter().skip(from).any(urgent) {
            return;
        }
        let before = self.0.items.len();
        let mut i = 0;
        self.0.items.retain(|o| {
            i += 1;
            i > from
                || !matches!(
                    o,
                    Some(Output::Effect(
                        Effect::SetPresence(_)
                            | Effect::SetHostEmergencyMode(_)
                            | Effect::Persist(_)
                    ))
                )
        });
        let from = from - (before - self.0.items.len());
        let mut front = self.0.head;
        for i in from..self.0.items.len() {
            if self.0.items.get(i).is_some_and(urgent) {
                let call = self.0.items.remove(i);
                self.0.items.insert(front, call);
                front += 1;
            }
        }
    }

    /// Keeps only the effects for which `keep` is true (deferred work always stays).
    fn retain(&mut self, keep: impl Fn(&Effect) -> bool) {
        self.0.items.retain(|o| match o {
            Some(Output::Effect(e)) => keep(e),
            _ => true,
        });
    }
}

/// Advances the flow by one event that happened at `now`. Never panics, never reads a clock.
pub(crate) fn step(state: &mut State, event: Event, now: Millis, out: &mut Out) {
    match event {
        Event::Started { utc_offset_minutes } => {
            state.utc_offset_minutes = utc_offset_minutes;
            state.emit_readiness_if_changed(out);
        }
        Event::Reattached => {
            state.last_readiness = None;
            state.emit_readiness_if_changed(out);
            if state.emergency_active() {
                out.push(Effect::SetHostEmergencyMode(true));
            }
        }
        Event::Dial { dialed } => dial::dial(state, dialed, now, out),
        Event::DialAccepted { key, call_id } => dial::accepted(state, key, call_id, now, out),
        Event::DialFailed { key, message } => dial::failed(state, key, message, now, out),
        Event::DialUnconfirmed { key, message } => dial::unconfirmed(state, key, message, now, out),
        Event::HangUp => calls::hang_up(state, now, out),
        Event::Answer => calls::answer(state, now, out),
        Event::Decline => calls::decline(state, out),
        Event::SetMute(muted) => calls::set_mute(state, muted, out),
        Event::SetHold(on_hold) => calls::set_hold(state, on_hold, out),
        Event::SendDtmf(digits) => calls::send_dtmf(state, digits, out),
        Event::Call(event) => calls::call_event(state, event, now, out),
        Event::PresenceObserved(status) => episode::presence_observed(state, status, out),
        Event::PresenceSet { status, result } => {
            episode::presence_set(state, status, result, now, out)
        }
        Event::TimerFired(TimerId::PresenceRetry) => episode::retry_presence(state, out),
        Event::TimerFired(TimerId::CallbackExpiry) => episode::callback_expired(state, now, out),
        Event::Restored { episode, call } => episode::restored(state, episode, call, now, out),
        Event::ConfirmCall(alive) => episode::confirm_call(state, alive, now, out),
        Event::EmailSent { kind, result } => notification::email_sent(state, kind, result, out),
        Event::BindingFailed { binding, message } => {
            calls::undo_unconfirmed(state, binding);
            state.problem(binding, message, out);
        }
        Event::DismissNotice => {
            state.notice = None;
            state.problems.clear();
        }
        Event::LocationChanged(location) => {
            if state.location != location {
                state.location = location;
                state.emit_readiness_if_changed(out);
            }
        }
        Event::ConfigChanged(config) => {
            state.config = *config;
            state.emit_readiness_if_changed(out);
        }
        Event::AgentChanged => {
            state.peer_emergency = None;
            if !state.episode.is_empty() || state.emergency_active() {
                episode::persist(state, out);
            }
        }
        Event::TabRole { owns_callback } => state.owns_callback = owns_callback,
        Event::PeerEmergency(peer) => state.peer_emergency = peer,
        Event::SelectAudioDevices { input, output } => {
            let (mic, speaker) = &state.audio_devices;
            if *mic != input || *speaker != output {
                state.audio_devices = (input.clone(), output.clone());
                out.push(Effect::SetAudioDevices { input, output });
            }
        }
        // The tab election's and the restore policy's inputs: the dialer routes them there.
        Event::TabMessage(_)
        | Event::EpisodeLoaded(_)
        | Event::ActiveCalls(_)
        | Event::TimerFired(TimerId::Heartbeat | TimerId::RestoreProbe | TimerId::CallbackClaim) => {
        }
        Event::CallbackUnclaimed { call_id } => {
            callback::answer_offered(state, call_id, true, now, out)
        }
        Event::CallbackClaimed { call_id } => {
            callback::answer_offered(state, call_id, false, now, out)
        }
    }
}

/// Runs work deferred by an earlier step.
pub(crate) fn run_deferred(state: &mut State, work: Deferred, out: &mut Out) {
    match work {
        Deferred::NotifyContacts {
            dialed,
            number,
            region,
            at,
        } => notification::notify_contacts(state, &dialed, &number, region, at, out),
    }
}
