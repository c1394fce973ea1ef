//! What the fuzz targets share: the flow's safety oracle (the same file the property test in
//! `tests/core_scenarios.rs` uses), configurations to run the dialer with, and small readers.

#[path = "../../tests/support/oracle.rs"]
pub mod oracle;

use agent_dialer::core::config::{
    LocationOverride, RawAgent, RawConfig, RawEmergency, UnsupportedRegionPolicy,
};
use agent_dialer::core::model::Millis;
use agent_dialer::core::Config;

/// 2026-11-19, when the fuzzed widgets start.
pub const T0: Millis = 1_795_000_000_000;

/// A valid configuration: `choice` picks the emergency settings (prefix, regions, E12 policy,
/// recipients) from a handful that cover the rules.
pub fn config(choice: u8) -> Config {
    let mut e = RawEmergency {
        recipients: Some("safety@acme.example; Ops <ops@acme.example>".into()),
        ..RawEmergency::default()
    };
    match choice % 6 {
        0 => {}
        1 => e.outside_line_prefix = Some("9".into()),
        2 => e.unsupported_region_policy = Some(UnsupportedRegionPolicy::Attempt),
        3 => e.supported_regions = Some(vec!["GB".into(), "DK".into()]),
        4 => {
            e.recipients = None;
            e.civic_address = Some("1 Main St, Floor 2".into());
        }
        _ => {
            e.location_override = Some(LocationOverride::Region {
                region: "DE".into(),
            });
            e.unsupported_region_policy = Some(UnsupportedRegionPolicy::Attempt);
            e.template = Some(agent_dialer::core::notify::Template {
                subject: "{agent_name} {nope}".into(),
                body: "{".into(),
            });
        }
    }
    Config::from_raw(RawConfig {
        agent: RawAgent {
            id: "a7".into(),
            name: "Alex".into(),
        },
        emergency: Some(e),
        ..RawConfig::default()
    })
    .expect("the fuzzers' configurations are valid")
}

/// The input as text, when it is UTF-8.
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}

/// `bytes` read as a `T` (JSON), checked to be written back unchanged.
pub fn read_json<T>(bytes: &[u8]) -> Option<T>
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    let value: T = serde_json::from_slice(bytes).ok()?;
    let text = serde_json::to_vec(&value).expect("what was read can be written");
    let back: T = serde_json::from_slice(&text).expect("and read back");
    assert_eq!(back, value, "written back unchanged");
    Some(value)
}

/// Every line of `lines` that reads as a `T` ([`read_json`]).
pub fn json_lines<T>(lines: &[u8]) -> Vec<T>
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    lines.split(|&b| b == b'\n').filter_map(read_json).collect()
}
