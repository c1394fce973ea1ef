//! Emergency-contact notification (SPEC E7, B8): recipients parsing, template validation and
//! email rendering, through the public API only.

use agent_dialer::core::model::Coords;
use agent_dialer::core::notify::{
    escape_html, format_local, format_utc, parse_recipients, render_email, render_email_or_default,
    sample_facts, validate_template, DomainProblem, EmailKind, EmergencyFacts, RecipientError,
    Template, TemplateError, TemplateField, CALLBACK_PENDING, FALLBACK_SUBJECT, PLACEHOLDERS,
    UPDATE_SUBJECT_PREFIX,
};

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn tpl(subject: &str, body: &str) -> Template {
    Template {
        subject: subject.into(),
        body: body.into(),
    }
}

/// Renders `body` (subject "s") for `facts`; panics with the errors if the template is bad.
fn body_for(body: &str, facts: &EmergencyFacts, kind: EmailKind) -> String {
    render_email(&tpl("s", body), facts, &[], kind)
        .expect("template should be valid")
        .text
}

/// Facts with nothing known but the time.
fn bare_facts() -> EmergencyFacts {
    EmergencyFacts {
        started_at: sample_facts().started_at,
        ..EmergencyFacts::default()
    }
}

fn without_callback(mut f: EmergencyFacts) -> EmergencyFacts {
    f.callback_number = None;
    f.callback_expires_at = None;
    f
}

fn to() -> Vec<String> {
    vec!["security@example.com".to_string()]
}

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

#[test]
fn valid_recipient_lists() {
    let table: &[(&str, &[&str])] = &[
        ("a@example.com", &["a@example.com"]),
        (
            "  a@example.com ; b@example.org  ",
            &["a@example.com", "b@example.org"],
        ),
        // Empty entries are ignored silently.
        (
            "a@example.com;;b@example.org;",
            &["a@example.com", "b@example.org"],
        ),
        (";;; ; ", &[]),
        ("", &[]),
        // Commas and line breaks separate too (pasted from mail clients / spreadsheets).
        (
            "a@example.com, b@example.org",
            &["a@example.com", "b@example.org"],
        ),
        (
            "a@example.com\nb@example.org\r\nc@example.net",
            &["a@example.com", "b@example.org", "c@example.net"],
        ),
        // Display-name forms: the address is extracted.
        ("Jane Doe <jane@example.com>", &["jane@example.com"]),
        ("<jane@example.com>", &["jane@example.com"]),
        (
            "\"Doe, Jane\" <jane@example.com>; bob@example.com",
            &["jane@example.com", "bob@example.com"],
        ),
        ("Jane < jane@example.com >", &["jane@example.com"]),
        // Case-insensitive de-duplication keeps the first spelling.
        (
            "Jane@Example.com; jane@example.COM; JANE@EXAMPLE.COM",
            &["Jane@Example.com"],
        ),
        (
            "Jane <jane@example.com>; jane@example.com",
            &["jane@example.com"],
        ),
        // RFC 5322 atext, subdomains, hyphens, digits.
        (
            "o'brien+911@mail.example-corp.co.uk",
            &["o'brien+911@mail.example-corp.co.uk"],
        ),
        ("first.last@x1.example", &["first.last@x1.example"]),
        (
            "a!#$%&*/=?^_`{|}~-b@example.com",
            &["a!#$%&*/=?^_`{|}~-b@example.com"],
        ),
        // Internationalised (RFC 6531 / IDN): Danish is a supported region.
        ("jens@blåbær.dk", &["jens@blåbær.dk"]),
        ("søren.ørsted@firma.dk", &["søren.ørsted@firma.dk"]),
    ];
    for (input, expected) in table {
        let r = parse_recipients(input);
        assert_eq!(r.problems, vec![], "{input:?}");
        assert_eq!(r.valid, *expected, "{input:?}");
    }
}

#[test]
fn each_invalid_entry_gets_a_precise_error() {
    let long_local = format!("{}@example.com", "a".repeat(65));
    let ok_local = format!("{}@example.com", "a".repeat(64));
    let long_address = format!("a@{}.com", vec!["b".repeat(60); 5].join("."));
    let long_label = format!("a@{}.com", "b".repeat(64));
    let table: Vec<(&str, RecipientError)> = vec![
        ("security-desk", RecipientError::NotAnAddress),
        ("jane.example.com", RecipientError::NotAnAddress),
        ("a@b@example.com", RecipientError::MultipleAt),
        ("jane doe@example.com", RecipientError::ContainsWhitespace),
        (
            "a@example.com b@example.com",
            RecipientError::ContainsWhitespace,
        ),
        (
            "jane\u{a0}doe@example.com",
            RecipientError::ContainsWhitespace,
        ),
        ("@example.com", RecipientError::EmptyLocalPart),
        ("jane@", RecipientError::EmptyDomain),
        (".jane@example.com", RecipientError::MisplacedDot),
        ("jane.@example.com", RecipientError::MisplacedDot),
        ("ja..ne@example.com", RecipientError::MisplacedDot),
        (
            "o’brien@example.com",
            RecipientError::InvalidCharacter { ch: '’' },
        ),
        (
            "\"jane\"@example.com",
            RecipientError::InvalidCharacter { ch: '"' },
        ),
        (
            "jane(x)@example.com",
            RecipientError::InvalidCharacter { ch: '(' },
        ),
        (
            "mailto:jane@example.com",
            RecipientError::InvalidCharacter { ch: ':' },
        ),
        (
            "jane>@example.com",
            RecipientError::InvalidCharacter { ch: '>' },
        ),
        (
            "jane\u{0}@example.com",
            RecipientError::InvalidCharacter { ch: '\u{0}' },
        ),
        (&long_local, RecipientError::LocalPartTooLong { length: 65 }),
        (
            &long_address,
            RecipientError::TooLong {
                length: long_address.len(),
            },
        ),
        (
            "Jane <jane@example.com",
            RecipientError::UnclosedAngleBracket,
        ),
        (
            "Jane <jane@example.com> (desk)",
            RecipientError::TextAfterAddress,
        ),
        ("Jane <>", RecipientError::EmptyAngleBrackets),
        ("Jane < >", RecipientError::EmptyAngleBrackets),
        ("Jane <jane>", RecipientError::NotAnAddress),
    ];
    let domain = |d: &str, problem: DomainProblem| RecipientError::InvalidDomain {
        domain: d.into(),
        problem,
    };
    let domains: Vec<(&str, RecipientError)> = vec![
        ("jane@example", domain("example", DomainProblem::NoDot)),
        ("jane@localhost", domain("localhost", DomainProblem::NoDot)),
        (
            "jane@example..com",
            domain("example..com", DomainProblem::EmptyLabel),
        ),
        (
            "jane@.example.com",
            domain(".example.com", DomainProblem::EmptyLabel),
        ),
        (
            "jane@example.com.",
            domain("example.com.", DomainProblem::EmptyLabel),
        ),
        (
            "jane@-example.com",
            domain("-example.com", DomainProblem::HyphenAtLabelEdge),
        ),
        (
            "jane@example-.com",
            domain("example-.com", DomainProblem::HyphenAtLabelEdge),
        ),
        (
            "jane@10.0.0.1",
            domain("10.0.0.1", DomainProblem::NumericTopLevel),
        ),
        (
            "jane@[10.0.0.1]",
            domain("[10.0.0.1]", DomainProblem::AddressLiteral),
        ),
        (
            "jane@exa_mple.com",
            domain("exa_mple.com", DomainProblem::InvalidCharacter { ch: '_' }),
        ),
        ("jane@example.com,uk", RecipientError::NotAnAddress), // splits into "jane@example.com" + "uk"
        (
            &long_label,
            domain(&long_label[2..], DomainProblem::LabelTooLong),
        ),
    ];
    for (entry, expected) in table.into_iter().chain(domains) {
        let r = parse_recipients(entry);
        let problem = r
            .problems
            .last()
            .unwrap_or_else(|| panic!("{entry:?} should be rejected, got {r:?}"));
        assert_eq!(problem.error, expected, "{entry:?}");
        let message = problem.error.to_string();
        assert!(
            message.len() > 10 && !message.contains("Error"),
            "{entry:?}: {message}"
        );
    }
    // The limits are inclusive.
    assert_eq!(parse_recipients(&ok_local).valid.len(), 1);
    let labels = [
        "b".repeat(63),
        "b".repeat(63),
        "b".repeat(63),
        "b".repeat(56),
    ];
    let max = format!("a@{}.com", labels.join("."));
    assert_eq!(max.len(), 254);
    assert_eq!(
        parse_recipients(&max).problems,
        vec![],
        "254 bytes is allowed"
    );
}

#[test]
fn positions_count_the_entries_the_admin_sees_and_valid_ones_still_get_the_email() {
    let r =
        parse_recipients("ok1@example.com;; nope ;ok2@example.com, jane@ ;\n;ok1@EXAMPLE.com;x@y");
    assert_eq!(r.valid, vec!["ok1@example.com", "ok2@example.com"]);
    let found: Vec<(usize, &str, &RecipientError)> = r
        .problems
        .iter()
        .map(|p| (p.position, p.entry.as_str(), &p.error))
        .collect();
    assert_eq!(
        found,
        vec![
            (2, "nope", &RecipientError::NotAnAddress),
            (4, "jane@", &RecipientError::EmptyDomain),
            (
                6,
                "x@y",
                &RecipientError::InvalidDomain {
                    domain: "y".into(),
                    problem: DomainProblem::NoDot
                }
            ),
        ]
    );
}

#[test]
fn a_duplicate_is_not_a_problem() {
    let r = parse_recipients("a@example.com;A@EXAMPLE.COM");
    assert_eq!(r.valid, vec!["a@example.com"]);
    assert!(r.problems.is_empty());
    // ASCII case only: letters beyond ASCII are compared as written (both kept, no problem).
    let r = parse_recipients("jörg@example.com; JÖRG@example.com; Jörg@Example.com");
    assert_eq!(r.valid, vec!["jörg@example.com", "JÖRG@example.com"]);
    assert!(r.problems.is_empty());
}

#[test]
fn problem_messages_name_position_entry_and_reason() {
    let r = parse_recipients("a@example.com; bob.example.com");
    let text = r.problems[0].to_string();
    assert_eq!(text, "recipient 2 \"bob.example.com\": missing the @ sign (an address looks like name@example.com)");
    let r = parse_recipients("jane doe@example.com");
    assert!(
        r.problems[0].to_string().contains("semicolons"),
        "{}",
        r.problems[0]
    );
    let r = parse_recipients("jane@example");
    assert_eq!(
        r.problems[0].error.to_string(),
        "the domain \"example\" has no dot (expected a domain such as example.com)"
    );
    // Control characters are shown as code points, not raw.
    let r = parse_recipients("ja\u{7}ne@example.com");
    assert!(
        r.problems[0].to_string().contains("U+0007"),
        "{}",
        r.problems[0]
    );
    assert!(!r.problems[0].to_string().contains('\u{7}'));
}

#[test]
fn addresses_never_carry_header_breaking_characters() {
    for input in [
        "a@example.com\r\nBcc: evil@example.com",
        "a@example.com\rBcc:x@y.com",
        "a@ex\u{0}ample.com",
    ] {
        for address in parse_recipients(input).valid {
            assert!(
                !address.chars().any(|c| c.is_control() || c.is_whitespace()),
                "{input:?} → {address:?}"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Placeholders and template validation
// ---------------------------------------------------------------------------------------------

#[test]
fn the_placeholder_list_is_complete_unique_and_documented() {
    let required = [
        "agent_name",
        "agent_id",
        "dialed",
        "number",
        "time_utc",
        "time_local",
        "region",
        "latitude",
        "longitude",
        "accuracy",
        "civic_address",
        "location",
        "callback_number",
        "callback_expires_utc",
    ];
    let names: Vec<&str> = PLACEHOLDERS.iter().map(|p| p.name).collect();
    for r in required {
        assert!(names.contains(&r), "{r} missing from PLACEHOLDERS");
    }
    let mut sorted = names.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(sorted.len(), names.len(), "duplicate placeholder names");
    for p in PLACEHOLDERS {
        assert!(
            p.description.ends_with('.') && p.description.len() > 15,
            "{}: {}",
            p.name,
            p.description
        );
        let t = tpl(&format!("{{{}}}", p.name), &format!("x {{{}}} y", p.name));
        assert_eq!(validate_template(&t), vec![], "{}", p.name);
        let m = render_email(&t, &sample_facts(), &to(), EmailKind::Initial).expect("renders");
        assert!(
            !m.text.contains('{'),
            "{} left unreplaced: {}",
            p.name,
            m.text
        );
        assert!(!m.subject.trim().is_empty());
    }
}

#[test]
fn every_placeholder_renders_the_sample_facts() {
    let f = sample_facts();
    let table: &[(&str, &str)] = &[
        ("{agent_name}", "Jane Doe"),
        ("{agent_id}", "agent-0042"),
        ("{dialed}", "9-911"),
        ("{number}", "911"),
        ("{time_utc}", "2026-11-24 14:05:09 UTC"),
        ("{time_local}", "2026-11-24 09:05:09 (UTC−05:00)"),
        ("{region}", "US"),
        ("{latitude}", "40.748400"),
        ("{longitude}", "-73.985700"),
        ("{accuracy}", "25 m"),
        ("{coordinates}", "40.748400, -73.985700 (±25 m)"),
        ("{civic_address}", "350 Fifth Avenue, Floor 21, Room 2104, New York, NY 10118"),
        (
            "{location}",
            "350 Fifth Avenue, Floor 21, Room 2104, New York, NY 10118; 40.748400° N, 73.985700° W (within 25 m); region US",
        ),
        ("{callback_number}", "+1 202 555 0143"),
        ("{callback_expires_utc}", "2026-11-24 15:05:09 UTC"),
    ];
    for (body, expected) in table {
        assert_eq!(body_for(body, &f, EmailKind::Initial), *expected, "{body}");
    }
}

#[test]
fn missing_facts_render_as_words_never_empty() {
    let f = bare_facts();
    let table: &[(&str, &str)] = &[
        ("{agent_name}", "unknown"),
        ("{agent_id}", "unknown"),
        ("{dialed}", "unknown"),
        ("{number}", "unknown"),
        ("{region}", "unknown"),
        ("{latitude}", "unknown"),
        ("{longitude}", "unknown"),
        ("{accuracy}", "unknown"),
        ("{coordinates}", "unknown"),
        ("{civic_address}", "not provided"),
        (
            "{location}",
            "unknown — the agent's location was not available; ask the agent where they are",
        ),
        (
            "{callback_number}",
            "not yet assigned — a follow-up message will give it",
        ),
        ("{callback_expires_utc}", "not yet assigned"),
    ];
    for (body, expected) in table {
        assert_eq!(body_for(body, &f, EmailKind::Initial), *expected, "{body}");
    }
    // Blank or whitespace-only values count as missing.
    let blank = EmergencyFacts {
        agent_name: "  \n ".into(),
        region: Some(" ".into()),
        civic_address: Some("\n".into()),
        callback_number: Some(" ".into()),
        ..bare_facts()
    };
    assert_eq!(
        body_for(
            "{agent_name}|{region}|{civic_address}",
            &blank,
            EmailKind::Initial
        ),
        "unknown|unknown|not provided"
    );
    assert_eq!(
        body_for("{callback_number}", &blank, EmailKind::Initial),
        CALLBACK_PENDING
    );
    // A number without an expiry: the expiry is unknown, not "not yet assigned".
    let no_expiry = EmergencyFacts {
        callback_number: Some("+15550100".into()),
        ..bare_facts()
    };
    assert_eq!(
        body_for("{callback_expires_utc}", &no_expiry, EmailKind::Initial),
        "unknown"
    );
}

#[test]
fn positions_and_accuracy_render_sensibly() {
    let at = |latitude, longitude, accuracy_meters| EmergencyFacts {
        coords: Some(Coords {
            latitude,
            longitude,
            accuracy_meters,
        }),
        ..bare_facts()
    };
    let body = "{latitude}|{longitude}|{accuracy}|{coordinates}";
    let table: &[(EmergencyFacts, &str)] = &[
        (
            at(55.676_1, 12.568_3, 8.4),
            "55.676100|12.568300|8 m|55.676100, 12.568300 (±8 m)",
        ),
        (
            at(-0.000_000_1, 0.0, 0.0),
            "0.000000|0.000000|0 m|0.000000, 0.000000 (±0 m)",
        ),
        (at(f64::NAN, 1.0, 5.0), "unknown|unknown|unknown|unknown"),
        (at(91.0, 1.0, 5.0), "unknown|unknown|unknown|unknown"),
        (
            at(1.0, f64::INFINITY, 5.0),
            "unknown|unknown|unknown|unknown",
        ),
        (
            at(1.0, 2.0, -3.0),
            "1.000000|2.000000|unknown|1.000000, 2.000000 (accuracy unknown)",
        ),
        (
            at(1.0, 2.0, f64::NAN),
            "1.000000|2.000000|unknown|1.000000, 2.000000 (accuracy unknown)",
        ),
    ];
    for (facts, expected) in table {
        assert_eq!(
            body_for(body, facts, EmailKind::Initial),
            *expected,
            "{:?}",
            facts.coords
        );
    }
    let south_west = at(-33.868_8, -151.209_3, 12.0);
    assert_eq!(
        body_for("{location}", &south_west, EmailKind::Initial),
        "33.868800° S, 151.209300° W (within 12 m)"
    );
    let only_region = EmergencyFacts {
        region: Some("DK".into()),
        ..bare_facts()
    };
    assert_eq!(
        body_for("{location}", &only_region, EmailKind::Initial),
        "region DK"
    );
    let multi_line_address = EmergencyFacts {
        civic_address: Some("1 Main St\r\nFloor 3\n\nRoom 7".into()),
        ..bare_facts()
    };
    assert_eq!(
        body_for("{civic_address}", &multi_line_address, EmailKind::Initial),
        "1 Main St, Floor 3, Room 7"
    );
}

#[test]
fn times_in_utc_and_local_with_the_offset() {
    let t = sample_facts().started_at; // 2026-11-24 14:05:09 UTC
    assert_eq!(format_utc(t), "2026-11-24 14:05:09 UTC");
    assert_eq!(format_utc(0), "1970-01-01 00:00:00 UTC");
    assert_eq!(format_utc(951_782_400_999), "2000-02-29 00:00:00 UTC");
    let table: &[(i32, &str)] = &[
        (-300, "2026-11-24 09:05:09 (UTC−05:00)"),
        (0, "2026-11-24 14:05:09 (UTC+00:00)"),
        (60, "2026-11-24 15:05:09 (UTC+01:00)"),
        (330, "2026-11-24 19:35:09 (UTC+05:30)"),
        (-210, "2026-11-24 10:35:09 (UTC−03:30)"),
        (600, "2026-11-25 00:05:09 (UTC+10:00)"),
        (-900, "2026-11-23 23:05:09 (UTC−15:00)"),
    ];
    for (offset, expected) in table {
        assert_eq!(
            format_local(t, *offset).as_deref(),
            Some(*expected),
            "{offset}"
        );
        let f = EmergencyFacts {
            utc_offset_minutes: *offset,
            ..sample_facts()
        };
        assert_eq!(body_for("{time_local}", &f, EmailKind::Initial), *expected);
    }
    let absurd = EmergencyFacts {
        utc_offset_minutes: 24 * 60,
        ..sample_facts()
    };
    assert_eq!(
        body_for("{time_local}", &absurd, EmailKind::Initial),
        "unknown"
    );
    assert_eq!(format_local(t, i32::MAX), None);
}

#[test]
fn doubled_braces_are_literal_braces() {
    let f = sample_facts();
    let table: &[(&str, &str)] = &[
        ("{{agent_name}}", "{agent_name}"),
        ("{{{agent_name}}}", "{Jane Doe}"),
        ("a }} b {{ c", "a } b { c"),
        ("lone } stays", "lone } stays"),
        ("{{}}", "{}"),
        ("}{{", "}{"),
        ("{number}{number}", "911911"),
    ];
    for (body, expected) in table {
        assert_eq!(validate_template(&tpl("s", body)), vec![], "{body}");
        assert_eq!(body_for(body, &f, EmailKind::Initial), *expected, "{body}");
    }
}

/// (field, position, line, column) of an error.
fn where_(e: &TemplateError) -> (TemplateField, usize, usize, usize) {
    let at = e.at();
    (at.field, at.position, at.line, at.column)
}

#[test]
fn template_errors_name_field_kind_and_position() {
    use TemplateField::{Body, Subject};
    let t = tpl(
        "Call by {agentname} {",
        "Hello {agent_name}\nat {time} {}\nplace {location\nend {wat}",
    );
    let errors = validate_template(&t);
    assert_eq!(errors.len(), 6, "{errors:#?}");
    assert!(
        matches!(&errors[0], TemplateError::UnknownPlaceholder { name, suggestion: Some("agent_name"), .. } if name == "agentname")
    );
    assert_eq!(where_(&errors[0]), (Subject, 9, 1, 9));
    assert!(matches!(&errors[1], TemplateError::UnclosedBrace { .. }));
    assert_eq!(where_(&errors[1]), (Subject, 21, 1, 21));
    assert!(matches!(&errors[2], TemplateError::UnknownPlaceholder { name, .. } if name == "time"));
    assert_eq!(where_(&errors[2]), (Body, 23, 2, 4));
    assert!(matches!(&errors[3], TemplateError::EmptyPlaceholder { .. }));
    assert_eq!(where_(&errors[3]), (Body, 30, 2, 11));
    assert!(matches!(&errors[4], TemplateError::UnclosedBrace { .. }));
    assert_eq!(where_(&errors[4]), (Body, 39, 3, 7));
    assert!(
        matches!(&errors[5], TemplateError::UnknownPlaceholder { name, suggestion: None, .. } if name == "wat")
    );
    assert_eq!(where_(&errors[5]), (Body, 53, 4, 5));

    // render_email refuses with every error rather than blanking anything.
    assert_eq!(
        render_email(&t, &sample_facts(), &to(), EmailKind::Initial),
        Err(errors.clone())
    );

    // Messages say where and what to do.
    assert_eq!(
        errors[0].to_string(),
        "subject, character 9: unknown placeholder {agentname}; did you mean {agent_name}?"
    );
    assert_eq!(
        errors[4].to_string(),
        "body, line 3, character 7: '{' is not closed by '}' on the same line; write {{ for a literal brace"
    );
    assert!(
        errors[3].to_string().contains("empty placeholder {}"),
        "{}",
        errors[3]
    );
    assert!(
        errors[5]
            .to_string()
            .contains("write {{ for a literal brace"),
        "{}",
        errors[5]
    );
}

#[test]
fn unknown_placeholder_suggestions() {
    let table: &[(&str, Option<&str>)] = &[
        ("{agentname}", Some("agent_name")),
        ("{Agent_Name}", Some("agent_name")),
        ("{agent name}", Some("agent_name")),
        ("{time-utc}", Some("time_utc")),
        ("{latitud}", Some("latitude")),
        ("{callback}", None),
        ("{something_else_entirely}", None),
    ];
    for (body, expected) in table {
        match validate_template(&tpl("s", body)).as_slice() {
            [TemplateError::UnknownPlaceholder { suggestion, .. }] => {
                assert_eq!(suggestion, expected, "{body}")
            }
            other => panic!("{body}: {other:?}"),
        }
    }
}

#[test]
fn positions_count_characters_not_bytes() {
    let errors = validate_template(&tpl("ÆØÅ 🚨 {x}", "é\nø {y}"));
    assert_eq!(where_(&errors[0]), (TemplateField::Subject, 7, 1, 7));
    assert_eq!(where_(&errors[1]), (TemplateField::Body, 5, 2, 3));
}

// ---------------------------------------------------------------------------------------------
// Rendering: subject safety, HTML, kinds
// ---------------------------------------------------------------------------------------------

#[test]
fn the_subject_is_always_one_line() {
    let evil = EmergencyFacts {
        agent_name: "Jane\r\nBcc: attacker@example.com".into(),
        number: "911\n\n".into(),
        region: Some("US\u{85}X\u{2028}Y".into()),
        ..sample_facts()
    };
    let t = tpl(
        "Emergency\r\nby {agent_name} {number}\n{region}\rX-Header: 1",
        "body",
    );
    for kind in [EmailKind::Initial, EmailKind::CallbackUpdate] {
        let m = render_email(&t, &evil, &to(), kind).unwrap();
        assert!(
            !m.subject
                .chars()
                .any(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}')),
            "{:?}",
            m.subject
        );
        assert!(
            m.subject
                .contains("by Jane Bcc: attacker@example.com 911 US X Y X-Header: 1"),
            "{:?}",
            m.subject
        );
    }
}

#[test]
fn a_blank_subject_falls_back_to_a_clear_one() {
    let m = render_email(
        &tpl("  \n ", "b"),
        &sample_facts(),
        &to(),
        EmailKind::Initial,
    )
    .unwrap();
    assert_eq!(m.subject, FALLBACK_SUBJECT);
}

#[test]
fn html_escapes_values_and_template_text_alike() {
    let f = EmergencyFacts {
        agent_name: "<script>alert(1)</script>".into(),
        civic_address: Some("\"Tom & Jerry's\" <b>HQ</b>".into()),
        ..sample_facts()
    };
    let t = tpl(
        "{agent_name}",
        "<i>Admin text</i> & {agent_name}\n  {civic_address}",
    );
    let m = render_email(&t, &f, &to(), EmailKind::Initial).unwrap();
    // The text part is plain text: values as they are.
    assert_eq!(
        m.text,
        "<i>Admin text</i> & <script>alert(1)</script>\n  \"Tom & Jerry's\" <b>HQ</b>"
    );
    assert_eq!(m.subject, "<script>alert(1)</script>");
    let html = m.html.expect("an html part");
    assert_eq!(
        html,
        "&lt;i&gt;Admin text&lt;/i&gt; &amp; &lt;script&gt;alert(1)&lt;/script&gt;<br>\n\
         &nbsp;&nbsp;&quot;Tom &amp; Jerry&#39;s&quot; &lt;b&gt;HQ&lt;/b&gt;"
    );
    assert_eq!(escape_html("<>&\"'"), "&lt;&gt;&amp;&quot;&#39;");
}

#[test]
fn text_line_breaks_are_normalised_and_become_br() {
    let m = render_email(
        &tpl("s", "a\r\nb\rc\nd"),
        &sample_facts(),
        &to(),
        EmailKind::Initial,
    )
    .unwrap();
    assert_eq!(m.text, "a\nb\nc\nd");
    assert_eq!(m.html.as_deref(), Some("a<br>\nb<br>\nc<br>\nd"));
}

#[test]
fn bidi_and_control_characters_in_values_are_removed() {
    let f = EmergencyFacts {
        agent_name: "Jane\u{202E}eoD\u{0}\u{1b}[31m".into(),
        ..sample_facts()
    };
    let text = body_for("{agent_name}", &f, EmailKind::Initial);
    assert_eq!(text, "JaneeoD[31m");
}

#[test]
fn recipients_are_passed_through() {
    let to = vec!["a@example.com".to_string(), "b@example.com".to_string()];
    let m = render_email(
        &Template::default(),
        &sample_facts(),
        &to,
        EmailKind::Initial,
    )
    .unwrap();
    assert_eq!(m.to, to);
}

#[test]
fn initial_message_before_the_callback_number_promises_a_follow_up() {
    let f = without_callback(sample_facts());
    let m = render_email(&Template::default(), &f, &to(), EmailKind::Initial).unwrap();
    assert!(
        m.text
            .contains("Callback number: not yet assigned — a follow-up message will give it"),
        "{}",
        m.text
    );
    assert!(
        m.text.contains("Valid until: not yet assigned"),
        "{}",
        m.text
    );
    assert!(!m.subject.starts_with(UPDATE_SUBJECT_PREFIX));
}

#[test]
fn the_callback_update_says_the_number_first() {
    let f = sample_facts();
    let m = render_email(&Template::default(), &f, &to(), EmailKind::CallbackUpdate).unwrap();
    let initial = render_email(&Template::default(), &f, &to(), EmailKind::Initial).unwrap();
    assert_eq!(
        m.subject,
        format!("{UPDATE_SUBJECT_PREFIX}{}", initial.subject)
    );
    let first = m.text.lines().next().unwrap();
    assert_eq!(
        first,
        "UPDATE: the callback number for this emergency call is now known: +1 202 555 0143 (valid until 2026-11-24 15:05:09 UTC)."
    );
    // The rest is the ordinary body, now with the number.
    assert!(m.text.ends_with(&initial.text), "{}", m.text);
    assert!(m.text.contains("Callback number: +1 202 555 0143"));
    assert!(m.html.unwrap().starts_with("UPDATE: the callback number"));
    // Even a template without {callback_number} tells the number in the update.
    let m = render_email(
        &tpl("Emergency", "Call the desk."),
        &f,
        &to(),
        EmailKind::CallbackUpdate,
    )
    .unwrap();
    assert_eq!(m.subject, "Update: Emergency");
    assert!(
        m.text.starts_with("UPDATE:")
            && m.text.contains("+1 202 555 0143")
            && m.text.ends_with("\n\nCall the desk.")
    );
    // An update without a number (should not happen) says so rather than inventing one.
    let m = render_email(
        &tpl("s", "{callback_number}"),
        &without_callback(f),
        &to(),
        EmailKind::CallbackUpdate,
    )
    .unwrap();
    assert_eq!(m.text, "UPDATE: the callback number for this emergency call is still not assigned.\n\nnot yet assigned");
}

// ---------------------------------------------------------------------------------------------
// The default template (Kari's Law content, B8)
// ---------------------------------------------------------------------------------------------

#[test]
fn the_default_template_says_who_when_where_callback_and_that_it_is_automatic() {
    assert_eq!(validate_template(&Template::default()), vec![]);
    let t = Template::default();
    for p in [
        "{agent_name}",
        "{agent_id}",
        "{number}",
        "{time_utc}",
        "{time_local}",
        "{civic_address}",
        "{coordinates}",
        "{region}",
        "{callback_number}",
        "{callback_expires_utc}",
    ] {
        assert!(t.body.contains(p), "default body lacks {p}");
    }
    let m = render_email(&t, &sample_facts(), &to(), EmailKind::Initial).unwrap();
    for expected in [
        "Agent: Jane Doe (agent ID agent-0042)", // who
        "Number dialed: 911 (typed as \"9-911\")",
        "2026-11-24 14:05:09 UTC",                             // when, UTC
        "Agent's local time: 2026-11-24 09:05:09 (UTC−05:00)", // when, local
        "Civic address: 350 Fifth Avenue, Floor 21, Room 2104, New York, NY 10118", // where
        "Coordinates: 40.748400, -73.985700 (±25 m)",
        "Region: US",
        "Callback number: +1 202 555 0143", // callback
        "Valid until: 2026-11-24 15:05:09 UTC",
        "automatic", // automatic
    ] {
        assert!(
            m.text.contains(expected),
            "default email lacks {expected:?}:\n{}",
            m.text
        );
    }
    assert_eq!(
        m.subject,
        "EMERGENCY CALL: Jane Doe dialed 911 at 2026-11-24 14:05:09 UTC"
    );
    assert!(!m.text.contains('{') && !m.text.contains('}'));
}

#[test]
fn sample_facts_know_everything() {
    let f = sample_facts();
    assert!(
        !f.agent_name.is_empty()
            && !f.agent_id.is_empty()
            && !f.dialed.is_empty()
            && !f.number.is_empty()
    );
    assert!(f.region.is_some() && f.coords.is_some() && f.civic_address.is_some());
    assert!(f.callback_number.is_some());
    assert_eq!(f.callback_expires_at, Some(f.started_at + 60 * 60_000));
}

#[test]
fn a_broken_template_still_notifies_with_the_default_one() {
    let bad = tpl("{oops", "{agent_nme}");
    let (m, errors) = render_email_or_default(&bad, &sample_facts(), &to(), EmailKind::Initial);
    assert_eq!(errors.len(), 2);
    let default = render_email(
        &Template::default(),
        &sample_facts(),
        &to(),
        EmailKind::Initial,
    )
    .unwrap();
    assert_eq!(m, default);
    let good = tpl("S {number}", "B");
    let (m, errors) =
        render_email_or_default(&good, &sample_facts(), &to(), EmailKind::CallbackUpdate);
    assert!(errors.is_empty());
    assert_eq!(m.subject, "Update: S 911");
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn facts_strategy() -> impl Strategy<Value = EmergencyFacts> {
        let s = || ".{0,24}";
        (
            (s(), s(), s(), s(), any::<u64>(), any::<i32>()),
            (
                proptest::option::of(s()),
                proptest::option::of((any::<f64>(), any::<f64>(), any::<f64>())),
                proptest::option::of(s()),
                proptest::option::of(s()),
                proptest::option::of(any::<u64>()),
            ),
        )
            .prop_map(
                |(
                    (agent_name, agent_id, dialed, number, started_at, utc_offset_minutes),
                    (region, coords, civic_address, callback_number, callback_expires_at),
                )| {
                    EmergencyFacts {
                        agent_name,
                        agent_id,
                        dialed,
                        number,
                        started_at,
                        utc_offset_minutes,
                        region,
                        coords: coords.map(|(latitude, longitude, accuracy_meters)| Coords {
                            latitude,
                            longitude,
                            accuracy_meters,
                        }),
                        civic_address,
                        callback_number,
                        callback_expires_at,
                    }
                },
            )
    }

    /// Any string, weighted towards the characters that matter here.
    fn tricky() -> impl Strategy<Value = String> {
        prop_oneof![
            ".{0,80}",
            "[a-z@.;,<>\"{} \n\r\\\\-]{0,60}",
            "[<>&\"'a-z{}\n]{0,40}"
        ]
    }

    proptest! {
        #[test]
        fn parse_recipients_is_total_and_consistent(input in tricky()) {
            let r = parse_recipients(&input);
            let mut lowered: Vec<String> = r.valid.iter().map(|a| a.to_lowercase()).collect();
            lowered.sort();
            lowered.dedup();
            prop_assert_eq!(lowered.len(), r.valid.len(), "duplicates kept");
            for a in &r.valid {
                prop_assert!(a.contains('@') && !a.chars().any(|c| c.is_whitespace() || c.is_control()));
                prop_assert!(a.len() <= 254);
                // A valid address parses to itself.
                prop_assert_eq!(&parse_recipients(a).valid, &vec![a.clone()]);
            }
            let mut last = 0;
            for p in &r.problems {
                prop_assert!(p.position > last, "positions increase");
                last = p.position;
                prop_assert!(!p.entry.is_empty() && !p.to_string().is_empty());
            }
        }

        #[test]
        fn rendering_is_total_and_html_never_carries_markup_from_values(
            facts in facts_strategy(),
            subject in tricky(),
            body in tricky(),
            evil in "[<>&\"' a-z/]{0,20}",
            initial in any::<bool>(),
        ) {
            let kind = if initial { EmailKind::Initial } else { EmailKind::CallbackUpdate };
            let _ = validate_template(&Template { subject: subject.clone(), body: body.clone() });
            let _ = render_email(&Template { subject, body }, &facts, &[], kind);
            let _ = render_email_or_default(&Template::default(), &facts, &[], kind);

            let facts = EmergencyFacts {
                agent_name: format!("<script>{evil}"),
                civic_address: Some(format!("<img src=x onerror={evil}>")),
                callback_number: Some(format!("{evil}<b>")),
                ..facts
            };
            let every: String = PLACEHOLDERS.iter().map(|p| format!("{{{}}}\n", p.name)).collect();
            let m = render_email(&Template { subject: every.clone(), body: every }, &facts, &[], kind).unwrap();
            let html = m.html.unwrap();
            let stripped = html.replace("<br>", "");
            prop_assert!(!stripped.contains('<') && !stripped.contains('>'), "{}", html);
            prop_assert!(!m.subject.contains('\n') && !m.subject.contains('\r'));
            prop_assert!(!m.subject.is_empty());
        }

        #[test]
        fn every_placeholder_is_non_empty_for_any_facts(facts in facts_strategy(), initial in any::<bool>()) {
            let kind = if initial { EmailKind::Initial } else { EmailKind::CallbackUpdate };
            for p in PLACEHOLDERS {
                let t = Template { subject: "s".into(), body: format!("{{{}}}", p.name) };
                let text = render_email(&t, &facts, &[], kind).unwrap().text;
                // A callback update starts with its own line and a blank line.
                let value = match kind {
                    EmailKind::Initial => text.as_str(),
                    _ => text.split_once("\n\n").map_or("", |(_, v)| v),
                };
                prop_assert!(!value.trim().is_empty(), "{} rendered empty: {:?}", p.name, text);
                prop_assert!(!value.contains('\n'), "{} is not one line: {:?}", p.name, text);
            }
        }

        #[test]
        fn local_time_is_total(
            ms in prop_oneof![any::<u64>(), Just(0u64), Just(u64::MAX)],
            offset in prop_oneof![any::<i32>(), Just(i32::MIN), Just(i32::MAX), -1080i32..=1080],
        ) {
            let _ = format_utc(ms);
            if let Some(s) = format_local(ms, offset) {
                prop_assert!(s.contains("(UTC"));
            }
        }
    }
}
