//! Notices and binding problems for the agent (E12 unsupported region, failed and dropped
//! emergency calls, presence not restored, binding failures), each dismissable.

use gloo_events::EventListener;
use web_sys::{Document, Element};

use super::app::{Cx, Msg};
use super::dom::{
    add, add_icon, add_text_el, make, set_attr, set_class, Keyed, Part, Sender, Slot,
};
use super::i18n::{number, region_name, t, tf, Key, Lang};
use super::icons::Icon;
use crate::core::dial::DialError;
use crate::core::flow::{Notice, Problem};
use crate::core::{Binding, Event};

/// The sentence for a dial error, localised: every reason has its own (a new reason of
/// `DialError` does not compile until it has one).
pub fn dial_error(lang: Lang, e: &DialError) -> String {
    // The sentence, the character it names (if any) and the number it gives (`{0}`, or `{1}`
    // after the character; a sentence without placeholders leaves them out).
    let (key, ch, n) = match *e {
        DialError::Empty => (Key::ErrEmpty, None, 0),
        DialError::TooLong { max } => (Key::ErrTooLong, None, max),
        DialError::NoDigits => (Key::ErrNoDigits, None, 0),
        DialError::InvalidCharacter { ch, position } => (Key::ErrChar, Some(ch), position),
        DialError::MisplacedPlus { position } => (Key::ErrPlus, None, position),
        DialError::MisplacedPause { ch, position } => (Key::ErrPause, Some(ch), position),
        DialError::Extension { position } => (Key::ErrExtension, None, position),
    };
    let n = number(n as u64);
    match ch {
        Some(ch) => tf(lang, key, &[ch.encode_utf8(&mut [0; 4]), &n]),
        None => tf(lang, key, &[&n]),
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

/// The texts shown: the notice, and each problem with its detail.
type Texts = (Option<String>, Vec<(String, String)>);

/// The notice area (shown while there is a notice or a problem).
pub struct Notices {
    el: Element,
    texts: Keyed<Texts>,
    dismiss: Slot<Element>,
    _listener: Option<EventListener>,
    tx: Sender<Msg>,
}

impl Notices {
    /// The area (not yet in the document).
    pub fn new(doc: &Document, tx: &Sender<Msg>) -> Notices {
        let el = make(doc, "div", "ad-notice", &[("data-test", "notice-area")]);
        let body = add(doc, &el, "div", "ad-notice-body", &[("role", "alert")]);
        add_icon(doc, &body, Icon::Alert);
        let texts = Keyed::new(add(doc, &body, "div", "", &[]));
        let dismiss = Slot::add(&el);
        Notices {
            el,
            texts,
            dismiss,
            _listener: None,
            tx: tx.clone(),
        }
    }

    /// True when there is something to show.
    pub fn any(notice: Option<&Notice>, problems: &[Problem]) -> bool {
        notice.is_some_and(|n| !matches!(n, Notice::InvalidNumber(_))) || !problems.is_empty()
    }

    /// Shows `notice` and `problems`; `locked` (emergency mode) offers no Dismiss (E5).
    pub fn update(&mut self, cx: &Cx, notice: Option<&Notice>, problems: &[Problem], locked: bool) {
        let (doc, lang) = (cx.doc, cx.lang);
        let notice = notice.filter(|n| !matches!(n, Notice::InvalidNumber(_)));
        let urgent = matches!(
            notice,
            Some(
                Notice::EmergencyUnsupportedRegion { .. }
                    | Notice::EmergencyCallFailed { .. }
                    | Notice::EmergencyDropped { .. }
            )
        );
        set_class(
            &self.el,
            if urgent {
                "ad-notice ad-notice-urgent"
            } else {
                "ad-notice"
            },
        );
        let texts = (
            notice.map(|n| notice_text(lang, n)),
            problems
                .iter()
                .map(|p| (problem_text(lang, p), p.message.clone()))
                .collect(),
        );
        self.texts.set(texts, |div, (notice, problems)| {
            if let Some(n) = notice {
                add_text_el(doc, div, "p", "", &[("data-test", "notice")], n);
            }
            for (text, title) in problems {
                add_text_el(
                    doc,
                    div,
                    "p",
                    "ad-problem",
                    &[("data-test", "problem"), ("title", title)],
                    text,
                );
            }
        });
        let dismiss = t(lang, Key::Dismiss);
        let tx = &self.tx;
        let listener = &mut self._listener;
        self.dismiss.set(
            !locked,
            || {
                let b = make(
                    doc,
                    "button",
                    "ad-icon-button",
                    &[("type", "button"), ("data-test", "dismiss")],
                );
                add_icon(doc, &b, Icon::Close);
                *listener = Some(tx.click(&b, || Msg::Emit(Event::DismissNotice)));
                b
            },
            |b| {
                set_attr(b, "aria-label", Some(dismiss));
                set_attr(b, "title", Some(dismiss));
            },
        );
    }
}

impl Part for Notices {
    fn root(&self) -> &Element {
        &self.el
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
