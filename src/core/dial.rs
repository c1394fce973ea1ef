//! Dial-string normalisation: what the agent typed or pasted becomes the string handed to the
//! host's `calling.dial` (`DialRequest.number`).
//!
//! Deterministic; no clock, no IO; total: every input gives `Ok` or a typed [`DialError`],
//! never a panic.
//!
//! What [`normalize`] accepts (positions in errors count characters of the input from 1):
//! - **Digits**: every Unicode decimal digit (category Nd: ASCII, full-width, Arabic-Indic,
//!   Devanagari, ...), written as ASCII.
//! - **`+`** (also full-width `＋`): once, before anything else that is dialed.
//! - **`*` and `#`** (also full-width): kept, anywhere (feature codes such as `*67`, DTMF).
//! - **Formatting**, dropped: Unicode white space; dashes `-` U+2010..U+2015 U+2212 U+30FC
//!   U+FF0D; dots `.` U+FF0E; brackets `()[]` and their full-width forms; slashes `/` U+FF0F;
//!   tildes `~` U+2053 U+223C U+FF5E; invisible marks (U+00AD, U+200B..U+200F, U+202A..U+202E,
//!   U+2060, U+2066..U+2069, U+FEFF) that copy-paste brings along.
//! - **Keypad letters** (ASCII and full-width, any case) as on an E.161 keypad, ABC=2 ..
//!   WXYZ=9, for vanity numbers such as `1-800-FLOWERS` — but only after the first digit, so a
//!   pasted name (`John`) is an error rather than a number.
//! - **Pauses**: `,` (and a lone `p`/`P`) is a pause, written `,`; `;` (and a lone `w`/`W`) is a
//!   wait, written `;`. Both only after at least one digit, `*` or `#` (a pause before anything
//!   dialed means nothing). "Lone" means not next to another letter: in `555 1234p12` the `p`
//!   pauses, in `1-800-PAPA` it is a keypad 7.
//! - A leading `tel:` (any case) of a pasted URI is dropped.
//!
//! Extensions written `x12`, `ext 12` or `extn. 12` after a number are refused with
//! [`DialError::Extension`]: dialing the letters as digits would call a wrong number.

use std::fmt;

use super::emergency_data::{ND_ZEROS, OTHER_DIGITS};

/// The longest dial string accepted, in characters (E.164 is 15 digits; room for prefixes,
/// DTMF suffixes and formatting). Leading and trailing white space does not count.
pub const MAX_DIAL_CHARS: usize = 64;

/// Why a dial string cannot be dialed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DialError {
    /// Nothing was typed (or only white space).
    Empty,
    /// More than [`MAX_DIAL_CHARS`] characters.
    TooLong {
        /// The limit.
        max: usize,
    },
    /// There is no digit to dial.
    NoDigits,
    /// A character that has no meaning in a phone number.
    InvalidCharacter {
        /// The character.
        ch: char,
        /// Its position, counted in characters from 1.
        position: usize,
    },
    /// A `+` that is not the first thing dialed.
    MisplacedPlus {
        /// Its position, counted in characters from 1.
        position: usize,
    },
    /// A pause or wait before any digit, `*` or `#`.
    MisplacedPause {
        /// The character as typed (`,` `;` `p` `w` ...).
        ch: char,
        /// Its position, counted in characters from 1.
        position: usize,
    },
    /// An extension marker (`x`, `ext`, `extn`) followed by digits.
    Extension {
        /// Position of the marker's first letter, counted in characters from 1.
        position: usize,
    },
}

impl fmt::Display for DialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DialError::Empty => write!(f, "enter a number to dial"),
            DialError::TooLong { max } => write!(f, "a number has at most {max} characters"),
            DialError::NoDigits => write!(f, "the number has no digits"),
            DialError::InvalidCharacter { ch, position } => {
                write!(
                    f,
                    "'{ch}' at position {position} is not part of a phone number"
                )
            }
            DialError::MisplacedPlus { position } => {
                write!(f, "'+' at position {position} can only come first")
            }
            DialError::MisplacedPause { ch, position } => write!(
                f,
                "the pause '{ch}' at position {position} must come after the number"
            ),
            DialError::Extension { position } => write!(
                f,
                "the extension at position {position} cannot be dialed as letters: \
                 type a pause (',' or 'p') before the extension digits"
            ),
        }
    }
}

impl std::error::Error for DialError {}

/// Normalises what the agent typed into the string handed to `calling.dial`: ASCII digits,
/// a leading `+`, `*`, `#`, pauses `,` and waits `;`, keypad letters converted to digits,
/// formatting removed (the accepted alphabet is in the module documentation).
///
/// # Errors
/// A [`DialError`] naming the first problem (and its position) when the string is empty,
/// too long, has no digit or has a character that cannot be dialed where it stands.
pub fn normalize(dialed: &str) -> Result<String, DialError> {
    let trimmed = dialed.trim();
    if trimmed.is_empty() {
        return Err(DialError::Empty);
    }
    if trimmed.chars().nth(MAX_DIAL_CHARS).is_some() {
        return Err(DialError::TooLong {
            max: MAX_DIAL_CHARS,
        });
    }
    // Positions are reported against `dialed`, so count the leading white space too.
    let lead = dialed.chars().take_while(|c| c.is_whitespace()).count();
    let (skipped, rest) = strip_tel(trimmed);
    let chars: Vec<(usize, char)> = rest
        .chars()
        .enumerate()
        .map(|(i, c)| (lead + skipped + i + 1, c))
        .collect();

    let mut out = String::with_capacity(chars.len());
    let mut dialed_something = false; // a digit, `*` or `#` is already in `out`
    let mut i = 0;
    while let Some(&(position, ch)) = chars.get(i) {
        if let Some(d) = decimal_digit(ch) {
            out.push(char::from(b'0' + d));
            dialed_something = true;
        } else if ch == '+' || ch == '\u{FF0B}' {
            if !out.is_empty() {
                return Err(DialError::MisplacedPlus { position });
            }
            out.push('+');
        } else if let Some(sym) = star_or_hash(ch) {
            out.push(sym);
            dialed_something = true;
        } else if let Some(pause) = pause_char(ch) {
            if !dialed_something {
                return Err(DialError::MisplacedPause { ch, position });
            }
            out.push(pause);
        } else if keypad_digit(ch).is_some() {
            let run_end = chars
                .get(i..)
                .and_then(|rest| rest.iter().position(|&(_, c)| keypad_digit(c).is_none()))
                .map_or(chars.len(), |n| i + n);
            let run = chars.get(i..run_end).unwrap_or_default();
            if !dialed_something {
                return Err(DialError::InvalidCharacter { ch, position });
            }
            if is_extension_marker(run) && next_significant_is_digit(chars.get(run_end..)) {
                return Err(DialError::Extension { position });
            }
            match (run.len(), ascii_letter(ch)) {
                (1, Some(b'p')) => out.push(','),
                (1, Some(b'w')) => out.push(';'),
                _ => {
                    for &(_, c) in run {
                        if let Some(d) = keypad_digit(c) {
                            out.push(char::from(d));
                        }
                    }
                }
            }
            i = run_end;
            continue;
        } else if !is_formatting(ch) {
            return Err(DialError::InvalidCharacter { ch, position });
        }
        i += 1;
    }
    if !out.bytes().any(|b| b.is_ascii_digit()) {
        return Err(DialError::NoDigits);
    }
    Ok(out)
}

/// Value of a Unicode decimal digit (category Nd, any script), or `None`.
#[must_use]
pub fn decimal_digit(ch: char) -> Option<u8> {
    if ch.is_ascii_digit() {
        return Some(ch as u8 - b'0');
    }
    if ch.is_ascii() {
        return None;
    }
    let cp = u32::from(ch);
    // The greatest zero <= cp; Nd digits come in runs of ten (checked by the generator).
    let idx = ND_ZEROS.partition_point(|&z| z <= cp).checked_sub(1)?;
    let zero = *ND_ZEROS.get(idx)?;
    let value = cp - zero;
    (value < 10).then_some(value as u8)
}

/// Digit value as Python's `unicodedata.digit` gives it (what libphonenumber's
/// `normalize_digits_only` keeps): decimal digits plus superscripts, subscripts, circled
/// digits and the like.
pub(crate) fn digit_value(ch: char) -> Option<u8> {
    if let Some(d) = decimal_digit(ch) {
        return Some(d);
    }
    if ch.is_ascii() {
        return None;
    }
    let cp = u32::from(ch);
    let idx = OTHER_DIGITS
        .partition_point(|&(start, _, _)| start <= cp)
        .checked_sub(1)?;
    let &(start, first, count) = OTHER_DIGITS.get(idx)?;
    let offset = cp - start;
    (offset < u32::from(count)).then(|| first + offset as u8)
}

/// `(chars skipped, rest)`: skips a leading `tel:` of a pasted URI.
fn strip_tel(s: &str) -> (usize, &str) {
    match (s.get(..4), s.get(4..)) {
        (Some(head), Some(rest)) if head.eq_ignore_ascii_case("tel:") => (4, rest),
        _ => (0, s),
    }
}

fn star_or_hash(ch: char) -> Option<char> {
    match ch {
        '*' | '\u{FF0A}' => Some('*'),
        '#' | '\u{FF03}' => Some('#'),
        _ => None,
    }
}

fn pause_char(ch: char) -> Option<char> {
    match ch {
        ',' | '\u{FF0C}' => Some(','),
        ';' | '\u{FF1B}' => Some(';'),
        _ => None,
    }
}

/// The lower-case ASCII letter for an ASCII or full-width Latin letter.
fn ascii_letter(ch: char) -> Option<u8> {
    let ch = match ch {
        '\u{FF21}'..='\u{FF3A}' => char::from_u32(u32::from(ch) - 0xFF21 + u32::from('A'))?,
        '\u{FF41}'..='\u{FF5A}' => char::from_u32(u32::from(ch) - 0xFF41 + u32::from('a'))?,
        _ => ch,
    };
    ch.is_ascii_alphabetic()
        .then(|| ch.to_ascii_lowercase() as u8)
}

/// The E.161 keypad digit (ASCII) of a letter.
fn keypad_digit(ch: char) -> Option<u8> {
    Some(match ascii_letter(ch)? {
        b'a'..=b'c' => b'2',
        b'd'..=b'f' => b'3',
        b'g'..=b'i' => b'4',
        b'j'..=b'l' => b'5',
        b'm'..=b'o' => b'6',
        b'p'..=b's' => b'7',
        b't'..=b'v' => b'8',
        _ => b'9',
    })
}

fn is_extension_marker(run: &[(usize, char)]) -> bool {
    let is = |word: &[u8]| {
        word.len() == run.len()
            && run
                .iter()
                .zip(word)
                .all(|(&(_, c), &b)| ascii_letter(c) == Some(b))
    };
    is(b"x") || is(b"ext") || is(b"extn")
}

fn next_significant_is_digit(rest: Option<&[(usize, char)]>) -> bool {
    rest.unwrap_or_default()
        .iter()
        .map(|&(_, c)| c)
        .find(|&c| !is_formatting(c))
        .is_some_and(|c| decimal_digit(c).is_some())
}

/// Characters people use to lay a number out; they carry no meaning and are dropped.
fn is_formatting(ch: char) -> bool {
    ch.is_whitespace()
        || matches!(
            ch,
            '-' | '\u{2010}'..='\u{2015}'
                | '\u{2212}'
                | '\u{30FC}'
                | '\u{FF0D}'
                | '.'
                | '\u{FF0E}'
                | '(' | ')' | '[' | ']'
                | '\u{FF08}' | '\u{FF09}' | '\u{FF3B}' | '\u{FF3D}'
                | '/' | '\u{FF0F}'
                | '~' | '\u{2053}' | '\u{223C}' | '\u{FF5E}'
                | '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'
                | '\u{2066}'..='\u{2069}'
                | '\u{FEFF}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> String {
        normalize(s).unwrap_or_else(|e| panic!("{s:?} should normalise, got {e}"))
    }

    #[test]
    fn formatting_is_removed() {
        assert_eq!(ok("+1 (555) 123-4567"), "+15551234567");
        assert_eq!(ok("  555.123.4567 "), "5551234567");
        assert_eq!(ok("555\u{2013}123\u{2014}4567"), "5551234567");
        assert_eq!(ok("[0]20\u{3000}7946 0000"), "02079460000");
        assert_eq!(ok("030/1234\u{00A0}567"), "0301234567");
        assert_eq!(ok("\u{202A}+45 12 34 56 78\u{202C}"), "+4512345678");
        assert_eq!(ok("tel:+4512345678"), "+4512345678");
        assert_eq!(ok("TEL:555"), "555");
    }

    #[test]
    fn unicode_digits_become_ascii() {
        assert_eq!(ok("\u{FF0B}\u{FF14}\u{FF15} \u{FF11}\u{FF12}"), "+4512");
        assert_eq!(ok("\u{0665}\u{0665}\u{0665}"), "555"); // Arabic-Indic
        assert_eq!(ok("\u{096B}\u{096B}\u{096B}"), "555"); // Devanagari
        assert_eq!(ok("\u{1D7D3}\u{1D7D3}"), "55"); // mathematical bold, astral
        assert_eq!(decimal_digit('\u{16AC9}'), Some(9)); // Tangsa (Unicode 14)
        assert_eq!(decimal_digit('\u{00B2}'), None); // superscript two is not Nd
        assert_eq!(digit_value('\u{00B2}'), Some(2));
        assert_eq!(digit_value('\u{2468}'), Some(9)); // circled nine
        assert_eq!(digit_value('a'), None);
    }

    #[test]
    fn keypad_letters_map_to_digits() {
        assert_eq!(ok("1-800-FLOWERS"), "18003569377");
        assert_eq!(ok("1-800-flowers"), "18003569377");
        assert_eq!(
            ok("1-800-\u{FF26}\u{FF2C}\u{FF2F}\u{FF37}\u{FF25}\u{FF32}\u{FF33}"),
            "18003569377"
        );
        assert_eq!(ok("1-800-PAPA"), "18007272");
        assert_eq!(
            ok("2 ABC DEF GHI JKL MNO PQRS TUV WXYZ"),
            "222233344455566677778889999"
        );
    }

    #[test]
    fn pauses_and_waits() {
        assert_eq!(ok("5551234,,12"), "5551234,,12");
        assert_eq!(ok("5551234p12"), "5551234,12");
        assert_eq!(ok("5551234 W 12#"), "5551234;12#");
        assert_eq!(ok("5551234;12"), "5551234;12");
        assert_eq!(ok("*67,5551234"), "*67,5551234");
        assert_eq!(
            normalize(",555"),
            Err(DialError::MisplacedPause {
                ch: ',',
                position: 1
            })
        );
        assert_eq!(
            normalize("+;555"),
            Err(DialError::MisplacedPause {
                ch: ';',
                position: 2
            })
        );
    }

    #[test]
    fn star_hash_and_plus() {
        assert_eq!(ok("*#06#"), "*#06#");
        assert_eq!(ok("\u{FF0A}67 555"), "*67555");
        assert_eq!(
            normalize("555+1"),
            Err(DialError::MisplacedPlus { position: 4 })
        );
        assert_eq!(
            normalize("++1"),
            Err(DialError::MisplacedPlus { position: 2 })
        );
    }

    #[test]
    fn errors_name_the_character_and_position() {
        assert_eq!(normalize(""), Err(DialError::Empty));
        assert_eq!(normalize(" \t\u{3000}"), Err(DialError::Empty));
        assert_eq!(normalize("--"), Err(DialError::NoDigits));
        assert_eq!(normalize("+"), Err(DialError::NoDigits));
        assert_eq!(normalize("#"), Err(DialError::NoDigits));
        assert_eq!(
            normalize("  555!1"),
            Err(DialError::InvalidCharacter {
                ch: '!',
                position: 6
            })
        );
        assert_eq!(
            normalize("John 555"),
            Err(DialError::InvalidCharacter {
                ch: 'J',
                position: 1
            })
        );
        assert_eq!(
            normalize("555 1234 x12"),
            Err(DialError::Extension { position: 10 })
        );
        assert_eq!(
            normalize("5551234 ext. 12"),
            Err(DialError::Extension { position: 9 })
        );
        let msg = normalize("5 5\u{1F600}").err().map(|e| e.to_string());
        assert_eq!(
            msg.as_deref(),
            Some("'\u{1F600}' at position 4 is not part of a phone number")
        );
    }

    #[test]
    fn length_limit_counts_characters_not_bytes() {
        let at_limit = "\u{FF11}".repeat(MAX_DIAL_CHARS);
        assert_eq!(ok(&at_limit).len(), MAX_DIAL_CHARS);
        let over = "1".repeat(MAX_DIAL_CHARS + 1);
        assert_eq!(
            normalize(&over),
            Err(DialError::TooLong {
                max: MAX_DIAL_CHARS
            })
        );
        assert_eq!(
            ok(&format!("  {}  ", "1".repeat(MAX_DIAL_CHARS))).len(),
            MAX_DIAL_CHARS
        );
    }
}
