//! The shapes the host sees (HOST_CONTRACT): what `calling.dial` receives, what
//! `calling.subscribe` delivers, the `dialer:*` event details, the call-history entry and the
//! call fields of `dialer.state()`. Plain data with their JSON names; no decisions here.
//! Deterministic; no clock, no IO.

use serde::{Deserialize, Serialize};

use super::names::{Binding, EventName};

/// Which way a call goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Placed by the agent.
    Outbound,
    /// Received by the agent.
    Inbound,
}

/// What kind of call it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CallKind {
    /// Any ordinary call.
    Ordinary,
    /// The US 933 test call (B2): not an emergency.
    TestCall,
    /// An outbound emergency call.
    Emergency,
    /// The emergency service calling back on the callback number (E4).
    EmergencyCallback,
}

impl CallKind {
    /// True for emergency calls, outbound and callback.
    pub fn is_emergency(self) -> bool {
        matches!(self, CallKind::Emergency | CallKind::EmergencyCallback)
    }
}

/// Where a call is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CallStatus {
    /// Dial requested; the host has not reported ringing yet.
    Dialing,
    /// The far end is ringing.
    Ringing,
    /// Answer requested for an inbound call; not yet connected.
    Answering,
    /// Media is up.
    Connected,
}

/// Why a call ended (HOST_CONTRACT `CallEvent` `ended.reason`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EndReason {
    /// The agent hung up.
    Local,
    /// The far end hung up.
    Remote,
    /// The connection was lost.
    Dropped,
    /// The call could not be set up.
    Failed,
}

/// The dispatchable location sent with an emergency call (B3), HOST_CONTRACT `DialRequest.location`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DispatchLocation {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// Accuracy in metres.
    pub accuracy_meters: f64,
    /// Confirmed civic address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub civic_address: Option<String>,
}

/// HOST_CONTRACT `DialRequest`: what `calling.dial` receives.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DialRequest {
    /// Normalised digits to dial.
    pub number: String,
    /// What the agent typed.
    pub dialed: String,
    /// True for an emergency number.
    pub emergency: bool,
    /// False for every emergency call (E6).
    pub record: bool,
    /// The agent's region, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The dispatchable location, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<DispatchLocation>,
    /// Civic address when no coordinates are known (B3); the host may carry it as it can.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub civic_address: Option<String>,
}

/// HOST_CONTRACT `CallEvent`, as the host's `calling.subscribe` listener receives it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum CallEvent {
    /// An outbound call is ringing.
    #[serde(rename_all = "camelCase")]
    Ringing {
        /// The host's call id.
        call_id: String,
    },
    /// Media is up.
    #[serde(rename_all = "camelCase")]
    Connected {
        /// The host's call id.
        call_id: String,
    },
    /// The call ended.
    #[serde(rename_all = "camelCase")]
    Ended {
        /// The host's call id.
        call_id: String,
        /// Why.
        reason: EndReason,
    },
    /// A call is coming in.
    #[serde(rename_all = "camelCase")]
    Incoming {
        /// The host's call id.
        call_id: String,
        /// Caller.
        from: String,
        /// Called number.
        to: String,
    },
    /// The temporary callback number for emergency call `call_id` (E3).
    #[serde(rename_all = "camelCase")]
    CallbackNumber {
        /// The emergency call it belongs to.
        call_id: String,
        /// The callback number.
        number: String,
        /// How long the network keeps it, in seconds.
        valid_for_seconds: f64,
    },
}

/// HOST_CONTRACT `ActivityEntry`: call history for ordinary calls only (E6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityEntry {
    /// The host's call id.
    pub call_id: String,
    /// The number.
    pub number: String,
    /// Which way.
    pub direction: Direction,
    /// ISO 8601.
    pub started_at: String,
    /// ISO 8601.
    pub ended_at: String,
}

/// An emergency call held by another tab of the same agent (B5): `dialer.state().peerEmergency`
/// and the tab messages.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeerEmergency {
    /// The host's call id, once known.
    pub call_id: Option<String>,
    /// The emergency number.
    pub number: String,
}

/// Status of the emergency notification (E7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NotificationStatus {
    /// Handed to the host, no answer yet.
    Sending,
    /// The host sent it.
    Sent,
    /// It could not be sent.
    Failed,
    /// No emergency contacts are configured.
    Skipped,
}

/// One readiness check as the host sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckDetail {
    /// Stable id, e.g. `"location"`.
    pub id: &'static str,
    /// Met or not.
    pub ok: bool,
    /// English text with the remedy.
    pub message: String,
}

/// Lifecycle events for the host (B4), dispatched as `dialer:*` DOM events and iframe messages.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum HostEvent {
    /// `dialer:emergency-started`
    #[serde(rename_all = "camelCase")]
    EmergencyStarted {
        /// The host's call id.
        call_id: String,
        /// The emergency number.
        number: String,
        /// The agent's region, when known.
        region: Option<String>,
        /// The dispatchable location, when known.
        #[serde(skip_serializing_if = "Option::is_none")]
        location: Option<DispatchLocation>,
        /// `"outbound"`, or `"inbound"` for the emergency callback.
        direction: Direction,
    },
    /// `dialer:emergency-connected`
    #[serde(rename_all = "camelCase")]
    EmergencyConnected {
        /// The host's call id.
        call_id: String,
    },
    /// `dialer:emergency-ended`
    #[serde(rename_all = "camelCase")]
    EmergencyEnded {
        /// The host's call id (absent when the dial itself failed).
        call_id: Option<String>,
        /// Why.
        reason: EndReason,
    },
    /// `dialer:callback-window`
    #[serde(rename_all = "camelCase")]
    CallbackWindow {
        /// The callback number.
        number: String,
        /// ISO 8601 UTC.
        expires_at: String,
        /// True when opened, false when expired.
        open: bool,
    },
    /// `dialer:notification`
    #[serde(rename_all = "camelCase")]
    Notification {
        /// `"sent"`, `"failed"` or `"skipped"`.
        status: NotificationStatus,
        /// The addresses.
        recipients: Vec<String>,
        /// What went wrong.
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<String>,
    },
    /// `dialer:readiness`
    #[serde(rename_all = "camelCase")]
    Readiness {
        /// All checks pass.
        ready: bool,
        /// Each check.
        checks: Vec<CheckDetail>,
    },
    /// `dialer:error`
    #[serde(rename_all = "camelCase")]
    Error {
        /// Which binding.
        binding: Binding,
        /// The error.
        message: String,
    },
}

impl HostEvent {
    /// Which `dialer:*` event this is.
    pub fn name(&self) -> EventName {
        match self {
            HostEvent::EmergencyStarted { .. } => EventName::EmergencyStarted,
            HostEvent::EmergencyConnected { .. } => EventName::EmergencyConnected,
            HostEvent::EmergencyEnded { .. } => EventName::EmergencyEnded,
            HostEvent::CallbackWindow { .. } => EventName::CallbackWindow,
            HostEvent::Notification { .. } => EventName::Notification,
            HostEvent::Readiness { .. } => EventName::Readiness,
            HostEvent::Error { .. } => EventName::Error,
        }
    }
}
