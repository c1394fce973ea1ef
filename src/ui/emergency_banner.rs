//! The emergency banner (E5, E3, E12, E7): what is happening, the location being sent, the
//! callback number with the time it stays valid, and the notification's status.

use yew::prelude::*;

use super::i18n::{decimal, duration, region_name, t, tf, time, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use super::ids::Ids;
use crate::core::flow::{CallbackWindow, EmergencyWarning, Unconfirmed};
use crate::core::view::EmergencyView;
use crate::core::wire::NotificationStatus;
use crate::core::{Event, Millis};

/// Props of [`EmergencyBanner`].
#[derive(Properties, Clone, PartialEq)]
pub struct EmergencyBannerProps {
    /// This widget's element ids (from the root component).
    #[prop_or_default]
    pub ids: Ids,
    /// The banner's content.
    pub emergency: EmergencyView,
    /// The open callback window.
    pub callback: Option<CallbackWindow>,
    /// The shell's clock.
    pub now: Millis,
    /// The language.
    pub lang: Lang,
    /// The agent's answers (whether the call taken up after a reload goes on).
    pub onevent: Callback<Event>,
}

/// "Valid for 59:12 (until 3:05 PM)".
pub fn callback_validity(lang: Lang, w: &CallbackWindow, now: Millis) -> String {
    let left = w.expires_at.saturating_sub(now);
    tf(
        lang,
        Key::CallbackValid,
        &[&duration(left), &time(lang, w.expires_at)],
    )
}

/// The banner.
#[component]
pub fn EmergencyBanner(props: &EmergencyBannerProps) -> Html {
    let ids = props.ids.clone();
    let (lang, e) = (use_lang(props.lang), &props.emergency);
    let warning = e.warning.as_ref().map(|w| match w {
        EmergencyWarning::LocationUnknown => t(lang, Key::LocationUnknown).to_string(),
        EmergencyWarning::OutsideSupportedRegion { region } => {
            tf(lang, Key::OutsideRegion, &[&region_name(lang, region)])
        }
    });
    let location = match (&e.location, &e.civic_address) {
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
            let name = region_name(lang, r);
            let mut chars = name.chars();
            match chars.next() {
                Some(c) => {
                    let upper = js_sys::JsString::from(c).to_locale_upper_case(Some(lang.tag()));
                    String::from(upper) + chars.as_str()
                }
                None => name,
            }
        }),
    };
    let notification = e.notification.as_ref().map(|n| {
        let (key, class) = match n.status {
            NotificationStatus::Sending => (Key::NotifSending, "ad-pending"),
            NotificationStatus::Sent => (Key::NotifSent, "ad-ok"),
            NotificationStatus::Failed => (Key::NotifFailed, "ad-bad"),
            NotificationStatus::Skipped => (Key::NotifSkipped, "ad-muted"),
        };
        (t(lang, key), class, n.recipients.len())
    });
    let answer = |alive: bool| {
        let onevent = props.onevent.clone();
        move |_: MouseEvent| onevent.emit(Event::ConfirmCall(alive))
    };
    let title = if e.callback_call {
        Key::EmergencyCallback
    } else {
        Key::EmergencyInProgress
    };
    html! {
        <section class="ad-emergency" data-test="emergency-banner" aria-labelledby={ids.of("emergency-title")}>
            // The alert holds only what must be announced at once: not the ticking countdown.
            <div class="ad-emergency-alert" role="alert">
                <p class="ad-emergency-title" id={ids.of("emergency-title")}>{ icon(Icon::Alert) }{ t(lang, title) }</p>
                <p class="ad-emergency-text">{ t(lang, Key::EmergencyStay) }</p>
                if let Some(w) = warning {
                    <p class="ad-emergency-warning" data-test="emergency-warning">{ w }</p>
                }
                if e.unconfirmed == Some(Unconfirmed::DialUnanswered) {
                    <p class="ad-emergency-warning" data-test="emergency-unconfirmed">{ t(lang, Key::EmergencyUnconfirmed) }</p>
                }
            </div>
            if e.unconfirmed == Some(Unconfirmed::AfterReload) {
                <div class="ad-still-on" role="group" aria-labelledby={ids.of("still-on")} data-test="emergency-still-on">
                    <p id={ids.of("still-on")} class="ad-emergency-warning">{ t(lang, Key::EmergencyStillOn) }</p>
                    <button type="button" class="ad-button" data-test="still-on-yes" onclick={answer(true)}>{ t(lang, Key::EmergencyStillOnYes) }</button>
                    <button type="button" class="ad-button ad-end" data-test="still-on-no" onclick={answer(false)}>{ t(lang, Key::EmergencyStillOnNo) }</button>
                </div>
            }
            <dl class="ad-facts">
                <div class="ad-fact">
                    <dt>{ t(lang, Key::EmergencyNumber) }</dt>
                    <dd class="ad-strong" data-test="emergency-number">{ e.number.clone() }</dd>
                </div>
                <div class="ad-fact">
                    <dt>{ t(lang, Key::LocationSent) }</dt>
                    <dd data-test="emergency-location">
                        if let Some(address) = &e.civic_address {
                            <span class="ad-line">{ address.clone() }</span>
                        }
                        if let Some(l) = location {
                            <span class="ad-line">{ l }</span>
                        } else if e.civic_address.is_none() {
                            <span class="ad-line">{ t(lang, Key::NoLocation) }</span>
                        }
                    </dd>
                </div>
                if let Some(w) = &props.callback {
                    <div class="ad-fact">
                        <dt>{ t(lang, Key::CallbackNumber) }</dt>
                        <dd data-test="callback-number">
                            <span class="ad-line ad-strong">{ w.number.clone() }</span>
                            <span class="ad-line ad-small" data-test="callback-remaining">{ callback_validity(lang, w, props.now) }</span>
                        </dd>
                    </div>
                }
                if let Some((text, class, _)) = notification {
                    <div class="ad-fact">
                        <dt>{ t(lang, Key::Contacts) }</dt>
                        <dd data-test="notification-status" class={class}>{ text }</dd>
                    </div>
                }
            </dl>
        </section>
    }
}
