//! The incoming call: the caller, Answer and Decline.

use yew::prelude::*;

use super::i18n::{t, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use super::ids::Ids;
use crate::core::Event;

/// Props of [`Incoming`].
#[derive(Properties, Clone, PartialEq)]
pub struct IncomingProps {
    /// This widget's element ids (from the root component).
    #[prop_or_default]
    pub ids: Ids,
    /// The caller.
    pub from: AttrValue,
    /// The agent's actions.
    pub onevent: Callback<Event>,
    /// The language.
    pub lang: Lang,
}

/// The incoming-call card.
#[component]
pub fn Incoming(props: &IncomingProps) -> Html {
    let ids = props.ids.clone();
    let lang = use_lang(props.lang);
    let emit = |event: Event| {
        let onevent = props.onevent.clone();
        Callback::from(move |_: MouseEvent| onevent.emit(event.clone()))
    };
    html! {
        <section class="ad-incoming" data-test="incoming" aria-labelledby={ids.of("incoming-title")}>
            <div role="alert">
                <p class="ad-incoming-title" id={ids.of("incoming-title")}>{ t(lang, Key::IncomingCall) }</p>
                <p class="ad-incoming-from" data-test="incoming-from">{ props.from.clone() }</p>
            </div>
            <div class="ad-incoming-actions">
                <button type="button" class="ad-button ad-answer" data-test="answer" onclick={emit(Event::Answer)}>
                    { icon(Icon::Phone) }{ t(lang, Key::Answer) }
                </button>
                <button type="button" class="ad-button ad-decline" data-test="decline" onclick={emit(Event::Decline)}>
                    { icon(Icon::PhoneEnd) }{ t(lang, Key::Decline) }
                </button>
            </div>
        </section>
    }
}
