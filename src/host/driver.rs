//! The driver: owns the core's [`Dialer`] and is the only place effects are run (docs/ARCHITECTURE.md "The shell").
//!
//! `handle` gives the event to the dialer and then runs every effect it hands out, at once,
//! in order, in the caller's task: the emergency `calling.dial` is invoked before the click
//! handler (or `dialer.dial()`) returns (SPEC, Qualities; E11). A binding or a `dialer:*`
//! listener may call back into the widget while an effect runs: its event is handed to the
//! dialer, which decides the order — a dial is stepped at once and its emergency call goes
//! ahead of everything — and that nested `handle` runs just the emergency call, so a
//! `dial("911")` from a listener reaches `calling.dial` before it returns; everything else
//! runs in order in the loop already running, never inside another effect.
//! No `RefCell` borrow is ever held while JavaScript runs, and every call into JavaScript
//! goes through an import that cannot throw (`bindings.js`) or a `catch` import: nothing a
//! host does unwinds through here.
//!
//! A driver outlives its widget while it owes something (E11): unmounted during a live
//! emergency call it stays *headless* — host subscriptions, timers and the tab channel alive,
//! no UI — in the document's keeper, until the call ends (then E8/E9 run and it is released)
//! or a new mount for the same agent takes it up again.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;

use super::bindings::{dispatch_dialer_event, listen_window, HostBindings, Outcome};
use super::cell::Shared;
use super::js::{now, to_js};
use super::read;
use super::storage::EpisodeStore;
use super::tabs::TabChannel;
use crate::core::flow::MAX_CALL_ID;
use crate::core::restore::ActiveCalls;
use crate::core::{Binding, CallKey, Dialer, Effect, Event, Millis, Snapshot, TimerId, ViewModel};

/// What is told the new view model after each handled batch of events (the UI).
type OnChange = Rc<dyn Fn(ViewModel)>;

/// The longest delay a browser timer takes (`setTimeout` fires at once beyond 2³¹−1 ms); a
/// later time is reached by re-arming (the core re-arms a timer that fires early).
const MAX_TIMER_MS: Millis = (1 << 31) - 1;

/// Where the driver is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// Mounted with a UI.
    Attached,
    /// Unmounted with an emergency call live: kept, headless, until it ends or is adopted.
    Headless,
    /// Unmounted while effects were running: released once they have run.
    Closing,
    /// Released: later events are ignored.
    Released,
}

/// Every listener the shell hands JavaScript (host subscriptions, window and tab-channel
/// listeners): one closure type, one set of wasm-bindgen shims. Only `beforeunload`'s answer is
/// read (true: ask before closing).
type Listener = Closure<dyn FnMut(JsValue) -> bool>;

/// A host subscription: the function that stops it, and the listener it calls.
struct Subscription {
    off: js_sys::Function,
    _listener: Listener,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let _ = self.off.call0(&JsValue::UNDEFINED);
    }
}

/// A window listener (`beforeunload`, `pagehide`).
struct PageListener {
    off: js_sys::Function,
    _listener: Listener,
}

impl Drop for PageListener {
    fn drop(&mut self) {
        let _ = self.off.call0(&JsValue::UNDEFINED);
    }
}

thread_local! {
    // The document's keeper: drivers unmounted during a live emergency call.
    static KEPT: RefCell<Vec<Rc<Driver>>> = const { RefCell::new(Vec::new()) };
}

/// Runs the core against the host.
pub struct Driver {
    me: Weak<Driver>,
    dialer: RefCell<Dialer>,
    host: RefCell<HostBindings>,
    element: RefCell<web_sys::Element>,
    agent: RefCell<String>,
    store: RefCell<EpisodeStore>,
    tabs: RefCell<Option<Rc<TabChannel>>>,
    depth: Cell<u32>,
    timers: RefCell<Vec<(TimerId, Timeout)>>,
    on_change: RefCell<Option<OnChange>>,
    mode: Cell<Mode>,
    subscriptions: RefCell<Vec<Subscription>>,
    page: RefCell<Vec<PageListener>>,
    presence_in_flight: Cell<u32>,
    /// The warm-up's rehearsal (mount::rehearse): the warm-up's tab channel (no dialer's), no
    /// page listener, no storage.
    rehearsal: bool,
}

impl Driver {
    /// A driver for `dialer`, running effects through `host`, dispatching events on `element`,
    /// keeping the episode and talking to the other tabs of `agent_id`.
    pub fn new(
        dialer: Dialer,
        host: HostBindings,
        element: web_sys::Element,
        agent_id: &str,
        rehearsal: bool,
    ) -> Rc<Driver> {
        let driver = Rc::new_cyclic(|me: &Weak<Driver>| Driver {
            me: me.clone(),
            dialer: RefCell::new(dialer),
            host: RefCell::new(host),
            element: RefCell::new(element),
            agent: RefCell::new(agent_id.to_string()),
            store: RefCell::new(EpisodeStore::new(agent_id)),
            tabs: RefCell::new(None),
            depth: Cell::new(0),
            timers: RefCell::new(Vec::new()),
            on_change: RefCell::new(None),
            mode: Cell::new(Mode::Attached),
            subscriptions: RefCell::new(Vec::new()),
            page: RefCell::new(Vec::new()),
            presence_in_flight: Cell::new(0),
            rehearsal,
        });
        if rehearsal {
            // The rehearsal's channel is the warm-up's (tabs.rs), closed at once: its code and
            // the browser's channel set-up are paid before the first mount; nothing is sent.
            driver.open_tabs(None);
        } else {
            driver.open_tabs(Some(agent_id));
            driver.listen_page();
        }
        driver
    }

    /// The driver kept for `agent_id` (unmounted during a live emergency call, or from inside
    /// one of its own effects and still running the rest), taken out of the keeper: a new mount
    /// of the same agent adopts it (E11), so one dialer decides for the agent — a 911 placed
    /// through the new mount supersedes what the old one still had to do (a presence restore:
    /// found by the hostile-host long run).
    pub fn adopt(agent_id: &str) -> Option<Rc<Driver>> {
        KEPT.with(|k| {
            let mut kept = k.write();
            // A headless driver only with a live episode; one kept for a presence answer alone
            // ends by itself.
            let live = |d: &Rc<Driver>| {
                d.dialer
                    .try_borrow()
                    .is_ok_and(|d| d.state().emergency_active())
            };
            let i = kept.iter().position(|d| {
                *d.agent.read() == agent_id
                    && (d.mode.get() == Mode::Closing
                        || (d.mode.get() == Mode::Headless && live(d)))
            })?;
            Some(kept.remove(i))
        })
    }

    /// True when this document keeps a headless driver (for tests and the hostile-host check).
    pub fn kept_count() -> usize {
        KEPT.with(|k| k.read().len())
    }

    fn keep(&self) {
        let Some(me) = self.me.upgrade() else { return };
        KEPT.with(|k| {
            let mut kept = k.write();
            if !kept.iter().any(|d| Rc::ptr_eq(d, &me)) {
                kept.push(me);
            }
        });
    }

    fn let_go(&self) {
        let me = self.me.as_ptr();
        let gone = KEPT.with(|k| {
            let mut kept = k.write();
            let i = kept.iter().position(|d| Rc::as_ptr(d) == me)?;
            Some(kept.remove(i))
        });
        drop(gone); // After the keeper's borrow ended.
    }

    fn open_tabs(&self, agent_id: Option<&str>) {
        let back = self.me.clone();
        let tabs = TabChannel::open(agent_id, move |message| {
            if let Some(driver) = back.upgrade() {
                driver.handle(Event::TabMessage(message));
            }
        });
        *self.tabs.write() = tabs.map(Rc::new);
    }

    /// Close protection: `beforeunload` asks first while an emergency call is live, and a
    /// closing tab says goodbye on `pagehide` so the other tabs take over at once (B5).
    fn listen_page(&self) {
        let me = self.me.clone();
        let ask = Listener::new(move |_| me.upgrade().is_some_and(|d| d.owes()));
        let me = self.me.clone();
        let bye = Listener::new(move |_| {
            if let Some(d) = me.upgrade() {
                d.say_goodbye();
            }
            false
        });
        let mut page = self.page.write();
        for (kind, listener) in [("beforeunload", ask), ("pagehide", bye)] {
            let off = listen_window(kind, listener.as_ref());
            page.push(PageListener {
                off,
                _listener: listener,
            });
        }
    }

    fn say_goodbye(&self) {
        let goodbye = self.dialer.read().goodbye();
        let tabs = self.tabs.read().clone();
        if let Some(tabs) = tabs {
            tabs.post(&goodbye);
        }
    }

    /// Subscribes to the host's call events and (optional) presence changes; a subscription
    /// that throws is reported, not thrown. Earlier subscriptions (to another host object)
    /// stay until the driver is released: a call placed through it still reports there.
    pub fn subscribe(&self) {
        let calls = self.listener(|value| match read::call_event(&value) {
            Ok(event) => Event::Call(event),
            Err(e) => Event::BindingFailed {
                binding: Binding::CallingSubscribe,
                message: format!("calling.subscribe delivered an unreadable event: {e}"),
            },
        });
        let presence = self.listener(|value| match read::short_string(&value, 256) {
            Ok(Some(status)) => Event::PresenceObserved(status),
            _ => Event::BindingFailed {
                binding: Binding::PresenceSubscribe,
                message: "presence.subscribe delivered something that is not a status".into(),
            },
        });
        let host = self.host();
        for (binding, listener) in [
            (Binding::CallingSubscribe, calls),
            (Binding::PresenceSubscribe, presence),
        ] {
            if !host.has(binding) {
                continue;
            }
            match host.subscribe(binding, listener.as_ref()) {
                Ok(off) => self.subscriptions.write().push(Subscription {
                    off,
                    _listener: listener,
                }),
                Err(message) => self.handle(Event::BindingFailed {
                    binding: Binding::Subscribe,
                    message,
                }),
            }
        }
    }

    /// A host listener that turns what the host delivers into an event for this driver.
    /// A plain function, not a closure type of its own: one listener instance for both
    /// subscriptions (bundle size, issue 16).
    fn listener(&self, to_event: fn(JsValue) -> Event) -> Listener {
        let send = self.later();
        Closure::new(move |value: JsValue| {
            send(to_event(value));
            false
        })
    }

    /// `presence.get()`, so that E2 knows what to restore.
    pub fn ask_presence(&self) {
        let send = self.later();
        self.host().call(Binding::PresenceGet, &[], move |outcome| {
            send(match outcome.value() {
                Ok(v) => match read::short_string(&v, 256) {
                    Ok(Some(status)) => Event::PresenceObserved(status),
                    _ => Event::BindingFailed {
                        binding: Binding::PresenceGet,
                        message: "presence.get did not return a status string".into(),
                    },
                },
                Err(message) => Event::BindingFailed {
                    binding: Binding::PresenceGet,
                    message,
                },
            })
        });
    }

    /// Sets what is called with the new view model after each handled batch of events.
    pub fn set_on_change(&self, f: impl Fn(ViewModel) + 'static) {
        *self.on_change.write() = Some(Rc::new(f));
    }

    /// The host bindings (a cheap copy: never borrowed while the host runs).
    pub fn host(&self) -> HostBindings {
        self.host.read().clone()
    }

    /// The agent this driver keeps the episode and the tab channel for.
    pub fn agent(&self) -> String {
        self.agent.read().clone()
    }

    /// The current view model.
    pub fn view(&self) -> ViewModel {
        self.dialer.read().view(now())
    }

    /// `dialer.state()`.
    pub fn snapshot(&self) -> Snapshot {
        self.dialer.read().snapshot(now())
    }

    /// True while the driver owes the episode something: an emergency call may be live, or
    /// a presence change it asked for has not answered yet (a late DND is then undone, E8).
    pub fn owes(&self) -> bool {
        self.presence_in_flight.get() > 0
            || self
                .dialer
                .try_borrow()
                .map_or(true, |d| d.state().emergency_active())
    }

    /// Feeds one event to the core and runs what it hands out now, also when called from
    /// inside an effect (a binding or listener calling back): see the module's doc.
    pub fn handle(&self, event: Event) {
        if self.mode.get() == Mode::Released {
            return;
        }
        let now = now();
        self.dialer.write().handle(event, now);
        if self.depth.get() > 0 {
            // Called back from inside an effect: only the emergency call goes now (a
            // `dial("911")` reaches `calling.dial` before it returns); everything else runs
            // in order in the loop below, after the effect under way.
            while let Some(effect) = self.next_urgent() {
                self.run(effect);
            }
            return;
        }
        self.depth.set(self.depth.get() + 1);
        while let Some(effect) = self.next_effect() {
            self.run(effect);
        }
        self.depth.set(self.depth.get().saturating_sub(1));
        if self.depth.get() == 0 {
            self.after_drain();
        }
    }

    /// At rest: an unmounted driver is released (or kept while it owes), the UI re-rendered.
    fn after_drain(&self) {
        match self.mode.get() {
            Mode::Closing | Mode::Headless if self.owes() => {
                self.mode.set(Mode::Headless);
                self.keep();
            }
            Mode::Closing | Mode::Headless => self.release(),
            Mode::Attached => {
                let on_change = self.on_change.read().clone();
                if let Some(f) = on_change {
                    f(self.view());
                }
            }
            Mode::Released => {}
        }
    }

    fn next_urgent(&self) -> Option<Effect> {
        if self.mode.get() == Mode::Released {
            return None;
        }
        self.dialer.write().poll_urgent_effect()
    }

    /// The dialer's next effect; the borrow ends before the effect runs.
    fn next_effect(&self) -> Option<Effect> {
        if self.mode.get() == Mode::Released {
            return None;
        }
        self.dialer.write().poll_effect()
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

    /// The widget is unmounted: no more UI. With an emergency call live the driver stays
    /// headless in the keeper; else it is released once the effects under way have run (so an
    /// `unmount()` from a listener still runs E8/E9).
    pub fn detach(&self) {
        self.on_change.write().take();
        match self.mode.get() {
            Mode::Released => {}
            _ if self.owes() => {
                self.mode.set(Mode::Headless);
                self.keep();
            }
            _ if self.depth.get() > 0 => {
                self.mode.set(Mode::Closing);
                self.keep();
            }
            _ => self.release(),
        }
    }

    /// A new mount takes up this (headless) driver: its element, and its host object (also
    /// subscribed to when it is another object than before).
    pub fn reattach(&self, host: HostBindings, element: web_sys::Element) {
        self.let_go();
        self.mode.set(Mode::Attached);
        *self.element.write() = element;
        let same = *self.host.read().object() == *host.object();
        *self.host.write() = host;
        if !same {
            self.subscribe();
        }
    }

    /// The agent changed (`setConfig` with another `agent.id`): the episode and the tab
    /// channel move to the new agent's keys. A saved episode of this widget moves along.
    pub fn rekey(&self, agent_id: &str) {
        if *self.agent.read() == agent_id {
            return;
        }
        self.say_goodbye();
        let old = self.tabs.write().take();
        drop(old);
        let moves = !self.dialer.read().state().episode.is_empty() || self.owes();
        let old_store = std::mem::replace(&mut *self.store.write(), EpisodeStore::new(agent_id));
        if moves {
            old_store.clear();
        }
        *self.agent.write() = agent_id.to_string();
        self.open_tabs(Some(agent_id));
        self.handle(Event::AgentChanged);
    }

    /// Calls `binding`; a failure (or a host without it) comes back as [`Event::BindingFailed`].
    fn call_or_fail(&self, binding: Binding, args: &[JsValue]) {
        let back = self.later();
        let provided = self.host().call(binding, args, move |outcome| {
            if let Err(message) = outcome.value() {
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
        if self.host().has(binding) {
            self.call_or_fail(binding, args);
        }
    }

    /// `calling.dial(request)`: the answer, a failure, or — after a timeout or an unreadable
    /// answer — an unconfirmed call whose late answer is still adopted (E11).
    fn place_call(&self, key: CallKey, request: JsValue) {
        let (back, late) = (self.later(), self.later());
        let provided = self.host().call_with_late(
            Binding::Dial,
            &[request],
            move |outcome| back(dial_answer(key, outcome)),
            Some(move |outcome| late(dial_answer(key, outcome))),
        );
        if !provided {
            self.handle(Event::DialFailed {
                key,
                message: "calling.dial is not provided by the host".into(),
            });
        }
    }

    fn run(&self, effect: Effect) {
        match effect {
            Effect::PlaceCall { key, request } => match to_js(&request) {
                Ok(request) => self.place_call(key, request),
                Err(message) => self.handle(Event::DialFailed { key, message }),
            },
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
                let me = self.me.clone();
                let s = status.clone();
                self.presence_in_flight
                    .set(self.presence_in_flight.get() + 1);
                let provided =
                    self.host()
                        .call(Binding::PresenceSet, &[status.into()], move |outcome| {
                            if let Some(d) = me.upgrade() {
                                let n = d.presence_in_flight.get().saturating_sub(1);
                                d.presence_in_flight.set(n);
                            }
                            back(Event::PresenceSet {
                                status: s,
                                result: outcome.value().map(|_| ()),
                            })
                        });
                if !provided {
                    self.presence_in_flight
                        .set(self.presence_in_flight.get().saturating_sub(1));
                    self.handle(Event::BindingFailed {
                        binding: Binding::PresenceSet,
                        message: "presence.set is not provided by the host".into(),
                    });
                }
            }
            Effect::SendEmail { kind, message } => {
                let back = self.later();
                let sent = to_js(&message).map(|message| {
                    self.host()
                        .call(Binding::SendEmail, &[message], move |outcome| {
                            back(Event::EmailSent {
                                kind,
                                result: outcome.value().map(|_| ()),
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
                let delay = at.saturating_sub(now()).min(MAX_TIMER_MS) as u32;
                let back = self.later();
                let timeout = Timeout::new(delay, move || back(Event::TimerFired(id)));
                // Replacing the entry cancels the previous timer (dropped after the borrow).
                let old = {
                    let mut timers = self.timers.write();
                    let old = take_timer(&mut timers, id);
                    timers.push((id, timeout));
                    old
                };
                drop(old);
            }
            Effect::CancelTimer(id) => {
                let old = take_timer(&mut self.timers.write(), id);
                drop(old);
            }
            Effect::Emit(event) => {
                // The event goes out even if its detail cannot be built: its name is what a
                // host listens for (the detail is then `null`).
                let detail = to_js(&event).unwrap_or(JsValue::NULL);
                let element = self.element.read().clone();
                dispatch_dialer_event(&element, event.name().as_str(), &detail);
            }
            // Optional binding: a host that routes audio itself has nothing to do.
            Effect::SetAudioDevices { input, output } => {
                if self.host().has(Binding::SetAudioDevices) {
                    let arg = js_sys::Object::new();
                    let id = |v: Option<String>| v.map_or(JsValue::NULL, JsValue::from);
                    let _ = js_sys::Reflect::set(&arg, &"inputId".into(), &id(input));
                    let _ = js_sys::Reflect::set(&arg, &"outputId".into(), &id(output));
                    self.host()
                        .call(Binding::SetAudioDevices, &[arg.into()], |_| {});
                }
            }
            Effect::Persist(_) if self.rehearsal => {}
            Effect::LoadEpisode if self.rehearsal => self.handle(Event::EpisodeLoaded(Ok(None))),
            Effect::Persist(episode) => {
                let saved = self.store.read().clone().save(episode.as_ref());
                if let Err(message) = saved {
                    self.handle(Event::BindingFailed {
                        binding: Binding::Storage,
                        message,
                    });
                }
            }
            Effect::LoadEpisode => {
                let loaded = self.store.read().clone().load();
                self.handle(Event::EpisodeLoaded(loaded))
            }
            Effect::PostToTabs(message) => {
                let tabs = self.tabs.read().clone();
                if let Some(tabs) = tabs {
                    tabs.post(&message);
                }
            }
            Effect::ListActiveCalls => {
                let back = self.later();
                let asked = self.host().call(Binding::ActiveCalls, &[], move |outcome| {
                    back(Event::ActiveCalls(match outcome.value() {
                        Ok(list) => match read::id_list(&list, MAX_CALL_ID) {
                            Ok(ids) => ActiveCalls::Listed(ids),
                            Err(message) => ActiveCalls::Failed(message),
                        },
                        Err(message) => ActiveCalls::Failed(message),
                    }))
                });
                if !asked {
                    self.handle(Event::ActiveCalls(ActiveCalls::NotProvided));
                }
            }
        }
    }

    /// Stops everything: timers cancelled, the other tabs told, host subscriptions and window
    /// listeners removed, later answers ignored. Nothing is borrowed while they are dropped.
    pub fn release(&self) {
        if self.mode.replace(Mode::Released) == Mode::Released {
            return;
        }
        self.let_go();
        let timers = std::mem::take(&mut *self.timers.write());
        drop(timers);
        let on_change = self.on_change.write().take();
        drop(on_change);
        self.say_goodbye();
        let tabs = self.tabs.write().take();
        drop(tabs);
        let subscriptions = std::mem::take(&mut *self.subscriptions.write());
        drop(subscriptions);
        let page = std::mem::take(&mut *self.page.write());
        drop(page);
    }

    /// True once released.
    pub fn released(&self) -> bool {
        self.mode.get() == Mode::Released
    }
}

/// What `calling.dial`'s answer means for the call `key`.
fn dial_answer(key: CallKey, outcome: Outcome) -> Event {
    match outcome {
        Outcome::Value(value) => {
            let id = read::member(&value, "callId", "calling.dial's answer")
                .and_then(|v| read::short_string(&v, MAX_CALL_ID as u32));
            match id {
                Ok(Some(call_id)) if !call_id.is_empty() => Event::DialAccepted { key, call_id },
                Ok(_) => Event::DialUnconfirmed {
                    key,
                    message: "calling.dial did not return { callId }".into(),
                },
                Err(e) => Event::DialUnconfirmed {
                    key,
                    message: format!("calling.dial returned an unreadable callId: {e}"),
                },
            }
        }
        Outcome::Failed(message) => Event::DialFailed { key, message },
        Outcome::Unreadable(message) | Outcome::TimedOut(message) => Event::DialUnconfirmed {
            key,
            message: format!("calling.dial: {message}"),
        },
    }
}

/// Takes `id`'s timer out of `timers` (a `Vec`: an agent has a few timers at a time, and a
/// `HashMap` costs ~1 KB of wasm per key type; BENCHMARKS.md).
fn take_timer(timers: &mut Vec<(TimerId, Timeout)>, id: TimerId) -> Option<Timeout> {
    let i = timers.iter().position(|(t, _)| *t == id)?;
    Some(timers.swap_remove(i).1)
}
