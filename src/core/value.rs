//! A JSON-like value: what the shell read from a host object, defensively, before anything
//! is decided on it (configurations, `setConfig` patches). Reading it cannot run host code,
//! so everything here is total. Deterministic; no clock, no IO.

/// A value the shell read from JavaScript.
#[derive(Clone, Debug, PartialEq)]
pub enum Val {
    /// `undefined`, or a member that is not there.
    Absent,
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// A number.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    List(Vec<Val>),
    /// An object, with the members that were asked for (in the order asked), named by the
    /// shape's own keys.
    Obj(Vec<(&'static str, Val)>),
    /// Something else where one of the above was expected; the JavaScript type's name.
    Other(&'static str),
}

impl Val {
    /// The member `key` of an object (`Absent` for anything else).
    pub fn get(&self, key: &str) -> &Val {
        match self {
            Val::Obj(members) => members
                .iter()
                .find(|(k, _)| *k == key)
                .map_or(&Val::Absent, |(_, v)| v),
            _ => &Val::Absent,
        }
    }

    /// True for `undefined` and `null`.
    pub fn is_nothing(&self) -> bool {
        matches!(self, Val::Absent | Val::Null)
    }

    /// What JavaScript type this was, for messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Val::Absent => "undefined",
            Val::Null => "null",
            Val::Bool(_) => "a boolean",
            Val::Num(_) => "a number",
            Val::Str(_) => "a string",
            Val::List(_) => "an array",
            Val::Obj(_) => "an object",
            Val::Other(t) => t,
        }
    }

    /// `patch` merged into `self` the way `setConfig` merges: members of objects merge
    /// member by member, anything else (arrays, `null`, values) replaces; an absent member
    /// keeps what was there. `replace_whole` names members (by path, `emergency.x`) that are
    /// replaced whole rather than merged.
    pub fn merge(&mut self, patch: &Val, replace_whole: &[&str]) {
        self.merge_at(patch, "", replace_whole);
    }

    /// Removes the member at `path` (`emergency.civicAddress`), when it is there: what a
    /// `setConfig` patch sets to `undefined` on purpose (the custom element's `el.config = …`
    /// replaces the configuration so).
    pub fn remove(&mut self, path: &str) {
        let Val::Obj(members) = self else {
            return;
        };
        match path.split_once('.') {
            None => members.retain(|(k, _)| *k != path),
            Some((head, rest)) => {
                if let Some((_, v)) = members.iter_mut().find(|(k, _)| *k == head) {
                    v.remove(rest);
                }
            }
        }
    }

    fn merge_at(&mut self, patch: &Val, path: &str, whole: &[&str]) {
        match (&mut *self, patch) {
            (_, Val::Absent) => {}
            (Val::Obj(mine), Val::Obj(theirs)) if !whole.contains(&path) => {
                for (key, value) in theirs {
                    let sub = dotted(path, key);
                    match mine.iter_mut().find(|(k, _)| k == key) {
                        Some((_, v)) => v.merge_at(value, &sub, whole),
                        None if !matches!(value, Val::Absent) => mine.push((*key, value.clone())),
                        None => {}
                    }
                }
            }
            (me, other) => *me = other.clone(),
        }
    }
}

/// `path.key`, or `key` at the root (`path` empty): a member's path, without `format!`.
pub fn dotted(path: &str, key: &str) -> String {
    let mut out = String::from(path);
    if !out.is_empty() {
        out.push('.');
    }
    out.push_str(key);
    out
}

/// A string for a message: at most 40 characters of `s`, quoted, with Rust's escapes for
/// quotes, backslashes, line breaks and tabs, and `\u{…}` for the other control characters and
/// the invisible ones that could disguise a value (bidirectional controls, zero-width and
/// format characters). Other characters, accented and combining ones included, are shown as
/// themselves (std's `escape_debug` would pull its Unicode tables into the wasm for them).
pub fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars().take(40) {
        match c {
            '\0' => out.push_str("\\0"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\n' => out.push_str("\\n"),
            '"' | '\'' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || is_invisible(c) => out.extend(c.escape_unicode()),
            c => out.push(c),
        }
    }
    if s.chars().count() > 40 {
        out.push('…');
    }
    out.push('"');
    out
}

/// Format characters that show nothing, or change how the text around them is shown: soft
/// hyphen, Arabic letter mark, Mongolian vowel separator, zero-width and bidirectional controls,
/// line and paragraph separators, invisible operators, the byte-order mark and interlinear
/// annotation controls.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(members: &[(&'static str, Val)]) -> Val {
        Val::Obj(members.to_vec())
    }

    #[test]
    fn a_patch_merges_objects_replaces_values_and_keeps_what_it_leaves_out() {
        let mut base = obj(&[
            ("a", obj(&[("x", Val::Num(1.0)), ("y", Val::Num(2.0))])),
            ("b", Val::Str("keep".into())),
            ("w", obj(&[("lat", Val::Num(1.0))])),
        ]);
        base.merge(
            &obj(&[
                ("a", obj(&[("y", Val::Null), ("z", Val::Bool(true))])),
                ("c", Val::List(vec![])),
                ("w", obj(&[("region", Val::Str("GB".into()))])),
                ("d", Val::Absent),
            ]),
            &["w"],
        );
        assert_eq!(base.get("a").get("x"), &Val::Num(1.0));
        assert_eq!(base.get("a").get("y"), &Val::Null);
        assert_eq!(base.get("a").get("z"), &Val::Bool(true));
        assert_eq!(base.get("b"), &Val::Str("keep".into()));
        assert_eq!(base.get("c"), &Val::List(vec![]));
        assert_eq!(base.get("w").get("lat"), &Val::Absent, "replaced whole");
        assert_eq!(base.get("d"), &Val::Absent);
    }

    #[test]
    fn a_removed_member_is_gone_and_its_siblings_stay() {
        let mut base = obj(&[(
            "emergency",
            obj(&[
                ("civicAddress", Val::Str("HQ".into())),
                ("recipients", Val::Str("a@b.example".into())),
            ]),
        )]);
        base.remove("emergency.civicAddress");
        base.remove("emergency.nothing.deeper");
        base.remove("locale");
        assert_eq!(base.get("emergency").get("civicAddress"), &Val::Absent);
        assert_eq!(
            base.get("emergency").get("recipients"),
            &Val::Str("a@b.example".into())
        );
        base.remove("emergency");
        assert_eq!(base.get("emergency"), &Val::Absent);
    }

    #[test]
    fn messages_quote_at_most_forty_characters() {
        assert_eq!(quoted("ab\"c"), "\"ab\\\"c\"");
        assert_eq!(quoted(&"x".repeat(100)).chars().count(), 43);
    }

    #[test]
    fn messages_show_invisible_characters_as_escapes_and_letters_as_themselves() {
        // The same escapes as Rust's `escape_debug` for ASCII…
        for b in 0..=127u8 {
            let c = char::from(b);
            assert_eq!(
                quoted(c.encode_utf8(&mut [0; 4])),
                format!("\"{}\"", c.escape_debug()),
                "{c:?}"
            );
        }
        // …controls, bidirectional overrides and zero-width characters as `\u{…}`…
        assert_eq!(
            quoted("a\u{202E}b\u{200B}c\u{85}d\u{FEFF}"),
            "\"a\\u{202e}b\\u{200b}c\\u{85}d\\u{feff}\""
        );
        // …and every script's letters, accents and combining marks as written.
        assert_eq!(quoted("Zoë Ångström"), "\"Zoë Ångström\"");
        assert_eq!(quoted("e\u{301} 東京 🚨"), "\"e\u{301} 東京 🚨\"");
    }
}
