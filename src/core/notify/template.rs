//! The administrator's email template (E7): the built-in one, the placeholders, and the parser
//! that checks a template and splits it into text and placeholders for [`super::render`].
//! Deterministic; no clock, no IO; total.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::text::Short;

/// The editable notification template (subject and body with `{placeholders}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Template {
    /// Subject line template (rendered as a single line).
    pub subject: String,
    /// Body template (plain text; the HTML part is derived from it with everything escaped).
    pub body: String,
}

/// The subject used when the rendered subject would be blank.
pub const FALLBACK_SUBJECT: &str = "Emergency call notification";

pub(super) const DEFAULT_SUBJECT: &str =
    "EMERGENCY CALL: {agent_name} dialed {number} at {time_utc}";

pub(super) const DEFAULT_BODY: &str = "\
This is an automatic notification: an emergency call was placed from the dialer.

WHO
  Agent: {agent_name} (agent ID {agent_id})
  Number dialed: {number} (typed as \"{dialed}\")

WHEN
  {time_utc}
  Agent's local time: {time_local}

WHERE
  Civic address: {civic_address}
  Coordinates: {coordinates}
  Region: {region}
  Summary: {location}

CALLBACK
  Callback number: {callback_number}
  Valid until: {callback_expires_utc}
  The emergency service uses this number to call the agent back if the call drops.

Emergency services have been called. Be ready to direct responders to the agent's location.
This message was sent automatically because an emergency number was dialed; do not reply to it.";

impl Default for Template {
    /// The built-in template, meeting Kari's Law (B8): who called, when (UTC and local),
    /// from where (civic address, coordinates with accuracy, region), the callback number and
    /// until when, and that the message is automatic.
    fn default() -> Self {
        Template {
            subject: DEFAULT_SUBJECT.into(),
            body: DEFAULT_BODY.into(),
        }
    }
}

/// Which field of the template a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TemplateField {
    /// [`Template::subject`].
    Subject,
    /// [`Template::body`].
    Body,
}

impl TemplateField {
    /// `"subject"` or `"body"`.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateField::Subject => "subject",
            TemplateField::Body => "body",
        }
    }
}

impl fmt::Display for TemplateField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where in a template field something is. All counts start at 1 and are in characters
/// (Unicode scalar values), like [`crate::core::dial::DialError`] positions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TemplatePosition {
    /// The field.
    pub field: TemplateField,
    /// Character offset in the field, from 1.
    pub position: usize,
    /// Line, from 1.
    pub line: usize,
    /// Character within the line, from 1.
    pub column: usize,
}

impl fmt::Display for TemplatePosition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            TemplateField::Subject => write!(f, "subject, character {}", self.position),
            TemplateField::Body => {
                write!(f, "body, line {}, character {}", self.line, self.column)
            }
        }
    }
}

/// A template problem, shown to the administrator.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TemplateError {
    /// `{name}` is not a known placeholder.
    UnknownPlaceholder {
        /// The placeholder's name (between the braces).
        name: String,
        /// Where its `{` is.
        at: TemplatePosition,
        /// The known placeholder it most likely means, e.g. `agent_name` for `agentname`.
        suggestion: Option<&'static str>,
    },
    /// `{}`: a placeholder without a name.
    EmptyPlaceholder {
        /// Where its `{` is.
        at: TemplatePosition,
    },
    /// A `{` with no `}` after it on the same line.
    UnclosedBrace {
        /// Where the `{` is.
        at: TemplatePosition,
    },
}

impl TemplateError {
    /// Where the problem is.
    pub fn at(&self) -> TemplatePosition {
        match self {
            TemplateError::UnknownPlaceholder { at, .. }
            | TemplateError::EmptyPlaceholder { at }
            | TemplateError::UnclosedBrace { at } => *at,
        }
    }
}

impl fmt::Display for TemplateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TemplateError::UnknownPlaceholder { name, at, suggestion } => {
                write!(f, "{at}: unknown placeholder {{{}}}", Short(name))?;
                match suggestion {
                    Some(s) => write!(f, "; did you mean {{{s}}}?"),
                    None => f.write_str("; write {{ for a literal brace"),
                }
            }
            TemplateError::EmptyPlaceholder { at } => write!(
                f,
                "{at}: empty placeholder {{}}; put a placeholder name between the braces, or write {{{{}}}} for literal braces"
            ),
            TemplateError::UnclosedBrace { at } => write!(
                f,
                "{at}: '{{' is not closed by '}}' on the same line; write {{{{ for a literal brace"
            ),
        }
    }
}

impl std::error::Error for TemplateError {}

/// A placeholder the template may use, for the administrator's help text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placeholder {
    /// The name between the braces, e.g. `agent_name` for `{agent_name}`.
    pub name: &'static str,
    /// What it is replaced with, in English.
    pub description: &'static str,
}

/// [`PLACEHOLDERS`] from `Variant "name": "description"` entries, [`NAMES`] (the names
/// alone) and [`Field`] (one variant per name, in the same order, for the renderer).
macro_rules! placeholders {
    ($($variant:ident $name:literal: $description:literal,)*) => {
        /// Every placeholder, in the order the admin UI lists them.
        pub const PLACEHOLDERS: &[Placeholder] = &[$(Placeholder {
            name: $name,
            description: $description,
        },)*];

        /// The names of [`PLACEHOLDERS`], in the same order: what the parser checks against.
        /// The descriptions are for the settings editor only; the agent's build, which never
        /// names `PLACEHOLDERS`, leaves them out (bundle size, issue 16).
        const NAMES: &[&str] = &[$($name,)*];

        /// A known placeholder, for the renderer.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(super) enum Field {
            $(#[doc = $name] $variant,)*
        }

        /// The [`Field`] of each of [`NAMES`], in the same order.
        const VARIANTS: &[Field] = &[$(Field::$variant,)*];
    };
}

placeholders! {
    AgentName "agent_name": "The agent's display name.",
    AgentId "agent_id": "The agent's id in the host application.",
    Dialed "dialed": "Exactly what the agent typed, e.g. \"9-911\".",
    Number "number": "The emergency number that was called, e.g. \"911\".",
    TimeUtc "time_utc": "When the call was placed, in UTC, e.g. \"2026-11-24 14:05:09 UTC\".",
    TimeLocal "time_local": "When the call was placed, in the agent's local time with its UTC offset, e.g. \"2026-11-24 09:05:09 (UTC−05:00)\".",
    Region "region": "The agent's country or region code (ISO 3166-1), e.g. \"US\"; \"unknown\" if not determined.",
    Latitude "latitude": "Latitude in decimal degrees (north positive); \"unknown\" without a position.",
    Longitude "longitude": "Longitude in decimal degrees (east positive); \"unknown\" without a position.",
    Accuracy "accuracy": "Accuracy of the position in metres, e.g. \"25 m\".",
    Coordinates "coordinates": "Latitude and longitude with accuracy, e.g. \"40.748400, -73.985700 (±25 m)\".",
    CivicAddress "civic_address": "The confirmed street address (street, floor, room); \"not provided\" if none is configured.",
    Location "location": "One line with everything known about where the agent is: civic address, coordinates with accuracy, region.",
    CallbackNumber "callback_number": "The temporary number the emergency service can call back; \"not yet assigned\" until it arrives (a follow-up message then gives it).",
    CallbackExpiresUtc "callback_expires_utc": "When the callback number stops working, in UTC.",
}

/// A parsed template field: literal text and placeholder names, in order.
pub(super) enum Segment {
    /// Literal text.
    Text(String),
    /// A placeholder.
    Field(Field),
}

/// Tracks position, line and column while the parser moves forward (O(n) overall).
struct Positions<'a> {
    source: &'a str,
    /// The byte offset counted up to.
    next: usize,
    /// Characters before `next`.
    chars: usize,
    line: usize,
    column: usize,
}

impl Positions<'_> {
    /// Position of the character at byte offset `index`; `index` never decreases between calls.
    fn at(&mut self, field: TemplateField, index: usize) -> TemplatePosition {
        for c in self
            .source
            .get(self.next..index)
            .unwrap_or_default()
            .chars()
        {
            self.chars += 1;
            if c == '\n' {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
        }
        self.next = index;
        TemplatePosition {
            field,
            position: self.chars + 1,
            line: self.line,
            column: self.column,
        }
    }
}

/// Parses one field; the segments are meaningful only when no error was found. The braces
/// are ASCII, so the parser works on bytes and copies the text between them in runs.
pub(super) fn parse_field(
    source: &str,
    field: TemplateField,
) -> (Vec<Segment>, Vec<TemplateError>) {
    let bytes = source.as_bytes();
    let mut positions = Positions {
        source,
        next: 0,
        chars: 0,
        line: 1,
        column: 1,
    };
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut text = String::new();
    // The literal text from `start` to `i` is not in `text` yet.
    let mut start = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b == b'}' || b == b'{' && bytes.get(i + 1) == Some(&b) {
            // `{{` or `}}` is one literal brace (as is a lone `}`).
            text.push_str(source.get(start..=i).unwrap_or_default());
            i += if bytes.get(i + 1) == Some(&b) { 2 } else { 1 };
            start = i;
            continue;
        }
        if b != b'{' {
            i += 1;
            continue;
        }
        let close = bytes
            .iter()
            .skip(i + 1)
            .position(|&c| matches!(c, b'}' | b'{' | b'\n' | b'\r'))
            .map(|k| i + 1 + k)
            .filter(|&k| bytes.get(k) == Some(&b'}'));
        let Some(end) = close else {
            errors.push(TemplateError::UnclosedBrace {
                at: positions.at(field, i),
            });
            // The `{` stays literal text.
            i += 1;
            continue;
        };
        text.push_str(source.get(start..i).unwrap_or_default());
        let name = source.get(i + 1..end).unwrap_or_default();
        if let Some(known) = placeholder(name) {
            if !text.is_empty() {
                segments.push(Segment::Text(std::mem::take(&mut text)));
            }
            segments.push(Segment::Field(known));
        } else {
            let at = positions.at(field, i);
            errors.push(if name.is_empty() {
                TemplateError::EmptyPlaceholder { at }
            } else {
                TemplateError::UnknownPlaceholder {
                    name: name.to_string(),
                    at,
                    suggestion: suggest(name),
                }
            });
        }
        i = end + 1;
        start = i;
    }
    text.push_str(source.get(start..).unwrap_or_default());
    if !text.is_empty() {
        segments.push(Segment::Text(text));
    }
    (segments, errors)
}

/// The placeholder called `name`, if it is one.
pub(super) fn placeholder(name: &str) -> Option<Field> {
    let index = NAMES.iter().position(|&n| n == name)?;
    VARIANTS.get(index).copied()
}

/// The known placeholder an unknown name most likely means.
fn suggest(name: &str) -> Option<&'static str> {
    let wanted: String = name.trim().to_ascii_lowercase().replace([' ', '-'], "_");
    if wanted.chars().count() > 40 {
        return None;
    }
    NAMES
        .iter()
        .map(|&n| (edit_distance(&wanted, n), n))
        .filter(|&(d, _)| d <= 2)
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// Levenshtein distance, for short strings.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diag = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = (up + 1).min(row[j] + 1).min(diag + usize::from(ca != *cb));
            diag = up;
        }
    }
    row[b.len()]
}

/// Checks a template without rendering it: every problem in the subject, then the body.
pub fn validate_template(template: &Template) -> Vec<TemplateError> {
    let mut errors = parse_field(&template.subject, TemplateField::Subject).1;
    errors.extend(parse_field(&template.body, TemplateField::Body).1);
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("agentname", "agent_name"), 1);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(suggest("Agent Name"), Some("agent_name"));
        assert_eq!(suggest("callback"), None);
    }

    #[test]
    fn the_default_template_is_valid() {
        assert_eq!(validate_template(&Template::default()), vec![]);
    }
}
