//! Emergency-calling readiness (SPEC E10, B6), through the public API only.

use std::rc::Rc;

use agent_dialer::core::model::{Coords, Location, LocationStatus};
use agent_dialer::core::notify::{parse_recipients, Recipients};
use agent_dialer::core::readiness::{
    evaluate, route, Check, CheckId, CheckReason, NumberType, ReadinessFacts, ReadinessReport,
    RoutePath,
};

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

fn facts() -> ReadinessFacts {
    ReadinessFacts {
        voice_outbound_profile: true,
        mailbox_enabled: true,
        number_type: NumberType::CallingPlan,
        direct_routing_emergency_rule: false,
        direct_offer_number: false,
    }
}

fn direct(rule: bool, offer: bool) -> ReadinessFacts {
    ReadinessFacts {
        number_type: NumberType::DirectRouting,
        direct_routing_emergency_rule: rule,
        direct_offer_number: offer,
        ..facts()
    }
}

fn at(region: &str) -> Location {
    Location {
        status: LocationStatus::Granted,
        region: Some(region.into()),
        coords: Some(Coords {
            latitude: 40.7,
            longitude: -74.0,
            accuracy_meters: 20.0,
        }),
        overridden: false,
        nearby: Vec::new(),
    }
}

fn defaults() -> Vec<String> {
    ["US", "CA", "PR", "GB", "DK"]
        .iter()
        .map(|s| s.to_string())
        .collect()
}

fn contacts(s: &str) -> Recipients {
    parse_recipients(s)
}

fn report(
    f: Option<&ReadinessFacts>,
    location: &Location,
    recipients: &Recipients,
) -> ReadinessReport {
    evaluate(f, location, &defaults(), &Rc::new(recipients.clone()))
}

fn check(r: &ReadinessReport, id: CheckId) -> &Check {
    r.check(id)
        .unwrap_or_else(|| panic!("no {} check in {r:#?}", id.as_str()))
}

/// A not-ok message must say what to do: one of these imperative remedies.
const REMEDIES: &[&str] = &[
    "Ask ",
    "Allow ",
    "Choose Allow",
    "Turn on",
    "Wait ",
    "Fix ",
    "Correct ",
    "use another phone",
];

fn has_remedy(message: &str) -> bool {
    REMEDIES.iter().any(|r| message.contains(r))
}

// ---------------------------------------------------------------------------------------------
// Routing
// ---------------------------------------------------------------------------------------------

#[test]
fn routing_paths() {
    let table: &[(ReadinessFacts, RoutePath)] = &[
        (facts(), RoutePath::CallingPlan),
        // A calling-plan number routes itself; the direct-routing flags are irrelevant.
        (
            ReadinessFacts {
                direct_routing_emergency_rule: true,
                direct_offer_number: true,
                ..facts()
            },
            RoutePath::CallingPlan,
        ),
        (direct(true, false), RoutePath::DirectRouting),
        // With a rule, the carrier takes it even when a direct-offer number exists.
        (direct(true, true), RoutePath::DirectRouting),
        // SPEC E10: no matching direct-routing rule + a direct-offer number → direct-offer path.
        (direct(false, true), RoutePath::DirectOfferFallback),
        (direct(false, false), RoutePath::NotRoutable),
    ];
    for (f, expected) in table {
        assert_eq!(route(f), *expected, "{f:?}");
    }
    assert_eq!(
        RoutePath::DirectOfferFallback.as_str(),
        "direct-offer-fallback"
    );
}

#[test]
fn the_routing_check_names_the_path() {
    let table: &[(ReadinessFacts, bool, &str)] = &[
        (facts(), true, "calling-plan number"),
        (direct(true, false), true, "direct-routing carrier"),
        (direct(false, true), true, "direct offer"),
        (
            direct(false, false),
            false,
            "no direct-routing rule handles emergency numbers",
        ),
    ];
    for (f, ok, phrase) in table {
        let r = report(Some(f), &at("US"), &Recipients::default());
        let c = check(&r, CheckId::EmergencyRouting);
        assert_eq!(c.ok, *ok, "{f:?}");
        assert!(c.message.contains(phrase), "{f:?}: {}", c.message);
        assert_eq!(r.route, Some(route(f)));
        match &c.reason {
            CheckReason::Routable { path } => assert_eq!(*path, route(f)),
            CheckReason::NotRoutable => assert_eq!(route(f), RoutePath::NotRoutable),
            other => panic!("{other:?}"),
        }
    }
    let r = report(Some(&direct(false, false)), &at("US"), &Rc::default());
    let m = &check(&r, CheckId::EmergencyRouting).message;
    assert!(
        m.contains("add a direct-routing rule") && m.contains("calling-plan number"),
        "{m}"
    );
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

#[test]
fn one_check_per_requirement_in_a_stable_order_with_stable_ids() {
    let r = report(Some(&facts()), &at("US"), &contacts("a@example.com"));
    let ids: Vec<&str> = r.checks.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "voice-outbound-profile",
            "location",
            "supported-region",
            "mailbox",
            "emergency-routing",
            "emergency-contacts"
        ]
    );
    assert_eq!(CheckId::ALL.map(CheckId::as_str).to_vec(), ids);
}

#[test]
fn all_met_is_ready() {
    let r = report(
        Some(&facts()),
        &at("US"),
        &contacts("security@example.com; Jane <jane@example.com>"),
    );
    assert!(r.ready, "{r:#?}");
    assert!(r.checks.iter().all(|c| c.ok && !c.message.is_empty()));
    assert_eq!(r.unmet().count(), 0);
    assert_eq!(r.route, Some(RoutePath::CallingPlan));
    assert_eq!(
        check(&r, CheckId::EmergencyContacts).reason,
        CheckReason::ContactsValid { count: 2 }
    );
}

#[test]
fn each_unmet_requirement_alone_makes_the_report_not_ready() {
    let ok_loc = at("US");
    let ok_contacts = contacts("a@example.com");
    let cases: Vec<(&str, Option<ReadinessFacts>, Location, Recipients, CheckId)> = vec![
        (
            "voice",
            Some(ReadinessFacts {
                voice_outbound_profile: false,
                ..facts()
            }),
            ok_loc.clone(),
            ok_contacts.clone(),
            CheckId::VoiceOutboundProfile,
        ),
        (
            "location",
            Some(facts()),
            Location {
                status: LocationStatus::Denied,
                ..ok_loc.clone()
            },
            ok_contacts.clone(),
            CheckId::Location,
        ),
        (
            "region",
            Some(facts()),
            at("DE"),
            ok_contacts.clone(),
            CheckId::SupportedRegion,
        ),
        (
            "mailbox",
            Some(ReadinessFacts {
                mailbox_enabled: false,
                ..facts()
            }),
            ok_loc.clone(),
            ok_contacts.clone(),
            CheckId::Mailbox,
        ),
        (
            "routing",
            Some(direct(false, false)),
            ok_loc.clone(),
            ok_contacts.clone(),
            CheckId::EmergencyRouting,
        ),
        (
            "contacts",
            Some(facts()),
            ok_loc.clone(),
            contacts("a@example.com; nope"),
            CheckId::EmergencyContacts,
        ),
    ];
    for (name, f, location, recipients, failing) in cases {
        let r = report(f.as_ref(), &location, &recipients);
        assert!(!r.ready, "{name}");
        let unmet: Vec<CheckId> = r.unmet().map(|c| c.id).collect();
        assert_eq!(unmet, vec![failing], "{name}: {r:#?}");
        let c = check(&r, failing);
        assert!(
            has_remedy(&c.message),
            "{name}: no remedy in {:?}",
            c.message
        );
    }
}

#[test]
fn location_states_each_have_their_own_remedy() {
    let table: &[(LocationStatus, CheckReason, bool, &str)] = &[
        (
            LocationStatus::Granted,
            CheckReason::LocationGranted,
            true,
            "Location is turned on",
        ),
        (
            LocationStatus::Denied,
            CheckReason::LocationDenied,
            false,
            "Allow location for this site in the browser's site settings",
        ),
        (
            LocationStatus::Prompt,
            CheckReason::LocationPrompt,
            false,
            "Choose Allow when the browser asks",
        ),
        (
            LocationStatus::Unavailable,
            CheckReason::LocationUnavailable,
            false,
            "Turn on location services",
        ),
        (
            LocationStatus::Unknown,
            CheckReason::LocationUnknown,
            false,
            "Wait a moment",
        ),
    ];
    let mut messages = Vec::new();
    for (status, reason, ok, phrase) in table {
        let location = Location {
            status: *status,
            region: None,
            coords: None,
            overridden: false,
            nearby: Vec::new(),
        };
        let r = report(Some(&facts()), &location, &Recipients::default());
        let c = check(&r, CheckId::Location);
        assert_eq!(c.reason, *reason, "{status:?}");
        assert_eq!(c.ok, *ok, "{status:?}");
        assert!(c.message.contains(phrase), "{status:?}: {}", c.message);
        messages.push(c.message.clone());
    }
    messages.sort();
    messages.dedup();
    assert_eq!(
        messages.len(),
        table.len(),
        "each state needs its own message"
    );
    // The denied message is the one the brief quotes.
    let r = report(
        None,
        &Location {
            status: LocationStatus::Denied,
            ..Location::default()
        },
        &Rc::default(),
    );
    assert!(check(&r, CheckId::Location)
        .message
        .starts_with("Location is turned off for this site in the browser."));
}

#[test]
fn an_administrator_override_counts_as_a_location() {
    let location = Location {
        status: LocationStatus::Denied,
        region: Some("GB".into()),
        coords: None,
        overridden: true,
        nearby: Vec::new(),
    };
    let r = report(Some(&facts()), &location, &Recipients::default());
    assert_eq!(
        check(&r, CheckId::Location).reason,
        CheckReason::LocationOverridden
    );
    assert!(check(&r, CheckId::Location)
        .message
        .contains("location override"));
    assert_eq!(
        check(&r, CheckId::SupportedRegion).reason,
        CheckReason::RegionSupported {
            region: "GB".into()
        }
    );
    assert!(r.ready);
    // An override flag without any position is no location.
    let empty = Location {
        status: LocationStatus::Unknown,
        overridden: true,
        nearby: Vec::new(),
        ..Location::default()
    };
    let r = report(Some(&facts()), &empty, &Recipients::default());
    assert_eq!(
        check(&r, CheckId::Location).reason,
        CheckReason::LocationUnknown
    );
}

#[test]
fn region_cases() {
    // Known and supported (case-insensitive, both sides).
    let r = evaluate(
        Some(&facts()),
        &at("dk"),
        &["Dk".to_string()],
        &Rc::default(),
    );
    let c = check(&r, CheckId::SupportedRegion);
    assert!(c.ok);
    assert_eq!(
        c.reason,
        CheckReason::RegionSupported {
            region: "DK".into()
        }
    );
    assert!(c.message.contains("DK"), "{}", c.message);

    // Known and unsupported: names the region, the supported ones and what to dial instead.
    let r = evaluate(
        Some(&facts()),
        &at("GB"),
        &["US".to_string(), "CA".to_string()],
        &Rc::default(),
    );
    let c = check(&r, CheckId::SupportedRegion);
    assert!(!c.ok);
    assert_eq!(
        c.reason,
        CheckReason::RegionUnsupported {
            region: "GB".into(),
            supported: vec!["US".into(), "CA".into()],
            local_numbers: vec!["999".into(), "112".into()],
        }
    );
    assert_eq!(
        c.message,
        "The location is in GB, where emergency calling from this dialer is not supported (supported: US, CA). In an emergency, use another phone and dial 999 or 112."
    );

    // A region without known numbers still gets a remedy.
    let r = report(Some(&facts()), &at("ZZ"), &Recipients::default());
    let c = check(&r, CheckId::SupportedRegion);
    assert!(
        !c.ok && c.message.contains("ZZ") && c.message.contains("dial the local emergency number"),
        "{}",
        c.message
    );

    // No supported regions at all.
    let r = evaluate(Some(&facts()), &at("US"), &[], &Rc::default());
    assert!(check(&r, CheckId::SupportedRegion)
        .message
        .contains("no region is configured as supported"));

    // A position without a region yet, and no position at all.
    let pending = Location {
        region: None,
        ..at("US")
    };
    let r = report(Some(&facts()), &pending, &Recipients::default());
    assert_eq!(
        check(&r, CheckId::SupportedRegion).reason,
        CheckReason::RegionPending
    );
    assert!(has_remedy(&check(&r, CheckId::SupportedRegion).message));
    let nothing = Location {
        status: LocationStatus::Denied,
        ..Location::default()
    };
    let r = report(Some(&facts()), &nothing, &Recipients::default());
    assert_eq!(
        check(&r, CheckId::SupportedRegion).reason,
        CheckReason::RegionUnknown
    );
    assert!(check(&r, CheckId::SupportedRegion)
        .message
        .contains("location is not available"));
    // A blank region is not a region.
    let blank = Location {
        region: Some("  ".into()),
        coords: None,
        ..at("US")
    };
    let r = report(Some(&facts()), &blank, &Recipients::default());
    assert_eq!(
        check(&r, CheckId::SupportedRegion).reason,
        CheckReason::RegionUnknown
    );
}

#[test]
fn host_facts_missing_are_reported_as_such() {
    let r = report(None, &at("US"), &contacts("a@example.com"));
    assert!(!r.ready);
    assert_eq!(r.route, None);
    for id in [
        CheckId::VoiceOutboundProfile,
        CheckId::Mailbox,
        CheckId::EmergencyRouting,
    ] {
        let c = check(&r, id);
        assert!(!c.ok, "{id:?}");
        assert_eq!(c.reason, CheckReason::HostDidNotReport { check: id });
        assert!(
            c.message.contains("host application has not reported"),
            "{}",
            c.message
        );
        assert!(c.message.contains("config.readiness"), "{}", c.message);
    }
    // The checks the widget can do itself still run.
    for id in [
        CheckId::Location,
        CheckId::SupportedRegion,
        CheckId::EmergencyContacts,
    ] {
        assert!(check(&r, id).ok, "{id:?}");
    }
    // Each host fact is described differently.
    let mut m: Vec<&str> = r.unmet().map(|c| c.message.as_str()).collect();
    m.dedup();
    assert_eq!(m.len(), 3);
}

#[test]
fn voice_and_mailbox() {
    let r = report(
        Some(&ReadinessFacts {
            voice_outbound_profile: false,
            mailbox_enabled: false,
            ..facts()
        }),
        &at("US"),
        &Rc::default(),
    );
    let v = check(&r, CheckId::VoiceOutboundProfile);
    assert_eq!(v.reason, CheckReason::VoiceOutboundProfileMissing);
    assert!(
        v.message
            .contains("map the agent's capacity profile to a voice outbound profile"),
        "{}",
        v.message
    );
    let m = check(&r, CheckId::Mailbox);
    assert_eq!(m.reason, CheckReason::MailboxDisabled);
    assert!(
        m.message.contains("enable the agent's mailbox"),
        "{}",
        m.message
    );
}

#[test]
fn emergency_contacts() {
    let run = |s: &str| {
        let r = report(Some(&facts()), &at("US"), &contacts(s));
        check(&r, CheckId::EmergencyContacts).clone()
    };
    // None configured: fine (no email to send), but the message says how to add some.
    let c = run("");
    assert!(c.ok);
    assert_eq!(c.reason, CheckReason::NoContacts);
    assert!(c.message.contains("No emergency contacts are configured"));
    assert_eq!(run(" ;; ").reason, CheckReason::NoContacts);

    let c = run("a@example.com");
    assert!(c.ok);
    assert_eq!(c.message, "The emergency contact is a valid email address.");
    assert_eq!(
        run("a@x.com; b@x.com; A@X.COM").reason,
        CheckReason::ContactsValid { count: 2 }
    );

    // Invalid ones: not ok, positions listed, and how many still get the email.
    let c = run("a@example.com; nope; b@example.com; jane@");
    assert!(!c.ok);
    match &c.reason {
        CheckReason::ContactsInvalid { problems, valid } => {
            assert_eq!(
                problems.iter().map(|p| p.position).collect::<Vec<_>>(),
                vec![2, 4]
            );
            assert_eq!(*valid, 2);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        c.message.starts_with(
            "Emergency contacts 2 and 4 are not valid: recipient 2 \"nope\": missing the @ sign"
        ),
        "{}",
        c.message
    );
    assert!(
        c.message
            .contains("recipient 4 \"jane@\": has nothing after the @ sign"),
        "{}",
        c.message
    );
    assert!(
        c.message.contains("The 2 valid addresses still get it."),
        "{}",
        c.message
    );
    assert!(
        c.message
            .ends_with("Correct the emergency contacts (addresses separated by semicolons)."),
        "{}",
        c.message
    );

    let c = run("nope");
    assert!(
        c.message.starts_with("Emergency contact 1 is not valid"),
        "{}",
        c.message
    );
    assert!(
        c.message.contains("No one gets the emergency email."),
        "{}",
        c.message
    );
}

#[test]
fn ok_and_message_always_agree_with_the_reason() {
    let statuses = [
        LocationStatus::Granted,
        LocationStatus::Denied,
        LocationStatus::Prompt,
        LocationStatus::Unavailable,
        LocationStatus::Unknown,
    ];
    let mut codes = std::collections::BTreeSet::new();
    let host_facts: Vec<Option<ReadinessFacts>> = {
        let mut v = vec![None];
        for voice in [false, true] {
            for mailbox in [false, true] {
                for (nt, rule, offer) in [
                    (NumberType::CallingPlan, false, false),
                    (NumberType::DirectRouting, true, false),
                    (NumberType::DirectRouting, false, true),
                    (NumberType::DirectRouting, false, false),
                ] {
                    v.push(Some(ReadinessFacts {
                        voice_outbound_profile: voice,
                        mailbox_enabled: mailbox,
                        number_type: nt,
                        direct_routing_emergency_rule: rule,
                        direct_offer_number: offer,
                    }));
                }
            }
        }
        v
    };
    for f in &host_facts {
        for status in statuses {
            for region in [None, Some("US"), Some("DE")] {
                for recipients in ["", "a@example.com", "bad; a@example.com"] {
                    let location = Location {
                        status,
                        region: region.map(Into::into),
                        coords: None,
                        overridden: false,
                        nearby: Vec::new(),
                    };
                    let r = report(f.as_ref(), &location, &contacts(recipients));
                    assert_eq!(r.checks.len(), 6);
                    assert_eq!(r.ready, r.checks.iter().all(|c| c.ok));
                    for c in &r.checks {
                        assert_eq!(c.ok, c.reason.is_ok(), "{c:?}");
                        assert_eq!(c.message, c.reason.to_string());
                        assert!(c.message.ends_with('.'), "{c:?}");
                        if !c.ok {
                            assert!(has_remedy(&c.message), "no remedy: {:?}", c.message);
                        }
                        codes.insert(c.reason.code());
                    }
                }
            }
        }
    }
    // Every reason this exhaustive run produces has a distinct kebab-case code.
    assert!(codes.len() >= 18, "{codes:?}");
    assert!(codes
        .iter()
        .all(|c| c.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-')));
}
