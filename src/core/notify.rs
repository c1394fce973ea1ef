//! Emergency-contact notification (SPEC E7, B8): recipients and the email template.
//! Deterministic; no clock, no IO; total.
//!
//! PLACEHOLDER: issue 4's notification work replaces the internals; signatures are the contract.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::model::{Coords, Millis};

/// Why one recipient entry was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecipientError {
    /// The entry is not an email address.
    NotAnAddress,
}

impl fmt::Display for RecipientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an email address")
    }
}

/// One bad entry of the recipients string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipientProblem {
    /// Position of the entry in the semicolon-separated list, from 1.
    pub position: usize,
    /// The entry as written (trimmed).
    pub entry: String,
    /// What is wrong with it.
    pub error: RecipientError,
}

impl fmt::Display for RecipientProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "recipient {} \"{}\": {}",
            self.position, self.entry, self.error
        )
    }
}

/// The parsed recipients: the valid addresses (trimmed, de-duplicated, in order) and the problems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recipients {
    /// Addresses that get the email.
    pub valid: Vec<String>,
    /// Entries that were not used, with the reason.
    pub problems: Vec<RecipientProblem>,
}

/// Parses `"a@example.com; b@example.com"`.
pub fn parse_recipients(input: &str) -> Recipients {
    let mut out = Recipients::default();
    for (i, entry) in input.split(';').enumerate() {
        let entry = entry.trim();
        if entry.is_empty() {
            continue;
        }
        if entry.contains('@') {
            if !out.valid.iter().any(|v| v.eq_ignore_ascii_case(entry)) {
                out.valid.push(entry.to_string());
            }
        } else {
            out.problems.push(RecipientProblem {
                position: i + 1,
                entry: entry.into(),
                error: RecipientError::NotAnAddress,
            });
        }
    }
    out
}

/// The editable notification template (subject and body with `{placeholders}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Subject line template.
    pub subject: String,
    /// Body template (plain text; the HTML part is derived from it with every value escaped).
    pub body: String,
}

impl Default for Template {
    fn default() -> Self {
        Template {
            subject: "Emergency call by {agent_name}".into(),
            body: "{agent_name} dialed {number} at {time_utc}. Location: {location}. Callback: {callback_number}".into(),
        }
    }
}

/// A template problem, shown to the administrator.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateError {
    /// `{name}` is not a known placeholder.
    UnknownPlaceholder {
        /// The placeholder's name.
        name: String,
    },
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnknownPlaceholder { name } => {
                write!(f, "unknown placeholder {{{name}}}")
            }
        }
    }
}

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
    /// Sent when the callback number arrives after the initial message.
    CallbackUpdate,
}

/// An email ready for `notification.sendEmail` (HOST_CONTRACT `EmailMessage`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EmailMessage {
    /// Recipients.
    pub to: Vec<String>,
    /// Subject.
    pub subject: String,
    /// Plain-text body.
    pub text: String,
    /// HTML body, every value escaped.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub html: Option<String>,
}

/// Checks a template without rendering it.
pub fn validate_template(template: &Template) -> Vec<TemplateError> {
    let _ = template;
    Vec::new()
}

/// Renders the email for `facts`.
pub fn render_email(
    template: &Template,
    facts: &EmergencyFacts,
    to: &[String],
    kind: EmailKind,
) -> Result<EmailMessage, Vec<TemplateError>> {
    let _ = kind;
    Ok(EmailMessage {
        to: to.to_vec(),
        subject: template.subject.replace("{agent_name}", &facts.agent_name),
        text: template.body.replace("{agent_name}", &facts.agent_name),
        html: None,
    })
}
