//! The widget's configuration (HOST_CONTRACT `DialerConfig`): the raw shape the host passes,
//! and its validation. Deterministic; no clock, no IO; total.
//!
//! Structural problems (missing agent id, unknown region code, wrong policy) are a
//! [`ConfigError`]: `mount` throws with its message. Content problems that must not take the
//! dialer away (a bad recipient, an unknown template placeholder) are kept and reported.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::emergency;
use super::model::{normalise_region, Coords};
use super::notify::{self, Recipients, Template, TemplateError};
use super::readiness::{NumberType, ReadinessFacts};
use super::settings::EmergencySettings;
use super::value::{quoted, Val};

/// The regions where emergency calling is supported by default (SPEC §2).
pub const DEFAULT_SUPPORTED_REGIONS: [&str; 5] = ["US", "CA", "PR", "GB", "DK"];

/// `config.agent`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawAgent {
    /// The agent's id in the host.
    pub id: String,
    /// The agent's display name.
    pub name: String,
}

/// `config.emergency.locationOverride`: a fixed position or a fixed region.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum LocationOverride {
    /// A fixed position.
    Position(Coords),
    /// A fixed region, ISO 3166-1 alpha-2.
    Region {
        /// The region code.
        region: String,
    },
}

/// What to do when an emergency number is dialed where emergency calling is unsupported (E12).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnsupportedRegionPolicy {
    /// Do not place the call; tell the agent to use another phone (default).
    #[default]
    Block,
    /// Place the call anyway, with a warning.
    Attempt,
}

/// `config.emergency`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct RawEmergency {
    /// `"a@example.com; b@example.com"` (E7).
    pub recipients: Option<String>,
    /// The notification template.
    pub template: Option<Template>,
    /// Outside-line prefix, e.g. `"9"` (B2).
    pub outside_line_prefix: Option<String>,
    /// Supported regions; default [`DEFAULT_SUPPORTED_REGIONS`].
    pub supported_regions: Option<Vec<String>>,
    /// E12 policy.
    pub unsupported_region_policy: Option<UnsupportedRegionPolicy>,
    /// Confirmed dispatchable civic address (B3).
    pub civic_address: Option<String>,
    /// A fixed location instead of the browser's.
    pub location_override: Option<LocationOverride>,
}

/// `config.permissions`: what the host lets the user of this dialer do (added member).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Permissions {
    /// Edit the emergency recipients and template in the agent's pane (E7); default off:
    /// administrators edit them on their own surface (`mountSettings`).
    pub edit_emergency_settings: bool,
}

/// The configuration exactly as the host passes it (HOST_CONTRACT `DialerConfig`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawConfig {
    /// `config.agent` (required).
    pub agent: RawAgent,
    /// BCP 47 locale.
    #[serde(default)]
    pub locale: Option<String>,
    /// `config.emergency`.
    #[serde(default)]
    pub emergency: Option<RawEmergency>,
    /// `config.readiness`: the E10 facts the host knows.
    #[serde(default)]
    pub readiness: Option<ReadinessFacts>,
    /// `config.permissions` (added member).
    #[serde(default)]
    pub permissions: Option<Permissions>,
}

/// A structural configuration problem: `mount` and `setConfig` throw with this message.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// The configuration could not be read at all (wrong types, missing fields).
    Malformed(String),
    /// `agent.id` is empty.
    MissingAgentId,
    /// A region code is not an ISO 3166-1 alpha-2 code with emergency numbers.
    UnknownRegion {
        /// Where it was found, e.g. `emergency.supportedRegions[2]`.
        field: String,
        /// The code as given.
        code: String,
    },
    /// The outside-line prefix is not one to three ASCII digits.
    InvalidOutsideLinePrefix(String),
    /// A location override coordinate is out of range.
    InvalidLocationOverride,
    /// The locale is not a BCP 47 tag.
    InvalidLocale(String),
    /// `emergency.supportedRegions` is empty: every emergency number would be an ordinary,
    /// recorded call (E12).
    NoSupportedRegions,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::Malformed(m) => write!(f, "config is malformed: {m}"),
            ConfigError::MissingAgentId => write!(f, "config.agent.id must be a non-empty string"),
            ConfigError::UnknownRegion { field, code } => {
                write!(f, "config.{field}: unknown region code \"{code}\" (expected an ISO 3166-1 alpha-2 code such as \"US\")")
            }
            ConfigError::InvalidOutsideLinePrefix(p) => write!(
                f,
                "config.emergency.outsideLinePrefix: \"{p}\" must be one to three digits, e.g. \"9\""
            ),
            ConfigError::InvalidLocationOverride => write!(
                f,
                "config.emergency.locationOverride: latitude must be within ±90, longitude within ±180 and accuracyMeters ≥ 0"
            ),
            ConfigError::InvalidLocale(l) => write!(f, "config.locale: \"{l}\" is not a BCP 47 language tag"),
            ConfigError::NoSupportedRegions => write!(
                f,
                "config.emergency.supportedRegions must name at least one region (leave it out for the default [\"US\",\"CA\",\"PR\",\"GB\",\"DK\"])"
            ),
        }
    }
}

impl std::error::Error for ConfigError {}

/// A validated configuration: what the flow uses.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The agent's id.
    pub agent_id: String,
    /// The agent's display name.
    pub agent_name: String,
    /// BCP 47 locale, if configured.
    pub locale: Option<String>,
    /// Parsed emergency contacts (valid ones and problems).
    pub recipients: Recipients,
    /// The raw recipients string, kept for the settings view.
    pub recipients_raw: String,
    /// The notification template.
    pub template: Template,
    /// Problems in the template (the email is then not sent; reported, not thrown).
    pub template_errors: Vec<TemplateError>,
    /// Outside-line prefix (B2).
    pub outside_line_prefix: Option<String>,
    /// Supported regions, upper-case alpha-2.
    pub supported_regions: Vec<String>,
    /// E12 policy.
    pub unsupported_region_policy: UnsupportedRegionPolicy,
    /// Confirmed civic address (B3).
    pub civic_address: Option<String>,
    /// A fixed location instead of the browser's.
    pub location_override: Option<LocationOverride>,
    /// The host's E10 facts.
    pub readiness: Option<ReadinessFacts>,
    /// What the host lets the user do.
    pub permissions: Permissions,
}

impl Default for Config {
    fn default() -> Self {
        Config::from_raw(RawConfig {
            agent: RawAgent {
                id: "agent".into(),
                name: "Agent".into(),
            },
            ..RawConfig::default()
        })
        .expect("the default configuration should be valid")
    }
}

/// The region `code` upper-cased, when it is one with emergency numbers; else the error naming
/// `field` (built only then).
fn check_region(code: &str, field: impl FnOnce() -> String) -> Result<String, ConfigError> {
    match normalise_region(code).filter(|r| !emergency::emergency_numbers(r).is_empty()) {
        Some(region) => Ok(region),
        None => Err(ConfigError::UnknownRegion {
            field: field(),
            code: code.to_string(),
        }),
    }
}

fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split(['-', '_']);
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    first_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

impl Config {
    /// Validates a raw configuration.
    pub fn from_raw(raw: RawConfig) -> Result<Config, ConfigError> {
        if raw.agent.id.trim().is_empty() {
            return Err(ConfigError::MissingAgentId);
        }
        if let Some(l) = raw.locale.as_deref() {
            if !is_bcp47(l) {
                return Err(ConfigError::InvalidLocale(l.to_string()));
            }
        }
        let e = raw.emergency.unwrap_or_default();
        let supported_regions = match e.supported_regions {
            None => DEFAULT_SUPPORTED_REGIONS.map(String::from).to_vec(),
            Some(list) if list.is_empty() => return Err(ConfigError::NoSupportedRegions),
            Some(mut list) => {
                for (i, code) in list.iter_mut().enumerate() {
                    *code = check_region(code, || format!("emergency.supportedRegions[{i}]"))?;
                }
                list
            }
        };
        let outside_line_prefix = match e.outside_line_prefix.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) if (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()) => {
                Some(p.to_string())
            }
            Some(p) => return Err(ConfigError::InvalidOutsideLinePrefix(p.to_string())),
        };
        let location_override = match e.location_override {
            Some(LocationOverride::Region { region }) => Some(LocationOverride::Region {
                region: check_region(&region, || "emergency.locationOverride.region".into())?,
            }),
            Some(LocationOverride::Position(c)) => {
                let ok = c.latitude.abs() <= 90.0
                    && c.longitude.abs() <= 180.0
                    && c.accuracy_meters >= 0.0
                    && c.accuracy_meters.is_finite();
                if !ok {
                    return Err(ConfigError::InvalidLocationOverride);
                }
                Some(LocationOverride::Position(c))
            }
            None => None,
        };
        let template = e.template.unwrap_or_default();
        let template_errors = notify::validate_template(&template);
        let recipients_raw = e.recipients.unwrap_or_default();
        Ok(Config {
            agent_id: raw.agent.id,
            agent_name: raw.agent.name,
            locale: raw.locale,
            recipients: notify::parse_recipients(&recipients_raw),
            recipients_raw,
            template,
            template_errors,
            outside_line_prefix,
            supported_regions,
            unsupported_region_policy: e.unsupported_region_policy.unwrap_or_default(),
            civic_address: e
                .civic_address
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            location_override,
            readiness: raw.readiness,
            permissions: raw.permissions.unwrap_or_default(),
        })
    }

    /// The configuration as the shell read it from the host ([`Val`], see
    /// `host::read::CONFIG_SHAPE`), structurally checked, then validated ([`Config::from_raw`]).
    /// Every problem names its path, e.g. `config.agent.id must be a non-empty string`.
    pub fn from_value(value: &Val) -> Result<Config, String> {
        let raw = raw_from_value(value)?;
        Config::from_raw(raw).map_err(|e| e.to_string())
    }

    /// The emergency settings an administrator edits (E7): recipients as typed, template.
    pub fn emergency_settings(&self) -> EmergencySettings {
        EmergencySettings {
            recipients: self.recipients_raw.clone(),
            template: self.template.clone(),
        }
    }

    /// True when `region` is one where emergency calling is supported.
    pub fn supports(&self, region: &str) -> bool {
        self.supported_regions.iter().any(|r| r == region)
    }
}

/// Longest string member of a configuration (a template body is the longest legitimate one).
pub const MAX_CONFIG_STRING: usize = 65_536;
/// Most entries of `emergency.supportedRegions`.
pub const MAX_REGIONS: usize = 300;

/// Every message of the reader, built in one place: `config.` + `path` + `tail` + `given`.
#[inline(never)]
fn problem(path: &str, tail: &str, given: &str) -> String {
    let mut message = String::from("config.");
    message.push_str(path);
    message.push_str(tail);
    message.push_str(given);
    message
}

/// The member at `path` (`emergency.template.body`) of the configuration `config`.
fn at<'a>(config: &'a Val, path: &str) -> &'a Val {
    path.split('.').fold(config, |v, key| v.get(key))
}

/// What a member must be (the structural checks of [`CHECKS`]).
#[derive(Clone, Copy)]
enum Check {
    /// `agent`: an object.
    Agent,
    /// `agent.id`: a non-empty string of at most 256 bytes.
    AgentId,
    /// An object when given.
    Group,
    /// A string of at most [`MAX_CONFIG_STRING`] characters when given.
    Text,
    /// The template, when given: both its members strings.
    Template,
    /// An array of at most [`MAX_REGIONS`] strings when given.
    Regions,
    /// `"block"` or `"attempt"` when given.
    Policy,
    /// A finite number, when the location override is a position (no `region`).
    Coord,
    /// A boolean when given.
    Flag,
    /// A boolean, when its group is given.
    RequiredFlag,
    /// `"calling-plan"` or `"direct-routing"`, when its group is given.
    NumberType,
}

/// Every structural check of the configuration, in the order they are made (the first
/// problem is the one reported): one loop over this table instead of a block per member.
const CHECKS: [(&str, Check); 27] = [
    ("agent", Check::Agent),
    ("agent.id", Check::AgentId),
    ("agent.name", Check::Text),
    ("locale", Check::Text),
    ("emergency", Check::Group),
    ("emergency.template", Check::Group),
    ("emergency.template.subject", Check::Text),
    ("emergency.template.body", Check::Text),
    ("emergency.template", Check::Template),
    ("emergency.supportedRegions", Check::Regions),
    ("emergency.unsupportedRegionPolicy", Check::Policy),
    ("emergency.locationOverride", Check::Group),
    ("emergency.locationOverride.region", Check::Text),
    ("emergency.locationOverride.latitude", Check::Coord),
    ("emergency.locationOverride.longitude", Check::Coord),
    ("emergency.locationOverride.accuracyMeters", Check::Coord),
    ("emergency.recipients", Check::Text),
    ("emergency.outsideLinePrefix", Check::Text),
    ("emergency.civicAddress", Check::Text),
    ("readiness", Check::Group),
    ("readiness.voiceOutboundProfile", Check::RequiredFlag),
    ("readiness.mailboxEnabled", Check::RequiredFlag),
    ("readiness.numberType", Check::NumberType),
    ("readiness.directRoutingEmergencyRule", Check::Flag),
    ("readiness.directOfferNumber", Check::Flag),
    ("permissions", Check::Group),
    ("permissions.editEmergencySettings", Check::Flag),
];

/// The member at `path` checked as `check`: its problem, if any.
fn check(config: &Val, path: &str, check: Check) -> Result<(), String> {
    let value = at(config, path);
    let absent = value.is_nothing();
    // Members checked only when their group is given (groups are checked before them).
    let group_given = path
        .rsplit_once('.')
        .is_none_or(|(group, _)| !at(config, group).is_nothing());
    let quoted_given;
    let (tail, given) = match (check, value) {
        (Check::Agent, Val::Obj(_)) => return Ok(()),
        (Check::Agent, _) => (" must be an object { id, name }", ""),
        (Check::AgentId, Val::Str(s)) if s.len() > 256 => {
            (" is too long (at most 256 characters)", "")
        }
        (Check::AgentId, Val::Str(s)) if !s.trim().is_empty() => return Ok(()),
        (Check::AgentId, _) => (" must be a non-empty string", ""),
        (Check::Group, Val::Obj(_)) => return Ok(()),
        (Check::Group, other) if !absent => {
            (" must be an object when given, not ", other.type_name())
        }
        // MAX_CONFIG_STRING, spelled out (tests::the_length_limits_are_the_ones_named).
        (Check::Text, Val::Str(s)) if s.chars().count() > MAX_CONFIG_STRING => {
            (" is too long (at most 65536 characters)", "")
        }
        (Check::Text, Val::Str(_)) => return Ok(()),
        (Check::Text, other) if !absent => (" must be a string, not ", other.type_name()),
        (Check::Template, Val::Obj(_))
            if !matches!(
                (value.get("subject"), value.get("body")),
                (Val::Str(_), Val::Str(_))
            ) =>
        {
            (" must be { subject: string, body: string }", "")
        }
        // MAX_REGIONS, spelled out (tests::the_length_limits_are_the_ones_named).
        (Check::Regions, Val::List(list)) if list.len() > MAX_REGIONS => {
            (" has more than 300 entries", "")
        }
        (Check::Regions, Val::List(list)) => {
            for (i, region) in list.iter().enumerate() {
                if !matches!(region, Val::Str(_)) {
                    return Err(problem(
                        &format!("{path}[{i}]"),
                        " must be a region code, not ",
                        region.type_name(),
                    ));
                }
            }
            return Ok(());
        }
        (Check::Regions, _) if !absent => (" must be an array of region codes", ""),
        (Check::Policy, Val::Str(s)) if s == "block" || s == "attempt" => return Ok(()),
        (Check::Policy, other) if !absent => {
            quoted_given = match other {
                Val::Str(s) => quoted(s),
                other => other.type_name().to_string(),
            };
            (
                " must be \"block\" or \"attempt\", not ",
                quoted_given.as_str(),
            )
        }
        (Check::Coord, Val::Num(n)) if n.is_finite() => return Ok(()),
        (Check::Coord, _)
            if group_given && at(config, "emergency.locationOverride.region").is_nothing() =>
        {
            (" must be a finite number", "")
        }
        (Check::Flag, Val::Bool(_)) => return Ok(()),
        (Check::Flag, _) if !absent => (" must be true or false", ""),
        (Check::RequiredFlag, Val::Bool(_)) => return Ok(()),
        (Check::RequiredFlag, _) if group_given => (" must be true or false", ""),
        (Check::NumberType, Val::Str(s)) if s == "calling-plan" || s == "direct-routing" => {
            return Ok(())
        }
        (Check::NumberType, _) if group_given => {
            (" must be \"calling-plan\" or \"direct-routing\"", "")
        }
        _ => return Ok(()),
    };
    Err(problem(path, tail, given))
}

/// The string at `path` (checked), if given.
fn string(config: &Val, path: &str) -> Option<String> {
    match at(config, path) {
        Val::Str(s) => Some(s.clone()),
        _ => None,
    }
}

/// Whether the group (or the boolean) at `path` is given (is `true`).
fn given(config: &Val, path: &str) -> bool {
    matches!(at(config, path), Val::Obj(_) | Val::Bool(true))
}

/// The number at `path` (checked).
fn number(config: &Val, path: &str) -> f64 {
    match at(config, path) {
        Val::Num(n) => *n,
        _ => 0.0,
    }
}

/// The configuration as read, checked member by member ([`CHECKS`]), then taken apart: past
/// the checks nothing can fail.
fn raw_from_value(value: &Val) -> Result<RawConfig, String> {
    let Val::Obj(_) = value else {
        return Err("config must be an object with at least agent.id".into());
    };
    for (path, kind) in CHECKS {
        check(value, path, kind)?;
    }
    let number_type = match at(value, "readiness.numberType") {
        Val::Str(s) if s == "direct-routing" => NumberType::DirectRouting,
        _ => NumberType::CallingPlan,
    };
    Ok(RawConfig {
        agent: RawAgent {
            id: string(value, "agent.id").unwrap_or_default(),
            name: string(value, "agent.name").unwrap_or_default(),
        },
        locale: string(value, "locale"),
        emergency: given(value, "emergency").then(|| raw_emergency(value)),
        readiness: given(value, "readiness").then(|| ReadinessFacts {
            voice_outbound_profile: given(value, "readiness.voiceOutboundProfile"),
            mailbox_enabled: given(value, "readiness.mailboxEnabled"),
            number_type,
            direct_routing_emergency_rule: given(value, "readiness.directRoutingEmergencyRule"),
            direct_offer_number: given(value, "readiness.directOfferNumber"),
        }),
        permissions: given(value, "permissions").then(|| Permissions {
            edit_emergency_settings: given(value, "permissions.editEmergencySettings"),
        }),
    })
}

/// `config.emergency`, given as an object and checked.
fn raw_emergency(config: &Val) -> RawEmergency {
    let supported_regions = match at(config, "emergency.supportedRegions") {
        Val::List(list) => {
            let mut codes = Vec::with_capacity(list.len());
            for region in list {
                if let Val::Str(code) = region {
                    codes.push(code.clone());
                }
            }
            Some(codes)
        }
        _ => None,
    };
    let unsupported_region_policy = match at(config, "emergency.unsupportedRegionPolicy") {
        Val::Str(s) if s == "attempt" => Some(UnsupportedRegionPolicy::Attempt),
        Val::Str(_) => Some(UnsupportedRegionPolicy::Block),
        _ => None,
    };
    let location_override = if !given(config, "emergency.locationOverride") {
        None
    } else if let Some(region) = string(config, "emergency.locationOverride.region") {
        Some(LocationOverride::Region { region })
    } else {
        Some(LocationOverride::Position(Coords {
            latitude: number(config, "emergency.locationOverride.latitude"),
            longitude: number(config, "emergency.locationOverride.longitude"),
            accuracy_meters: number(config, "emergency.locationOverride.accuracyMeters"),
        }))
    };
    RawEmergency {
        recipients: string(config, "emergency.recipients"),
        template: given(config, "emergency.template").then(|| Template {
            subject: string(config, "emergency.template.subject").unwrap_or_default(),
            body: string(config, "emergency.template.body").unwrap_or_default(),
        }),
        outside_line_prefix: string(config, "emergency.outsideLinePrefix"),
        supported_regions,
        unsupported_region_policy,
        civic_address: string(config, "emergency.civicAddress"),
        location_override,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawConfig {
        RawConfig {
            agent: RawAgent {
                id: "a1".into(),
                name: "Ann".into(),
            },
            ..Default::default()
        }
    }

    #[test]
    fn defaults_support_the_five_regions() {
        let c = Config::from_raw(raw()).unwrap();
        assert_eq!(c.supported_regions, vec!["US", "CA", "PR", "GB", "DK"]);
        assert_eq!(c.unsupported_region_policy, UnsupportedRegionPolicy::Block);
    }

    #[test]
    fn structural_problems_are_errors_naming_the_field() {
        let mut r = raw();
        r.agent.id = " ".into();
        assert_eq!(Config::from_raw(r), Err(ConfigError::MissingAgentId));

        let mut r = raw();
        r.emergency = Some(RawEmergency {
            supported_regions: Some(vec!["US".into(), "XX".into()]),
            ..Default::default()
        });
        let err = Config::from_raw(r).unwrap_err();
        assert!(err.to_string().contains("supportedRegions[1]"), "{err}");
        assert!(err.to_string().contains("\"XX\""), "{err}");

        let mut r = raw();
        r.emergency = Some(RawEmergency {
            outside_line_prefix: Some("9a".into()),
            ..Default::default()
        });
        assert!(matches!(
            Config::from_raw(r),
            Err(ConfigError::InvalidOutsideLinePrefix(_))
        ));

        let mut r = raw();
        r.locale = Some("not a locale".into());
        assert!(matches!(
            Config::from_raw(r),
            Err(ConfigError::InvalidLocale(_))
        ));
    }

    #[test]
    fn content_problems_do_not_fail_the_config() {
        let mut r = raw();
        r.emergency = Some(RawEmergency {
            recipients: Some("ok@example.com; nope".into()),
            ..Default::default()
        });
        let c = Config::from_raw(r).unwrap();
        assert_eq!(c.recipients.valid, vec!["ok@example.com"]);
        assert_eq!(c.recipients.problems.len(), 1);
    }

    /// A configuration with `member` in the group `group` (`""`: at the top).
    fn with(group: &'static str, member: &'static str, value: Val) -> Val {
        let agent = Val::Obj(vec![("id", Val::Str("a1".into()))]);
        let member = Val::Obj(vec![(member, value)]);
        match group {
            "" => match member {
                Val::Obj(mut m) => {
                    m.push(("agent", agent));
                    Val::Obj(m)
                }
                other => other,
            },
            group => Val::Obj(vec![("agent", agent), (group, member)]),
        }
    }

    #[test]
    fn the_length_limits_are_the_ones_named() {
        let long = Val::Str("x".repeat(MAX_CONFIG_STRING + 1));
        assert_eq!(
            Config::from_value(&with("", "locale", long)),
            Err(format!(
                "config.locale is too long (at most {MAX_CONFIG_STRING} characters)"
            ))
        );
        let exact = Val::Str("x".repeat(MAX_CONFIG_STRING));
        assert!(raw_from_value(&with("emergency", "civicAddress", exact)).is_ok());
        let regions = Val::List(vec![Val::Str("US".into()); MAX_REGIONS + 1]);
        assert_eq!(
            Config::from_value(&with("emergency", "supportedRegions", regions)),
            Err(format!(
                "config.emergency.supportedRegions has more than {MAX_REGIONS} entries"
            ))
        );
        let regions = Val::List(vec![Val::Str("US".into()); MAX_REGIONS]);
        assert!(Config::from_value(&with("emergency", "supportedRegions", regions)).is_ok());
    }

    #[test]
    fn region_codes_are_normalised() {
        let mut r = raw();
        r.emergency = Some(RawEmergency {
            supported_regions: Some(vec!["us".into()]),
            location_override: Some(LocationOverride::Region {
                region: "gb".into(),
            }),
            ..Default::default()
        });
        let c = Config::from_raw(r).unwrap();
        assert_eq!(c.supported_regions, vec!["US"]);
        assert_eq!(
            c.location_override,
            Some(LocationOverride::Region {
                region: "GB".into()
            })
        );
    }
}
