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

/// Formats [`Millis`] as ISO 8601 UTC with milliseconds, e.g. `2026-11-24T14:05:09.000Z`
/// (the `ActivityEntry` and `expiresAt` format). Total for every `u64`.
pub fn iso8601(ms: Millis) -> String {
    let secs = ms / 1000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (y, m, d) = civil_from_days(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        ms % 1000
    )
}

/// Days since 1970-01-01 to (year, month, day), proleptic Gregorian (H. Hinnant's algorithm).
pub fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_formats_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso8601(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso8601(1_795_961_109_123), "2026-11-29T14:05:09.123Z");
    }

    #[test]
    fn region_codes_are_two_letters_upper_cased() {
        assert_eq!(normalise_region(" us "), Some("US".into()));
        assert_eq!(normalise_region("USA"), None);
        assert_eq!(normalise_region("1A"), None);
        assert_eq!(normalise_region(""), None);
    }
}
