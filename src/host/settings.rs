//! Runs the core's settings editor (`core::settings`) against the host and the browser, the
//! way [`super::driver`] runs the dialer: every event goes to the editor with the time, every
//! effect it hands out runs at once, in order; an event that comes back while effects run
//! waits its turn, and no `RefCell` borrow is held while JavaScript runs.
//!
//! - `settings.save(request)` is called on the host; a throw, a rejection or any value of the
//!   wrong kind is the host's error; the editor owns the timeout (a late answer still counts).
//! - The unsaved draft is kept in `localStorage` per agent (`agent-dialer:settings-draft:<id>`)
//!   as a JSON array of its six strings (read back by hand: no serde deserializer for it in
//!   the bundle); when storage fails, the editor is told and the form says so.
//! - While something is unsaved, a `beforeunload` listener asks before the page is left; it is
//!   removed as soon as nothing is unsaved (so the page stays eligible for the back/forward
//!   cache).

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;

use super::js::{describe, now, to_js};
use super::storage::{load_text, save_text};
use crate::core::settings::{
    Draft, EmergencySettings, SettingsEditor, SettingsEffect, SettingsEvent, SettingsSnapshot,
    SettingsView,
};
use crate::core::Binding;

type OnChange = Rc<dyn Fn(SettingsView)>;
type OnApplied = Rc<dyn Fn(EmergencySettings)>;

/// True when `host.settings.save` is a function.
pub fn has_save(host: &JsValue) -> bool {
    save_function(host).is_ok()
}

/// `(host.settings, host.settings.save)`, or why not.
fn save_function(host: &JsValue) -> Result<(JsValue, js_sys::Function), String> {
    let missing = || format!("the host provides no {}", Binding::SettingsSave.as_str());
    if !host.is_object() {
        return Err(missing());
    }
    let group = js_sys::Reflect::get(host, &"settings".into()).map_err(|e| describe(&e))?;
    if !group.is_object() {
        return Err(missing());
    }
    let save = js_sys::Reflect::get(&group, &"save".into()).map_err(|e| describe(&e))?;
    save.dyn_into().map(|f| (group, f)).map_err(|_| missing())
}

/// Calls `host.settings.save(request)`; `done` runs exactly once, always later (never inside
/// this call), with `Ok` when the host's value or promise fulfilled.
fn call_save(host: &JsValue, request: &JsValue, done: impl FnOnce(Result<(), String>) + 'static) {
    let answer = save_function(host).and_then(|(group, save)| {
        save.call1(&group, request)
            .map_err(|e| format!("{} threw: {}", Binding::SettingsSave.as_str(), describe(&e)))
    });
    // `Promise.resolve` never throws: a thenable whose `then` throws becomes a rejection.
    let promise = match answer {
        Ok(value) => js_sys::Promise::resolve(&value),
        Err(message) => js_sys::Promise::reject(&JsValue::from_str(&message)),
    };
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(outcome.map(|_| ()).map_err(|e| describe(&e)));
    });
}

/// The draft as kept: `[recipients, subject, body, base recipients, base subject, base body]`.
fn encode(draft: &Draft) -> String {
    let (e, b) = (&draft.edited, &draft.base);
    let fields = [
        &e.recipients,
        &e.template.subject,
        &e.template.body,
        &b.recipients,
        &b.template.subject,
        &b.template.body,
    ];
    let array = fields
        .iter()
        .map(|f| JsValue::from_str(f))
        .collect::<js_sys::Array>();
    js_sys::JSON::stringify(&array).map_or_else(|_| String::new(), String::from)
}

/// A kept draft, or why it cannot be read.
fn decode(text: &str) -> Result<Draft, String> {
    let unreadable = || "the kept draft is unreadable".to_string();
    let value = js_sys::JSON::parse(text).map_err(|_| unreadable())?;
    let array: js_sys::Array = value.dyn_into().map_err(|_| unreadable())?;
    let field = |i: u32| array.get(i).as_string().ok_or_else(unreadable);
    let settings = |at: u32| -> Result<EmergencySettings, String> {
        Ok(EmergencySettings {
            recipients: field(at)?,
            template: crate::core::notify::Template {
                subject: field(at + 1)?,
                body: field(at + 2)?,
            },
        })
    };
    Ok(Draft {
        edited: settings(0)?,
        base: settings(3)?,
    })
}

/// Runs one settings editor.
pub struct SettingsDriver {
    me: Weak<SettingsDriver>,
    editor: RefCell<SettingsEditor>,
    host: JsValue,
    draft_key: String,
    timer: RefCell<Option<Timeout>>,
    guard: RefCell<Option<EventListener>>,
    draining: Cell<bool>,
    on_change: RefCell<Option<OnChange>>,
    on_applied: RefCell<Option<OnApplied>>,
    released: Cell<bool>,
}

impl SettingsDriver {
    /// A driver for `editor`, saving through `host`.
    pub fn new(editor: SettingsEditor, host: JsValue) -> Rc<SettingsDriver> {
        let draft_key = format!("agent-dialer:settings-draft:{}", editor.agent_id());
        Rc::new_cyclic(|me| SettingsDriver {
            me: me.clone(),
            editor: RefCell::new(editor),
            host,
            draft_key,
            timer: RefCell::new(None),
            guard: RefCell::new(None),
            draining: Cell::new(false),
            on_change: RefCell::new(None),
            on_applied: RefCell::new(None),
            released: Cell::new(false),
        })
    }

    /// Sets what is told the new view after each handled batch of events (the form).
    pub fn set_on_change(&self, f: impl Fn(SettingsView) + 'static) {
        *self.on_change.borrow_mut() = Some(Rc::new(f));
    }

    /// Sets what is told the settings the host has saved (the agent's dialer takes them up).
    pub fn set_on_applied(&self, f: impl Fn(EmergencySettings) + 'static) {
        *self.on_applied.borrow_mut() = Some(Rc::new(f));
    }

    /// Whose settings these are.
    pub fn agent_id(&self) -> String {
        self.editor.borrow().agent_id().to_string()
    }

    /// The form's view now.
    pub fn view(&self) -> SettingsView {
        self.editor.borrow().view()
    }

    /// `settings.state()`.
    pub fn snapshot(&self) -> SettingsSnapshot {
        self.editor.borrow().snapshot()
    }

    /// Feeds one event to the editor and runs its effects now.
    pub fn handle(&self, event: SettingsEvent) {
        if self.released.get() {
            return;
        }
        self.editor.borrow_mut().handle(event, now());
        if self.draining.replace(true) {
            return; // The running `handle` runs its effects in their turn.
        }
        while let Some(effect) = self.next_effect().filter(|_| !self.released.get()) {
            self.run(effect);
        }
        self.draining.set(false);
        if self.released.get() {
            return;
        }
        self.guard_unsaved();
        let on_change = self.on_change.borrow().clone();
        if let Some(f) = on_change {
            f(self.view());
        }
    }

    /// A callback that feeds events to this driver later (the form, a timer, the host's answer)
    /// while it lives.
    pub fn later(&self) -> impl Fn(SettingsEvent) + Clone + 'static {
        let me = self.me.clone();
        move |event| {
            if let Some(driver) = me.upgrade() {
                driver.handle(event);
            }
        }
    }

    fn next_effect(&self) -> Option<SettingsEffect> {
        self.editor.borrow_mut().poll_effect()
    }

    fn run(&self, effect: SettingsEffect) {
        match effect {
            SettingsEffect::LoadDraft => {
                let loaded = load_text(&self.draft_key)
                    .and_then(|text| text.map(|t| decode(&t)).transpose());
                self.handle(SettingsEvent::DraftLoaded(loaded));
            }
            SettingsEffect::StoreDraft(draft) => {
                let stored = save_text(&self.draft_key, Some(&encode(&draft)));
                self.handle(SettingsEvent::DraftStored(stored))
            }
            SettingsEffect::ClearDraft => {
                let cleared = save_text(&self.draft_key, None);
                self.handle(SettingsEvent::DraftStored(cleared))
            }
            SettingsEffect::Save { attempt, request } => {
                let back = self.later();
                match to_js(&request) {
                    Ok(request) => call_save(&self.host, &request, move |result| {
                        back(SettingsEvent::SaveAnswered { attempt, result })
                    }),
                    Err(message) => self.handle(SettingsEvent::SaveAnswered {
                        attempt,
                        result: Err(message),
                    }),
                }
            }
            SettingsEffect::ArmTimeout { attempt, at } => {
                let delay = at.saturating_sub(now()).min(u32::MAX as u64) as u32;
                let back = self.later();
                let timeout =
                    Timeout::new(delay, move || back(SettingsEvent::SaveTimedOut { attempt }));
                // Replacing the timer drops, and so cancels, the previous one.
                *self.timer.borrow_mut() = Some(timeout);
            }
            SettingsEffect::CancelTimeout => {
                self.timer.borrow_mut().take();
            }
            SettingsEffect::Applied(settings) => {
                let on_applied = self.on_applied.borrow().clone();
                if let Some(f) = on_applied {
                    f(settings);
                }
            }
        }
    }

    /// Asks before the page is left while something is unsaved, and only then.
    fn guard_unsaved(&self) {
        let unsaved = self.editor.borrow().unsaved();
        let guarded = self.guard.borrow().is_some();
        if unsaved == guarded {
            return;
        }
        let guard = unsaved.then(web_sys::window).flatten().map(|window| {
            let options = EventListenerOptions::enable_prevent_default();
            EventListener::new_with_options(&window, "beforeunload", options, |event| {
                // Both, for every browser: the standard call and the legacy `returnValue`.
                event.prevent_default();
                let _ = js_sys::Reflect::set(event, &"returnValue".into(), &"".into());
            })
        });
        *self.guard.borrow_mut() = guard;
    }

    /// Stops everything: the timer, the page-leave guard, later answers are ignored.
    pub fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        self.timer.borrow_mut().take();
        self.guard.borrow_mut().take();
        self.on_change.borrow_mut().take();
        self.on_applied.borrow_mut().take();
    }
}
