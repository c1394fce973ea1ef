//! The configuration's structural reader: the members of a [`Val`] checked against one table
//! ([`CHECKS`]), then taken apart into a [`RawConfig`] for [`Config::from_raw`]'s validation.

use super::{
    LocationOverride, Permissions, RawAgent, RawConfig, RawEmergency, UnsupportedRegionPolicy,
    MAX_CONFIG_STRING, MAX_REGIONS,
};
use crate::core::model::Coords;
use crate::core::notify::Template;
use crate::core::readiness::{NumberType, ReadinessFacts};
use crate::core::value::{quoted, Val};

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
pub(super) fn raw_from_value(value: &Val) -> Result<RawConfig, String> {
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
    use crate::core::Config;

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
}
