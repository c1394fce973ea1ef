//! Emergency-calling readiness (SPEC E10, B6). Deterministic; no clock, no IO; total.
//!
//! PLACEHOLDER: issue 4's readiness work replaces the internals; signatures are the contract.

use serde::{Deserialize, Serialize};

use super::model::{Location, LocationStatus};
use super::notify::Recipients;

/// The agent's calling number type (HOST_CONTRACT `readiness.numberType`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumberType {
    /// The platform's own number.
    CallingPlan,
    /// A third-party carrier's number.
    DirectRouting,
}

/// E10 facts the host knows (HOST_CONTRACT `config.readiness`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessFacts {
    /// The capacity profile maps to a voice outbound profile.
    pub voice_outbound_profile: bool,
    /// The agent's mailbox is enabled for the notification.
    pub mailbox_enabled: bool,
    /// Calling-plan or direct-routing number.
    pub number_type: NumberType,
    /// With direct routing: the carrier has a rule that handles emergency numbers.
    #[serde(default)]
    pub direct_routing_emergency_rule: bool,
    /// The tenant also has a calling-plan ("direct offer") number.
    #[serde(default)]
    pub direct_offer_number: bool,
}

/// How an emergency call would be routed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RoutePath {
    /// The calling-plan number.
    CallingPlan,
    /// The direct-routing carrier handles it.
    DirectRouting,
    /// Direct routing has no matching rule; the direct-offer number takes it.
    DirectOfferFallback,
    /// No path can carry an emergency call.
    NotRoutable,
}

/// The voice routing path for an emergency call.
pub fn route(facts: &ReadinessFacts) -> RoutePath {
    match facts.number_type {
        NumberType::CallingPlan => RoutePath::CallingPlan,
        NumberType::DirectRouting if facts.direct_routing_emergency_rule => {
            RoutePath::DirectRouting
        }
        NumberType::DirectRouting if facts.direct_offer_number => RoutePath::DirectOfferFallback,
        NumberType::DirectRouting => RoutePath::NotRoutable,
    }
}

/// One requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// Capacity profile maps to a voice outbound profile.
    VoiceOutboundProfile,
    /// The browser location setting is on.
    Location,
    /// The location lies in a supported region.
    SupportedRegion,
    /// The mailbox is enabled for the notification.
    Mailbox,
    /// A routing path exists for emergency calls.
    EmergencyRouting,
    /// The emergency contacts are valid.
    EmergencyContacts,
}

impl CheckId {
    /// The id string used in `dialer:readiness`.
    pub fn as_str(self) -> &'static str {
        match self {
            CheckId::VoiceOutboundProfile => "voice-outbound-profile",
            CheckId::Location => "location",
            CheckId::SupportedRegion => "supported-region",
            CheckId::Mailbox => "mailbox",
            CheckId::EmergencyRouting => "emergency-routing",
            CheckId::EmergencyContacts => "emergency-contacts",
        }
    }
}

/// One evaluated requirement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Check {
    /// Which requirement.
    pub id: CheckId,
    /// Whether it is met.
    pub ok: bool,
    /// English sentence: what is the case and, when not ok, what to do (for the host event).
    pub message: String,
}

/// The readiness report (B6).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReadinessReport {
    /// True when every check passes.
    pub ready: bool,
    /// Every requirement.
    pub checks: Vec<Check>,
    /// The routing path, when the host reported its facts.
    pub route: Option<RoutePath>,
}

/// Evaluates every requirement.
pub fn evaluate(
    facts: Option<&ReadinessFacts>,
    location: &Location,
    supported_regions: &[String],
    recipients: &Recipients,
) -> ReadinessReport {
    let mut checks = Vec::new();
    let loc_ok = location.status == LocationStatus::Granted;
    checks.push(Check {
        id: CheckId::Location,
        ok: loc_ok,
        message: String::new(),
    });
    let region_ok = location
        .region
        .as_ref()
        .is_some_and(|r| supported_regions.contains(r));
    checks.push(Check {
        id: CheckId::SupportedRegion,
        ok: region_ok,
        message: String::new(),
    });
    if let Some(f) = facts {
        checks.push(Check {
            id: CheckId::VoiceOutboundProfile,
            ok: f.voice_outbound_profile,
            message: String::new(),
        });
        checks.push(Check {
            id: CheckId::Mailbox,
            ok: f.mailbox_enabled,
            message: String::new(),
        });
        checks.push(Check {
            id: CheckId::EmergencyRouting,
            ok: route(f) != RoutePath::NotRoutable,
            message: String::new(),
        });
    }
    checks.push(Check {
        id: CheckId::EmergencyContacts,
        ok: recipients.problems.is_empty(),
        message: String::new(),
    });
    ReadinessReport {
        ready: checks.iter().all(|c| c.ok),
        checks,
        route: facts.map(route),
    }
}
