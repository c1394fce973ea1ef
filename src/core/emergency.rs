//! Emergency-number recognition (SPEC E1, B1, B2) for every region with emergency metadata.
//!
//! Deterministic; no clock, no IO; total: no input panics, and an emergency number is never
//! reported as invalid, however it is typed.
//!
//! Recognition reproduces libphonenumber's short-number semantics exactly as its Python port
//! (`phonenumbers.shortnumberinfo`, version in [`METADATA_VERSION`]) answers them, from tables
//! that `tools/gen_emergency.py` generates into `emergency_data.rs` (no regex at run time):
//! - The dial string is read as `_extract_possible_number` reads it: everything before the
//!   first `+`, `＋` or Unicode decimal digit is ignored (`tel:`, "Call"), and the string is cut
//!   at a second number (`/x`, `\ x`). If that first character is a plus, the string is never
//!   an emergency number (E1: `+911` is not).
//! - Its digits are what `normalize_digits_only` keeps: every character with a Unicode digit
//!   value (decimal digits of any script, superscripts, circled digits ...); everything else is
//!   ignored (formatting, letters, `*`, `#`, pauses).
//! - *is emergency*: those digits are exactly one of the region's emergency numbers.
//!   *connects to emergency*: they start with one, except in BR, CL and NI, where extra digits
//!   stop the call. `tests/data/emergency_vectors.tsv` holds the library's own answers for
//!   every region; `tests/emergency.rs` checks them all.
//!
//! Deliberate differences from the library: region codes are matched ignoring ASCII case (the
//! library looks the metadata up upper-cased but applies the BR/CL/NI rule case-sensitively);
//! and [`classify`] adds the outside-line prefix and the US 933 test call (B2).

use super::dial::{self, decimal_digit, digit_value, DialError};
use super::emergency_data::{
    BY_FIRST_LETTER, MAX_NUMBER_LEN, MUST_BE_EXACT, NUMBERS, PHONENUMBERS_VERSION, REGIONS,
    UNICODE_VERSION,
};

/// Version of libphonenumber's metadata (PyPI `phonenumbers`) the tables were generated from.
pub const METADATA_VERSION: &str = PHONENUMBERS_VERSION;

/// Unicode version of the digit tables (Python's `unicodedata` at generation time).
pub const DIGITS_UNICODE_VERSION: &str = UNICODE_VERSION;

/// Test numbers that reach the emergency service's test line, not a dispatcher (B2):
/// `(region, number)`.
const TEST_CALLS: [(&str, &str); 1] = [("US", "933")];

/// The longest outside-line prefix honoured, in digits.
const MAX_PREFIX_DIGITS: usize = 16;

/// How many leading digits of a dial string are kept for matching (prefix + number).
const KEPT_DIGITS: usize = MAX_PREFIX_DIGITS + MAX_NUMBER_LEN + 2;

/// Options that change how a dial string is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClassifyOptions {
    /// Outside-line prefix the agent may dial first, e.g. `"9"` for `9-911` (B2, Kari's Law).
    /// Only its decimal digits count; a prefix with none, or with more than 16, is ignored.
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

/// Classifies a dial string for `region` (ISO 3166-1 alpha-2; ASCII case is ignored; a region
/// without emergency metadata, or an unknown one, has no emergency numbers).
///
/// In order: an emergency number exactly as dialed, then exactly with the outside-line
/// prefix removed, then one the digits start with ("connects"), as dialed and then without
/// the prefix — never an error, whatever the formatting; then a test call (also after the
/// prefix); otherwise an ordinary number through [`dial::normalize`].
///
/// # Errors
/// Only for an ordinary number that [`dial::normalize`] refuses; never for an emergency number
/// or a test call.
pub fn classify(
    dialed: &str,
    region: &str,
    options: &ClassifyOptions,
) -> Result<NumberKind, DialError> {
    let digits = Digits::read(dialed);
    let prefix = options
        .outside_line_prefix
        .as_deref()
        .and_then(Prefix::parse);
    if let Some(digits) = &digits {
        let stripped = prefix.as_ref().and_then(|p| digits.after(p));
        if let Some(table) = RegionTable::find(region) {
            // Exact readings first, as dialed and then without the prefix; only then the
            // "connects" readings. With prefix 9 in the US, `9 112` is 112 (not 911 followed
            // by a 2); `9112` without a prefix configured still connects to 911.
            let exact = |d: DigitsRef<'_>| table.exact(d).map(|n| (n, true));
            let connects = |d: DigitsRef<'_>| table.matches(d);
            let found = exact(digits.all())
                .map(|m| (m, false))
                .or_else(|| stripped.and_then(exact).map(|m| (m, true)))
                .or_else(|| connects(digits.all()).map(|m| (m, false)))
                .or_else(|| stripped.and_then(connects).map(|m| (m, true)));
            if let Some(((number, exact), via)) = found {
                return Ok(NumberKind::Emergency {
                    number: number.to_string(),
                    exact,
                    via_outside_line_prefix: via,
                });
            }
        }
        for (test_region, number) in TEST_CALLS {
            if region.eq_ignore_ascii_case(test_region) {
                let is_test = |d: DigitsRef<'_>| d.is(number);
                if is_test(digits.all()) || stripped.is_some_and(is_test) {
                    return Ok(NumberKind::TestCall {
                        number: number.to_string(),
                    });
                }
            }
        }
    }
    dial::normalize(dialed).map(|number| NumberKind::Ordinary { number })
}

/// libphonenumber `isEmergencyNumber(dialed, region)`: the digits are exactly an emergency
/// number of the region (formatting allowed, extra digits not).
#[must_use]
pub fn is_emergency_number(dialed: &str, region: &str) -> bool {
    match (Digits::read(dialed), RegionTable::find(region)) {
        (Some(digits), Some(table)) => table.exact(digits.all()).is_some(),
        _ => false,
    }
}

/// libphonenumber `connectsToEmergencyNumber(dialed, region)`: the digits are, or start with,
/// an emergency number of the region (only exactly, in BR, CL and NI).
#[must_use]
pub fn connects_to_emergency_number(dialed: &str, region: &str) -> bool {
    match (Digits::read(dialed), RegionTable::find(region)) {
        (Some(digits), Some(table)) => table.matches(digits.all()).is_some(),
        _ => false,
    }
}

/// The region's emergency numbers, most commonly used first (e.g. US: `["911", "112"]`, GB:
/// `["999", "112"]`); empty when the region has no emergency metadata.
#[must_use]
pub fn emergency_numbers(region: &str) -> &'static [&'static str] {
    RegionTable::find(region).map_or(&[], |t| t.numbers)
}

/// The number to tell an agent to dial in `region` ("use another phone and dial X", SPEC E12).
#[must_use]
pub fn primary_emergency_number(region: &str) -> Option<&'static str> {
    emergency_numbers(region).first().copied()
}

/// True when libphonenumber has emergency numbers for `region`.
#[must_use]
pub fn has_emergency_metadata(region: &str) -> bool {
    RegionTable::find(region).is_some()
}

/// Every region with emergency metadata, upper case, sorted (about 240, SPEC B1).
#[must_use]
pub fn regions_with_emergency_metadata() -> impl ExactSizeIterator<Item = &'static str> {
    REGIONS
        .iter()
        .map(|(code, _, _)| std::str::from_utf8(code).unwrap_or_default())
}

/// One region's row of the generated table.
struct RegionTable {
    numbers: &'static [&'static str],
    exact_only: bool,
}

impl RegionTable {
    fn find(region: &str) -> Option<RegionTable> {
        let (first, second) = match region.as_bytes() {
            [a, b] => (a.to_ascii_uppercase(), b.to_ascii_uppercase()),
            _ => return None,
        };
        let letter = usize::from(first.checked_sub(b'A')?);
        let from = usize::from(*BY_FIRST_LETTER.get(letter)?);
        let to = usize::from(*BY_FIRST_LETTER.get(letter + 1)?);
        let &(code, start, count) = REGIONS
            .get(from..to)?
            .iter()
            .find(|(code, _, _)| code[1] == second)?;
        let start = usize::from(start);
        let numbers = NUMBERS.get(start..start + usize::from(count))?;
        let exact_only = MUST_BE_EXACT.iter().any(|r| r.as_bytes() == code);
        Some(RegionTable {
            numbers,
            exact_only,
        })
    }

    fn exact(&self, digits: DigitsRef<'_>) -> Option<&'static str> {
        self.numbers.iter().copied().find(|n| digits.is(n))
    }

    /// `(number, exact)`: the exact match, else (where allowed) the longest emergency number
    /// the digits start with.
    fn matches(&self, digits: DigitsRef<'_>) -> Option<(&'static str, bool)> {
        if let Some(n) = self.exact(digits) {
            return Some((n, true));
        }
        if self.exact_only {
            return None;
        }
        self.numbers
            .iter()
            .copied()
            .filter(|n| digits.kept.starts_with(n.as_bytes()))
            .max_by_key(|n| n.len())
            .map(|n| (n, false))
    }
}

/// The digits of a dial string as libphonenumber reads them: the first [`KEPT_DIGITS`]
/// (ASCII) and how many there are in all.
struct Digits {
    buf: [u8; KEPT_DIGITS],
    total: usize,
}

/// A view of [`Digits`] from some offset on.
#[derive(Clone, Copy)]
struct DigitsRef<'a> {
    kept: &'a [u8],
    total: usize,
}

impl DigitsRef<'_> {
    fn is(&self, number: &str) -> bool {
        self.total == number.len() && self.kept == number.as_bytes()
    }
}

impl Digits {
    /// `None` when the string starts with a plus or has no digit to start from.
    fn read(dialed: &str) -> Option<Digits> {
        let (start, first) = dialed
            .char_indices()
            .find(|&(_, c)| is_plus(c) || decimal_digit(c).is_some())?;
        if is_plus(first) {
            return None;
        }
        let tail = dialed.get(start..)?;
        let mut digits = Digits {
            buf: [0; KEPT_DIGITS],
            total: 0,
        };
        for (i, c) in tail.char_indices() {
            if c == '/' || c == '\\' {
                // `[\\/] *x` starts a second number: `911/x12` is 911.
                let after = tail.get(i + 1..).unwrap_or_default();
                if after.trim_start_matches(' ').starts_with('x') {
                    break;
                }
            } else if let Some(d) = digit_value(c) {
                if let Some(slot) = digits.buf.get_mut(digits.total) {
                    *slot = b'0' + d;
                }
                digits.total += 1;
            }
        }
        Some(digits)
    }

    fn all(&self) -> DigitsRef<'_> {
        self.from(0)
    }

    fn from(&self, skip: usize) -> DigitsRef<'_> {
        let kept = self.total.min(KEPT_DIGITS);
        DigitsRef {
            kept: self.buf.get(skip.min(kept)..kept).unwrap_or_default(),
            total: self.total.saturating_sub(skip),
        }
    }

    /// The digits after the outside-line prefix, if they start with it and go on.
    fn after(&self, prefix: &Prefix) -> Option<DigitsRef<'_>> {
        let all = self.all();
        let p = prefix.digits();
        (all.total > p.len() && all.kept.starts_with(p)).then(|| self.from(p.len()))
    }
}

/// An outside-line prefix's digits.
struct Prefix {
    buf: [u8; MAX_PREFIX_DIGITS],
    len: usize,
}

impl Prefix {
    fn parse(text: &str) -> Option<Prefix> {
        let mut prefix = Prefix {
            buf: [0; MAX_PREFIX_DIGITS],
            len: 0,
        };
        for d in text.chars().filter_map(decimal_digit) {
            *prefix.buf.get_mut(prefix.len)? = b'0' + d;
            prefix.len += 1;
        }
        (prefix.len > 0).then_some(prefix)
    }

    fn digits(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or_default()
    }
}

fn is_plus(c: char) -> bool {
    c == '+' || c == '\u{FF0B}'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefix(p: &str) -> ClassifyOptions {
        ClassifyOptions {
            outside_line_prefix: Some(p.into()),
        }
    }

    fn emergency(number: &str, exact: bool, via: bool) -> Result<NumberKind, DialError> {
        Ok(NumberKind::Emergency {
            number: number.into(),
            exact,
            via_outside_line_prefix: via,
        })
    }

    #[test]
    fn table_covers_every_region_with_metadata() {
        assert!(regions_with_emergency_metadata().len() >= 230);
        for region in regions_with_emergency_metadata() {
            assert_eq!(region.len(), 2, "{region}");
            let numbers = emergency_numbers(region);
            assert!(!numbers.is_empty(), "{region} has no numbers");
            for n in numbers {
                assert!(n.bytes().all(|b| b.is_ascii_digit()), "{region}: {n}");
                assert!(is_emergency_number(n, region), "{region}: {n}");
            }
        }
        let sorted: Vec<_> = regions_with_emergency_metadata().collect();
        assert!(sorted.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn primary_numbers_of_well_known_regions() {
        for (region, primary) in [
            ("US", "911"),
            ("CA", "911"),
            ("PR", "911"),
            ("GB", "999"),
            ("DK", "112"),
            ("DE", "112"),
            ("FR", "112"),
            ("AU", "000"),
            ("NZ", "111"),
            ("JP", "110"),
            ("IN", "112"),
        ] {
            assert_eq!(primary_emergency_number(region), Some(primary), "{region}");
        }
        assert_eq!(emergency_numbers("US"), &["911", "112"]);
        assert_eq!(emergency_numbers("GB"), &["999", "112"]);
        assert_eq!(emergency_numbers("ZZ"), &[] as &[&str]);
        assert_eq!(primary_emergency_number("GN"), None); // short data, but no emergency numbers
        assert!(!has_emergency_metadata("USA"));
        assert!(has_emergency_metadata("us"));
    }

    #[test]
    fn outside_line_prefix_is_tried_after_plain_recognition() {
        let nine = prefix("9");
        assert_eq!(classify("9911", "US", &nine), emergency("911", true, true));
        assert_eq!(classify("9-911", "US", &nine), emergency("911", true, true));
        assert_eq!(classify("9 112", "US", &nine), emergency("112", true, true));
        // Exact readings win over "connects": 9112 is 9 + 112, but 911 + 2 without a prefix.
        assert_eq!(classify("9112", "US", &nine), emergency("112", true, true));
        assert_eq!(
            classify("9112", "US", &ClassifyOptions::default()),
            emergency("911", false, false)
        );
        assert_eq!(
            classify("99112", "US", &nine),
            emergency("911", false, true)
        );
        assert_eq!(classify("911", "US", &nine), emergency("911", true, false));
        // Without the option, 9911 is an ordinary number.
        assert_eq!(
            classify("9911", "US", &ClassifyOptions::default()),
            Ok(NumberKind::Ordinary {
                number: "9911".into()
            })
        );
        // A prefix alone is not an emergency; nor is a plus after it.
        assert!(matches!(
            classify("9", "US", &nine),
            Ok(NumberKind::Ordinary { .. })
        ));
        assert!(matches!(
            classify("+9911", "US", &nine),
            Ok(NumberKind::Ordinary { .. })
        ));
        // Prefix given with formatting or Unicode digits.
        assert_eq!(
            classify("0112", "DE", &prefix(" ０ ")),
            emergency("112", true, true)
        );
        // Exact-only regions stay exact after the prefix.
        assert_eq!(
            classify("01900", "BR", &prefix("0"))
                .ok()
                .map(is_emergency_kind),
            Some(false)
        );
    }

    fn is_emergency_kind(k: NumberKind) -> bool {
        matches!(k, NumberKind::Emergency { .. })
    }

    #[test]
    fn test_call_is_not_an_emergency() {
        let test = Ok(NumberKind::TestCall {
            number: "933".into(),
        });
        assert_eq!(classify("933", "US", &ClassifyOptions::default()), test);
        assert_eq!(classify("9-3-3", "us", &ClassifyOptions::default()), test);
        assert_eq!(classify("9-933", "US", &prefix("9")), test);
        assert!(matches!(
            classify("933", "GB", &ClassifyOptions::default()),
            Ok(NumberKind::Ordinary { .. })
        ));
        assert!(matches!(
            classify("9330", "US", &ClassifyOptions::default()),
            Ok(NumberKind::Ordinary { .. })
        ));
    }

    #[test]
    fn emergency_never_fails_on_formatting() {
        let d = ClassifyOptions::default();
        assert_eq!(
            classify("Call 911 now!", "US", &d),
            emergency("911", true, false)
        );
        assert_eq!(
            classify("911\u{1F6A8}", "US", &d),
            emergency("911", true, false)
        );
        assert!(dial::normalize("911\u{1F6A8}").is_err());
        assert_eq!(classify("112 x", "DK", &d), emergency("112", true, false));
        assert_eq!(classify("1122", "DK", &d), emergency("112", false, false));
    }

    #[test]
    fn long_digit_strings_do_not_confuse_matching() {
        let long = format!("911{}", "1".repeat(100));
        assert!(connects_to_emergency_number(&long, "US"));
        assert!(!is_emergency_number(&long, "US"));
        assert!(!is_emergency_number(&"1".repeat(100), "US"));
        let huge_prefix = prefix(&"9".repeat(40));
        assert!(matches!(
            classify(&"9".repeat(40), "US", &huge_prefix),
            Ok(NumberKind::Ordinary { .. })
        ));
    }
}
