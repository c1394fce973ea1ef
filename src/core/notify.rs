//! Emergency-contact notification (SPEC E7, B8): parsing the per-agent recipients string,
//! validating the administrator's email template and rendering the email.
//! Deterministic; no clock, no IO; total: no input makes anything here panic.
//!
//! # Recipients ([`parse_recipients`])
//!
//! - Entries are separated by `;` (the documented form), and also by `,` and line breaks,
//!   because administrators paste lists from mail clients (Outlook uses `;`, most others `,`)
//!   and spreadsheets (one per line). Separators inside a quoted display name
//!   (`"Doe, Jane" <jane@example.com>`) do not split.
//! - Each entry is trimmed; empty entries (`a@x.com;;b@y.com;`) are ignored silently.
//! - `Name <address>` (what mail clients copy) is accepted: the address between `<` and `>` is
//!   used, the display name is dropped. `<address>` alone works too.
//! - The address must be a plain `local@domain`: local part made of RFC 5322 "atext" (letters,
//!   digits, ``!#$%&'*+-/=?^_`{|}~``) and single dots; a domain of at least two dot-separated
//!   labels of letters, digits and inner hyphens, not ending in a number. Non-ASCII letters
//!   and digits are accepted (internationalised addresses, RFC 6531, e.g. `jens@blåbær.dk`).
//!   Quoted local parts and IP-address domains are rejected: no administrator means them, and
//!   they are how typos look. Lengths follow RFC 5321, in bytes: at most 254 for the address,
//!   64 before the `@`, 63 per domain label.
//! - Duplicates are removed case-insensitively, keeping the first spelling.
//! - Every rejected entry is a [`RecipientProblem`] with its position among the non-empty
//!   entries (from 1, what the administrator counts) and a precise [`RecipientError`]. The
//!   valid addresses still get the email.
//!
//! # Templates ([`Template`], [`validate_template`], [`render_email`])
//!
//! `{name}` is replaced by a fact (see [`PLACEHOLDERS`]); `{{` and `}}` are a literal `{` and
//! `}`; a lone `}` is also literal. An unknown or empty placeholder, or a `{` without its `}`
//! on the same line, is a [`TemplateError`] naming the field and the position. A missing fact
//! renders as words ("unknown", "not provided", "not yet assigned"), never as nothing. Values
//! are made single-line and stripped of control and bidirectional-override characters; the
//! subject is a single line whatever the template says (no header injection). The HTML part
//! is the text part HTML-escaped (template text included: it is plain text, not HTML) with
//! line breaks as `<br>`, so nothing a value or the administrator writes becomes markup.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use super::model::{Coords, Millis, MINUTE};
pub use super::time::{format_local, format_utc, MAX_UTC_OFFSET_MINUTES};

// ---------------------------------------------------------------------------------------------
// Recipients
// ---------------------------------------------------------------------------------------------

/// RFC 5321 limit for a whole address (forward-path minus the angle brackets), in bytes.
pub const MAX_ADDRESS_LEN: usize = 254;
/// RFC 5321 limit for the part before the `@`, in bytes.
pub const MAX_LOCAL_PART_LEN: usize = 64;
/// RFC 1035 limit for one domain label, in bytes.
pub const MAX_DOMAIN_LABEL_LEN: usize = 63;

/// Why one recipient entry was not used.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecipientError {
    /// The entry has no `@` sign, so it is not an email address (e.g. `security-desk`).
    NotAnAddress,
    /// The address has more than one `@` sign.
    MultipleAt,
    /// The address contains a space or another whitespace character (often two addresses
    /// separated by a space instead of a semicolon).
    ContainsWhitespace,
    /// A character that cannot appear in the part before the `@` (e.g. a curly apostrophe).
    InvalidCharacter {
        /// The character.
        ch: char,
    },
    /// Nothing before the `@`.
    EmptyLocalPart,
    /// The part before the `@` starts or ends with a dot or has two dots in a row.
    MisplacedDot,
    /// The part before the `@` is longer than [`MAX_LOCAL_PART_LEN`] bytes.
    LocalPartTooLong {
        /// Its length in bytes.
        length: usize,
    },
    /// The whole address is longer than [`MAX_ADDRESS_LEN`] bytes.
    TooLong {
        /// Its length in bytes.
        length: usize,
    },
    /// Nothing after the `@`.
    EmptyDomain,
    /// The part after the `@` is not a usable domain name.
    InvalidDomain {
        /// The domain as written.
        domain: String,
        /// What is wrong with it.
        problem: DomainProblem,
    },
    /// `Name <address` — a `<` without its closing `>`.
    UnclosedAngleBracket,
    /// `Name <address> more` — text after the closing `>`.
    TextAfterAddress,
    /// `Name <>` — nothing between the angle brackets.
    EmptyAngleBrackets,
}

/// What is wrong with the domain of an address.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DomainProblem {
    /// A single label such as `example` (expected `example.com`).
    NoDot,
    /// Two dots in a row, or a dot at the start or end.
    EmptyLabel,
    /// A label longer than [`MAX_DOMAIN_LABEL_LEN`] bytes.
    LabelTooLong,
    /// A label starting or ending with `-`.
    HyphenAtLabelEdge,
    /// The last label is a number (an unbracketed IP address such as `10.0.0.1`).
    NumericTopLevel,
    /// A bracketed IP address (`[10.0.0.1]`), not accepted for notifications.
    AddressLiteral,
    /// A character that cannot appear in a domain name.
    InvalidCharacter {
        /// The character.
        ch: char,
    },
}

/// A character for a message: printable ones as themselves, others as `U+XXXX`.
struct ShowChar(char);

impl fmt::Display for ShowChar {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = self.0;
        if c.is_control() || is_bidi_control(c) {
            write!(f, "U+{:04X}", u32::from(c))
        } else {
            write!(f, "'{c}'")
        }
    }
}

/// Text for a message: at most 80 characters, control characters replaced.
struct Short<'a>(&'a str);

impl fmt::Display for Short<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const MAX: usize = 80;
        for (i, c) in self.0.chars().enumerate() {
            if i == MAX {
                return f.write_str("…");
            }
            let c = if c.is_control() || is_bidi_control(c) {
                '\u{FFFD}'
            } else {
                c
            };
            fmt::Write::write_char(f, c)?;
        }
        Ok(())
    }
}

impl fmt::Display for DomainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainProblem::NoDot => {
                f.write_str("has no dot (expected a domain such as example.com)")
            }
            DomainProblem::EmptyLabel => {
                f.write_str("has an empty part (two dots in a row, or a dot at the start or end)")
            }
            DomainProblem::LabelTooLong => write!(
                f,
                "has a part between dots longer than {MAX_DOMAIN_LABEL_LEN} characters"
            ),
            DomainProblem::HyphenAtLabelEdge => {
                f.write_str("has a part that starts or ends with a hyphen")
            }
            DomainProblem::NumericTopLevel => {
                f.write_str("ends in a number (IP addresses are not accepted; use a domain name)")
            }
            DomainProblem::AddressLiteral => {
                f.write_str("is a bracketed IP address, which is not accepted; use a domain name")
            }
            DomainProblem::InvalidCharacter { ch } => {
                write!(
                    f,
                    "contains the character {}, which a domain name cannot have",
                    ShowChar(*ch)
                )
            }
        }
    }
}

impl fmt::Display for RecipientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecipientError::NotAnAddress => {
                f.write_str("missing the @ sign (an address looks like name@example.com)")
            }
            RecipientError::MultipleAt => f.write_str("has more than one @ sign"),
            RecipientError::ContainsWhitespace => {
                f.write_str("contains a space; separate addresses with semicolons (;)")
            }
            RecipientError::InvalidCharacter { ch } => write!(
                f,
                "contains the character {} before the @ sign, which an email address cannot have",
                ShowChar(*ch)
            ),
            RecipientError::EmptyLocalPart => f.write_str("has nothing before the @ sign"),
            RecipientError::MisplacedDot => f.write_str(
                "the part before the @ sign starts or ends with a dot, or has two dots in a row",
            ),
            RecipientError::LocalPartTooLong { length } => write!(
                f,
                "the part before the @ sign is {length} bytes long; at most {MAX_LOCAL_PART_LEN} are allowed"
            ),
            RecipientError::TooLong { length } => write!(
                f,
                "is {length} bytes long; an email address may have at most {MAX_ADDRESS_LEN}"
            ),
            RecipientError::EmptyDomain => {
                f.write_str("has nothing after the @ sign (the domain, such as example.com, is missing)")
            }
            RecipientError::InvalidDomain { domain, problem } => {
                write!(f, "the domain \"{}\" {problem}", Short(domain))
            }
            RecipientError::UnclosedAngleBracket => f.write_str("has a '<' without a closing '>'"),
            RecipientError::TextAfterAddress => f.write_str("has text after the closing '>'"),
            RecipientError::EmptyAngleBrackets => {
                f.write_str("has no address between '<' and '>'")
            }
        }
    }
}

impl std::error::Error for RecipientError {}

/// One bad entry of the recipients string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipientProblem {
    /// Position of the entry among the non-empty entries of the list, from 1.
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
            self.position,
            Short(&self.entry),
            self.error
        )
    }
}

impl std::error::Error for RecipientProblem {}

/// The parsed recipients: the valid addresses (trimmed, de-duplicated, in order) and the problems.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Recipients {
    /// Addresses that get the email (bare addresses, display names removed).
    pub valid: Vec<String>,
    /// Entries that were not used, with the reason, in order.
    pub problems: Vec<RecipientProblem>,
}

impl Recipients {
    /// True when nothing at all was configured (no valid address and no problem).
    pub fn is_empty(&self) -> bool {
        self.valid.is_empty() && self.problems.is_empty()
    }
}

/// Parses the per-agent recipients string, e.g. `"a@example.com; Jane Doe <b@example.com>"`
/// (rules in the module documentation).
pub fn parse_recipients(input: &str) -> Recipients {
    let mut out = Recipients::default();
    let mut seen = HashSet::new();
    for (i, entry) in split_entries(input).into_iter().enumerate() {
        match parse_entry(entry) {
            Ok(address) => {
                if seen.insert(address.to_lowercase()) {
                    out.valid.push(address.to_string());
                }
            }
            Err(error) => out.problems.push(RecipientProblem {
                position: i + 1,
                entry: entry.to_string(),
                error,
            }),
        }
    }
    out
}

/// Splits on `;`, `,` and line breaks outside double quotes; returns the trimmed non-empty
/// entries. A `"` without a closing `"` is an ordinary character.
fn split_entries(input: &str) -> Vec<&str> {
    let mut entries = Vec::new();
    let mut start = 0;
    let mut quote_may_close = true; // false once a `"` was found to have no closing `"`
    let mut skip_until = 0; // byte index just after a quoted string
    for (i, c) in input.char_indices() {
        if i < skip_until {
            continue;
        }
        match c {
            '"' if quote_may_close => match closing_quote(&input[i + 1..]) {
                Some(len) => skip_until = i + 1 + len + 1,
                None => quote_may_close = false,
            },
            ';' | ',' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                entries.push(&input[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    entries.push(&input[start..]);
    entries
        .into_iter()
        .map(str::trim)
        .filter(|e| !e.is_empty())
        .collect()
}

/// Byte length of a quoted string's content up to (not including) its closing `"`.
fn closing_quote(rest: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in rest.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => return Some(i),
            _ => {}
        }
    }
    None
}

/// One trimmed, non-empty entry to its address.
fn parse_entry(entry: &str) -> Result<&str, RecipientError> {
    let address = match entry.rfind('<') {
        Some(lt) => {
            let after = &entry[lt + 1..];
            let gt = after
                .find('>')
                .ok_or(RecipientError::UnclosedAngleBracket)?;
            if !after[gt + 1..].trim().is_empty() {
                return Err(RecipientError::TextAfterAddress);
            }
            let inner = after[..gt].trim();
            if inner.is_empty() {
                return Err(RecipientError::EmptyAngleBrackets);
            }
            inner
        }
        None => entry,
    };
    validate_address(address)?;
    Ok(address)
}

fn validate_address(address: &str) -> Result<(), RecipientError> {
    if address.chars().any(char::is_whitespace) {
        return Err(RecipientError::ContainsWhitespace);
    }
    let (local, domain) = match address.split_once('@') {
        None => return Err(RecipientError::NotAnAddress),
        Some((_, domain)) if domain.contains('@') => return Err(RecipientError::MultipleAt),
        Some(parts) => parts,
    };
    if address.len() > MAX_ADDRESS_LEN {
        return Err(RecipientError::TooLong {
            length: address.len(),
        });
    }
    if local.is_empty() {
        return Err(RecipientError::EmptyLocalPart);
    }
    if local.len() > MAX_LOCAL_PART_LEN {
        return Err(RecipientError::LocalPartTooLong {
            length: local.len(),
        });
    }
    if let Some(ch) = local.chars().find(|&c| !is_local_char(c)) {
        return Err(RecipientError::InvalidCharacter { ch });
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(RecipientError::MisplacedDot);
    }
    if domain.is_empty() {
        return Err(RecipientError::EmptyDomain);
    }
    check_domain(domain).map_err(|problem| RecipientError::InvalidDomain {
        domain: domain.to_string(),
        problem,
    })
}

/// RFC 5322 atext or a dot, plus non-ASCII letters and digits (RFC 6531).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || "!#$%&'*+-/=?^_`{|}~.".contains(c)
        || (!c.is_ascii() && c.is_alphanumeric())
}

fn check_domain(domain: &str) -> Result<(), DomainProblem> {
    if domain.starts_with('[') {
        return Err(DomainProblem::AddressLiteral);
    }
    let labels: Vec<&str> = domain.split('.').collect();
    if labels.iter().any(|l| l.is_empty()) {
        return Err(DomainProblem::EmptyLabel);
    }
    if labels.len() < 2 {
        return Err(DomainProblem::NoDot);
    }
    for label in &labels {
        if let Some(ch) = label.chars().find(|&c| !(c.is_alphanumeric() || c == '-')) {
            return Err(DomainProblem::InvalidCharacter { ch });
        }
        if label.len() > MAX_DOMAIN_LABEL_LEN {
            return Err(DomainProblem::LabelTooLong);
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(DomainProblem::HyphenAtLabelEdge);
        }
    }
    if labels
        .last()
        .is_some_and(|tld| tld.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(DomainProblem::NumericTopLevel);
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Template
// ---------------------------------------------------------------------------------------------

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

const DEFAULT_SUBJECT: &str = "EMERGENCY CALL: {agent_name} dialed {number} at {time_utc}";

const DEFAULT_BODY: &str = "\
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
/// (Unicode scalar values), like [`super::dial::DialError`] positions.
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

/// Every placeholder, in the order the admin UI lists them.
pub const PLACEHOLDERS: &[Placeholder] = &[
    Placeholder { name: "agent_name", description: "The agent's display name." },
    Placeholder { name: "agent_id", description: "The agent's id in the host application." },
    Placeholder { name: "dialed", description: "Exactly what the agent typed, e.g. \"9-911\"." },
    Placeholder { name: "number", description: "The emergency number that was called, e.g. \"911\"." },
    Placeholder {
        name: "time_utc",
        description: "When the call was placed, in UTC, e.g. \"2026-11-24 14:05:09 UTC\".",
    },
    Placeholder {
        name: "time_local",
        description: "When the call was placed, in the agent's local time with its UTC offset, e.g. \"2026-11-24 09:05:09 (UTC−05:00)\".",
    },
    Placeholder {
        name: "region",
        description: "The agent's country or region code (ISO 3166-1), e.g. \"US\"; \"unknown\" if not determined.",
    },
    Placeholder { name: "latitude", description: "Latitude in decimal degrees (north positive); \"unknown\" without a position." },
    Placeholder { name: "longitude", description: "Longitude in decimal degrees (east positive); \"unknown\" without a position." },
    Placeholder { name: "accuracy", description: "Accuracy of the position in metres, e.g. \"25 m\"." },
    Placeholder {
        name: "coordinates",
        description: "Latitude and longitude with accuracy, e.g. \"40.748400, -73.985700 (±25 m)\".",
    },
    Placeholder {
        name: "civic_address",
        description: "The confirmed street address (street, floor, room); \"not provided\" if none is configured.",
    },
    Placeholder {
        name: "location",
        description: "One line with everything known about where the agent is: civic address, coordinates with accuracy, region.",
    },
    Placeholder {
        name: "callback_number",
        description: "The temporary number the emergency service can call back; \"not yet assigned\" until it arrives (a follow-up message then gives it).",
    },
    Placeholder {
        name: "callback_expires_utc",
        description: "When the callback number stops working, in UTC.",
    },
];

/// A parsed template field: literal text and placeholder names, in order.
enum Segment {
    Text(String),
    Field(&'static str),
}

/// Tracks line and column while the parser moves forward (O(n) overall).
struct Positions<'a> {
    chars: &'a [char],
    next: usize,
    line: usize,
    column: usize,
}

impl Positions<'_> {
    /// Position of `chars[index]`; `index` never decreases between calls.
    fn at(&mut self, field: TemplateField, index: usize) -> TemplatePosition {
        while self.next < index {
            if self.chars.get(self.next) == Some(&'\n') {
                self.line += 1;
                self.column = 1;
            } else {
                self.column += 1;
            }
            self.next += 1;
        }
        TemplatePosition {
            field,
            position: index + 1,
            line: self.line,
            column: self.column,
        }
    }
}

/// Parses one field; the segments are meaningful only when no error was found.
fn parse_field(source: &str, field: TemplateField) -> (Vec<Segment>, Vec<TemplateError>) {
    let chars: Vec<char> = source.chars().collect();
    let mut positions = Positions {
        chars: &chars,
        next: 0,
        line: 1,
        column: 1,
    };
    let mut segments = Vec::new();
    let mut errors = Vec::new();
    let mut text = String::new();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let next = chars.get(i + 1).copied();
        match c {
            '{' if next == Some('{') => {
                text.push('{');
                i += 2;
            }
            '}' if next == Some('}') => {
                text.push('}');
                i += 2;
            }
            '{' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&c| matches!(c, '}' | '{' | '\n' | '\r'))
                    .map(|k| i + 1 + k)
                    .filter(|&k| chars[k] == '}');
                match close {
                    Some(end) => {
                        let name: String = chars[i + 1..end].iter().collect();
                        if let Some(known) = PLACEHOLDERS.iter().find(|p| p.name == name) {
                            if !text.is_empty() {
                                segments.push(Segment::Text(std::mem::take(&mut text)));
                            }
                            segments.push(Segment::Field(known.name));
                        } else {
                            let at = positions.at(field, i);
                            errors.push(if name.is_empty() {
                                TemplateError::EmptyPlaceholder { at }
                            } else {
                                let suggestion = suggest(&name);
                                TemplateError::UnknownPlaceholder {
                                    name,
                                    at,
                                    suggestion,
                                }
                            });
                        }
                        i = end + 1;
                    }
                    None => {
                        errors.push(TemplateError::UnclosedBrace {
                            at: positions.at(field, i),
                        });
                        text.push('{');
                        i += 1;
                    }
                }
            }
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    if !text.is_empty() {
        segments.push(Segment::Text(text));
    }
    (segments, errors)
}

/// The known placeholder an unknown name most likely means.
fn suggest(name: &str) -> Option<&'static str> {
    let wanted: String = name.trim().to_lowercase().replace([' ', '-'], "_");
    if wanted.chars().count() > 40 {
        return None;
    }
    PLACEHOLDERS
        .iter()
        .map(|p| (edit_distance(&wanted, p.name), p.name))
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

// ---------------------------------------------------------------------------------------------
// Facts and rendering
// ---------------------------------------------------------------------------------------------

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
    match facts.callback_number.as_deref().map(|n| one_line(n, " ")).filter(|n| !n.is_empty()) {
        Some(number) => format!(
            "UPDATE: the callback number for this emergency call is now known: {number} (valid until {}).",
            callback_expiry(facts)
        ),
        None => "UPDATE: the callback number for this emergency call is still not assigned.".into(),
    }
}

fn fill(segments: &[Segment], facts: &EmergencyFacts, kind: EmailKind) -> String {
    let mut out = String::new();
    for segment in segments {
        match segment {
            Segment::Text(t) => out.push_str(t),
            Segment::Field(name) => out.push_str(&value(name, facts, kind)),
        }
    }
    out
}

/// The text for one placeholder; never empty.
fn value(name: &str, facts: &EmergencyFacts, kind: EmailKind) -> String {
    let known = |s: &str| Some(one_line(s, " ")).filter(|s| !s.is_empty());
    let text = match name {
        "agent_name" => known(&facts.agent_name),
        "agent_id" => known(&facts.agent_id),
        "dialed" => known(&facts.dialed),
        "number" => known(&facts.number),
        "time_utc" => Some(format_utc(facts.started_at)),
        "time_local" => format_local(facts.started_at, facts.utc_offset_minutes),
        "region" => facts.region.as_deref().and_then(known),
        "latitude" => valid_position(facts).map(|c| degrees(c.latitude)),
        "longitude" => valid_position(facts).map(|c| degrees(c.longitude)),
        "accuracy" => valid_position(facts).and_then(|c| metres(c.accuracy_meters)),
        "coordinates" => coordinates(facts),
        "civic_address" => {
            return civic(facts).unwrap_or_else(|| NOT_PROVIDED.to_string());
        }
        "location" => return location_summary(facts),
        "callback_number" => {
            let number = facts.callback_number.as_deref().and_then(known);
            return number.unwrap_or_else(|| match kind {
                EmailKind::Initial => CALLBACK_PENDING.to_string(),
                EmailKind::CallbackUpdate => NOT_YET_ASSIGNED.to_string(),
            });
        }
        "callback_expires_utc" => return callback_expiry(facts),
        _ => None,
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
    let s = format!("{:.6}", v);
    if s == "-0.000000" {
        "0.000000".to_string()
    } else {
        s
    }
}

fn metres(v: f64) -> Option<String> {
    (v.is_finite() && v >= 0.0).then(|| format!("{v:.0} m"))
}

fn coordinates(facts: &EmergencyFacts) -> Option<String> {
    let c = valid_position(facts)?;
    let accuracy = match metres(c.accuracy_meters) {
        Some(m) => format!("±{m}"),
        None => "accuracy unknown".to_string(),
    };
    Some(format!(
        "{}, {} ({accuracy})",
        degrees(c.latitude),
        degrees(c.longitude)
    ))
}

/// One line with everything known about where the agent is; words, no map link.
fn location_summary(facts: &EmergencyFacts) -> String {
    let mut parts = Vec::new();
    if let Some(address) = civic(facts) {
        parts.push(address);
    }
    if let Some(c) = valid_position(facts) {
        let ns = if c.latitude < 0.0 { 'S' } else { 'N' };
        let ew = if c.longitude < 0.0 { 'W' } else { 'E' };
        let accuracy = match metres(c.accuracy_meters) {
            Some(m) => format!("within {m}"),
            None => "accuracy unknown".to_string(),
        };
        parts.push(format!(
            "{}° {ns}, {}° {ew} ({accuracy})",
            degrees(c.latitude.abs()),
            degrees(c.longitude.abs())
        ));
    }
    if let Some(region) = facts
        .region
        .as_deref()
        .map(|r| one_line(r, " "))
        .filter(|r| !r.is_empty())
    {
        parts.push(format!("region {region}"));
    }
    if parts.is_empty() {
        "unknown — the agent's location was not available; ask the agent where they are".to_string()
    } else {
        parts.join("; ")
    }
}

/// Characters that can reorder how text is displayed (Trojan-Source style spoofing).
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A single line: line breaks become `sep` (empty lines dropped), other control and
/// bidirectional-override characters are removed, and the result is trimmed.
fn one_line(s: &str, sep: &str) -> String {
    s.split(is_line_break)
        .map(|line| {
            line.chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|&c| !c.is_control() && !is_bidi_control(c))
                .collect::<String>()
        })
        .map(|line| line.trim().to_string())
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// `\r\n` and lone `\r` (and Unicode line separators) become `\n`.
fn normalise_newlines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' => out.push('\n'),
            c if is_bidi_control(c) => {}
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// HTML-escapes `s` (all of it: the template is plain text too).
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The HTML part: each line escaped, leading spaces kept, lines joined with `<br>`.
fn to_html(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            let body = line.trim_start_matches(' ');
            let indent = line.len() - body.len();
            format!("{}{}", "&nbsp;".repeat(indent), escape_html(body))
        })
        .collect::<Vec<_>>()
        .join("<br>\n")
}

// ---------------------------------------------------------------------------------------------
// Preview
// ---------------------------------------------------------------------------------------------

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
    fn splitting_respects_quotes_and_ignores_an_unclosed_one() {
        assert_eq!(
            split_entries(r#""Doe, Jane" <j@x.com>, b@y.com"#),
            vec![r#""Doe, Jane" <j@x.com>"#, "b@y.com"]
        );
        assert_eq!(
            split_entries(r#""a \" ; b" <j@x.com>;c@y.com"#),
            vec![r#""a \" ; b" <j@x.com>"#, "c@y.com"]
        );
        assert_eq!(
            split_entries(r#""Jane <j@x.com>; b@y.com"#),
            vec![r#""Jane <j@x.com>"#, "b@y.com"]
        );
        assert_eq!(split_entries(" ; ,\n\r\n "), Vec::<&str>::new());
    }

    #[test]
    fn edit_distance_basics() {
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("agentname", "agent_name"), 1);
        assert_eq!(edit_distance("same", "same"), 0);
        assert_eq!(suggest("Agent Name"), Some("agent_name"));
        assert_eq!(suggest("callback"), None);
    }

    #[test]
    fn every_placeholder_has_a_value() {
        let facts = sample_facts();
        for p in PLACEHOLDERS {
            let v = value(p.name, &facts, EmailKind::Initial);
            assert_ne!(v, UNKNOWN, "{} has no value arm or fact", p.name);
            assert!(!p.description.is_empty());
        }
    }

    #[test]
    fn the_default_template_is_valid() {
        assert_eq!(validate_template(&Template::default()), vec![]);
    }

    #[test]
    fn one_line_flattens_and_strips() {
        assert_eq!(
            one_line(" 1 Main St\r\n\r\nFloor 3 \n", ", "),
            "1 Main St, Floor 3"
        );
        assert_eq!(one_line("a\u{202E}b\u{0}c\td", " "), "abc d");
        assert_eq!(one_line("\n\r", " "), "");
    }
}
