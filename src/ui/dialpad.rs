//! The dial pad: number field, keypad with letters, Call; and the keypad reused for DTMF.
//! What the agent typed lives in the field itself: no update of the view ever sets it.

use gloo_events::EventListener;
use web_sys::{Document, Element, Node};

use super::app::{Cx, Msg};
use super::dom::{
    add, add_icon, add_keys, add_text, bool_str, button, pressed_key, set_attr, set_text, Part,
    Sender, Slot,
};
use super::i18n::{t, Key};
use super::icons::Icon;
use super::ids::Ids;

/// The character a key adds to the number from anywhere in the pad (a digit, `*`, `#`, `+`),
/// if it is one.
pub fn dial_char(key: &str) -> Option<char> {
    match key.as_bytes() {
        [c @ (b'0'..=b'9' | b'*' | b'#' | b'+')] => Some(char::from(*c)),
        _ => None,
    }
}

/// Twelve keys in a 3×4 grid; a press sends `msg(key)`.
pub struct Keypad {
    el: Element,
    _listener: EventListener,
}

impl Keypad {
    /// The keypad, appended to `parent`; `prefix` names the keys' `data-test` (`key-5`). The
    /// keys (digits and letters) are made by one call into locale.js instead of about 140, and
    /// one listener on the group hears them all instead of twelve (issue 16).
    pub fn add(
        doc: &Document,
        parent: &Node,
        tx: &Sender<Msg>,
        prefix: &str,
        msg: fn(char) -> Msg,
    ) -> Keypad {
        let el = add(doc, parent, "div", "ad-keys", &[("role", "group")]);
        add_keys(&el, prefix);
        let listener = tx.on(&el, "click", move |e| {
            Some(msg(dial_char(&pressed_key(e)?)?))
        });
        Keypad {
            el,
            _listener: listener,
        }
    }

    /// Names the group.
    pub fn update(&self, label: &str) {
        set_attr(&self.el, "aria-label", Some(label));
    }
}

/// A keydown on the pad or the DTMF keypad: the dial key pressed (no modifier), if any.
pub fn dial_key(e: &web_sys::Event) -> Option<String> {
    super::dom::plain_key(e)
}

/// Number field, keypad with letters, Call. Digits, `*#+`, Backspace and Enter work from the
/// keyboard anywhere in the pad, not only in the field.
pub struct Dialpad {
    el: Element,
    input: Element,
    label: Node,
    backspace: Element,
    error: Slot<Element>,
    keypad: Keypad,
    call: Node,
    _listeners: Vec<EventListener>,
}

impl Dialpad {
    /// The pad (not yet in the document).
    pub fn new(doc: &Document, ids: &Ids, tx: &Sender<Msg>) -> Dialpad {
        let el = super::dom::el(doc, "form", "ad-dialpad");
        super::dom::set_attrs(&el, &[("data-test", "dialpad")]);
        let label = add(doc, &el, "label", "ad-label", &[]);
        ids.set(&label, "for", "number");
        let row = add(doc, &el, "div", "ad-number-row", &[]);
        let input = add(
            doc,
            &row,
            "input",
            "ad-number",
            &[
                ("data-test", "number"),
                ("type", "tel"),
                ("inputmode", "tel"),
                ("autocomplete", "off"),
                ("spellcheck", "false"),
                ("aria-invalid", "false"),
            ],
        );
        ids.set(&input, "id", "number");
        let backspace = button(doc, &row, "ad-icon-button", "backspace");
        add_icon(doc, &backspace, Icon::Backspace);
        let error = Slot::add(&el);
        let keypad = Keypad::add(doc, &el, tx, "key", Msg::Key);
        let call = add(
            doc,
            &el,
            "button",
            "ad-button ad-call-button",
            &[("type", "submit"), ("data-test", "call-button")],
        );
        add_icon(doc, &call, Icon::Phone);
        let call = add_text(&call, "");
        // The dial: the click (or Enter) becomes the core's event, handled before this returns.
        let submit = tx.on(&el, "submit", |e| {
            super::dom::prevent_default(e);
            Some(Msg::Dial)
        });
        let field: wasm_bindgen::JsValue = input.clone().into();
        let keys = tx.on(&el, "keydown", move |e| {
            // The field handles its own typing; elsewhere in the pad the keys still dial.
            if super::dom::target(e) == field {
                return None;
            }
            let key = dial_key(e)?;
            let msg = if let Some(c) = dial_char(&key) {
                Msg::Key(c)
            } else if key == "Backspace" {
                Msg::Backspace
            } else {
                return None;
            };
            super::dom::prevent_default(e);
            Some(msg)
        });
        let back = tx.click(&backspace, || Msg::Backspace);
        Dialpad {
            el,
            input,
            label: label.into(),
            backspace,
            error,
            keypad,
            call,
            _listeners: vec![submit, keys, back],
        }
    }

    /// Texts in `lang`, and why the number cannot be dialed (next to the field).
    pub fn update(&mut self, cx: &Cx, error: Option<&str>) {
        let (doc, ids, lang) = (cx.doc, cx.ids, cx.lang);
        set_text(&self.label, t(lang, Key::Number));
        let delete = t(lang, Key::DeleteDigit);
        set_attr(&self.backspace, "aria-label", Some(delete));
        set_attr(&self.backspace, "title", Some(delete));
        self.keypad.update(t(lang, Key::Keypad));
        set_text(&self.call, t(lang, Key::Call));
        set_attr(&self.input, "aria-invalid", Some(bool_str(error.is_some())));
        match error {
            Some(_) => ids.set(&self.input, "aria-describedby", "number-error"),
            None => set_attr(&self.input, "aria-describedby", None),
        }
        self.error.set(
            error.is_some(),
            || {
                let p = super::dom::el(doc, "p", "ad-field-error");
                super::dom::set_attrs(&p, &[("role", "alert"), ("data-test", "notice")]);
                ids.set(&p, "id", "number-error");
                p
            },
            |p| set_text(p, error.unwrap_or_default()),
        );
    }

    /// What is in the field.
    pub fn value(&self) -> String {
        super::dom::value(&self.input)
    }

    /// Puts `value` in the field (a key pressed, a digit deleted).
    pub fn set_value(&self, value: &str) {
        super::dom::set_value(&self.input, value);
    }
}

impl Part for Dialpad {
    fn root(&self) -> &Element {
        &self.el
    }
}
