//! Taking up a saved emergency episode (B5) after a reload, or after another tab's emergency
//! call ended there: a sans-IO machine, time in, steps out.
//!
//! The policy: an episode without a call is restored at once. One with a call waits
//! [`RESTORE_PROBE`] for the other tabs to speak up; if one of them holds the call, that tab
//! keeps the call and the episode (this one shows it as the peer's) and nothing is restored
//! here. Otherwise the host is asked which calls it still has (`calling.activeCalls`,
//! optional): the call is alive when the host lists it and has ended when it does not.
//! Without the binding, when it fails, or for a call that never had an id, nobody can say:
//! the episode is kept (DND held, E11) and the agent is asked whether the call goes on —
//! presence is never given back silently while an emergency call may be live.
//! Deterministic; no clock, no IO.

use super::flow::Episode;
use super::model::Millis;

/// How long a reloaded tab listens for the other tabs before deciding whether its saved
/// emergency call lives on elsewhere (three heartbeats' worth of answers arrive well within it).
pub const RESTORE_PROBE: Millis = 400;

/// The host's answer to `calling.activeCalls`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ActiveCalls {
    /// The host has no `calling.activeCalls` binding.
    NotProvided,
    /// The ids of the calls the host still has.
    Listed(Vec<String>),
    /// The binding threw, rejected or timed out.
    Failed(String),
}

/// What became of a saved episode's emergency call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CallFate {
    /// The host still has it.
    Alive,
    /// It ended (or the episode had no call).
    Ended,
    /// Nobody can tell: the agent is asked.
    Unknown,
    /// It ended in the live tab that held it, which gives presence back and tells the
    /// emergency contacts itself (E8, E9): only its callback window is taken up here.
    EndedThere,
}

/// What the policy asks of the dialer.
#[derive(Clone, Debug, PartialEq)]
pub enum RestoreStep {
    /// Take up `episode`; its call (if any) is alive, ended or unknown.
    Restore {
        /// The episode as saved.
        episode: Episode,
        /// What became of its emergency call.
        call: CallFate,
    },
    /// Wake the policy at `at` ([`RestorePolicy::probe_due`]).
    ArmProbe {
        /// When.
        at: Millis,
    },
    /// Ask the host for its live calls ([`RestorePolicy::answered`]).
    AskHost,
    /// `calling.activeCalls` failed with this message.
    Failed(String),
}

#[derive(Clone, Debug, PartialEq)]
struct Pending {
    episode: Episode,
    probe_at: Millis,
    asked: bool,
    /// An emergency episode began here while it waited ([`RestorePolicy::take_over`]).
    superseded: bool,
}

/// The episode waiting to be taken up, if any.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestorePolicy {
    pending: Option<Pending>,
}

impl RestorePolicy {
    /// A saved episode was found at `now`; it replaces one still waiting.
    pub fn found(&mut self, episode: Episode, now: Millis) -> Vec<RestoreStep> {
        if episode.call.is_none() {
            self.pending = None;
            return vec![RestoreStep::Restore {
                episode,
                call: CallFate::Ended,
            }];
        }
        let probe_at = now.saturating_add(RESTORE_PROBE);
        self.pending = Some(Pending {
            episode,
            probe_at,
            asked: false,
            superseded: false,
        });
        vec![RestoreStep::ArmProbe { at: probe_at }]
    }

    /// The probe's time has come (`now`); `peer_holds(call_id)` says whether another live tab
    /// holds the call (`None`: any emergency call).
    pub fn probe_due(
        &mut self,
        now: Millis,
        peer_holds: impl FnOnce(Option<&str>) -> bool,
    ) -> Vec<RestoreStep> {
        let Some(pending) = self.pending.as_mut().filter(|p| !p.asked) else {
            return Vec::new();
        };
        if now < pending.probe_at {
            return vec![RestoreStep::ArmProbe {
                at: pending.probe_at,
            }];
        }
        let call_id = pending
            .episode
            .call
            .as_ref()
            .and_then(|c| c.call_id.as_deref());
        let known = call_id.is_some();
        if peer_holds(call_id) {
            self.pending = None; // Another tab holds the call and the episode.
            return Vec::new();
        }
        if !known {
            return self.restore(CallFate::Unknown);
        }
        pending.asked = true;
        vec![RestoreStep::AskHost]
    }

    /// Hands over, once, the presence and callback window of the episode waiting to be taken
    /// up, to an emergency episode that began here meanwhile (see
    /// `flow::episode::take_over_older`); the episode still waits, for its call.
    pub fn take_over(&mut self) -> Option<Episode> {
        let pending = self.pending.as_mut()?;
        let waiting = &mut pending.episode;
        if waiting.saved_presence.is_none() && waiting.callback.is_none() {
            return None;
        }
        pending.superseded = true;
        waiting.restoring = false;
        Some(Episode {
            saved_presence: waiting.saved_presence.take(),
            callback: waiting.callback.take(),
            ..Episode::default()
        })
    }

    /// The host answered `calling.activeCalls`.
    pub fn answered(&mut self, answer: ActiveCalls) -> Vec<RestoreStep> {
        let Some(pending) = self.pending.as_ref().filter(|p| p.asked) else {
            return Vec::new(); // Not asked, or a newer episode replaced the one asked about.
        };
        let call_id = pending
            .episode
            .call
            .as_ref()
            .and_then(|c| c.call_id.as_ref());
        match answer {
            ActiveCalls::NotProvided => self.restore(CallFate::Unknown),
            ActiveCalls::Listed(ids) => {
                let alive = call_id.is_some_and(|id| ids.contains(id));
                self.restore(if alive {
                    CallFate::Alive
                } else {
                    CallFate::Ended
                })
            }
            ActiveCalls::Failed(message) => {
                let mut steps = vec![RestoreStep::Failed(message)];
                steps.extend(self.restore(CallFate::Unknown));
                steps
            }
        }
    }

    fn restore(&mut self, call: CallFate) -> Vec<RestoreStep> {
        self.pending
            .take()
            .map(|p| RestoreStep::Restore {
                episode: p.episode,
                // A call nobody can vouch for is not asked about when the agent has placed an
                // emergency call here since: that one superseded it.
                call: if p.superseded && call == CallFate::Unknown {
                    CallFate::Ended
                } else {
                    call
                },
            })
            .into_iter()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::flow::PersistedCall;
    use crate::core::wire::CallKind;

    fn episode(call_id: Option<&str>) -> Episode {
        Episode {
            saved_presence: Some("away".into()),
            call: Some(PersistedCall {
                call_id: call_id.map(String::from),
                number: "911".into(),
                kind: CallKind::Emergency,
                started_at: 1,
            }),
            ..Episode::default()
        }
    }

    #[test]
    fn without_a_call_the_episode_is_restored_at_once() {
        let mut p = RestorePolicy::default();
        let e = Episode {
            saved_presence: Some("away".into()),
            ..Episode::default()
        };
        assert_eq!(
            p.found(e.clone(), 0),
            vec![RestoreStep::Restore {
                episode: e,
                call: CallFate::Ended
            }]
        );
        assert!(p.probe_due(1_000, |_| false).is_empty());
    }

    #[test]
    fn with_a_call_the_tabs_are_heard_first_then_the_host_is_asked() {
        let mut p = RestorePolicy::default();
        assert_eq!(
            p.found(episode(Some("c9")), 100),
            vec![RestoreStep::ArmProbe { at: 500 }]
        );
        assert_eq!(
            p.probe_due(499, |_| false),
            vec![RestoreStep::ArmProbe { at: 500 }],
            "too early: wait on"
        );
        assert_eq!(p.probe_due(500, |_| false), vec![RestoreStep::AskHost]);
        assert!(p.probe_due(501, |_| false).is_empty(), "asked once");
        assert_eq!(
            p.answered(ActiveCalls::Listed(vec!["x".into(), "c9".into()])),
            vec![RestoreStep::Restore {
                episode: episode(Some("c9")),
                call: CallFate::Alive
            }]
        );
        assert!(
            p.answered(ActiveCalls::NotProvided).is_empty(),
            "answered once"
        );
    }

    #[test]
    fn a_tab_holding_the_call_keeps_it() {
        let mut p = RestorePolicy::default();
        p.found(episode(Some("c9")), 0);
        assert!(p.probe_due(RESTORE_PROBE, |id| id == Some("c9")).is_empty());
        assert!(p
            .answered(ActiveCalls::Listed(vec!["c9".into()]))
            .is_empty());
    }

    #[test]
    fn a_failing_or_missing_binding_or_a_call_without_id_leaves_the_fate_unknown() {
        let mut p = RestorePolicy::default();
        p.found(episode(Some("c9")), 0);
        p.probe_due(RESTORE_PROBE, |_| false);
        let steps = p.answered(ActiveCalls::Failed("boom".into()));
        assert_eq!(steps[0], RestoreStep::Failed("boom".into()));
        assert!(matches!(
            steps[1],
            RestoreStep::Restore {
                call: CallFate::Unknown,
                ..
            }
        ));
        p.found(episode(None), 0);
        assert!(
            matches!(
                p.probe_due(RESTORE_PROBE, |_| false)[..],
                [RestoreStep::Restore {
                    call: CallFate::Unknown,
                    ..
                }]
            ),
            "no id to ask about"
        );
    }
}
