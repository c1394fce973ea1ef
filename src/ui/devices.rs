//! Audio device settings: the browser's real microphones and speakers
//! (`navigator.mediaDevices.enumerateDevices()`), the choice kept in localStorage and offered
//! to the host through `Event::SelectAudioDevices` (optional binding `calling.setAudioDevices`).
//! Without microphone permission the browser hides the devices: "System default" is offered.

use std::rc::Rc;

use gloo_events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{HtmlSelectElement, MediaDeviceInfo, MediaDeviceKind};
use yew::prelude::*;

use super::i18n::{t, use_lang, Key, Lang};
use super::icons::{icon, Icon};
use super::ids::Ids;
use crate::core::Event;

const INPUT_KEY: &str = "agent-dialer.audio-input";
const OUTPUT_KEY: &str = "agent-dialer.audio-output";

/// One device the browser reports.
#[derive(Clone, Debug, PartialEq)]
struct Device {
    input: bool,
    id: String,
    label: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn stored(key: &str) -> Option<String> {
    storage()?
        .get_item(key)
        .ok()
        .flatten()
        .filter(|v| !v.is_empty())
}

fn store(key: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        // Full or blocked storage only loses the preference, never the call.
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

async fn enumerate() -> Vec<Device> {
    let Some(media) = web_sys::window().and_then(|w| w.navigator().media_devices().ok()) else {
        return Vec::new();
    };
    let Ok(promise) = media.enumerate_devices() else {
        return Vec::new();
    };
    let Ok(list) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Vec::new();
    };
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|d| d.dyn_into::<MediaDeviceInfo>().ok())
        .filter_map(|d| {
            let input = match d.kind() {
                MediaDeviceKind::Audioinput => true,
                MediaDeviceKind::Audiooutput => false,
                _ => return None,
            };
            // Without permission ids are empty; "default"/"communications" duplicate a device.
            let id = d.device_id();
            (!id.is_empty() && id != "default" && id != "communications").then(|| Device {
                input,
                id,
                label: d.label(),
            })
        })
        .collect()
}

/// Props of [`Devices`].
#[derive(Properties, Clone, PartialEq)]
pub struct DevicesProps {
    /// This widget's element ids (from the root component).
    #[prop_or_default]
    pub ids: Ids,
    /// The current choice (microphone, speaker); `None` = system default.
    pub selected: (Option<String>, Option<String>),
    /// The agent's actions.
    pub onevent: Callback<Event>,
    /// The language.
    pub lang: Lang,
}

/// The "Audio devices" disclosure.
#[component]
pub fn Devices(props: &DevicesProps) -> Html {
    let ids = props.ids.clone();
    let lang = use_lang(props.lang);
    let open = use_state(|| false);
    let devices = use_state(Vec::<Device>::new);

    // Effect: read the browser's devices now and whenever they change; offer the stored choice.
    {
        let (devices, onevent, selected) = (
            devices.clone(),
            props.onevent.clone(),
            props.selected.clone(),
        );
        use_effect_with((), move |_| {
            let load = Rc::new(move || {
                let devices = devices.clone();
                wasm_bindgen_futures::spawn_local(async move { devices.set(enumerate().await) });
            });
            load();
            let listener = web_sys::window()
                .and_then(|w| w.navigator().media_devices().ok())
                .map(|media| {
                    let load = load.clone();
                    EventListener::new(&media, "devicechange", move |_| load())
                });
            let wanted = (stored(INPUT_KEY), stored(OUTPUT_KEY));
            if wanted != selected {
                onevent.emit(Event::SelectAudioDevices {
                    input: wanted.0,
                    output: wanted.1,
                });
            }
            // Dropping the listener removes it.
            move || drop(listener)
        });
    }

    // Callbacks
    let ontoggle = {
        let open = open.clone();
        move |_: MouseEvent| open.set(!*open)
    };
    let choose = |input: bool| {
        let (onevent, selected) = (props.onevent.clone(), props.selected.clone());
        move |e: Event2| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            let value = (!value.is_empty()).then_some(value);
            let (mut i, mut o) = selected.clone();
            if input {
                store(INPUT_KEY, value.as_deref());
                i = value;
            } else {
                store(OUTPUT_KEY, value.as_deref());
                o = value;
            }
            onevent.emit(Event::SelectAudioDevices {
                input: i,
                output: o,
            });
        }
    };

    let nameless = devices.iter().any(|d| d.label.is_empty()) || devices.is_empty();
    let select = |input: bool, id: &'static str, label: Key| {
        let current = if input {
            props.selected.0.clone()
        } else {
            props.selected.1.clone()
        }
        .unwrap_or_default();
        let mut n = 0;
        html! {
            <div class="ad-field">
                <label class="ad-label" for={ids.of(id)}>{ t(lang, label) }</label>
                <select id={ids.of(id)} data-test={id} onchange={choose(input)}>
                    <option value="" selected={current.is_empty()}>{ t(lang, Key::SystemDefault) }</option>
                    { for devices.iter().filter(|d| d.input == input).map(|d| {
                        n += 1;
                        let name = if d.label.is_empty() { format!("{} {n}", t(lang, label)) } else { d.label.clone() };
                        html! { <option value={d.id.clone()} selected={d.id == current}>{ name }</option> }
                    }) }
                </select>
            </div>
        }
    };
    html! {
        <div class="ad-devices">
            <button type="button" class="ad-disclosure" data-test="devices-toggle"
                aria-expanded={open.to_string()} aria-controls={ids.of("devices-panel")} onclick={ontoggle}>
                { icon(Icon::Headphones) }<span>{ t(lang, Key::AudioDevices) }</span>{ icon(Icon::Chevron) }
            </button>
            if *open {
                <div id={ids.of("devices-panel")} class="ad-devices-panel" data-test="devices">
                    { select(true, "microphone", Key::Microphone) }
                    { select(false, "speaker", Key::Speaker) }
                    if nameless {
                        <p class="ad-help" data-test="devices-hint">{ t(lang, Key::DevicesHint) }</p>
                    }
                </div>
            }
        </div>
    }
}

type Event2 = web_sys::Event;
