//! Browser tests of the emergency settings (E7, issue 15): the form over the real core
//! (validation as typed, preview, what Save says), the administrator's surface
//! (`mountSettings`) against a fake host (saved, refused, thrown; the draft kept across a
//! reload; the page-leave guard; storage that fails), and the agent's pane with the host's
//! permission off and on.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use agent_dialer::core::config::{Permissions, RawAgent, RawConfig, RawEmergency};
use agent_dialer::core::settings::{EmergencySettings, SettingsEditor, SettingsEvent};
use agent_dialer::core::{Config, Dialer, Event};
use agent_dialer::ui::{Pane, SettingsLink, SettingsPanel, SettingsPanelProps};
use agent_dialer::{mount, mount_settings, SettingsHandle};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// A host with settings.save: mode "ok" | "reject" | "throw" | "hang"; records every save.
export function settingsHost(mode, extra) {
  const saves = [];
  const host = {
    saves,
    mode,
    settings: {
      save(request) {
        saves.push(JSON.parse(JSON.stringify(request)));
        switch (host.mode) {
          case "reject": return Promise.reject(new Error("the CRM is read-only today"));
          case "throw": throw new Error("no connection to the CRM");
          case "hang": return new Promise(() => {});
          default: return Promise.resolve();
        }
      },
    },
  };
  return Object.assign(host, extra || {});
}
// The same, plus the dialer's required bindings.
export function dialerHost(mode) {
  const calls = [];
  return settingsHost(mode, {
    calls,
    presence: { get() { return "available"; }, set(s) { calls.push(["presence.set", s]); } },
    calling: {
      dial(r) { calls.push(["calling.dial", r]); return { callId: "c1" }; },
      hangUp() {}, answer() {}, subscribe() { return () => {}; },
    },
    notification: { sendEmail(m) { calls.push(["notification.sendEmail", JSON.parse(JSON.stringify(m))]); } },
  });
}
export function setMode(host, mode) { host.mode = mode; }
export function saves(host) { return host.saves; }
export function emails(host) { return host.calls.filter((c) => c[0] === "notification.sendEmail").map((c) => c[1]); }
export function mountPoint() { const el = document.createElement("div"); document.body.append(el); return el; }
export function config(agent, extra) {
  return Object.assign({ agent: { id: agent, name: "Alex Agent" }, locale: "en-US",
    emergency: { recipients: "safety@acme.example", locationOverride: { region: "US" } } }, extra || {});
}
export function typeInto(root, sel, value) {
  const el = root.querySelector(`[data-test=${sel}]`);
  el.value = value;
  el.dispatchEvent(new InputEvent("input", { bubbles: true }));
}
export function click(root, sel) { root.querySelector(`[data-test=${sel}]`).click(); }
export function text(root, sel) { const el = root.querySelector(`[data-test=${sel}]`); return el ? el.textContent : null; }
export function value(root, sel) { const el = root.querySelector(`[data-test=${sel}]`); return el ? el.value : null; }
export function attr(root, sel, name) { const el = root.querySelector(`[data-test=${sel}]`); return el ? el.getAttribute(name) : null; }
export function focusedTest() { return document.activeElement?.dataset?.test ?? null; }
export function byId(root, id) { return root.querySelector(`#${CSS.escape(id)}`)?.textContent ?? null; }
export function get(v, key) { return v[key]; }
// A cancelable beforeunload, as the browser sends when the page is left: was it held back?
export function leaving() {
  const e = new Event("beforeunload", { cancelable: true });
  window.dispatchEvent(e);
  return e.defaultPrevented;
}
export function draftKept(agent) { return localStorage.getItem(`agent-dialer:settings-draft:${agent}`); }
export function putDraft(agent, text) { localStorage.setItem(`agent-dialer:settings-draft:${agent}`, text); }
export function clearDraft(agent) { localStorage.removeItem(`agent-dialer:settings-draft:${agent}`); }
const setItem = Storage.prototype.setItem;
export function breakStorage(broken) {
  Storage.prototype.setItem = broken ? function () { throw new DOMException("quota exceeded", "QuotaExceededError"); } : setItem;
}
// settings.save that calls back into the handle: state() then unmount(), inside the call.
export function reentrantHost(handleBox, log) {
  return { settings: { save() {
    log.push(JSON.stringify(handleBox.handle.state().status));
    handleBox.handle.unmount();
    log.push("unmounted");
    return Promise.resolve();
  } } };
}
export function box() { return {}; }
export function setBox(b, handle) { b.handle = handle; }
export function recordErrors(el) {
  const errors = [];
  el.addEventListener("dialer:error", (e) => errors.push(e.detail));
  return errors;
}
"#)]
extern "C" {
    fn settingsHost(mode: &str, extra: &JsValue) -> JsValue;
    fn dialerHost(mode: &str) -> JsValue;
    fn setMode(host: &JsValue, mode: &str);
    fn saves(host: &JsValue) -> js_sys::Array;
    fn emails(host: &JsValue) -> js_sys::Array;
    fn mountPoint() -> web_sys::Element;
    fn config(agent: &str, extra: &JsValue) -> JsValue;
    fn typeInto(root: &web_sys::Element, sel: &str, value: &str);
    fn click(root: &web_sys::Element, sel: &str);
    fn text(root: &web_sys::Element, sel: &str) -> Option<String>;
    fn value(root: &web_sys::Element, sel: &str) -> Option<String>;
    fn attr(root: &web_sys::Element, sel: &str, name: &str) -> Option<String>;
    fn focusedTest() -> Option<String>;
    fn byId(root: &web_sys::Element, id: &str) -> Option<String>;
    fn get(v: &JsValue, key: &str) -> JsValue;
    fn leaving() -> bool;
    fn draftKept(agent: &str) -> Option<String>;
    fn clearDraft(agent: &str);
    fn putDraft(agent: &str, text: &str);
    fn breakStorage(broken: bool);
    fn recordErrors(el: &web_sys::Element) -> js_sys::Array;
    fn reentrantHost(handle_box: &JsValue, log: &js_sys::Array) -> JsValue;
    fn r#box() -> JsValue;
    fn setBox(b: &JsValue, handle: SettingsHandle);
}

/// Lets the widget's JavaScript callbacks and timers run, then Yew render everything it has
/// queued: the settings form is still Yew (cargo feature `admin`) and its scheduler yields to
/// the browser under load, so a sleep alone is not enough. (The agent's pane renders
/// synchronously.)
async fn settle() {
    gloo_timers::future::sleep(std::time::Duration::from_millis(30)).await;
    yew::scheduler::flush().await;
}

fn obj(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON")
}

fn s(v: JsValue) -> Option<String> {
    v.as_string()
}

// ------------------------------------------------------------------ the form over the core

/// The form rendered on its own, with the real editor behind it (events handled at once).
struct Form {
    root: web_sys::Element,
    editor: Rc<RefCell<SettingsEditor>>,
    _app: yew::AppHandle<SettingsPanel>,
}

impl Drop for Form {
    fn drop(&mut self) {
        self.root.remove();
    }
}

async fn form(locale: &str) -> Form {
    let editor = Rc::new(RefCell::new(SettingsEditor::new(
        "agent-7",
        "Alex Agent",
        Some(locale.into()),
        EmergencySettings {
            recipients: "safety@acme.example".into(),
            template: Default::default(),
        },
    )));
    let link_cell: Rc<RefCell<Option<SettingsLink>>> = Rc::default();
    let onevent = {
        let (editor, link_cell) = (editor.clone(), link_cell.clone());
        move |event: SettingsEvent| {
            let view = {
                let mut e = editor.borrow_mut();
                e.handle(event, 0);
                while e.poll_effect().is_some() {}
                e.view()
            };
            if let Some(link) = link_cell.borrow().as_ref() {
                link.publish(Some(view));
            }
        }
    };
    let link = SettingsLink::new(onevent);
    link.publish(Some(editor.borrow().view()));
    *link_cell.borrow_mut() = Some(link.clone());
    let root = mountPoint();
    root.set_class_name("agent-dialer");
    let props = SettingsPanelProps {
        link,
        lang: None,
        surface: true,
    };
    let app = yew::Renderer::<SettingsPanel>::with_root_and_props(root.clone(), props).render();
    settle().await;
    Form {
        root,
        editor,
        _app: app,
    }
}

#[wasm_bindgen_test]
async fn the_form_validates_as_typed_and_previews_the_template_as_text() {
    let f = form("en-US").await;
    let r = &f.root;
    assert_eq!(
        text(r, "settings-surface").map(|t| t.starts_with("Emergency settings: Alex Agent")),
        Some(true)
    );
    typeInto(r, "recipients", "a@acme.example; bob; c@acme.example");
    settle().await;
    let errors = text(r, "recipient-errors").unwrap();
    assert!(
        errors.contains("Entry 2") && errors.contains("bob"),
        "{errors}"
    );
    assert_eq!(
        attr(r, "recipients", "aria-invalid").as_deref(),
        Some("true")
    );
    // The errors are what a screen reader reads with the field.
    let described = attr(r, "recipients", "aria-describedby").unwrap();
    let errors_id = described.split(' ').nth(1).unwrap();
    assert!(byId(r, errors_id).unwrap().contains("Entry 2"));
    assert_eq!(
        text(r, "preview-to").as_deref(),
        Some("To: a@acme.example, c@acme.example")
    );
    assert!(text(r, "placeholders").unwrap().contains("{agent_name}"));

    typeInto(r, "template-subject", "<b>Alert</b> {agent_name}");
    settle().await;
    assert_eq!(
        text(r, "preview-subject").as_deref(),
        Some("<b>Alert</b> Alex Agent"),
        "text, never HTML"
    );
    typeInto(r, "template-subject", "Alert {agentname}");
    settle().await;
    assert_eq!(
        text(r, "template-errors").as_deref(),
        Some("Subject, character 7: Unknown placeholder {agentname}. Did you mean {agent_name}?")
    );
    assert_eq!(
        attr(r, "template-subject", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        text(r, "preview"),
        None,
        "no preview from a broken template"
    );
    assert!(f.editor.borrow().view().dirty);
}

#[wasm_bindgen_test]
async fn save_with_a_marked_field_sends_nothing_says_so_and_focuses_the_field() {
    let f = form("en-US").await;
    let r = &f.root;
    typeInto(r, "recipients", "ok@acme.example; front desk");
    settle().await;
    click(r, "settings-save");
    settle().await;
    assert_eq!(
        text(r, "settings-error").as_deref(),
        Some("Not saved: correct the marked fields first.")
    );
    assert_eq!(attr(r, "settings-error", "role").as_deref(), Some("alert"));
    assert_eq!(focusedTest().as_deref(), Some("recipients"));
    assert_eq!(
        value(r, "recipients").as_deref(),
        Some("ok@acme.example; front desk")
    );
    // Discard takes the saved settings back; focus stays in the form.
    click(r, "settings-discard");
    settle().await;
    assert_eq!(
        value(r, "recipients").as_deref(),
        Some("safety@acme.example")
    );
    assert_eq!(text(r, "settings-discard"), None);
    assert_eq!(focusedTest().as_deref(), Some("settings-save"));
}

#[wasm_bindgen_test]
async fn the_form_speaks_every_locale() {
    // The locale files as fetched ones are taken up (the test server has none).
    for (lang, file) in agent_dialer::ui::i18n::LOCALE_FILES {
        agent_dialer::ui::i18n::install(lang, &js_sys::JSON::parse(file).unwrap()).unwrap();
    }
    for (locale, save, label) in [
        ("en-GB", "Save", "Emergency contacts (email)"),
        ("da-DK", "Gem", "Nødkontakter (e-mail)"),
        ("fr-CA", "Enregistrer", "Contacts d'urgence (courriel)"),
        ("es-PR", "Guardar", "Contactos de emergencia (correo)"),
        ("de-DE", "Speichern", "Notfallkontakte (E-Mail)"),
    ] {
        let f = form(locale).await;
        let r = &f.root;
        assert_eq!(text(r, "settings-save").as_deref(), Some(save), "{locale}");
        assert!(text(r, "settings").unwrap().contains(label), "{locale}");
        assert_eq!(attr(r, "settings-surface", "lang").as_deref(), Some(locale));
        typeInto(r, "template-body", "{x");
        settle().await;
        assert!(!text(r, "template-errors").unwrap().is_empty(), "{locale}");
    }
}

// ------------------------------------------------------------------ mountSettings

#[wasm_bindgen_test]
async fn mount_settings_refuses_a_host_without_settings_save() {
    let el = mountPoint();
    let err = mount_settings(
        el.clone().into(),
        obj(r#"{"settings":{}}"#),
        config("a-none", &JsValue::UNDEFINED),
    )
    .err()
    .map(JsValue::from);
    let message = err.map(|e| s(get(&e, "message")).unwrap_or_default());
    assert_eq!(
        message.as_deref(),
        Some("mountSettings: host.settings.save must be a function")
    );
    let err = mount_settings(
        JsValue::from_str("#nope"),
        settingsHost("ok", &JsValue::UNDEFINED),
        config("a-none", &JsValue::UNDEFINED),
    )
    .err()
    .map(|e| s(get(&JsValue::from(e), "message")).unwrap_or_default());
    assert_eq!(
        err.as_deref(),
        Some("mountSettings: element must be a DOM Element")
    );
    assert_eq!(el.child_element_count(), 0, "nothing was mounted");
}

/// The settings surface for `agent` over `host`.
async fn surface(agent: &str, host: &JsValue) -> (web_sys::Element, SettingsHandle) {
    let el = mountPoint();
    let handle = mount_settings(
        el.clone().into(),
        host.clone(),
        config(agent, &JsValue::UNDEFINED),
    )
    .expect("mounts");
    settle().await;
    (el, handle)
}

#[wasm_bindgen_test]
async fn a_save_goes_through_the_host_and_says_saved() {
    let agent = "a-save";
    clearDraft(agent);
    let host = settingsHost("ok", &JsValue::UNDEFINED);
    let (el, handle) = surface(agent, &host).await;
    typeInto(&el, "recipients", "new@acme.example; ops@acme.example");
    typeInto(&el, "template-subject", "SOS {agent_name} {number}");
    settle().await;
    assert!(draftKept(agent).unwrap().contains("new@acme.example"));
    assert_eq!(
        text(&el, "settings-dirty").as_deref(),
        Some("Unsaved changes")
    );
    click(&el, "settings-save");
    settle().await;
    let sent = saves(&host);
    assert_eq!(sent.length(), 1);
    let request = sent.get(0);
    assert_eq!(s(get(&request, "agentId")).as_deref(), Some(agent));
    assert_eq!(
        s(get(&request, "recipients")).as_deref(),
        Some("new@acme.example; ops@acme.example")
    );
    assert_eq!(
        s(get(&get(&request, "template"), "subject")).as_deref(),
        Some("SOS {agent_name} {number}")
    );
    assert_eq!(text(&el, "settings-status").as_deref(), Some("Saved."));
    assert_eq!(
        attr(&el, "settings-status", "role").as_deref(),
        Some("status")
    );
    assert_eq!(text(&el, "settings-dirty"), None);
    assert_eq!(draftKept(agent), None, "nothing unsaved is kept");
    let state = handle.state().unwrap();
    assert_eq!(s(get(&state, "status")).as_deref(), Some("saved"));
    assert_eq!(get(&state, "dirty").as_bool(), Some(false));
    handle.unmount();
    assert_eq!(el.child_element_count(), 0);
}

#[wasm_bindgen_test]
async fn a_refused_or_throwing_save_keeps_the_edits_and_says_why() {
    for (mode, why) in [
        ("reject", "the CRM is read-only today"),
        ("throw", "settings.save threw: no connection to the CRM"),
    ] {
        let agent = format!("a-{mode}");
        clearDraft(&agent);
        let host = settingsHost(mode, &JsValue::UNDEFINED);
        let (el, handle) = surface(&agent, &host).await;
        typeInto(&el, "recipients", "new@acme.example");
        settle().await;
        click(&el, "settings-save");
        settle().await;
        assert_eq!(
            text(&el, "settings-error"),
            Some(format!(
                "Not saved: {why}. Your changes are kept here; try again."
            )),
            "{mode}"
        );
        assert_eq!(
            value(&el, "recipients").as_deref(),
            Some("new@acme.example")
        );
        assert!(draftKept(&agent).unwrap().contains("new@acme.example"));
        let state = handle.state().unwrap();
        assert_eq!(s(get(&state, "status")).as_deref(), Some("failed"));
        assert_eq!(s(get(&state, "error")).as_deref(), Some(why));
        assert_eq!(
            s(get(&get(&state, "saved"), "recipients")).as_deref(),
            Some("safety@acme.example")
        );
        // The host recovers: the same edits save.
        setMode(&host, "ok");
        click(&el, "settings-save");
        settle().await;
        assert_eq!(text(&el, "settings-status").as_deref(), Some("Saved."));
        assert_eq!(text(&el, "settings-error").as_deref(), Some(""));
        handle.unmount();
    }
}

#[wasm_bindgen_test]
async fn unsaved_edits_survive_a_reload_and_leaving_asks_first() {
    let agent = "a-reload";
    clearDraft(agent);
    let host = settingsHost("ok", &JsValue::UNDEFINED);
    let (el, handle) = surface(agent, &host).await;
    assert!(!leaving(), "nothing unsaved: leaving is not held back");
    typeInto(&el, "template-body", "Call {callback_number} now");
    settle().await;
    assert!(leaving(), "unsaved edits: the browser asks first");
    // "Reload": the surface goes away and comes back for the same agent.
    handle.unmount();
    assert!(!leaving(), "an unmounted surface holds nothing back");
    let (el, handle) = surface(agent, &host).await;
    assert_eq!(
        value(&el, "template-body").as_deref(),
        Some("Call {callback_number} now")
    );
    assert!(text(&el, "settings-restored").is_some());
    assert!(leaving());
    click(&el, "settings-discard");
    settle().await;
    assert_ne!(
        value(&el, "template-body").as_deref(),
        Some("Call {callback_number} now")
    );
    assert_eq!(draftKept(agent), None);
    assert!(!leaving());
    handle.unmount();
}

#[wasm_bindgen_test]
async fn storage_that_fails_is_reported_and_the_edits_stay() {
    let agent = "a-storage";
    clearDraft(agent);
    let (el, handle) = surface(agent, &settingsHost("ok", &JsValue::UNDEFINED)).await;
    breakStorage(true);
    typeInto(&el, "recipients", "kept@acme.example");
    settle().await;
    breakStorage(false);
    let notice = text(&el, "settings-storage-problem").expect("the storage problem is shown");
    assert!(notice.contains("quota exceeded"), "{notice}");
    assert_eq!(
        value(&el, "recipients").as_deref(),
        Some("kept@acme.example")
    );
    assert!(leaving(), "the edits live in memory and leaving asks first");
    handle.unmount();
}

#[wasm_bindgen_test]
async fn an_unreadable_kept_draft_is_reported_and_the_form_works() {
    let agent = "a-corrupt";
    putDraft(agent, "{not json");
    let (el, handle) = surface(agent, &settingsHost("ok", &JsValue::UNDEFINED)).await;
    let notice = text(&el, "settings-storage-problem").expect("reported");
    assert!(notice.contains("the kept draft is unreadable"), "{notice}");
    assert_eq!(
        value(&el, "recipients").as_deref(),
        Some("safety@acme.example")
    );
    typeInto(&el, "recipients", "fresh@acme.example");
    settle().await;
    assert_eq!(
        text(&el, "settings-storage-problem"),
        None,
        "storing works again"
    );
    assert!(draftKept(agent).unwrap().contains("fresh@acme.example"));
    handle.unmount();
    clearDraft(agent);
}

#[wasm_bindgen_test]
async fn a_save_binding_may_call_back_into_the_handle_and_even_unmount_it() {
    let agent = "a-reenter";
    clearDraft(agent);
    let (handle_box, log) = (r#box(), js_sys::Array::new());
    let host = reentrantHost(&handle_box, &log);
    let (el, handle) = surface(agent, &host).await;
    typeInto(&el, "recipients", "x@acme.example");
    settle().await;
    setBox(&handle_box, handle);
    click(&el, "settings-save");
    settle().await;
    assert_eq!(
        log.join(",").as_string().as_deref(),
        Some("\"saving\",unmounted"),
        "state() answered from inside the binding, then unmount()"
    );
    assert_eq!(el.child_element_count(), 0, "the form is gone");
    assert!(!leaving(), "an unmounted surface holds nothing back");
    assert!(
        draftKept(agent).is_some(),
        "unconfirmed edits stay kept for the next mount"
    );
    clearDraft(agent);
}

#[wasm_bindgen_test]
async fn malformed_permissions_throw_and_name_the_problem() {
    let err = mount(
        mountPoint().into(),
        dialerHost("ok"),
        config(
            "a-bad",
            &obj(r#"{"permissions":{"editEmergencySettings":"yes"}}"#),
        ),
    )
    .err()
    .map(|e| s(get(&JsValue::from(e), "message")).unwrap_or_default())
    .unwrap_or_default();
    assert_eq!(
        err,
        "mount: config.permissions.editEmergencySettings must be true or false"
    );
}

#[wasm_bindgen_test]
async fn set_config_brings_new_saved_settings_and_keeps_an_unsaved_draft() {
    let agent = "a-config";
    clearDraft(agent);
    let (el, handle) = surface(agent, &settingsHost("ok", &JsValue::UNDEFINED)).await;
    handle
        .set_config(obj(r#"{"emergency":{"recipients":"other@acme.example"}}"#))
        .unwrap();
    settle().await;
    assert_eq!(
        value(&el, "recipients").as_deref(),
        Some("other@acme.example")
    );
    typeInto(&el, "recipients", "mine@acme.example");
    settle().await;
    handle
        .set_config(obj(r#"{"emergency":{"recipients":"third@acme.example"}}"#))
        .unwrap();
    settle().await;
    assert_eq!(
        value(&el, "recipients").as_deref(),
        Some("mine@acme.example")
    );
    assert!(text(&el, "settings-stale").is_some());
    let err = handle
        .set_config(obj(r#"{"agent":{"id":"someone-else","name":"X"}}"#))
        .err()
        .map(|e| s(get(&JsValue::from(e), "message")).unwrap_or_default());
    assert!(err.unwrap().contains("agent.id cannot change"));
    handle.unmount();
    clearDraft(agent);
}

// ------------------------------------------------------------------ the agent's pane

fn pane_config(edit: bool) -> Config {
    Config::from_raw(RawConfig {
        agent: RawAgent {
            id: "a1".into(),
            name: "Ann Agent".into(),
        },
        locale: Some("en-US".into()),
        emergency: Some(RawEmergency {
            recipients: Some("safety@acme.example".into()),
            ..RawEmergency::default()
        }),
        readiness: None,
        permissions: Some(Permissions {
            edit_emergency_settings: edit,
        }),
    })
    .unwrap()
}

async fn pane(edit: bool, link: Option<SettingsLink>) -> (web_sys::Element, Pane) {
    let mut dialer = Dialer::new(pane_config(edit), "tab", 0);
    dialer.handle(Event::PresenceObserved("available".into()), 0);
    while dialer.poll_effect().is_some() {}
    let root = mountPoint();
    root.set_class_name("agent-dialer");
    let pane = Pane::mount(&root, dialer.view(0), 1, link, |_| {});
    settle().await;
    (root, pane)
}

fn live_link() -> SettingsLink {
    let link = SettingsLink::new(|_| {});
    let editor = SettingsEditor::new("a1", "Ann", None, EmergencySettings::default());
    link.publish(Some(editor.view()));
    link
}

#[wasm_bindgen_test]
async fn without_the_permission_the_pane_offers_no_settings_only_who_is_told() {
    let (root, _app) = pane(false, Some(live_link())).await;
    assert_eq!(text(&root, "settings-toggle"), None);
    assert!(root
        .query_selector("input[data-test=recipients], textarea, [data-test=settings]")
        .unwrap()
        .is_none());
    click(&root, "readiness-toggle");
    settle().await;
    assert_eq!(
        text(&root, "contacts-readonly").as_deref(),
        Some("Emailed about your emergency calls: safety@acme.example")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn with_the_permission_the_pane_opens_the_form() {
    // Granted, but no editor (the host cannot save): still nothing to open.
    let (root, _app) = pane(true, None).await;
    assert_eq!(text(&root, "settings-toggle"), None);
    root.remove();
    let (root, _app) = pane(true, Some(live_link())).await;
    assert_eq!(
        attr(&root, "settings-toggle", "aria-expanded").as_deref(),
        Some("false")
    );
    click(&root, "settings-toggle");
    settle().await;
    assert!(text(&root, "settings").is_some());
    assert!(value(&root, "recipients").is_some());
    assert_eq!(
        text(&root, "call-button"),
        None,
        "the form replaces the keypad"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_mounted_dialer_saves_pane_edits_through_the_host_and_emails_the_new_contacts() {
    clearDraft("a-pane");
    let host = dialerHost("ok");
    let el = mountPoint();
    let cfg = config(
        "a-pane",
        &obj(r#"{"permissions":{"editEmergencySettings":true}}"#),
    );
    let dialer = mount(el.clone().into(), host.clone(), cfg).unwrap();
    settle().await;
    click(&el, "settings-toggle");
    settle().await;
    typeInto(&el, "recipients", "pane@acme.example");
    typeInto(&el, "template-subject", "Pane alert {number}");
    settle().await;
    click(&el, "settings-save");
    settle().await;
    assert_eq!(saves(&host).length(), 1);
    assert_eq!(text(&el, "settings-status").as_deref(), Some("Saved."));
    // Saved by the host: the dialer uses it for the next emergency call.
    dialer.dial("911".into()).unwrap();
    settle().await;
    let sent = emails(&host);
    assert_eq!(sent.length(), 1);
    let mail = sent.get(0);
    assert_eq!(
        js_sys::JSON::stringify(&get(&mail, "to")).unwrap(),
        "[\"pane@acme.example\"]"
    );
    assert_eq!(s(get(&mail, "subject")).as_deref(), Some("Pane alert 911"));
    // The call ends before the dialer goes: a live one would keep its episode (E11).
    click(&el, "end-call");
    settle().await;
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn set_config_changes_who_the_next_emergency_email_goes_to_and_how_it_reads() {
    let host = dialerHost("ok");
    let el = mountPoint();
    let dialer = mount(
        el.clone().into(),
        host.clone(),
        config("a-setconfig", &JsValue::UNDEFINED),
    )
    .unwrap();
    dialer
        .set_config(obj(
            r#"{"emergency":{"recipients":"new@acme.example","template":{"subject":"New {agent_name}","body":"Dialed {number}"}}}"#,
        ))
        .unwrap();
    dialer.dial("911".into()).unwrap();
    settle().await;
    let mail = emails(&host).get(0);
    assert_eq!(
        js_sys::JSON::stringify(&get(&mail, "to")).unwrap(),
        "[\"new@acme.example\"]"
    );
    assert_eq!(s(get(&mail, "subject")).as_deref(), Some("New Alex Agent"));
    assert_eq!(s(get(&mail, "text")).as_deref(), Some("Dialed 911"));
    click(&el, "end-call");
    settle().await;
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn a_permission_without_settings_save_is_a_dialer_error_and_stays_read_only() {
    let el = mountPoint();
    let errors = recordErrors(&el);
    let host = dialerHost("ok");
    js_sys::Reflect::delete_property(host.unchecked_ref::<js_sys::Object>(), &"settings".into())
        .unwrap();
    let dialer = mount(
        el.clone().into(),
        host,
        config(
            "a-nosave",
            &obj(r#"{"permissions":{"editEmergencySettings":true}}"#),
        ),
    )
    .unwrap();
    settle().await;
    assert_eq!(text(&el, "settings-toggle"), None);
    assert_eq!(errors.length(), 1);
    assert_eq!(
        s(get(&errors.get(0), "binding")).as_deref(),
        Some("settings.save")
    );
    dialer.unmount();
}

#[wasm_bindgen_test]
async fn granting_and_revoking_through_set_config_adds_and_removes_the_form() {
    clearDraft("a-grant");
    let el = mountPoint();
    let dialer = mount(
        el.clone().into(),
        dialerHost("ok"),
        config("a-grant", &JsValue::UNDEFINED),
    )
    .unwrap();
    settle().await;
    assert_eq!(text(&el, "settings-toggle"), None);
    dialer
        .set_config(obj(r#"{"permissions":{"editEmergencySettings":true}}"#))
        .unwrap();
    settle().await;
    click(&el, "settings-toggle");
    settle().await;
    assert!(value(&el, "recipients").is_some());
    dialer
        .set_config(obj(r#"{"permissions":{"editEmergencySettings":false}}"#))
        .unwrap();
    settle().await;
    assert_eq!(text(&el, "settings-toggle"), None);
    assert_eq!(value(&el, "recipients"), None, "revoked: the form is gone");
    dialer.unmount();
}
