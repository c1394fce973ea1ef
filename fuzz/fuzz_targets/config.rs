//! The configuration a host passes to `mount` / `setConfig` (HOST_CONTRACT `DialerConfig`):
//! JSON text read into the core's `RawConfig` (the shape the shell reads from the JS object)
//! or built field by field from the input, then validated by `Config::from_raw`. A valid
//! configuration must still make every emergency call (run through the flow's safety oracle).
//! Input: a mode byte (even: JSON text; odd: structured), then the rest.
#![no_main]

use agent_dialer::core::config::{
    LocationOverride, Permissions, RawAgent, RawConfig, RawEmergency, UnsupportedRegionPolicy,
};
use agent_dialer::core::emergency;
use agent_dialer::core::model::{Coords, Location};
use agent_dialer::core::notify::{self, Template};
use agent_dialer::core::readiness::{NumberType, ReadinessFacts};
use agent_dialer::core::Config;
use agent_dialer_fuzz::oracle::{located, World};
use agent_dialer_fuzz::T0;
use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const IDS: &[&str] = &["a7", "", " ", "agent 7", "a\u{0}"];
const LOCALES: &[&str] = &[
    "en-US",
    "da-DK",
    "fr_CA",
    "es-PR",
    "x",
    "english",
    "en-",
    "zh-Hant-TW",
];
const REGIONS: &[&str] = &[
    "US", "us", " gb ", "DK", "CA", "PR", "DE", "ZZ", "XK", "AC", "", "USA",
];
const PREFIXES: &[&str] = &["9", "0", "99", "999", "9999", " 9 ", "٩", "a", ""];
const RECIPIENTS: &[&str] = &[
    "a@example.com",
    "a@example.com; nope",
    "Ann <a@b.example>",
    "",
];

fn pick(u: &mut Unstructured, choices: &[&str]) -> Result<String> {
    if u.ratio(3, 4)? {
        Ok(u.choose(choices)?.to_string())
    } else {
        u.arbitrary()
    }
}

fn maybe<T>(
    u: &mut Unstructured,
    f: impl FnOnce(&mut Unstructured) -> Result<T>,
) -> Result<Option<T>> {
    if u.arbitrary()? {
        f(u).map(Some)
    } else {
        Ok(None)
    }
}

fn structured(u: &mut Unstructured) -> Result<RawConfig> {
    let emergency = maybe(u, |u| {
        Ok(RawEmergency {
            recipients: maybe(u, |u| pick(u, RECIPIENTS))?,
            template: maybe(u, |u| {
                Ok(Template {
                    subject: pick(u, &["{agent_name} dialed {number}", "{", "{x}"])?,
                    body: pick(u, &["{location}\n{callback_number}", "{{}}", "}"])?,
                })
            })?,
            outside_line_prefix: maybe(u, |u| pick(u, PREFIXES))?,
            supported_regions: maybe(u, |u| {
                let n = u.int_in_range(0..=5)?;
                (0..n).map(|_| pick(u, REGIONS)).collect()
            })?,
            unsupported_region_policy: maybe(u, |u| {
                Ok(if u.arbitrary()? {
                    UnsupportedRegionPolicy::Block
                } else {
                    UnsupportedRegionPolicy::Attempt
                })
            })?,
            civic_address: maybe(u, |u| pick(u, &["1 Main St", "  ", "a\nb"]))?,
            location_override: maybe(u, |u| {
                Ok(if u.arbitrary()? {
                    LocationOverride::Position(Coords {
                        latitude: u.arbitrary()?,
                        longitude: u.arbitrary()?,
                        accuracy_meters: u.arbitrary()?,
                    })
                } else {
                    LocationOverride::Region {
                        region: pick(u, REGIONS)?,
                    }
                })
            })?,
        })
    })?;
    Ok(RawConfig {
        agent: RawAgent {
            id: pick(u, IDS)?,
            name: u.arbitrary()?,
        },
        locale: maybe(u, |u| pick(u, LOCALES))?,
        emergency,
        readiness: maybe(u, |u| {
            Ok(ReadinessFacts {
                voice_outbound_profile: u.arbitrary()?,
                mailbox_enabled: u.arbitrary()?,
                number_type: if u.arbitrary()? {
                    NumberType::CallingPlan
                } else {
                    NumberType::DirectRouting
                },
                direct_routing_emergency_rule: u.arbitrary()?,
                direct_offer_number: u.arbitrary()?,
            })
        })?,
        permissions: maybe(u, |u| {
            Ok(Permissions {
                edit_emergency_settings: u.arbitrary()?,
            })
        })?,
    })
}

fn check_valid(c: &Config) {
    assert!(!c.agent_id.trim().is_empty());
    assert!(
        !c.supported_regions.is_empty(),
        "HOST_CONTRACT: supportedRegions is never empty (every emergency number would be ordinary)"
    );
    for r in &c.supported_regions {
        assert!(
            r.len() == 2 && r.bytes().all(|b| b.is_ascii_uppercase()),
            "{r:?}"
        );
        assert!(emergency::has_emergency_metadata(r), "{r:?}");
    }
    if let Some(p) = &c.outside_line_prefix {
        assert!(
            (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()),
            "{p:?}"
        );
    }
    if let Some(a) = &c.civic_address {
        assert!(!a.is_empty() && a.trim() == a, "{a:?}");
    }
    match &c.location_override {
        Some(LocationOverride::Position(p)) => assert!(
            p.latitude.abs() <= 90.0
                && p.longitude.abs() <= 180.0
                && p.accuracy_meters.is_finite()
                && p.accuracy_meters >= 0.0,
            "{p:?}"
        ),
        Some(LocationOverride::Region { region }) => {
            assert!(emergency::has_emergency_metadata(region), "{region:?}")
        }
        None => {}
    }
    assert_eq!(c.template_errors, notify::validate_template(&c.template));
    assert_eq!(*c.recipients, notify::parse_recipients(&c.recipients_raw));
}

/// Every valid configuration still makes the emergency call (E1, E11, E12): with the location
/// not known, and where its override puts the agent.
fn still_dials(c: Config, which: usize) {
    let location = match &c.location_override {
        Some(LocationOverride::Region { region }) => Location {
            overridden: true,
            ..located(Some(region))
        },
        _ => Location::default(),
    };
    let region = &c.supported_regions[which % c.supported_regions.len()];
    let number = emergency::primary_emergency_number(region).expect("checked above");
    let mut w = World::new(c, location, T0);
    w.dial(number);
    w.accept(0);
    w.host_event_last(None);
    w.quiesce();
}

fuzz_target!(|data: &[u8]| {
    let [mode, rest @ ..] = data else { return };
    let raw = if mode % 2 == 0 {
        match serde_json::from_slice::<RawConfig>(rest) {
            Ok(raw) => raw,
            Err(e) => {
                assert!(!e.to_string().is_empty());
                return;
            }
        }
    } else {
        match structured(&mut Unstructured::new(rest)) {
            Ok(raw) => raw,
            Err(_) => return,
        }
    };
    match Config::from_raw(raw) {
        Ok(c) => {
            check_valid(&c);
            still_dials(c, usize::from(*mode / 2));
        }
        Err(e) => assert!(e.to_string().starts_with("config")),
    }
});
