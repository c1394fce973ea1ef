//! The locale files (`www/locales/<tag>.json`) against the UI's keys: each translates every
//! en-US string once, with the same `{0}`, `{1}`… placeholders, names the six regions, and
//! holds nothing else; taken up, every key of the language is translated.

use std::collections::BTreeSet;

use agent_dialer::ui::i18n::{install_with, region_name, t, Key, Lang, ENGLISH, LOCALE_FILES};

fn placeholders(text: &str) -> BTreeSet<String> {
    (0..10)
        .map(|i| format!("{{{i}}}"))
        .filter(|p| text.contains(p.as_str()))
        .collect()
}

fn parse(file: &str) -> serde_json::Map<String, serde_json::Value> {
    match serde_json::from_str(file).expect("a locale file is JSON") {
        serde_json::Value::Object(map) => map,
        other => panic!("a locale file is an object, not {other}"),
    }
}

#[test]
fn every_locale_file_translates_every_string_and_nothing_else() {
    let english: BTreeSet<&str> = ENGLISH.iter().copied().collect();
    for (lang, file) in LOCALE_FILES {
        let file = parse(file);
        assert_eq!(file["locale"], lang.tag(), "the file names its locale");
        let strings = file["strings"].as_object().expect("strings is an object");
        let keys: BTreeSet<&str> = strings.keys().map(String::as_str).collect();
        let missing: Vec<_> = english.difference(&keys).collect();
        let extra: Vec<_> = keys.difference(&english).collect();
        assert!(
            missing.is_empty(),
            "{}: not translated: {missing:#?}",
            lang.tag()
        );
        assert!(
            extra.is_empty(),
            "{}: not a string of the UI (stale?): {extra:#?}",
            lang.tag()
        );
        for (en, tr) in strings {
            let tr = tr
                .as_str()
                .unwrap_or_else(|| panic!("{}: {en:?} is not a string", lang.tag()));
            assert!(!tr.trim().is_empty(), "{}: {en:?} is empty", lang.tag());
            assert_eq!(
                placeholders(tr),
                placeholders(en),
                "{}: {en:?} → {tr:?}",
                lang.tag()
            );
        }
        let regions = file["regions"].as_object().expect("regions is an object");
        let codes: BTreeSet<&str> = regions.keys().map(String::as_str).collect();
        assert_eq!(
            codes,
            BTreeSet::from(["US", "CA", "PR", "GB", "DK", "DE"]),
            "{}",
            lang.tag()
        );
    }
}

#[test]
fn the_english_strings_name_each_key_once() {
    // The en-US text is the key of a translation: two keys with the same English text get the
    // same translation. Only these share it on purpose.
    let shared = [(Key::Number, Key::EmergencyNumber)];
    let mut seen = std::collections::BTreeMap::new();
    for (i, en) in ENGLISH.iter().enumerate() {
        if let Some(first) = seen.insert(*en, i) {
            let pair = (ENGLISH[first], *en);
            assert!(
                shared.iter().any(|(a, b)| (t(Lang::EnUs, *a), t(Lang::EnUs, *b)) == pair),
                "keys {first} and {i} share the English text {en:?}: make it distinct, or list them here"
            );
        }
    }
}

#[test]
fn taken_up_every_key_and_region_is_translated() {
    for (lang, file) in LOCALE_FILES {
        let file = parse(file);
        let get = |group: &str, key: &str| file[group][key].as_str().map(String::from);
        // Before: English.
        assert_eq!(t(lang, Key::Call), "Call", "{}", lang.tag());
        install_with(lang, &|en| get("strings", en), &|code| get("regions", code)).unwrap();
        for (i, en) in ENGLISH.iter().enumerate() {
            let key_text = get("strings", en).unwrap();
            // `t` by index: every key's text is the file's translation of its English.
            let shown = agent_dialer::ui::i18n::t_index(lang, i);
            assert_eq!(shown, key_text, "{}: {en:?}", lang.tag());
        }
        assert_eq!(region_name(lang, "DK"), get("regions", "DK").unwrap());
    }
}

#[test]
fn a_translation_with_other_placeholders_is_not_used_and_an_empty_file_is_refused() {
    // Each test runs on its own thread, with no locale taken up yet.
    let lang = Lang::EsPr;
    let bad = |en: &str| match en {
        "Calling {0}" => Some("Llamando".to_string()), // lost its {0}
        "Call" => Some("Llamar".to_string()),
        _ => None,
    };
    assert!(
        install_with(lang, &|_| None, &|_| None).is_err(),
        "nothing translated: refused"
    );
    assert_eq!(t(lang, Key::Call), "Call", "a refused file changes nothing");
    install_with(lang, &bad, &|_| None).unwrap();
    assert_eq!(t(lang, Key::Call), "Llamar");
    assert_eq!(
        t(lang, Key::AnnounceCalling),
        "Calling {0}",
        "English, not a sentence without the number"
    );
    assert_eq!(
        region_name(lang, "US"),
        "the United States",
        "an untranslated region stays English"
    );
}
