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
}

impl Location {
    /// The region, if it is known.
    pub fn known_region(&self) -> Option<&str> {
        self.region.as_deref()
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
    fn region_codes_are_two_letters_upper_cased() {
        assert_eq!(normalise_region(" us "), Some("US".into()));
        assert_eq!(normalise_region("USA"), None);
        assert_eq!(normalise_region("1A"), None);
        assert_eq!(normalise_region(""), None);
    }
}
