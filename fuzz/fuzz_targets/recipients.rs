//! The recipients string (E7, from `config.emergency.recipients` or the settings editor):
//! every address kept is one header-safe address, kept once; re-parsing the kept addresses
//! gives them back unchanged; every problem names its entry in order and reads cleanly.
//! Input: the string (UTF-8).
#![no_main]

use agent_dialer::core::notify::{parse_recipients, MAX_ADDRESS_LEN};
use agent_dialer_fuzz::text;
use libfuzzer_sys::fuzz_target;

fn bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fuzz_target!(|data: &[u8]| {
    let Some(input) = text(data) else { return };
    let r = parse_recipients(input);
    let mut seen = std::collections::HashSet::new();
    for a in &r.valid {
        assert!(a.len() <= MAX_ADDRESS_LEN, "{a:?}");
        assert_eq!(a.matches('@').count(), 1, "{a:?}");
        assert!(
            !a.chars()
                .any(|c| c.is_whitespace() || c.is_control() || bidi(c) || "<>\";,".contains(c)),
            "not one header-safe address: {a:?}"
        );
        // Duplicates are removed ignoring ASCII case (core::notify, "Duplicates").
        assert!(seen.insert(a.to_ascii_lowercase()), "{a:?} kept twice");
    }
    let again = parse_recipients(&r.valid.join("; "));
    assert_eq!(
        again.valid, r.valid,
        "the kept addresses parse as themselves"
    );
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    let mut last = 0;
    for p in &r.problems {
        assert!(p.position > last, "problems in order: {:?}", r.problems);
        last = p.position;
        assert!(!p.entry.is_empty() && p.entry.trim() == p.entry, "{p:?}");
        let message = p.to_string();
        assert!(
            !message.chars().any(|c| c.is_control() || bidi(c)),
            "a problem shown to the administrator: {message:?}"
        );
    }
});
