//! The emergency banner (E5, E3, E12, E7): what is happening, the location being sent, the
//! callback number with the time it stays valid, and the notification's status.

use gloo_events::EventListener;
use web_sys::{Document, Element, Node};

use super::app::{Cx, Msg};
use super::dom::{
    add, add_icon, add_text, add_text_el, button, make, set_class, set_text, Keyed, Part, Slot,
};
use super::i18n::{decimal, duration, region_name, t, tf, time, Key, Lang};
use super::icons::Icon;
use super::ids::Ids;
use crate::core::flow::{CallbackWindow, EmergencyWarning, Unconfirmed};
use crate::core::view::EmergencyView;
use crate::core::wire::NotificationStatus;
use crate::core::{Event, Millis};

/// "Valid for 59:12 (until 3:05 PM)".
pub fn callback_validity(lang: Lang, w: &CallbackWindow, now: Millis) -> String {
    let left = w.expires_at.saturating_sub(now);
    tf(
        lang,
        Key::CallbackValid,
        &[&duration(left), &time(lang, w.expires_at)],
    )
}

/// What the alert says: title, warning, whether the dial went unanswered; in which strings.
type AlertKey = (Key, Option<String>, bool, Lang, u32);

/// What the facts say (the callback countdown aside, which ticks on its own).
#[derive(PartialEq)]
struct Facts {
    number: String,
    civic: Option<String>,
    location: Option<String>,
    callback: Option<String>,
    notification: Option<(Key, &'static str)>,
    lang: Lang,
    strings: u32,
}

/// After a reload: is the emergency call still going on? The question, Yes and No.
struct StillOn {
    el: Element,
    /// The question, Yes and No (their texts set in place).
    texts: [Element; 3],
    _listeners: [EventListener; 2],
}

impl Part for StillOn {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// The banner.
pub struct EmergencyBanner {
    el: Element,
    alert: Keyed<AlertKey>,
    still_on: Slot<StillOn>,
    facts: Keyed<Facts>,
    remaining: Option<Node>,
}

impl EmergencyBanner {
    /// The banner (not yet in the document).
    pub fn new(doc: &Document, ids: &Ids) -> EmergencyBanner {
        let el = make(
            doc,
            "section",
            "ad-emergency",
            &[("data-test", "emergency-banner")],
        );
        ids.set(&el, "aria-labelledby", "emergency-title");
        // The alert holds only what must be announced at once: not the ticking countdown.
        let alert = Keyed::new(add(
            doc,
            &el,
            "div",
            "ad-emergency-alert",
            &[("role", "alert")],
        ));
        let still_on = Slot::add(&el);
        let facts = Keyed::new(add(doc, &el, "dl", "ad-facts", &[]));
        EmergencyBanner {
            el,
            alert,
            still_on,
            facts,
            remaining: None,
        }
    }

    /// Shows `e` and the callback window `callback` at `now`.
    #[allow(clippy::too_many_arguments)]
    pub fn update(
        &mut self,
        cx: &Cx,
        e: &EmergencyView,
        callback: Option<&CallbackWindow>,
        now: Millis,
    ) {
        let (doc, ids, tx, lang, strings) = (cx.doc, cx.ids, cx.tx, cx.lang, cx.strings);
        let warning = e.warning.as_ref().map(|w| match w {
            EmergencyWarning::LocationUnknown => t(lang, Key::LocationUnknown).to_string(),
            EmergencyWarning::OutsideSupportedRegion { region } => {
                tf(lang, Key::OutsideRegion, &[&region_name(lang, region)])
            }
        });
        let title = if e.callback_call {
            Key::EmergencyCallback
        } else {
            Key::EmergencyInProgress
        };
        let unanswered = e.unconfirmed == Some(Unconfirmed::DialUnanswered);
        self.alert.set(
            (title, warning, unanswered, lang, strings),
            |el, (title, warning, unanswered, lang, _)| {
                let p = add(doc, el, "p", "ad-emergency-title", &[]);
                ids.set(&p, "id", "emergency-title");
                add_icon(doc, &p, Icon::Alert);
                add_text(&p, t(*lang, *title));
                add_text_el(
                    doc,
                    el,
                    "p",
                    "ad-emergency-text",
                    &[],
                    t(*lang, Key::EmergencyStay),
                );
                if let Some(w) = warning {
                    add_text_el(
                        doc,
                        el,
                        "p",
                        "ad-emergency-warning",
                        &[("data-test", "emergency-warning")],
                        w,
                    );
                }
                if *unanswered {
                    add_text_el(
                        doc,
                        el,
                        "p",
                        "ad-emergency-warning",
                        &[("data-test", "emergency-unconfirmed")],
                        t(*lang, Key::EmergencyUnconfirmed),
                    );
                }
            },
        );
        self.still_on.set(
            e.unconfirmed == Some(Unconfirmed::AfterReload),
            || {
                let el = make(
                    doc,
                    "div",
                    "ad-still-on",
                    &[("role", "group"), ("data-test", "emergency-still-on")],
                );
                ids.set(&el, "aria-labelledby", "still-on");
                let question = add(doc, &el, "p", "ad-emergency-warning", &[]);
                ids.set(&question, "id", "still-on");
                let yes = button(doc, &el, "ad-button", "still-on-yes");
                let no = button(doc, &el, "ad-button ad-end", "still-on-no");
                let listeners = [
                    tx.click(&yes, || Msg::Emit(Event::ConfirmCall(true))),
                    tx.click(&no, || Msg::Emit(Event::ConfirmCall(false))),
                ];
                StillOn {
                    el,
                    texts: [question, yes, no],
                    _listeners: listeners,
                }
            },
            |group| {
                let keys = [
                    Key::EmergencyStillOn,
                    Key::EmergencyStillOnYes,
                    Key::EmergencyStillOnNo,
                ];
                for (el, key) in group.texts.iter().zip(keys) {
                    set_text(el, t(lang, key));
                }
            },
        );
        let facts = Facts {
            number: e.number.clone(),
            civic: e.civic_address.clone(),
            location: location(lang, e),
            callback: callback.map(|w| w.number.clone()),
            notification: e.notification.as_ref().map(|n| match n.status {
                NotificationStatus::Sending => (Key::NotifSending, "ad-pending"),
                NotificationStatus::Sent => (Key::NotifSent, "ad-ok"),
                NotificationStatus::Failed => (Key::NotifFailed, "ad-bad"),
                NotificationStatus::Skipped => (Key::NotifSkipped, "ad-muted"),
            }),
            lang,
            strings,
        };
        let remaining = &mut self.remaining;
        self.facts.set(facts, |dl, f| {
            let lang = f.lang;
            let fact = |key: Key, test: &str| {
                let div = add(doc, dl, "div", "ad-fact", &[]);
                add_text_el(doc, &div, "dt", "", &[], t(lang, key));
                add(doc, &div, "dd", "", &[("data-test", test)])
            };
            let dd = fact(Key::EmergencyNumber, "emergency-number");
            set_class(&dd, "ad-strong");
            set_text(&dd, &f.number);
            let dd = fact(Key::LocationSent, "emergency-location");
            let line = |text: &str| {
                add_text_el(doc, &dd, "span", "ad-line", &[], text);
            };
            if let Some(address) = &f.civic {
                line(address);
            }
            match &f.location {
                Some(l) => line(l),
                None if f.civic.is_none() => line(t(lang, Key::NoLocation)),
                None => {}
            }
            *remaining = f.callback.as_ref().map(|number| {
                let dd = fact(Key::CallbackNumber, "callback-number");
                add_text_el(doc, &dd, "span", "ad-line ad-strong", &[], number);
                add(
                    doc,
                    &dd,
                    "span",
                    "ad-line ad-small",
                    &[("data-test", "callback-remaining")],
                )
                .into()
            });
            if let Some((key, class)) = f.notification {
                let dd = fact(Key::Contacts, "notification-status");
                set_class(&dd, class);
                set_text(&dd, t(lang, key));
            }
        });
        if let (Some(node), Some(w)) = (&self.remaining, callback) {
            set_text(node, &callback_validity(lang, w, now));
        }
    }
}

/// The location being sent, as the agent reads it.
fn location(lang: Lang, e: &EmergencyView) -> Option<String> {
    match (&e.location, &e.civic_address) {
        (Some(l), _) => Some(format!(
            "{}, {} (± {} m)",
            decimal(lang, l.latitude, 5),
            decimal(lang, l.longitude, 5),
            decimal(lang, l.accuracy_meters, 0)
        )),
        (None, _) if e.warning.is_some() => None,
        (None, _) => e.region.as_ref().map(|r| {
            // Standing alone, not in a sentence: "The United States" (the browser's
            // upper-casing: no Unicode case tables in the wasm).
            super::dom::capitalized(&region_name(lang, r), lang.tag())
        }),
    }
}

impl Part for EmergencyBanner {
    fn root(&self) -> &Element {
        &self.el
    }
}
