//! The core's inputs and outputs: every [`Event`] that can happen to the widget (agent
//! actions, host answers and events, browser facts, timers) and every [`Effect`] it asks the
//! shell to run. Plain data; deterministic; no clock, no IO.

use super::config::Config;
use super::flow::{CallKey, Episode};
use super::model::{Location, Millis};
use super::names::Binding;
use super::notify::{EmailKind, EmailMessage};
use super::restore::{ActiveCalls, CallFate};
use super::tabs::TabMessage;
use super::wire::{ActivityEntry, CallEvent, DialRequest, HostEvent, PeerEmergency};

/// A timer the core asks the shell to arm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimerId {
    /// The callback window closes (E3).
    CallbackExpiry,
    /// Retry a failed presence change (E2, E8).
    PresenceRetry,
    /// This tab says it is alive to the agent's other tabs (B5).
    Heartbeat,
    /// A reloaded tab has listened long enough to the other tabs (B5).
    RestoreProbe,
    /// A tab that received the callback without owning it has waited for the owner (B5).
    CallbackClaim,
}

/// Inputs to the dialer: agent actions, host replies and events, browser facts, timers.
/// [`Dialer::handle`](super::Dialer::handle) takes each with the time it happened.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The widget was mounted: emit the first readiness report.
    Started {
        /// The agent's local offset from UTC in minutes (east positive), for the email.
        utc_offset_minutes: i32,
    },
    /// A new mount took up a driver kept headless during a live emergency call (E11): the
    /// new element gets a readiness report and the (maybe new) host form is told.
    Reattached,
    /// The agent pressed Call (or the host called `dialer.dial`).
    Dial {
        /// What the agent typed.
        dialed: String,
    },
    /// The agent pressed End call.
    HangUp,
    /// The agent answered the incoming call.
    Answer,
    /// The agent declined the incoming call.
    Decline,
    /// The agent muted or unmuted.
    SetMute(bool),
    /// The agent put the call on hold or resumed it.
    SetHold(bool),
    /// The agent pressed keypad keys during a call.
    SendDtmf(String),
    /// The agent answered whether the emergency call taken up after a reload is still going
    /// on (true) or has ended (false).
    ConfirmCall(bool),
    /// The agent dismissed the notice.
    DismissNotice,
    /// `calling.dial` answered with the host's call id.
    DialAccepted {
        /// The call.
        key: CallKey,
        /// The host's id for it.
        call_id: String,
    },
    /// `calling.dial` threw, rejected or timed out.
    DialFailed {
        /// The call.
        key: CallKey,
        /// The error.
        message: String,
    },
    /// `calling.dial` did not answer within the binding timeout, or answered with a value
    /// that cannot be read: the call may be live (E11). A late answer follows as
    /// [`Event::DialAccepted`] or [`Event::DialFailed`].
    DialUnconfirmed {
        /// The call.
        key: CallKey,
        /// What happened.
        message: String,
    },
    /// An event from the host's `calling.subscribe`.
    Call(CallEvent),
    /// The host reported the agent's presence (`presence.get` or `subscribe`).
    PresenceObserved(String),
    /// A `presence.set(status)` completed.
    PresenceSet {
        /// The status that was set.
        status: String,
        /// The outcome.
        result: Result<(), String>,
    },
    /// A `notification.sendEmail` completed.
    EmailSent {
        /// Which email.
        kind: EmailKind,
        /// The outcome.
        result: Result<(), String>,
    },
    /// Any other binding failed (the widget carries on).
    BindingFailed {
        /// Which binding.
        binding: Binding,
        /// The error.
        message: String,
    },
    /// What the shell knows of the location changed.
    LocationChanged(Location),
    /// The host changed the configuration (boxed: it is rare, and large).
    ConfigChanged(Box<Config>),
    /// A timer armed with [`Effect::ArmTimer`] fired.
    TimerFired(TimerId),
    /// A saved emergency episode is taken up (B5): the restore policy's verdict, which the
    /// dialer hands to the flow itself.
    Restored {
        /// The episode as persisted.
        episode: Episode,
        /// What became of its emergency call (alive, ended, or unknown: ask the agent).
        call: CallFate,
    },
    /// Another tab of the same agent holds an emergency call (`Some`), or no longer does (B5):
    /// the tab election's verdict, which the dialer hands to the flow itself.
    PeerEmergency(Option<PeerEmergency>),
    /// Whether this tab is the one that answers the emergency callback (B5): the tab
    /// election's verdict, which the dialer hands to the flow itself.
    TabRole {
        /// True for exactly one tab.
        owns_callback: bool,
    },
    /// `setConfig` changed `agent.id`: the shell moved the episode's storage and the tab
    /// channel to the new agent's keys; this tab joins the new agent's tabs (B5).
    AgentChanged,
    /// No other tab took the emergency callback this tab received without owning it: answer
    /// it (the tab election's verdict, B5).
    CallbackUnclaimed {
        /// The callback's call id.
        call_id: String,
    },
    /// Another tab took the emergency callback this tab received too: leave it (B5).
    CallbackClaimed {
        /// The callback's call id.
        call_id: String,
    },
    /// A message from another tab of the same agent (B5).
    TabMessage(TabMessage),
    /// The shell read the saved episode, as [`Effect::LoadEpisode`] asked (B5).
    EpisodeLoaded(Result<Option<Episode>, String>),
    /// The host answered `calling.activeCalls`, as [`Effect::ListActiveCalls`] asked (B5).
    ActiveCalls(ActiveCalls),
    /// The agent chose audio devices (browser `deviceId`s; `None` = the system default).
    SelectAudioDevices {
        /// Microphone.
        input: Option<String>,
        /// Speaker.
        output: Option<String>,
    },
}

/// What the shell must do, handed out one by one by
/// [`Dialer::poll_effect`](super::Dialer::poll_effect). Run in order, each at once;
/// [`Effect::PlaceCall`] is always the first of its event's effects.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Call `calling.dial(request)` now, in this task.
    PlaceCall {
        /// The widget's handle, for the answer.
        key: CallKey,
        /// The request.
        request: DialRequest,
    },
    /// `calling.hangUp(callId)`.
    HangUp {
        /// The host's call id.
        call_id: String,
    },
    /// `calling.answer(callId)`.
    Answer {
        /// The host's call id.
        call_id: String,
    },
    /// `calling.hold(callId, onHold)`.
    Hold {
        /// The host's call id.
        call_id: String,
        /// Hold or resume.
        on_hold: bool,
    },
    /// `calling.mute(callId, muted)`.
    Mute {
        /// The host's call id.
        call_id: String,
        /// Mute or unmute.
        muted: bool,
    },
    /// `calling.sendDtmf(callId, digits)`.
    SendDtmf {
        /// The host's call id.
        call_id: String,
        /// Digits `0-9*#`.
        digits: String,
    },
    /// `presence.set(status)`; report with [`Event::PresenceSet`].
    SetPresence(String),
    /// `notification.sendEmail(message)`; report with [`Event::EmailSent`].
    SendEmail {
        /// Which email.
        kind: EmailKind,
        /// The message.
        message: EmailMessage,
    },
    /// `conversation.setEmergencyMode(active)` (E9).
    SetHostEmergencyMode(bool),
    /// `activity.record(entry)`; never for an emergency call (E6).
    RecordActivity(ActivityEntry),
    /// Arm (or re-arm) a timer; report with [`Event::TimerFired`].
    ArmTimer {
        /// Which timer.
        id: TimerId,
        /// When.
        at: Millis,
    },
    /// Cancel a timer.
    CancelTimer(TimerId),
    /// Dispatch a `dialer:*` event to the host.
    Emit(HostEvent),
    /// Save the emergency episode (B5); `None` clears it.
    Persist(Option<Episode>),
    /// Read the saved episode; report with [`Event::EpisodeLoaded`] (B5).
    LoadEpisode,
    /// Send a message to the agent's other tabs (B5).
    PostToTabs(TabMessage),
    /// `calling.activeCalls()` (optional binding); report with [`Event::ActiveCalls`], also
    /// when the host does not provide it.
    ListActiveCalls,
    /// `calling.setAudioDevices({ inputId, outputId })` (optional binding).
    SetAudioDevices {
        /// Microphone `deviceId`; `None` = the system default.
        input: Option<String>,
        /// Speaker `deviceId`; `None` = the system default.
        output: Option<String>,
    },
}
