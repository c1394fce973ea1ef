//! Notices and binding problems for the agent (E12 unsupported region, failed and dropped
//! emergency calls, presence not restored, binding failures), each dismissable.

use yew::prelude::*;

use super::i18n::{region_name, t, tf, Key, Lang};
use super::icons::{icon, Icon};
use crate::core::dial::DialError;
use crate::core::flow::{Notice, Problem};
use crate::core::Event;

/// The sentence for a dial error, localised.
pub fn dial_error(lang: Lang, e: &DialError) -> String {
    #[allow(unreachable_patterns)]
    // DialError is `#[non_exhaustive]`: new reasons read generically.
    match e {
        DialError::Empty => t(lang, Key::ErrEmpty).into(),
        DialError::TooLong { max } => tf(lang, Key::ErrTooLong, &[&max.to_string()]),
        DialError::NoDigits => t(lang, Key::ErrNoDigits).into(),
        DialError::InvalidCharacter { ch, position } => tf(
            lang,
            Key::ErrChar,
            &[&ch.to_string(), &position.to_string()],
        ),
        _ => t(lang, Key::ErrInvalid).into(),
    }
}

/// The sentence for a notice (other than [`Notice::InvalidNumber`], shown at the field).
pub fn notice_text(lang: Lang, n: &Notice) -> String {
    match n {
        Notice::InvalidNumber(e) => dial_error(lang, e),
        Notice::EndCurrentCallFirst => t(lang, Key::EndCurrentFirst).into(),
        Notice::EmergencyUnsupportedRegion { region, numbers } => match numbers.first() {
            Some(number) => tf(
                lang,
                Key::Unsupported,
                &[&region_name(lang, region), number],
            ),
            None => tf(
                lang,
                Key::UnsupportedNoNumber,
                &[&region_name(lang, region)],
            ),
        },
        Notice::EmergencyCallFailed { .. } => t(lang, Key::EmergencyFailed).into(),
        Notice::EmergencyDropped { callback_number } => match callback_number {
            Some(number) => tf(lang, Key::EmergencyDropped, &[number]),
            None => t(lang, Key::EmergencyDroppedNoNumber).into(),
        },
        Notice::CallFailed(message) => tf(lang, Key::CallFailed, &[message]),
        Notice::PresenceNotRestored => t(lang, Key::PresenceNotRestored).into(),
    }
}

/// The sentence for a binding problem.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    match p.binding.as_str() {
        "presence.set" => t(lang, Key::ProblemPresenceSet).into(),
        "presence.get" => t(lang, Key::ProblemPresenceGet).into(),
        "notification.sendEmail" => t(lang, Key::ProblemEmail).into(),
        "storage" => t(lang, Key::ProblemStorage).into(),
        "geolocation" => t(lang, Key::ProblemLocation).into(),
        other => tf(lang, Key::ProblemOther, &[other]),
    }
}

/// Props of [`Notices`].
#[derive(Properties, Clone, PartialEq)]
pub struct NoticesProps {
    /// The current notice.
    pub notice: Option<Notice>,
    /// Binding problems.
    pub problems: Vec<Problem>,
    /// In emergency mode nothing but End call and devices is operable (E5): no Dismiss.
    pub locked: bool,
    /// The agent's actions.
    pub onevent: Callback<Event>,
    /// The language.
    pub lang: Lang,
}

/// The notice area.
#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let notice = props
        .notice
        .as_ref()
        .filter(|n| !matches!(n, Notice::InvalidNumber(_)));
    if notice.is_none() && props.problems.is_empty() {
        return html! {};
    }
    let urgent = matches!(
        notice,
        Some(
            Notice::EmergencyUnsupportedRegion { .. }
                | Notice::EmergencyCallFailed { .. }
                | Notice::EmergencyDropped { .. }
        )
    );
    let ondismiss = {
        let onevent = props.onevent.clone();
        move |_: MouseEvent| onevent.emit(Event::DismissNotice)
    };
    html! {
        <div class={classes!("ad-notice", urgent.then_some("ad-notice-urgent"))} data-test="notice-area">
            <div class="ad-notice-body" role="alert">
                { icon(Icon::Alert) }
                <div>
                    if let Some(n) = notice {
                        <p data-test="notice">{ notice_text(lang, n) }</p>
                    }
                    { for props.problems.iter().map(|p| html! {
                        <p class="ad-problem" data-test="problem" title={p.message.clone()}>{ problem_text(lang, p) }</p>
                    }) }
                </div>
            </div>
            if !props.locked {
                <button type="button" class="ad-icon-button" data-test="dismiss"
                    aria-label={t(lang, Key::Dismiss)} title={t(lang, Key::Dismiss)} onclick={ondismiss}>
                    { icon(Icon::Close) }
                </button>
            }
        </div>
    }
}
