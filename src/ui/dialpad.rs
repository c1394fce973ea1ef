//! The dial pad: number field, keypad with letters, Call; and the keypad reused for DTMF.

use wasm_bindgen::JsValue;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::i18n::{t, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use super::ids::Ids;
use crate::core::Event;

/// The twelve keys with their letters.
const KEYS: [(&str, &str); 12] = [
    ("1", ""),
    ("2", "ABC"),
    ("3", "DEF"),
    ("4", "GHI"),
    ("5", "JKL"),
    ("6", "MNO"),
    ("7", "PQRS"),
    ("8", "TUV"),
    ("9", "WXYZ"),
    ("*", ""),
    ("0", "+"),
    ("#", ""),
];

/// Props of [`Keypad`].
#[derive(Properties, Clone, PartialEq)]
pub struct KeypadProps {
    /// A key was pressed (`"0"`–`"9"`, `"*"`, `"#"`).
    pub onkey: Callback<String>,
    /// Prefix of the `data-test` ids (`key` → `key-5`).
    #[prop_or(AttrValue::Static("key"))]
    pub test_prefix: AttrValue,
    /// Accessible name of the group.
    pub label: AttrValue,
}

/// Twelve keys in a 3×4 grid.
#[component]
pub fn Keypad(props: &KeypadProps) -> Html {
    html! {
        <div class="ad-keys" role="group" aria-label={props.label.clone()}>
            { for KEYS.iter().map(|(k, letters)| {
                let onclick = {
                    let onkey = props.onkey.clone();
                    move |_: MouseEvent| onkey.emit(k.to_string())
                };
                html! {
                    <button type="button" class="ad-key" data-test={format!("{}-{k}", props.test_prefix)}
                        {onclick}>
                        <span class="ad-key-digit">{ *k }</span>{ " " }
                        <span class="ad-key-letters">{ *letters }</span>
                    </button>
                }
            }) }
        </div>
    }
}

/// True for the characters the keyboard may add to the number from anywhere in the pad.
pub fn is_dial_key(key: &str) -> bool {
    key.len() == 1
        && key
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '*' | '#' | '+'))
}

/// Props of [`Dialpad`].
#[derive(Properties, Clone, PartialEq)]
pub struct DialpadProps {
    /// This widget's element ids (from the root component).
    #[prop_or_default]
    pub ids: Ids,
    /// What the agent typed (kept by the parent so nothing is lost when a dial is refused).
    pub value: AttrValue,
    /// The typed text changed.
    pub onchange: Callback<String>,
    /// The agent's actions: pressing Call is [`Event::Dial`] with what is in the field.
    pub onevent: Callback<Event>,
    /// Why the number cannot be dialed, shown next to the field.
    pub error: Option<String>,
    /// The language.
    pub lang: Lang,
}

/// Number field, keypad with letters, Call. Digits, `*#+`, Backspace and Enter work from the
/// keyboard anywhere in the pad, not only in the field.
#[component]
pub fn Dialpad(props: &DialpadProps) -> Html {
    let ids = props.ids.clone();
    let lang = use_lang(props.lang);
    let input = use_node_ref();

    // Callbacks
    let oninput = {
        let onchange = props.onchange.clone();
        move |e: InputEvent| onchange.emit(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    // The dial: the click (or Enter) becomes the core's event, handled before this returns.
    let onsubmit = {
        let (onevent, value) = (props.onevent.clone(), props.value.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            onevent.emit(Event::Dial {
                dialed: value.to_string(),
            });
        }
    };
    let onkey = {
        let (onchange, value) = (props.onchange.clone(), props.value.clone());
        Callback::from(move |k: String| onchange.emit(format!("{value}{k}")))
    };
    let backspace = {
        let (onchange, value) = (props.onchange.clone(), props.value.clone());
        move || {
            let mut v = value.to_string();
            v.pop();
            onchange.emit(v);
        }
    };
    let onbackspace = {
        let backspace = backspace.clone();
        move |_: MouseEvent| backspace()
    };
    let onkeydown = {
        let (onkey, input) = (onkey.clone(), input.clone());
        move |e: KeyboardEvent| {
            // The field handles its own typing; elsewhere in the pad the keys still dial.
            let in_field = e
                .target()
                .zip(input.get())
                .is_some_and(|(t, i)| JsValue::from(t) == JsValue::from(i));
            if in_field || e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            if is_dial_key(&key) {
                e.prevent_default();
                onkey.emit(key);
            } else if key == "Backspace" {
                e.prevent_default();
                backspace();
            }
        }
    };

    let invalid = props.error.is_some();
    html! {
        <form class="ad-dialpad" onsubmit={onsubmit} onkeydown={onkeydown} data-test="dialpad">
            <label class="ad-label" for={ids.of("number")}>{ t(lang, Key::Number) }</label>
            <div class="ad-number-row">
                <input id={ids.of("number")} ref={input} class="ad-number" data-test="number" type="tel"
                    inputmode="tel" autocomplete="off" spellcheck="false"
                    value={props.value.clone()} oninput={oninput}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={invalid.then(|| ids.of("number-error"))} />
                <button type="button" class="ad-icon-button" data-test="backspace"
                    aria-label={t(lang, Key::DeleteDigit)} title={t(lang, Key::DeleteDigit)}
                    onclick={onbackspace}>
                    { icon(Icon::Backspace) }
                </button>
            </div>
            if let Some(error) = &props.error {
                <p id={ids.of("number-error")} class="ad-field-error" role="alert" data-test="notice">{ error.clone() }</p>
            }
            <Keypad onkey={onkey} label={t(lang, Key::Keypad)} />
            <button type="submit" class="ad-button ad-call-button" data-test="call-button">
                { icon(Icon::Phone) }{ t(lang, Key::Call) }
            </button>
        </form>
    }
}
