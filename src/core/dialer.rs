//! The dialer: the one loop around the core, in the manner of quinn-proto's `Connection` and
//! str0m's `Rtc`. The shell hands it every [`Event`] with the time it happened
//! ([`Dialer::handle`]) and runs every [`Effect`] it hands out ([`Dialer::poll_effect`]), at
//! once and in order, until there are none. The dialer never reads a clock and does no IO.
//!
//! It owns the work the flow leaves for later in the same task — the emergency email is
//! rendered after `calling.dial` has been handed out (E11) — and the order of everything:
//! an event handed in while the shell is still running effects (a binding that answers at
//! once, a listener that calls back) waits until every effect before it has been handed out.
//! So the shell never re-enters the core, and holds no borrow of it while it calls JavaScript:
//!
//! ```text
//! dialer.handle(event, now);
//! while let Some(effect) = dialer.poll_effect() { run(effect) }   // run may call handle again
//! ```

use std::collections::VecDeque;

use super::config::Config;
use super::event::{Effect, Event};
use super::flow::{self, Deferred, Out, Output, State};
use super::model::Millis;
use super::view::{Snapshot, ViewModel};

/// What waits to be stepped.
#[derive(Clone, Debug, PartialEq)]
enum Input {
    /// From the shell.
    Event(Event),
    /// Left for later by an earlier step.
    Deferred(Deferred),
}

/// The widget's decisions as one sans-IO machine.
#[derive(Clone, Debug, PartialEq)]
pub struct Dialer {
    state: State,
    inbox: VecDeque<(Input, Millis)>,
    outbox: VecDeque<(Output, Millis)>,
}

impl Dialer {
    /// A dialer for `config`.
    pub fn new(config: Config) -> Dialer {
        Dialer {
            state: State::new(config),
            inbox: VecDeque::new(),
            outbox: VecDeque::new(),
        }
    }

    /// Takes an event that happened at `now`. It is stepped by [`Dialer::poll_effect`] once
    /// every effect handed in before it has been handed out.
    pub fn handle(&mut self, event: Event, now: Millis) {
        self.inbox.push_back((Input::Event(event), now));
    }

    /// The next effect to run, or `None` when everything handed in has been dealt with.
    pub fn poll_effect(&mut self) -> Option<Effect> {
        loop {
            match self.outbox.pop_front() {
                Some((Output::Effect(effect), _)) => return Some(effect),
                // After the effects before it, behind what the shell handed in meanwhile.
                Some((Output::Defer(work), at)) => {
                    self.inbox.push_back((Input::Deferred(work), at));
                }
                None => {
                    let (input, now) = self.inbox.pop_front()?;
                    self.step(input, now);
                }
            }
        }
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

    fn step(&mut self, input: Input, now: Millis) {
        let mut out = Out::default();
        match input {
            Input::Event(event) => flow::step(&mut self.state, event, now, &mut out),
            Input::Deferred(work) => flow::run_deferred(&mut self.state, work, &mut out),
        }
        self.outbox.extend(out.0.into_iter().map(|o| (o, now)));
    }
}
