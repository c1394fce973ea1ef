//! What the agent sees and what `dialer.state()` returns, derived from the flow's state.
//! Deterministic; no clock, no IO.

use serde::Serialize;

use super::flow::{
    Call, CallbackWindow, EmergencyWarning, Notice, NotificationState, Problem, State, Unconfirmed,
};
use super::model::{Location, LocationStatus, Millis};
use super::readiness::ReadinessReport;
use super::time::iso8601;
use super::wire::{CallKind, CallStatus, Direction, DispatchLocation, PeerEmergency};

/// The emergency banner's content (E5).
#[derive(Clone, Debug, PartialEq)]
pub struct EmergencyView {
    /// The emergency number (or, for the callback, the caller).
    pub number: String,
    /// True for the emergency service's callback.
    pub callback_call: bool,
    /// The location being sent, when known.
    pub location: Option<DispatchLocation>,
    /// The civic address configured (shown even without coordinates).
    pub civic_address: Option<String>,
    /// The region, when known.
    pub region: Option<String>,
    /// The E12 warning, if any.
    pub warning: Option<EmergencyWarning>,
    /// The notification's state.
    pub notification: Option<NotificationState>,
    /// Shown without the host's confirmation that the call exists (E11).
    pub unconfirmed: Option<Unconfirmed>,
}

/// Which controls the pane offers. In emergency mode only `devices` and `end` (E5).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Controls {
    /// Number field, keypad and Call.
    pub dialpad: bool,
    /// Answer and Decline.
    pub answer: bool,
    /// End call.
    pub end: bool,
    /// Mute.
    pub mute: bool,
    /// Hold / resume.
    pub hold: bool,
    /// Keypad for DTMF.
    pub dtmf: bool,
    /// Audio device settings.
    pub devices: bool,
}

/// Everything the UI renders. Compared with `PartialEq` so unchanged views skip re-rendering.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewModel {
    /// The foreground call.
    pub call: Option<Call>,
    /// The held call.
    pub held: Option<Call>,
    /// The incoming call offered (caller).
    pub incoming_from: Option<String>,
    /// Present in emergency mode.
    pub emergency: Option<EmergencyView>,
    /// What the pane offers.
    pub controls: Controls,
    /// The current notice.
    pub notice: Option<Notice>,
    /// Binding failures to show.
    pub problems: Vec<Problem>,
    /// Readiness (B6).
    pub readiness: ReadinessReport,
    /// The agent's presence.
    pub presence: Option<String>,
    /// Where the agent is.
    pub location: Location,
    /// The open callback window.
    pub callback: Option<CallbackWindow>,
    /// The configured BCP 47 locale (`config.locale`), if any.
    pub locale: Option<String>,
    /// Who is emailed about an emergency call (E7), read-only in the pane.
    pub contacts: Vec<String>,
    /// The host lets this user edit the emergency settings in the pane (`config.permissions`).
    pub edit_settings: bool,
    /// The chosen audio devices (microphone, speaker); `None` = system default.
    pub audio_devices: (Option<String>, Option<String>),
    /// An emergency call in progress in another tab (B5).
    pub peer_emergency: Option<PeerEmergency>,
}

impl State {
    /// The view model at `now`.
    pub fn view(&self, now: Millis) -> ViewModel {
        let emergency = self
            .calls
            .call
            .as_ref()
            .filter(|c| c.kind.is_emergency())
            .map(|c| EmergencyView {
                number: c.number.clone(),
                callback_call: c.kind == CallKind::EmergencyCallback,
                location: self.dispatch_location(),
                civic_address: self.config.civic_address.clone(),
                region: self.location.region.clone(),
                warning: c.warning.clone(),
                notification: self.notification.clone(),
                unconfirmed: c.unconfirmed,
            });
        let controls = match (&self.calls.call, &emergency) {
            (_, Some(_)) => Controls {
                end: true,
                devices: true,
                ..Controls::default()
            },
            (Some(c), None) => {
                let connected = c.status == CallStatus::Connected;
                Controls {
                    end: true,
                    mute: connected,
                    hold: connected,
                    dtmf: connected && !c.on_hold,
                    devices: true,
                    answer: self.calls.incoming.is_some(),
                    ..Controls::default()
                }
            }
            (None, None) => Controls {
                dialpad: true,
                answer: self.calls.incoming.is_some(),
                devices: true,
                ..Controls::default()
            },
        };
        ViewModel {
            call: self.calls.call.clone(),
            held: self.calls.held.clone(),
            incoming_from: self
                .calls
                .incoming
                .as_ref()
                .filter(|_| emergency.is_none())
                .map(|i| i.from.clone()),
            emergency,
            controls,
            notice: self.notice.clone(),
            problems: self.problems.clone(),
            readiness: self.readiness(),
            presence: self.presence.clone(),
            location: self.location.clone(),
            callback: self.callback_window(now).cloned(),
            locale: self.config.locale.clone(),
            contacts: self.config.recipients.valid.clone(),
            edit_settings: self.config.permissions.edit_emergency_settings,
            audio_devices: self.audio_devices.clone(),
            peer_emergency: self.peer_emergency.clone(),
        }
    }

    /// `dialer.state()` (HOST_CONTRACT Snapshot).
    pub fn snapshot(&self, now: Millis) -> Snapshot {
        Snapshot {
            presence: self.presence.clone(),
            saved_presence: self.episode.saved_presence.clone(),
            call: self.calls.call.as_ref().map(SnapshotCall::from),
            held_call: self.calls.held.as_ref().map(SnapshotCall::from),
            emergency_mode: self
                .calls
                .call
                .as_ref()
                .is_some_and(|c| c.kind.is_emergency()),
            callback_window: self.callback_window(now).map(|w| SnapshotWindow {
                number: w.number.clone(),
                expires_at: iso8601(w.expires_at),
            }),
            region: self.location.region.clone(),
            location_status: self.location.status,
            peer_emergency: self.peer_emergency.clone(),
        }
    }
}

/// `dialer.state().call`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotCall {
    /// The host's id, once known.
    pub call_id: Option<String>,
    /// The number.
    pub number: String,
    /// Emergency (outbound or callback).
    pub emergency: bool,
    /// `dialing` | `ringing` | `answering` | `connected`.
    pub status: CallStatus,
    /// `ordinary` | `test-call` | `emergency` | `emergency-callback` (added member).
    pub kind: CallKind,
    /// `outbound` | `inbound` (added member).
    pub direction: Direction,
    /// On hold (added member).
    pub on_hold: bool,
    /// Muted (added member).
    pub muted: bool,
}

impl From<&Call> for SnapshotCall {
    fn from(c: &Call) -> Self {
        SnapshotCall {
            call_id: c.call_id.clone(),
            number: c.number.clone(),
            emergency: c.kind.is_emergency(),
            status: c.status,
            kind: c.kind,
            direction: c.direction,
            on_hold: c.on_hold,
            muted: c.muted,
        }
    }
}

/// `dialer.state().callbackWindow`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SnapshotWindow {
    /// The callback number.
    pub number: String,
    /// ISO 8601 UTC.
    pub expires_at: String,
}

/// HOST_CONTRACT `DialerSnapshot`.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    /// Current presence.
    pub presence: Option<String>,
    /// Presence to restore after the emergency.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saved_presence: Option<String>,
    /// The foreground call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub call: Option<SnapshotCall>,
    /// A held call (added member).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub held_call: Option<SnapshotCall>,
    /// The pane is in emergency mode.
    pub emergency_mode: bool,
    /// The open callback window.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_window: Option<SnapshotWindow>,
    /// The agent's region, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Location status.
    pub location_status: LocationStatus,
    /// An emergency call in progress in another tab (added member, B5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub peer_emergency: Option<PeerEmergency>,
}
