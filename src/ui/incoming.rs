//! The incoming call: the caller, Answer and Decline.

use gloo_events::EventListener;
use web_sys::{Document, Element, Node};

use super::app::{Cx, Msg};
use super::dom::{add, add_icon, add_text, button, make, set_text, Part, Sender};
use super::i18n::{t, Key};
use super::icons::Icon;
use super::ids::Ids;
use crate::core::Event;

/// The incoming-call card: built once, its texts set in place.
pub struct Incoming {
    el: Element,
    title: Element,
    from: Element,
    answer: Node,
    decline: Node,
    _listeners: [EventListener; 2],
}

/// The card (not yet in the document).
pub fn new(doc: &Document, ids: &Ids, tx: &Sender<Msg>) -> Incoming {
    let el = make(doc, "section", "ad-incoming", &[("data-test", "incoming")]);
    ids.set(&el, "aria-labelledby", "incoming-title");
    let alert = add(doc, &el, "div", "", &[("role", "alert")]);
    let title = add(doc, &alert, "p", "ad-incoming-title", &[]);
    ids.set(&title, "id", "incoming-title");
    let from = add(
        doc,
        &alert,
        "p",
        "ad-incoming-from",
        &[("data-test", "incoming-from")],
    );
    let actions = add(doc, &el, "div", "ad-incoming-actions", &[]);
    let action = |class, test, icon, msg: fn() -> Msg| {
        let b = button(doc, &actions, class, test);
        add_icon(doc, &b, icon);
        (add_text(&b, ""), tx.click(&b, msg))
    };
    let (answer, on_answer) = action("ad-button ad-answer", "answer", Icon::Phone, || {
        Msg::Emit(Event::Answer)
    });
    let (decline, on_decline) = action("ad-button ad-decline", "decline", Icon::PhoneEnd, || {
        Msg::Emit(Event::Decline)
    });
    Incoming {
        el,
        title,
        from,
        answer,
        decline,
        _listeners: [on_answer, on_decline],
    }
}

/// Shows the caller `from`.
pub fn update(card: &mut Incoming, cx: &Cx, from: &str) {
    let lang = cx.lang;
    set_text(&card.title, t(lang, Key::IncomingCall));
    set_text(&card.from, from);
    set_text(&card.answer, t(lang, Key::Answer));
    set_text(&card.decline, t(lang, Key::Decline));
}

impl Part for Incoming {
    fn root(&self) -> &Element {
        &self.el
    }
}
