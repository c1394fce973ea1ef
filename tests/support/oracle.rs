//! The call flow's safety invariants, written once: a [`World`] drives the core's `Dialer` the
//! way the shell does (`handle`, then `poll_effect` until `None`, each effect run at once) against
//! a model host, and checks every effect as it comes out. The property test
//! (`tests/core_scenarios.rs`) and the fuzzer (`fuzz/fuzz_targets/dialer.rs`, which includes
//! this file by path) both drive it, so both check the same rules.
//!
//! The invariants (SPEC), each a panic naming the rule:
//! - E1, E11, E12: a dial of a number that *is* an emergency number where the agent is (or, with
//!   the location not known, in any supported region) hands out `PlaceCall` for an emergency,
//!   unrecorded call as its very first effect — unless the location is known to be outside the
//!   supported regions and the policy is "block": then nothing is dialed and the agent is told.
//!   While an emergency call is active a dial places nothing (E5).
//! - E6: no emergency call, outbound or callback, is ever recorded or written to history.
//! - E2, E8: presence is never given back while an emergency call is active; DND is put back when
//!   the host changes it during the call; what is given back is the presence from before the
//!   episode, and it is given back once (a confirmed restore ends the episode; a give-back
//!   that changes nothing, such as the DND of an older saved episode not yet taken up, is a
//!   no-op).
//! - At quiescence ([`World::quiesce`]: the presence binding healthy, every call ended, time
//!   passed): no emergency call is active, nothing is left to restore, presence is not DND, the
//!   host form is out of emergency mode (E9) and the saved episode holds no call.
//! - Never a panic, whatever the order of events (implicit).
#![allow(dead_code)]

use std::collections::{BTreeSet, VecDeque};

use agent_dialer::core::config::UnsupportedRegionPolicy;
use agent_dialer::core::emergency;
use agent_dialer::core::flow::episode::PRESENCE_RETRY_MAX;
use agent_dialer::core::flow::{Episode, Notice};
use agent_dialer::core::model::{Location, LocationStatus, Millis, DND};
use agent_dialer::core::restore::{ActiveCalls, RESTORE_PROBE};
use agent_dialer::core::tabs::{HEARTBEAT, MISSED_BEATS};
use agent_dialer::core::wire::{CallEvent, EndReason, HostEvent};
use agent_dialer::core::{CallKey, Config, Dialer, Effect, Event, TimerId};

/// The callback number the model network hands out (E3).
pub const CALLBACK_NUMBER: &str = "+15550100042";

/// Timers fired one by one per [`World::later`]; the rest fire late, once (a throttled tab).
const MAX_FIRINGS: usize = 16;

/// What the SPEC says a dial must do (E1, E12), from the engine's "is emergency" answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// An emergency call, placed first.
    Emergency,
    /// Known to be outside the supported regions with the "block" policy: nothing dialed.
    Blocked,
    /// Nothing required (an ordinary number, or one that only *connects* to an emergency one).
    Free,
}

/// The host's side of a call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostCall {
    /// The host's call id.
    pub id: String,
    /// An emergency call, outbound or callback.
    pub emergency: bool,
}

/// A `Dialer` with a model host around it.
pub struct World {
    /// The dialer under test.
    pub dialer: Dialer,
    /// The time.
    pub now: Millis,
    config: Config,
    location: Location,
    reloads: u32,
    /// The host's presence.
    pub presence: String,
    /// `presence.set` fails while true.
    pub presence_down: bool,
    /// The last `presence.set` failed (the widget retries it later).
    presence_failed: bool,
    /// `notification.sendEmail` fails while true.
    pub email_down: bool,
    /// The host answers inside the binding call (re-entrant), not in a later task.
    pub answer_at_once: bool,
    /// `calling.activeCalls` is provided.
    pub active_calls: bool,
    /// `calling.dial` requests not answered yet: the key and whether it is an emergency call.
    pub pending: Vec<(CallKey, bool)>,
    /// The calls the host has.
    pub live: Vec<HostCall>,
    /// The id of the last call the host reported.
    pub last_id: Option<String>,
    /// Every id the host ever gave a call, in order.
    pub all_ids: Vec<String>,
    /// Ids of calls that had ended when the page last reloaded.
    gone_before_reload: BTreeSet<String>,
    next_id: u32,
    /// Every id the host knows as an emergency call (E6).
    pub emergency_ids: BTreeSet<String>,
    /// The id of the last outbound emergency call.
    pub last_emergency_id: Option<String>,
    later_answers: VecDeque<Event>,
    timers: Vec<(TimerId, Millis)>,
    /// The saved episode (`localStorage`).
    pub stored: Option<Episode>,
    /// The host form's emergency mode (E9).
    pub host_form: bool,
    /// While an episode is on: the presence from before it (E2, E8).
    before: Option<String>,
    /// The presence the agent should have now that no episode is on: the last one given back
    /// or set by the host (`None`: nothing known).
    expected: Option<String>,
    /// What was seen, for the fuzzer's statistics.
    pub seen: Seen,
}

/// Counts of what happened, to see that a run exercised the rules.
#[derive(Clone, Debug, Default)]
pub struct Seen {
    /// Emergency calls placed.
    pub emergency_dials: u32,
    /// Emergency dials blocked by E12.
    pub blocked: u32,
    /// Confirmed presence restores.
    pub restores: u32,
    /// Emergency callbacks answered.
    pub callbacks: u32,
    /// Episodes taken up after a reload.
    pub reloads: u32,
}

/// `ORACLE_TRACE=1`: every event and effect on stderr, to read a failing sequence.
fn trace() -> bool {
    static TRACE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *TRACE.get_or_init(|| std::env::var_os("ORACLE_TRACE").is_some())
}

/// A location in `region` (granted), or denied when `None`.
pub fn located(region: Option<&str>) -> Location {
    Location {
        status: if region.is_some() {
            LocationStatus::Granted
        } else {
            LocationStatus::Denied
        },
        region: region.map(str::to_string),
        ..Location::default()
    }
}

impl World {
    /// A mounted widget for `config` in `location`, the agent `available`, at `now`.
    pub fn new(config: Config, location: Location, now: Millis) -> World {
        let mut w = World {
            dialer: Dialer::new(config.clone(), "tab-0", now),
            now,
            config,
            location,
            reloads: 0,
            presence: "available".into(),
            presence_down: false,
            presence_failed: false,
            email_down: false,
            answer_at_once: false,
            active_calls: true,
            pending: Vec::new(),
            live: Vec::new(),
            last_id: None,
            all_ids: Vec::new(),
            gone_before_reload: BTreeSet::new(),
            next_id: 1,
            emergency_ids: BTreeSet::new(),
            last_emergency_id: None,
            later_answers: VecDeque::new(),
            timers: Vec::new(),
            stored: None,
            host_form: false,
            before: None,
            expected: Some("available".into()),
            seen: Seen::default(),
        };
        w.start();
        w
    }

    fn start(&mut self) {
        self.task(Event::Started {
            utc_offset_minutes: -300,
        });
        self.task(Event::LocationChanged(self.location.clone()));
        self.task(Event::PresenceObserved(self.presence.clone()));
    }

    /// One task: `event` handed in, every effect run; then each host answer in its own task.
    /// Returns the effects of `event`'s own task.
    pub fn task(&mut self, event: Event) -> Vec<Effect> {
        let fx = self.run_task(event);
        while let Some(answer) = self.later_answers.pop_front() {
            self.run_task(answer);
        }
        let state = self.dialer.state();
        if state.emergency_active() && state.presence.is_some() && !self.presence_failed {
            assert_eq!(
                self.presence, DND,
                "E2: DND holds while an emergency call is active (presence binding healthy)"
            );
        }
        fx
    }

    fn run_task(&mut self, event: Event) -> Vec<Effect> {
        if trace() {
            eprintln!("{:>8} <- {event:?}", self.now);
        }
        self.dialer.handle(event, self.now);
        let mut fx = Vec::new();
        while let Some(effect) = self.dialer.poll_effect() {
            if trace() {
                eprintln!("{:>8} -> {effect:?}", self.now);
            }
            self.run(&effect);
            fx.push(effect);
        }
        // `dialer.state()` and the view are read after every task; neither may panic.
        let _ = self.dialer.snapshot(self.now);
        let _ = self.dialer.view(self.now);
        fx
    }

    /// The host's answer to a binding call: at once (re-entrant) or in a later task.
    fn answer(&mut self, event: Event) {
        if self.answer_at_once {
            self.dialer.handle(event, self.now);
        } else {
            self.later_answers.push_back(event);
        }
    }

    fn fresh_id(&mut self, prefix: &str) -> String {
        let id = format!("{prefix}{}", self.next_id);
        self.next_id += 1;
        self.all_ids.push(id.clone());
        id
    }

    /// Runs one effect like the shell and the model host, checking it.
    fn run(&mut self, effect: &Effect) {
        match effect {
            Effect::PlaceCall { key, request } => {
                if request.emergency {
                    assert!(
                        !request.record,
                        "E6: an emergency call must not be recorded"
                    );
                    self.seen.emergency_dials += 1;
                }
                self.pending.push((*key, request.emergency));
            }
            Effect::SetPresence(status) => self.presence_set(status),
            Effect::RecordActivity(entry) => assert!(
                !self.emergency_ids.contains(&entry.call_id),
                "E6: emergency call {} was written to history",
                entry.call_id
            ),
            Effect::SetHostEmergencyMode(on) => self.host_form = *on,
            Effect::Emit(HostEvent::EmergencyStarted { call_id, .. }) => {
                self.emergency_ids.insert(call_id.clone());
            }
            Effect::SendEmail { kind, message } => {
                assert!(
                    !message.subject.contains(['\r', '\n']),
                    "the subject is one line: {:?}",
                    message.subject
                );
                let result = if self.email_down {
                    Err("mail down".to_string())
                } else {
                    Ok(())
                };
                self.answer(Event::EmailSent {
                    kind: *kind,
                    result,
                });
            }
            Effect::HangUp { call_id } => {
                if let Some(i) = self.live.iter().position(|c| c.id == *call_id) {
                    self.live.remove(i);
                    // The host confirms with `ended`, which the widget no longer needs.
                    self.answer(Event::Call(CallEvent::Ended {
                        call_id: call_id.clone(),
                        reason: EndReason::Local,
                    }));
                }
            }
            Effect::ArmTimer { id, at } => {
                self.timers.retain(|(t, _)| t != id);
                self.timers.push((*id, *at));
            }
            Effect::CancelTimer(id) => self.timers.retain(|(t, _)| t != id),
            Effect::Persist(episode) => self.stored = episode.clone(),
            Effect::LoadEpisode => self.answer(Event::EpisodeLoaded(Ok(self.stored.clone()))),
            Effect::ListActiveCalls => {
                let answer = if self.active_calls {
                    ActiveCalls::Listed(self.live.iter().map(|c| c.id.clone()).collect())
                } else {
                    ActiveCalls::NotProvided
                };
                self.answer(Event::ActiveCalls(answer));
            }
            _ => {}
        }
    }

    fn presence_set(&mut self, status: &str) {
        // During an emergency call the widget only ever asks for DND (E2); outside one, any
        // change is giving the presence back (E8).
        let giving_back = !self.dialer.state().emergency_active();
        if !giving_back {
            assert_eq!(
                status, DND,
                "E8: presence {status:?} given back during an emergency call"
            );
            // The episode starts with the first DND: what to give back is the presence now.
            if self.before.is_none() {
                self.before = Some(self.presence.clone());
            }
        } else if status == self.presence {
            // A give-back that changes nothing (e.g. the DND of an older saved episode, before
            // that episode is taken up, or a presence that never left): a no-op; an episode
            // goes on until the presence from before it comes back (checked at quiescence).
        } else {
            match &self.before {
                Some(before) => assert_eq!(
                    status, before,
                    "E8: the presence given back is the one from before the episode"
                ),
                None => panic!("E8: presence {status:?} given back twice, or without an episode"),
            }
        }
        self.presence_failed = self.presence_down;
        let result = if self.presence_down {
            Err("presence down".to_string())
        } else {
            self.presence = status.to_string();
            if giving_back && self.before.as_deref() == Some(status) {
                self.before = None; // Given back: the episode is over.
                self.expected = Some(status.to_string());
                self.seen.restores += 1;
            }
            Ok(())
        };
        self.answer(Event::PresenceSet {
            status: status.to_string(),
            result,
        });
    }

    /// A saved episode the model did not see being made (another version, another tab, or
    /// the fuzzer): what the widget may give back is its saved presence.
    pub fn inject_episode(&mut self, episode: Episode) {
        if episode.saved_presence.is_some() {
            self.before = episode.saved_presence.clone();
        }
        self.expected = None; // What the presence should be is the episode's to say.
        self.stored = Some(episode);
    }

    /// The host lists `call_id` as one of its calls (an emergency call, for E6).
    pub fn host_has(&mut self, call_id: &str, emergency: bool) {
        if emergency {
            self.emergency_ids.insert(call_id.to_string());
        }
        self.live.push(HostCall {
            id: call_id.to_string(),
            emergency,
        });
    }

    /// What the SPEC requires of dialing `dialed` now (E1, E12).
    pub fn expect(&self, dialed: &str) -> Expect {
        let state = self.dialer.state();
        let is = |region: &str| emergency::is_emergency_number(dialed, region);
        let supported = &state.config.supported_regions;
        let in_supported = supported.iter().any(|r| is(r));
        match state.location.known_region() {
            Some(region) if state.config.supports(region) => match is(region) {
                true => Expect::Emergency,
                false => Expect::Free,
            },
            Some(region) if is(region) || in_supported => {
                match state.config.unsupported_region_policy {
                    UnsupportedRegionPolicy::Block => Expect::Blocked,
                    UnsupportedRegionPolicy::Attempt => Expect::Emergency,
                }
            }
            Some(_) => Expect::Free,
            None if in_supported => Expect::Emergency,
            None => Expect::Free,
        }
    }

    /// The agent dials `dialed` (E1, E5, E6, E11, E12 checked).
    pub fn dial(&mut self, dialed: &str) -> Vec<Effect> {
        let expect = self.expect(dialed);
        let was_active = self.dialer.state().emergency_active();
        let fx = self.task(Event::Dial {
            dialed: dialed.into(),
        });
        let placed = fx
            .iter()
            .filter(|e| matches!(e, Effect::PlaceCall { .. }))
            .count();
        if was_active {
            assert_eq!(
                placed, 0,
                "E5: a dial during an emergency call placed a call"
            );
            return fx;
        }
        match expect {
            Expect::Emergency => assert!(
                matches!(fx.first(), Some(Effect::PlaceCall { request, .. })
                    if request.emergency && !request.record),
                "E11: {dialed:?} must place an emergency call first: {fx:?}"
            ),
            Expect::Blocked => {
                assert_eq!(placed, 0, "E12: {dialed:?} is blocked here: {fx:?}");
                assert!(
                    matches!(
                        self.dialer.state().notice,
                        Some(Notice::EmergencyUnsupportedRegion { .. })
                    ),
                    "E12: the agent must be told to use another phone"
                );
                self.seen.blocked += 1;
            }
            Expect::Free => {}
        }
        assert!(placed <= 1, "one dial, one call: {fx:?}");
        if placed == 1 {
            assert!(
                matches!(fx.first(), Some(Effect::PlaceCall { .. })),
                "E11: the call is placed before anything else: {fx:?}"
            );
        }
        fx
    }

    /// A pending `calling.dial` request: `pick` counts back from the latest.
    fn take_pending(&mut self, pick: usize) -> Option<(CallKey, bool)> {
        let n = self.pending.len();
        let i = n.checked_sub(1 + pick % n.max(1))?;
        Some(self.pending.remove(i))
    }

    /// The host answers a pending `calling.dial` (`pick` as in `take_pending`) with a fresh
    /// call id.
    pub fn accept(&mut self, pick: usize) -> Vec<Effect> {
        let Some((key, emergency)) = self.take_pending(pick) else {
            return Vec::new();
        };
        let call_id = self.fresh_id(if emergency { "E" } else { "O" });
        if emergency {
            self.emergency_ids.insert(call_id.clone());
            self.last_emergency_id = Some(call_id.clone());
        }
        self.live.push(HostCall {
            id: call_id.clone(),
            emergency,
        });
        self.last_id = Some(call_id.clone());
        self.task(Event::DialAccepted { key, call_id })
    }

    /// `calling.dial` rejects a pending request (`pick` as in [`World::accept`]).
    pub fn reject(&mut self, pick: usize) -> Vec<Effect> {
        let Some((key, _)) = self.take_pending(pick) else {
            return Vec::new();
        };
        self.task(Event::DialFailed {
            key,
            message: "rejected".into(),
        })
    }

    /// A host call event for `call_id`: `Some(reason)` ends it, `None` connects it.
    pub fn host_event(&mut self, call_id: String, end: Option<EndReason>) -> Vec<Effect> {
        self.host_says(match end {
            Some(reason) => CallEvent::Ended { call_id, reason },
            None => CallEvent::Connected { call_id },
        })
    }

    /// Any event from `calling.subscribe` (an `ended` call is gone from the host). Not modelled:
    /// `ringing` or `connected` replayed for a call that ended before a reload (the widget keeps
    /// no memory of ended calls across a reload beyond the saved episode, so a new dial may take
    /// that id).
    pub fn host_says(&mut self, event: CallEvent) -> Vec<Effect> {
        if let CallEvent::Ringing { call_id } | CallEvent::Connected { call_id } = &event {
            if self.gone_before_reload.contains(call_id) {
                return Vec::new();
            }
        }
        if let CallEvent::Ended { call_id, .. } = &event {
            self.live.retain(|c| c.id != *call_id);
        }
        self.task(Event::Call(event))
    }

    /// [`World::host_event`] for the last call the host reported.
    pub fn host_event_last(&mut self, end: Option<EndReason>) -> Vec<Effect> {
        match self.last_id.clone() {
            Some(id) => self.host_event(id, end),
            None => Vec::new(),
        }
    }

    /// The network assigns the callback number to the last emergency call (E3).
    pub fn callback_number(&mut self, valid_for_seconds: f64) -> Vec<Effect> {
        let Some(id) = self.last_emergency_id.clone() else {
            return Vec::new();
        };
        self.task(Event::Call(CallEvent::CallbackNumber {
            call_id: id,
            number: CALLBACK_NUMBER.into(),
            valid_for_seconds,
        }))
    }

    /// The emergency service calls back on the callback number (E4).
    pub fn callback(&mut self) -> Vec<Effect> {
        let call_id = self.fresh_id("CB");
        // Only a call within the window is the emergency callback (E4).
        let emergency = self.dialer.state().callback_window(self.now).is_some();
        if emergency {
            self.emergency_ids.insert(call_id.clone());
        }
        self.live.push(HostCall {
            id: call_id.clone(),
            emergency,
        });
        self.last_id = Some(call_id.clone());
        let fx = self.task(Event::Call(CallEvent::Incoming {
            call_id: call_id.clone(),
            from: "911".into(),
            to: CALLBACK_NUMBER.into(),
        }));
        if fx
            .iter()
            .any(|e| matches!(e, Effect::Answer { call_id: a } if *a == call_id))
        {
            self.seen.callbacks += 1;
        }
        fx
    }

    /// An ordinary call comes in.
    pub fn incoming(&mut self) -> Vec<Effect> {
        let call_id = self.fresh_id("I");
        self.live.push(HostCall {
            id: call_id.clone(),
            emergency: false,
        });
        self.last_id = Some(call_id.clone());
        self.task(Event::Call(CallEvent::Incoming {
            call_id,
            from: "+15551230000".into(),
            to: "+15550009999".into(),
        }))
    }

    /// The host changes the agent's presence to `status` (never `dnd`; not while a restore is
    /// under way, when the widget rightly takes the agent's choice as the end of the episode).
    pub fn host_presence(&mut self, status: &str) -> Vec<Effect> {
        let state = self.dialer.state();
        let active = state.emergency_active();
        if self.before.is_some() && !active {
            // Over without a give-back when the presence had never left what it was (and no
            // saved episode waits to be taken up after a reload).
            let waiting = self.timers.iter().any(|(t, _)| *t == TimerId::RestoreProbe);
            let over =
                state.episode.saved_presence.is_none() && !state.episode.restoring && !waiting;
            if !over || self.before.as_deref() != Some(self.presence.as_str()) {
                return Vec::new();
            }
            self.before = None;
        }
        if status == DND {
            return Vec::new();
        }
        self.presence = status.to_string();
        if !active {
            self.expected = Some(status.to_string());
        }
        let fx = self.task(Event::PresenceObserved(status.into()));
        if active && self.dialer.state().emergency_active() {
            assert!(
                fx.contains(&Effect::SetPresence(DND.into())),
                "E2: DND holds for the whole emergency call: {fx:?}"
            );
        }
        fx
    }

    /// The location changes.
    pub fn relocate(&mut self, location: Location) -> Vec<Effect> {
        self.location = location.clone();
        self.task(Event::LocationChanged(location))
    }

    /// The host changes the configuration.
    pub fn reconfigure(&mut self, config: Config) -> Vec<Effect> {
        self.config = config.clone();
        self.task(Event::ConfigChanged(Box::new(config)))
    }

    /// `ms` pass; armed timers fire in order (at most [`MAX_FIRINGS`] on time, then the rest
    /// once, late, as in a throttled background tab).
    pub fn later(&mut self, ms: Millis) {
        let target = self.now.saturating_add(ms);
        let mut fired = 0;
        loop {
            let due = self
                .timers
                .iter()
                .enumerate()
                .filter(|(_, (_, at))| *at <= target)
                .min_by_key(|(_, (_, at))| *at)
                .map(|(i, _)| i);
            let Some(i) = due else { break };
            let (id, at) = self.timers.remove(i);
            fired += 1;
            self.now = if fired > MAX_FIRINGS {
                target
            } else {
                self.now.max(at)
            };
            self.task(Event::TimerFired(id));
            if fired > 2 * MAX_FIRINGS {
                break;
            }
        }
        self.now = target;
    }

    /// The page reloads: a new dialer in a new tab takes up the saved episode (B5). Dial
    /// requests the page had not heard back about never became calls.
    pub fn reload(&mut self) {
        self.reloads += 1;
        self.seen.reloads += 1;
        self.dialer = Dialer::new(
            self.config.clone(),
            format!("tab-{}", self.reloads),
            self.now,
        );
        // The old page's retries are gone with it: the new one must hold DND itself.
        self.presence_failed = false;
        let live = &self.live;
        let gone = self
            .all_ids
            .iter()
            .filter(|id| !live.iter().any(|c| c.id == **id));
        self.gone_before_reload.extend(gone.cloned());
        self.pending.clear();
        self.timers.clear();
        self.later_answers.clear();
        self.start();
    }

    /// Everything settles: the bindings recover, the agent hangs up, the host ends its calls
    /// and answers every dial, time passes. Then the episode must be over and undone.
    pub fn quiesce(&mut self) {
        self.presence_down = false;
        self.email_down = false;
        self.active_calls = true;
        for _ in 0..4 {
            self.task(Event::HangUp);
        }
        while !self.pending.is_empty() {
            self.reject(0);
        }
        for call in self.live.clone() {
            self.host_event(call.id, Some(EndReason::Remote));
        }
        for _ in 0..4 {
            self.task(Event::HangUp);
        }
        let settle = PRESENCE_RETRY_MAX + HEARTBEAT * (MISSED_BEATS + 1) + RESTORE_PROBE;
        for _ in 0..3 {
            self.later(settle);
        }
        // A reloaded widget asks the agent about a saved call nobody can vouch for (no call id,
        // or no `calling.activeCalls`; E11): the agent answers that it has ended.
        self.task(Event::ConfirmCall(false));
        for _ in 0..3 {
            self.later(settle);
        }
        let state = self.dialer.state();
        assert!(
            !state.emergency_active(),
            "an emergency call is left active"
        );
        assert!(
            state.episode.saved_presence.is_none() && !state.episode.restoring,
            "E8: a restore is left pending: {:?}",
            state.episode
        );
        // Given back, or never left (a DND that could not be set): what it was before.
        match (&self.before, &self.expected) {
            (Some(before), _) => assert_eq!(&self.presence, before, "E8: not given back"),
            (None, Some(expected)) => assert_eq!(&self.presence, expected, "E8: not given back"),
            (None, None) => {}
        }
        assert!(
            !self.host_form,
            "E9: the host form is left in emergency mode"
        );
        assert!(
            self.stored.as_ref().is_none_or(|e| e.call.is_none()),
            "the saved episode still holds a call: {:?}",
            self.stored
        );
    }
}
