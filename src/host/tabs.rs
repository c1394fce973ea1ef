//! Several tabs of one agent agree on the emergency episode (B5).
//!
//! Tabs of the same origin and agent talk over `BroadcastChannel("agent-dialer:<agentId>")`.
//! Each announces itself (random tab id, start time) and heartbeats; a tab holding an
//! emergency call says so, and the others show it ([`Event::PeerEmergency`]). Exactly one
//! live tab owns the emergency callback ([`Event::TabRole`]): the tab holding an emergency
//! call, else the tab that made the last emergency call, else the oldest tab by
//! (start time, tab id). A tab whose heartbeat stops is forgotten and the role re-elected.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use gloo_timers::callback::Interval;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::driver::{now, to_js, Driver};
use crate::core::wire::PeerEmergency;
use crate::core::Event;

/// How often a tab says it is alive, in milliseconds.
pub const HEARTBEAT_MS: u32 = 1_000;
/// How many heartbeats a tab may miss before it is considered gone.
const MISSED_BEATS: u32 = 3;

/// One message on the channel.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Announce {
    protocol: String,
    tab_id: String,
    started_at: f64,
    #[serde(default)]
    emergency: Option<PeerEmergency>,
    #[serde(default)]
    last_call: Option<f64>,
    #[serde(default)]
    bye: bool,
}

const PROTOCOL: &str = "agent-dialer-tabs/1";

#[derive(Clone, Debug)]
struct Peer {
    started_at: f64,
    emergency: Option<PeerEmergency>,
    last_call: Option<f64>,
    seen: f64,
}

struct Inner {
    driver: Weak<Driver>,
    channel: Option<web_sys::BroadcastChannel>,
    id: String,
    started_at: f64,
    heartbeat_ms: u32,
    peers: RefCell<HashMap<String, Peer>>,
    mine: RefCell<Option<PeerEmergency>>,
    last_call: Cell<Option<f64>>,
    sent_peer: RefCell<Option<Option<PeerEmergency>>>,
    sent_role: Cell<Option<bool>>,
    on_peer_ended: RefCell<Option<Box<dyn Fn()>>>,
    released: Cell<bool>,
}

/// The tab coordination for one mounted widget; [`Tabs::release`] (or drop) says goodbye,
/// closes the channel and stops the heartbeat.
pub struct Tabs {
    inner: Rc<Inner>,
    _onmessage: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    heartbeat: RefCell<Option<Interval>>,
}

fn random_id() -> String {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("{a:08x}{b:08x}")
}

impl Tabs {
    /// Joins the channel of `agent_id` with a heartbeat every `heartbeat_ms`.
    pub fn new(driver: &Rc<Driver>, agent_id: &str, heartbeat_ms: u32) -> Tabs {
        let channel = web_sys::BroadcastChannel::new(&format!("agent-dialer:{agent_id}")).ok();
        let inner = Rc::new(Inner {
            driver: Rc::downgrade(driver),
            channel,
            id: random_id(),
            started_at: js_sys::Date::now(),
            heartbeat_ms: heartbeat_ms.max(10),
            peers: RefCell::new(HashMap::new()),
            mine: RefCell::new(None),
            last_call: Cell::new(None),
            sent_peer: RefCell::new(None),
            sent_role: Cell::new(None),
            on_peer_ended: RefCell::new(None),
            released: Cell::new(false),
        });
        let onmessage = inner.channel.as_ref().map(|channel| {
            let weak = Rc::downgrade(&inner);
            let closure = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(
                move |e: web_sys::MessageEvent| {
                    if let Some(inner) = weak.upgrade() {
                        inner.receive(e.data());
                    }
                },
            );
            channel.set_onmessage(Some(closure.as_ref().unchecked_ref()));
            closure
        });
        let heartbeat = {
            let weak = Rc::downgrade(&inner);
            Interval::new(inner.heartbeat_ms, move || {
                if let Some(inner) = weak.upgrade() {
                    inner.refresh(true);
                }
            })
        };
        let tabs = Tabs {
            inner,
            _onmessage: onmessage,
            heartbeat: RefCell::new(Some(heartbeat)),
        };
        tabs.inner.refresh(true);
        tabs
    }

    /// Re-reads this tab's emergency state and tells the others at once if it changed.
    pub fn refresh(&self) {
        self.inner.refresh(false);
    }

    /// A function that does [`Tabs::refresh`] while this coordinator lives.
    pub fn refresher(&self) -> impl Fn() + 'static {
        let weak = Rc::downgrade(&self.inner);
        move || {
            if let Some(inner) = weak.upgrade() {
                inner.refresh(false);
            }
        }
    }

    /// Called when the emergency call another tab held has ended there.
    pub fn set_on_peer_ended(&self, f: impl Fn() + 'static) {
        *self.inner.on_peer_ended.borrow_mut() = Some(Box::new(f));
    }

    /// True when a live peer holds the emergency call `call_id` (or any, for `None`).
    pub fn peer_holds(&self, call_id: Option<&str>) -> bool {
        self.inner.expire();
        self.inner.peers.borrow().values().any(|p| {
            p.emergency
                .as_ref()
                .is_some_and(|e| call_id.is_none() || e.call_id.as_deref() == call_id)
        })
    }

    /// How many other live tabs this one knows.
    pub fn peer_count(&self) -> usize {
        self.inner.expire();
        self.inner.peers.borrow().len()
    }

    /// This tab's random id.
    pub fn id(&self) -> &str {
        &self.inner.id
    }

    /// Says goodbye, closes the channel, removes the listener, stops the heartbeat. Idempotent.
    pub fn release(&self) {
        if self.inner.released.replace(true) {
            return;
        }
        self.heartbeat.borrow_mut().take();
        self.inner.on_peer_ended.borrow_mut().take();
        if let Some(channel) = &self.inner.channel {
            let bye = self.inner.announce(true);
            let _ = channel.post_message(&to_js(&bye));
            channel.set_onmessage(None);
            channel.close();
        }
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        self.release();
    }
}

impl Inner {
    fn announce(&self, bye: bool) -> Announce {
        Announce {
            protocol: PROTOCOL.into(),
            tab_id: self.id.clone(),
            started_at: self.started_at,
            emergency: self.mine.borrow().clone(),
            last_call: self.last_call.get(),
            bye,
        }
    }

    fn post(&self) {
        if let Some(channel) = &self.channel {
            let _ = channel.post_message(&to_js(&self.announce(false)));
        }
    }

    fn expire(&self) {
        let limit = js_sys::Date::now() - f64::from(self.heartbeat_ms * MISSED_BEATS);
        self.peers.borrow_mut().retain(|_, p| p.seen >= limit);
    }

    /// Reads this tab's emergency call from the core; posts when asked or when it changed.
    fn refresh(&self, beat: bool) {
        if self.released.get() {
            return;
        }
        let Some(driver) = self.driver.upgrade() else {
            return;
        };
        let mine = driver.with_state(|s| s.own_emergency());
        let changed = *self.mine.borrow() != mine;
        if changed {
            if mine.is_some() && self.mine.borrow().is_none() {
                self.last_call.set(Some(now() as f64));
            }
            *self.mine.borrow_mut() = mine;
        }
        if beat || changed {
            self.post();
        }
        self.decide(&driver);
    }

    fn receive(&self, data: JsValue) {
        if self.released.get() {
            return;
        }
        let Ok(msg) = serde_wasm_bindgen::from_value::<Announce>(data) else {
            return; // Not ours, or from another version: ignored.
        };
        if msg.protocol != PROTOCOL || msg.tab_id == self.id {
            return;
        }
        let known = if msg.bye {
            self.peers.borrow_mut().remove(&msg.tab_id);
            true
        } else {
            self.peers
                .borrow_mut()
                .insert(
                    msg.tab_id,
                    Peer {
                        started_at: msg.started_at,
                        emergency: msg.emergency,
                        last_call: msg.last_call,
                        seen: js_sys::Date::now(),
                    },
                )
                .is_some()
        };
        if !known {
            self.post(); // A newcomer learns about this tab at once.
        }
        if let Some(driver) = self.driver.upgrade() {
            self.decide(&driver);
        }
    }

    /// Sends `PeerEmergency` and `TabRole` when they change.
    fn decide(&self, driver: &Driver) {
        self.expire();
        let peers = self.peers.borrow().clone();
        let peer = peers
            .iter()
            .filter(|(_, p)| p.emergency.is_some())
            .min_by(|a, b| key(a.1.started_at, a.0).cmp(&key(b.1.started_at, b.0)))
            .and_then(|(_, p)| p.emergency.clone());
        // Candidates: (holds an emergency call, last emergency dial, start, id).
        let me = (
            self.mine.borrow().is_some(),
            self.last_call.get(),
            self.started_at,
            self.id.as_str(),
        );
        let owner_is_me = peers
            .iter()
            .map(|(id, p)| {
                (
                    p.emergency.is_some(),
                    p.last_call,
                    p.started_at,
                    id.as_str(),
                )
            })
            .all(|other| better(me, other));
        let previous = self.sent_peer.borrow().clone();
        if previous.as_ref() != Some(&peer) {
            let ended = matches!(previous, Some(Some(_))) && peer.is_none();
            *self.sent_peer.borrow_mut() = Some(peer.clone());
            driver.handle(Event::PeerEmergency(peer));
            if ended {
                if let Some(f) = self.on_peer_ended.borrow().as_ref() {
                    f();
                }
            }
        }
        if self.sent_role.get() != Some(owner_is_me) {
            self.sent_role.set(Some(owner_is_me));
            driver.handle(Event::TabRole {
                owns_callback: owner_is_me,
            });
        }
    }
}

type Candidate<'a> = (bool, Option<f64>, f64, &'a str);

fn key(started_at: f64, id: &str) -> (u64, &str) {
    (started_at.max(0.0) as u64, id)
}

/// True when `a` should own the callback rather than `b`.
fn better(a: Candidate, b: Candidate) -> bool {
    if a.0 != b.0 {
        return a.0; // The tab holding an emergency call.
    }
    match (a.1, b.1) {
        (Some(x), Some(y)) if x != y => return x > y, // The most recent emergency dial.
        (Some(_), None) => return true,
        (None, Some(_)) => return false,
        _ => {}
    }
    key(a.2, a.3) < key(b.2, b.3) // The oldest tab.
}
