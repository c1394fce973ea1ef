//! The readiness badge (B6): "Emergency calling ready" or "n issues", expanding to each check
//! with its remedy, localised by check id, and who is emailed about an emergency call
//! (read-only: administrators set it, E7).

use yew::prelude::*;

use super::i18n::{t, tf, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use super::ids::Ids;
use crate::core::readiness::{Check, CheckId, ReadinessReport};

/// The localised sentence for a check (what is the case and, when not ok, what to do).
pub fn check_text(lang: Lang, c: &Check) -> String {
    let (ok, fix) = match c.id {
        CheckId::Location => (Key::LocationOk, Key::LocationFix),
        CheckId::SupportedRegion => (Key::RegionOk, Key::RegionFix),
        CheckId::VoiceOutboundProfile => (Key::ProfileOk, Key::ProfileFix),
        CheckId::Mailbox => (Key::MailboxOk, Key::MailboxFix),
        CheckId::EmergencyRouting => (Key::RoutingOk, Key::RoutingFix),
        CheckId::EmergencyContacts => (Key::ContactsOk, Key::ContactsFix),
    };
    t(lang, if c.ok { ok } else { fix }).into()
}

/// Props of [`Readiness`].
#[derive(Properties, Clone, PartialEq)]
pub struct ReadinessProps {
    /// This widget's element ids (from the root component).
    #[prop_or_default]
    pub ids: Ids,
    /// The report.
    pub report: ReadinessReport,
    /// Who is emailed about an emergency call (read-only: administrators set it, E7).
    #[prop_or_default]
    pub contacts: Vec<String>,
    /// The language.
    pub lang: Lang,
}

/// Badge plus disclosure.
#[component]
pub fn Readiness(props: &ReadinessProps) -> Html {
    let ids = props.ids.clone();
    let lang = use_lang(props.lang);
    let open = use_state(|| false);
    let issues = props.report.checks.iter().filter(|c| !c.ok).count();
    let ready = props.report.ready && issues == 0;
    let label = match issues {
        0 => t(lang, Key::Ready).to_string(),
        1 => t(lang, Key::OneIssue).to_string(),
        n => tf(lang, Key::Issues, &[&n.to_string()]),
    };
    let ontoggle = {
        let open = open.clone();
        move |_: MouseEvent| open.set(!*open)
    };
    html! {
        <div class="ad-readiness">
            <button type="button" class={classes!("ad-badge", if ready { "ad-badge-ok" } else { "ad-badge-bad" })}
                data-test="readiness-toggle" aria-expanded={open.to_string()} aria-controls={ids.of("readiness-list")}
                onclick={ontoggle}>
                { icon(if ready { Icon::Check } else { Icon::Alert }) }
                <span class="ad-visually-hidden">{ t(lang, Key::ReadinessTitle) }{ ": " }</span>
                <span data-test="readiness-badge">{ label }</span>
                { icon(Icon::Chevron) }
            </button>
            if *open {
                <ul id={ids.of("readiness-list")} class="ad-checks" data-test="readiness-list">
                    { for props.report.checks.iter().map(|c| html! {
                        <li class={classes!("ad-check", if c.ok { "ad-ok" } else { "ad-bad" })}
                            data-test={format!("check-{}", c.id.as_str())}>
                            { icon(if c.ok { Icon::Check } else { Icon::Alert }) }
                            <span class="ad-visually-hidden">{ t(lang, if c.ok { Key::CheckOk } else { Key::CheckFail }) }{ ": " }</span>
                            <span>{ check_text(lang, c) }</span>
                        </li>
                    }) }
                    <li class="ad-check" data-test="contacts-readonly">
                        <span>{ if props.contacts.is_empty() {
                            t(lang, Key::ContactsNone).to_string()
                        } else {
                            tf(lang, Key::ContactsReadOnly, &[&props.contacts.join(", ")])
                        } }</span>
                    </li>
                </ul>
            }
        </div>
    }
}
