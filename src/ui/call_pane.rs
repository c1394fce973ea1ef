//! The call in progress: number, status, timer, held call, mute, hold, DTMF keypad, End call.
//! In emergency mode only End call is offered (E5): the controls come from the view model.

use gloo_events::EventListener;
use web_sys::{Document, Element, Node};

use super::app::{Cx, Msg};
use super::dialpad::{dial_char, dial_key, Keypad};
use super::dom::{
    add, add_text, bool_str, make, set_attr, set_class, set_text, IconSlot, Part, Sender, Slot,
};
use super::i18n::{duration, t, tf, Key, Lang};
use super::icons::Icon;
use super::ids::Ids;
use crate::core::flow::Call;
use crate::core::view::Controls;
use crate::core::wire::CallStatus;
use crate::core::{Event, Millis};

/// The status line for a call.
pub fn status_text(lang: Lang, call: &Call) -> &'static str {
    match call.status {
        CallStatus::Dialing => t(lang, Key::Calling),
        CallStatus::Ringing => t(lang, Key::Ringing),
        CallStatus::Answering => t(lang, Key::Connecting),
        CallStatus::Connected if call.on_hold => t(lang, Key::OnHold),
        CallStatus::Connected => t(lang, Key::Connected),
    }
}

/// A button with an icon and a text, both of which may change.
pub struct Toggle {
    el: Element,
    icon: IconSlot,
    text: Node,
    _listener: EventListener,
}

impl Toggle {
    fn new(
        doc: &Document,
        tx: &Sender<Msg>,
        class: &str,
        test: &str,
        icon: Icon,
        msg: fn() -> Msg,
    ) -> Toggle {
        let el = make(
            doc,
            "button",
            class,
            &[("type", "button"), ("data-test", test)],
        );
        let icon = IconSlot::add(doc, &el, icon);
        let text = add_text(&el, "");
        let listener = tx.click(&el, msg);
        Toggle {
            el,
            icon,
            text,
            _listener: listener,
        }
    }

    fn show(&mut self, doc: &Document, icon: Icon, text: &str) {
        self.icon.set(doc, icon);
        set_text(&self.text, text);
    }
}

impl Part for Toggle {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// Mute, hold, keypad.
struct Actions {
    el: Element,
    mute: Slot<Toggle>,
    hold: Slot<Toggle>,
    dtmf: Slot<Toggle>,
}

impl Part for Actions {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// The DTMF keypad and what was sent.
struct Dtmf {
    el: Element,
    sent: Node,
    keypad: Keypad,
    _listener: EventListener,
}

impl Part for Dtmf {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// The call on hold: a dot and its text.
struct Held {
    el: Element,
    text: Node,
}

impl Part for Held {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// The call pane.
pub struct CallPane {
    el: Element,
    number: Node,
    status: Node,
    timer: Slot<Element>,
    held: Slot<Held>,
    actions: Slot<Actions>,
    dtmf: Slot<Dtmf>,
    end: Slot<Toggle>,
    /// The DTMF keypad is open.
    pub dtmf_open: bool,
    /// The DTMF digits sent in this call.
    pub sent: String,
}

impl CallPane {
    /// The pane (not yet in the document).
    pub fn new(doc: &Document, ids: &Ids) -> CallPane {
        let el = make(doc, "section", "ad-call", &[("data-test", "call")]);
        ids.set(&el, "aria-labelledby", "call-number");
        let head = add(doc, &el, "div", "ad-call-head", &[]);
        let number = add(
            doc,
            &head,
            "div",
            "ad-call-number",
            &[("data-test", "call-number")],
        );
        ids.set(&number, "id", "call-number");
        let number = number.into();
        let meta = add(doc, &head, "div", "ad-call-meta", &[]);
        let status = add(
            doc,
            &meta,
            "span",
            "ad-call-status",
            &[("data-test", "call-status")],
        )
        .into();
        let timer = Slot::add(&meta);
        CallPane {
            number,
            status,
            timer,
            held: Slot::add(&el),
            actions: Slot::add(&el),
            dtmf: Slot::add(&el),
            end: Slot::add(&el),
            el,
            dtmf_open: false,
            sent: String::new(),
        }
    }

    /// Shows `call` (and a `held` one) with the controls `c` at `now`.
    #[allow(clippy::too_many_arguments)]
    pub fn update(
        &mut self,
        cx: &Cx,
        call: &Call,
        held: Option<&Call>,
        c: Controls,
        emergency: bool,
        now: Millis,
    ) {
        let (doc, ids, tx, lang) = (cx.doc, cx.ids, cx.tx, cx.lang);
        set_class(
            &self.el,
            if emergency {
                "ad-call ad-call-emergency"
            } else {
                "ad-call"
            },
        );
        set_text(&self.number, &call.number);
        set_text(&self.status, status_text(lang, call));
        let timer = call.connected_at.map(|at| duration(now.saturating_sub(at)));
        self.timer.set(
            timer.is_some(),
            || {
                make(
                    doc,
                    "span",
                    "ad-call-timer",
                    &[("role", "timer"), ("data-test", "call-timer")],
                )
            },
            |el| {
                set_attr(el, "aria-label", Some(t(lang, Key::CallDuration)));
                set_text(el, timer.as_deref().unwrap_or_default());
            },
        );
        self.held.set(
            held.is_some(),
            || {
                let el = make(doc, "div", "ad-held", &[("data-test", "held-call")]);
                add(
                    doc,
                    &el,
                    "span",
                    "ad-dot ad-dot-held",
                    &[("aria-hidden", "true")],
                );
                let text = add_text(&el, "");
                Held { el, text }
            },
            |h| {
                if let Some(held) = held {
                    set_text(&h.text, &tf(lang, Key::HeldCall, &[&held.number]));
                }
            },
        );
        self.actions.set(
            c.mute || c.hold || c.dtmf,
            || {
                let el = make(doc, "div", "ad-call-actions", &[]);
                Actions {
                    mute: Slot::add(&el),
                    hold: Slot::add(&el),
                    dtmf: Slot::add(&el),
                    el,
                }
            },
            |_| {},
        );
        if let Some(a) = self.actions.get() {
            let toggle = "ad-button ad-toggle";
            a.mute.set(
                c.mute,
                || Toggle::new(doc, tx, toggle, "mute", Icon::Mic, || Msg::Mute),
                |b| {
                    b.show(
                        doc,
                        if call.muted { Icon::MicOff } else { Icon::Mic },
                        t(lang, Key::Mute),
                    );
                    set_attr(&b.el, "aria-pressed", Some(bool_str(call.muted)));
                },
            );
            a.hold.set(
                c.hold,
                || Toggle::new(doc, tx, toggle, "hold", Icon::Pause, || Msg::Hold),
                |b| {
                    let (icon, key) = if call.on_hold {
                        (Icon::Play, Key::Resume)
                    } else {
                        (Icon::Pause, Key::Hold)
                    };
                    b.show(doc, icon, t(lang, key));
                },
            );
            let open = self.dtmf_open;
            a.dtmf.set(
                c.dtmf,
                || {
                    let b = Toggle::new(doc, tx, toggle, "dtmf-toggle", Icon::Keypad, || {
                        Msg::ToggleDtmf
                    });
                    ids.set(&b.el, "aria-controls", "dtmf");
                    b
                },
                |b| {
                    b.show(doc, Icon::Keypad, t(lang, Key::Keypad));
                    set_attr(&b.el, "aria-expanded", Some(bool_str(open)));
                },
            );
        }
        let sent = &self.sent;
        self.dtmf.set(
            c.dtmf && self.dtmf_open,
            || {
                let el = make(doc, "div", "ad-dtmf", &[("data-test", "dtmf")]);
                ids.set(&el, "id", "dtmf");
                let sent = add(
                    doc,
                    &el,
                    "output",
                    "ad-dtmf-sent",
                    &[("data-test", "dtmf-sent"), ("aria-live", "off")],
                )
                .into();
                let keypad = Keypad::add(doc, &el, tx, "dtmf", Msg::Dtmf);
                let listener = tx.on(&el, "keydown", |e| {
                    let key = dial_char(&dial_key(e)?).filter(|&c| c != '+')?;
                    super::dom::prevent_default(e);
                    Some(Msg::Dtmf(key))
                });
                Dtmf {
                    el,
                    sent,
                    keypad,
                    _listener: listener,
                }
            },
            |d| {
                set_text(&d.sent, sent);
                d.keypad.update(t(lang, Key::Keypad));
            },
        );
        self.end.set(
            c.end,
            || {
                Toggle::new(
                    doc,
                    tx,
                    "ad-button ad-end",
                    "end-call",
                    Icon::PhoneEnd,
                    || Msg::Emit(Event::HangUp),
                )
            },
            |b| b.show(doc, Icon::PhoneEnd, t(lang, Key::EndCall)),
        );
    }

    /// End call, when offered (focused when emergency mode starts).
    pub fn end_button(&mut self) -> Option<Element> {
        self.end.get().map(|b| b.el.clone())
    }
}

impl Part for CallPane {
    fn root(&self) -> &Element {
        &self.el
    }
}
