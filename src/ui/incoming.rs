//! The incoming call: the caller, Answer and Decline.

use web_sys::Document;

use super::app::{Cx, Msg};
use super::dom::{add, add_icon, add_text, add_text_el, button, make, set_text, Keyed};
use super::i18n::{t, Key, Lang};
use super::icons::Icon;
use super::ids::Ids;
use crate::core::Event;

/// The incoming-call card, rebuilt when the caller or the language changes.
pub type Incoming = Keyed<(String, Lang, u32)>;

/// The card (not yet in the document).
pub fn new(doc: &Document, ids: &Ids) -> Incoming {
    let el = make(doc, "section", "ad-incoming", &[("data-test", "incoming")]);
    ids.set(&el, "aria-labelledby", "incoming-title");
    Keyed::new(el)
}

/// Shows the caller `from`.
pub fn update(card: &mut Incoming, cx: &Cx, from: &str) {
    let (doc, ids, tx, lang, strings) = (cx.doc, cx.ids, cx.tx, cx.lang, cx.strings);
    card.set((from.to_string(), lang, strings), |el, (from, lang, _)| {
        let alert = add(doc, el, "div", "", &[("role", "alert")]);
        let title = add(doc, &alert, "p", "ad-incoming-title", &[]);
        ids.set(&title, "id", "incoming-title");
        set_text(&title, t(*lang, Key::IncomingCall));
        add_text_el(
            doc,
            &alert,
            "p",
            "ad-incoming-from",
            &[("data-test", "incoming-from")],
            from,
        );
        let actions = add(doc, el, "div", "ad-incoming-actions", &[]);
        let mut listeners = Vec::new();
        for (class, test, icon, key, msg) in [
            (
                "ad-button ad-answer",
                "answer",
                Icon::Phone,
                Key::Answer,
                (|| Msg::Emit(Event::Answer)) as fn() -> Msg,
            ),
            (
                "ad-button ad-decline",
                "decline",
                Icon::PhoneEnd,
                Key::Decline,
                || Msg::Emit(Event::Decline),
            ),
        ] {
            let b = button(doc, &actions, class, test);
            add_icon(doc, &b, icon);
            add_text(&b, t(*lang, key));
            listeners.push(tx.click(&b, msg));
        }
        listeners
    });
}
