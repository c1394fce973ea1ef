//! The driver: owns the core's [`Dialer`] and is the only place effects are run (STYLE §3).
//!
//! `handle` gives the event to the dialer and then runs every effect it hands out, at once,
//! in order, in the caller's task: the emergency `calling.dial` is invoked before the click
//! handler returns (SPEC, Qualities; E11). Host answers come back as new events; one that
//! arrives while effects are running (a binding that answers synchronously, a listener that
//! calls back) is handed to the dialer, which steps it in its turn, and the running `handle`
//! goes on draining. No `RefCell` borrow is held while an effect calls into JavaScript.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;

use super::bindings::{dispatch_dialer_event, HostBindings};
use super::js::{now, to_js};
use super::storage::EpisodeStore;
use super::tabs::TabChannel;
use crate::core::restore::ActiveCalls;
use crate::core::{Binding, Dialer, Effect, Event, Millis, Snapshot, TimerId, ViewModel};

/// What is told the new view model after each handled batch of events (the UI).
type OnChange = Rc<dyn Fn(ViewModel)>;

/// Runs the core against the host.
pub struct Driver {
    me: Weak<Driver>,
    dialer: RefCell<Dialer>,
    host: HostBindings,
    element: web_sys::Element,
    store: EpisodeStore,
    tabs: RefCell<Option<TabChannel>>,
    draining: Cell<bool>,
    timers: RefCell<HashMap<TimerId, Timeout>>,
    on_change: RefCell<Option<OnChange>>,
    released: Cell<bool>,
}

impl Driver {
    /// A driver for `dialer`, running effects through `host`, dispatching events on `element`,
    /// keeping the episode and talking to the other tabs of `agent_id`.
    pub fn new(
        dialer: Dialer,
        host: HostBindings,
        element: web_sys::Element,
        agent_id: &str,
    ) -> Rc<Driver> {
        Rc::new_cyclic(|me: &Weak<Driver>| {
            let back = me.clone();
            let tabs = TabChannel::open(agent_id, move |message| {
                if let Some(driver) = back.upgrade() {
                    driver.handle(Event::TabMessage(message));
                }
            });
            Driver {
                me: me.clone(),
                dialer: RefCell::new(dialer),
                host,
                element,
                store: EpisodeStore::new(agent_id),
                tabs: RefCell::new(tabs),
                draining: Cell::new(false),
                timers: RefCell::new(HashMap::new()),
                on_change: RefCell::new(None),
                released: Cell::new(false),
            }
        })
    }

    /// Sets what is called with the new view model after each handled batch of events.
    pub fn set_on_change(&self, f: impl Fn(ViewModel) + 'static) {
        *self.on_change.borrow_mut() = Some(Rc::new(f));
    }

    /// The host bindings.
    pub fn host(&self) -> &HostBindings {
        &self.host
    }

    /// The current view model.
    pub fn view(&self) -> ViewModel {
        self.dialer.borrow().view(now())
    }

    /// `dialer.state()`.
    pub fn snapshot(&self) -> Snapshot {
        self.dialer.borrow().snapshot(now())
    }

    /// Feeds one event to the core and runs its effects now.
    pub fn handle(&self, event: Event) {
        if self.released.get() {
            return;
        }
        let now = now();
        self.dialer.borrow_mut().handle(event, now);
        if self.draining.replace(true) {
            return; // The running `handle` below steps it in its turn.
        }
        // An effect may unmount the widget (a listener calling `unmount()`): stop there.
        while let Some(effect) = self.next_effect().filter(|_| !self.released.get()) {
            self.run(effect);
        }
        self.draining.set(false);
        let on_change = self.on_change.borrow().clone();
        if let Some(f) = on_change {
            f(self.view());
        }
    }

    /// The dialer's next effect; the borrow ends before the effect runs.
    fn next_effect(&self) -> Option<Effect> {
        self.dialer.borrow_mut().poll_effect()
    }

    /// A callback that feeds events to this driver later (a binding's answer, a timer, the
    /// agent's actions, a host listener) while it lives.
    pub fn later(&self) -> impl Fn(Event) + Clone + 'static {
        let me = self.me.clone();
        move |event| {
            if let Some(driver) = me.upgrade() {
                driver.handle(event);
            }
        }
    }

    /// Calls `binding`; a failure (or a host without it) comes back as [`Event::BindingFailed`].
    fn call_or_fail(&self, binding: Binding, args: &[JsValue]) {
        let back = self.later();
        let provided = self.host.call(binding, args, move |outcome| {
            if let Err(message) = outcome {
                back(Event::BindingFailed { binding, message });
            }
        });
        if !provided {
            self.handle(Event::BindingFailed {
                binding,
                message: format!("{} is not provided by the host", binding.as_str()),
            });
        }
    }

    /// Calls an optional binding only when the host provides it.
    fn call_if_provided(&self, binding: Binding, args: &[JsValue]) {
        if self.host.has(binding) {
            self.call_or_fail(binding, args);
        }
    }

    fn run(&self, effect: Effect) {
        match effect {
            Effect::PlaceCall { key, request } => {
                let request = match to_js(&request) {
                    Ok(request) => request,
                    Err(message) => return self.handle(Event::DialFailed { key, message }),
                };
                let back = self.later();
                self.host.call(Binding::Dial, &[request], move |outcome| {
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
            Effect::HangUp { call_id } => self.call_or_fail(Binding::HangUp, &[call_id.into()]),
            Effect::Answer { call_id } => self.call_or_fail(Binding::Answer, &[call_id.into()]),
            Effect::Hold { call_id, on_hold } => {
                self.call_or_fail(Binding::Hold, &[call_id.into(), on_hold.into()])
            }
            Effect::Mute { call_id, muted } => {
                self.call_or_fail(Binding::Mute, &[call_id.into(), muted.into()])
            }
            Effect::SendDtmf { call_id, digits } => {
                self.call_or_fail(Binding::SendDtmf, &[call_id.into(), digits.into()])
            }
            Effect::SetPresence(status) => {
                let back = self.later();
                let s = status.clone();
                self.host
                    .call(Binding::PresenceSet, &[status.into()], move |outcome| {
                        back(Event::PresenceSet {
                            status: s,
                            result: outcome.map(|_| ()),
                        })
                    });
            }
            Effect::SendEmail { kind, message } => {
                let back = self.later();
                let sent = to_js(&message).map(|message| {
                    self.host
                        .call(Binding::SendEmail, &[message], move |outcome| {
                            back(Event::EmailSent {
                                kind,
                                result: outcome.map(|_| ()),
                            })
                        })
                });
                let result = match sent {
                    Ok(true) => return,
                    Ok(false) => Err("the host provides no notification.sendEmail binding".into()),
                    Err(message) => Err(message),
                };
                self.handle(Event::EmailSent { kind, result });
            }
            // Optional binding: a host without a conversation form has nothing to hide.
            Effect::SetHostEmergencyMode(active) => {
                self.call_if_provided(Binding::SetEmergencyMode, &[active.into()])
            }
            Effect::RecordActivity(entry) => match to_js(&entry) {
                Ok(entry) => self.call_if_provided(Binding::Activity, &[entry]),
                Err(message) => self.handle(Event::BindingFailed {
                    binding: Binding::Activity,
                    message,
                }),
            },
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
                // The event goes out even if its detail cannot be built: its name is what a
                // host listens for (the detail is then `null`).
                let detail = to_js(&event).unwrap_or(JsValue::NULL);
                dispatch_dialer_event(&self.element, event.name().as_str(), &detail);
            }
            // Optional binding: a host that routes audio itself has nothing to do.
            Effect::SetAudioDevices { input, output } => {
                if self.host.has(Binding::SetAudioDevices) {
                    let arg = js_sys::Object::new();
                    let id = |v: Option<String>| v.map_or(JsValue::NULL, JsValue::from);
                    let _ = js_sys::Reflect::set(&arg, &"inputId".into(), &id(input));
                    let _ = js_sys::Reflect::set(&arg, &"outputId".into(), &id(output));
                    self.host
                        .call(Binding::SetAudioDevices, &[arg.into()], |_| {});
                }
            }
            Effect::Persist(episode) => {
                if let Err(message) = self.store.save(episode.as_ref()) {
                    self.handle(Event::BindingFailed {
                        binding: Binding::Storage,
                        message,
                    });
                }
            }
            Effect::LoadEpisode => self.handle(Event::EpisodeLoaded(self.store.load())),
            Effect::PostToTabs(message) => {
                if let Some(tabs) = self.tabs.borrow().as_ref() {
                    tabs.post(&message);
                }
            }
            Effect::ListActiveCalls => {
                let back = self.later();
                let asked = self.host.call(Binding::ActiveCalls, &[], move |outcome| {
                    back(Event::ActiveCalls(match outcome {
                        Ok(list) if js_sys::Array::is_array(&list) => ActiveCalls::Listed(
                            js_sys::Array::from(&list)
                                .iter()
                                .filter_map(|v| v.as_string())
                                .collect(),
                        ),
                        Ok(_) => ActiveCalls::Listed(Vec::new()),
                        Err(message) => ActiveCalls::Failed(message),
                    }))
                });
                if !asked {
                    self.handle(Event::ActiveCalls(ActiveCalls::NotProvided));
                }
            }
        }
    }

    /// Stops everything: timers cancelled, the other tabs told, later answers ignored.
    pub fn release(&self) {
        if self.released.replace(true) {
            return;
        }
        self.timers.borrow_mut().clear();
        self.on_change.borrow_mut().take();
        let goodbye = self.dialer.borrow().goodbye();
        let tabs = self.tabs.borrow_mut().take();
        if let Some(tabs) = tabs {
            tabs.close(&goodbye);
        }
    }
}
