//! The call in progress: number, status, timer, held call, mute, hold, DTMF keypad, End call.
//! In emergency mode only End call is offered (E5): the controls come from the view model.

use yew::prelude::*;

use super::ids::Ids;

use super::dialpad::{is_dial_key, Keypad};
use super::i18n::{duration, t, tf, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use crate::core::flow::Call;
use crate::core::view::Controls;
use crate::core::wire::CallStatus;
use crate::core::Event;
use crate::core::Millis;

/// The status line for a call.
pub fn status_text(lang: Lang, call: &Call) -> &'static str {
    match call.status {
        CallStatus::Dialing => t(lang, Key::Calling),
        CallStatus::Ringing => t(lang, Key::Ringing),
        CallStatus::Answering => t(lang, Key::Connecting),
        CallStatus::Connected if call.on_hold => t(lang, Key::OnHold),
        CallStatus::Connected => t(lang, Key::Connected),
    }
}

/// Props of [`CallPane`].
#[derive(Properties, Clone, PartialEq)]
pub struct CallPaneProps {
    /// This widget's element ids (from the root component).
    #[prop_or_default]
    pub ids: Ids,
    /// The foreground call.
    pub call: Call,
    /// A held call.
    pub held: Option<Call>,
    /// What may be done.
    pub controls: Controls,
    /// The shell's clock (ticks each second).
    pub now: Millis,
    /// End call gets focus when emergency mode starts.
    pub end_ref: NodeRef,
    /// Emergency styling.
    pub emergency: bool,
    /// The agent's actions.
    pub onevent: Callback<Event>,
    /// The language.
    pub lang: Lang,
}

/// The call pane.
#[component]
pub fn CallPane(props: &CallPaneProps) -> Html {
    let ids = props.ids.clone();
    let (lang, call, c) = (use_lang(props.lang), &props.call, props.controls);
    let dtmf_open = use_state(|| false);
    let sent = use_state(String::new);

    // Callbacks
    let emit = |event: Event| {
        let onevent = props.onevent.clone();
        Callback::from(move |_: MouseEvent| onevent.emit(event.clone()))
    };
    let ondigit = {
        let (onevent, sent) = (props.onevent.clone(), sent.clone());
        Callback::from(move |d: String| {
            sent.set(format!("{}{d}", *sent));
            onevent.emit(Event::SendDtmf(d));
        })
    };
    let ontoggle_dtmf = {
        let dtmf_open = dtmf_open.clone();
        move |_: MouseEvent| dtmf_open.set(!*dtmf_open)
    };
    let onkeydown = {
        let ondigit = ondigit.clone();
        move |e: KeyboardEvent| {
            let key = e.key();
            if key != "+" && is_dial_key(&key) && !e.ctrl_key() && !e.meta_key() && !e.alt_key() {
                e.prevent_default();
                ondigit.emit(key);
            }
        }
    };

    let timer = call
        .connected_at
        .map(|at| duration(props.now.saturating_sub(at)));
    let class = classes!("ad-call", props.emergency.then_some("ad-call-emergency"));
    html! {
        <section {class} data-test="call" aria-labelledby={ids.of("call-number")}>
            <div class="ad-call-head">
                <div class="ad-call-number" id={ids.of("call-number")} data-test="call-number">{ call.number.clone() }</div>
                <div class="ad-call-meta">
                    <span class="ad-call-status" data-test="call-status">{ status_text(lang, call) }</span>
                    if let Some(timer) = timer {
                        <span class="ad-call-timer" role="timer" data-test="call-timer"
                            aria-label={t(lang, Key::CallDuration)}>{ timer }</span>
                    }
                </div>
            </div>
            if let Some(held) = &props.held {
                <div class="ad-held" data-test="held-call">
                    <span class="ad-dot ad-dot-held" aria-hidden="true"></span>
                    { tf(lang, Key::HeldCall, &[&held.number]) }
                </div>
            }
            if c.mute || c.hold || c.dtmf {
                <div class="ad-call-actions">
                    if c.mute {
                        <button type="button" class="ad-button ad-toggle" data-test="mute"
                            aria-pressed={call.muted.to_string()}
                            onclick={emit(Event::SetMute(!call.muted))}>
                            { icon(if call.muted { Icon::MicOff } else { Icon::Mic }) }
                            { t(lang, Key::Mute) }
                        </button>
                    }
                    if c.hold {
                        <button type="button" class="ad-button ad-toggle" data-test="hold"
                            onclick={emit(Event::SetHold(!call.on_hold))}>
                            { icon(if call.on_hold { Icon::Play } else { Icon::Pause }) }
                            { t(lang, if call.on_hold { Key::Resume } else { Key::Hold }) }
                        </button>
                    }
                    if c.dtmf {
                        <button type="button" class="ad-button ad-toggle" data-test="dtmf-toggle"
                            aria-expanded={dtmf_open.to_string()} aria-controls={ids.of("dtmf")}
                            onclick={ontoggle_dtmf}>
                            { icon(Icon::Keypad) }
                            { t(lang, Key::Keypad) }
                        </button>
                    }
                </div>
            }
            if c.dtmf && *dtmf_open {
                <div id={ids.of("dtmf")} class="ad-dtmf" data-test="dtmf" onkeydown={onkeydown}>
                    <output class="ad-dtmf-sent" data-test="dtmf-sent" aria-live="off">{ (*sent).clone() }</output>
                    <Keypad onkey={ondigit} test_prefix="dtmf" label={t(lang, Key::Keypad)} />
                </div>
            }
            if c.end {
                <button type="button" ref={props.end_ref.clone()} class="ad-button ad-end" data-test="end-call"
                    onclick={emit(Event::HangUp)}>
                    { icon(Icon::PhoneEnd) }{ t(lang, Key::EndCall) }
                </button>
            }
        </section>
    }
}
