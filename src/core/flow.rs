//! The call flow: one state machine behind SPEC E2–E12.
//!
//! Deterministic; no clock, no IO. [`step`] takes one [`Event`] and the time it happened and
//! returns the [`Effect`]s the shell must run, in order. An event that does not apply to the
//! current state changes nothing and returns no effects. Invariants (tested in
//! `tests/core_scenarios.rs` and by property tests):
//! - an emergency dial yields [`Effect::PlaceCall`] first, whatever else is going on (E11),
//!   except when the E12 block policy applies;
//! - no emergency call, outbound or callback, is ever recorded or written to history (E6);
//! - the presence saved before an emergency episode is restored exactly once (E2, E8).

use serde::{Deserialize, Serialize};

use super::config::{Config, UnsupportedRegionPolicy};
use super::dial::DialError;
use super::emergency::{self, ClassifyOptions, NumberKind};
pub use super::event::{Effect, Event, TimerId};
use super::model::{Location, Millis, DND, MINUTE};
pub use super::names::{Binding, EventName};
use super::notify::{self, EmailKind, EmergencyFacts};
use super::readiness::{self, ReadinessReport};
use super::time::iso8601;
pub use super::wire::{
    ActivityEntry, CallEvent, CallKind, CallStatus, CheckDetail, DialRequest, Direction,
    DispatchLocation, EndReason, HostEvent, NotificationStatus, PeerEmergency,
};

/// How long a callback number stays valid after the emergency call (E3).
pub const CALLBACK_WINDOW: Millis = 60 * MINUTE;
/// First delay before retrying a failed presence change; doubles up to [`PRESENCE_RETRY_MAX`].
pub const PRESENCE_RETRY_FIRST: Millis = 2_000;
/// Longest delay between presence retries.
pub const PRESENCE_RETRY_MAX: Millis = 60_000;
/// How many binding problems the agent is shown at once.
const MAX_PROBLEMS: usize = 3;

/// The widget's own handle for a call, known before the host answers `dial` with its `callId`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct CallKey(pub u64);

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
    fn is_empty(&self) -> bool {
        self.saved_presence.is_none() && self.call.is_none() && self.callback.is_none()
    }
}

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

/// The notification state of the current episode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotificationState {
    /// Where it is.
    pub status: NotificationStatus,
    /// To whom.
    pub recipients: Vec<String>,
    /// What went wrong.
    pub error: Option<String>,
}

/// The whole state of the widget's decisions.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The validated configuration.
    pub config: Config,
    /// The agent's presence as last observed.
    pub presence: Option<String>,
    /// The call in the foreground.
    pub call: Option<Call>,
    /// A call put on hold for the emergency callback (or for answering another call).
    pub held: Option<Call>,
    /// An incoming call waiting.
    pub incoming: Option<Incoming>,
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
    next_key: u64,
    cancelled: Vec<CallKey>,
    /// Ids of calls that already ended: a late event for one is never adopted by a new call.
    finished_ids: Vec<String>,
    presence_retry: Millis,
    facts: Option<EmergencyFacts>,
    last_readiness: Option<ReadinessReport>,
}

impl State {
    /// A fresh state for `config`.
    pub fn new(config: Config) -> State {
        State {
            config,
            presence: None,
            call: None,
            held: None,
            incoming: None,
            episode: Episode::default(),
            location: Location::default(),
            notification: None,
            notice: None,
            problems: Vec::new(),
            owns_callback: true,
            peer_emergency: None,
            audio_devices: (None, None),
            utc_offset_minutes: 0,
            next_key: 1,
            cancelled: Vec::new(),
            finished_ids: Vec::new(),
            presence_retry: PRESENCE_RETRY_FIRST,
            facts: None,
            last_readiness: None,
        }
    }

    /// True while an emergency call (outbound or callback) is in the foreground or held.
    pub fn emergency_active(&self) -> bool {
        self.call
            .iter()
            .chain(self.held.iter())
            .any(|c| c.kind.is_emergency())
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

    fn dispatch_location(&self) -> Option<DispatchLocation> {
        self.location.coords.map(|c| DispatchLocation {
            latitude: c.latitude,
            longitude: c.longitude,
            accuracy_meters: c.accuracy_meters,
            civic_address: self.config.civic_address.clone(),
        })
    }

    /// Remembers an id that belongs to no current call (ended, or an incoming call not taken).
    fn forget_id(&mut self, call_id: &str) {
        if self.finished_ids.len() >= 16 {
            self.finished_ids.remove(0);
        }
        self.finished_ids.push(call_id.to_string());
    }

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
        // A host may report ringing before its `dial` promise settles: adopt the id, unless
        // it belongs to a call that already ended (a late event must not end a new call).
        if !adopt || self.finished_ids.iter().any(|f| f == call_id) {
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

    fn persist(&self, fx: &mut Vec<Effect>) {
        let mut episode = self.episode.clone();
        episode.call = self
            .call
            .iter()
            .chain(self.held.iter())
            .find(|c| c.kind.is_emergency())
            .map(|c| PersistedCall {
                call_id: c.call_id.clone(),
                number: c.number.clone(),
                kind: c.kind,
                started_at: c.started_at,
            });
        fx.push(Effect::Persist((!episode.is_empty()).then_some(episode)));
    }

    fn problem(&mut self, binding: Binding, message: String, fx: &mut Vec<Effect>) {
        fx.push(Effect::Emit(HostEvent::Error {
            binding,
            message: message.clone(),
        }));
        self.problems.retain(|p| p.binding != binding);
        self.problems.push(Problem { binding, message });
        if self.problems.len() > MAX_PROBLEMS {
            self.problems.remove(0);
        }
    }

    fn emit_readiness_if_changed(&mut self, fx: &mut Vec<Effect>) {
        let report = self.readiness();
        if self.last_readiness.as_ref() != Some(&report) {
            fx.push(Effect::Emit(HostEvent::Readiness {
                ready: report.ready,
                checks: report
                    .checks
                    .iter()
                    .map(|c| CheckDetail {
                        id: c.id.as_str(),
                        ok: c.ok,
                        message: c.message.clone(),
                    })
                    .collect(),
            }));
            self.last_readiness = Some(report);
        }
    }
}

/// What a dial string means here and now.
enum Decision {
    Emergency {
        number: String,
        region: Option<String>,
        warning: Option<EmergencyWarning>,
    },
    Blocked {
        region: String,
    },
    Ordinary {
        number: String,
        kind: CallKind,
    },
    Invalid(DialError),
}

fn decide(state: &State, dialed: &str) -> Decision {
    let options = ClassifyOptions {
        outside_line_prefix: state.config.outside_line_prefix.clone(),
    };
    let emergency_in = |region: &str| match emergency::classify(dialed, region, &options) {
        Ok(NumberKind::Emergency { number, .. }) => Some(number),
        _ => None,
    };
    // Outside the supported regions only an exact emergency number counts: a prefix match
    // ("connects to emergency") there would turn ordinary numbers (e.g. `01…` in RU or LV)
    // into blocked calls.
    let exact_in = |region: &str| match emergency::classify(dialed, region, &options) {
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
    let ordinary =
        |region: Option<&str>| match emergency::classify(dialed, region.unwrap_or(""), &options) {
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
    match state.location.known_region() {
        Some(region) if state.config.supports(region) => match emergency_in(region) {
            Some(number) => Decision::Emergency {
                number,
                region: Some(region.into()),
                warning: None,
            },
            None => ordinary(Some(region)),
        },
        Some(region) => {
            // Known to be outside (E12): recognise the local number (B1) and the supported ones.
            match exact_in(region).or_else(in_any_supported) {
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
            }
        }
        // Not known (E12): an emergency number of any supported region is an emergency.
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

/// Advances the flow by one event that happened at `now`. Never panics, never reads a clock.
pub fn step(state: &mut State, event: Event, now: Millis) -> Vec<Effect> {
    let mut fx = Vec::new();
    match event {
        Event::Started { utc_offset_minutes } => {
            state.utc_offset_minutes = utc_offset_minutes;
            state.emit_readiness_if_changed(&mut fx);
        }
        Event::Dial { dialed } => dial(state, dialed, now, &mut fx),
        Event::NotifyContacts {
            dialed,
            number,
            region,
            at,
        } => notify_contacts(state, &dialed, &number, region, at, &mut fx),
        Event::HangUp => {
            if let Some(call) = state.call.take() {
                match &call.call_id {
                    Some(id) => fx.push(Effect::HangUp {
                        call_id: id.clone(),
                    }),
                    None => state.cancelled.push(call.key),
                }
                finish(state, call, EndReason::Local, now, &mut fx);
            }
        }
        Event::Answer => answer(state, now, &mut fx),
        Event::Decline => {
            if let Some(inc) = state.incoming.take() {
                state.forget_id(&inc.call_id);
                fx.push(Effect::HangUp {
                    call_id: inc.call_id,
                });
            }
        }
        // Mute and hold apply to a connected ordinary call only (E5); the state changes
        // optimistically and a binding failure undoes it.
        Event::SetMute(muted) => {
            if let Some((id, c)) = connected_ordinary(state, |c| c.muted != muted) {
                c.muted = muted;
                fx.push(Effect::Mute { call_id: id, muted });
            }
        }
        Event::SetHold(on_hold) => {
            if let Some((id, c)) = connected_ordinary(state, |c| c.on_hold != on_hold) {
                c.on_hold = on_hold;
                fx.push(Effect::Hold {
                    call_id: id,
                    on_hold,
                });
            }
        }
        Event::SendDtmf(digits) => {
            let valid = !digits.is_empty()
                && digits.len() <= 32
                && digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '*' | '#'));
            if let Some(c) = state
                .call
                .as_ref()
                .filter(|c| valid && ordinary_connected(c) && !c.on_hold)
            {
                if let Some(id) = &c.call_id {
                    fx.push(Effect::SendDtmf {
                        call_id: id.clone(),
                        digits,
                    });
                }
            }
        }
        Event::DismissNotice => {
            state.notice = None;
            state.problems.clear();
        }
        Event::DialAccepted { key, call_id } => dial_accepted(state, key, call_id, &mut fx),
        Event::DialFailed { key, message } => {
            state.cancelled.retain(|k| *k != key);
            if state
                .call
                .as_ref()
                .is_some_and(|c| c.key == key && c.call_id.is_some())
            {
                // The host's events already show the call exists: its `dial` answer was late.
                state.problem(Binding::Dial, message, &mut fx);
            } else if let Some(call) = state.call.take_if(|c| c.key == key) {
                state.problem(Binding::Dial, message.clone(), &mut fx);
                state.notice = Some(if call.kind == CallKind::Emergency {
                    Notice::EmergencyCallFailed {
                        message: Some(message),
                    }
                } else {
                    Notice::CallFailed(message)
                });
                finish(state, call, EndReason::Failed, now, &mut fx);
                // The host has no call for this key: nothing to hang up later.
                state.cancelled.retain(|k| *k != key);
            }
        }
        Event::Call(event) => call_event(state, event, now, &mut fx),
        Event::PresenceObserved(status) => presence_observed(state, status, &mut fx),
        Event::PresenceSet { status, result } => presence_set(state, status, result, now, &mut fx),
        Event::EmailSent { kind, result } => {
            if let Some(n) = state.notification.as_mut() {
                let error = result.as_ref().err().cloned();
                // A failed follow-up does not undo a sent first message, but is reported.
                if kind == EmailKind::Initial || error.is_some() {
                    n.status = if error.is_some() {
                        NotificationStatus::Failed
                    } else {
                        NotificationStatus::Sent
                    };
                    // A sent email keeps the template warning, if any.
                    n.error = error.clone().or(n.error.take());
                }
                fx.push(Effect::Emit(HostEvent::Notification {
                    status: if error.is_some() {
                        NotificationStatus::Failed
                    } else {
                        NotificationStatus::Sent
                    },
                    recipients: n.recipients.clone(),
                    error: error.clone().or(n.error.clone()),
                }));
                if let Some(message) = error {
                    state.problem(Binding::SendEmail, message, &mut fx);
                }
            }
        }
        Event::BindingFailed { binding, message } => {
            match binding {
                // Keep the pane truthful: an unconfirmed mute/hold is undone.
                Binding::Mute => {
                    if let Some(c) = state.call.as_mut() {
                        c.muted = !c.muted;
                    }
                }
                Binding::Hold => {
                    if let Some(c) = state.call.as_mut().filter(|c| !c.kind.is_emergency()) {
                        c.on_hold = !c.on_hold;
                    }
                }
                _ => {}
            }
            state.problem(binding, message, &mut fx);
        }
        Event::LocationChanged(location) => {
            if state.location != location {
                state.location = location;
                state.emit_readiness_if_changed(&mut fx);
            }
        }
        Event::ConfigChanged(config) => {
            state.config = config;
            state.emit_readiness_if_changed(&mut fx);
        }
        Event::TimerFired(TimerId::CallbackExpiry) => {
            if let Some(w) = state.episode.callback.clone() {
                if now >= w.expires_at {
                    state.episode.callback = None;
                    fx.push(Effect::Emit(HostEvent::CallbackWindow {
                        number: w.number,
                        expires_at: iso8601(w.expires_at),
                        open: false,
                    }));
                    state.persist(&mut fx);
                } else {
                    fx.push(Effect::ArmTimer {
                        id: TimerId::CallbackExpiry,
                        at: w.expires_at,
                    });
                }
            }
        }
        Event::TimerFired(TimerId::PresenceRetry) => {
            if state.emergency_active() && state.presence.as_deref() != Some(DND) {
                fx.push(Effect::SetPresence(DND.into()));
            } else if let (true, Some(saved)) =
                (state.episode.restoring, &state.episode.saved_presence)
            {
                fx.push(Effect::SetPresence(saved.clone()));
            }
        }
        Event::Restored {
            episode,
            call_alive,
        } => restored(state, episode, call_alive, now, &mut fx),
        Event::TabRole { owns_callback } => state.owns_callback = owns_callback,
        Event::PeerEmergency(peer) => state.peer_emergency = peer,
        Event::SelectAudioDevices { input, output } => {
            if state.audio_devices != (input.clone(), output.clone()) {
                state.audio_devices = (input.clone(), output.clone());
                fx.push(Effect::SetAudioDevices { input, output });
            }
        }
        Event::EditSettings {
            recipients,
            template,
        } => {
            state.config.recipients = notify::parse_recipients(&recipients);
            state.config.recipients_raw = recipients;
            state.config.template_errors = notify::validate_template(&template);
            state.config.template = template;
            state.emit_readiness_if_changed(&mut fx);
        }
    }
    fx
}

/// The foreground call with its host id, when it is a connected ordinary call matching `also`.
fn connected_ordinary(
    state: &mut State,
    also: impl Fn(&Call) -> bool,
) -> Option<(String, &mut Call)> {
    let c = state
        .call
        .as_mut()
        .filter(|c| ordinary_connected(c) && also(c))?;
    Some((c.call_id.clone()?, c))
}

fn ordinary_connected(c: &Call) -> bool {
    !c.kind.is_emergency() && c.status == CallStatus::Connected
}

fn dial(state: &mut State, dialed: String, now: Millis, fx: &mut Vec<Effect>) {
    let decision = decide(state, &dialed);
    if let Decision::Emergency {
        number,
        region,
        warning,
    } = decision
    {
        // A second press while an emergency call is under way changes nothing.
        if state.emergency_active() {
            return;
        }
        let key = CallKey(state.next_key);
        state.next_key += 1;
        let location = state.dispatch_location();
        // E11: the dial goes out first; nothing below can delay or stop it.
        fx.push(Effect::PlaceCall {
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
        let other = state.call.take();
        state.notice = None;
        state.call = Some(Call {
            key,
            call_id: None,
            number: number.clone(),
            direction: Direction::Outbound,
            kind: CallKind::Emergency,
            status: CallStatus::Dialing,
            started_at: now,
            connected_at: None,
            muted: false,
            on_hold: false,
            warning,
        });
        // An ordinary call in progress is held (connected) or abandoned (still ringing).
        if let Some(other) = other {
            hold_if_connected(&other, fx);
            displace(state, other, now, fx);
        }
        enter_emergency(state, fx);
        // E7 after the dial: rendering the email must not come between the click and the call.
        fx.push(Effect::Then(Box::new(Event::NotifyContacts {
            dialed: dialed.clone(),
            number: number.clone(),
            region,
            at: now,
        })));
        state.persist(fx);
        return;
    }
    match decision {
        Decision::Blocked { region } => {
            let numbers = emergency::emergency_numbers(&region)
                .iter()
                .map(|s| s.to_string())
                .collect();
            state.notice = Some(Notice::EmergencyUnsupportedRegion { region, numbers });
        }
        Decision::Invalid(e) => state.notice = Some(Notice::InvalidNumber(e)),
        Decision::Ordinary { .. } if state.call.is_some() => {
            state.notice = Some(Notice::EndCurrentCallFirst);
        }
        Decision::Ordinary { number, kind } => {
            let key = CallKey(state.next_key);
            state.next_key += 1;
            fx.push(Effect::PlaceCall {
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
            state.call = Some(Call {
                key,
                call_id: None,
                number,
                direction: Direction::Outbound,
                kind,
                status: CallStatus::Dialing,
                started_at: now,
                connected_at: None,
                muted: false,
                on_hold: false,
                warning: None,
            });
        }
        Decision::Emergency { .. } => {}
    }
}

/// E2 + E9 at the start of an emergency call (outbound or callback).
fn enter_emergency(state: &mut State, fx: &mut Vec<Effect>) {
    // The presence before the episode; a restore still pending keeps the original one.
    if state.episode.saved_presence.is_none() {
        state.episode.saved_presence = state.presence.clone();
        state.episode.presence_unknown = state.presence.is_none();
    }
    state.episode.restoring = false;
    state.presence_retry = PRESENCE_RETRY_FIRST;
    fx.push(Effect::CancelTimer(TimerId::PresenceRetry));
    fx.push(Effect::SetPresence(DND.into()));
    fx.push(Effect::SetHostEmergencyMode(true));
}

fn notify_contacts(
    state: &mut State,
    dialed: &str,
    number: &str,
    region: Option<String>,
    now: Millis,
    fx: &mut Vec<Effect>,
) {
    let recipients = state.config.recipients.valid.clone();
    if recipients.is_empty() {
        state.facts = None;
        state.notification = Some(NotificationState {
            status: NotificationStatus::Skipped,
            recipients: Vec::new(),
            error: None,
        });
        fx.push(Effect::Emit(HostEvent::Notification {
            status: NotificationStatus::Skipped,
            recipients,
            error: None,
        }));
        return;
    }
    let facts = EmergencyFacts {
        agent_name: state.config.agent_name.clone(),
        agent_id: state.config.agent_id.clone(),
        dialed: dialed.to_string(),
        number: number.to_string(),
        started_at: now,
        utc_offset_minutes: state.utc_offset_minutes,
        region,
        coords: state.location.coords,
        civic_address: state.config.civic_address.clone(),
        callback_number: state.callback_window(now).map(|w| w.number.clone()),
        callback_expires_at: state.callback_window(now).map(|w| w.expires_at),
    };
    // A broken admin template must not leave the contacts uninformed (Kari's Law): the
    // built-in template is used instead and the template's problems are reported with it.
    let (message, errors) = notify::render_email_or_default(
        &state.config.template,
        &facts,
        &recipients,
        EmailKind::Initial,
    );
    let error = (!errors.is_empty()).then(|| {
        let list = errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("; ");
        format!("the notification template has errors, so the built-in template was used: {list}")
    });
    state.notification = Some(NotificationState {
        status: NotificationStatus::Sending,
        recipients,
        error,
    });
    fx.push(Effect::SendEmail {
        kind: EmailKind::Initial,
        message,
    });
    state.facts = Some(facts);
}

fn dial_accepted(state: &mut State, key: CallKey, call_id: String, fx: &mut Vec<Effect>) {
    if state.cancelled.contains(&key) {
        // Hung up before the host answered `dial`: end it now that it has an id.
        state.cancelled.retain(|k| *k != key);
        state.forget_id(&call_id);
        fx.push(Effect::HangUp { call_id });
        return;
    }
    if let Some(held) = state.held.as_mut().filter(|c| c.key == key) {
        held.call_id = Some(call_id);
        return;
    }
    let location = state.dispatch_location();
    let region = state.location.region.clone();
    let Some(call) = state.call.as_mut().filter(|c| c.key == key) else {
        if key.0 < state.next_key && !state.finished_ids.contains(&call_id) {
            // A call of ours that is already over (its id was taken from an event): the host
            // still has this one, so end it rather than leave it running untracked.
            state.forget_id(&call_id);
            fx.push(Effect::HangUp { call_id });
        }
        return;
    };
    // Ringing may already have adopted the id; the host's answer to `dial` wins.
    call.call_id = Some(call_id.clone());
    if call.kind == CallKind::Emergency {
        let number = call.number.clone();
        fx.push(Effect::Emit(HostEvent::EmergencyStarted {
            call_id: call_id.clone(),
            number,
            region,
            location,
            direction: Direction::Outbound,
        }));
        state.episode.last_emergency =
            Some((call_id, state.call.as_ref().map_or(0, |c| c.started_at)));
        state.persist(fx);
    }
}

fn call_event(state: &mut State, event: CallEvent, now: Millis, fx: &mut Vec<Effect>) {
    match event {
        CallEvent::Ringing { call_id } => {
            if let Some(c) = state.find_mut(&call_id, true) {
                if c.status == CallStatus::Dialing {
                    c.status = CallStatus::Ringing;
                }
            }
        }
        CallEvent::Connected { call_id } => {
            let Some(c) = state.find_mut(&call_id, true) else {
                return;
            };
            if c.status == CallStatus::Connected {
                return;
            }
            c.status = CallStatus::Connected;
            c.connected_at = Some(now);
            if c.kind.is_emergency() {
                fx.push(Effect::Emit(HostEvent::EmergencyConnected { call_id }));
            }
        }
        CallEvent::Ended { call_id, reason } => {
            if state
                .incoming
                .as_ref()
                .is_some_and(|i| i.call_id == call_id)
            {
                state.incoming = None;
                state.forget_id(&call_id);
                return;
            }
            if state
                .held
                .as_ref()
                .is_some_and(|c| c.call_id.as_deref() == Some(&call_id))
            {
                if let Some(call) = state.held.take() {
                    finish(state, call, reason, now, fx);
                }
                return;
            }
            // An unknown id on `ended` is never adopted: it may be a late event of another call.
            if state.find_mut(&call_id, false).is_some() {
                if let Some(call) = state.call.take() {
                    if call.kind == CallKind::Emergency
                        && reason == EndReason::Failed
                        && call.connected_at.is_none()
                    {
                        state.notice = Some(Notice::EmergencyCallFailed { message: None });
                    }
                    finish(state, call, reason, now, fx);
                }
            }
        }
        CallEvent::Incoming { call_id, from, to } => incoming(state, call_id, from, to, now, fx),
        CallEvent::CallbackNumber {
            call_id,
            number,
            valid_for_seconds,
        } => {
            let number = number.trim().to_string();
            let started = match &state.episode.last_emergency {
                Some((id, started)) if *id == call_id => Some(*started),
                _ => state
                    .call
                    .as_ref()
                    .filter(|c| {
                        c.kind == CallKind::Emergency && c.call_id.as_deref() == Some(&call_id)
                    })
                    .map(|c| c.started_at),
            };
            let Some(started) = started.filter(|_| !number.is_empty()) else {
                return;
            };
            let by_host = if valid_for_seconds.is_finite() && valid_for_seconds > 0.0 {
                now.saturating_add(
                    (valid_for_seconds * 1000.0).min(CALLBACK_WINDOW as f64) as Millis
                )
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
            fx.push(Effect::ArmTimer {
                id: TimerId::CallbackExpiry,
                at: expires_at,
            });
            fx.push(Effect::Emit(HostEvent::CallbackWindow {
                number: number.clone(),
                expires_at: iso8601(expires_at),
                open: true,
            }));
            // Kari's Law wants the callback number in the notification: send the follow-up.
            if let Some(facts) = state.facts.as_mut() {
                facts.callback_number = Some(number);
                facts.callback_expires_at = Some(expires_at);
                let to = state
                    .notification
                    .as_ref()
                    .map(|n| n.recipients.clone())
                    .unwrap_or_default();
                let (message, _) = notify::render_email_or_default(
                    &state.config.template,
                    facts,
                    &to,
                    EmailKind::CallbackUpdate,
                );
                fx.push(Effect::SendEmail {
                    kind: EmailKind::CallbackUpdate,
                    message,
                });
            }
            state.persist(fx);
        }
    }
}

fn incoming(
    state: &mut State,
    call_id: String,
    from: String,
    to: String,
    now: Millis,
    fx: &mut Vec<Effect>,
) {
    let is_callback = state
        .callback_window(now)
        .is_some_and(|w| same_number(&w.number, &to));
    if !is_callback {
        // Nothing but the emergency call is offered during an emergency (E5).
        if !state.emergency_active() && state.incoming.is_none() {
            state.incoming = Some(Incoming { call_id, from, to });
        } else {
            state.forget_id(&call_id);
        }
        return;
    }
    if !state.owns_callback {
        state.forget_id(&call_id);
        return; // Another tab answers it (B5).
    }
    // E4: the callback goes ahead of everything; another call is held first.
    let other = state.call.take();
    if let Some(other) = &other {
        hold_if_connected(other, fx);
    }
    if state
        .incoming
        .as_ref()
        .is_some_and(|i| i.call_id == call_id)
    {
        state.incoming = None;
    }
    fx.push(Effect::Answer {
        call_id: call_id.clone(),
    });
    let key = CallKey(state.next_key);
    state.next_key += 1;
    state.call = Some(Call {
        key,
        call_id: Some(call_id.clone()),
        number: from,
        direction: Direction::Inbound,
        kind: CallKind::EmergencyCallback,
        status: CallStatus::Answering,
        started_at: now,
        connected_at: None,
        muted: false,
        on_hold: false,
        warning: None,
    });
    if let Some(other) = other {
        displace(state, other, now, fx);
    }
    state.notice = None;
    enter_emergency(state, fx);
    fx.push(Effect::Emit(HostEvent::EmergencyStarted {
        call_id,
        number: to,
        region: state.location.region.clone(),
        location: None,
        direction: Direction::Inbound,
    }));
    state.persist(fx);
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

fn answer(state: &mut State, now: Millis, fx: &mut Vec<Effect>) {
    if state.emergency_active() {
        return;
    }
    let Some(inc) = state.incoming.take() else {
        return;
    };
    let other = state.call.take();
    if let Some(other) = &other {
        hold_if_connected(other, fx);
    }
    fx.push(Effect::Answer {
        call_id: inc.call_id.clone(),
    });
    let key = CallKey(state.next_key);
    state.next_key += 1;
    state.call = Some(Call {
        key,
        call_id: Some(inc.call_id),
        number: inc.from,
        direction: Direction::Inbound,
        kind: CallKind::Ordinary,
        status: CallStatus::Answering,
        started_at: now,
        connected_at: None,
        muted: false,
        on_hold: false,
        warning: None,
    });
    if let Some(other) = other {
        displace(state, other, now, fx);
    }
}

/// Pushes `Hold` for a connected call that is not yet on hold (before the new call's effects,
/// as the contract wants: "if another call is active it is put on hold first").
fn hold_if_connected(call: &Call, fx: &mut Vec<Effect>) {
    if let (Some(id), CallStatus::Connected, false) = (&call.call_id, call.status, call.on_hold) {
        fx.push(Effect::Hold {
            call_id: id.clone(),
            on_hold: true,
        });
    }
}

/// Moves a call out of the foreground for a new one (already installed, so an emergency stays
/// active throughout): a connected call is held (see [`hold_if_connected`]), anything else is
/// ended. Only one call is held at a time: with a call already held, the other is ended.
fn displace(state: &mut State, mut other: Call, now: Millis, fx: &mut Vec<Effect>) {
    match (other.call_id.clone(), other.status) {
        (Some(_), CallStatus::Connected) if state.held.is_none() => {
            other.on_hold = true;
            state.held = Some(other);
        }
        (Some(id), _) => {
            // Not held after all: undo a Hold pushed for it and end it instead.
            fx.retain(|e| !matches!(e, Effect::Hold { call_id, .. } if *call_id == id));
            fx.push(Effect::HangUp { call_id: id });
            finish(state, other, EndReason::Local, now, fx);
        }
        (None, _) => {
            state.cancelled.push(other.key);
            finish(state, other, EndReason::Local, now, fx);
        }
    }
}

/// Everything that follows a call's end: history for ordinary calls, E8 and E9 for emergencies.
fn finish(state: &mut State, call: Call, reason: EndReason, now: Millis, fx: &mut Vec<Effect>) {
    match &call.call_id {
        Some(id) => state.forget_id(id),
        // Ended before the host answered `dial`: hang up when it does.
        None if !state.cancelled.contains(&call.key) => state.cancelled.push(call.key),
        None => {}
    }
    if !call.kind.is_emergency() {
        if let Some(id) = &call.call_id {
            fx.push(Effect::RecordActivity(ActivityEntry {
                call_id: id.clone(),
                number: call.number.clone(),
                direction: call.direction,
                started_at: iso8601(call.started_at),
                ended_at: iso8601(now),
            }));
        }
    } else {
        fx.push(Effect::Emit(HostEvent::EmergencyEnded {
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
    if state.call.is_none() {
        state.call = state.held.take();
    }
    if call.kind.is_emergency() && !state.emergency_active() {
        fx.push(Effect::SetHostEmergencyMode(false));
        restore_presence(state, fx);
        state.persist(fx);
    }
}

/// E8: the presence saved at E2 comes back, once.
fn restore_presence(state: &mut State, fx: &mut Vec<Effect>) {
    if let Some(saved) = state.episode.saved_presence.clone() {
        state.episode.restoring = true;
        state.presence_retry = PRESENCE_RETRY_FIRST;
        fx.push(Effect::SetPresence(saved));
    } else if state.episode.presence_unknown {
        state.episode.presence_unknown = false;
        state.notice.get_or_insert(Notice::PresenceNotRestored);
    }
}

fn presence_observed(state: &mut State, status: String, fx: &mut Vec<Effect>) {
    state.presence = Some(status.clone());
    if state.emergency_active() {
        // E2 holds for the whole call: a change by the host is undone; the original stays saved.
        if status != DND {
            fx.push(Effect::SetPresence(DND.into()));
        }
        return;
    }
    if state.episode.restoring {
        let saved = state.episode.saved_presence.clone();
        if saved.as_deref() == Some(status.as_str()) || status != DND {
            // Restored, or the agent chose another presence meanwhile: either way, done.
            state.episode.restoring = false;
            state.episode.saved_presence = None;
            fx.push(Effect::CancelTimer(TimerId::PresenceRetry));
            state.persist(fx);
        }
    }
}

fn presence_set(
    state: &mut State,
    status: String,
    result: Result<(), String>,
    now: Millis,
    fx: &mut Vec<Effect>,
) {
    match result {
        Ok(()) => {
            state.presence = Some(status.clone());
            if state.episode.restoring
                && state.episode.saved_presence.as_deref() == Some(status.as_str())
            {
                state.episode.restoring = false;
                state.episode.saved_presence = None;
                state.presence_retry = PRESENCE_RETRY_FIRST;
                state.problems.retain(|p| p.binding != Binding::PresenceSet);
                fx.push(Effect::CancelTimer(TimerId::PresenceRetry));
                state.persist(fx);
            }
        }
        Err(message) => {
            state.problem(Binding::PresenceSet, message, fx);
            let wanted = (state.emergency_active() && status == DND)
                || (state.episode.restoring
                    && state.episode.saved_presence.as_deref() == Some(status.as_str()));
            if wanted {
                fx.push(Effect::ArmTimer {
                    id: TimerId::PresenceRetry,
                    at: now.saturating_add(state.presence_retry),
                });
                state.presence_retry = (state.presence_retry * 2).min(PRESENCE_RETRY_MAX);
            }
        }
    }
}

fn restored(
    state: &mut State,
    episode: Episode,
    call_alive: bool,
    now: Millis,
    fx: &mut Vec<Effect>,
) {
    if state.emergency_active() || !state.episode.is_empty() {
        return; // Only at start-up.
    }
    let call = episode.call.clone();
    state.episode = episode;
    state.episode.call = None;
    if let Some(w) = state.episode.callback.clone() {
        if now < w.expires_at {
            fx.push(Effect::ArmTimer {
                id: TimerId::CallbackExpiry,
                at: w.expires_at,
            });
        } else {
            state.episode.callback = None;
        }
    }
    match call {
        Some(c) if call_alive => {
            let key = CallKey(state.next_key);
            state.next_key += 1;
            state.call = Some(Call {
                key,
                call_id: c.call_id,
                number: c.number,
                direction: if c.kind == CallKind::EmergencyCallback {
                    Direction::Inbound
                } else {
                    Direction::Outbound
                },
                kind: c.kind,
                status: CallStatus::Connected,
                started_at: c.started_at,
                connected_at: Some(c.started_at),
                muted: false,
                on_hold: false,
                warning: None,
            });
            fx.push(Effect::SetHostEmergencyMode(true));
        }
        Some(c) => {
            // The call did not survive the reload: it ended; E8 and E9 still apply.
            fx.push(Effect::Emit(HostEvent::EmergencyEnded {
                call_id: c.call_id,
                reason: EndReason::Dropped,
            }));
            fx.push(Effect::SetHostEmergencyMode(false));
            restore_presence(state, fx);
        }
        None if state.episode.restoring || state.episode.saved_presence.is_some() => {
            restore_presence(state, fx)
        }
        None => {}
    }
    state.persist(fx);
}
