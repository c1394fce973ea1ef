//! The administrator's emergency settings machine (`core::settings`, SPEC E7, issue 15):
//! validation as typed, the unsaved draft kept across a reload, and the save through the
//! host — editing → saving → saved | failed | timed out — with nothing typed ever lost.
#![cfg(not(target_arch = "wasm32"))]

use agent_dialer::core::config::{RawAgent, RawConfig, RawEmergency};
use agent_dialer::core::model::{Location, LocationStatus};
use agent_dialer::core::notify::{parse_recipients, validate_template, Template};
use agent_dialer::core::settings::{
    Draft, EmergencySettings, Field, SaveRequest, SaveStatus, SettingsEditor, SettingsEffect,
    SettingsEvent, SAVE_TIMEOUT,
};
use agent_dialer::core::{Config, Dialer, Effect, Event};
use proptest::prelude::*;

const T0: u64 = 1_000_000;

fn saved() -> EmergencySettings {
    EmergencySettings {
        recipients: "safety@acme.example".into(),
        template: Template::default(),
    }
}

fn editor() -> SettingsEditor {
    SettingsEditor::new("agent-7", "Alex Agent", Some("en-US".into()), saved())
}

/// Hands `event` in at `now` and returns every effect it produced.
fn step(e: &mut SettingsEditor, event: SettingsEvent, now: u64) -> Vec<SettingsEffect> {
    e.handle(event, now);
    std::iter::from_fn(|| e.poll_effect()).collect()
}

fn edit(field: Field, value: &str) -> SettingsEvent {
    SettingsEvent::Edited {
        field,
        value: value.into(),
    }
}

fn answered(attempt: u32, result: Result<(), &str>) -> SettingsEvent {
    SettingsEvent::SaveAnswered {
        attempt,
        result: result.map_err(String::from),
    }
}

#[test]
fn starting_asks_for_a_kept_draft() {
    let mut e = editor();
    assert_eq!(
        step(&mut e, SettingsEvent::Started, T0),
        vec![SettingsEffect::LoadDraft]
    );
    let v = e.view();
    assert!(!v.dirty && !v.busy && !v.restored);
    assert_eq!(v.status, SaveStatus::Idle);
    assert_eq!(v.recipients, vec!["safety@acme.example"]);
}

#[test]
fn fields_are_validated_as_typed_and_the_preview_follows() {
    let mut e = editor();
    step(
        &mut e,
        edit(Field::Recipients, "a@acme.example; bob; c@acme.example"),
        T0,
    );
    let v = e.view();
    assert_eq!(v.recipients, vec!["a@acme.example", "c@acme.example"]);
    assert_eq!(v.recipient_problems.len(), 1);
    assert_eq!(v.recipient_problems[0].position, 2);
    assert_eq!(v.recipient_problems[0].entry, "bob");
    let preview = v.preview.expect("a valid template has a preview");
    assert_eq!(preview.to, vec!["a@acme.example", "c@acme.example"]);
    assert!(
        preview.subject.contains("Alex Agent"),
        "the preview uses this agent's name: {}",
        preview.subject
    );

    step(&mut e, edit(Field::Subject, "Alert {agentname}"), T0);
    let v = e.view();
    assert!(v.preview.is_none(), "no preview from a broken template");
    assert_eq!(v.template_errors.len(), 1);
    assert!(v.template_errors[0].to_string().contains("agent_name"));

    step(
        &mut e,
        edit(Field::Subject, "Alert: {agent_name} {{ok}}"),
        T0,
    );
    step(&mut e, edit(Field::Body, "Call {callback_number}"), T0);
    let v = e.view();
    assert!(v.template_errors.is_empty());
    let preview = v.preview.unwrap();
    assert_eq!(preview.subject, "Alert: Alex Agent {ok}");
    assert!(preview.text.starts_with("Call +1 202 555 0143"));
}

#[test]
fn every_change_of_the_draft_is_kept_until_it_is_saved_or_discarded() {
    let mut e = editor();
    let effects = step(&mut e, edit(Field::Recipients, "new@acme.example"), T0);
    let edited = EmergencySettings {
        recipients: "new@acme.example".into(),
        template: Template::default(),
    };
    assert_eq!(
        effects,
        vec![SettingsEffect::StoreDraft(Draft {
            edited: edited.clone(),
            base: saved()
        })]
    );
    assert!(e.view().dirty && e.unsaved());
    // Typing the saved value back makes it clean: the kept copy goes.
    let effects = step(&mut e, edit(Field::Recipients, "safety@acme.example"), T0);
    assert_eq!(effects, vec![SettingsEffect::ClearDraft]);
    assert!(!e.view().dirty && !e.unsaved());
    // The same value again is no change at all.
    assert_eq!(
        step(&mut e, edit(Field::Recipients, "safety@acme.example"), T0),
        vec![]
    );
    step(&mut e, edit(Field::Body, "changed"), T0);
    let effects = step(&mut e, SettingsEvent::Discard, T0);
    assert_eq!(effects, vec![SettingsEffect::ClearDraft]);
    assert_eq!(e.view().draft, saved());
}

#[test]
fn nothing_invalid_or_unchanged_is_sent() {
    let mut e = editor();
    assert_eq!(step(&mut e, SettingsEvent::Save, T0), vec![]);
    assert_eq!(e.view().status, SaveStatus::Unchanged);

    step(
        &mut e,
        edit(Field::Recipients, "ok@acme.example; front desk"),
        T0,
    );
    assert_eq!(step(&mut e, SettingsEvent::Save, T0), vec![]);
    assert_eq!(e.view().status, SaveStatus::Invalid);
    let presses = e.view().save_presses;
    step(&mut e, SettingsEvent::Save, T0);
    assert_eq!(
        e.view().save_presses,
        presses + 1,
        "each press is new to the view"
    );

    step(&mut e, edit(Field::Recipients, "ok@acme.example"), T0);
    assert_eq!(
        e.view().status,
        SaveStatus::Idle,
        "typing clears the old status"
    );
    step(&mut e, edit(Field::Body, "{nope}"), T0);
    assert_eq!(step(&mut e, SettingsEvent::Save, T0), vec![]);
    assert_eq!(e.view().status, SaveStatus::Invalid);
    assert!(e.view().dirty, "the invalid draft is kept");
}

#[test]
fn a_save_goes_to_the_host_and_a_success_makes_it_the_saved_settings() {
    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "new@acme.example"), T0);
    step(&mut e, edit(Field::Subject, "SOS {agent_name}"), T0);
    let effects = step(&mut e, SettingsEvent::Save, T0 + 5);
    let template = Template {
        subject: "SOS {agent_name}".into(),
        body: Template::default().body,
    };
    assert_eq!(
        effects,
        vec![
            SettingsEffect::Save {
                attempt: 1,
                request: SaveRequest {
                    agent_id: "agent-7".into(),
                    recipients: "new@acme.example".into(),
                    template: template.clone(),
                },
            },
            SettingsEffect::ArmTimeout {
                attempt: 1,
                at: T0 + 5 + SAVE_TIMEOUT
            },
        ]
    );
    let v = e.view();
    assert!(v.busy && v.dirty && e.unsaved());
    assert_eq!(v.status, SaveStatus::Saving);
    // A second press while saving sends nothing; Discard waits too.
    assert_eq!(step(&mut e, SettingsEvent::Save, T0 + 6), vec![]);
    assert_eq!(step(&mut e, SettingsEvent::Discard, T0 + 6), vec![]);

    let sent = EmergencySettings {
        recipients: "new@acme.example".into(),
        template,
    };
    let effects = step(&mut e, answered(1, Ok(())), T0 + 50);
    assert_eq!(
        effects,
        vec![
            SettingsEffect::CancelTimeout,
            SettingsEffect::Applied(sent.clone()),
            SettingsEffect::ClearDraft,
        ]
    );
    let v = e.view();
    assert_eq!(v.status, SaveStatus::Saved);
    assert!(!v.dirty && !v.busy && !e.unsaved());
    let snap = e.snapshot();
    assert_eq!(snap.saved, sent);
    assert_eq!(snap.status, "saved");
    // A late duplicate answer changes nothing.
    assert_eq!(step(&mut e, answered(1, Err("late")), T0 + 60), vec![]);
    assert_eq!(e.view().status, SaveStatus::Saved);
}

#[test]
fn a_failed_save_keeps_the_edits_and_says_why() {
    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "new@acme.example"), T0);
    step(&mut e, SettingsEvent::Save, T0);
    let effects = step(
        &mut e,
        answered(1, Err("the CRM is read-only today")),
        T0 + 10,
    );
    assert_eq!(effects, vec![SettingsEffect::CancelTimeout]);
    let v = e.view();
    assert_eq!(
        v.status,
        SaveStatus::Failed("the CRM is read-only today".into())
    );
    assert!(v.dirty && !v.busy);
    assert_eq!(v.draft.recipients, "new@acme.example");
    assert_eq!(
        e.snapshot().error.as_deref(),
        Some("the CRM is read-only today")
    );
    assert_eq!(e.snapshot().saved, saved(), "nothing counts as saved");
    // Trying again is a new attempt.
    let effects = step(&mut e, SettingsEvent::Save, T0 + 20);
    assert!(matches!(
        effects.as_slice(),
        [
            SettingsEffect::Save { attempt: 2, .. },
            SettingsEffect::ArmTimeout { attempt: 2, .. }
        ]
    ));
}

#[test]
fn a_save_that_never_answers_times_out_and_a_late_answer_still_counts() {
    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "new@acme.example"), T0);
    step(&mut e, SettingsEvent::Save, T0);
    assert_eq!(
        step(
            &mut e,
            SettingsEvent::SaveTimedOut { attempt: 1 },
            T0 + SAVE_TIMEOUT
        ),
        vec![]
    );
    let v = e.view();
    assert_eq!(v.status, SaveStatus::TimedOut);
    assert!(
        v.dirty && !v.busy,
        "the edits stay and Save may be pressed again"
    );
    assert!(e.unsaved());
    // The host answers after all, for that attempt: it saved.
    let effects = step(&mut e, answered(1, Ok(())), T0 + SAVE_TIMEOUT + 1);
    assert!(
        !effects.contains(&SettingsEffect::CancelTimeout),
        "{effects:?}"
    );
    assert!(effects
        .iter()
        .any(|x| matches!(x, SettingsEffect::Applied(s) if s.recipients == "new@acme.example")));
    assert_eq!(e.view().status, SaveStatus::Saved);
    assert!(!e.view().dirty);
}

#[test]
fn only_the_latest_attempt_decides() {
    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "first@acme.example"), T0);
    step(&mut e, SettingsEvent::Save, T0);
    step(&mut e, SettingsEvent::SaveTimedOut { attempt: 1 }, T0 + 1);
    step(
        &mut e,
        edit(Field::Recipients, "second@acme.example"),
        T0 + 2,
    );
    step(&mut e, SettingsEvent::Save, T0 + 3);
    // The first attempt's answer comes late: the second one is what counts.
    assert_eq!(step(&mut e, answered(1, Ok(())), T0 + 4), vec![]);
    assert_eq!(e.view().status, SaveStatus::Saving);
    // An old timer is no news either.
    step(&mut e, SettingsEvent::SaveTimedOut { attempt: 1 }, T0 + 5);
    assert_eq!(e.view().status, SaveStatus::Saving);
    step(&mut e, answered(2, Ok(())), T0 + 6);
    assert_eq!(e.snapshot().saved.recipients, "second@acme.example");
}

#[test]
fn edits_made_while_saving_stay_unsaved_against_the_new_settings() {
    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "new@acme.example"), T0);
    step(&mut e, SettingsEvent::Save, T0);
    step(&mut e, edit(Field::Body, "typed while saving"), T0 + 1);
    assert_eq!(
        e.view().status,
        SaveStatus::Saving,
        "typing does not hide the save"
    );
    let effects = step(&mut e, answered(1, Ok(())), T0 + 2);
    let sent = EmergencySettings {
        recipients: "new@acme.example".into(),
        template: Template::default(),
    };
    assert_eq!(
        effects.last(),
        Some(&SettingsEffect::StoreDraft(Draft {
            edited: EmergencySettings {
                recipients: "new@acme.example".into(),
                template: Template {
                    subject: Template::default().subject,
                    body: "typed while saving".into(),
                },
            },
            base: sent.clone(),
        }))
    );
    let v = e.view();
    assert!(v.dirty && !v.stale);
    assert_eq!(e.snapshot().saved, sent);
}

#[test]
fn a_kept_draft_is_taken_up_after_a_reload() {
    let edited = EmergencySettings {
        recipients: "kept@acme.example".into(),
        template: Template::default(),
    };
    let mut e = editor();
    step(&mut e, SettingsEvent::Started, T0);
    let effects = step(
        &mut e,
        SettingsEvent::DraftLoaded(Ok(Some(Draft {
            edited: edited.clone(),
            base: saved(),
        }))),
        T0,
    );
    assert_eq!(effects, vec![]);
    let v = e.view();
    assert!(v.restored && v.dirty && !v.stale);
    assert_eq!(v.draft, edited);

    // Someone saved other settings since the draft was made: it is kept, and said.
    let mut e = SettingsEditor::new(
        "agent-7",
        "Alex Agent",
        None,
        EmergencySettings {
            recipients: "other@acme.example".into(),
            template: Template::default(),
        },
    );
    step(
        &mut e,
        SettingsEvent::DraftLoaded(Ok(Some(Draft {
            edited: edited.clone(),
            base: saved(),
        }))),
        T0,
    );
    let v = e.view();
    assert!(v.restored && v.stale);
    assert_eq!(v.draft, edited);

    // A draft equal to what is saved now is forgotten.
    let mut e = editor();
    let effects = step(
        &mut e,
        SettingsEvent::DraftLoaded(Ok(Some(Draft {
            edited: saved(),
            base: edited.clone(),
        }))),
        T0,
    );
    assert_eq!(effects, vec![SettingsEffect::ClearDraft]);
    assert!(!e.view().dirty);

    // Typing that came first wins over a draft read later.
    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "typed@acme.example"), T0);
    step(
        &mut e,
        SettingsEvent::DraftLoaded(Ok(Some(Draft {
            edited,
            base: saved(),
        }))),
        T0,
    );
    assert_eq!(e.view().draft.recipients, "typed@acme.example");
}

#[test]
fn storage_problems_are_reported_and_cleared_when_storage_works_again() {
    let mut e = editor();
    step(
        &mut e,
        SettingsEvent::DraftLoaded(Err("localStorage is not available".into())),
        T0,
    );
    assert_eq!(
        e.view().storage_problem.as_deref(),
        Some("localStorage is not available")
    );
    step(&mut e, edit(Field::Recipients, "x@acme.example"), T0);
    step(
        &mut e,
        SettingsEvent::DraftStored(Err("QuotaExceededError".into())),
        T0,
    );
    assert_eq!(
        e.view().storage_problem.as_deref(),
        Some("QuotaExceededError")
    );
    assert!(e.view().dirty, "the edits live on in memory");
    step(&mut e, SettingsEvent::DraftStored(Ok(())), T0);
    assert_eq!(e.view().storage_problem, None);
}

#[test]
fn new_saved_settings_from_the_host_replace_a_clean_form_and_never_an_unsaved_draft() {
    let other = EmergencySettings {
        recipients: "other@acme.example".into(),
        template: Template::default(),
    };
    let configured = |saved: EmergencySettings| SettingsEvent::Configured {
        saved,
        agent_name: "Alex A.".into(),
        locale: Some("da-DK".into()),
    };
    let mut e = editor();
    step(&mut e, configured(other.clone()), T0);
    let v = e.view();
    assert_eq!(v.draft, other);
    assert!(!v.dirty);
    assert_eq!(v.agent_name, "Alex A.");
    assert_eq!(v.locale.as_deref(), Some("da-DK"));

    let mut e = editor();
    step(&mut e, edit(Field::Recipients, "mine@acme.example"), T0);
    step(&mut e, configured(other), T0);
    let v = e.view();
    assert_eq!(v.draft.recipients, "mine@acme.example");
    assert!(v.dirty && v.stale);
}

/// A dialer configured with `settings`, located in the US.
fn config_with(settings: &EmergencySettings) -> Config {
    Config::from_raw(RawConfig {
        agent: RawAgent {
            id: "agent-7".into(),
            name: "Alex Agent".into(),
        },
        emergency: Some(RawEmergency {
            recipients: Some(settings.recipients.clone()),
            template: Some(settings.template.clone()),
            ..Default::default()
        }),
        ..Default::default()
    })
    .unwrap()
}

fn emails_of(dialer: &mut Dialer, event: Event, now: u64) -> Vec<(Vec<String>, String)> {
    dialer.handle(event, now);
    std::iter::from_fn(|| dialer.poll_effect())
        .filter_map(|e| match e {
            Effect::SendEmail { message, .. } => Some((message.to, message.subject)),
            _ => None,
        })
        .collect()
}

#[test]
fn what_an_administrator_saved_is_what_the_next_emergency_email_uses() {
    let mut dialer = Dialer::new(config_with(&saved()), "tab", T0);
    dialer.handle(
        Event::LocationChanged(Location {
            status: LocationStatus::Granted,
            region: Some("US".into()),
            overridden: true,
            ..Location::default()
        }),
        T0,
    );
    while dialer.poll_effect().is_some() {}
    // The administrator saves new recipients and a new template; the host confirms.
    let mut e = editor();
    step(
        &mut e,
        edit(Field::Recipients, "new@acme.example; ops@acme.example"),
        T0,
    );
    step(
        &mut e,
        edit(Field::Subject, "Emergency: {agent_name} called {number}"),
        T0,
    );
    step(&mut e, SettingsEvent::Save, T0);
    let applied = step(&mut e, answered(1, Ok(())), T0)
        .into_iter()
        .find_map(|x| match x {
            SettingsEffect::Applied(settings) => Some(settings),
            _ => None,
        })
        .expect("the saved settings are handed on");
    // The host hands them to the agent's dialer (`setConfig`): the next emergency email
    // goes to the new recipients, made from the new template.
    dialer.handle(
        Event::ConfigChanged(Box::new(config_with(&applied))),
        T0 + 1,
    );
    while dialer.poll_effect().is_some() {}
    let emails = emails_of(
        &mut dialer,
        Event::Dial {
            dialed: "911".into(),
        },
        T0 + 2,
    );
    assert_eq!(
        emails,
        vec![(
            vec![
                "new@acme.example".to_string(),
                "ops@acme.example".to_string()
            ],
            "Emergency: Alex Agent called 911".to_string()
        )]
    );
}

// ------------------------------------------------------------------------------ properties

fn any_event() -> impl Strategy<Value = SettingsEvent> {
    let field = prop_oneof![
        Just(Field::Recipients),
        Just(Field::Subject),
        Just(Field::Body)
    ];
    let value = prop_oneof![
        Just(String::new()),
        Just("a@acme.example".to_string()),
        Just("a@acme.example; b@acme.example".to_string()),
        Just("not an address".to_string()),
        Just("{agent_name} {number}".to_string()),
        Just("{bogus".to_string()),
        "\\PC{0,12}",
    ];
    let settings = (value.clone(), value.clone()).prop_map(|(r, s)| EmergencySettings {
        recipients: r,
        template: Template {
            subject: s,
            body: "{agent_name}".into(),
        },
    });
    prop_oneof![
        Just(SettingsEvent::Started),
        (field, value.clone()).prop_map(|(field, value)| SettingsEvent::Edited { field, value }),
        Just(SettingsEvent::Save),
        Just(SettingsEvent::Discard),
        (0u32..4, any::<bool>()).prop_map(|(attempt, ok)| SettingsEvent::SaveAnswered {
            attempt,
            result: if ok { Ok(()) } else { Err("refused".into()) },
        }),
        (0u32..4).prop_map(|attempt| SettingsEvent::SaveTimedOut { attempt }),
        any::<bool>().prop_map(|ok| SettingsEvent::DraftStored(if ok {
            Ok(())
        } else {
            Err("full".into())
        })),
        (settings.clone(), settings.clone()).prop_map(|(edited, base)| {
            SettingsEvent::DraftLoaded(Ok(Some(Draft { edited, base })))
        }),
        settings.prop_map(|saved| SettingsEvent::Configured {
            saved,
            agent_name: "Alex".into(),
            locale: None,
        }),
    ]
}

proptest! {
    /// Whatever happens: nothing invalid is ever sent; the draft changes only by the
    /// administrator's hand (typing, discarding), a draft taken up after a reload, or new saved
    /// settings under a clean form — never by a failure, a timeout or storage; an unsaved draft
    /// is always kept for a reload by the last storage effect; and the view never panics.
    #[test]
    fn nothing_typed_is_lost_and_nothing_invalid_is_sent(events in prop::collection::vec(any_event(), 1..40)) {
        let mut e = editor();
        let mut last_store: Option<SettingsEffect> = None;
        for (i, event) in events.into_iter().enumerate() {
            let before = e.view();
            let may_change_draft = matches!(
                event,
                SettingsEvent::Edited { .. } | SettingsEvent::Discard | SettingsEvent::DraftLoaded(_)
                    | SettingsEvent::Configured { .. } | SettingsEvent::SaveAnswered { result: Ok(()), .. }
            );
            let effects = step(&mut e, event.clone(), T0 + i as u64);
            let after = e.view();
            if !may_change_draft {
                prop_assert_eq!(&before.draft, &after.draft, "{:?} changed the draft", event);
            }
            if matches!(event, SettingsEvent::SaveAnswered { result: Ok(()), .. }) && before.draft != after.draft {
                prop_assert!(!before.dirty, "a save answer replaced unsaved edits");
            }
            if matches!(event, SettingsEvent::Configured { .. }) && before.dirty {
                prop_assert_eq!(&before.draft, &after.draft, "new saved settings replaced unsaved edits");
            }
            for effect in effects {
                match &effect {
                    SettingsEffect::Save { request, .. } => {
                        prop_assert!(parse_recipients(&request.recipients).problems.is_empty());
                        prop_assert!(validate_template(&request.template).is_empty());
                        prop_assert_eq!(&request.agent_id, "agent-7");
                    }
                    SettingsEffect::StoreDraft(_) | SettingsEffect::ClearDraft => last_store = Some(effect.clone()),
                    _ => {}
                }
            }
            if after.dirty && !after.restored {
                let kept = matches!(&last_store, Some(SettingsEffect::StoreDraft(d)) if d.edited == after.draft);
                prop_assert!(kept, "an unsaved draft is not kept: {:?}", last_store);
            }
            if after.busy {
                prop_assert_eq!(after.status, SaveStatus::Saving);
            }
        }
    }
}
