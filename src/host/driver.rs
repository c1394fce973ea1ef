//! The driver: owns the core state and is the only place effects are run (STYLE §3).
//!
//! `handle` gives the event to the core's [`Dialer`] and then runs every effect it hands out,
//! at once, in order, in the caller's task: the emergency `calling.dial` is invoked before the
//! click handler returns (SPEC, Qualities; E11). Host answers come back as new events; one
//! that arrives while effects are running (a binding that answers synchronously) is handed to
//! the dialer, which steps it in its turn, and the running `handle` goes on draining. No
//! borrow of the dialer is held while an effect calls into JavaScript.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::bindings::{dispatch_dialer_event, HostBindings, Outcome};
use super::storage::EpisodeStore;
use crate::core::{Binding, Dialer, Effect, Event, Millis, Snapshot, State, TimerId, ViewModel};

/// The current time for the core, from `Date.now()`.
pub fn now() -> Millis {
    js_sys::Date::now().max(0.0) as Millis
}

/// Serialises a value as plain JavaScript objects (maps as objects, `None` as `null`).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// Where `dialer:*` events go besides the mount element (e.g. the iframe bridge).
pub type EventSink = Box<dyn Fn(&str, &JsValue)>;

/// Runs the core against the host.
pub struct Driver {
    me: Weak<Driver>,
    dialer: RefCell<Dialer>,
    host: HostBindings,
    element: web_sys::Element,
    draining: Cell<bool>,
    timers: RefCell<HashMap<TimerId, Timeout>>,
    store: EpisodeStore,
    on_change: RefCell<Option<Box<dyn Fn(ViewModel)>>>,
    sinks: RefCell<Vec<EventSink>>,
    released: Cell<bool>,
}

impl Driver {
    /// A driver for `dialer`, running effects through `host`, dispatching events on `element`.
    pub fn new(
        dialer: Dialer,
        host: HostBindings,
        element: web_sys::Element,
        store: EpisodeStore,
    ) -> Rc<Driver> {
        Rc::new_cyclic(|me| Driver {
            me: me.clone(),
            dialer: RefCell::new(dialer),
            host,
            element,
            draining: Cell::new(false),
            timers: RefCell::new(HashMap::new()),
            store,
            on_change: RefCell::new(None),
            sinks: RefCell::new(Vec::new()),
            released: Cell::new(false),
        })
    }

    /// Sets what is called with the new view model after each handled batch of events.
    pub fn set_on_change(&self, f: impl Fn(ViewModel) + 'static) {
        *self.on_change.borrow_mut() = Some(Box::new(f));
    }

    /// Adds a receiver of every `dialer:*` event (name, detail).
    pub fn add_sink(&self, sink: EventSink) {
        self.sinks.borrow_mut().push(sink);
    }

    /// The host bindings.
    pub fn host(&self) -> &HostBindings {
        &self.host
    }

    /// The episode store.
    pub fn store(&self) -> &EpisodeStore {
        &self.store
    }

    /// The current view model.
    pub fn view(&self) -> ViewModel {
        self.dialer.borrow().view(now())
    }

    /// `dialer.state()`.
    pub fn snapshot(&self) -> Snapshot {
        self.dialer.borrow().snapshot(now())
    }

    /// Reads the core state.
    pub fn with_state<R>(&self, f: impl FnOnce(&State) -> R) -> R {
        f(self.dialer.borrow().state())
    }

    /// Feeds one event to the core and runs its effects now.
    pub fn handle(&self, event: Event) {
        if self.released.get() {
            return;
        }
        self.dialer.borrow_mut().handle(event, now());
        if self.draining.replace(true) {
            return; // The running `handle` below steps it in its turn.
        }
        // An effect may unmount the widget (a listener calling `unmount()`): stop there.
        while let Some(effect) = self.next_effect().filter(|_| !self.released.get()) {
            self.run(effect);
        }
        self.draining.set(false);
        if let Some(f) = self.on_change.borrow().as_ref() {
            f(self.view());
        }
    }

    /// The dialer's next effect; the borrow ends before the effect runs.
    fn next_effect(&self) -> Option<Effect> {
        self.dialer.borrow_mut().poll_effect()
    }

    /// A callback that feeds an event back later (a binding's answer, a timer), if still mounted.
    fn later(&self) -> impl Fn(Event) + 'static {
        let me = self.me.clone();
        move |event| {
            if let Some(driver) = me.upgrade() {
                driver.handle(event);
            }
        }
    }

    fn call_or_fail(&self, binding: Binding, group: &str, method: &str, args: &[JsValue]) {
        let back = self.later();
        let provided = self
            .host
            .call(group, method, args, move |outcome: Outcome| {
                if let Err(message) = outcome {
                    back(Event::BindingFailed { binding, message });
                }
            });
        if !provided {
            self.queue_event(Event::BindingFailed {
                binding,
                message: format!("{group}.{method} is not provided by the host"),
            });
        }
    }

    fn queue_event(&self, event: Event) {
        self.dialer.borrow_mut().handle(event, now());
    }

    fn run(&self, effect: Effect) {
        match effect {
            Effect::PlaceCall { key, request } => {
                let back = self.later();
                self.host
                    .call("calling", "dial", &[to_js(&request)], move |outcome| {
                        back(match outcome {
                            Ok(value) => match js_sys::Reflect::get(&value, &"callId".into())
                                .ok()
                                .and_then(|v| v.as_string())
                            {
                                Some(call_id) if !call_id.is_empty() => {
                                    Event::DialAccepted { key, call_id }
                                }
                                _ => Event::DialFailed {
                                    key,
                                    message: "calling.dial did not return { callId }".into(),
                                },
                            },
                            Err(message) => Event::DialFailed { key, message },
                        })
                    });
            }
            Effect::HangUp { call_id } => {
                self.call_or_fail(Binding::HangUp, "calling", "hangUp", &[call_id.into()])
            }
            Effect::Answer { call_id } => {
                self.call_or_fail(Binding::Answer, "calling", "answer", &[call_id.into()])
            }
            Effect::Hold { call_id, on_hold } => self.call_or_fail(
                Binding::Hold,
                "calling",
                "hold",
                &[call_id.into(), on_hold.into()],
            ),
            Effect::Mute { call_id, muted } => self.call_or_fail(
                Binding::Mute,
                "calling",
                "mute",
                &[call_id.into(), muted.into()],
            ),
            Effect::SendDtmf { call_id, digits } => self.call_or_fail(
                Binding::SendDtmf,
                "calling",
                "sendDtmf",
                &[call_id.into(), digits.into()],
            ),
            Effect::SetPresence(status) => {
                let back = self.later();
                let s = status.clone();
                self.host
                    .call("presence", "set", &[status.into()], move |outcome| {
                        back(Event::PresenceSet {
                            status: s,
                            result: outcome.map(|_| ()),
                        })
                    });
            }
            Effect::SendEmail { kind, message } => {
                let back = self.later();
                let provided = self.host.call(
                    "notification",
                    "sendEmail",
                    &[to_js(&message)],
                    move |outcome| {
                        back(Event::EmailSent {
                            kind,
                            result: outcome.map(|_| ()),
                        })
                    },
                );
                if !provided {
                    self.queue_event(Event::EmailSent {
                        kind,
                        result: Err("the host provides no notification.sendEmail binding".into()),
                    });
                }
            }
            Effect::SetHostEmergencyMode(active) => {
                // Optional binding: a host without a conversation form has nothing to hide.
                if self.host.has("conversation", "setEmergencyMode") {
                    self.call_or_fail(
                        Binding::SetEmergencyMode,
                        "conversation",
                        "setEmergencyMode",
                        &[active.into()],
                    );
                }
            }
            Effect::RecordActivity(entry) => {
                if self.host.has("activity", "record") {
                    self.call_or_fail(Binding::Activity, "activity", "record", &[to_js(&entry)]);
                }
            }
            Effect::ArmTimer { id, at } => {
                let delay = at.saturating_sub(now()).min(u32::MAX as Millis) as u32;
                let back = self.later();
                let timeout = Timeout::new(delay, move || back(Event::TimerFired(id)));
                // Replacing the entry drops, and so cancels, the previous timer.
                self.timers.borrow_mut().insert(id, timeout);
            }
            Effect::CancelTimer(id) => {
                self.timers.borrow_mut().remove(&id);
            }
            Effect::Emit(event) => {
                let detail = to_js(&event);
                dispatch_dialer_event(&self.element, event.name().as_str(), &detail);
                for sink in self.sinks.borrow().iter() {
                    sink(event.name().as_str(), &detail);
                }
            }
            Effect::SetAudioDevices { input, output } => {
                // Optional binding: a host that routes audio itself has nothing to do.
                if self.host.has("calling", "setAudioDevices") {
                    let arg = js_sys::Object::new();
                    let id = |v: Option<String>| v.map_or(JsValue::NULL, JsValue::from);
                    let _ = js_sys::Reflect::set(&arg, &"inputId".into(), &id(input));
                    let _ = js_sys::Reflect::set(&arg, &"outputId".into(), &id(output));
                    self.host
                        .call("calling", "setAudioDevices", &[arg.into()], |_| {});
                }
            }
            Effect::Persist(episode) => {
                if let Err(message) = self.store.save(episode.as_ref()) {
                    self.queue_event(Event::BindingFailed {
                        binding: Binding::Storage,
                        message,
                    });
                }
            }
        }
    }

    /// Stops everything: timers cancelled, later answers ignored.
    pub fn release(&self) {
        self.released.set(true);
        self.timers.borrow_mut().clear();
        self.on_change.borrow_mut().take();
        self.sinks.borrow_mut().clear();
    }
}
