//! Browser regression tests of issue 11: the emergency path survives any host. Each test is
//! one of the issue's examples (or the brief's), against the widget mounted directly — no
//! guard in front: re-entrant calls, hostile values, late answers, remounts (E11).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use agent_dialer::mount;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// A host whose every binding answers as `behave[binding]` says (default: at once):
//   "throw" | "reject" | "hang" | "revoked" | "then-throws" | "twice" | ["late", ms] | a function
export function host(behave) {
  const calls = [];
  const callListeners = new Set();
  const presenceListeners = new Set();
  let presence = "available";
  let subs = 0;
  let nextId = 1;
  const answer = (binding, value) => {
    const b = behave[binding];
    if (typeof b === "function") return b(value);
    if (Array.isArray(b) && b[0] === "late") return new Promise((ok) => setTimeout(() => ok(value), b[1]));
    switch (b) {
      case "throw": throw new Error(`${binding} failed (injected)`);
      case "reject": return Promise.reject(new Error(`${binding} rejected (injected)`));
      case "hang": return new Promise(() => {});
      case "revoked": { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; }
      case "then-throws": return { get then() { throw new Error("then getter (injected)"); } };
      case "twice": return { then(ok, bad) { ok(value); bad(new Error("again")); ok(value); } };
      default: return value;
    }
  };
  const h = {
    calls,
    get presenceNow() { return presence; },
    get subs() { return subs; },
    emit(e) { for (const l of [...callListeners]) l(e); },
    presence: {
      get() { calls.push(["presence.get"]); return answer("presence.get", presence); },
      set(s) {
        calls.push(["presence.set", s]);
        const r = answer("presence.set", undefined);
        presence = s;
        for (const l of [...presenceListeners]) l(s);
        return r;
      },
      subscribe(l) { subs++; presenceListeners.add(l); return () => { subs--; presenceListeners.delete(l); }; },
    },
    calling: {
      dial(r) { calls.push(["calling.dial", r]); return answer("calling.dial", { callId: `c${nextId++}` }); },
      hangUp(id) { calls.push(["calling.hangUp", id]); return answer("calling.hangUp", undefined); },
      answer(id) { calls.push(["calling.answer", id]); return answer("calling.answer", undefined); },
      subscribe(l) { subs++; callListeners.add(l); return () => { subs--; callListeners.delete(l); }; },
    },
    notification: { sendEmail(m) { calls.push(["notification.sendEmail"]); return answer("notification.sendEmail", undefined); } },
    conversation: { setEmergencyMode(a) { calls.push(["conversation.setEmergencyMode", a]); return answer("conversation.setEmergencyMode", undefined); } },
    activity: { record(e) { calls.push(["activity.record", e]); return answer("activity.record", undefined); } },
  };
  return h;
}
export function count(h, name) { return h.calls.filter((c) => c[0] === name).length; }
export function names(h) { return h.calls.map((c) => c[0] + (c[1] !== undefined && typeof c[1] !== "object" ? `(${c[1]})` : "")).join(","); }
export function presenceNow(h) { return h.presenceNow; }
export function subs(h) { return h.subs; }
export function emit(h, e) { h.emit(e); }
export function mountPoint() { const el = document.createElement("div"); document.body.append(el); return el; }
export function config(agent, extra) {
  return Object.assign({ agent: { id: agent, name: "Ann" },
    emergency: { recipients: "safety@acme.example", locationOverride: { region: "US" } },
    readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } }, extra || {});
}
export function record(el) {
  const events = [];
  for (const n of ["dialer:emergency-started", "dialer:emergency-ended", "dialer:callback-window",
    "dialer:readiness", "dialer:error", "dialer:notification"]) {
    el.addEventListener(n, (e) => events.push({ name: n, detail: e.detail }));
  }
  return events;
}
export function named(events, name) { return events.filter((e) => e.name === name).map((e) => e.detail); }
export function errorBindings(events) { return events.filter((e) => e.name === "dialer:error").map((e) => e.detail && e.detail.binding).join(","); }
export function text(root, sel) { const el = root.querySelector(`[data-test=${sel}]`); return el ? el.textContent : null; }
export function get(v, k) { return v == null ? undefined : v[k]; }
export function call(handle, method, arg) { return handle[method](arg); }
export function clear(agent) { localStorage.removeItem(`agent-dialer:episode:${agent}`); }
export function save(agent, episode) { localStorage.setItem(`agent-dialer:episode:${agent}`, JSON.stringify(episode)); }
// Listens once to `name` on `el` and runs `f()` inside the listener, keeping what it threw.
export function inside(el, name, f) {
  const log = { errors: [], ran: 0 };
  const l = () => { el.removeEventListener(name, l); log.ran++; try { f(); } catch (e) { log.errors.push(String(e && e.message || e)); } };
  el.addEventListener(name, l);
  return log;
}
export function ran(log) { return log.ran; }
export function errors(log) { return log.errors.join("\n"); }
export function throwingPatch() { return { emergency: { get recipients() { throw new Error("getter (injected)"); } } }; }
export function revokedPatch() { const r = Proxy.revocable({}, {}); r.revoke(); return { emergency: r.proxy }; }
export function deleteDial(h) { const d = h.calling.dial; delete h.calling.dial; return d; }
export function restoreDial(h, d) { h.calling.dial = d; }
// Counts the timers the page arms, and the longest delay asked for.
export function watchTimers() {
  if (!globalThis.__realSetTimeout) globalThis.__realSetTimeout = globalThis.setTimeout;
  const real = globalThis.__realSetTimeout;
  const w = { count: 0, longest: 0 };
  globalThis.setTimeout = function (f, ms, ...rest) { w.count++; w.longest = Math.max(w.longest, Number(ms) || 0); return real.call(this, f, ms, ...rest); };
  return w;
}
export function unwatchTimers() { if (globalThis.__realSetTimeout) globalThis.setTimeout = globalThis.__realSetTimeout; }
export function timersArmed(w) { return w.count; }
export function longestTimer(w) { return w.longest; }
// Catches uncaught errors and unhandled rejections while a test runs.
export function uncaught() {
  const u = { list: [] };
  u.onerror = (e) => u.list.push(`error: ${e.message}`);
  u.onrejection = (e) => u.list.push(`rejection: ${e.reason && e.reason.message || e.reason}`);
  addEventListener("error", u.onerror);
  addEventListener("unhandledrejection", u.onrejection);
  return u;
}
export function uncaughtList(u) { removeEventListener("error", u.onerror); removeEventListener("unhandledrejection", u.onrejection); return u.list.join("\n"); }
export function leave() { const e = new Event("beforeunload", { cancelable: true }); dispatchEvent(e); return e.defaultPrevented; }
export function pagehide() { dispatchEvent(new Event("pagehide")); }
export function ids(el) { return [...el.querySelectorAll("[id]")].map((e) => e.id); }
export function refsInside(el) {
  // Every id that a label or ARIA attribute names must be an element inside `el`.
  const out = [];
  for (const n of el.querySelectorAll("[for],[aria-labelledby],[aria-describedby],[aria-controls]")) {
    for (const a of ["for", "aria-labelledby", "aria-describedby", "aria-controls"]) {
      const v = n.getAttribute(a);
      if (!v) continue;
      for (const id of v.split(/\s+/)) { const t = document.getElementById(id); if (t && !el.contains(t)) out.push(`${a}=${id}`); }
    }
  }
  return out.join(",");
}
"#)]
extern "C" {
    fn host(behave: &JsValue) -> JsValue;
    fn count(h: &JsValue, name: &str) -> u32;
    fn names(h: &JsValue) -> String;
    fn presenceNow(h: &JsValue) -> String;
    fn subs(h: &JsValue) -> i32;
    fn emit(h: &JsValue, event: &JsValue);
    fn mountPoint() -> web_sys::Element;
    fn config(agent: &str, extra: &JsValue) -> JsValue;
    fn record(el: &web_sys::Element) -> JsValue;
    fn named(events: &JsValue, name: &str) -> js_sys::Array;
    fn errorBindings(events: &JsValue) -> String;
    fn text(root: &web_sys::Element, sel: &str) -> Option<String>;
    fn get(v: &JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(catch)]
    fn call(handle: &JsValue, method: &str, arg: &JsValue) -> Result<JsValue, JsValue>;
    fn clear(agent: &str);
    fn save(agent: &str, episode: &JsValue);
    fn inside(el: &web_sys::Element, name: &str, f: &js_sys::Function) -> JsValue;
    fn ran(log: &JsValue) -> u32;
    fn errors(log: &JsValue) -> String;
    fn throwingPatch() -> JsValue;
    fn revokedPatch() -> JsValue;
    fn deleteDial(h: &JsValue) -> JsValue;
    fn restoreDial(h: &JsValue, d: &JsValue);
    fn watchTimers() -> JsValue;
    fn unwatchTimers();
    fn timersArmed(w: &JsValue) -> u32;
    fn longestTimer(w: &JsValue) -> f64;
    fn uncaught() -> JsValue;
    fn uncaughtList(u: &JsValue) -> String;
    fn leave() -> bool;
    fn pagehide();
    fn ids(el: &web_sys::Element) -> js_sys::Array;
    fn refsInside(el: &web_sys::Element) -> String;
}

fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

/// Waits (up to 1 s) until `sel` is rendered in `el`: Yew renders asynchronously.
async fn rendered(el: &web_sys::Element, sel: &str) -> Option<String> {
    for _ in 0..50 {
        if let Some(t) = text(el, sel) {
            return Some(t);
        }
        sleep(20).await;
    }
    None
}

/// A JavaScript function running `f` (kept alive for the page).
fn js_fn(f: impl FnMut() + 'static) -> js_sys::Function {
    Closure::<dyn FnMut()>::new(f)
        .into_js_value()
        .unchecked_into()
}

/// Mounts a widget for `agent` on `h`: (element, handle as JavaScript holds it).
fn mounted(agent: &str, h: &JsValue, extra: &str) -> (web_sys::Element, JsValue) {
    clear(agent);
    let el = mountPoint();
    let handle = mount(el.clone().into(), h.clone(), config(agent, &obj(extra))).expect("mount");
    (el, JsValue::from(handle))
}

fn emergency_mode(handle: &JsValue) -> Option<bool> {
    get(
        &call(handle, "state", &JsValue::UNDEFINED).unwrap(),
        "emergencyMode",
    )
    .as_bool()
}

fn call_id(handle: &JsValue) -> Option<String> {
    let st = call(handle, "state", &JsValue::UNDEFINED).unwrap();
    get(&get(&st, "call"), "callId").as_string()
}

// ------------------------------------------------------------------ re-entrancy

#[wasm_bindgen_test]
async fn a_readiness_listener_may_read_the_state_while_set_config_runs() {
    let h = host(&obj("{}"));
    let (el, handle) = mounted("re-state", &h, "{}");
    let (hd, seen) = (handle.clone(), std::rc::Rc::new(std::cell::Cell::new(0)));
    let s = seen.clone();
    let log = inside(
        &el,
        "dialer:readiness",
        &js_fn(move || {
            if call(&hd, "state", &JsValue::UNDEFINED).is_ok() {
                s.set(s.get() + 1);
            }
        }),
    );
    call(
        &handle,
        "setConfig",
        &obj(r#"{"emergency":{"recipients":""}}"#),
    )
    .expect("setConfig");
    assert_eq!(ran(&log), 1, "the readiness changed, so the listener ran");
    assert_eq!(seen.get(), 1, "{}", errors(&log));
    call(&handle, "dial", &"911".into()).expect("dial");
    assert_eq!(count(&h, "calling.dial"), 1);
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
}

#[wasm_bindgen_test]
async fn a_dial_from_a_listener_reaches_calling_dial_before_it_returns_while_the_driver_drains() {
    let h = host(&obj("{}"));
    let (el, handle) = mounted("re-dial", &h, "{}");
    // Ordinary call first; its end makes the listener dial 911 while the driver still has
    // the end's effects (history, events) to run.
    call(&handle, "dial", &"5551234567".into()).unwrap();
    emit(&h, &obj(r#"{"type":"connected","callId":"c1"}"#));
    let (hd, hh) = (handle.clone(), h.clone());
    let before_return = std::rc::Rc::new(std::cell::Cell::new(0));
    let b = before_return.clone();
    let log = inside(
        &el,
        "dialer:readiness",
        &js_fn(move || {
            call(&hd, "dial", &"911".into()).unwrap();
            b.set(count(&hh, "calling.dial"));
        }),
    );
    // setConfig changes the readiness: its listener dials from inside the driver's drain.
    call(
        &handle,
        "setConfig",
        &obj(r#"{"emergency":{"recipients":""}}"#),
    )
    .unwrap();
    assert_eq!(ran(&log), 1);
    assert_eq!(errors(&log), "");
    assert_eq!(
        before_return.get(),
        2,
        "911 reached calling.dial before dial() returned: {}",
        names(&h)
    );
    assert_eq!(emergency_mode(&handle), Some(true));
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c2","reason":"remote"}"#),
    );
}

#[wasm_bindgen_test]
async fn a_dial_from_inside_a_binding_goes_ahead_of_everything_waiting() {
    // presence.set (run right after the first dial) dials 911 again from inside itself: the
    // first emergency call failed meanwhile (its dial threw), so the second press is placed.
    let h = host(&obj(r#"{"calling.dial":"throw"}"#));
    let (_el, handle) = mounted("re-binding", &h, "{}");
    let hd = handle.clone();
    let inner = std::rc::Rc::new(std::cell::Cell::new(0u32));
    let n = inner.clone();
    // A presence.set binding that dials 911 from inside (the first dial threw).
    let hd2 = hd.clone();
    let hh2 = h.clone();
    let dial_inside = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |_s: JsValue| {
        if n.get() == 0 {
            n.set(1);
            call(&hd2, "dial", &"911".into()).unwrap();
            n.set(count(&hh2, "calling.dial") + 10);
        }
        JsValue::UNDEFINED
    });
    js_sys::Reflect::set(
        &get(&h, "presence"),
        &"set".into(),
        &dial_inside.into_js_value(),
    )
    .unwrap();
    call(&handle, "dial", &"911".into()).unwrap();
    assert_eq!(
        inner.get(),
        12,
        "the second 911 reached calling.dial from inside presence.set: {}",
        names(&h)
    );
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
}

#[wasm_bindgen_test]
async fn unmount_from_the_ended_listener_still_gives_presence_back_and_frees_the_host_form() {
    let h = host(&obj("{}"));
    let (el, handle) = mounted("re-unmount", &h, "{}");
    call(&handle, "dial", &"911".into()).unwrap();
    sleep(5).await;
    assert_eq!(presenceNow(&h), "dnd");
    let hd = handle.clone();
    let log = inside(
        &el,
        "dialer:emergency-ended",
        &js_fn(move || {
            call(&hd, "unmount", &JsValue::UNDEFINED).unwrap();
        }),
    );
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    assert_eq!(ran(&log), 1);
    assert_eq!(el.child_element_count(), 0, "unmounted");
    assert_eq!(presenceNow(&h), "available", "E8: {}", names(&h));
    assert!(
        names(&h).contains("conversation.setEmergencyMode(false)"),
        "E9: {}",
        names(&h)
    );
    sleep(10).await;
    assert_eq!(subs(&h), 0, "released once the episode was over");
}

#[wasm_bindgen_test]
async fn a_listener_that_throws_mid_drain_leaves_nothing_stuck() {
    let u = uncaught();
    let h = host(&obj("{}"));
    let (el, handle) = mounted("re-throw", &h, "{}");
    let log = inside(
        &el,
        "dialer:emergency-started",
        &js_fn(|| wasm_bindgen::throw_str("listener failed (injected)")),
    );
    call(&handle, "dial", &"911".into()).unwrap();
    assert_eq!(ran(&log), 1);
    sleep(5).await;
    assert_eq!(presenceNow(&h), "dnd", "the dial's other effects ran");
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    call(&handle, "dial", &"911".into()).unwrap();
    assert_eq!(count(&h, "calling.dial"), 2, "{}", names(&h));
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    let seen = uncaughtList(&u);
    assert!(
        seen.is_empty() || seen.lines().all(|l| l.contains("injected")),
        "only the listener's own error: {seen}"
    );
    clear("re-throw");
}

// ------------------------------------------------------------------ hostile values

#[wasm_bindgen_test]
async fn a_set_config_whose_argument_throws_changes_nothing_and_911_still_dials() {
    let h = host(&obj("{}"));
    let (_el, handle) = mounted("hv-config", &h, "{}");
    for patch in [throwingPatch(), revokedPatch()] {
        let err = call(&handle, "setConfig", &patch).expect_err("a clear Error");
        let message = get(&err, "message").as_string().unwrap_or_default();
        assert!(
            message.starts_with("setConfig: config.emergency"),
            "{message}"
        );
    }
    let err = call(
        &handle,
        "setConfig",
        &obj(r#"{"emergency":{"supportedRegions":[]}}"#),
    )
    .expect_err("an empty region list");
    assert!(get(&err, "message")
        .as_string()
        .unwrap_or_default()
        .contains("supportedRegions"));
    call(&handle, "dial", &"911".into()).expect("dial");
    assert_eq!(count(&h, "calling.dial"), 1);
    assert_eq!(emergency_mode(&handle), Some(true), "911 is an emergency");
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
}

#[wasm_bindgen_test]
fn an_empty_supported_region_list_is_a_configuration_error_at_mount() {
    let h = host(&obj("{}"));
    let el = mountPoint();
    let config = config("hv-empty", &obj(r#"{"emergency":{"supportedRegions":[]}}"#));
    let err = mount(el.clone().into(), h, config)
        .err()
        .expect("mount throws");
    let err = JsValue::from(err);
    let message = get(&err, "message").as_string().unwrap_or_default();
    assert!(message.contains("supportedRegions"), "{message}");
    assert_eq!(el.child_element_count(), 0, "nothing mounted");
}

#[wasm_bindgen_test]
async fn bindings_answering_revoked_proxies_or_throwing_thenables_never_freeze_the_driver() {
    for bad in ["revoked", "then-throws", "twice", "hang"] {
        let behave = js_sys::Object::new();
        for b in [
            "presence.set",
            "notification.sendEmail",
            "conversation.setEmergencyMode",
            "presence.get",
        ] {
            js_sys::Reflect::set(&behave, &b.into(), &bad.into()).unwrap();
        }
        let h = host(&behave);
        let agent = format!("hv-{bad}");
        let (el, handle) = mounted(&agent, &h, "{}");
        let events = record(&el);
        call(&handle, "dial", &"911".into()).unwrap();
        sleep(20).await;
        emit(
            &h,
            &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
        );
        sleep(5).await;
        call(&handle, "dial", &"911".into()).unwrap();
        assert_eq!(count(&h, "calling.dial"), 2, "{bad}: {}", names(&h));
        if bad != "twice" && bad != "hang" {
            assert!(
                errorBindings(&events).contains("presence.set"),
                "{bad}: reported as a failure of the binding: {}",
                errorBindings(&events)
            );
        }
        call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
        emit(
            &h,
            &obj(r#"{"type":"ended","callId":"c2","reason":"remote"}"#),
        );
        clear(&agent);
    }
}

#[wasm_bindgen_test]
async fn malformed_call_events_are_reported_and_the_call_goes_on() {
    let h = host(&obj("{}"));
    let (el, handle) = mounted("hv-events", &h, "{}");
    let events = record(&el);
    call(&handle, "dial", &"911".into()).unwrap();
    let huge = "x".repeat(2_000_000);
    for bad in [
        JsValue::NULL,
        "ended".into(),
        obj(r#"{"type":"bogus","callId":"c1"}"#),
        obj(r#"{"type":"ended","callId":42}"#),
        obj(&format!(r#"{{"type":"ended","callId":"{huge}"}}"#)),
        revokedPatch(),
    ] {
        emit(&h, &bad);
    }
    assert_eq!(emergency_mode(&handle), Some(true), "the call goes on");
    assert!(
        errorBindings(&events).matches("calling.subscribe").count() >= 5,
        "{}",
        errorBindings(&events)
    );
    // An `ended` without a reason still ends the call.
    emit(&h, &obj(r#"{"type":"ended","callId":"c1"}"#));
    assert_eq!(emergency_mode(&handle), Some(false));
    sleep(5).await;
    assert_eq!(presenceNow(&h), "available");
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
}

#[wasm_bindgen_test]
async fn a_callback_window_weeks_ahead_never_overflows_a_timer() {
    let w = watchTimers();
    let agent = "hv-timer";
    let weeks = js_sys::Date::now() + 30.0 * 24.0 * 3_600_000.0;
    save(
        agent,
        &obj(&format!(
            r#"{{"savedPresence":null,"callback":{{"number":"+15550100042","expiresAt":{weeks},"callId":"c9"}}}}"#
        )),
    );
    let h = host(&obj("{}"));
    let el = mountPoint();
    let handle = JsValue::from(mount(el.into(), h.clone(), config(agent, &obj("{}"))).unwrap());
    sleep(200).await;
    let armed = timersArmed(&w);
    unwatchTimers();
    assert!(
        longestTimer(&w) <= 2_147_483_647.0,
        "longest timer {}",
        longestTimer(&w)
    );
    assert!(armed < 40, "no timer loop: {armed} timers in 200 ms");
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    clear(agent);
}

// ------------------------------------------------------------------ never abandon a call

#[wasm_bindgen_test]
async fn a_dial_answered_after_the_timeout_is_adopted_as_the_emergency_call() {
    let h = host(&obj(r#"{"calling.dial":["late",150]}"#));
    let (el, handle) = mounted("late", &h, r#"{"testing":{"bindingTimeoutMs":40}}"#);
    let events = record(&el);
    call(&handle, "dial", &"911".into()).unwrap();
    sleep(90).await;
    // Timed out: not confirmed, but the call may be live — presence stays DND.
    assert_eq!(emergency_mode(&handle), Some(true));
    assert_eq!(presenceNow(&h), "dnd");
    assert!(errorBindings(&events).contains("calling.dial"));
    assert!(
        rendered(&el, "emergency-unconfirmed").await.is_some(),
        "the agent is told the phone system has not confirmed"
    );
    assert!(
        text(&el, "end-call").is_some()
            || el.query_selector("[data-test=end-call]").unwrap().is_some()
    );
    sleep(120).await;
    // The late answer is adopted.
    assert_eq!(call_id(&handle).as_deref(), Some("c1"));
    assert_eq!(named(&events, "dialer:emergency-started").length(), 1);
    assert!(text(&el, "emergency-unconfirmed").is_none());
    emit(
        &h,
        &obj(
            r#"{"type":"callback-number","callId":"c1","number":"+15550100042","validForSeconds":3600}"#,
        ),
    );
    assert_eq!(named(&events, "dialer:callback-window").length(), 1);
    assert_eq!(presenceNow(&h), "dnd", "never restored mid-call");
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(5).await;
    assert_eq!(presenceNow(&h), "available");
    assert_eq!(
        count(&h, "calling.hangUp"),
        0,
        "the adopted call was never hung up"
    );
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    clear("late");
}

#[wasm_bindgen_test]
async fn ended_before_dial_returned_its_call_id_finishes_the_call_and_911_can_be_pressed_again() {
    // dial answers after 30 ms; the host reports the call ended before that.
    let h = host(&obj(r#"{"calling.dial":["late",30]}"#));
    let (el, handle) = mounted("early-end", &h, "{}");
    call(&handle, "dial", &"911".into()).unwrap();
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"failed"}"#),
    );
    sleep(60).await;
    assert_eq!(emergency_mode(&handle), Some(false), "not left Calling…");
    assert!(text(&el, "call").is_none());
    sleep(5).await;
    assert_eq!(presenceNow(&h), "available");
    call(&handle, "dial", &"911".into()).unwrap();
    assert_eq!(
        count(&h, "calling.dial"),
        2,
        "a second press reaches calling.dial"
    );
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c2","reason":"remote"}"#),
    );
    clear("early-end");
}

#[wasm_bindgen_test]
async fn a_missing_calling_dial_is_reported_and_the_agent_told_to_use_another_phone() {
    let h = host(&obj("{}"));
    let (el, handle) = mounted("no-dial", &h, "{}");
    let events = record(&el);
    let dial = deleteDial(&h);
    call(&handle, "dial", &"911".into()).expect("no throw");
    assert!(errorBindings(&events).contains("calling.dial"));
    let notice = rendered(&el, "notice").await.unwrap_or_default();
    assert!(notice.contains("another phone"), "{notice}");
    assert_eq!(emergency_mode(&handle), Some(false), "nothing stuck");
    restoreDial(&h, &dial);
    call(&handle, "dial", &"911".into()).unwrap();
    assert_eq!(count(&h, "calling.dial"), 1, "redialled at once");
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    clear("no-dial");
}

// ------------------------------------------------------------------ remount

#[wasm_bindgen_test]
async fn a_remount_in_the_same_document_keeps_the_live_episode() {
    let h = host(&obj("{}"));
    let (_el, handle) = mounted("remount", &h, "{}");
    call(&handle, "dial", &"911".into()).unwrap();
    sleep(5).await;
    let before = names(&h);
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    sleep(5).await;
    assert_eq!(presenceNow(&h), "dnd", "no presence restore: {}", names(&h));
    assert!(
        !names(&h)[before.len()..].contains("setEmergencyMode(false)"),
        "{}",
        names(&h)
    );
    // The same agent mounts again: the episode is taken up.
    let el2 = mountPoint();
    let handle2 =
        JsValue::from(mount(el2.clone().into(), h.clone(), config("remount", &obj("{}"))).unwrap());
    sleep(5).await;
    assert_eq!(emergency_mode(&handle2), Some(true));
    assert_eq!(call_id(&handle2).as_deref(), Some("c1"));
    assert!(rendered(&el2, "emergency-banner").await.is_some());
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(5).await;
    assert_eq!(presenceNow(&h), "available", "E8 when the call ends");
    call(&handle2, "unmount", &JsValue::UNDEFINED).unwrap();
    assert_eq!(subs(&h), 0, "nothing kept after the episode");
    clear("remount");
}

#[wasm_bindgen_test]
async fn unmounted_during_a_live_call_the_episode_ends_headless_when_the_call_ends() {
    let h = host(&obj("{}"));
    let (el, handle) = mounted("headless", &h, "{}");
    let events = record(&el);
    call(&handle, "dial", &"911".into()).unwrap();
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    assert!(
        subs(&h) > 0,
        "host subscriptions kept while the call is live"
    );
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(5).await;
    assert_eq!(presenceNow(&h), "available");
    assert!(names(&h).contains("conversation.setEmergencyMode(false)"));
    assert_eq!(named(&events, "dialer:emergency-ended").length(), 1);
    assert_eq!(subs(&h), 0, "released after the episode");
    clear("headless");
}

// ------------------------------------------------------------------ several widgets and agents

#[wasm_bindgen_test]
async fn two_widgets_in_one_document_have_their_own_ids() {
    let (ha, hb) = (host(&obj("{}")), host(&obj("{}")));
    let (ea, a) = mounted("ids-a", &ha, "{}");
    let (eb, b) = mounted("ids-b", &hb, "{}");
    sleep(20).await;
    // Open the panels that carry ids (devices).
    for el in [&ea, &eb] {
        let toggle = el
            .query_selector("[data-test=devices-toggle]")
            .unwrap()
            .unwrap();
        toggle.dyn_into::<web_sys::HtmlElement>().unwrap().click();
    }
    sleep(20).await;
    let (ia, ib): (Vec<String>, Vec<String>) = (
        ids(&ea).iter().filter_map(|v| v.as_string()).collect(),
        ids(&eb).iter().filter_map(|v| v.as_string()).collect(),
    );
    assert!(ia.len() >= 3, "{ia:?}");
    assert!(ia.iter().all(|id| !ib.contains(id)), "{ia:?} / {ib:?}");
    assert_eq!(
        refsInside(&ea),
        "",
        "labels and ARIA point into their own widget"
    );
    assert_eq!(refsInside(&eb), "");
    for handle in [a, b] {
        call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    }
}

#[wasm_bindgen_test]
async fn two_agents_in_one_origin_never_share_an_episode_and_a_new_agent_id_rekeys() {
    let (ha, hb) = (host(&obj("{}")), host(&obj("{}")));
    let (_ea, a) = mounted("agent-a", &ha, "{}");
    let (_eb, b) = mounted("agent-b", &hb, "{}");
    call(&a, "dial", &"911".into()).unwrap();
    sleep(300).await;
    let sb = call(&b, "state", &JsValue::UNDEFINED).unwrap();
    assert!(
        get(&sb, "peerEmergency").is_undefined(),
        "B is another agent"
    );
    assert_eq!(presenceNow(&hb), "available");
    // B becomes agent-a: it joins A's tabs and shows A's emergency.
    call(
        &b,
        "setConfig",
        &obj(r#"{"agent":{"id":"agent-a","name":"Ann"}}"#),
    )
    .unwrap();
    sleep(300).await;
    let sb = call(&b, "state", &JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&get(&sb, "peerEmergency"), "number")
            .as_string()
            .as_deref(),
        Some("911")
    );
    emit(
        &ha,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    for handle in [a, b] {
        call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    }
    clear("agent-a");
}

#[wasm_bindgen_test]
async fn a_callback_reaching_a_tab_that_does_not_own_it_is_answered_there() {
    let (ha, hb) = (host(&obj("{}")), host(&obj("{}")));
    let (_ea, a) = mounted("cb-owner", &ha, "{}");
    sleep(50).await;
    let (_eb, b) = mounted("cb-owner", &hb, "{}");
    sleep(300).await;
    // A made the emergency call: A owns the callback. The call drops; its window opens.
    call(&a, "dial", &"911".into()).unwrap();
    emit(
        &ha,
        &obj(
            r#"{"type":"callback-number","callId":"c1","number":"+15550100042","validForSeconds":3600}"#,
        ),
    );
    emit(
        &ha,
        &obj(r#"{"type":"ended","callId":"c1","reason":"dropped"}"#),
    );
    sleep(300).await;
    // The newest registration (B) gets the callback; A never hears of it.
    emit(
        &hb,
        &obj(r#"{"type":"incoming","callId":"cb1","from":"911","to":"+15550100042"}"#),
    );
    sleep(600).await;
    assert_eq!(count(&hb, "calling.answer"), 1, "B: {}", names(&hb));
    assert_eq!(count(&ha, "calling.answer"), 0);
    emit(
        &hb,
        &obj(r#"{"type":"ended","callId":"cb1","reason":"remote"}"#),
    );
    for handle in [a, b] {
        call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    }
    clear("cb-owner");
}

// ------------------------------------------------------------------ close protection

#[wasm_bindgen_test]
async fn leaving_during_a_live_emergency_call_asks_first_and_a_closing_tab_says_goodbye() {
    let (ha, hb) = (host(&obj("{}")), host(&obj("{}")));
    let (_ea, a) = mounted("close", &ha, "{}");
    sleep(50).await;
    let (_eb, b) = mounted("close", &hb, "{}");
    sleep(300).await;
    assert!(!leave(), "nothing live: no question");
    call(&a, "dial", &"911".into()).unwrap();
    sleep(300).await;
    assert!(leave(), "an emergency call is live: the browser asks first");
    // A's page goes away: B hears goodbye at once and stops showing A's call.
    let sb = call(&b, "state", &JsValue::UNDEFINED).unwrap();
    assert!(get(&sb, "peerEmergency").is_object());
    pagehide();
    sleep(50).await;
    let sb = call(&b, "state", &JsValue::UNDEFINED).unwrap();
    assert!(
        get(&sb, "peerEmergency").is_undefined(),
        "at once, not after the 3 s silence"
    );
    emit(
        &ha,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    call(&a, "unmount", &JsValue::UNDEFINED).unwrap();
    call(&b, "unmount", &JsValue::UNDEFINED).unwrap();
    clear("close");
}

/// Found by the hostile-host long run (RELIABILITY.md): the host unmounts the widget from the
/// `dialer:emergency-ended` listener, and from inside the widget's next binding
/// (`conversation.setEmergencyMode(false)`) mounts it again and dials 911. The old widget's
/// presence restore, still to run, must not give the presence back during the new 911: the new
/// mount takes up the old dialer, and the new emergency call supersedes the restore.
#[wasm_bindgen_test]
async fn a_911_through_a_new_mount_inside_the_old_ones_last_binding_keeps_dnd() {
    let agent = "h-remount-911";
    let behave = js_sys::Object::new();
    let h = host(&behave);
    let (el, first) = mounted(agent, &h, "{}");
    let second: std::rc::Rc<std::cell::RefCell<Option<JsValue>>> = Default::default();
    let (h2, keep, calls) = (
        h.clone(),
        second.clone(),
        std::rc::Rc::new(std::cell::Cell::new(0)),
    );
    let again = Closure::<dyn FnMut(JsValue) -> JsValue>::new(move |value: JsValue| {
        calls.set(calls.get() + 1);
        if calls.get() == 2 {
            // setEmergencyMode(false): the old widget is gone; mount again and dial 911.
            let el = mountPoint();
            let handle = mount(el.into(), h2.clone(), config(agent, &obj("{}"))).expect("mount");
            let handle = JsValue::from(handle);
            call(&handle, "dial", &"911".into()).expect("dial");
            *keep.borrow_mut() = Some(handle);
        }
        value
    });
    js_sys::Reflect::set(
        &behave,
        &"conversation.setEmergencyMode".into(),
        &again.into_js_value(),
    )
    .unwrap();
    let old = first.clone();
    let log = inside(
        &el,
        "dialer:emergency-ended",
        &js_fn(move || {
            call(&old, "unmount", &JsValue::UNDEFINED).unwrap();
        }),
    );
    call(&first, "dial", &"911".into()).expect("dial");
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c1","reason":"local"}"#),
    );
    assert_eq!(ran(&log), 1, "{}", errors(&log));
    let handle = second
        .borrow()
        .clone()
        .expect("mounted again inside the binding");
    assert_eq!(count(&h, "calling.dial"), 2, "{}", names(&h));
    let after = names(&h);
    let after = &after[after.find("calling.dial,").unwrap() + 1..];
    let after = &after[after.find("calling.dial").unwrap()..];
    assert!(
        !after.contains("presence.set(available)"),
        "presence given back during the second 911: {after}"
    );
    sleep(50).await;
    assert_eq!(presenceNow(&h), "dnd", "{}", names(&h));
    assert_eq!(call_id(&handle).as_deref(), Some("c2"));
    assert_eq!(emergency_mode(&handle), Some(true));
    // Its end gives back the presence from before the first call, once.
    emit(
        &h,
        &obj(r#"{"type":"ended","callId":"c2","reason":"remote"}"#),
    );
    sleep(50).await;
    assert_eq!(presenceNow(&h), "available", "{}", names(&h));
    call(&handle, "unmount", &JsValue::UNDEFINED).unwrap();
    clear(agent);
}
