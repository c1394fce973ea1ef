//! The root component: lays out the pane from the core's view model and routes the agent's
//! actions to the driver. No call logic here: what may be done comes from `view.controls`
//! (in emergency mode only End call and the audio devices, E5).

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::ids::Ids;

use super::call_pane::CallPane;
use super::clock::use_now;
use super::devices::Devices;
use super::dialpad::Dialpad;
use super::emergency_banner::{callback_validity, EmergencyBanner};
use super::i18n::{shown, t, tf, use_lang, use_locale_file, Key, Lang};
use super::icons::{icon, Icon};
use super::incoming::Incoming;
use super::notices::{dial_error, Notices};
use super::readiness::Readiness;
use super::settings_panel::SettingsLink;
use crate::core::flow::Notice;
use crate::core::wire::CallStatus;
use crate::core::ViewModel;
use crate::core::{Binding, Event};

/// Props of [`App`].
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// What to show.
    pub view: Rc<ViewModel>,
    /// Where the agent's actions go (the driver).
    pub onevent: Callback<Event>,
    /// This widget's number in the document: element ids are unique per widget.
    #[prop_or_default]
    pub instance: u32,
    /// The emergency settings editor, when the host lets this user edit them in the pane
    /// (`config.permissions.editEmergencySettings` and a `settings.save` binding). Without it
    /// the pane only shows who is told, read-only.
    #[prop_or_default]
    pub settings: Option<SettingsLink>,
}

/// What the polite live region says about the call (announced when it changes).
fn call_announcement(lang: Lang, view: &ViewModel) -> Option<String> {
    let c = view.call.as_ref()?;
    Some(match c.status {
        CallStatus::Dialing => tf(lang, Key::AnnounceCalling, &[&c.number]),
        CallStatus::Ringing => t(lang, Key::Ringing).into(),
        CallStatus::Answering => t(lang, Key::Connecting).into(),
        CallStatus::Connected if c.on_hold => t(lang, Key::OnHold).into(),
        CallStatus::Connected => t(lang, Key::Connected).into(),
    })
}

/// The pane's settings form (builds with the editor: cargo feature `admin`).
#[cfg(feature = "admin")]
fn settings_panel(link: &SettingsLink, lang: Lang, id: AttrValue) -> Html {
    html! {
        <div {id}>
            <super::SettingsPanel link={link.clone()} lang={Some(lang)} />
        </div>
    }
}

/// The agent's build has no settings form: its pane never gets a settings view to show.
#[cfg(not(feature = "admin"))]
fn settings_panel(_: &SettingsLink, _: Lang, _: AttrValue) -> Html {
    Html::default()
}

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let ids = (*use_memo(props.instance, |i| Ids::for_instance(*i))).clone();
    let view = &props.view;
    let lang = *use_memo(view.locale.clone(), |l| Lang::resolve(l.as_deref()));
    // The language's strings: English until its locale file arrives (never waited for).
    use_locale_file(
        lang,
        Some(props.onevent.reform(|message| Event::BindingFailed {
            binding: Binding::Translations,
            message,
        })),
    );
    let lang = use_lang(lang);
    let number = use_state(String::new);
    let settings_open = use_state(|| false);
    let announcement = use_state(String::new);
    let end_ref = use_node_ref();
    let emergency = view.emergency.is_some();
    let now = use_now(view.call.is_some() || view.callback.is_some());

    // Effect: emergency mode starts → End call gets focus, settings close.
    {
        let (end_ref, settings_open) = (end_ref.clone(), settings_open.clone());
        use_effect_with(emergency, move |emergency| {
            if *emergency {
                settings_open.set(false);
                if let Some(end) = end_ref.cast::<HtmlElement>() {
                    let _ = end.focus();
                }
            }
        });
    }
    // Effect: announce call state changes ("Calling 555…", "Connected", "Call ended").
    {
        let announcement = announcement.clone();
        let now_says = call_announcement(lang, view);
        use_effect_with(now_says, move |says| match says {
            Some(text) => announcement.set(text.clone()),
            None if !announcement.is_empty() => announcement.set(t(lang, Key::CallEnded).into()),
            None => {}
        });
    }

    // Callbacks
    let onchange = {
        let number = number.clone();
        Callback::from(move |v: String| number.set(v))
    };
    let ontoggle_settings = {
        let settings_open = settings_open.clone();
        move |_: MouseEvent| settings_open.set(!*settings_open)
    };

    let c = view.controls;
    let field_error = match &view.notice {
        Some(Notice::InvalidNumber(e)) => Some(dial_error(lang, e)),
        _ => None,
    };
    // The form is reachable only when the host grants it (by keyboard, pointer or screen
    // reader alike: without the grant it is not in the document at all).
    let editable =
        view.edit_settings && props.settings.as_ref().is_some_and(|l| l.view().is_some());
    let show_settings = *settings_open && c.dialpad && editable;
    html! {
        <section class={classes!("ad-root", emergency.then_some("ad-root-emergency"))}
            aria-label={t(lang, Key::Phone)} data-test="dialer" lang={shown(lang).tag()}>
            if !emergency {
                <header class="ad-header">
                    <h2 class="ad-title">{ t(lang, Key::Phone) }</h2>
                    <Readiness ids={ids.clone()} report={view.readiness.clone()} contacts={view.contacts.clone()} {lang} />
                    if c.dialpad && editable {
                        <button type="button" class="ad-icon-button" data-test="settings-toggle"
                            aria-label={t(lang, Key::Settings)} title={t(lang, Key::Settings)}
                            aria-expanded={show_settings.to_string()} aria-controls={ids.of("settings-panel")}
                            onclick={ontoggle_settings}>
                            { icon(Icon::Settings) }
                        </button>
                    }
                </header>
            }
            if let (Some(p), None) = (&view.peer_emergency, &view.emergency) {
                <div class="ad-emergency-alert ad-peer-emergency" role="status" data-test="peer-emergency">
                    { tf(lang, Key::EmergencyOtherTab, &[&p.number]) }
                </div>
            }
            if let Some(e) = &view.emergency {
                <EmergencyBanner ids={ids.clone()} emergency={e.clone()} callback={view.callback.clone()} {now} {lang}
                    onevent={props.onevent.clone()} />
            }
            <Notices notice={view.notice.clone()} problems={view.problems.clone()} locked={emergency}
                onevent={props.onevent.clone()} {lang} />
            <div class="ad-visually-hidden" aria-live="polite" data-test="announcer">{ (*announcement).clone() }</div>
            if let (Some(from), true) = (&view.incoming_from, c.answer) {
                <Incoming ids={ids.clone()} from={from.clone()} onevent={props.onevent.clone()} {lang} />
            }
            if let Some(call) = &view.call {
                <CallPane ids={ids.clone()} call={call.clone()} held={view.held.clone()} controls={c} {now}
                    end_ref={end_ref.clone()} {emergency} onevent={props.onevent.clone()} {lang} />
            }
            if let (Some(w), false) = (&view.callback, emergency) {
                <div class="ad-callback" data-test="callback-window">
                    { icon(Icon::Phone) }
                    <div>
                        <p>{ tf(lang, Key::CallbackWindow, &[&w.number]) }</p>
                        <p class="ad-small" data-test="callback-remaining">{ callback_validity(lang, w, now) }</p>
                    </div>
                </div>
            }
            if let (true, Some(link)) = (show_settings, &props.settings) {
                { settings_panel(link, lang, ids.of("settings-panel")) }
            } else if c.dialpad {
                <Dialpad ids={ids.clone()} value={(*number).clone()} {onchange} onevent={props.onevent.clone()} error={field_error} {lang} />
            }
            if c.devices {
                <Devices ids={ids.clone()} selected={view.audio_devices.clone()} onevent={props.onevent.clone()} {lang} />
            }
        </section>
    }
}
