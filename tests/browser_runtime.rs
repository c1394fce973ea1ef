//! Browser tests of the runtime shell: binding faults never block the emergency dial (E11),
//! presence recovers, lifecycle events (B4), browser location (E10, E12, B3), persistence and
//! tabs (B5), and `unmount` releasing every listener, timer and closure.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use std::cell::RefCell;

use agent_dialer::mount;
use agent_dialer_geo::Geocoder;
use country_boundaries::BOUNDARIES_ODBL_60X30;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// A host whose bindings fail on demand: faults[binding] = "throw" | "reject" | "hang" | "slow".
export function faultHost(faults, extra) {
  const calls = [];
  const callListeners = new Set();
  const presenceListeners = new Set();
  let presence = "available";
  let subscribes = 0, unsubscribes = 0;
  const answer = (binding, value) => {
    switch (faults[binding]) {
      case "throw": throw new Error(`${binding} failed (injected)`);
      case "reject": return Promise.reject(new Error(`${binding} rejected (injected)`));
      case "hang": return new Promise(() => {});
      case "slow": return new Promise((ok) => setTimeout(() => ok(value), 300));
      default: return value;
    }
  };
  const host = {
    calls, faults,
    get presenceNow() { return presence; },
    get balance() { return subscribes - unsubscribes; },
    get subscribes() { return subscribes; },
    emit(e) { for (const l of [...callListeners]) l(e); },
    presence: {
      get() { calls.push(["presence.get"]); return answer("presence.get", presence); },
      set(s) {
        calls.push(["presence.set", s]);
        const r = answer("presence.set", undefined);
        const apply = () => { presence = s; for (const l of [...presenceListeners]) l(s); };
        if (r && typeof r.then === "function") return r.then(apply);
        apply();
      },
      subscribe(l) { subscribes++; presenceListeners.add(l); return () => { unsubscribes++; presenceListeners.delete(l); }; },
    },
    calling: {
      dial(r) { calls.push(["calling.dial", r]); return answer("calling.dial", { callId: "c1" }); },
      hangUp(id) { calls.push(["calling.hangUp", id]); return answer("calling.hangUp", undefined); },
      answer(id) { calls.push(["calling.answer", id]); return answer("calling.answer", undefined); },
      subscribe(l) { subscribes++; callListeners.add(l); return () => { unsubscribes++; callListeners.delete(l); }; },
    },
    notification: { sendEmail(m) { calls.push(["notification.sendEmail", m]); return answer("notification.sendEmail", undefined); } },
    conversation: { setEmergencyMode(a) { calls.push(["conversation.setEmergencyMode", a]); return answer("conversation.setEmergencyMode", undefined); } },
    activity: { record(e) { calls.push(["activity.record", e]); return answer("activity.record", undefined); } },
  };
  if (extra && extra.activeCalls) host.calling.activeCalls = () => { calls.push(["calling.activeCalls"]); return extra.activeCalls; };
  return host;
}
export function names(host) { return host.calls.map((c) => c[0]).join(","); }
export function count(host, name) { return host.calls.filter((c) => c[0] === name).length; }
export function lastArg(host, name) { const c = host.calls.filter((c) => c[0] === name).at(-1); return c ? c[1] : undefined; }
export function presenceNow(host) { return host.presenceNow; }
export function balance(host) { return host.balance; }
export function emit(host, e) { host.emit(e); }
export function setFault(host, binding, fault) { if (fault) host.faults[binding] = fault; else delete host.faults[binding]; }
export function mountPoint() { const el = document.createElement("div"); document.body.append(el); return el; }
export function config(agent, emergency) {
  return { agent: { id: agent, name: "Ann" },
    emergency: Object.assign({ recipients: "safety@acme.example" }, emergency || {}),
    readiness: { voiceOutboundProfile: true, mailboxEnabled: true, numberType: "calling-plan" } };
}
export function recordEvents(el) {
  const events = [];
  for (const n of ["dialer:emergency-started", "dialer:emergency-connected", "dialer:emergency-ended",
    "dialer:callback-window", "dialer:notification", "dialer:readiness", "dialer:error"]) {
    el.addEventListener(n, (e) => events.push({ name: n, detail: e.detail }));
  }
  return events;
}
export function eventsNamed(events, name) { return events.filter((e) => e.name === name).map((e) => e.detail); }
export function eventCount(events) { return events.length; }
export function text(root, sel) { const el = root.querySelector(`[data-test=${sel}]`); return el ? el.textContent : null; }

// Fake browser location: permissions + geolocation under the test's control.
export function fakeGeo(initialState) {
  const fake = { state: initialState, listeners: new Set(), watches: new Map(), nextId: 1, added: 0, removed: 0,
    started: 0, cleared: 0 };
  const status = {
    get state() { return fake.state; },
    addEventListener(type, l) { if (type === "change") { fake.added++; fake.listeners.add(l); } },
    removeEventListener(type, l) { if (type === "change") { fake.removed++; fake.listeners.delete(l); } },
  };
  const permissions = { query: (d) => Promise.resolve(status) };
  const geolocation = {
    watchPosition(ok, err, opts) { fake.started++; const id = fake.nextId++; fake.watches.set(id, { ok, err, opts }); return id; },
    clearWatch(id) { fake.cleared++; fake.watches.delete(id); },
    getCurrentPosition() {},
  };
  Object.defineProperty(navigator, "permissions", { value: permissions, configurable: true });
  Object.defineProperty(navigator, "geolocation", { value: geolocation, configurable: true });
  fake.position = (latitude, longitude, accuracy) => { for (const w of fake.watches.values()) w.ok({ coords: { latitude, longitude, accuracy } }); };
  fake.error = (code) => { for (const w of fake.watches.values()) w.err({ code, message: `code ${code}` }); };
  fake.change = (state) => { fake.state = state; for (const l of [...fake.listeners]) l(new Event("change")); };
  return fake;
}
export function geoPosition(fake, lat, lon, acc) { fake.position(lat, lon, acc); }
export function geoError(fake, code) { fake.error(code); }
export function geoChange(fake, state) { fake.change(state); }
export function geoListeners(fake) { return fake.listeners.size; }
export function geoWatches(fake) { return fake.watches.size; }
export function geoTimeout(fake) { const w = [...fake.watches.values()][0]; return w ? w.opts.timeout : -1; }
export function restoreGeo() { delete navigator.permissions; delete navigator.geolocation; }
export function blobUrl(bytes) { return URL.createObjectURL(new Blob([bytes])); }
// The reverse geocoder module's interface (geo/src/module.rs: default init, load, lookup) as a
// module of its own, answered by the geocoder's Rust code linked into this test's wasm; the
// built agent-dialer-geo.js itself is loaded by the end-to-end tests (www/e2e/runtime.e2e.mjs).
export function geoModule(load, lookup) {
  globalThis.__testGeocoder = { load, lookup, loads: 0 };
  const src = "const g = globalThis.__testGeocoder;\n"
    + "export default async function init() {}\n"
    + "export function load(bytes) { g.loads++; return g.load(bytes); }\n"
    + "export function lookup(a, b, c) { return g.lookup(a, b, c); }\n";
  return URL.createObjectURL(new Blob([src], { type: "text/javascript" }));
}
export function geoLoads() { return globalThis.__testGeocoder ? globalThis.__testGeocoder.loads : 0; }

// Counts BroadcastChannels the widget opens and closes.
export function countChannels() {
  if (!globalThis.__realBC) globalThis.__realBC = globalThis.BroadcastChannel;
  const Real = globalThis.__realBC;
  const c = { opened: 0, closed: 0 };
  globalThis.BroadcastChannel = class extends Real {
    constructor(name) { super(name); c.opened++; }
    close() { c.closed++; super.close(); }
  };
  return c;
}
export function openChannels(c) { return c.opened - c.closed; }
export function channelsOpened(c) { return c.opened; }
export function saveEpisode(agent, episode) { localStorage.setItem(`agent-dialer:episode:${agent}`, JSON.stringify(episode)); }
export function clearEpisode(agent) { localStorage.removeItem(`agent-dialer:episode:${agent}`); }
export function breakStorage(broken) {
  if (broken) {
    if (!globalThis.__setItem) globalThis.__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () { throw new DOMException("quota exceeded (injected)", "QuotaExceededError"); };
  } else if (globalThis.__setItem) {
    Storage.prototype.setItem = globalThis.__setItem;
  }
}
export function get(v, k) { return v == null ? undefined : v[k]; }

// The handle as JavaScript holds it: its methods called by name, and freed without unmount().
export function callHandle(handle, method, arg) { return handle[method](arg); }
export function freeHandle(handle) { handle.free(); }
// Listeners and a binding that call back into the handle while the widget is working; every
// exception they meet is kept.
export function reenter(el, host, handle) {
  const log = { seen: [], errors: [] };
  const guard = (f) => { try { f(); } catch (e) { log.errors.push(String(e && e.message || e)); } };
  const set = host.presence.set;
  // After the listener's unmount the episode still gives presence back (E8): no state then.
  host.presence.set = (s) => { if (!log.unmounted) guard(() => log.seen.push(`presence.set:${handle.state().emergencyMode}`)); else log.seen.push(`presence.set:${s}`); return set(s); };
  el.addEventListener("dialer:readiness", () => guard(() => log.seen.push(`readiness:${handle.state().emergencyMode}`)));
  el.addEventListener("dialer:emergency-started", () => guard(() => {
    log.seen.push(`started:${handle.state().emergencyMode}`);
    handle.setConfig({ emergency: { recipients: "ops@acme.example" } });
    handle.dial("5551234567");
  }));
  el.addEventListener("dialer:emergency-ended", () => guard(() => { log.seen.push("ended"); handle.unmount(); log.unmounted = true; }));
  return log;
}
export function seenOf(log) { return log.seen.join(","); }
export function errorsOf(log) { return log.errors.join("\n"); }
"#)]
extern "C" {
    fn faultHost(faults: &JsValue, extra: &JsValue) -> JsValue;
    fn names(host: &JsValue) -> String;
    fn count(host: &JsValue, name: &str) -> u32;
    fn lastArg(host: &JsValue, name: &str) -> JsValue;
    fn presenceNow(host: &JsValue) -> String;
    fn balance(host: &JsValue) -> i32;
    fn emit(host: &JsValue, event: &JsValue);
    fn setFault(host: &JsValue, binding: &str, fault: Option<String>);
    fn mountPoint() -> web_sys::Element;
    fn config(agent: &str, emergency: &JsValue) -> JsValue;
    fn recordEvents(el: &web_sys::Element) -> JsValue;
    fn eventsNamed(events: &JsValue, name: &str) -> js_sys::Array;
    fn eventCount(events: &JsValue) -> u32;
    fn text(root: &web_sys::Element, sel: &str) -> Option<String>;
    fn fakeGeo(state: &str) -> JsValue;
    fn geoPosition(fake: &JsValue, lat: f64, lon: f64, acc: f64);
    fn geoError(fake: &JsValue, code: u32);
    fn geoChange(fake: &JsValue, state: &str);
    fn geoListeners(fake: &JsValue) -> u32;
    fn geoWatches(fake: &JsValue) -> u32;
    fn geoTimeout(fake: &JsValue) -> i32;
    fn restoreGeo();
    fn blobUrl(bytes: &[u8]) -> String;
    fn geoModule(load: &JsValue, lookup: &JsValue) -> String;
    fn geoLoads() -> u32;
    fn countChannels() -> JsValue;
    fn openChannels(c: &JsValue) -> i32;
    fn channelsOpened(c: &JsValue) -> u32;
    fn saveEpisode(agent: &str, episode: &JsValue);
    fn clearEpisode(agent: &str);
    fn breakStorage(broken: bool);
    fn get(v: &JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(catch)]
    fn callHandle(handle: &JsValue, method: &str, arg: &JsValue) -> Result<JsValue, JsValue>;
    fn freeHandle(handle: &JsValue);
    fn reenter(el: &web_sys::Element, host: &JsValue, handle: &JsValue) -> JsValue;
    fn seenOf(log: &JsValue) -> String;
    fn errorsOf(log: &JsValue) -> String;
}

fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON parses")
}

fn s(v: JsValue) -> Option<String> {
    v.as_string()
}

async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

fn us() -> JsValue {
    obj(r#"{"locationOverride":{"region":"US"}}"#)
}

thread_local! {
    static GEOCODER: RefCell<Option<Geocoder>> = const { RefCell::new(None) };
    static GEO_MODULE: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// The URL of the geocoder module (see `geoModule`), made once per page.
fn geo_module() -> String {
    GEO_MODULE.with(|m| {
        m.borrow_mut()
            .get_or_insert_with(|| {
                let load = Closure::<dyn FnMut(js_sys::Uint8Array) -> Result<(), JsValue>>::new(
                    |bytes: js_sys::Uint8Array| {
                        let g = Geocoder::from_bytes(&bytes.to_vec())?;
                        GEOCODER.with(|c| *c.borrow_mut() = Some(g));
                        Ok(())
                    },
                );
                let lookup = Closure::<dyn FnMut(f64, f64, f64) -> js_sys::Array>::new(
                    |lat: f64, lon: f64, acc: f64| {
                        GEOCODER.with(|c| {
                            let c = c.borrow();
                            let g = c.as_ref().expect("loaded first");
                            let out = js_sys::Array::of1(
                                &g.region_at(lat, lon).unwrap_or_default().into(),
                            );
                            for r in g.regions_near(lat, lon, acc) {
                                out.push(&r.into());
                            }
                            out
                        })
                    },
                );
                let url = geoModule(load.as_ref(), lookup.as_ref());
                load.forget();
                lookup.forget();
                url
            })
            .clone()
    })
}

/// `config.emergency`'s members that load the geocoder and its data (the crate's 60×30 data).
fn geo_assets() -> String {
    format!(
        r#""geocoderUrl":"{}","boundariesUrl":"{}""#,
        geo_module(),
        blobUrl(BOUNDARIES_ODBL_60X30)
    )
}

// ---------------------------------------------------------------- E11: faults never block

#[wasm_bindgen_test]
async fn every_binding_fault_leaves_the_emergency_dial_synchronous_and_first() {
    for binding in [
        "presence.get",
        "presence.set",
        "notification.sendEmail",
        "conversation.setEmergencyMode",
        "activity.record",
    ] {
        for fault in ["throw", "reject", "hang", "slow"] {
            let faults = js_sys::Object::new();
            js_sys::Reflect::set(&faults, &binding.into(), &fault.into()).unwrap();
            let host = faultHost(&faults, &JsValue::UNDEFINED);
            let el = mountPoint();
            let dialer =
                mount(el.clone().into(), host.clone(), config("fault", &us())).expect("mount");
            dialer.dial("911".into()).expect("dial");
            // No await since `dial`: the host was called inside it.
            let called = names(&host);
            let first = called
                .split(',')
                .find(|n| *n != "presence.get")
                .unwrap_or("");
            assert_eq!(first, "calling.dial", "{binding}={fault}: {called}");
            let request = lastArg(&host, "calling.dial");
            assert_eq!(get(&request, "emergency").as_bool(), Some(true));
            sleep(5).await;
            let state = dialer.state().unwrap();
            assert_eq!(
                get(&state, "emergencyMode").as_bool(),
                Some(true),
                "{binding}={fault}"
            );
            // Ended before the unmount: a widget unmounted during a live emergency call is kept
            // (and taken up by the next mount of the agent), which is not this test's subject.
            emit(
                &host,
                &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
            );
            dialer.unmount();
            el.remove();
            clearEpisode("fault");
        }
    }
}

#[wasm_bindgen_test]
async fn failing_bindings_are_reported_as_dialer_errors() {
    let faults = obj(
        r#"{"presence.set":"throw","notification.sendEmail":"reject","conversation.setEmergencyMode":"throw"}"#,
    );
    let host = faultHost(&faults, &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    let dialer = mount(el.clone().into(), host.clone(), config("errors", &us())).unwrap();
    dialer.dial("911".into()).unwrap();
    sleep(30).await;
    let errors = eventsNamed(&events, "dialer:error");
    let bindings: Vec<String> = errors
        .iter()
        .filter_map(|e| s(get(&e, "binding")))
        .collect();
    for b in [
        "presence.set",
        "notification.sendEmail",
        "conversation.setEmergencyMode",
    ] {
        assert!(bindings.iter().any(|x| x == b), "{b} in {bindings:?}");
    }
    assert!(errors
        .iter()
        .all(|e| s(get(&e, "message")).is_some_and(|m| !m.is_empty())));
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn presence_is_retried_and_restored_when_the_binding_recovers() {
    let host = faultHost(&obj(r#"{"presence.set":"reject"}"#), &JsValue::UNDEFINED);
    let el = mountPoint();
    let dialer = mount(el.clone().into(), host.clone(), config("retry", &us())).unwrap();
    sleep(10).await;
    dialer.dial("911".into()).unwrap();
    sleep(50).await;
    assert_eq!(count(&host, "presence.set"), 1);
    assert_eq!(presenceNow(&host), "available", "the set was rejected");
    setFault(&host, "presence.set", None);
    sleep(2_300).await; // First backoff is 2 s.
    assert_eq!(
        presenceNow(&host),
        "dnd",
        "retried after 2 s: {}",
        names(&host)
    );
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(20).await;
    assert_eq!(presenceNow(&host), "available", "E8 restored");
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn a_hanging_presence_set_does_not_hold_the_next_dial() {
    let host = faultHost(&obj(r#"{"presence.set":"hang"}"#), &JsValue::UNDEFINED);
    let el = mountPoint();
    let dialer = mount(el.clone().into(), host.clone(), config("hang", &us())).unwrap();
    dialer.dial("911".into()).unwrap();
    assert_eq!(count(&host, "calling.dial"), 1);
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"dropped"}"#),
    );
    sleep(10).await;
    dialer.dial("911".into()).unwrap();
    assert_eq!(count(&host, "calling.dial"), 2, "{}", names(&host));
    dialer.unmount();
}

// ---------------------------------------------------------------- B4: lifecycle events

#[wasm_bindgen_test]
async fn lifecycle_events_carry_the_documented_detail() {
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    let dialer = mount(el.clone().into(), host.clone(), config("events", &us())).unwrap();
    sleep(10).await;
    let readiness = eventsNamed(&events, "dialer:readiness");
    assert_eq!(
        readiness.length(),
        1,
        "one report at mount: the configured location is in the first one, not taken back"
    );
    let r = readiness.get(0);
    assert!(get(&r, "ready").as_bool().is_some());
    let checks = js_sys::Array::from(&get(&r, "checks"));
    assert!(checks.length() > 0);
    let location = checks
        .iter()
        .find(|c| s(get(c, "id")).as_deref() == Some("location"))
        .expect("a location check");
    assert_eq!(
        get(&location, "ok").as_bool(),
        Some(true),
        "the override counts"
    );
    let check = checks.get(0);
    assert!(s(get(&check, "id")).is_some() && get(&check, "ok").as_bool().is_some());
    assert!(s(get(&check, "message")).is_some());

    dialer.dial("911".into()).unwrap();
    sleep(10).await;
    let started = eventsNamed(&events, "dialer:emergency-started");
    assert_eq!(started.length(), 1);
    let st = started.get(0);
    assert_eq!(s(get(&st, "callId")).as_deref(), Some("c1"));
    assert_eq!(s(get(&st, "number")).as_deref(), Some("911"));
    assert_eq!(s(get(&st, "region")).as_deref(), Some("US"));
    let notification = eventsNamed(&events, "dialer:notification");
    assert!(notification.length() >= 1);
    let n = notification.get(notification.length() - 1);
    assert_eq!(s(get(&n, "status")).as_deref(), Some("sent"));
    assert_eq!(
        js_sys::Array::from(&get(&n, "recipients"))
            .get(0)
            .as_string()
            .as_deref(),
        Some("safety@acme.example")
    );

    emit(&host, &obj(r#"{"type":"ringing","callId":"c1"}"#));
    emit(&host, &obj(r#"{"type":"connected","callId":"c1"}"#));
    let connected = eventsNamed(&events, "dialer:emergency-connected");
    assert_eq!(connected.length(), 1);
    assert_eq!(s(get(&connected.get(0), "callId")).as_deref(), Some("c1"));

    emit(
        &host,
        &obj(
            r#"{"type":"callback-number","callId":"c1","number":"+15550100042","validForSeconds":3600}"#,
        ),
    );
    let window = eventsNamed(&events, "dialer:callback-window");
    assert_eq!(window.length(), 1);
    let w = window.get(0);
    assert_eq!(s(get(&w, "number")).as_deref(), Some("+15550100042"));
    assert_eq!(get(&w, "open").as_bool(), Some(true));
    let expires = s(get(&w, "expiresAt")).expect("expiresAt");
    assert!(expires.ends_with('Z') && expires.contains('T'), "{expires}");

    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    let ended = eventsNamed(&events, "dialer:emergency-ended");
    assert_eq!(ended.length(), 1);
    assert_eq!(s(get(&ended.get(0), "callId")).as_deref(), Some("c1"));
    assert_eq!(s(get(&ended.get(0), "reason")).as_deref(), Some("remote"));
    dialer.unmount();
    clearEpisode("events");
}

// ---------------------------------------------------------------- Location

fn location_of(dialer: &agent_dialer::DialerHandle) -> (Option<String>, Option<String>) {
    let st = dialer.state().unwrap();
    (s(get(&st, "locationStatus")), s(get(&st, "region")))
}

#[wasm_bindgen_test]
async fn browser_location_states_reach_the_snapshot_and_the_dial_request() {
    let geo = fakeGeo("prompt");
    let assets = geo_assets();
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    let emergency = obj(&format!(r#"{{{assets},"civicAddress":"Floor 3"}}"#));
    let dialer = mount(el.clone().into(), host.clone(), config("geo", &emergency)).unwrap();
    sleep(10).await;
    assert_eq!(location_of(&dialer), (Some("prompt".into()), None));
    assert_eq!(geoWatches(&geo), 1, "watching");
    assert_eq!(geoTimeout(&geo), 10_000);

    // A call while the position is pending is not delayed (E12 unknown).
    geoPosition(&geo, 30.27, -97.74, 25.0);
    assert_eq!(location_of(&dialer).0.as_deref(), Some("granted"));
    for _ in 0..50 {
        if location_of(&dialer).1.is_some() {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(
        location_of(&dialer),
        (Some("granted".into()), Some("US".into()))
    );
    dialer.dial("911".into()).unwrap();
    let request = lastArg(&host, "calling.dial");
    assert_eq!(s(get(&request, "region")).as_deref(), Some("US"));
    let location = get(&request, "location");
    assert_eq!(get(&location, "latitude").as_f64(), Some(30.27));
    assert_eq!(get(&location, "accuracyMeters").as_f64(), Some(25.0));
    assert_eq!(
        s(get(&location, "civicAddress")).as_deref(),
        Some("Floor 3")
    );
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );

    // Somewhere unsupported: the region is known and outside (E12).
    geoPosition(&geo, 52.52, 13.405, 30.0);
    sleep(10).await;
    assert_eq!(location_of(&dialer).1.as_deref(), Some("DE"));
    // Puerto Rico is PR, not US.
    geoPosition(&geo, 18.4655, -66.1057, 30.0);
    sleep(10).await;
    assert_eq!(location_of(&dialer).1.as_deref(), Some("PR"));

    // Denied through the permission's change event.
    geoChange(&geo, "denied");
    assert_eq!(location_of(&dialer), (Some("denied".into()), None));
    let readiness = eventsNamed(&events, "dialer:readiness");
    let last = readiness.get(readiness.length() - 1);
    assert_eq!(get(&last, "ready").as_bool(), Some(false));
    // Allowed again: pending until a position arrives; a timeout makes it unavailable.
    geoChange(&geo, "granted");
    assert_eq!(location_of(&dialer).0.as_deref(), Some("prompt"));
    geoError(&geo, 3);
    assert_eq!(location_of(&dialer).0.as_deref(), Some("unavailable"));
    geoPosition(&geo, 55.6761, 12.5683, 30.0);
    sleep(10).await;
    assert_eq!(
        location_of(&dialer),
        (Some("granted".into()), Some("DK".into()))
    );
    geoError(&geo, 1);
    assert_eq!(location_of(&dialer).0.as_deref(), Some("denied"));

    dialer.unmount();
    assert_eq!(geoListeners(&geo), 0, "permission listener removed");
    assert_eq!(geoWatches(&geo), 0, "watch cleared");
    restoreGeo();
    clearEpisode("geo");
}

#[wasm_bindgen_test]
async fn the_override_wins_and_removing_it_follows_the_browser_again() {
    let geo = fakeGeo("granted");
    let assets = geo_assets();
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let emergency = obj(&format!(
        r#"{{{assets},"locationOverride":{{"region":"GB"}}}}"#
    ));
    let dialer = mount(el.clone().into(), host.clone(), config("ovr", &emergency)).unwrap();
    sleep(10).await;
    assert_eq!(
        location_of(&dialer),
        (Some("granted".into()), Some("GB".into()))
    );
    assert_eq!(geoWatches(&geo), 0, "no browser watch under an override");

    // A position override is looked up.
    dialer
        .set_config(obj(
            r#"{"emergency":{"locationOverride":{"latitude":43.65,"longitude":-79.38,"accuracyMeters":5}}}"#,
        ))
        .unwrap();
    for _ in 0..50 {
        if location_of(&dialer).1.is_some() {
            break;
        }
        sleep(20).await;
    }
    assert_eq!(location_of(&dialer).1.as_deref(), Some("CA"));

    // Removed: back to the browser.
    dialer
        .set_config(obj(r#"{"emergency":{"locationOverride":null}}"#))
        .unwrap();
    sleep(10).await;
    assert_eq!(geoWatches(&geo), 1, "watching the browser again");
    assert_eq!(location_of(&dialer), (Some("prompt".into()), None));
    geoPosition(&geo, 40.71, -74.0, 20.0);
    sleep(20).await;
    assert_eq!(
        location_of(&dialer),
        (Some("granted".into()), Some("US".into()))
    );
    dialer.unmount();
    restoreGeo();
}

/// The geocoder module's answer is read like any other input from outside the wasm: only
/// region codes reach the core, sorted and once each; anything else is an error or left out.
#[wasm_bindgen_test]
fn the_geocoders_answer_is_checked_before_the_core_sees_it() {
    use agent_dialer::host::location::check_geocoder_answer;
    let found = |json: &str| check_geocoder_answer(&obj(json));
    assert_eq!(
        found(r#"["dk", "US", "DE", "de", "CA"]"#),
        Ok((
            Some("DK".to_string()),
            vec!["CA".to_string(), "DE".to_string(), "US".to_string()]
        ))
    );
    assert_eq!(
        found(r#"["", "DK"]"#),
        Ok((None, vec!["DK".to_string()])),
        "no region"
    );
    assert_eq!(
        found(r#"["USA", "<b>", 7, null, "G1", "GB"]"#),
        Ok((None, vec!["GB".to_string()])),
        "only two-letter codes"
    );
    for bad in [r#"{"region":"US"}"#, r#""US""#, "null", "7"] {
        let err = found(bad).expect_err(bad);
        assert!(err.contains("not a list"), "{bad}: {err}");
    }
}

#[wasm_bindgen_test]
async fn unavailable_boundaries_data_or_lookup_module_keeps_coordinates_and_reports_an_error() {
    let data = blobUrl(BOUNDARIES_ODBL_60X30);
    let cases = [
        (
            format!(
                r#""geocoderUrl":"{}","boundariesUrl":"/no-such-boundaries.ser""#,
                geo_module()
            ),
            "country data could not be loaded",
        ),
        (
            format!(r#""geocoderUrl":"/no-such-geocoder.js","boundariesUrl":"{data}""#),
            "the location lookup module could not be loaded",
        ),
    ];
    for (assets, want) in cases {
        let geo = fakeGeo("granted");
        let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
        let el = mountPoint();
        let events = recordEvents(&el);
        let emergency = obj(&format!("{{{assets}}}"));
        let dialer = mount(
            el.clone().into(),
            host.clone(),
            config("nodata", &emergency),
        )
        .unwrap();
        sleep(10).await;
        geoPosition(&geo, 30.27, -97.74, 25.0);
        sleep(300).await;
        assert_eq!(
            location_of(&dialer),
            (Some("granted".into()), None),
            "{want}"
        );
        let errors = eventsNamed(&events, "dialer:error");
        let message = errors
            .iter()
            .filter(|e| s(get(e, "binding")).as_deref() == Some("geolocation"))
            .filter_map(|e| s(get(&e, "message")))
            .next();
        assert!(
            message.as_deref().is_some_and(|m| m.contains(want)),
            "geolocation error reported: {message:?}, want {want}"
        );
        // The call is still attempted at once with the position (E12 unknown region).
        dialer.dial("911".into()).unwrap();
        assert_eq!(count(&host, "calling.dial"), 1);
        let request = lastArg(&host, "calling.dial");
        assert_eq!(get(&request, "emergency").as_bool(), Some(true));
        assert!(get(&request, "location").is_object());
        assert_eq!(get(&request, "region"), JsValue::UNDEFINED);
        emit(
            &host,
            &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
        );
        dialer.unmount();
        restoreGeo();
        clearEpisode("nodata");
    }
}

// ---------------------------------------------------------------- B5: persistence

fn saved_episode(call: bool) -> JsValue {
    let expires = js_sys::Date::now() + 3_000_000.0;
    let call = if call {
        r#"{"callId":"c9","number":"911","kind":"emergency","startedAt":1}"#
    } else {
        "null"
    };
    obj(&format!(
        r#"{{"savedPresence":"away","restoring":false,"presenceUnknown":false,"call":{call},
        "callback":{{"number":"+15550100042","expiresAt":{expires},"callId":"c9"}},"lastEmergency":["c9",1]}}"#
    ))
}

#[wasm_bindgen_test]
async fn after_a_reload_without_active_calls_the_agent_is_asked_before_presence_comes_back() {
    saveEpisode("reload", &saved_episode(true));
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    let dialer = mount(el.clone().into(), host.clone(), config("reload", &us())).unwrap();
    sleep(700).await; // The tab probe (400 ms) finds no tab holding the call.
                      // The host cannot say whether the call survived: the episode is kept (DND) and the agent
                      // is asked (E11) — presence is not given back silently.
    assert_ne!(presenceNow(&host), "away", "{}", names(&host));
    let st = dialer.state().unwrap();
    assert_eq!(get(&st, "emergencyMode").as_bool(), Some(true));
    assert_eq!(
        text(&el, "emergency-still-on").as_deref(),
        Some(
            "The page was reloaded during an emergency call. Is the emergency call still going \
             on?Yes, I'm still on the callNo, it has ended"
        ),
        "the question is shown, with Yes and No"
    );
    // "No, it has ended": E8 and E9 now.
    el.query_selector("[data-test=still-on-no]")
        .unwrap()
        .expect("the No button")
        .dyn_into::<web_sys::HtmlElement>()
        .unwrap()
        .click();
    sleep(20).await;
    assert_eq!(presenceNow(&host), "away", "{}", names(&host));
    let ended = eventsNamed(&events, "dialer:emergency-ended");
    assert_eq!(ended.length(), 1);
    assert_eq!(s(get(&ended.get(0), "callId")).as_deref(), Some("c9"));
    let st = dialer.state().unwrap();
    assert_eq!(get(&st, "emergencyMode").as_bool(), Some(false));
    assert_eq!(
        s(get(&get(&st, "callbackWindow"), "number")).as_deref(),
        Some("+15550100042")
    );
    assert!(text(&el, "callback-window").is_some());
    dialer.unmount();
    clearEpisode("reload");
}

#[wasm_bindgen_test]
async fn the_hosts_active_calls_keep_a_restored_call_alive() {
    saveEpisode("alive", &saved_episode(true));
    let host = faultHost(&js_sys::Object::new(), &obj(r#"{"activeCalls":["c9"]}"#));
    let el = mountPoint();
    let dialer = mount(el.clone().into(), host.clone(), config("alive", &us())).unwrap();
    sleep(700).await;
    assert_eq!(count(&host, "calling.activeCalls"), 1);
    let st = dialer.state().unwrap();
    assert_eq!(get(&st, "emergencyMode").as_bool(), Some(true));
    assert_eq!(s(get(&get(&st, "call"), "callId")).as_deref(), Some("c9"));
    // Still in the emergency: the saved presence is not given back, and DND holds for the whole
    // call (E2) — set again when the host's presence is not DND.
    assert_eq!(presenceNow(&host), "dnd", "{}", names(&host));
    dialer.unmount();
    clearEpisode("alive");
}

/// `setConfig` merges; a member set to `undefined` on purpose is removed (the custom
/// element's `el.config = …` replaces the configuration so): a left-out civic address is not
/// sent with the next emergency call.
#[wasm_bindgen_test]
async fn a_member_set_to_undefined_is_removed_and_one_left_out_stays() {
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let emergency = obj(r#"{"civicAddress":"Floor 3","locationOverride":{"region":"US"}}"#);
    let dialer = mount(el.clone().into(), host.clone(), config("civic", &emergency)).unwrap();
    let sent = |host: &JsValue| {
        js_sys::JSON::stringify(&lastArg(host, "calling.dial"))
            .unwrap()
            .as_string()
            .unwrap_or_default()
    };
    dialer
        .set_config(obj(r#"{"emergency":{"recipients":"a@acme.example"}}"#))
        .unwrap();
    dialer.dial("911".into()).unwrap();
    assert!(sent(&host).contains("Floor 3"), "left out: kept");
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(10).await;
    let patch = obj(r#"{"emergency":{}}"#);
    js_sys::Reflect::set(
        &get(&patch, "emergency"),
        &"civicAddress".into(),
        &JsValue::UNDEFINED,
    )
    .unwrap();
    dialer.set_config(patch).unwrap();
    dialer.dial("911".into()).unwrap();
    assert!(
        !sent(&host).contains("Floor 3"),
        "set to undefined: removed"
    );
    assert_eq!(
        s(get(&lastArg(&host, "calling.dial"), "region")).as_deref(),
        Some("US"),
        "the rest of the group stays"
    );
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(10).await;
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn broken_storage_never_blocks_the_emergency_call() {
    breakStorage(true);
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    let dialer = mount(el.clone().into(), host.clone(), config("nostore", &us())).unwrap();
    dialer.dial("911".into()).unwrap();
    assert_eq!(count(&host, "calling.dial"), 1);
    sleep(10).await;
    breakStorage(false);
    let errors = eventsNamed(&events, "dialer:error");
    assert!(errors
        .iter()
        .any(|e| s(get(&e, "binding")).as_deref() == Some("storage")));
    let st = dialer.state().unwrap();
    assert_eq!(get(&st, "emergencyMode").as_bool(), Some(true));
    dialer.unmount();
    clearEpisode("nostore");
}

// ---------------------------------------------------------------- B5: tabs

#[wasm_bindgen_test]
async fn two_tabs_agree_and_exactly_one_answers_the_callback() {
    clearEpisode("tabs");
    let (ha, hb) = (
        faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED),
        faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED),
    );
    let (ea, eb) = (mountPoint(), mountPoint());
    let a = mount(ea.clone().into(), ha.clone(), config("tabs", &us())).unwrap();
    sleep(50).await;
    let b = mount(eb.clone().into(), hb.clone(), config("tabs", &us())).unwrap();
    sleep(300).await;
    // B is the younger tab: A answers callbacks before any emergency.
    let callback = r#"{"type":"incoming","callId":"cb1","from":"911","to":"+15550100042"}"#;

    b.dial("911".into()).unwrap();
    sleep(300).await;
    let st = a.state().unwrap();
    assert_eq!(
        s(get(&get(&st, "peerEmergency"), "number")).as_deref(),
        Some("911"),
        "A shows B's emergency"
    );
    assert!(text(&ea, "peer-emergency").is_some_and(|t| t.contains("911")));
    emit(
        &hb,
        &obj(
            r#"{"type":"callback-number","callId":"c1","number":"+15550100042","validForSeconds":3600}"#,
        ),
    );
    emit(
        &hb,
        &obj(r#"{"type":"ended","callId":"c1","reason":"dropped"}"#),
    );
    sleep(300).await;
    let st = a.state().unwrap();
    assert!(get(&st, "peerEmergency").is_undefined(), "B's call ended");
    assert!(
        get(&st, "callbackWindow").is_object(),
        "A took over the episode B left: the callback window"
    );
    // B made the emergency call, so B answers the callback; A does not.
    emit(&ha, &obj(callback));
    emit(&hb, &obj(callback));
    sleep(20).await;
    assert_eq!(count(&ha, "calling.answer"), 0, "A: {}", names(&ha));
    assert_eq!(count(&hb, "calling.answer"), 1, "B: {}", names(&hb));
    // The callback ends (a live one would keep B's episode going after its unmount).
    emit(
        &hb,
        &obj(r#"{"type":"ended","callId":"cb1","reason":"remote"}"#),
    );

    // B goes away: A is elected.
    b.unmount();
    sleep(100).await;
    let callback2 = r#"{"type":"incoming","callId":"cb2","from":"911","to":"+15550100042"}"#;
    emit(&ha, &obj(callback2));
    sleep(20).await;
    assert_eq!(count(&ha, "calling.answer"), 1, "A: {}", names(&ha));
    a.unmount();
    clearEpisode("tabs");
}

// ---------------------------------------------------------------- unmount

#[wasm_bindgen_test]
async fn a_thousand_mounts_and_unmounts_leave_nothing_behind() {
    let channels = countChannels();
    let geo = fakeGeo("granted");
    let host = faultHost(&obj(r#"{"presence.set":"reject"}"#), &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    for i in 0..1000 {
        let dialer = mount(
            el.clone().into(),
            host.clone(),
            config("churn", &JsValue::UNDEFINED),
        )
        .expect("mount");
        if i % 100 == 0 {
            // Arms the presence retry timer (the restore is rejected). The call ends first: a
            // widget unmounted during a live emergency call is kept on purpose (E11).
            dialer.dial("911".into()).unwrap();
            emit(
                &host,
                &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
            );
        }
        dialer.unmount();
        assert_eq!(el.child_element_count(), 0);
    }
    assert_eq!(channelsOpened(&channels), 1000);
    // A widget whose presence change has not answered yet (the host rejects it a moment
    // later) stays until it has, so a late DND can be undone (E8).
    sleep(50).await;
    assert_eq!(openChannels(&channels), 0, "every BroadcastChannel closed");
    assert_eq!(balance(&host), 0, "every host subscription undone");
    assert_eq!(geoListeners(&geo), 0, "every permission listener removed");
    assert_eq!(geoWatches(&geo), 0, "every geolocation watch cleared");
    let (calls, fired) = (names(&host).len(), eventCount(&events));
    sleep(2_500).await; // Past the first presence retry (2 s) and the tab heartbeat.
    assert_eq!(names(&host).len(), calls, "no binding called after unmount");
    assert_eq!(eventCount(&events), fired, "no event after unmount");
    restoreGeo();
    clearEpisode("churn");
}

#[wasm_bindgen_test]
async fn a_handle_freed_without_unmount_leaves_nothing_behind() {
    let channels = countChannels();
    let host = faultHost(&obj(r#"{"presence.set":"reject"}"#), &JsValue::UNDEFINED);
    let el = mountPoint();
    let events = recordEvents(&el);
    let dialer = mount(el.clone().into(), host.clone(), config("freed", &us())).unwrap();
    dialer.dial("911".into()).unwrap();
    // The call ends (a live one would be kept on purpose, E11); the rejected restore arms the
    // presence retry.
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(10).await;
    // What JavaScript does with `handle.free()`, e.g. a host that drops the widget's handle.
    freeHandle(&JsValue::from(dialer));
    assert_eq!(balance(&host), 0, "every host subscription undone");
    assert_eq!(openChannels(&channels), 0, "the tab channel closed");
    assert_eq!(el.child_element_count(), 0, "the widget removed");
    let (calls, fired) = (names(&host).len(), eventCount(&events));
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    sleep(2_500).await; // Past the first presence retry (2 s) and the tab heartbeat.
    assert_eq!(names(&host).len(), calls, "no binding called after free");
    assert_eq!(eventCount(&events), fired, "no event after free");
    clearEpisode("freed");
}

#[wasm_bindgen_test]
async fn listeners_and_bindings_may_call_back_into_the_handle_while_it_works() {
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let handle =
        JsValue::from(mount(el.clone().into(), host.clone(), config("reenter", &us())).unwrap());
    let log = reenter(&el, &host, &handle);
    // setConfig while a readiness listener reads the state (no contacts: readiness changes).
    callHandle(
        &handle,
        "setConfig",
        &obj(r#"{"emergency":{"recipients":""}}"#),
    )
    .expect("setConfig");
    // A dial whose presence.set and emergency-started listener call back in, the listener
    // even dialing again (refused: an emergency call is under way) and changing the config.
    callHandle(&handle, "dial", &"911".into()).expect("dial");
    assert_eq!(count(&host, "calling.dial"), 1, "{}", names(&host));
    let snapshot = callHandle(&handle, "state", &JsValue::UNDEFINED).expect("state");
    assert_eq!(get(&snapshot, "emergencyMode").as_bool(), Some(true));
    // The end of the call: the listener unmounts the widget from inside the event.
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    assert_eq!(errorsOf(&log), "", "nothing thrown into the listeners");
    let seen = seenOf(&log);
    for step in [
        "readiness:false",
        "presence.set:true",
        "started:true",
        "ended",
        "presence.set:available",
    ] {
        assert!(seen.contains(step), "{step} in {seen}");
    }
    assert_eq!(el.child_element_count(), 0, "unmounted from the listener");
    assert!(callHandle(&handle, "state", &JsValue::UNDEFINED).is_err());
    sleep(10).await;
    clearEpisode("reenter");
}

// ---------------------------------------------------------------- E12: known outside

#[wasm_bindgen_test]
async fn a_coarse_position_near_a_border_is_not_known_outside_and_112_goes_through() {
    let geo = fakeGeo("granted");
    let assets = geo_assets();
    let host = faultHost(&js_sys::Object::new(), &JsValue::UNDEFINED);
    let el = mountPoint();
    let emergency = obj(&format!("{{{assets}}}"));
    let dialer = mount(el.clone().into(), host.clone(), config("e12", &emergency)).unwrap();
    sleep(10).await;
    let wait_region = |want: &'static str| {
        let d = &dialer;
        async move {
            for _ in 0..50 {
                if location_of(d).1.as_deref() == Some(want) {
                    break;
                }
                sleep(20).await;
            }
            assert_eq!(location_of(d).1.as_deref(), Some(want));
        }
    };
    // Schleswig, 25 km from Denmark, ± 30 km: the circle may reach DK (supported).
    geoPosition(&geo, 54.52, 9.57, 30_000.0);
    wait_region("DE").await;
    sleep(20).await;
    dialer.dial("112".into()).unwrap();
    assert_eq!(count(&host, "calling.dial"), 1, "placed, not blocked");
    let request = lastArg(&host, "calling.dial");
    assert_eq!(get(&request, "emergency").as_bool(), Some(true));
    assert!(text(&el, "notice").is_none_or(|t| !t.contains("another phone")));
    emit(
        &host,
        &obj(r#"{"type":"ended","callId":"c1","reason":"remote"}"#),
    );
    // Berlin, ± 30 m: wholly outside every supported region — known outside, blocked.
    geoPosition(&geo, 52.52, 13.405, 30.0);
    sleep(50).await;
    dialer.dial("112".into()).unwrap();
    assert_eq!(count(&host, "calling.dial"), 1, "blocked: {}", names(&host));
    sleep(20).await;
    assert!(text(&el, "notice").is_some_and(|t| t.contains("112")));
    dialer.unmount();
    restoreGeo();
    clearEpisode("e12");
}

// ---------------------------------------------------------------- Rust values handed to JavaScript

/// `to_js` (what dial requests, event details, snapshots and the saved episode become):
/// JSON-compatible plain values, the same as JSON would give.
#[wasm_bindgen_test]
fn rust_values_become_json_compatible_javascript_values() {
    use agent_dialer::host::js::to_js;
    use serde::Serialize;

    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Inner {
        call_id: Option<String>,
        at: u64,
    }
    #[derive(Serialize)]
    #[serde(rename_all = "kebab-case")]
    enum Kind {
        TestCall,
        Coords(f64, f64),
        Named { id: u32 },
        Wrapped(bool),
    }
    #[derive(Serialize)]
    #[serde(tag = "type", rename_all = "camelCase")]
    enum Tagged {
        Ended { call_id: String },
    }
    #[derive(Serialize)]
    struct Outer {
        inner: Inner,
        none: Option<u8>,
        kinds: Vec<Kind>,
        tagged: Tagged,
        map: std::collections::BTreeMap<String, i32>,
        text: &'static str,
        c: char,
        neg: i64,
    }
    let value = Outer {
        inner: Inner {
            call_id: None,
            at: 1_764_160_000_000,
        },
        none: None,
        kinds: vec![
            Kind::TestCall,
            Kind::Coords(55.5, -0.25),
            Kind::Named { id: 7 },
            Kind::Wrapped(true),
        ],
        tagged: Tagged::Ended {
            call_id: "c1".into(),
        },
        map: [("a".to_string(), -1)].into_iter().collect(),
        text: "ø \"911\"",
        c: '✓',
        neg: -(1 << 53) + 1,
    };
    let js = to_js(&value).expect("plain values");
    let json = String::from(js_sys::JSON::stringify(&js).unwrap());
    assert_eq!(
        json,
        r#"{"inner":{"callId":null,"at":1764160000000},"none":null,"kinds":["test-call",{"coords":[55.5,-0.25]},{"named":{"id":7}},{"wrapped":true}],"tagged":{"type":"ended","call_id":"c1"},"map":{"a":-1},"text":"ø \"911\"","c":"✓","neg":-9007199254740991}"#
    );
    // Beyond 2^53 − 1 a number would not arrive exact: an error, not a rounded value.
    let error = to_js(&(1u64 << 53)).unwrap_err();
    assert!(
        error.contains("9007199254740992 can't be represented"),
        "{error}"
    );
    assert!(to_js(&i64::MIN).is_err());
}
