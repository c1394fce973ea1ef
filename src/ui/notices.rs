//! Notices and binding problems for the agent (E12 unsupported region, failed and dropped
//! emergency calls, presence not restored, binding failures), each dismissable.

use yew::prelude::*;

use super::i18n::{region_name, t, tf, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use crate::core::dial::DialError;
use crate::core::flow::{Notice, Problem};
use crate::core::{Binding, Event};

/// The sentence for a dial error, localised: every reason has its own (a new reason of
/// `DialError` does not compile until it has one).
pub fn dial_error(lang: Lang, e: &DialError) -> String {
    match e {
        DialError::Empty => t(lang, Key::ErrEmpty).into(),
        DialError::TooLong { max } => tf(lang, Key::ErrTooLong, &[&max.to_string()]),
        DialError::NoDigits => t(lang, Key::ErrNoDigits).into(),
        DialError::InvalidCharacter { ch, position } => tf(
            lang,
            Key::ErrChar,
            &[&ch.to_string(), &position.to_string()],
        ),
        DialError::MisplacedPlus { position } => tf(lang, Key::ErrPlus, &[&position.to_string()]),
        DialError::MisplacedPause { ch, position } => tf(
            lang,
            Key::ErrPause,
            &[&ch.to_string(), &position.to_string()],
        ),
        DialError::Extension { position } => tf(lang, Key::ErrExtension, &[&position.to_string()]),
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

/// The sentence for a binding problem: its own for the ones an agent can act on, else one
/// naming the binding.
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    match p.binding {
        Binding::PresenceSet => t(lang, Key::ProblemPresenceSet).into(),
        Binding::PresenceGet => t(lang, Key::ProblemPresenceGet).into(),
        Binding::SendEmail => t(lang, Key::ProblemEmail).into(),
        Binding::Storage => t(lang, Key::ProblemStorage).into(),
        Binding::Geolocation => t(lang, Key::ProblemLocation).into(),
        Binding::Translations => t(lang, Key::ProblemTranslations).into(),
        Binding::PresenceSubscribe
        | Binding::Dial
        | Binding::HangUp
        | Binding::Answer
        | Binding::Hold
        | Binding::Mute
        | Binding::SendDtmf
        | Binding::ActiveCalls
        | Binding::SetAudioDevices
        | Binding::CallingSubscribe
        | Binding::SetEmergencyMode
        | Binding::Activity
        | Binding::SettingsSave
        | Binding::Subscribe => tf(lang, Key::ProblemOther, &[p.binding.as_str()]),
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
    let lang = use_lang(props.lang);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::dial::normalize;

    const LANGS: [Lang; 6] = [
        Lang::EnUs,
        Lang::EnGb,
        Lang::DaDk,
        Lang::FrCa,
        Lang::EsPr,
        Lang::DeDe,
    ];

    #[test]
    fn every_dial_error_has_its_own_message_in_every_locale() {
        // One input per reason, as the agent would type it.
        let errors: Vec<DialError> = [
            "",
            &"1".repeat(70),
            "--",
            "555@1",
            "55+1",
            ",911",
            "555 1234 x12",
        ]
        .iter()
        .map(|typed| normalize(typed).expect_err("each input is refused"))
        .collect();
        let kinds: std::collections::HashSet<_> =
            errors.iter().map(std::mem::discriminant).collect();
        assert_eq!(kinds.len(), 7, "one input per reason: {errors:?}");
        crate::ui::i18n::install_shipped();
        for lang in LANGS {
            let texts: Vec<String> = errors.iter().map(|e| dial_error(lang, e)).collect();
            for (e, text) in errors.iter().zip(&texts) {
                assert!(
                    !text.is_empty() && !text.contains('{'),
                    "{lang:?} {e:?}: {text}"
                );
                if let DialError::MisplacedPlus { position }
                | DialError::MisplacedPause { position, .. }
                | DialError::Extension { position }
                | DialError::InvalidCharacter { position, .. } = e
                {
                    assert!(
                        text.contains(&position.to_string()),
                        "{lang:?} {e:?}: {text}"
                    );
                }
            }
            let mut distinct = texts.clone();
            distinct.sort();
            distinct.dedup();
            assert_eq!(distinct.len(), texts.len(), "{lang:?}: {texts:#?}");
        }
    }
}
