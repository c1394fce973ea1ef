//! Several tabs of one agent agree on the emergency episode (B5): a sans-IO machine, time in,
//! outputs out. The shell carries the messages (a `BroadcastChannel` per agent) and the time.
//!
//! Each tab announces itself (random tab id, start time) and heartbeats every [`HEARTBEAT`];
//! a tab holding an emergency call says so, and the others show it
//! ([`TabOutput::PeerEmergency`]). Exactly one live tab owns the emergency callback
//! ([`TabOutput::OwnsCallback`]): the tab holding an emergency call, else the tab that made
//! the last emergency call, else the oldest tab by (start time, tab id). A tab that misses
//! [`MISSED_BEATS`] heartbeats is forgotten and the role re-elected; a closing tab says goodbye.
//!
//! The callback is answered by a tab that receives it (E4): with one contact per SIP address
//! the newest registration wins, so it may reach a tab that is not the owner. Such a tab
//! offers it to the others and waits [`CLAIM_WAIT`]: if the owner (or a better tab that also
//! received it) takes it meanwhile — its message then holds that call — this tab lets it be;
//! otherwise it answers. So a callback is never dropped, and when several tabs receive it,
//! exactly one answers.
//! Deterministic; no clock, no IO; any message, however malformed its values, is total.

use serde::{Deserialize, Serialize};

use super::model::Millis;
use super::wire::PeerEmergency;

/// The channel protocol; messages of another protocol are ignored.
pub const TABS_PROTOCOL: &str = "agent-dialer-tabs/1";
/// How often a tab says it is alive.
pub const HEARTBEAT: Millis = 1_000;
/// How many heartbeats a tab may miss before it is considered gone.
pub const MISSED_BEATS: Millis = 3;
/// How long a tab that received the callback without owning it waits for the owner.
pub const CLAIM_WAIT: Millis = 300;

/// One message on the tabs' channel (the same shape in every version of this protocol).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TabMessage {
    /// [`TABS_PROTOCOL`].
    pub protocol: String,
    /// The sender's random id.
    pub tab_id: String,
    /// When the sender started (ms since the epoch).
    pub started_at: f64,
    /// The emergency call the sender holds.
    #[serde(default)]
    pub emergency: Option<PeerEmergency>,
    /// When the sender last placed (or took) an emergency call.
    #[serde(default)]
    pub last_call: Option<f64>,
    /// The sender is closing.
    #[serde(default)]
    pub bye: bool,
    /// An emergency callback the sender received but is not the tab to answer: it answers
    /// unless the tab that is claims it first (see [`TabElection::callback_received`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub callback_offer: Option<String>,
}

/// What the election asks of the dialer.
#[derive(Clone, Debug, PartialEq)]
pub enum TabOutput {
    /// Send this message to the other tabs.
    Post(TabMessage),
    /// Another tab's emergency call to show (`None`: no longer any).
    PeerEmergency(Option<PeerEmergency>),
    /// Whether this tab is the one that answers the emergency callback.
    OwnsCallback(bool),
    /// The emergency call another tab held is no longer held: take over the episode it left.
    /// `ended_there`: the call, when the tab that held it is alive and said it ended there —
    /// that tab gives presence back itself, so only the callback window is left to take up.
    /// `None`: the tab went away (closed, reloaded, silent) and the call's fate is unknown.
    PeerEnded { ended_there: Option<PeerEmergency> },
    /// Wake the election at this time ([`TabElection::claim_due`]).
    WakeAt(Millis),
    /// Answer this emergency callback: no other tab took it.
    AnswerCallback(String),
    /// Another tab took this emergency callback: leave it.
    CallbackTaken(String),
}

#[derive(Clone, Debug, PartialEq)]
struct Peer {
    started_at: Millis,
    emergency: Option<PeerEmergency>,
    last_call: Option<Millis>,
    seen: Millis,
    offer: Option<String>,
}

/// A tab's claim to the callback, compared by [`better`].
#[derive(Clone, Copy, Debug)]
struct Candidate<'a> {
    holds_call: bool,
    last_call: Option<Millis>,
    started_at: Millis,
    id: &'a str,
}

/// A callback this tab received without owning it. Other tabs may know the same callback
/// under another id (a call forked to several registrations), so it counts as taken when the
/// sender holds that id, or when a tab that held no emergency call when the offer began holds
/// one now.
#[derive(Clone, Debug, PartialEq)]
struct Offer {
    id: String,
    until: Millis,
    busy: Vec<String>,
}

/// This tab's view of the agent's tabs.
#[derive(Clone, Debug, PartialEq)]
pub struct TabElection {
    id: String,
    started_at: Millis,
    peers: Peers,
    mine: Option<PeerEmergency>,
    last_call: Option<Millis>,
    sent_peer: Option<Option<PeerEmergency>>,
    /// The tab whose emergency call `sent_peer` reported.
    sent_holder: Option<String>,
    sent_role: Option<bool>,
    /// A callback this tab received without owning it, and until when it waits.
    offer: Option<Offer>,
}

/// A time from a message: finite, not negative, in whole milliseconds.
fn millis(value: f64) -> Millis {
    value.max(0.0) as Millis
}

impl TabElection {
    /// This tab, with its random `id`, started at `started_at`.
    pub fn new(id: String, started_at: Millis) -> TabElection {
        TabElection {
            id,
            started_at,
            peers: Peers::default(),
            mine: None,
            last_call: None,
            sent_peer: None,
            sent_holder: None,
            sent_role: None,
            offer: None,
        }
    }

    /// This tab's emergency call (or none) and the callback it received without owning it
    /// (`offer`), at `now`. With `beat` (the heartbeat) this tab announces itself even when
    /// nothing changed.
    pub fn update(
        &mut self,
        mine: Option<PeerEmergency>,
        offer: Option<&str>,
        beat: bool,
        now: Millis,
    ) -> Vec<TabOutput> {
        let mut out = Vec::new();
        let offered = self.offer.as_ref().map(|o| o.id.as_str());
        let new_offer = offer.filter(|o| offered != Some(*o)).map(str::to_string);
        let changed = self.mine != mine || offered != offer;
        if offer.is_none() {
            self.offer = None;
        }
        if let Some(id) = new_offer {
            if self.peer_holds(Some(&id), now) {
                out.push(TabOutput::CallbackTaken(id));
            } else {
                let until = now.saturating_add(CLAIM_WAIT);
                let mut busy = Vec::new();
                for (tab, p) in self.peers.iter() {
                    if p.emergency.is_some() {
                        busy.push(tab.clone());
                    }
                }
                self.offer = Some(Offer { id, until, busy });
                out.push(TabOutput::WakeAt(until));
            }
        }
        if changed {
            if mine.is_some() && self.mine.is_none() {
                self.last_call = Some(now);
            }
            self.mine = mine;
        }
        if beat || changed {
            out.push(TabOutput::Post(self.message(false)));
        }
        self.decide(now, &mut out);
        out
    }

    /// A message from another tab arrived at `now`.
    pub fn receive(&mut self, msg: TabMessage, now: Millis) -> Vec<TabOutput> {
        let mut out = Vec::new();
        if msg.protocol != TABS_PROTOCOL || msg.tab_id == self.id {
            return out; // Not ours, or from another version: ignored.
        }
        // The callback this tab waits to answer is held by the sender: it is taken.
        if let Some(offer) = &self.offer {
            if !msg.bye && offer.taken_by(&msg.tab_id, msg.emergency.as_ref()) {
                out.push(TabOutput::CallbackTaken(offer.id.clone()));
                self.offer = None;
            }
        }
        let known = if msg.bye {
            self.peers.remove(&msg.tab_id);
            true
        } else {
            let peer = Peer {
                started_at: millis(msg.started_at),
                emergency: msg.emergency,
                last_call: msg.last_call.map(millis),
                seen: now,
                offer: msg.callback_offer,
            };
            self.peers.insert(msg.tab_id, peer)
        };
        if !known {
            out.push(TabOutput::Post(self.message(false))); // A newcomer learns of us at once.
        }
        self.decide(now, &mut out);
        out
    }

    /// This tab now speaks on another channel (the agent changed): the tabs it knew are not
    /// its peers any more, and every verdict is given anew.
    pub fn rejoin(&mut self) {
        self.peers.clear();
        self.offer = None;
        self.sent_peer = None;
        self.sent_holder = None;
        self.sent_role = None;
    }

    /// The wait for the owner is over (`now`): answer the callback, unless a live tab holds
    /// it, or a better tab (by the election's order) also received it and answers it.
    pub fn claim_due(&mut self, now: Millis) -> Vec<TabOutput> {
        let Some(until) = self.offer.as_ref().map(|o| o.until) else {
            return Vec::new();
        };
        if now < until {
            return vec![TabOutput::WakeAt(until)];
        }
        let Some(offer) = self.offer.take() else {
            return Vec::new();
        };
        self.expire(now);
        let me = self.candidate();
        let someone_else = self.peers.iter().any(|(tab, p)| {
            let holds = offer.taken_by(tab, p.emergency.as_ref());
            let better = p.offer.is_some() && !better(me, Self::peer_candidate(tab, p));
            holds || better
        });
        let id = offer.id;
        vec![if someone_else {
            TabOutput::CallbackTaken(id)
        } else {
            TabOutput::AnswerCallback(id)
        }]
    }

    fn candidate(&self) -> Candidate<'_> {
        Candidate {
            holds_call: self.mine.is_some(),
            last_call: self.last_call,
            started_at: self.started_at,
            id: &self.id,
        }
    }

    fn peer_candidate<'a>(id: &'a str, p: &Peer) -> Candidate<'a> {
        Candidate {
            holds_call: p.emergency.is_some(),
            last_call: p.last_call,
            started_at: p.started_at,
            id,
        }
    }

    /// The message this tab sends when it closes.
    pub fn goodbye(&self) -> TabMessage {
        self.message(true)
    }

    /// True when a live peer holds the emergency call `call_id` (or any, for `None`).
    pub fn peer_holds(&mut self, call_id: Option<&str>, now: Millis) -> bool {
        self.expire(now);
        self.peers.iter().any(|(_, p)| {
            p.emergency
                .as_ref()
                .is_some_and(|e| call_id.is_none() || e.call_id.as_deref() == call_id)
        })
    }

    /// How many other live tabs this one knows at `now`.
    pub fn peer_count(&mut self, now: Millis) -> usize {
        self.expire(now);
        self.peers.len()
    }

    fn message(&self, bye: bool) -> TabMessage {
        TabMessage {
            protocol: TABS_PROTOCOL.into(),
            tab_id: self.id.clone(),
            started_at: self.started_at as f64,
            emergency: self.mine.clone(),
            last_call: self.last_call.map(|t| t as f64),
            bye,
            callback_offer: self.offer.as_ref().map(|o| o.id.clone()),
        }
    }

    fn expire(&mut self, now: Millis) {
        let limit = now.saturating_sub(HEARTBEAT * MISSED_BEATS);
        self.peers.retain(|p| p.seen >= limit);
    }

    /// Tells the dialer when the peer's emergency call or this tab's role changed.
    fn decide(&mut self, now: Millis, out: &mut Vec<TabOutput>) {
        self.expire(now);
        // The holder: the oldest tab in an emergency call (ties by id), found in one loop.
        let mut holder: Option<&(String, Peer)> = None;
        for entry @ (id, p) in self.peers.iter() {
            let older = |(hid, h): &(String, Peer)| {
                (p.started_at, id.as_str()) < (h.started_at, hid.as_str())
            };
            if p.emergency.is_some() && holder.is_none_or(older) {
                holder = Some(entry);
            }
        }
        let (holder, peer) = match holder {
            Some((id, p)) => (Some(id.clone()), p.emergency.clone()),
            None => (None, None),
        };
        let me = self.candidate();
        let owner_is_me = self
            .peers
            .iter()
            .all(|(id, p)| better(me, Self::peer_candidate(id, p)));
        if self.sent_peer.as_ref() != Some(&peer) {
            let before = self.sent_peer.replace(peer.clone()).flatten();
            let before_holder = std::mem::replace(&mut self.sent_holder, holder);
            out.push(TabOutput::PeerEmergency(peer.clone()));
            if let Some(call) = before.filter(|_| peer.is_none()) {
                // Still here, the holder said so itself; gone, it cannot have.
                let alive = before_holder.is_some_and(|id| self.peers.find(&id).is_ok());
                out.push(TabOutput::PeerEnded {
                    ended_there: alive.then_some(call),
                });
            }
        } else {
            self.sent_holder = holder;
        }
        if self.sent_role != Some(owner_is_me) {
            self.sent_role = Some(owner_is_me);
            out.push(TabOutput::OwnsCallback(owner_is_me));
        }
    }
}

impl Offer {
    /// True when tab `tab`, holding `emergency`, took this callback.
    fn taken_by(&self, tab: &str, emergency: Option<&PeerEmergency>) -> bool {
        emergency.is_some_and(|e| {
            e.call_id.as_deref() == Some(self.id.as_str()) || !self.busy.iter().any(|b| b == tab)
        })
    }
}

/// True when `a` should own the callback rather than `b`.
fn better(a: Candidate, b: Candidate) -> bool {
    if a.holds_call != b.holds_call {
        return a.holds_call; // The tab holding an emergency call.
    }
    match (a.last_call, b.last_call) {
        (Some(x), Some(y)) if x != y => return x > y, // The most recent emergency dial.
        (Some(_), None) => return true,
        (None, Some(_)) => return false,
        _ => {}
    }
    (a.started_at, a.id) < (b.started_at, b.id) // The oldest tab.
}

/// The other tabs by tab id, in id order: a sorted `Vec` rather than a `BTreeMap`, whose code
/// costs ~6 KB of wasm (3.3 KB brotli) for the handful of tabs an agent has (BENCHMARKS.md).
#[derive(Clone, Debug, Default, PartialEq)]
struct Peers(Vec<(String, Peer)>);

impl Peers {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    /// Inserts or replaces `id`'s entry; true when it was there.
    fn insert(&mut self, id: String, peer: Peer) -> bool {
        match self.find(&id) {
            Ok(i) => {
                self.0[i].1 = peer;
                true
            }
            Err(i) => {
                self.0.insert(i, (id, peer));
                false
            }
        }
    }

    fn remove(&mut self, id: &str) {
        if let Ok(i) = self.find(id) {
            self.0.remove(i);
        }
    }

    /// The entries as stored (a plain slice iterator: no adapter code of its own).
    fn iter(&self) -> std::slice::Iter<'_, (String, Peer)> {
        self.0.iter()
    }

    fn retain(&mut self, mut keep: impl FnMut(&Peer) -> bool) {
        self.0.retain(|(_, p)| keep(p));
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    fn len(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(id: &str) -> Option<PeerEmergency> {
        Some(PeerEmergency {
            call_id: Some(id.into()),
            number: "911".into(),
        })
    }

    fn roles(out: &[TabOutput]) -> Vec<bool> {
        out.iter()
            .filter_map(|o| match o {
                TabOutput::OwnsCallback(b) => Some(*b),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn alone_a_tab_announces_itself_and_owns_the_callback() {
        let mut a = TabElection::new("a".into(), 10);
        let out = a.update(None, None, true, 10);
        assert!(matches!(&out[0], TabOutput::Post(m) if m.tab_id == "a" && !m.bye));
        assert!(out.contains(&TabOutput::PeerEmergency(None)));
        assert_eq!(roles(&out), vec![true]);
        assert!(
            a.update(None, None, false, 20).is_empty(),
            "nothing changed, nothing said"
        );
    }

    #[test]
    fn the_older_tab_owns_the_callback_until_the_younger_one_places_an_emergency_call() {
        let (mut a, mut b) = (
            TabElection::new("a".into(), 10),
            TabElection::new("b".into(), 20),
        );
        a.update(None, None, true, 20);
        b.update(None, None, true, 20);
        let hello_b = b.message(false);
        assert_eq!(
            roles(&a.receive(hello_b, 21)),
            Vec::<bool>::new(),
            "a stays owner"
        );
        assert_eq!(roles(&b.receive(a.message(false), 21)), vec![false]);
        let out = b.update(call("e1"), None, false, 30);
        assert_eq!(roles(&out), vec![true]);
        let post = match &out[0] {
            TabOutput::Post(m) => m.clone(),
            other => panic!("b says so first: {other:?}"),
        };
        let out = a.receive(post, 31);
        assert!(out.contains(&TabOutput::PeerEmergency(call("e1"))));
        assert_eq!(roles(&out), vec![false]);
        assert!(a.peer_holds(Some("e1"), 31) && a.peer_holds(None, 31));
        assert!(!a.peer_holds(Some("other"), 31));
    }

    #[test]
    fn a_silent_tab_is_forgotten_after_the_missed_beats_and_a_goodbye_at_once() {
        let mut a = TabElection::new("a".into(), 10);
        let b = TabElection::new("b".into(), 5);
        a.update(None, None, true, 10);
        assert_eq!(
            roles(&a.receive(b.message(false), 11)),
            vec![false],
            "b is older"
        );
        assert_eq!(a.peer_count(11 + HEARTBEAT * MISSED_BEATS), 1);
        let out = a.update(None, None, true, 12 + HEARTBEAT * MISSED_BEATS);
        assert_eq!(roles(&out), vec![true], "b missed its beats");
        a.receive(b.message(false), 5_000);
        assert_eq!(roles(&a.receive(b.goodbye(), 5_001)), vec![true]);
        assert_eq!(a.peer_count(5_001), 0);
    }

    #[test]
    fn the_end_of_a_peers_emergency_call_is_reported_once() {
        let mut a = TabElection::new("a".into(), 10);
        let mut b = TabElection::new("b".into(), 20);
        b.update(call("e1"), None, true, 20);
        a.receive(b.message(false), 21);
        b.update(None, None, false, 30);
        let out = a.receive(b.message(false), 31);
        assert!(out.contains(&TabOutput::PeerEmergency(None)));
        let ended_there = TabOutput::PeerEnded {
            ended_there: call("e1"),
        };
        assert!(out.contains(&ended_there), "{out:?}");
        let again = a.receive(b.message(false), 32);
        assert!(!again
            .iter()
            .any(|o| matches!(o, TabOutput::PeerEnded { .. })));
    }

    #[test]
    fn foreign_and_own_messages_are_ignored() {
        let mut a = TabElection::new("a".into(), 10);
        let mut other = a.message(false);
        assert!(a.receive(other.clone(), 11).is_empty(), "its own echo");
        other.tab_id = "b".into();
        other.protocol = "agent-dialer-tabs/2".into();
        assert!(a.receive(other, 11).is_empty());
        assert_eq!(a.peer_count(11), 0);
    }

    #[test]
    fn a_callback_that_reached_a_tab_which_is_not_the_owner_is_answered_there() {
        let mut a = TabElection::new("a".into(), 10);
        let b = TabElection::new("b".into(), 5); // Older: b owns the callback.
        a.update(None, None, true, 10);
        assert_eq!(roles(&a.receive(b.message(false), 11)), vec![false]);
        // Only a received it (the newest registration wins).
        let out = a.update(None, Some("cb1"), false, 20);
        assert!(out.contains(&TabOutput::WakeAt(20 + CLAIM_WAIT)), "{out:?}");
        assert!(
            out.iter().any(
                |o| matches!(o, TabOutput::Post(m) if m.callback_offer.as_deref() == Some("cb1"))
            ),
            "offered to the others: {out:?}"
        );
        assert_eq!(
            a.claim_due(19 + CLAIM_WAIT),
            vec![TabOutput::WakeAt(20 + CLAIM_WAIT)]
        );
        assert_eq!(
            a.claim_due(20 + CLAIM_WAIT),
            vec![TabOutput::AnswerCallback("cb1".into())],
            "nobody took it: a answers"
        );
    }

    #[test]
    fn the_owner_that_took_the_callback_keeps_it_and_of_two_receivers_one_answers() {
        let mut a = TabElection::new("a".into(), 10);
        let mut b = TabElection::new("b".into(), 5);
        a.receive(b.message(false), 11);
        a.update(None, Some("cb1"), false, 12);
        // The owner b answered it too: its message holds the call.
        b.update(call("cb1"), None, false, 13);
        let out = a.receive(b.message(false), 14);
        assert!(
            out.contains(&TabOutput::CallbackTaken("cb1".into())),
            "{out:?}"
        );
        assert!(a.claim_due(12 + CLAIM_WAIT).is_empty());

        // Two tabs that are not the owner both received it: the better one (the older) answers.
        let (mut x, mut y) = (
            TabElection::new("x".into(), 1),
            TabElection::new("y".into(), 2),
        );
        let owner = TabElection::new("o".into(), 0);
        for t in [&mut x, &mut y] {
            t.receive(owner.message(false), 3);
        }
        x.update(None, Some("cb2"), false, 4);
        y.update(None, Some("cb2"), false, 4);
        x.receive(y.message(false), 5);
        y.receive(x.message(false), 5);
        let answers = [x.claim_due(4 + CLAIM_WAIT), y.claim_due(4 + CLAIM_WAIT)];
        assert_eq!(answers[0], vec![TabOutput::AnswerCallback("cb2".into())]);
        assert_eq!(answers[1], vec![TabOutput::CallbackTaken("cb2".into())]);
    }
}
