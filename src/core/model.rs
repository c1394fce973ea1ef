//! Plain data shared by every part of the core: time, location, presence.
//! Deterministic; no clock, no IO. Nothing here knows about the browser.

use serde::{Deserialize, Serialize};

/// Milliseconds since the Unix epoch, as the shell reads it from `Date.now()`.
/// The core never reads a clock: every event carries the time it happened.
pub type Millis = u64;

/// One minute in [`Millis`].
pub const MINUTE: Millis = 60_000;

/// A position from the browser's Geolocation API (or the configured override).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Coords {
    /// Degrees north.
    pub latitude: f64,
    /// Degrees east.
    pub longitude: f64,
    /// Radius of 95 % confidence, in metres.
    pub accuracy_meters: f64,
}

/// What the shell knows of the browser's location setting (HOST_CONTRACT `locationStatus`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum LocationStatus {
    /// Permission granted and a position (or an override) is known.
    Granted,
    /// The agent or the browser refused location.
    Denied,
    /// The browser has not asked yet, or the answer is still pending.
    Prompt,
    /// No geolocation in this browser, or the position could not be had (error, timeout).
    Unavailable,
    /// Nothing known yet.
    #[default]
    Unknown,
}

/// Everything the core knows of where the agent is.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// The permission / availability state.
    pub status: LocationStatus,
    /// ISO 3166-1 alpha-2 region (upper case) of the position, when resolved.
    pub region: Option<String>,
    /// The position itself, when known.
    pub coords: Option<Coords>,
    /// True when the region comes from `config.emergency.locationOverride`.
    pub overridden: bool,
    /// Every region the position's accuracy circle may reach (a superset; empty for a region
    /// given exactly). E12: a position is known to be outside the supported regions only when
    /// none of these is supported.
    #[serde(default)]
    pub nearby: Vec<String>,
}

impl Location {
    /// The region, if it is known.
    pub fn known_region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// E12: the region, when the whole uncertainty of the position lies outside every region
    /// `supported` says yes to (a coarse position near a border that could be inside one is
    /// not known to be outside).
    pub fn known_outside(&self, supported: impl Fn(&str) -> bool) -> Option<&str> {
        let region = self.known_region().filter(|r| !supported(r))?;
        // A position whose circle has not been looked up yet is not known to be outside.
        if self.coords.is_some() && self.nearby.is_empty() {
            return None;
        }
        (!self.nearby.iter().any(|r| supported(r))).then_some(region)
    }
}

/// The presence status id used for Do Not Disturb (HOST_CONTRACT `presence.set("dnd")`).
pub const DND: &str = "dnd";

/// Formats an ISO 3166-1 alpha-2 code check: two ASCII letters, returned upper-cased.
pub fn normalise_region(code: &str) -> Option<String> {
    let code = code.trim();
    (code.len() == 2 && code.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| code.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_whole_circle_outside_the_supported_regions_is_known_outside() {
        let us = |r: &str| r == "US" || r == "DK";
        let at = |region: &str, coords: bool, nearby: &[&str]| Location {
            status: LocationStatus::Granted,
            region: Some(region.into()),
            coords: coords.then_some(Coords {
                latitude: 54.8,
                longitude: 9.4,
                accuracy_meters: 5_000.0,
            }),
            overridden: !coords,
            nearby: nearby.iter().map(|s| s.to_string()).collect(),
        };
        assert_eq!(at("DE", true, &["DE", "PL"]).known_outside(us), Some("DE"));
        assert_eq!(
            at("DE", true, &["DE", "DK"]).known_outside(us),
            None,
            "near DK"
        );
        assert_eq!(
            at("DE", true, &[]).known_outside(us),
            None,
            "not looked up yet"
        );
        assert_eq!(
            at("DE", false, &[]).known_outside(us),
            Some("DE"),
            "a region given"
        );
        assert_eq!(at("US", true, &["US"]).known_outside(us), None, "inside");
    }

    #[test]
    fn region_codes_are_two_letters_upper_cased() {
        assert_eq!(normalise_region(" us "), Some("US".into()));
        assert_eq!(normalise_region("USA"), None);
        assert_eq!(normalise_region("1A"), None);
        assert_eq!(normalise_region(""), None);
    }
}
