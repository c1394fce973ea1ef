//! Dial-string normalisation. Deterministic; no clock, no IO; total (never panics).
//!
//! PLACEHOLDER implementation: the emergency-engine work (issue 3) replaces the internals;
//! the public signatures are the contract the rest of the core uses.

use std::fmt;

/// The longest dial string accepted, in characters (E.164 is 15 digits; room for prefixes,
/// DTMF suffixes and formatting).
pub const MAX_DIAL_CHARS: usize = 64;

/// Why a dial string cannot be dialed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DialError {
    /// Nothing was typed.
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
        }
    }
}

impl std::error::Error for DialError {}

/// Normalises what the agent typed into the string handed to `calling.dial`: ASCII digits,
/// a leading `+`, `*`, `#`, keypad letters converted to digits, formatting removed.
pub fn normalize(dialed: &str) -> Result<String, DialError> {
    let trimmed = dialed.trim();
    if trimmed.is_empty() {
        return Err(DialError::Empty);
    }
    if trimmed.chars().count() > MAX_DIAL_CHARS {
        return Err(DialError::TooLong {
            max: MAX_DIAL_CHARS,
        });
    }
    let mut out = String::new();
    for (i, ch) in trimmed.chars().enumerate() {
        match ch {
            '0'..='9' | '*' | '#' => out.push(ch),
            '+' if out.is_empty() => out.push('+'),
            ' ' | '-' | '.' | '(' | ')' | '/' => {}
            _ => {
                return Err(DialError::InvalidCharacter {
                    ch,
                    position: i + 1,
                })
            }
        }
    }
    if !out.chars().any(|c| c.is_ascii_digit()) {
        return Err(DialError::NoDigits);
    }
    Ok(out)
}
