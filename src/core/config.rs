//! The widget's configuration (HOST_CONTRACT `DialerConfig`): the raw shape the host passes,
//! and its validation. Deterministic; no clock, no IO; total.
//!
//! Structural problems (missing agent id, unknown region code, wrong policy) are a
//! [`ConfigError`]: `mount` throws with its message. Content problems that must not take the
//! dialer away (a bad recipient, an unknown template placeholder) are kept and reported.

use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::emergency;
use super::model::{normalise_region, Coords};
use super::notify::{self, Recipients, Template, TemplateError};
use super::readiness::ReadinessFacts;
use super::settings::EmergencySettings;
use super::value::Val;

mod reader;

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
            ConfigError::MissingAgentId => f.write_str("config.agent.id must be a non-empty string"),
            ConfigError::UnknownRegion { field, code } => {
                write!(f, "config.{field}: unknown region code \"{code}\" (expected an ISO 3166-1 alpha-2 code such as \"US\")")
            }
            ConfigError::InvalidOutsideLinePrefix(p) => write!(
                f,
                "config.emergency.outsideLinePrefix: \"{p}\" must be one to three digits, e.g. \"9\""
            ),
            ConfigError::InvalidLocationOverride => f.write_str(
                "config.emergency.locationOverride: latitude must be within ±90, longitude within ±180 and accuracyMeters ≥ 0"
            ),
            ConfigError::InvalidLocale(l) => write!(f, "config.locale: \"{l}\" is not a BCP 47 language tag"),
            ConfigError::NoSupportedRegions => f.write_str(
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
    /// Parsed emergency contacts (valid ones and problems), shared with the readiness
    /// reports that list the problems.
    pub recipients: Rc<Recipients>,
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

/// `ll[-xxxxxxxx…]`: a first part of two or three ASCII letters, then parts of one to eight
/// ASCII letters or digits, separated by `-` or `_` (read byte by byte: no `char` searcher).
fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.as_bytes().split(|&b| b == b'-' || b == b'_');
    let first_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.iter().all(u8::is_ascii_alphabetic));
    first_ok && parts.all(|p| (1..=8).contains(&p.len()) && p.iter().all(u8::is_ascii_alphanumeric))
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
            None => Vec::from(DEFAULT_SUPPORTED_REGIONS.map(String::from)),
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
            recipients: Rc::new(notify::parse_recipients(&recipients_raw)),
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
        let raw = reader::raw_from_value(value)?;
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
