//! Emergency-number recognition (SPEC E1, B1, B2). Deterministic; no clock, no IO; total.
//!
//! PLACEHOLDER implementation: the emergency-engine work (issue 3) replaces the internals
//! with tables generated from libphonenumber's short-number metadata; the public signatures
//! are the contract the rest of the core uses.

use super::dial::{self, DialError};

/// Options that change how a dial string is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassifyOptions {
    /// Outside-line prefix the agent may dial first, e.g. `"9"` for `9-911` (B2, Kari's Law).
    pub outside_line_prefix: Option<String>,
}

/// What a dial string is, for a region.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberKind {
    /// An emergency number of the region (E1).
    Emergency {
        /// The emergency short code to dial, ASCII digits (e.g. `"911"`).
        number: String,
        /// True when the digits are exactly an emergency number ("is emergency"); false when
        /// an emergency number is only a prefix of them ("connects to emergency").
        exact: bool,
        /// True when an outside-line prefix was removed to find it.
        via_outside_line_prefix: bool,
    },
    /// A test call to the emergency service (US 933): not an emergency (B2).
    TestCall {
        /// The test number to dial, ASCII digits.
        number: String,
    },
    /// Any other number.
    Ordinary {
        /// The normalised number to dial.
        number: String,
    },
}

/// Classifies a dial string for `region` (ISO 3166-1 alpha-2, upper case).
/// Emergency recognition comes first and never fails on formatting: an emergency number is
/// never reported as invalid.
pub fn classify(
    dialed: &str,
    region: &str,
    options: &ClassifyOptions,
) -> Result<NumberKind, DialError> {
    let digits: String = dialed.chars().filter(|c| c.is_ascii_digit()).collect();
    let plus = dialed.trim_start().starts_with('+');
    let mut candidates = vec![(digits.clone(), false)];
    if let Some(p) = options.outside_line_prefix.as_deref() {
        if !p.is_empty() {
            if let Some(rest) = digits.strip_prefix(p) {
                candidates.push((rest.to_string(), true));
            }
        }
    }
    if !plus {
        for (d, via) in &candidates {
            for n in emergency_numbers(region) {
                if d == n || d.starts_with(n) {
                    return Ok(NumberKind::Emergency {
                        number: n.to_string(),
                        exact: d == n,
                        via_outside_line_prefix: *via,
                    });
                }
            }
        }
        if region == "US" {
            for (d, _) in &candidates {
                if d == "933" {
                    return Ok(NumberKind::TestCall {
                        number: "933".into(),
                    });
                }
            }
        }
    }
    dial::normalize(dialed).map(|number| NumberKind::Ordinary { number })
}

/// libphonenumber `isEmergencyNumber(dialed, region)`.
pub fn is_emergency_number(dialed: &str, region: &str) -> bool {
    matches!(
        classify(dialed, region, &ClassifyOptions::default()),
        Ok(NumberKind::Emergency { exact: true, .. })
    )
}

/// libphonenumber `connectsToEmergencyNumber(dialed, region)`.
pub fn connects_to_emergency_number(dialed: &str, region: &str) -> bool {
    matches!(
        classify(dialed, region, &ClassifyOptions::default()),
        Ok(NumberKind::Emergency { .. })
    )
}

/// The region's emergency numbers, most commonly used first (e.g. US: `["911", "112"]`);
/// empty when the region has no emergency metadata.
pub fn emergency_numbers(region: &str) -> &'static [&'static str] {
    match region {
        "US" | "CA" => &["911", "112"],
        "PR" => &["911"],
        "GB" => &["999", "112"],
        "DK" => &["112"],
        _ => &[],
    }
}
