//! Rendering the emergency email (E7, B8) from a [`Template`] and the facts of the call: every
//! value single-line and stripped, the subject one line, the HTML part the escaped text.
//! Deterministic; no clock, no IO; total.

use serde::Serialize;

use super::template::{
    parse_field, Field, Segment, Template, TemplateError, TemplateField, DEFAULT_BODY,
    DEFAULT_SUBJECT, FALLBACK_SUBJECT,
};
use super::text::{normalise_newlines, one_line, to_html};
use crate::core::decimal::fixed;
use crate::core::model::{Coords, Millis, MINUTE};
use crate::core::time::{format_local, format_utc};

/// The facts of one emergency call that the email reports (who, when, where, callback).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmergencyFacts {
    /// The agent's display name.
    pub agent_name: String,
    /// The agent's id.
    pub agent_id: String,
    /// What the agent typed.
    pub dialed: String,
    /// The emergency number dialed.
    pub number: String,
    /// When the call was placed.
    pub started_at: Millis,
    /// The agent's local offset from UTC, in minutes (east positive), for local time.
    pub utc_offset_minutes: i32,
    /// The agent's region, when known.
    pub region: Option<String>,
    /// The agent's position, when known.
    pub coords: Option<Coords>,
    /// The confirmed civic address, when configured.
    pub civic_address: Option<String>,
    /// The callback number, once the host assigned it.
    pub callback_number: Option<String>,
    /// When the callback number expires.
    pub callback_expires_at: Option<Millis>,
}

/// Which message of an episode is being rendered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailKind {
    /// Sent when the agent dials the emergency number.
    Initial,
    /// Sent when the callback number arrives after the initial message: the subject starts
    /// with [`UPDATE_SUBJECT_PREFIX`] and the first line gives the callback number.
    CallbackUpdate,
}

/// What starts the subject of an [`EmailKind::CallbackUpdate`] message.
pub const UPDATE_SUBJECT_PREFIX: &str = "Update: ";

/// An email ready for `notification.sendEmail` (HOST_CONTRACT `EmailMessage`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmailMessage {
    /// Recipients.
    pub to: Vec<String>,
    /// Subject (a single line).
    pub subject: String,
    /// Plain-text body, lines separated by `\n`.
    pub text: String,
    /// HTML body: the text, HTML-escaped, line breaks as `<br>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

/// Text for a fact that is not known.
pub const UNKNOWN: &str = "unknown";
/// Text for a civic address that is not configured.
pub const NOT_PROVIDED: &str = "not provided";
/// Text for the callback number before the host assigned it, in the initial message.
pub const CALLBACK_PENDING: &str = "not yet assigned — a follow-up message will give it";
/// Text for the callback number (or its expiry) when it is still not assigned.
pub const NOT_YET_ASSIGNED: &str = "not yet assigned";

/// Renders the email for `facts`; `Err` with every template problem when the template is
/// not valid (nothing is blanked out or guessed). See [`render_email_or_default`] for the
/// variant that always produces an email.
pub fn render_email(
    template: &Template,
    facts: &EmergencyFacts,
    to: &[String],
    kind: EmailKind,
) -> Result<EmailMessage, Vec<TemplateError>> {
    let (subject, mut errors) = parse_field(&template.subject, TemplateField::Subject);
    let (body, body_errors) = parse_field(&template.body, TemplateField::Body);
    errors.extend(body_errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(assemble(&subject, &body, facts, to, kind))
}

/// Renders with `template`, or, when it has problems, with [`Template::default`] so that the
/// emergency contacts are still told; the problems are returned alongside for reporting.
pub fn render_email_or_default(
    template: &Template,
    facts: &EmergencyFacts,
    to: &[String],
    kind: EmailKind,
) -> (EmailMessage, Vec<TemplateError>) {
    match render_email(template, facts, to, kind) {
        Ok(message) => (message, Vec::new()),
        Err(errors) => {
            // The built-in template has no problems (tested), so its segments are complete.
            let (subject, _) = parse_field(DEFAULT_SUBJECT, TemplateField::Subject);
            let (body, _) = parse_field(DEFAULT_BODY, TemplateField::Body);
            (assemble(&subject, &body, facts, to, kind), errors)
        }
    }
}

fn assemble(
    subject: &[Segment],
    body: &[Segment],
    facts: &EmergencyFacts,
    to: &[String],
    kind: EmailKind,
) -> EmailMessage {
    let mut subject = one_line(&fill(subject, facts, kind), " ");
    if subject.is_empty() {
        subject = FALLBACK_SUBJECT.to_string();
    }
    let mut text = String::new();
    if kind == EmailKind::CallbackUpdate {
        subject.insert_str(0, UPDATE_SUBJECT_PREFIX);
        text.push_str(&update_line(facts));
        text.push_str("\n\n");
    }
    text.push_str(&normalise_newlines(&fill(body, facts, kind)));
    let html = Some(to_html(&text));
    EmailMessage {
        to: to.to_vec(),
        subject,
        text,
        html,
    }
}

fn update_line(facts: &EmergencyFacts) -> String {
    match facts
        .callback_number
        .as_deref()
        .map(|n| one_line(n, " "))
        .filter(|n| !n.is_empty())
    {
        Some(number) => {
            "UPDATE: the callback number for this emergency call is now known: ".to_string()
                + &number
                + " (valid until "
                + &callback_expiry(facts)
                + ")."
        }
        None => "UPDATE: the callback number for this emergency call is still not assigned.".into(),
    }
}

fn fill(segments: &[Segment], facts: &EmergencyFacts, kind: EmailKind) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Text(t) => out.push_str(t),
            Segment::Field(name) => out.push_str(&value(*name, facts, kind)),
        }
    }
    out
}

/// The text for one placeholder; never empty.
fn value(name: Field, facts: &EmergencyFacts, kind: EmailKind) -> String {
    let known = |s: &str| Some(one_line(s, " ")).filter(|s| !s.is_empty());
    let text = match name {
        Field::AgentName => known(&facts.agent_name),
        Field::AgentId => known(&facts.agent_id),
        Field::Dialed => known(&facts.dialed),
        Field::Number => known(&facts.number),
        Field::TimeUtc => Some(format_utc(facts.started_at)),
        Field::TimeLocal => format_local(facts.started_at, facts.utc_offset_minutes),
        Field::Region => facts.region.as_deref().and_then(known),
        Field::Latitude => valid_position(facts).map(|c| degrees(c.latitude)),
        Field::Longitude => valid_position(facts).map(|c| degrees(c.longitude)),
        Field::Accuracy => valid_position(facts).and_then(|c| metres(c.accuracy_meters)),
        Field::Coordinates => coordinates(facts),
        Field::CivicAddress => {
            return civic(facts).unwrap_or_else(|| NOT_PROVIDED.to_string());
        }
        Field::Location => return location_summary(facts),
        Field::CallbackNumber => {
            let number = facts.callback_number.as_deref().and_then(known);
            return number.unwrap_or_else(|| match kind {
                EmailKind::Initial => CALLBACK_PENDING.to_string(),
                EmailKind::CallbackUpdate => NOT_YET_ASSIGNED.to_string(),
            });
        }
        Field::CallbackExpiresUtc => return callback_expiry(facts),
    };
    text.unwrap_or_else(|| UNKNOWN.to_string())
}

fn callback_expiry(facts: &EmergencyFacts) -> String {
    let has_number = facts
        .callback_number
        .as_deref()
        .is_some_and(|n| !one_line(n, " ").is_empty());
    match (has_number, facts.callback_expires_at) {
        (_, Some(at)) => format_utc(at),
        (true, None) => UNKNOWN.to_string(),
        (false, None) => NOT_YET_ASSIGNED.to_string(),
    }
}

fn civic(facts: &EmergencyFacts) -> Option<String> {
    facts
        .civic_address
        .as_deref()
        .map(|a| one_line(a, ", "))
        .filter(|a| !a.is_empty())
}

/// The position when it is usable: finite and within ±90 / ±180.
fn valid_position(facts: &EmergencyFacts) -> Option<&Coords> {
    facts.coords.as_ref().filter(|c| {
        c.latitude.is_finite()
            && c.longitude.is_finite()
            && c.latitude.abs() <= 90.0
            && c.longitude.abs() <= 180.0
    })
}

/// Six decimals (about 0.1 m), never `-0.000000`.
fn degrees(v: f64) -> String {
    fixed(v, 6)
}

fn metres(v: f64) -> Option<String> {
    (v.is_finite() && v >= 0.0).then(|| fixed(v, 0) + " m")
}

/// `" (±25 m)"` with `±` as `before` (or `" (accuracy unknown)"`), appended to `out`.
fn push_accuracy(out: &mut String, c: &Coords, before: &str) {
    out.push_str(" (");
    match metres(c.accuracy_meters) {
        Some(m) => {
            out.push_str(before);
            out.push_str(&m);
        }
        None => out.push_str("accuracy unknown"),
    }
    out.push(')');
}

fn coordinates(facts: &EmergencyFacts) -> Option<String> {
    let c = valid_position(facts)?;
    let mut out = degrees(c.latitude);
    out.push_str(", ");
    out.push_str(&degrees(c.longitude));
    push_accuracy(&mut out, c, "±");
    Some(out)
}

/// One line with everything known about where the agent is; words, no map link.
fn location_summary(facts: &EmergencyFacts) -> String {
    let mut out = civic(facts).unwrap_or_default();
    if let Some(c) = valid_position(facts) {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(&degrees(c.latitude.abs()));
        out.push_str(if c.latitude < 0.0 { "° S, " } else { "° N, " });
        out.push_str(&degrees(c.longitude.abs()));
        out.push_str(if c.longitude < 0.0 { "° W" } else { "° E" });
        push_accuracy(&mut out, c, "within ");
    }
    if let Some(region) = facts
        .region
        .as_deref()
        .map(|r| one_line(r, " "))
        .filter(|r| !r.is_empty())
    {
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str("region ");
        out.push_str(&region);
    }
    if out.is_empty() {
        "unknown — the agent's location was not available; ask the agent where they are".to_string()
    } else {
        out
    }
}

/// Plausible facts for the administrator's live preview: every fact known, callback number
/// included (clear the callback fields to preview the initial message sent before it arrives).
pub fn sample_facts() -> EmergencyFacts {
    // 2026-11-24 14:05:09 UTC.
    let started_at: Millis = 1_795_529_109_000;
    EmergencyFacts {
        agent_name: "Jane Doe".into(),
        agent_id: "agent-0042".into(),
        dialed: "9-911".into(),
        number: "911".into(),
        started_at,
        utc_offset_minutes: -300,
        region: Some("US".into()),
        coords: Some(Coords {
            latitude: 40.748_4,
            longitude: -73.985_7,
            accuracy_meters: 25.0,
        }),
        civic_address: Some("350 Fifth Avenue, Floor 21, Room 2104, New York, NY 10118".into()),
        callback_number: Some("+1 202 555 0143".into()),
        callback_expires_at: Some(started_at + 60 * MINUTE),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_placeholder_has_a_value() {
        let facts = sample_facts();
        for p in super::super::PLACEHOLDERS {
            let name = super::super::template::placeholder(p.name).expect("a placeholder");
            let v = value(name, &facts, EmailKind::Initial);
            assert_ne!(v, UNKNOWN, "{} has no value arm or fact", p.name);
            assert!(!p.description.is_empty());
        }
    }
}
