//! Emergency-contact notification (SPEC E7, B8), in three parts: [`recipients`] parses the
//! per-agent recipients string, [`template`] parses and checks the administrator's email
//! template, [`render`] turns a template and the facts of a call into the email. [`text`] holds
//! the character rules they share. Deterministic; no clock, no IO; total: no input makes
//! anything here panic.
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
//! - Duplicates are removed ignoring ASCII case (`A@EXAMPLE.COM` = `a@example.com`), keeping the
//!   first spelling. Letters beyond ASCII are compared as written: an address that differs only
//!   in their case is kept (mailed twice at worst); Unicode case mapping would cost ~15 KB of
//!   wasm (issue 16).
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

pub mod recipients;
pub mod render;
pub mod template;
pub mod text;

pub use super::time::{format_local, format_utc, MAX_UTC_OFFSET_MINUTES};
pub use recipients::{
    parse_recipients, DomainProblem, RecipientError, RecipientProblem, Recipients, MAX_ADDRESS_LEN,
    MAX_DOMAIN_LABEL_LEN, MAX_LOCAL_PART_LEN,
};
pub use render::{
    render_email, render_email_or_default, sample_facts, EmailKind, EmailMessage, EmergencyFacts,
    CALLBACK_PENDING, NOT_PROVIDED, NOT_YET_ASSIGNED, UNKNOWN, UPDATE_SUBJECT_PREFIX,
};
pub use template::{
    validate_template, Placeholder, Template, TemplateError, TemplateField, TemplatePosition,
    FALLBACK_SUBJECT, PLACEHOLDERS,
};
pub use text::escape_html;
