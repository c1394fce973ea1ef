//! The dialer: the one loop around the core, in the manner of quinn-proto's `Connection` and
//! str0m's `Rtc`. The shell hands it every [`Event`] with the time it happened
//! ([`Dialer::handle`]) and runs every [`Effect`] it hands out ([`Dialer::poll_effect`]), at
//! once and in order, until there are none. The dialer never reads a clock and does no IO.
//!
//! It joins three machines: the call [`flow`] (SPEC E2–E12), the [`TabElection`] among the
//! agent's tabs and the [`RestorePolicy`] for a saved episode (B5). It owns the work the flow
//! leaves for later in the same task — the emergency email is rendered after `calling.dial`
//! has been handed out (E11) — and the order of everything: an event handed in while the
//! shell is still running effects (a binding that answers at once, a listener that calls
//! back) waits until every effect before it has been handed out. So the shell never
//! re-enters the core, and holds no borrow of it while it calls JavaScript:
//!
//! ```text
//! dialer.handle(event, now);
//! // `run` may call `handle` again: that event waits its turn.
//! loop { let Some(effect) = dialer.poll_effect() else { break }; run(effect) }
//! ```

use super::config::Config;
use super::event::{Effect, Event, TimerId};
use super::flow::{self, Deferred, Out, Output, PersistedCall, Queue, State};
use super::model::Millis;
use super::names::Binding;
use super::restore::{CallFate, RestorePolicy, RestoreStep};
use super::tabs::{TabElection, TabMessage, TabOutput, HEARTBEAT};
use super::view::{Snapshot, ViewModel};
use super::wire::PeerEmergency;

/// What waits to be stepped.
#[derive(Clone, Debug, PartialEq)]
enum Input {
    /// From the shell, or a verdict of the tab election or the restore policy.
    Event(Event),
    /// Left for later by an earlier step.
    Deferred(Deferred),
}

/// The widget's decisions as one sans-IO machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Dialer {
    state: State,
    tabs: TabElection,
    restore: RestorePolicy,
    /// What waits its turn, with the time it happened.
    inbox: Queue<(Input, Millis)>,
    /// What the last step handed out and has not been polled yet; all of it from `outbox_at`.
    outbox: Out,
    outbox_at: Millis,
    /// After the last step's effects, tell the tab election what this tab holds now
    /// (`Some(true)`: it is the heartbeat, announce even if nothing changed).
    sync_tabs: Option<bool>,
    /// The emergency call another live tab said it ended, while the saved episode it left is
    /// being read (storage reaches this tab later than the message may: its call may still
    /// be in it).
    ended_there: Option<PeerEmergency>,
}

impl Dialer {
    /// A dialer for `config` in the tab with the random id `tab_id`, started at `now`.
    pub fn new(config: Config, tab_id: impl Into<String>, now: Millis) -> Dialer {
        Dialer {
            state: State::new(config),
            tabs: TabElection::new(tab_id.into(), now),
            restore: RestorePolicy::default(),
            inbox: Queue::default(),
            outbox: Out::default(),
            outbox_at: now,
            sync_tabs: None,
            ended_there: None,
        }
    }

    /// Takes an event that happened at `now`: stepped at once when nothing else waits, else
    /// once every effect handed in before it has been handed out by [`Dialer::poll_effect`].
    ///
    /// A dial never waits (E11): it is stepped at once — after the events handed in before
    /// it, so that it is decided on everything known — and the call it places is handed out
    /// before anything else that waits. So a `dialer.dial("911")` from inside a binding or a
    /// listener reaches `calling.dial` before it returns.
    pub fn handle(&mut self, event: Event, now: Millis) {
        let idle = self.outbox.is_empty() && self.sync_tabs.is_none() && self.inbox.is_empty();
        if idle {
            return self.step(event, now);
        }
        if !matches!(event, Event::Dial { .. }) {
            return self.inbox.push((Input::Event(event), now));
        }
        let mut waiting = std::mem::take(&mut self.inbox);
        while let Some((input, at)) = waiting.pop() {
            match input {
                Input::Event(e) => self.step(e, at),
                // Left for later by an earlier step: still after that step's effects.
                work @ Input::Deferred(_) => self.inbox.push((work, at)),
            }
        }
        let mark = self.outbox.len();
        self.step(event, now);
        self.outbox.place_calls_first(mark);
    }

    /// The next effect to run, or `None` when everything handed in has been dealt with.
    pub fn poll_effect(&mut self) -> Option<Effect> {
        loop {
            match self.outbox.pop() {
                Some(Output::Effect(effect)) => return Some(effect),
                // After the effects before it, behind what the shell handed in meanwhile.
                Some(Output::Defer(work)) => {
                    self.inbox.push((Input::Deferred(work), self.outbox_at));
                }
                None => {
                    // An emergency episode began here while a saved one waits to be taken up
                    // (a 911 right after a reload): the saved one's presence and window are
                    // this one's now, and never given back twice (E8).
                    if self.state.emergency_active() {
                        if let Some(older) = self.restore.take_over() {
                            let at = self.outbox_at;
                            flow::episode::take_over_older(
                                &mut self.state,
                                older,
                                true,
                                at,
                                &mut self.outbox,
                            );
                            continue;
                        }
                    }
                    if let Some(beat) = self.sync_tabs.take() {
                        let at = self.outbox_at;
                        let offer = self.state.calls.offered_callback();
                        let outputs = self
                            .tabs
                            .update(self.state.own_emergency(), offer, beat, at);
                        self.apply_tabs(outputs, at);
                        continue;
                    }
                    match self.inbox.pop()? {
                        (Input::Event(event), now) => self.step(event, now),
                        (Input::Deferred(work), now) => {
                            self.outbox_at = now;
                            flow::run_deferred(&mut self.state, work, &mut self.outbox);
                            self.sync_tabs = Some(false);
                        }
                    }
                }
            }
        }
    }

    /// The next effect only when it must not wait: an emergency [`Effect::PlaceCall`] at the
    /// front (a dial handed in while the shell runs an effect goes there). The shell, called
    /// back from inside an effect, runs just these before returning, and leaves everything
    /// else to its running loop, in order.
    pub fn poll_urgent_effect(&mut self) -> Option<Effect> {
        if !self.outbox.front_is_emergency_call() {
            return None;
        }
        self.poll_effect()
    }

    /// The message this tab leaves the others when it closes.
    pub fn goodbye(&self) -> TabMessage {
        self.tabs.goodbye()
    }

    /// The flow's state, for reading.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The view model at `now`.
    pub fn view(&self, now: Millis) -> ViewModel {
        self.state.view(now)
    }

    /// `dialer.state()` at `now`.
    pub fn snapshot(&self, now: Millis) -> Snapshot {
        self.state.snapshot(now)
    }

    /// Runs one event (only when nothing waits to be handed out): the tab election's and the
    /// restore policy's own inputs go to them, everything else to the flow (followed by a word
    /// to the tab election).
    fn step(&mut self, event: Event, now: Millis) {
        self.outbox_at = now;
        let out = &mut self.outbox;
        let mut beat = false;
        match event {
            Event::TabMessage(message) => {
                let outputs = self.tabs.receive(message, now);
                return self.apply_tabs(outputs, now);
            }
            Event::EpisodeLoaded(Ok(None)) => {
                self.ended_there = None;
                return;
            }
            Event::EpisodeLoaded(Ok(Some(mut episode))) => {
                let ended_there = self.ended_there.take();
                // Its emergency calls (the one it may still have live at the host, the last
                // one, the one the callback number is for): a late event for one of them must
                // not give its id to a new dial (E6; found by the `dialer` fuzz target).
                let ids = [
                    episode.call.as_ref().and_then(|c| c.call_id.as_deref()),
                    episode.last_emergency.as_ref().map(|(id, _)| id.as_str()),
                    episode.callback.as_ref().map(|w| w.call_id.as_str()),
                ];
                // A plain loop: `flatten()` over the array costs an adapter in the wasm.
                for id in ids {
                    let Some(id) = id else { continue };
                    self.state.calls.forget_id(id);
                }
                if let Some(ended) = ended_there {
                    let same = |c: &PersistedCall| match &ended.call_id {
                        Some(id) => c.call_id.as_ref() == Some(id),
                        None => c.number == ended.number,
                    };
                    if episode.call.as_ref().is_none_or(same) {
                        // Its holder ended it and gives presence back: the window is ours too.
                        episode.call = None;
                        let call = CallFate::EndedThere;
                        return self.event(Event::Restored { episode, call }, now);
                    }
                }
                let steps = self.restore.found(episode, now);
                return self.apply_restore(steps, now);
            }
            Event::EpisodeLoaded(Err(message)) => {
                self.ended_there = None;
                let failed = Event::BindingFailed {
                    binding: Binding::Storage,
                    message,
                };
                flow::step(&mut self.state, failed, now, out);
            }
            Event::TimerFired(TimerId::CallbackClaim) => {
                let outputs = self.tabs.claim_due(now);
                return self.apply_tabs(outputs, now);
            }
            Event::TimerFired(TimerId::RestoreProbe) => {
                let tabs = &mut self.tabs;
                let steps = self.restore.probe_due(now, |id| tabs.peer_holds(id, now));
                return self.apply_restore(steps, now);
            }
            Event::ActiveCalls(answer) => {
                let steps = self.restore.answered(answer);
                return self.apply_restore(steps, now);
            }
            Event::TimerFired(TimerId::Heartbeat) => {
                out.push(Self::next_beat(now));
                beat = true;
            }
            Event::AgentChanged => {
                self.tabs.rejoin();
                flow::step(&mut self.state, Event::AgentChanged, now, out);
                out.push(Self::next_beat(now));
                if self.state.episode.is_empty() && !self.state.emergency_active() {
                    out.push(Effect::LoadEpisode);
                }
                beat = true;
            }
            event @ Event::Started { .. } => {
                flow::step(&mut self.state, event, now, out);
                // B5: join the other tabs and take up a saved episode.
                out.push(Self::next_beat(now));
                out.push(Effect::LoadEpisode);
                beat = true;
            }
            event => flow::step(&mut self.state, event, now, out),
        }
        // A heartbeat still waiting to be announced stays one.
        self.sync_tabs = Some(beat || self.sync_tabs == Some(true));
    }

    fn next_beat(now: Millis) -> Effect {
        Effect::ArmTimer {
            id: TimerId::Heartbeat,
            at: now.saturating_add(HEARTBEAT),
        }
    }

    /// Posts go out as effects; the verdicts go to the flow, in their turn.
    fn apply_tabs(&mut self, outputs: Vec<TabOutput>, now: Millis) {
        for output in outputs {
            match output {
                TabOutput::Post(message) => self.effect(Effect::PostToTabs(message), now),
                TabOutput::PeerEmergency(peer) => self.event(Event::PeerEmergency(peer), now),
                TabOutput::OwnsCallback(owns_callback) => {
                    self.event(Event::TabRole { owns_callback }, now)
                }
                TabOutput::PeerEnded { ended_there } => {
                    self.ended_there = ended_there;
                    self.effect(Effect::LoadEpisode, now)
                }
                TabOutput::WakeAt(at) => self.effect(
                    Effect::ArmTimer {
                        id: TimerId::CallbackClaim,
                        at,
                    },
                    now,
                ),
                TabOutput::AnswerCallback(call_id) => {
                    self.event(Event::CallbackUnclaimed { call_id }, now)
                }
                TabOutput::CallbackTaken(call_id) => {
                    self.event(Event::CallbackClaimed { call_id }, now)
                }
            }
        }
    }

    fn apply_restore(&mut self, steps: Vec<RestoreStep>, now: Millis) {
        for step in steps {
            match step {
                RestoreStep::Restore { episode, call } => {
                    self.event(Event::Restored { episode, call }, now)
                }
                RestoreStep::ArmProbe { at } => self.effect(
                    Effect::ArmTimer {
                        id: TimerId::RestoreProbe,
                        at,
                    },
                    now,
                ),
                RestoreStep::AskHost => self.effect(Effect::ListActiveCalls, now),
                RestoreStep::Failed(message) => self.event(
                    Event::BindingFailed {
                        binding: Binding::Subscribe,
                        message: format!("calling.activeCalls failed: {message}"),
                    },
                    now,
                ),
            }
        }
    }

    /// Appends an effect of the step at `now`.
    fn effect(&mut self, effect: Effect, now: Millis) {
        self.outbox_at = now;
        self.outbox.push(effect);
    }

    fn event(&mut self, event: Event, now: Millis) {
        self.inbox.push((Input::Event(event), now));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::tabs::TABS_PROTOCOL;

    fn drain(d: &mut Dialer) -> Vec<Effect> {
        std::iter::from_fn(|| d.poll_effect()).collect()
    }

    #[test]
    fn starting_joins_the_tabs_and_asks_for_a_saved_episode() {
        let mut d = Dialer::new(Config::default(), "t1", 1_000);
        d.handle(
            Event::Started {
                utc_offset_minutes: 0,
            },
            1_000,
        );
        let fx = drain(&mut d);
        assert!(fx.contains(&Effect::LoadEpisode), "{fx:?}");
        assert!(fx.contains(&Effect::ArmTimer {
            id: TimerId::Heartbeat,
            at: 1_000 + HEARTBEAT
        }));
        assert!(fx.iter().any(
            |e| matches!(e, Effect::PostToTabs(m) if m.tab_id == "t1" && m.protocol == TABS_PROTOCOL)
        ));
        assert!(
            d.state().owns_callback,
            "alone, this tab answers the callback"
        );
        // Each heartbeat announces the tab again and arms the next one.
        d.handle(Event::TimerFired(TimerId::Heartbeat), 2_000);
        let fx = drain(&mut d);
        assert!(matches!(
            fx[..],
            [Effect::ArmTimer { at: 3_000, .. }, Effect::PostToTabs(_)]
        ));
    }

    #[test]
    fn an_event_handed_in_while_effects_wait_is_stepped_after_them() {
        let mut d = Dialer::new(Config::default(), "t1", 0);
        d.handle(
            Event::Dial {
                dialed: "911".into(),
            },
            0,
        );
        assert!(matches!(d.poll_effect(), Some(Effect::PlaceCall { .. })));
        // The presence answer arrives while the dial's other effects still wait.
        d.handle(Event::PresenceObserved("busy".into()), 1);
        assert_eq!(d.state().presence, None, "not stepped yet");
        let fx = drain(&mut d);
        assert!(fx.contains(&Effect::SetPresence("dnd".into())));
        assert_eq!(
            d.state().presence.as_deref(),
            Some("busy"),
            "stepped in its turn"
        );
        assert!(d.poll_effect().is_none());
    }
}
