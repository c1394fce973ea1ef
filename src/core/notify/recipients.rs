//! The per-agent recipients string (E7): `"a@example.com; Jane Doe <b@example.com>"` to the
//! addresses that get the email and a precise problem for each entry that does not (rules in
//! the [module documentation](super)). Deterministic; no clock, no IO; total.

use std::fmt;

use super::text::{Short, ShowChar};

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
    let mut seen: Vec<String> = Vec::new();
    for (i, entry) in split_entries(input).into_iter().enumerate() {
        match parse_entry(entry) {
            Ok(address) => {
                let key = address.to_ascii_lowercase();
                if !seen.contains(&key) {
                    seen.push(key);
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
            '"' if quote_may_close => match closing_quote(input.get(i + 1..).unwrap_or("")) {
                Some(len) => skip_until = i + 1 + len + 1,
                None => quote_may_close = false,
            },
            ';' | ',' | '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}' => {
                entries.push(input.get(start..i).unwrap_or(""));
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    entries.push(input.get(start..).unwrap_or(""));
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
            let after = entry.get(lt + 1..).unwrap_or("");
            let gt = after
                .find('>')
                .ok_or(RecipientError::UnclosedAngleBracket)?;
            if !after.get(gt + 1..).unwrap_or("").trim().is_empty() {
                return Err(RecipientError::TextAfterAddress);
            }
            let inner = after.get(..gt).unwrap_or("").trim();
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
        Some((_, domain)) if domain.bytes().any(|b| b == b'@') => {
            return Err(RecipientError::MultipleAt)
        }
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
    if local.starts_with('.')
        || local.ends_with('.')
        || local.as_bytes().windows(2).any(|w| w == b"..")
    {
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

/// RFC 5322 atext or a dot, plus non-ASCII letters and digits (RFC 6531, see
/// [`is_intl_word_char`]).
fn is_local_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
                | '.'
        )
        || is_intl_word_char(c)
}

/// A non-ASCII character that may stand in an internationalised address (RFC 6531 for the
/// local part, IDNA for a domain label): anything outside the ranges of punctuation, symbols,
/// spaces, controls, format characters, private use and emoji. This is what catches the
/// typographic apostrophes, quotes, dashes, ellipses, full-width and ideographic punctuation
/// and pictographs that copying an address out of a document brings in, while letters,
/// digits and combining marks of every script pass. Ranges rather than std's Unicode
/// `is_alphanumeric`, whose tables cost the initial download about 1.7 KB brotli
/// (BENCHMARKS.md, issue 16).
pub(crate) fn is_intl_word_char(c: char) -> bool {
    !c.is_ascii()
        && !matches!(
            c,
            '\u{80}'..='\u{BF}' // C1 controls, Latin-1 punctuation and symbols (¡ « ° ´ » ¿ …)
                | '\u{D7}' | '\u{F7}' // × ÷
                | '\u{2000}'..='\u{2BFF}' // general punctuation through arrows, math, shapes, dingbats
                | '\u{2E00}'..='\u{2E7F}' // supplemental punctuation
                | '\u{3000}'..='\u{3004}' // ideographic space and punctuation (、 。 〃)
                | '\u{3008}'..='\u{3020}' // CJK brackets, postal mark, wave dash
                | '\u{3030}' | '\u{303D}' | '\u{30FB}' // wavy dash, part alternation mark, katakana middle dot
                | '\u{E000}'..='\u{F8FF}' // private use
                | '\u{FD3E}' | '\u{FD3F}' // ornate parentheses
                | '\u{FE00}'..='\u{FE0F}' // variation selectors
                | '\u{FE10}'..='\u{FE6F}' // vertical forms, compatibility and small forms
                | '\u{FEFF}' // byte-order mark
                | '\u{FF00}'..='\u{FF0F}' // full-width ! " # … /
                | '\u{FF1A}'..='\u{FF20}' // full-width : ; < = > ? @
                | '\u{FF3B}'..='\u{FF40}' // full-width [ \ ] ^ _ `
                | '\u{FF5B}'..='\u{FF65}' // full-width { | } ~, half-width punctuation
                | '\u{FFE0}'..='\u{FFFF}' // full-width signs, specials
                | '\u{1F000}'..='\u{1FBFF}' // game symbols, emoji, pictographs
                | '\u{E0000}'..='\u{10FFFF}' // tags, private use planes
        )
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
        if let Some(ch) = label
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || c == '-' || is_intl_word_char(c)))
        {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_part_allows_exactly_atext_and_the_dot_in_ascii() {
        for b in 0..=127u8 {
            let c = char::from(b);
            let atext = c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c);
            assert_eq!(is_local_char(c), atext, "{c:?}");
        }
    }

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
    fn international_letters_pass_and_copied_punctuation_does_not() {
        // Every letter and digit std's Unicode tables know passes, except compatibility forms
        // (ª ² µ ¼, super- and subscripts, letterlike symbols such as ℂ, Roman numerals,
        // circled and enclosed letters and digits), which IDNA2008 disallows anyway.
        let compatibility = |u: u32| {
            matches!(u, 0xAA | 0xB2 | 0xB3 | 0xB5 | 0xB9 | 0xBA | 0xBC..=0xBE)
                || (0x2070..=0x24FF).contains(&u)
                || (0x2776..=0x2793).contains(&u)
                || u == 0x2E2F
                || (0x1F100..=0x1F1FF).contains(&u)
                || (0x1FBF0..=0x1FBF9).contains(&u)
        };
        for u in 0x80..=0x10FFFF {
            if let Some(c) = char::from_u32(u) {
                if c.is_alphanumeric() && !compatibility(u) {
                    assert!(is_intl_word_char(c), "{c:?} is a letter or digit");
                }
            }
        }
        for address in [
            "josé@example.com",
            "δοκιμή@παράδειγμα.δοκιμή",
            "用户@例子.广告",
            "अजय@डाटा.भारत",
            "квіточка@пошта.укр",
            "jose\u{301}@example.com",
            "θσερ@εχαμπλε.ψομ",
        ] {
            let r = parse_recipients(address);
            assert_eq!(r.valid, vec![address.to_string()], "{address}");
        }
        for ch in [
            '’', '‘', '“', '”', '«', '»', '–', '—', '…', '•', '·', '¿', '×', '\u{3002}',
            '\u{FF20}', '\u{FF0E}', '\u{30FB}', '\u{200B}', '\u{202E}', '\u{FEFF}', '\u{A0}', '🚨',
            '\u{E000}', '\u{FE0F}',
        ] {
            assert!(!is_intl_word_char(ch), "{ch:?}");
            let local = format!("jane{ch}@example.com");
            assert!(parse_recipients(&local).valid.is_empty(), "{local}");
            let domain = format!("jane@exa{ch}mple.com");
            assert!(parse_recipients(&domain).valid.is_empty(), "{domain}");
        }
    }
}
