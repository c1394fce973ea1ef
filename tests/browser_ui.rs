//! Browser component tests of the UI: `agent_dialer::ui::Pane` mounted directly with view
//! models built by the real core (its `Dialer`), read back through the DOM by `data-test`.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use agent_dialer::core::config::{RawAgent, RawConfig, RawEmergency};
use agent_dialer::core::wire::CallEvent;
use agent_dialer::core::Binding;
use agent_dialer::core::{Config, Coords, Location, LocationStatus, ViewModel};
use agent_dialer::core::{Dialer, Event};
use agent_dialer::ui::i18n::{self, Lang, LOCALE_FILES};
use agent_dialer::ui::Pane;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Hands `event` to the dialer and lets it hand out every effect, like the driver (the
/// effects themselves are not run: there is no host here).
fn step(dialer: &mut Dialer, event: Event, at: u64) {
    dialer.handle(event, at);
    while dialer.poll_effect().is_some() {}
}

fn now() -> u64 {
    js_sys::Date::now() as u64
}

fn config(locale: Option<&str>, recipients: &str) -> Config {
    Config::from_raw(RawConfig {
        agent: RawAgent {
            id: "a1".into(),
            name: "Ann Agent".into(),
        },
        locale: locale.map(String::from),
        emergency: Some(RawEmergency {
            recipients: Some(recipients.into()),
            civic_address: Some("100 Main St, Floor 3".into()),
            ..RawEmergency::default()
        }),
        readiness: None,
        permissions: None,
    })
    .expect("test config should be valid")
}

/// A dialer in `region` (None: location unknown) after `events`.
fn dialer(locale: Option<&str>, region: Option<&str>, events: Vec<Event>) -> Dialer {
    let mut s = Dialer::new(config(locale, "safety@acme.example"), "tab-1", now());
    let t = now();
    step(
        &mut s,
        Event::Started {
            utc_offset_minutes: 0,
        },
        t,
    );
    if let Some(r) = region {
        step(
            &mut s,
            Event::LocationChanged(Location {
                status: LocationStatus::Granted,
                region: Some(r.into()),
                coords: Some(Coords {
                    latitude: 40.7484,
                    longitude: -73.9857,
                    accuracy_meters: 25.0,
                }),
                overridden: false,
                // Looked up: the accuracy circle lies within this region alone.
                nearby: vec![r.to_string()],
            }),
            t,
        );
    }
    step(&mut s, Event::PresenceObserved("available".into()), t);
    for e in events {
        step(&mut s, e, t);
    }
    s
}

struct Mounted {
    root: Element,
    pane: Pane,
    events: Rc<RefCell<Vec<Event>>>,
}

impl Mounted {
    fn update(&mut self, view: ViewModel) {
        self.pane.update(view);
    }
    fn q(&self, test: &str) -> Option<Element> {
        self.root
            .query_selector(&format!("[data-test=\"{test}\"]"))
            .unwrap()
    }
    fn text(&self, test: &str) -> String {
        self.q(test)
            .unwrap_or_else(|| panic!("[data-test={test}] should be rendered"))
            .text_content()
            .unwrap_or_default()
    }
    fn click(&self, test: &str) {
        self.q(test)
            .unwrap_or_else(|| panic!("[data-test={test}] should be rendered"))
            .unchecked_into::<HtmlElement>()
            .click();
    }
    fn buttons(&self) -> Vec<String> {
        let list = self
            .root
            .query_selector_all("button, input, select, textarea, a")
            .unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i))
            .map(|n| {
                n.unchecked_into::<Element>()
                    .get_attribute("data-test")
                    .unwrap_or_else(|| "?".into())
            })
            .collect()
    }
    fn events(&self) -> Vec<Event> {
        self.events.borrow().clone()
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

/// Lets the widget's JavaScript callbacks and timers run (the pane itself renders
/// synchronously).
async fn settle() {
    gloo_timers::future::sleep(std::time::Duration::from_millis(30)).await;
}

/// Waits until `ready` holds (2 s at most; then the caller's assertion says what is missing):
/// the browser's devices are read once the page is idle after mount.
async fn until(mut ready: impl FnMut() -> bool) {
    for _ in 0..100 {
        if ready() {
            return;
        }
        gloo_timers::future::sleep(std::time::Duration::from_millis(20)).await;
    }
}

async fn render(view: ViewModel) -> Mounted {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    root.set_class_name("agent-dialer");
    document.body().unwrap().append_child(&root).unwrap();
    let events = Rc::new(RefCell::new(Vec::new()));
    let onevent = {
        let events = events.clone();
        move |e: Event| events.borrow_mut().push(e)
    };
    let pane = Pane::mount(&root, view, 1, None, onevent);
    settle().await;
    Mounted { root, pane, events }
}

fn input(el: &Element, value: &str) {
    let input = el.clone().unchecked_into::<HtmlInputElement>();
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
}

fn connected(number: &str) -> Vec<Event> {
    vec![
        Event::Dial {
            dialed: number.into(),
        },
        Event::Call(CallEvent::Connected {
            call_id: "c1".into(),
        }),
    ]
}

#[wasm_bindgen_test]
async fn idle_offers_the_dial_pad_and_dials_what_was_typed() {
    let m = render(dialer(Some("en-US"), Some("US"), vec![]).view(now())).await;
    assert!(m.q("call-button").is_some());
    assert!(
        m.q("settings-toggle").is_none(),
        "no settings in the agent's pane without the host's permission"
    );
    assert!(
        m.text("readiness-badge").contains("issue") || m.text("readiness-badge").contains("ready")
    );
    for k in ["key-5", "key-5", "key-1", "key-*"] {
        m.click(k);
        settle().await;
    }
    let field = m.q("number").unwrap().unchecked_into::<HtmlInputElement>();
    assert_eq!(field.value(), "551*");
    m.click("backspace");
    settle().await;
    assert_eq!(field.value(), "551");
    m.click("call-button");
    assert_eq!(
        m.events(),
        vec![Event::Dial {
            dialed: "551".into()
        }]
    );
    assert_eq!(m.text("key-2"), "2 ABC", "keys show their letters");
}

#[wasm_bindgen_test]
async fn a_refused_dial_keeps_the_text_and_points_at_the_field() {
    let mut m = render(dialer(None, Some("US"), vec![]).view(now())).await;
    input(&m.q("number").unwrap(), "555 12$4");
    settle().await;
    let refused = dialer(
        None,
        Some("US"),
        vec![Event::Dial {
            dialed: "555 12$4".into(),
        }],
    );
    m.update(refused.view(now()));
    settle().await;
    let field = m.q("number").unwrap();
    assert_eq!(
        field.clone().unchecked_into::<HtmlInputElement>().value(),
        "555 12$4"
    );
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        field.get_attribute("aria-describedby").as_deref(),
        Some("ad1-number-error")
    );
    let error = m
        .root
        .query_selector("#ad1-number-error")
        .unwrap()
        .expect("error next to the field");
    assert!(!error.text_content().unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn dialing_shows_the_call_and_announces_it() {
    let s = dialer(
        Some("en-US"),
        Some("US"),
        vec![Event::Dial {
            dialed: "5551234567".into(),
        }],
    );
    let m = render(s.view(now())).await;
    assert_eq!(m.text("call-status"), "Calling…");
    assert!(m.text("call-number").contains("5551234567"));
    assert!(m.q("end-call").is_some());
    assert!(m.q("call-button").is_none(), "no dial pad during a call");
    assert!(m.text("announcer").contains("Calling 5551234567"));
}

#[wasm_bindgen_test]
async fn in_call_offers_timer_mute_hold_dtmf_and_end() {
    let mut m = render(dialer(None, Some("US"), connected("5551234567")).view(now())).await;
    assert_eq!(m.text("call-status"), "Connected");
    assert!(m.q("call-timer").is_some());
    assert_eq!(
        m.q("mute")
            .unwrap()
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    m.click("mute");
    m.click("hold");
    m.click("dtmf-toggle");
    settle().await;
    m.click("dtmf-5");
    m.click("dtmf-#");
    m.click("end-call");
    assert_eq!(
        m.events(),
        vec![
            Event::SetMute(true),
            Event::SetHold(true),
            Event::SendDtmf("5".into()),
            Event::SendDtmf("#".into()),
            Event::HangUp
        ]
    );
    assert!(m.text("announcer").contains("Connected"));
    m.update(dialer(None, Some("US"), vec![]).view(now()));
    settle().await;
    assert_eq!(m.text("announcer"), "Call ended");
}

#[wasm_bindgen_test]
async fn a_held_call_is_shown_with_its_number_under_the_current_one() {
    let view = dialer(None, Some("US"), connected("5550100")).view(now());
    let with_held = |number: &str| {
        let mut v = view.clone();
        let mut held = v.call.clone().expect("a call in progress");
        held.number = number.into();
        v.held = Some(held);
        v
    };
    let mut m = render(with_held("5550199")).await;
    assert_eq!(m.text("held-call"), "On hold: 5550199");
    let dot = m
        .root
        .query_selector("[data-test=held-call] .ad-dot.ad-dot-held")
        .unwrap()
        .expect("the held call's dot");
    assert_eq!(dot.get_attribute("aria-hidden").as_deref(), Some("true"));
    m.update(with_held("5550142"));
    assert_eq!(m.text("held-call"), "On hold: 5550142");
    m.update(view.clone());
    assert!(m.q("held-call").is_none(), "gone with the held call");
}

#[wasm_bindgen_test]
async fn incoming_shows_the_caller_with_answer_and_decline() {
    let s = dialer(
        None,
        Some("US"),
        vec![Event::Call(CallEvent::Incoming {
            call_id: "in1".into(),
            from: "+15557654321".into(),
            to: "+15550000000".into(),
        })],
    );
    let m = render(s.view(now())).await;
    assert_eq!(
        m.text("incoming"),
        "Incoming call+15557654321AnswerDecline",
        "title and caller (announced), then the two buttons"
    );
    assert!(m
        .root
        .query_selector("[data-test=incoming] [role=alert] [data-test=incoming-from]")
        .unwrap()
        .is_some());
    m.click("answer");
    m.click("decline");
    assert_eq!(m.events(), vec![Event::Answer, Event::Decline]);
}

#[wasm_bindgen_test]
async fn emergency_mode_offers_only_end_call_and_devices_and_focuses_end_call() {
    let mut m = render(dialer(Some("en-US"), Some("US"), vec![]).view(now())).await;
    m.update(
        dialer(
            Some("en-US"),
            Some("US"),
            vec![Event::Dial {
                dialed: "911".into(),
            }],
        )
        .view(now()),
    );
    settle().await;
    assert!(m
        .text("emergency-banner")
        .contains("Emergency call in progress"));
    assert!(m
        .root
        .query_selector("[data-test=emergency-banner] [role=alert]")
        .unwrap()
        .is_some());
    assert_eq!(m.text("emergency-number"), "911");
    let location = m.text("emergency-location");
    assert!(
        location.contains("100 Main St")
            && location.contains("40.74840")
            && location.contains("± 25 m"),
        "{location}"
    );
    assert!(
        m.text("notification-status").contains("Sending"),
        "{}",
        m.text("notification-status")
    );
    assert_eq!(
        m.buttons(),
        vec!["end-call", "devices-toggle"],
        "E5: nothing else is reachable"
    );
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(
        active.get_attribute("data-test").as_deref(),
        Some("end-call")
    );
}

#[wasm_bindgen_test]
async fn emergency_without_location_tells_the_agent_to_say_where_they_are() {
    let s = dialer(
        None,
        None,
        vec![Event::Dial {
            dialed: "911".into(),
        }],
    );
    let m = render(s.view(now())).await;
    assert!(m
        .text("emergency-warning")
        .contains("Location unknown — tell the dispatcher where you are"));
}

#[wasm_bindgen_test]
async fn emergency_with_only_a_region_names_it_standing_alone() {
    // A region without a position (an override, say): the banner names it on a line of its
    // own, its first letter upper-cased by the browser ("the United States" in a sentence).
    let mut s = dialer(None, None, vec![]);
    step(
        &mut s,
        Event::LocationChanged(Location {
            status: LocationStatus::Granted,
            region: Some("US".into()),
            coords: None,
            overridden: true,
            nearby: vec!["US".into()],
        }),
        now(),
    );
    step(
        &mut s,
        Event::Dial {
            dialed: "911".into(),
        },
        now(),
    );
    let m = render(s.view(now())).await;
    let lines = m
        .root
        .query_selector_all("[data-test=emergency-location] .ad-line")
        .unwrap();
    let lines: Vec<String> = (0..lines.length())
        .filter_map(|i| lines.item(i)?.text_content())
        .collect();
    assert_eq!(lines, ["100 Main St, Floor 3", "The United States"]);
}

#[wasm_bindgen_test]
async fn unsupported_region_is_a_clear_dismissable_alert() {
    let s = dialer(
        Some("en-US"),
        Some("DE"),
        vec![Event::Dial {
            dialed: "112".into(),
        }],
    );
    let m = render(s.view(now())).await;
    // The number comes from the region's metadata (B1): "112" once the engine knows DE.
    let notice = m.text("notice");
    assert!(
        notice.starts_with(
            "Emergency calls can't be placed from this dialer in Germany. Use another phone and dial "
        ),
        "{notice}"
    );
    assert!(m
        .root
        .query_selector("[data-test=notice-area] [role=alert]")
        .unwrap()
        .is_some());
    m.click("dismiss");
    assert_eq!(m.events(), vec![Event::DismissNotice]);
}

#[wasm_bindgen_test]
async fn readiness_expands_to_each_check() {
    let m = render(dialer(Some("en-US"), None, vec![]).view(now())).await;
    let toggle = m.q("readiness-toggle").unwrap();
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    m.click("readiness-toggle");
    settle().await;
    assert_eq!(
        m.q("readiness-toggle")
            .unwrap()
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("true")
    );
    assert!(m.text("check-location").contains("allow location"));
    // What a screen reader hears before each part (visually hidden): the badge's title, each
    // check's state.
    let hidden = |selector: &str| {
        m.root
            .query_selector(selector)
            .unwrap()
            .and_then(|e| e.text_content())
    };
    assert_eq!(
        hidden("[data-test=readiness-toggle] .ad-visually-hidden").as_deref(),
        Some("Emergency calling: ")
    );
    assert_eq!(
        hidden("[data-test=check-location] .ad-visually-hidden").as_deref(),
        Some("Action needed: ")
    );
    assert_eq!(
        m.text("contacts-readonly"),
        "Emailed about your emergency calls: safety@acme.example",
        "who is told, read-only"
    );
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function fakeDevices(list) {
  Object.defineProperty(navigator.mediaDevices, 'enumerateDevices', {
    configurable: true,
    value: () => Promise.resolve(list),
  });
}
export function realDevices() { delete navigator.mediaDevices.enumerateDevices; }
")]
extern "C" {
    #[wasm_bindgen(js_name = fakeDevices)]
    fn fake_devices(list: wasm_bindgen::JsValue);
    #[wasm_bindgen(js_name = realDevices)]
    fn real_devices();
}

/// The `<option>` texts of the select `test`.
fn options(m: &Mounted, test: &str) -> Vec<String> {
    let list = m
        .q(test)
        .unwrap_or_else(|| panic!("[data-test={test}] should be rendered"))
        .query_selector_all("option")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|o| o.text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn audio_devices_lists_the_browsers_microphones_and_speakers() {
    let list = js_sys::JSON::parse(
        r#"[
          {"kind": "audioinput", "deviceId": "default", "label": "Default - Desk mic"},
          {"kind": "audioinput", "deviceId": "mic-1", "label": "Desk mic"},
          {"kind": "audioinput", "deviceId": "", "label": ""},
          {"kind": "audiooutput", "deviceId": "communications", "label": "Comms"},
          {"kind": "audiooutput", "deviceId": "spk-1", "label": ""},
          {"kind": "videoinput", "deviceId": "cam-1", "label": "Camera"}
        ]"#,
    )
    .unwrap();
    fake_devices(list);
    let m = render(dialer(Some("en-US"), Some("US"), vec![]).view(now())).await;
    m.click("devices-toggle");
    until(|| options(&m, "speaker").len() == 2).await;
    real_devices();
    assert_eq!(
        options(&m, "microphone"),
        ["System default", "Desk mic"],
        "hidden ids, aliases and other kinds are left out"
    );
    assert_eq!(
        options(&m, "speaker"),
        ["System default", "Speaker 1"],
        "a device without a name is numbered"
    );
    assert!(m.q("devices-hint").is_some(), "a nameless device: the hint");
    let select = m.q("speaker").unwrap();
    select
        .clone()
        .unchecked_into::<web_sys::HtmlSelectElement>()
        .set_value("spk-1");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    assert!(
        m.events().contains(&Event::SelectAudioDevices {
            input: None,
            output: Some("spk-1".into())
        }),
        "the choice goes to the core: {:?}",
        m.events()
    );
    // The choice was stored for the next mount: not for the other tests.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("agent-dialer.audio-output").unwrap();
}

#[wasm_bindgen_test]
async fn a_device_plugged_in_after_mount_is_listed() {
    let mics = |json: &str| js_sys::JSON::parse(json).unwrap();
    fake_devices(mics(
        r#"[{"kind": "audioinput", "deviceId": "mic-1", "label": "Desk mic"}]"#,
    ));
    let m = render(dialer(Some("en-US"), Some("US"), vec![]).view(now())).await;
    m.click("devices-toggle");
    until(|| options(&m, "microphone").len() == 2).await;
    // The browser's devices were read after mount, and `devicechange` is listened to since.
    fake_devices(mics(
        r#"[{"kind": "audioinput", "deviceId": "mic-1", "label": "Desk mic"},
            {"kind": "audioinput", "deviceId": "mic-2", "label": "Headset"}]"#,
    ));
    let media: web_sys::EventTarget = web_sys::window()
        .unwrap()
        .navigator()
        .media_devices()
        .unwrap()
        .into();
    media
        .dispatch_event(&web_sys::Event::new("devicechange").unwrap())
        .unwrap();
    until(|| options(&m, "microphone").len() == 3).await;
    real_devices();
    assert_eq!(
        options(&m, "microphone"),
        ["System default", "Desk mic", "Headset"],
        "the headset plugged in after mount is offered"
    );
}

/// Takes up the shipped locale files, as the fetched ones are (`JSON.parse`d).
fn install_locales() {
    for (lang, file) in LOCALE_FILES {
        i18n::install(lang, &js_sys::JSON::parse(file).unwrap()).unwrap();
    }
}

#[wasm_bindgen_test]
async fn every_locale_renders_translated_text() {
    // Danish before its locale file is here (the test server has none): English — also for
    // `lang=` — and why is reported; the pane works meanwhile. Taken up, every part of the pane
    // already shown turns Danish, and what was typed stays.
    let m = render(dialer(Some("da-DK"), Some("US"), vec![]).view(now())).await;
    assert_eq!(
        m.text("call-button"),
        "Call",
        "English until the Danish file is here"
    );
    assert_eq!(
        m.q("dialer").unwrap().get_attribute("lang").as_deref(),
        Some("en-US")
    );
    input(&m.q("number").unwrap(), "555 0100");
    for _ in 0..100 {
        if !m.events.borrow().is_empty() {
            break;
        }
        settle().await;
    }
    assert!(
        m.events.borrow().iter().any(|e| matches!(e,
            Event::BindingFailed { binding: Binding::Translations, message } if message.contains("da-DK"))),
        "the failed fetch is reported: {:?}",
        m.events.borrow()
    );
    assert!(!i18n::ready(Lang::DaDk));
    install_locales();
    settle().await;
    assert_eq!(m.text("call-button"), "Ring op");
    // Components below the pane, whose props did not change, too.
    assert_eq!(
        m.q("backspace")
            .unwrap()
            .get_attribute("aria-label")
            .as_deref(),
        Some("Slet sidste ciffer")
    );
    let badge = m.text("readiness-badge");
    assert!(
        badge.contains("klar") || badge.contains("problem"),
        "{badge}"
    );
    assert_eq!(
        m.q("dialer").unwrap().get_attribute("lang").as_deref(),
        Some("da-DK")
    );
    assert_eq!(
        m.q("number")
            .unwrap()
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "555 0100",
        "what was typed stays"
    );
    drop(m);
    for (locale, call, emergency) in [
        ("en-US", "Call", "Emergency call in progress"),
        ("en-GB", "Call", "Emergency call in progress"),
        ("da-DK", "Ring op", "Nødopkald i gang"),
        ("fr-CA", "Appeler", "Appel d'urgence en cours"),
        ("es-PR", "Llamar", "Llamada de emergencia en curso"),
        ("de-DE", "Anrufen", "Notruf läuft"),
    ] {
        let m = render(dialer(Some(locale), Some("US"), vec![]).view(now())).await;
        assert_eq!(m.text("call-button"), call, "{locale}");
        assert_eq!(
            m.q("dialer").unwrap().get_attribute("lang").as_deref(),
            Some(locale)
        );
        drop(m);
        let m = render(
            dialer(
                Some(locale),
                Some("US"),
                vec![Event::Dial {
                    dialed: "911".into(),
                }],
            )
            .view(now()),
        )
        .await;
        assert!(m.text("emergency-banner").contains(emergency), "{locale}");
        drop(m);
        let m = render(
            dialer(
                Some(locale),
                Some("DE"),
                vec![Event::Dial {
                    dialed: "112".into(),
                }],
            )
            .view(now()),
        )
        .await;
        let germany = [
            "Germany",
            "Germany",
            "Tyskland",
            "Allemagne",
            "Alemania",
            "Deutschland",
        ];
        assert!(
            germany.iter().any(|g| m.text("notice").contains(g)),
            "{locale}"
        );
    }
}
