//! Emergency-calling readiness (SPEC E10, B6): one report saying whether each requirement for
//! emergency calling is met right now and, when not, what to do.
//! Deterministic; no clock, no IO; total.
//!
//! Readiness is information for the agent, the administrator and the host. It never blocks
//! or delays an emergency call (SPEC E11): nothing in the dialing path consults it.
//!
//! Each [`Check`] carries a [`CheckReason`] (a code a translated UI can show in its own words,
//! with the data it needs) and `message`, the English text for the `dialer:readiness` event,
//! which states the problem and the remedy.

use std::fmt;
use std::ops::Deref;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::emergency;
use super::model::{Location, LocationStatus};
use super::notify::{RecipientProblem, Recipients};

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

impl RoutePath {
    /// The kebab-case id, as serialised (e.g. `"direct-offer-fallback"`).
    pub fn as_str(self) -> &'static str {
        match self {
            RoutePath::CallingPlan => "calling-plan",
            RoutePath::DirectRouting => "direct-routing",
            RoutePath::DirectOfferFallback => "direct-offer-fallback",
            RoutePath::NotRoutable => "not-routable",
        }
    }
}

/// The voice routing path for an emergency call (SPEC E10): a calling-plan number routes
/// itself; direct routing needs a rule matching the emergency number, and without one the
/// tenant's calling-plan ("direct offer") number, if any, takes the call.
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
    /// Every check, in the order of the report.
    pub const ALL: [CheckId; 6] = [
        CheckId::VoiceOutboundProfile,
        CheckId::Location,
        CheckId::SupportedRegion,
        CheckId::Mailbox,
        CheckId::EmergencyRouting,
        CheckId::EmergencyContacts,
    ];

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

/// Why a check has its outcome: a code with its data, for a UI that words it in its own
/// language. [`CheckReason::is_ok`] is the outcome; `Display` is the English message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum CheckReason {
    /// The host did not pass `config.readiness`, so this host fact is unknown (not ok).
    HostDidNotReport {
        /// The check whose fact is missing.
        check: CheckId,
    },
    /// The capacity profile maps to a voice outbound profile (ok).
    VoiceOutboundProfileMapped,
    /// The capacity profile does not map to a voice outbound profile (not ok).
    VoiceOutboundProfileMissing,
    /// Location permission granted and a position known (ok).
    LocationGranted,
    /// The location comes from the administrator's `locationOverride` (ok).
    LocationOverridden,
    /// Location is blocked for this site (not ok).
    LocationDenied,
    /// The browser has not been allowed to share location yet (not ok).
    LocationPrompt,
    /// The browser could not determine the position (not ok).
    LocationUnavailable,
    /// Location has not been checked yet (not ok).
    LocationUnknown,
    /// The region is one where emergency calling is supported (ok).
    RegionSupported {
        /// The region, ISO 3166-1 alpha-2.
        region: String,
    },
    /// The region is known and not supported (not ok).
    RegionUnsupported {
        /// The region, ISO 3166-1 alpha-2.
        region: String,
        /// The supported regions.
        supported: Vec<String>,
        /// The region's own emergency numbers, to dial from another phone (may be empty).
        local_numbers: Vec<String>,
    },
    /// A position is known but its region has not been determined yet (not ok).
    RegionPending,
    /// No location, so the region cannot be checked (not ok).
    RegionUnknown,
    /// The agent's mailbox is enabled for the notification (ok).
    MailboxEnabled,
    /// The agent's mailbox is not enabled for the notification (not ok).
    MailboxDisabled,
    /// Emergency calls have a routing path (ok).
    Routable {
        /// The path.
        path: RoutePath,
    },
    /// No routing path can carry an emergency call (not ok).
    NotRoutable,
    /// No emergency contacts are configured; no email is sent, which is allowed (ok).
    NoContacts,
    /// Every configured emergency contact is a valid address (ok).
    ContactsValid {
        /// How many distinct addresses get the email.
        count: usize,
    },
    /// Some emergency contacts are not valid addresses (not ok).
    ContactsInvalid {
        /// The bad entries, with positions and reasons.
        problems: ContactProblems,
        /// How many valid addresses still get the email.
        valid: usize,
    },
}

/// The bad entries of the emergency contacts, in order: the configuration's own parsed list,
/// shared, not copied into every report (and every copy of one the pane keeps).
#[derive(Clone, Debug)]
pub struct ContactProblems(Rc<Recipients>);

impl Deref for ContactProblems {
    type Target = [RecipientProblem];

    fn deref(&self) -> &[RecipientProblem] {
        &self.0.problems
    }
}

impl PartialEq for ContactProblems {
    fn eq(&self, other: &ContactProblems) -> bool {
        **self == **other
    }
}

impl Eq for ContactProblems {}

impl CheckReason {
    /// Whether the requirement is met.
    pub fn is_ok(&self) -> bool {
        if let CheckReason::Routable { path } = self {
            return *path != RoutePath::NotRoutable;
        }
        matches!(
            self,
            CheckReason::VoiceOutboundProfileMapped
                | CheckReason::LocationGranted
                | CheckReason::LocationOverridden
                | CheckReason::RegionSupported { .. }
                | CheckReason::MailboxEnabled
                | CheckReason::NoContacts
                | CheckReason::ContactsValid { .. }
        )
    }

    /// A stable kebab-case code for the reason (e.g. `"location-denied"`), for UIs and logs.
    pub fn code(&self) -> &'static str {
        match self {
            CheckReason::HostDidNotReport { .. } => "host-did-not-report",
            CheckReason::VoiceOutboundProfileMapped => "voice-outbound-profile-mapped",
            CheckReason::VoiceOutboundProfileMissing => "voice-outbound-profile-missing",
            CheckReason::LocationGranted => "location-granted",
            CheckReason::LocationOverridden => "location-overridden",
            CheckReason::LocationDenied => "location-denied",
            CheckReason::LocationPrompt => "location-prompt",
            CheckReason::LocationUnavailable => "location-unavailable",
            CheckReason::LocationUnknown => "location-unknown",
            CheckReason::RegionSupported { .. } => "region-supported",
            CheckReason::RegionUnsupported { .. } => "region-unsupported",
            CheckReason::RegionPending => "region-pending",
            CheckReason::RegionUnknown => "region-unknown",
            CheckReason::MailboxEnabled => "mailbox-enabled",
            CheckReason::MailboxDisabled => "mailbox-disabled",
            CheckReason::Routable { .. } => "routable",
            CheckReason::NotRoutable => "not-routable",
            CheckReason::NoContacts => "no-contacts",
            CheckReason::ContactsValid { .. } => "contacts-valid",
            CheckReason::ContactsInvalid { .. } => "contacts-invalid",
        }
    }
}

/// `a`, `a or b`, `a, b or c` (with `word` = "or").
fn list(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {word} {last}", rest.join(", ")),
    }
}

impl fmt::Display for CheckReason {
    /// The English message: what is the case and, when not ok, what to do.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckReason::HostDidNotReport { check } => {
                let what = match check {
                    CheckId::VoiceOutboundProfile => {
                        "whether the agent's capacity profile maps to a voice outbound profile"
                    }
                    CheckId::Mailbox => {
                        "whether the agent's mailbox is enabled for the emergency notification"
                    }
                    CheckId::EmergencyRouting => {
                        "how emergency calls are routed (calling plan or direct routing)"
                    }
                    _ => "this requirement",
                };
                write!(
                    f,
                    "The host application has not reported {what}, so it cannot be checked. Ask the host developer to pass these facts in the dialer's readiness configuration (config.readiness)."
                )
            }
            CheckReason::VoiceOutboundProfileMapped => {
                f.write_str("The agent's capacity profile maps to a voice outbound profile.")
            }
            CheckReason::VoiceOutboundProfileMissing => f.write_str(
                "The agent's capacity profile does not map to a voice outbound profile, so outbound calls cannot be placed. Ask an administrator to map the agent's capacity profile to a voice outbound profile.",
            ),
            CheckReason::LocationGranted => f.write_str("Location is turned on in the browser."),
            CheckReason::LocationOverridden => f.write_str(
                "The location is set by the administrator (location override), not read from the browser.",
            ),
            CheckReason::LocationDenied => f.write_str(
                "Location is turned off for this site in the browser. Allow location for this site in the browser's site settings (the icon at the left of the address bar), then reload the page.",
            ),
            CheckReason::LocationPrompt => f.write_str(
                "The browser has not been allowed to share the location yet. Choose Allow when the browser asks for the location; if it does not ask, allow location for this site in the browser's site settings and reload the page.",
            ),
            CheckReason::LocationUnavailable => f.write_str(
                "The browser could not determine the location (no location service, or it timed out). Turn on location services for the browser in the computer's privacy settings, then reload the page; if it still fails, ask an administrator to set a location override.",
            ),
            CheckReason::LocationUnknown => f.write_str(
                "The location has not been checked yet. Wait a moment; if this message stays, reload the page and allow location when the browser asks.",
            ),
            CheckReason::RegionSupported { region } => {
                write!(f, "The location is in {region}, where emergency calling is supported.")
            }
            CheckReason::RegionUnsupported { region, supported, local_numbers } => {
                write!(f, "The location is in {region}, where emergency calling from this dialer is not supported")?;
                if supported.is_empty() {
                    f.write_str(" (no region is configured as supported). ")?;
                } else {
                    write!(f, " (supported: {}). ", supported.join(", "))?;
                }
                if local_numbers.is_empty() {
                    f.write_str("In an emergency, use another phone and dial the local emergency number.")
                } else {
                    write!(f, "In an emergency, use another phone and dial {}.", list(local_numbers, "or"))
                }
            }
            CheckReason::RegionPending => f.write_str(
                "The location is known but its region has not been determined yet. Wait a moment; if this message stays, ask an administrator to set the region in a location override.",
            ),
            CheckReason::RegionUnknown => f.write_str(
                "The region cannot be checked because the location is not available. Fix the location first (see the location check).",
            ),
            CheckReason::MailboxEnabled => {
                f.write_str("The agent's mailbox is enabled for the emergency notification.")
            }
            CheckReason::MailboxDisabled => f.write_str(
                "The agent's mailbox is not enabled for the emergency notification, so the emergency contacts will not be emailed. Ask an administrator to enable the agent's mailbox for notifications.",
            ),
            CheckReason::Routable { path } => match path {
                RoutePath::CallingPlan => {
                    f.write_str("Emergency calls are routed through the agent's calling-plan number.")
                }
                RoutePath::DirectRouting => f.write_str(
                    "Emergency calls are routed through the direct-routing carrier, which has a rule for emergency numbers.",
                ),
                RoutePath::DirectOfferFallback => f.write_str(
                    "No direct-routing rule matches the emergency number, so emergency calls take the calling-plan (direct offer) path.",
                ),
                RoutePath::NotRoutable => f.write_str(
                    "No path can carry an emergency call. Ask the telephony administrator to add a direct-routing rule for emergency numbers or to assign a calling-plan number.",
                ),
            },
            CheckReason::NotRoutable => f.write_str(
                "Emergency calls cannot be routed: the agent has a direct-routing number, no direct-routing rule handles emergency numbers, and there is no calling-plan (direct offer) number. Ask the telephony administrator to add a direct-routing rule for emergency numbers or to assign a calling-plan number.",
            ),
            CheckReason::NoContacts => f.write_str(
                "No emergency contacts are configured, so no one is emailed when an emergency number is dialed. To notify someone (for example a security desk), add their addresses to the emergency contacts, separated by semicolons.",
            ),
            CheckReason::ContactsValid { count: 1 } => {
                f.write_str("The emergency contact is a valid email address.")
            }
            CheckReason::ContactsValid { count } => {
                write!(f, "All {count} emergency contacts are valid email addresses.")
            }
            CheckReason::ContactsInvalid { problems, valid } => {
                let mut positions = Vec::with_capacity(problems.len());
                for p in problems.iter() {
                    positions.push(p.position.to_string());
                }
                let (noun, verb) = if problems.len() == 1 { ("contact", "is") } else { ("contacts", "are") };
                write!(f, "Emergency {noun} {} {verb} not valid: ", list(&positions, "and"))?;
                for (i, p) in problems.iter().enumerate() {
                    if i > 0 {
                        f.write_str("; ")?;
                    }
                    write!(f, "{p}")?;
                }
                match valid {
                    0 => f.write_str(". No one gets the emergency email."),
                    1 => f.write_str(". The 1 valid address still gets it."),
                    n => write!(f, ". The {n} valid addresses still get it."),
                }?;
                f.write_str(" Correct the emergency contacts (addresses separated by semicolons).")
            }
        }
    }
}

/// One evaluated requirement.
#[derive(Clone, Debug, Serialize)]
pub struct Check {
    /// Which requirement.
    pub id: CheckId,
    /// Whether it is met (`reason.is_ok()`).
    pub ok: bool,
    /// English sentence: what is the case and, when not ok, what to do (for the host event).
    pub message: String,
    /// Why, as a code with data, for a localised UI (not part of the host event).
    #[serde(skip)]
    pub reason: CheckReason,
}

/// Two checks are equal when they say the same: the same requirement, outcome and message —
/// what `dialer:readiness` carries, so a report counts as changed exactly when the host would
/// be told something new. The message states the reason with its data (the region, the
/// regions supported, each bad contact with its position), so the reason is not compared
/// again (a derived comparison of every reason's data was 685 B of the wasm).
impl PartialEq for Check {
    fn eq(&self, other: &Check) -> bool {
        self.id == other.id && self.ok == other.ok && self.message == other.message
    }
}

impl Eq for Check {}

impl Check {
    /// The check for `id` with outcome and message taken from `reason`.
    pub fn new(id: CheckId, reason: CheckReason) -> Check {
        Check {
            id,
            ok: reason.is_ok(),
            message: reason.to_string(),
            reason,
        }
    }
}

/// The readiness report (B6). Serialises as the `dialer:readiness` detail
/// (`{ ready, checks: [{ id, ok, message }] }`, plus `route` when known).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ReadinessReport {
    /// True when every check passes.
    pub ready: bool,
    /// Every requirement, in [`CheckId::ALL`] order.
    pub checks: Vec<Check>,
    /// The routing path, when the host reported its facts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub route: Option<RoutePath>,
}

impl ReadinessReport {
    /// The check for `id`.
    pub fn check(&self, id: CheckId) -> Option<&Check> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The checks that are not met, in order.
    pub fn unmet(&self) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(|c| !c.ok)
    }
}

fn location_reason(location: &Location) -> CheckReason {
    if location.overridden && (location.region.is_some() || location.coords.is_some()) {
        return CheckReason::LocationOverridden;
    }
    match location.status {
        LocationStatus::Granted => CheckReason::LocationGranted,
        LocationStatus::Denied => CheckReason::LocationDenied,
        LocationStatus::Prompt => CheckReason::LocationPrompt,
        LocationStatus::Unavailable => CheckReason::LocationUnavailable,
        LocationStatus::Unknown => CheckReason::LocationUnknown,
    }
}

fn region_reason(location: &Location, supported_regions: &[String]) -> CheckReason {
    let region = location
        .region
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    match region {
        Some(region) => {
            let region = region.to_ascii_uppercase();
            if supported_regions
                .iter()
                .any(|s| s.trim().eq_ignore_ascii_case(&region))
            {
                CheckReason::RegionSupported { region }
            } else {
                CheckReason::RegionUnsupported {
                    local_numbers: emergency::emergency_numbers(&region)
                        .iter()
                        .map(|n| n.to_string())
                        .collect(),
                    supported: supported_regions.to_vec(),
                    region,
                }
            }
        }
        None if location.coords.is_some() => CheckReason::RegionPending,
        None => CheckReason::RegionUnknown,
    }
}

fn contacts_reason(recipients: &Rc<Recipients>) -> CheckReason {
    match (recipients.valid.len(), recipients.problems.is_empty()) {
        (0, true) => CheckReason::NoContacts,
        (count, true) => CheckReason::ContactsValid { count },
        (valid, false) => CheckReason::ContactsInvalid {
            problems: ContactProblems(Rc::clone(recipients)),
            valid,
        },
    }
}

/// Evaluates every requirement of E10, one [`Check`] per [`CheckId`] in [`CheckId::ALL`]
/// order. Without host facts (`None`) the host-fact checks are not ok and say so.
pub fn evaluate(
    facts: Option<&ReadinessFacts>,
    location: &Location,
    supported_regions: &[String],
    recipients: &Rc<Recipients>,
) -> ReadinessReport {
    let checks: Vec<Check> = CheckId::ALL
        .iter()
        .map(|&id| {
            let reason = match (id, facts) {
                (
                    CheckId::VoiceOutboundProfile | CheckId::Mailbox | CheckId::EmergencyRouting,
                    None,
                ) => CheckReason::HostDidNotReport { check: id },
                (CheckId::VoiceOutboundProfile, Some(f)) => {
                    if f.voice_outbound_profile {
                        CheckReason::VoiceOutboundProfileMapped
                    } else {
                        CheckReason::VoiceOutboundProfileMissing
                    }
                }
                (CheckId::Mailbox, Some(f)) => {
                    if f.mailbox_enabled {
                        CheckReason::MailboxEnabled
                    } else {
                        CheckReason::MailboxDisabled
                    }
                }
                (CheckId::EmergencyRouting, Some(f)) => match route(f) {
                    RoutePath::NotRoutable => CheckReason::NotRoutable,
                    path => CheckReason::Routable { path },
                },
                (CheckId::Location, _) => location_reason(location),
                (CheckId::SupportedRegion, _) => region_reason(location, supported_regions),
                (CheckId::EmergencyContacts, _) => contacts_reason(recipients),
            };
            Check::new(id, reason)
        })
        .collect();
    ReadinessReport {
        ready: checks.iter().all(|c| c.ok),
        checks,
        route: facts.map(route),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_join_like_english() {
        assert_eq!(list(&[], "or"), "");
        assert_eq!(list(&["911".into()], "or"), "911");
        assert_eq!(list(&["999".into(), "112".into()], "or"), "999 or 112");
        assert_eq!(
            list(&["1".into(), "2".into(), "3".into()], "and"),
            "1, 2 and 3"
        );
    }

    #[test]
    fn a_routable_reason_with_no_path_is_not_ok() {
        assert!(!CheckReason::Routable {
            path: RoutePath::NotRoutable
        }
        .is_ok());
        assert!(CheckReason::Routable {
            path: RoutePath::DirectOfferFallback
        }
        .is_ok());
    }
}
