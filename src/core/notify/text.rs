//! The character rules every part of the notification shares: what may appear in a value,
//! a subject or an error message, and how plain text becomes safe HTML.
//! Deterministic; no clock, no IO; total.

use std::fmt;

/// A character for a message: printable ones as themselves, others as `U+XXXX`.
pub(super) struct ShowChar(pub(super) char);

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
pub(super) struct Short<'a>(pub(super) &'a str);

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

/// Characters that can reorder how text is displayed (Trojan-Source style spoofing).
pub(super) fn is_bidi_control(c: char) -> bool {
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
pub(super) fn one_line(s: &str, sep: &str) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for raw in s.split(is_line_break) {
        line.clear();
        for c in raw.chars() {
            let c = if c == '\t' { ' ' } else { c };
            if !c.is_control() && !is_bidi_control(c) {
                line.push(c);
            }
        }
        let line = line.trim();
        if !line.is_empty() {
            if !out.is_empty() {
                out.push_str(sep);
            }
            out.push_str(line);
        }
    }
    out
}

/// `\r\n` and lone `\r` (and Unicode line separators) become `\n`.
pub(super) fn normalise_newlines(s: &str) -> String {
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
    push_escaped(&mut out, s);
    out
}

/// Appends `s` HTML-escaped.
fn push_escaped(out: &mut String, s: &str) {
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
}

/// The HTML part: each line escaped, leading spaces kept, lines joined with `<br>`.
pub(super) fn to_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<br>\n");
        }
        let body = line.trim_start_matches(' ');
        for _ in body.len()..line.len() {
            out.push_str("&nbsp;");
        }
        push_escaped(&mut out, body);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
