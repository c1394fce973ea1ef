//! Browser tests of `mount` and the first dialer: a fake host (plain JS object) records every
//! binding call; the widget is mounted into the runner's page and read back by `data-test`.
#![cfg(target_arch = "wasm32")]

use agent_dialer::mount;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
export function fakeHost() {
  const calls = [];
  const listeners = [];
  return {
    calls,
    emit(e) { for (const l of listeners) l(e); },
    presence: { get() { calls.push(["presence.get"]); return "available"; },
                set(s) { calls.push(["presence.set", s]); } },
    calling: {
      dial(r) { calls.push(["calling.dial", r]); return { callId: "c1" }; },
      hangUp(id) { calls.push(["calling.hangUp", id]); },
      answer(id) { calls.push(["calling.answer", id]); },
      subscribe(l) { listeners.push(l); return () => listeners.splice(listeners.indexOf(l), 1); },
    },
    activity: { record(e) { calls.push(["activity.record", e]); } },
  };
}
export function callNames(host) { return host.calls.map((c) => c[0]).join(","); }
export function dialRequest(host) { const c = host.calls.find((c) => c[0] === "calling.dial"); return c ? c[1] : null; }
export function listenerCount(host) { let n = 0; host.calling.subscribe(() => {})(); return n; }
export function mountPoint() { const el = document.createElement("div"); document.body.append(el); return el; }
export function config(extra) { return Object.assign({ agent: { id: "a1", name: "Ann" },
  emergency: { locationOverride: { region: "US" } } }, extra || {}); }
export function click(root, sel) { root.querySelector(`[data-test=${sel}]`).click(); }
export function typeNumber(root, value) {
  const input = root.querySelector("[data-test=number]");
  input.value = value;
  input.dispatchEvent(new InputEvent("input", { bubbles: true }));
}
export function text(root, sel) { const el = root.querySelector(`[data-test=${sel}]`); return el ? el.textContent : null; }
"#)]
extern "C" {
    fn fakeHost() -> JsValue;
    fn callNames(host: &JsValue) -> String;
    fn dialRequest(host: &JsValue) -> JsValue;
    fn mountPoint() -> web_sys::Element;
    fn config(extra: &JsValue) -> JsValue;
    fn click(root: &web_sys::Element, sel: &str);
    fn typeNumber(root: &web_sys::Element, value: &str);
    fn text(root: &web_sys::Element, sel: &str) -> Option<String>;
}

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &key.into()).unwrap()
}

fn field(v: &JsValue, key: &str) -> JsValue {
    assert!(v.is_object(), "{key} of {v:?}");
    get(v, key)
}

async fn settle() {
    gloo_timers::future::sleep(std::time::Duration::from_millis(20)).await;
}

#[wasm_bindgen_test]
async fn renders_a_dialer_and_calls_the_host_synchronously() {
    let host = fakeHost();
    let el = mountPoint();
    let dialer =
        mount(el.clone().into(), host.clone(), config(&JsValue::UNDEFINED)).expect("mount");
    settle().await;
    assert!(
        el.query_selector("[data-test=call-button]")
            .unwrap()
            .is_some(),
        "Call button rendered"
    );

    typeNumber(&el, "+1 (555) 010-9999");
    settle().await;
    click(&el, "call-button");
    // No await between the click and this check: calling.dial ran inside the click handler.
    let request = dialRequest(&host);
    assert_eq!(
        get(&request, "number").as_string().as_deref(),
        Some("+15550109999")
    );
    assert_eq!(get(&request, "emergency").as_bool(), Some(false));
    settle().await;
    assert!(text(&el, "call-number").unwrap().contains("+15550109999"));
    dialer.unmount();
    assert_eq!(el.child_element_count(), 0, "unmount removes the widget");
}

#[wasm_bindgen_test]
async fn an_emergency_dial_reaches_the_host_before_anything_else() {
    let host = fakeHost();
    let el = mountPoint();
    let dialer = mount(el.clone().into(), host.clone(), config(&JsValue::UNDEFINED)).unwrap();
    settle().await;
    dialer.dial("9-1-1".into()).unwrap();
    let names = callNames(&host);
    let after_get = names
        .split(',')
        .filter(|n| *n != "presence.get")
        .collect::<Vec<_>>();
    assert_eq!(after_get.first(), Some(&"calling.dial"), "{names}");
    assert!(after_get.contains(&"presence.set"), "{names}");
    let request = dialRequest(&host);
    assert_eq!(get(&request, "number").as_string().as_deref(), Some("911"));
    assert_eq!(get(&request, "record").as_bool(), Some(false));
    settle().await;
    assert!(el
        .query_selector("[data-test=emergency-banner]")
        .unwrap()
        .is_some());
    assert!(
        el.query_selector("[data-test=call-button]")
            .unwrap()
            .is_none(),
        "E5: no dial pad"
    );
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn a_whole_number_is_dialled_as_its_digits_and_other_numbers_are_refused() {
    // Agents of their own: an emergency episode another test left live is not theirs.
    let agent = |id: &str| {
        let extra = js_sys::JSON::parse(&format!(r#"{{"agent":{{"id":"{id}","name":"N"}}}}"#));
        config(&extra.unwrap())
    };
    let host = fakeHost();
    let dialer = mount(mountPoint().into(), host.clone(), agent("numeric")).unwrap();
    settle().await;
    for bad in [9.5, -1.0, f64::NAN, 1e15] {
        let e: JsValue = dialer.dial(JsValue::from_f64(bad)).unwrap_err().into();
        let message = field(&e, "message").as_string().unwrap();
        assert!(
            message.contains("as a string, not number"),
            "{bad}: {message}"
        );
    }
    assert!(dialRequest(&host).is_null(), "nothing was dialled");
    // The largest whole number taken: every digit kept (no float rounding or exponent).
    dialer
        .dial(JsValue::from_f64(555_123_456_789_012.0))
        .unwrap();
    let request = dialRequest(&host);
    assert_eq!(
        field(&request, "dialed").as_string().as_deref(),
        Some("555123456789012")
    );
    dialer.unmount();

    // `dial(911)` from a host that passes a number: the digits, and an emergency call.
    let host = fakeHost();
    let dialer = mount(mountPoint().into(), host.clone(), agent("numeric-911")).unwrap();
    settle().await;
    dialer.dial(JsValue::from_f64(911.0)).unwrap();
    let request = dialRequest(&host);
    assert_eq!(
        field(&request, "number").as_string().as_deref(),
        Some("911")
    );
    assert_eq!(field(&request, "emergency").as_bool(), Some(true));
    dialer.unmount();
}

#[wasm_bindgen_test]
fn malformed_arguments_throw_errors_that_name_the_problem() {
    let el: JsValue = mountPoint().into();
    let host = fakeHost();
    let message = |r: Result<agent_dialer::DialerHandle, JsError>| {
        let e: JsValue = r.err().expect("should fail").into();
        get(&e, "message").as_string().unwrap()
    };
    assert!(message(mount(
        JsValue::from(3),
        host.clone(),
        config(&JsValue::UNDEFINED)
    ))
    .contains("element"));
    let no_dial = fakeHost();
    js_sys::Reflect::set(
        &get(&no_dial, "calling"),
        &"dial".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    assert!(
        message(mount(el.clone(), no_dial, config(&JsValue::UNDEFINED)))
            .contains("host.calling.dial")
    );
    let bad_region = js_sys::JSON::parse(
        r#"{"agent":{"id":"a","name":"A"},"emergency":{"supportedRegions":["US","ZZ"]}}"#,
    )
    .unwrap();
    let m = message(mount(el.clone(), host.clone(), bad_region));
    assert!(m.contains("ZZ") && m.contains("supportedRegions"), "{m}");
    let no_agent = js_sys::JSON::parse(r#"{"agent":{"name":"A"}}"#).unwrap();
    assert!(message(mount(el, host, no_agent)).contains("agent"));
}
