//! The readiness badge (B6): "Emergency calling ready" or "n issues", expanding to each check
//! with its remedy, localised by check id, and who is emailed about an emergency call
//! (read-only: administrators set it, E7).

use gloo_events::EventListener;
use web_sys::{Document, Element, Node};

use super::app::{Cx, Msg};
use super::dom::{
    add, add_icon, add_text_el, bool_str, button, set_attr, set_class, set_text, set_text_with,
    IconSlot, Keyed, Sender, Slot,
};
use super::i18n::{t, tf, Key, Lang};
use super::icons::Icon;
use super::ids::Ids;
use crate::core::readiness::{CheckId, ReadinessReport};

/// The localised sentence for the check `id`, `met` or not (what is the case and, when not
/// met, what to do).
pub fn check_text(lang: Lang, id: CheckId, met: bool) -> &'static str {
    let (ok, fix) = match id {
        CheckId::Location => (Key::LocationOk, Key::LocationFix),
        CheckId::SupportedRegion => (Key::RegionOk, Key::RegionFix),
        CheckId::VoiceOutboundProfile => (Key::ProfileOk, Key::ProfileFix),
        CheckId::Mailbox => (Key::MailboxOk, Key::MailboxFix),
        CheckId::EmergencyRouting => (Key::RoutingOk, Key::RoutingFix),
        CheckId::EmergencyContacts => (Key::ContactsOk, Key::ContactsFix),
    };
    t(lang, if met { ok } else { fix })
}

/// What the list shows: each check and whether it is met, who is told, in which strings.
type ListKey = (Vec<(CheckId, bool)>, Vec<String>, Lang, u32);

/// Badge plus disclosure.
pub struct Readiness {
    el: Element,
    toggle: Element,
    icon: IconSlot,
    title: Node,
    badge: Node,
    list: Slot<Keyed<ListKey>>,
    /// Whether the list is open (the toggle).
    pub open: bool,
    _listener: EventListener,
}

impl Readiness {
    /// The badge, appended to `parent`.
    pub fn add(doc: &Document, parent: &Node, ids: &Ids, tx: &Sender<Msg>) -> Readiness {
        let el = add(doc, parent, "div", "ad-readiness", &[]);
        let toggle = button(doc, &el, "ad-badge", "readiness-toggle");
        ids.set(&toggle, "aria-controls", "readiness-list");
        let icon = IconSlot::add(doc, &toggle, Icon::Alert);
        let title = add(doc, &toggle, "span", "ad-visually-hidden", &[]).into();
        let badge = add(
            doc,
            &toggle,
            "span",
            "",
            &[("data-test", "readiness-badge")],
        )
        .into();
        add_icon(doc, &toggle, Icon::Chevron);
        let list = Slot::add(&el);
        let listener = tx.click(&toggle, || Msg::ToggleReadiness);
        Readiness {
            el,
            toggle,
            icon,
            title,
            badge,
            list,
            open: false,
            _listener: listener,
        }
    }

    /// Shows `report` and who is told.
    pub fn update(&mut self, cx: &Cx, report: &ReadinessReport, contacts: &[String]) {
        let (doc, ids, lang, strings) = (cx.doc, cx.ids, cx.lang, cx.strings);
        let issues = report.checks.iter().filter(|c| !c.ok).count();
        let ready = report.ready && issues == 0;
        let label = match issues {
            0 => t(lang, Key::Ready).to_string(),
            1 => t(lang, Key::OneIssue).to_string(),
            n => tf(lang, Key::Issues, &[&n.to_string()]),
        };
        set_class(
            &self.toggle,
            if ready {
                "ad-badge ad-badge-ok"
            } else {
                "ad-badge ad-badge-bad"
            },
        );
        set_attr(&self.toggle, "aria-expanded", Some(bool_str(self.open)));
        self.icon
            .set(doc, if ready { Icon::Check } else { Icon::Alert });
        set_text_with(&self.title, t(lang, Key::ReadinessTitle), ": ");
        set_text(&self.badge, &label);
        self.list.set(
            self.open,
            || {
                let ul = super::dom::el(doc, "ul", "ad-checks");
                super::dom::set_attrs(&ul, &[("data-test", "readiness-list")]);
                ids.set(&ul, "id", "readiness-list");
                Keyed::new(ul)
            },
            |list| {
                let checks = report.checks.iter().map(|c| (c.id, c.ok)).collect();
                let key = (checks, contacts.to_vec(), lang, strings);
                list.set(key, |ul, (checks, contacts, lang, _)| {
                    build_list(doc, ul, *lang, checks, contacts)
                })
            },
        );
    }
}

fn build_list(
    doc: &Document,
    ul: &Element,
    lang: Lang,
    checks: &[(CheckId, bool)],
    contacts: &[String],
) {
    for &(id, ok) in checks {
        let li = add(
            doc,
            ul,
            "li",
            if ok {
                "ad-check ad-ok"
            } else {
                "ad-check ad-bad"
            },
            &[("data-test", &format!("check-{}", id.as_str()))],
        );
        add_icon(doc, &li, if ok { Icon::Check } else { Icon::Alert });
        let state = t(lang, if ok { Key::CheckOk } else { Key::CheckFail });
        let hidden = add(doc, &li, "span", "ad-visually-hidden", &[]);
        set_text_with(&hidden, state, ": ");
        add_text_el(doc, &li, "span", "", &[], check_text(lang, id, ok));
    }
    let li = add(
        doc,
        ul,
        "li",
        "ad-check",
        &[("data-test", "contacts-readonly")],
    );
    let text = if contacts.is_empty() {
        t(lang, Key::ContactsNone).to_string()
    } else {
        tf(lang, Key::ContactsReadOnly, &[&contacts.join(", ")])
    };
    add_text_el(doc, &li, "span", "", &[], &text);
}

impl super::dom::Part for Readiness {
    fn root(&self) -> &Element {
        &self.el
    }
}
