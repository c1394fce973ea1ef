//! The administrator's notification template (E7, from `config.emergency.template` or the
//! settings editor) rendered with any facts: problems are found exactly when rendering refuses,
//! the subject is one safe line, the HTML part never carries markup from the template or the
//! facts, and messages about the template never carry control characters.
//! Input: structured (subject, body, facts, recipients).
#![no_main]

use agent_dialer::core::model::Coords;
use agent_dialer::core::notify::{
    render_email, render_email_or_default, sample_facts, validate_template, EmailKind,
    EmailMessage, EmergencyFacts, Template,
};
use arbitrary::{Arbitrary, Result, Unstructured};
use libfuzzer_sys::fuzz_target;

const PIECES: &[&str] = &[
    "{agent_name}",
    "{agent_id}",
    "{dialed}",
    "{number}",
    "{time_utc}",
    "{time_local}",
    "{region}",
    "{latitude}",
    "{longitude}",
    "{accuracy}",
    "{coordinates}",
    "{civic_address}",
    "{location}",
    "{callback_number}",
    "{callback_expires_utc}",
    "{",
    "}",
    "{{",
    "}}",
    "{}",
    "{agentname}",
    "\n",
    "\r\n",
    "<b>",
    "&amp;",
    "\u{202E}",
    " ",
    "x",
];

/// Text made of template pieces and arbitrary strings.
fn text(u: &mut Unstructured) -> Result<String> {
    let mut s = String::new();
    for _ in 0..u.int_in_range(0..=12)? {
        if u.ratio(2, 3)? {
            s.push_str(u.choose(PIECES)?);
        } else {
            s.push_str(&String::arbitrary(u)?);
        }
    }
    Ok(s)
}

fn facts(u: &mut Unstructured) -> Result<EmergencyFacts> {
    Ok(EmergencyFacts {
        agent_name: text(u)?,
        agent_id: u.arbitrary()?,
        dialed: u.arbitrary()?,
        number: u.arbitrary()?,
        started_at: u.arbitrary()?,
        utc_offset_minutes: u.arbitrary()?,
        region: u.arbitrary()?,
        coords: if u.arbitrary()? {
            Some(Coords {
                latitude: u.arbitrary()?,
                longitude: u.arbitrary()?,
                accuracy_meters: u.arbitrary()?,
            })
        } else {
            None
        },
        civic_address: u.arbitrary()?,
        callback_number: u.arbitrary()?,
        callback_expires_at: u.arbitrary()?,
    })
}

fn bidi(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn check_message(m: &EmailMessage, to: &[String], kind: EmailKind) {
    assert_eq!(m.to, to);
    assert!(!m.subject.is_empty());
    assert!(
        !m.subject.chars().any(|c| c.is_control() || bidi(c)),
        "the subject is one clean line: {:?}",
        m.subject
    );
    if kind == EmailKind::CallbackUpdate {
        assert!(m.subject.starts_with("Update: "));
    }
    assert!(
        !m.text
            .chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t') || bidi(c)),
        "{:?}",
        m.text
    );
    let html = m.html.as_deref().expect("an HTML part");
    let markup_free = html.replace("<br>\n", "");
    assert!(
        !markup_free.contains(['<', '>', '"', '\'']),
        "markup in the HTML part: {html:?}"
    );
    assert_eq!(
        html.matches("<br>").count(),
        m.text.matches('\n').count(),
        "one <br> per line break"
    );
}

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let Ok((template, facts, to, update)) = (|| -> Result<_> {
        let template = Template {
            subject: text(&mut u)?,
            body: text(&mut u)?,
        };
        Ok((
            template,
            facts(&mut u)?,
            Vec::<String>::arbitrary(&mut u)?,
            bool::arbitrary(&mut u)?,
        ))
    })() else {
        return;
    };
    let kind = if update {
        EmailKind::CallbackUpdate
    } else {
        EmailKind::Initial
    };
    let errors = validate_template(&template);
    for e in &errors {
        let at = e.at();
        let field = match at.field.as_str() {
            "subject" => &template.subject,
            _ => &template.body,
        };
        assert!((1..=field.chars().count()).contains(&at.position), "{e:?}");
        assert!(
            at.line >= 1 && at.column >= 1 && at.column <= at.position,
            "{e:?}"
        );
        let message = e.to_string();
        assert!(
            !message.chars().any(|c| c.is_control() || bidi(c)),
            "a problem shown to the administrator: {message:?}"
        );
    }
    match render_email(&template, &facts, &to, kind) {
        Ok(m) => {
            assert!(errors.is_empty(), "rendered despite {errors:?}");
            check_message(&m, &to, kind);
        }
        Err(e) => assert_eq!(
            e, errors,
            "rendering refuses for exactly the problems found"
        ),
    }
    let (m, e) = render_email_or_default(&template, &facts, &to, kind);
    assert_eq!(e, errors);
    check_message(&m, &to, kind);
    // The administrator's live preview.
    let (m, _) = render_email_or_default(&template, &sample_facts(), &to, kind);
    check_message(&m, &to, kind);
});
