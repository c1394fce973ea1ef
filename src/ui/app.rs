//! The root component: the dialer, the call pane and the emergency banner.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::flow::{CallStatus, Event, Notice};
use crate::core::ViewModel;

/// Props of [`App`].
#[derive(Properties, Clone, PartialEq)]
pub struct AppProps {
    /// What to show.
    pub view: Rc<ViewModel>,
    /// Where the agent's actions go (the driver).
    pub onevent: Callback<Event>,
}

const KEYS: [(&str, &str); 12] = [
    ("1", ""),
    ("2", "ABC"),
    ("3", "DEF"),
    ("4", "GHI"),
    ("5", "JKL"),
    ("6", "MNO"),
    ("7", "PQRS"),
    ("8", "TUV"),
    ("9", "WXYZ"),
    ("*", ""),
    ("0", "+"),
    ("#", ""),
];

/// The widget.
#[component]
pub fn App(props: &AppProps) -> Html {
    let view = &props.view;
    let number = use_state(String::new);

    // Callbacks
    let oninput = {
        let number = number.clone();
        move |e: InputEvent| number.set(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    let dial = {
        let (number, onevent) = (number.clone(), props.onevent.clone());
        move || {
            onevent.emit(Event::Dial {
                dialed: (*number).clone(),
            })
        }
    };
    let onsubmit = {
        let dial = dial.clone();
        move |e: SubmitEvent| {
            e.prevent_default();
            dial();
        }
    };
    let emit = |event: Event| {
        let onevent = props.onevent.clone();
        Callback::from(move |_: MouseEvent| onevent.emit(event.clone()))
    };

    let notice = view.notice.as_ref().map(|n| {
        let text = match n {
            Notice::InvalidNumber(e) => format!("Cannot dial: {e}."),
            Notice::EndCurrentCallFirst => "End the current call first.".to_string(),
            Notice::EmergencyUnsupportedRegion { region, numbers } => format!(
                "Emergency calling is not supported in {region}. Use another phone and dial {}.",
                numbers.first().map(String::as_str).unwrap_or("the local emergency number")
            ),
            Notice::EmergencyCallFailed { .. } => {
                "The emergency call could not be placed. Use another phone now.".to_string()
            }
            Notice::EmergencyDropped { callback_number } => match callback_number {
                Some(n) => format!("The emergency call dropped. Stay available: the emergency service can call you back on {n}."),
                None => "The emergency call dropped. Stay available for the emergency service's callback.".to_string(),
            },
            Notice::CallFailed(m) => format!("The call failed: {m}"),
            Notice::PresenceNotRestored => "Your previous presence was not known; set it again.".to_string(),
        };
        html! { <div class="ad-notice" role="alert" data-test="notice">{ text }</div> }
    });

    let banner = view.emergency.as_ref().map(|e| {
        html! {
            <div class="ad-emergency" role="alert" data-test="emergency-banner">
                <strong>{ "Emergency call in progress" }</strong>
                <div data-test="emergency-number">{ e.number.clone() }</div>
                if let Some(cb) = &view.callback {
                    <div data-test="callback-number">{ format!("Callback number: {}", cb.number) }</div>
                }
            </div>
        }
    });

    let call = view.call.as_ref().map(|c| {
        let status = match c.status {
            CallStatus::Dialing => "Calling…",
            CallStatus::Ringing => "Ringing…",
            CallStatus::Answering => "Connecting…",
            CallStatus::Connected if c.on_hold => "On hold",
            CallStatus::Connected => "Connected",
        };
        html! {
            <div class="ad-call" data-test="call">
                <div class="ad-call-number" data-test="call-number">{ c.number.clone() }</div>
                <div class="ad-call-status" data-test="call-status" aria-live="polite">{ status }</div>
            </div>
        }
    });

    let c = view.controls;
    html! {
        <section class="ad-root" aria-label="Dialer" data-test="dialer">
            { for banner }
            { for notice }
            { for call }
            if let Some(from) = &view.incoming_from {
                <div class="ad-incoming" role="alert" data-test="incoming">
                    <span>{ format!("Incoming call from {from}") }</span>
                    <button type="button" data-test="answer" onclick={emit(Event::Answer)}>{ "Answer" }</button>
                    <button type="button" data-test="decline" onclick={emit(Event::Decline)}>{ "Decline" }</button>
                </div>
            }
            if c.dialpad {
                <form class="ad-dialpad" onsubmit={onsubmit}>
                    <label for="ad-number">{ "Number" }</label>
                    <input id="ad-number" data-test="number" type="tel" inputmode="tel" autocomplete="off"
                        value={(*number).clone()} oninput={oninput} />
                    <div class="ad-keys">
                        { for KEYS.iter().map(|(k, letters)| {
                            let number = number.clone();
                            let key = k.to_string();
                            let onclick = move |_: MouseEvent| number.set(format!("{}{}", *number, key));
                            html! {
                                <button type="button" class="ad-key" data-test={format!("key-{k}")} onclick={onclick}>
                                    <span>{ *k }</span><small>{ *letters }</small>
                                </button>
                            }
                        }) }
                    </div>
                    <button type="submit" class="ad-call-button" data-test="call-button">{ "Call" }</button>
                </form>
            }
            if c.mute {
                <button type="button" data-test="mute" aria-pressed={view.call.as_ref().is_some_and(|c| c.muted).to_string()}
                    onclick={emit(Event::SetMute(!view.call.as_ref().is_some_and(|c| c.muted)))}>{ "Mute" }</button>
            }
            if c.hold {
                <button type="button" data-test="hold" aria-pressed={view.call.as_ref().is_some_and(|c| c.on_hold).to_string()}
                    onclick={emit(Event::SetHold(!view.call.as_ref().is_some_and(|c| c.on_hold)))}>{ "Hold" }</button>
            }
            if c.end {
                <button type="button" class="ad-end" data-test="end-call" onclick={emit(Event::HangUp)}>{ "End call" }</button>
            }
        </section>
    }
}
