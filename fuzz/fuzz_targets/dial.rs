//! Dial strings (what the agent types, pastes, or a host passes to `dialer.dial`): the
//! normaliser and the emergency-number engine (SPEC E1, B1, B2) for any text, region and
//! outside-line prefix. Input: `REGION<TAB>PREFIX<TAB>DIAL` (UTF-8).
#![no_main]

use agent_dialer::core::dial::{decimal_digit, normalize, DialError, MAX_DIAL_CHARS};
use agent_dialer::core::emergency::{self, classify, ClassifyOptions, NumberKind};
use agent_dialer_fuzz::text;
use libfuzzer_sys::fuzz_target;

/// Outside-line prefixes tried besides the one in the input.
const PREFIXES: &[&str] = &["9", "0", "٩"];

/// The first character `_extract_possible_number` starts at is a plus: never an emergency (E1).
fn starts_with_plus(dialed: &str) -> bool {
    dialed
        .chars()
        .find(|&c| c == '+' || c == '＋' || decimal_digit(c).is_some())
        .is_some_and(|c| c == '+' || c == '＋')
}

fn check_normalize(dialed: &str) -> Result<String, DialError> {
    let result = normalize(dialed);
    match &result {
        Ok(n) => {
            assert!(
                n.bytes()
                    .all(|b| b.is_ascii_digit() || b"+*#,;".contains(&b)),
                "{n:?}"
            );
            assert!(!n.get(1..).unwrap_or("").contains('+'), "{n:?}");
            assert!(n.bytes().any(|b| b.is_ascii_digit()), "{n:?}");
            assert!(n.chars().count() <= MAX_DIAL_CHARS, "{n:?}");
            assert_eq!(normalize(n).as_ref(), Ok(n), "normalising is idempotent");
        }
        Err(e) => {
            let chars = dialed.chars().count();
            let position = match e {
                DialError::InvalidCharacter { position, .. }
                | DialError::MisplacedPlus { position }
                | DialError::MisplacedPause { position, .. }
                | DialError::Extension { position } => Some(*position),
                _ => None,
            };
            if let Some(p) = position {
                assert!((1..=chars).contains(&p), "{e:?} in {chars} characters");
            }
            assert!(!e.to_string().is_empty());
        }
    }
    result
}

fuzz_target!(|data: &[u8]| {
    let Some(text) = text(data) else { return };
    // `REGION<TAB>PREFIX<TAB>DIAL` (the shape of tests/data/emergency_vectors.tsv with a
    // prefix column; scripts/fuzz.sh makes the seeds from it); fewer tabs: just the dial.
    let mut fields = text.splitn(3, '\t');
    let (region, prefix, dialed) = match (fields.next(), fields.next(), fields.next()) {
        (Some(r), Some(p), Some(d)) => (r, p, d),
        (Some(r), Some(d), None) => (r, "", d),
        _ => ("US", "", text),
    };
    let prefix = if prefix.is_empty() {
        PREFIXES[dialed.len() % PREFIXES.len()]
    } else {
        prefix
    };
    let normalized = check_normalize(dialed);

    let is = emergency::is_emergency_number(dialed, region);
    let connects = emergency::connects_to_emergency_number(dialed, region);
    assert!(!is || connects, "an emergency number also connects to one");
    if starts_with_plus(dialed) {
        assert!(
            !connects,
            "a number that starts with + is never an emergency number"
        );
    }
    let plain = classify(dialed, region, &ClassifyOptions::default());
    let options = ClassifyOptions {
        outside_line_prefix: Some(prefix.to_string()),
    };
    for (kind, with_prefix) in [(&plain, false), (&classify(dialed, region, &options), true)] {
        match kind {
            Ok(NumberKind::Emergency {
                number,
                exact,
                via_outside_line_prefix,
            }) => {
                assert!(
                    emergency::emergency_numbers(region).contains(&number.as_str()),
                    "{number} is not an emergency number of {region:?}"
                );
                if !via_outside_line_prefix {
                    assert!(
                        connects,
                        "{dialed:?} classified emergency without connecting"
                    );
                    assert_eq!(*exact, is, "exact means 'is an emergency number'");
                }
                assert!(with_prefix || !via_outside_line_prefix);
            }
            Ok(NumberKind::TestCall { number }) => {
                assert!(region.eq_ignore_ascii_case("US") && number == "933");
                assert!(!connects);
            }
            Ok(NumberKind::Ordinary { number }) => {
                assert_eq!(normalized.as_ref(), Ok(number));
                assert!(
                    !connects,
                    "{dialed:?} connects to an emergency number in {region:?}"
                );
            }
            Err(e) => {
                assert_eq!(normalized.as_ref(), Err(e));
                assert!(
                    !connects,
                    "an emergency number is never invalid: {dialed:?}"
                );
            }
        }
    }
    // With an exact emergency number as dialed, the prefix changes nothing.
    if is {
        assert_eq!(
            classify(dialed, region, &options),
            plain,
            "{dialed:?} in {region:?}"
        );
    }
});
