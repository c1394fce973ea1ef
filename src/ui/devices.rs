//! Audio device settings: the browser's real microphones and speakers
//! (`navigator.mediaDevices.enumerateDevices()`), the choice kept in localStorage and offered
//! to the host through `Event::SelectAudioDevices` (optional binding `calling.setAudioDevices`).
//! Without microphone permission the browser hides the devices: "System default" is offered.

use gloo_events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element, Node};

use super::app::{Cx, Msg};
use super::dom::{
    add, add_icon, bool_str, button, make, media_devices, set_attr, set_attrs, set_text, Keyed,
    Part, Sender, Slot,
};
use super::i18n::{settle, t, Key, Lang};
use super::icons::Icon;
use super::ids::Ids;

pub(crate) const INPUT_KEY: &str = "agent-dialer.audio-input";
pub(crate) const OUTPUT_KEY: &str = "agent-dialer.audio-output";

/// One device the browser reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Device {
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

pub(crate) fn store(key: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        // Full or blocked storage only loses the preference, never the call.
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/src/ui/locale.js")]
extern "C" {
    #[wasm_bindgen(js_name = audioDevices)]
    fn audio_devices() -> js_sys::Promise;
}

/// The browser's audio devices (read in locale.js: no web-sys device types in the wasm), as
/// `audioDevices()` resolved; none when it rejected.
fn devices(list: Result<JsValue, JsValue>) -> Vec<Device> {
    let Ok(list) = list else {
        return Vec::new();
    };
    let list = js_sys::Array::from(&list);
    let at = |i: u32| list.get(i).as_string().unwrap_or_default();
    (0..list.length() / 3)
        .map(|d| Device {
            input: !at(3 * d).is_empty(),
            id: at(3 * d + 1),
            label: at(3 * d + 2),
        })
        .collect()
}

/// What a select offers: which device list (a count of the lists read), the current choice,
/// in which strings.
type Options = (u32, String, Lang, u32);

/// One device select (microphone or speaker).
struct Select {
    label: Node,
    /// Microphones (else speakers).
    input: bool,
    options: Keyed<Options>,
    _listener: EventListener,
}

impl Select {
    fn add(
        doc: &Document,
        parent: &Node,
        ids: &Ids,
        tx: &Sender<Msg>,
        input: bool,
        id: &str,
    ) -> Select {
        let el = add(doc, parent, "div", "ad-field", &[]);
        let label = add(doc, &el, "label", "ad-label", &[]);
        ids.set(&label, "for", id);
        let label = label.into();
        let select = add(doc, &el, "select", "", &[("data-test", id)]);
        ids.set(&select, "id", id);
        let listener = tx.on(&select, "change", move |e| {
            let value = super::dom::value(super::dom::target(e).unchecked_ref());
            let value = (!value.is_empty()).then_some(value);
            Some(Msg::Choose { input, value })
        });
        Select {
            label,
            input,
            options: Keyed::new(select),
            _listener: listener,
        }
    }

    fn update(&mut self, doc: &Document, label: &str, devices: &[Device], options: Options) {
        set_text(&self.label, label);
        let input = self.input;
        self.options.set(options, |select, (_, current, lang, _)| {
            let option = |value: &str, text: &str| {
                let o = add(doc, select, "option", "", &[("value", value)]);
                if value == current {
                    set_attrs(&o, &[("selected", "")]);
                }
                set_text(&o, text);
            };
            option("", t(*lang, Key::SystemDefault));
            for (n, d) in devices.iter().filter(|d| d.input == input).enumerate() {
                if d.label.is_empty() {
                    option(&d.id, &format!("{label} {}", n + 1));
                } else {
                    option(&d.id, &d.label);
                }
            }
        });
    }
}

/// The open panel.
struct Panel {
    el: Element,
    mic: Select,
    speaker: Select,
    hint: Slot<Element>,
}

impl Part for Panel {
    fn root(&self) -> &Element {
        &self.el
    }
}

/// The "Audio devices" disclosure. Reads the browser's devices when made and whenever they
/// change, and offers the stored choice.
pub struct Devices {
    el: Element,
    toggle: Element,
    text: Node,
    panel: Slot<Panel>,
    /// The panel is open.
    pub open: bool,
    /// The browser's devices.
    devices: Vec<Device>,
    /// How many device lists were read (the selects are rebuilt for a new one).
    listed: u32,
    /// Until the first list arrives: where the `devicechange` listener will send.
    watch: Option<Sender<Msg>>,
    _listeners: Vec<EventListener>,
}

/// Reads the devices and sends them to the pane.
fn load(tx: &Sender<Msg>) {
    let tx = tx.clone();
    settle(
        &audio_devices(),
        Box::new(move |list| tx.send(Msg::Devices(devices(list)))),
    );
}

impl Devices {
    /// The disclosure (not yet in the document).
    pub fn new(doc: &Document, ids: &Ids, tx: &Sender<Msg>) -> Devices {
        let el = make(doc, "div", "ad-devices", &[]);
        let toggle = button(doc, &el, "ad-disclosure", "devices-toggle");
        ids.set(&toggle, "aria-controls", "devices-panel");
        add_icon(doc, &toggle, Icon::Headphones);
        let text = add(doc, &toggle, "span", "", &[]).into();
        add_icon(doc, &toggle, Icon::Chevron);
        let panel = Slot::add(&el);
        let listeners = vec![tx.click(&toggle, || Msg::ToggleDevices)];
        // After mount: the stored choice (a microtask), then the browser's devices (once the
        // page is idle, locale.js `audioDevices`), and with them the `devicechange` listener
        // (`list`: its first registration costs ~0.4 ms, kept out of the first frame, issue
        // 16); none of it for the warm-up's pane, which is never shown.
        let watch = (!ids.off_document()).then(|| {
            let wanted = (stored(INPUT_KEY), stored(OUTPUT_KEY));
            let restore = tx.clone();
            settle(
                &JsValue::UNDEFINED,
                Box::new(move |_| restore.send(Msg::Restore(wanted))),
            );
            load(tx);
            tx.clone()
        });
        Devices {
            el,
            toggle,
            text,
            panel,
            open: false,
            devices: Vec::new(),
            listed: 0,
            watch,
            _listeners: listeners,
        }
    }

    /// Takes up the browser's devices, as read. With the first list, starts listening to
    /// `devicechange` and reads the devices once more: a change between the first read and
    /// the listener is not missed.
    pub fn list(&mut self, devices: Vec<Device>) {
        self.devices = devices;
        self.listed = self.listed.wrapping_add(1);
        if let (Some(tx), Some(media)) = (self.watch.take(), media_devices()) {
            load(&tx);
            self._listeners
                .push(EventListener::new(&media, "devicechange", move |_| {
                    load(&tx)
                }));
        }
    }

    /// Shows the choice `selected` (microphone, speaker).
    pub fn update(&mut self, cx: &Cx, selected: &(Option<String>, Option<String>)) {
        let (doc, ids, tx, lang, strings) = (cx.doc, cx.ids, cx.tx, cx.lang, cx.strings);
        set_attr(&self.toggle, "aria-expanded", Some(bool_str(self.open)));
        set_text(&self.text, t(lang, Key::AudioDevices));
        let (devices, listed) = (&self.devices, self.listed);
        self.panel.set(
            self.open,
            || {
                let el = make(doc, "div", "ad-devices-panel", &[("data-test", "devices")]);
                ids.set(&el, "id", "devices-panel");
                Panel {
                    mic: Select::add(doc, &el, ids, tx, true, "microphone"),
                    speaker: Select::add(doc, &el, ids, tx, false, "speaker"),
                    hint: Slot::add(&el),
                    el,
                }
            },
            |p| {
                let current = |c: &Option<String>| c.clone().unwrap_or_default();
                p.mic.update(
                    doc,
                    t(lang, Key::Microphone),
                    devices,
                    (listed, current(&selected.0), lang, strings),
                );
                p.speaker.update(
                    doc,
                    t(lang, Key::Speaker),
                    devices,
                    (listed, current(&selected.1), lang, strings),
                );
                let nameless = devices.iter().any(|d| d.label.is_empty()) || devices.is_empty();
                p.hint.set(
                    nameless,
                    || make(doc, "p", "ad-help", &[("data-test", "devices-hint")]),
                    |h| set_text(h, t(lang, Key::DevicesHint)),
                );
            },
        );
    }
}

impl Part for Devices {
    fn root(&self) -> &Element {
        &self.el
    }
}
