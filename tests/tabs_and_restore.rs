//! Property tests of the two B5 machines, native: the tab election over a simulated channel
//! (tabs open, close, crash, place and end emergency calls, strangers post junk, time passes)
//! and the restore policy over any order of loads, probes and host answers.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::VecDeque;

use agent_dialer::core::flow::{Episode, PersistedCall};
use agent_dialer::core::model::Millis;
use agent_dialer::core::restore::{
    ActiveCalls, CallFate, RestorePolicy, RestoreStep, RESTORE_PROBE,
};
use agent_dialer::core::tabs::{
    TabElection, TabMessage, TabOutput, HEARTBEAT, MISSED_BEATS, TABS_PROTOCOL,
};
use agent_dialer::core::wire::{CallKind, PeerEmergency};
use proptest::prelude::*;

/// Cases per property: `PROPTEST_CASES` when set (the long runs in RELIABILITY.md), else `ci`.
fn cases(ci: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(ci)
}

// ---------------------------------------------------------------- the tab election

#[derive(Clone, Debug)]
enum TabAct {
    Open,
    Close(usize),
    Crash(usize),
    StartCall(usize),
    EndCall(usize),
    Deliver,
    Beat,
    Later(Millis),
    Junk(usize, TabMessage),
}

/// One tab as the dialer sees it: its election and what the election told it.
struct Tab {
    id: String,
    election: TabElection,
    mine: Option<PeerEmergency>,
    owns: Option<bool>,
    shown: Option<Option<PeerEmergency>>,
}

/// Tabs on one channel; messages wait on the wire until delivered.
struct Channel {
    tabs: Vec<Option<Tab>>,
    wire: VecDeque<(String, TabMessage)>,
    now: Millis,
    calls: u32,
    /// The calls their tab ended itself (not closed or crashed while holding them).
    ended: Vec<PeerEmergency>,
    /// A stranger posted on the channel: it may say anything.
    junk: bool,
    /// Calls reported as ended by a live holder that no holder ended.
    wrongly_ended: Vec<PeerEmergency>,
}

impl Channel {
    fn live(&self) -> impl Iterator<Item = &Tab> {
        self.tabs.iter().flatten()
    }

    fn tab(&mut self, i: usize) -> Option<&mut Tab> {
        let n = self.tabs.len();
        self.tabs.get_mut(i % n.max(1)).and_then(Option::as_mut)
    }

    fn apply(&mut self, i: usize, outputs: Vec<TabOutput>) {
        for output in outputs {
            let tab = self.tabs[i].as_mut().expect("outputs come from a live tab");
            match output {
                TabOutput::Post(m) => self.wire.push_back((tab.id.clone(), m)),
                TabOutput::PeerEmergency(p) => tab.shown = Some(p),
                TabOutput::OwnsCallback(b) => tab.owns = Some(b),
                TabOutput::PeerEnded {
                    ended_there: Some(call),
                } if !self.junk && !self.ended.contains(&call) => self.wrongly_ended.push(call),
                TabOutput::PeerEnded { .. }
                | TabOutput::WakeAt(_)
                | TabOutput::AnswerCallback(_)
                | TabOutput::CallbackTaken(_) => {}
            }
        }
    }

    fn update(&mut self, i: usize, beat: bool) {
        let now = self.now;
        if let Some(tab) = self.tabs.get_mut(i).and_then(Option::as_mut) {
            let outputs = tab.election.update(tab.mine.clone(), None, beat, now);
            self.apply(i, outputs);
        }
    }

    fn deliver(&mut self) {
        while let Some((from, message)) = self.wire.pop_front() {
            for i in 0..self.tabs.len() {
                let now = self.now;
                let Some(tab) = self.tabs[i].as_mut().filter(|t| t.id != from) else {
                    continue;
                };
                let outputs = tab.election.receive(message.clone(), now);
                self.apply(i, outputs);
            }
        }
    }

    fn beat(&mut self) {
        for i in 0..self.tabs.len() {
            self.update(i, true);
        }
    }

    fn act(&mut self, act: TabAct) {
        match act {
            TabAct::Open => {
                let id = format!("t{}", self.tabs.len());
                let election = TabElection::new(id.clone(), self.now);
                self.tabs.push(Some(Tab {
                    id,
                    election,
                    mine: None,
                    owns: None,
                    shown: None,
                }));
                self.update(self.tabs.len() - 1, true);
            }
            TabAct::Close(i) => {
                if let Some(tab) = self.tab(i) {
                    let (id, bye) = (tab.id.clone(), tab.election.goodbye());
                    self.tabs.iter_mut().for_each(|t| {
                        if t.as_ref().is_some_and(|t| t.id == id) {
                            *t = None;
                        }
                    });
                    self.wire.push_back((id, bye));
                }
            }
            TabAct::Crash(i) => {
                let n = self.tabs.len().max(1);
                if let Some(t) = self.tabs.get_mut(i % n) {
                    *t = None;
                }
            }
            TabAct::StartCall(i) | TabAct::EndCall(i) => {
                self.calls += 1;
                let call = matches!(act, TabAct::StartCall(_)).then(|| PeerEmergency {
                    call_id: Some(format!("e{}", self.calls)),
                    number: "911".into(),
                });
                let n = self.tabs.len().max(1);
                if let Some(tab) = self.tab(i) {
                    let before = std::mem::replace(&mut tab.mine, call.clone());
                    if call.is_none() {
                        self.ended.extend(before);
                    }
                    self.update(i % n, false);
                }
            }
            TabAct::Deliver => self.deliver(),
            TabAct::Beat => self.beat(),
            TabAct::Later(ms) => self.now += ms,
            TabAct::Junk(i, message) => {
                self.junk = true;
                let now = self.now;
                let n = self.tabs.len().max(1);
                if let Some(tab) = self.tab(i) {
                    let outputs = tab.election.receive(message, now);
                    self.apply(i % n, outputs);
                }
            }
        }
    }

    /// Every message delivered, then heartbeats until every silent tab has been forgotten.
    fn settle(&mut self) {
        self.deliver();
        for _ in 0..=MISSED_BEATS {
            self.now += HEARTBEAT;
            self.beat();
            self.deliver();
        }
    }
}

fn junk() -> impl Strategy<Value = TabMessage> {
    let time = prop_oneof![
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(-1.0),
        0.0..2e12f64,
        any::<f64>(),
    ];
    (
        prop::sample::select(vec![TABS_PROTOCOL, "agent-dialer-tabs/0", ""]),
        prop::sample::select(vec!["t0", "t1", "t2", "ghost", ""]),
        time.clone(),
        proptest::option::of(("[a-z0-9]{0,4}", "[0-9]{0,4}")),
        proptest::option::of(time),
        any::<bool>(),
    )
        .prop_map(
            |(protocol, id, started_at, emergency, last_call, bye)| TabMessage {
                protocol: protocol.into(),
                tab_id: id.into(),
                started_at,
                emergency: emergency.map(|(call_id, number)| PeerEmergency {
                    call_id: Some(call_id),
                    number,
                }),
                last_call,
                bye,
                callback_offer: None,
            },
        )
}

fn tab_act() -> impl Strategy<Value = TabAct> {
    prop_oneof![
        3 => Just(TabAct::Open),
        1 => (0usize..6).prop_map(TabAct::Close),
        1 => (0usize..6).prop_map(TabAct::Crash),
        2 => (0usize..6).prop_map(TabAct::StartCall),
        2 => (0usize..6).prop_map(TabAct::EndCall),
        3 => Just(TabAct::Deliver),
        2 => Just(TabAct::Beat),
        2 => (1u64..5_000).prop_map(TabAct::Later),
        1 => ((0usize..6), junk()).prop_map(|(i, m)| TabAct::Junk(i, m)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    /// Once the channel is quiet, the live tabs agree: exactly one answers the callback (a tab
    /// holding an emergency call, when there is one), and every tab shows another tab's
    /// emergency call exactly when one exists.
    #[test]
    fn live_tabs_agree_on_one_callback_owner_and_on_the_emergency(
        acts in prop::collection::vec(tab_act(), 1..80)
    ) {
        let mut channel = Channel {
            tabs: Vec::new(), wire: VecDeque::new(), now: 1_000_000, calls: 0,
            ended: Vec::new(), junk: false, wrongly_ended: Vec::new(),
        };
        for act in acts {
            channel.act(act);
        }
        channel.settle();
        // A call is said to have ended in its tab only when that tab ended it: a tab that
        // closed or crashed during it leaves its fate unknown (and the reload question, B5).
        prop_assert!(channel.wrongly_ended.is_empty(), "{:?}", channel.wrongly_ended);
        let live: Vec<&Tab> = channel.live().collect();
        if live.is_empty() {
            return Ok(());
        }
        let owners: Vec<&str> = live.iter().filter(|t| t.owns == Some(true)).map(|t| t.id.as_str()).collect();
        prop_assert_eq!(owners.len(), 1, "owners {:?}", owners);
        let owner = live.iter().find(|t| t.owns == Some(true)).unwrap();
        if live.iter().any(|t| t.mine.is_some()) {
            prop_assert!(owner.mine.is_some(), "{} owns the callback without holding the call", owner.id);
        }
        for tab in &live {
            let others: Vec<&PeerEmergency> = live
                .iter()
                .filter(|t| t.id != tab.id)
                .filter_map(|t| t.mine.as_ref())
                .collect();
            let shown = tab.shown.clone().flatten();
            prop_assert_eq!(shown.is_some(), !others.is_empty(), "{} shows {:?}", tab.id, shown);
            if let (Some(shown), [only]) = (&shown, others.as_slice()) {
                prop_assert_eq!(shown, *only);
            }
        }
    }
}

// ---------------------------------------------------------------- the restore policy

#[derive(Clone, Debug)]
enum RestoreAct {
    Found(Option<Option<u8>>),
    Later(Millis),
    Probe(bool),
    Answer(u8, Vec<u8>),
}

fn episode(call: Option<Option<u8>>, serial: u32) -> Episode {
    Episode {
        saved_presence: Some(format!("away-{serial}")),
        call: call.map(|id| PersistedCall {
            call_id: id.map(|n| format!("c{n}")),
            number: "911".into(),
            kind: CallKind::Emergency,
            started_at: 1,
        }),
        ..Episode::default()
    }
}

fn restore_act() -> impl Strategy<Value = RestoreAct> {
    prop_oneof![
        proptest::option::of(proptest::option::of(0u8..4)).prop_map(RestoreAct::Found),
        (1u64..1_000).prop_map(RestoreAct::Later),
        any::<bool>().prop_map(RestoreAct::Probe),
        (0u8..3, prop::collection::vec(0u8..4, 0..3))
            .prop_map(|(k, ids)| RestoreAct::Answer(k, ids)),
    ]
}

/// What the test knows of the latest episode found.
struct Latest {
    episode: Episode,
    found_at: Millis,
    restored: bool,
    asked: bool,
    held_by_peer: bool,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(500)))]

    /// Whatever the order of loads, probes and answers: only the latest episode is taken up,
    /// at most once; one with a call not before the probe time, never when another tab holds
    /// it, and alive only when the host listed it.
    #[test]
    fn a_saved_episode_is_taken_up_at_most_once_and_only_as_the_policy_says(
        acts in prop::collection::vec(restore_act(), 1..40)
    ) {
        let mut policy = RestorePolicy::default();
        let mut now: Millis = 10_000;
        let mut latest: Option<Latest> = None;
        let mut serial = 0;
        for act in acts {
            let mut listed = None;
            let steps = match act {
                RestoreAct::Found(call) => {
                    serial += 1;
                    let episode = episode(call, serial);
                    latest = Some(Latest { episode: episode.clone(), found_at: now, restored: false, asked: false, held_by_peer: false });
                    policy.found(episode, now)
                }
                RestoreAct::Later(ms) => { now += ms; Vec::new() }
                RestoreAct::Probe(peer) => {
                    if let Some(l) = latest.as_mut() {
                        let consulted = !l.restored && !l.asked && now >= l.found_at + RESTORE_PROBE;
                        l.held_by_peer |= peer && consulted;
                    }
                    policy.probe_due(now, |_| peer)
                }
                RestoreAct::Answer(kind, ids) => {
                    let ids: Vec<String> = ids.iter().map(|n| format!("c{n}")).collect();
                    let answer = match kind {
                        0 => ActiveCalls::NotProvided,
                        1 => { listed = Some(ids.clone()); ActiveCalls::Listed(ids) }
                        _ => ActiveCalls::Failed("down".into()),
                    };
                    policy.answered(answer)
                }
            };
            for step in steps {
                let l = latest.as_mut().expect("a step only after an episode was found");
                match step {
                    RestoreStep::Restore { episode, call } => {
                        prop_assert_eq!(&episode, &l.episode, "only the latest episode");
                        prop_assert!(!l.restored, "taken up twice");
                        prop_assert!(!l.held_by_peer, "taken from the tab that holds the call");
                        l.restored = true;
                        if episode.call.is_some() {
                            prop_assert!(now >= l.found_at + RESTORE_PROBE, "before the probe");
                        }
                        // Alive only when the host listed it, ended only when it did not list it
                        // (or there was no call): otherwise nobody knows and the agent is asked.
                        let id = episode.call.as_ref().and_then(|c| c.call_id.clone());
                        let expected = match (&episode.call, &id, &listed) {
                            (None, _, _) => CallFate::Ended,
                            (Some(_), Some(id), Some(ids)) if ids.contains(id) => CallFate::Alive,
                            (Some(_), Some(_), Some(_)) => CallFate::Ended,
                            _ => CallFate::Unknown,
                        };
                        prop_assert_eq!(call, expected);
                    }
                    RestoreStep::ArmProbe { at } => prop_assert_eq!(at, l.found_at + RESTORE_PROBE),
                    RestoreStep::AskHost => {
                        prop_assert!(l.episode.call.as_ref().is_some_and(|c| c.call_id.is_some()));
                        prop_assert!(!l.asked, "asked twice");
                        l.asked = true;
                    }
                    RestoreStep::Failed(m) => prop_assert_eq!(m, "down"),
                }
            }
        }
    }
}
