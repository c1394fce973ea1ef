//! Event sequences through the core's `Dialer` (`handle(event, now)` / `poll_effect()`), driven
//! like the shell drives it against a model host that answers at once or later, fails, repeats
//! and reorders its events, while the agent dials anything, the location and configuration
//! change, other tabs post junk and the page reloads. The flow's safety oracle
//! (`tests/support/oracle.rs`, shared with the property test) checks every effect; at the end
//! everything settles and the episode must be over and undone.
//! Input: structured (`arbitrary`): a configuration choice, then up to 64 acts.
#![no_main]

use agent_dialer::core::model::{Location, LocationStatus, Millis};
use agent_dialer::core::tabs::{TabMessage, TABS_PROTOCOL};
use agent_dialer::core::wire::{CallEvent, EndReason};
use agent_dialer::core::{Binding, Event, TimerId};
use agent_dialer_fuzz::oracle::{located, World};
use agent_dialer_fuzz::{config, T0};
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

const DIALED: &[&str] = &[
    "911",
    "9-911",
    "9 112",
    "112",
    "999",
    "933",
    "5551234567",
    "+911",
    "tel:911",
    " 9 1 1 ",
    "١١٢",
    "９１１",
    "911,,123",
    "1-800-FLOWERS",
    "x",
    "",
    "01",
    "000",
    "110",
    "9112",
];
const REGIONS: &[&str] = &["US", "GB", "DK", "CA", "PR", "DE", "FR", "BR", "ZZ"];
const PRESENCES: &[&str] = &["available", "busy", "away", "", "Available "];

#[derive(Arbitrary, Debug)]
enum Dialed {
    Known(u8),
    Free(String),
}

#[derive(Arbitrary, Debug)]
enum Target {
    Last,
    Live(u8),
    Any(u8),
    Unknown(u8),
}

#[derive(Arbitrary, Debug)]
enum Reason {
    Local,
    Remote,
    Dropped,
    Failed,
}

#[derive(Arbitrary, Debug)]
enum HostKind {
    Ringing,
    Connected,
    Ended(Reason),
}

#[derive(Arbitrary, Debug)]
enum Validity {
    Hour,
    Minute,
    Zero,
    Negative,
    Huge,
    NotANumber,
}

#[derive(Arbitrary, Debug)]
enum AgentAct {
    HangUp,
    Answer,
    Decline,
    Mute(bool),
    Hold(bool),
    Dtmf(String),
    Dismiss,
    Devices(Option<String>, Option<String>),
}

#[derive(Arbitrary, Debug)]
enum Delay {
    Ms(u16),
    Seconds(u16),
    Hour,
}

#[derive(Arbitrary, Debug)]
enum Timer {
    Retry,
    Expiry,
    Heartbeat,
    Probe,
}

#[derive(Arbitrary, Debug)]
enum Place {
    Region(u8),
    Unknown,
    Denied,
    Prompt,
}

#[derive(Arbitrary, Debug)]
struct TabJunk {
    from: u8,
    ours: bool,
    started_at: f64,
    call: Option<(Option<u8>, u8)>,
    last_call: Option<f64>,
    bye: bool,
}

#[derive(Arbitrary, Debug)]
enum Act {
    Dial(Dialed),
    Accept(u8),
    Reject(u8),
    Host(Target, HostKind),
    CallbackNumber(Validity),
    Callback,
    Incoming,
    Agent(AgentAct),
    PresenceDown(bool),
    EmailDown(bool),
    AnswerAtOnce(bool),
    ActiveCalls(bool),
    HostPresence(u8),
    Later(Delay),
    Fire(Timer),
    Relocate(Place),
    Reconfigure(u8),
    Tab(TabJunk),
    BindingFailed(u8),
    Reload,
}

#[derive(Arbitrary, Debug)]
struct Run {
    config: u8,
    place: Place,
    acts: Vec<Act>,
}

fn location(place: &Place) -> Location {
    match place {
        Place::Region(i) => located(Some(REGIONS[*i as usize % REGIONS.len()])),
        Place::Unknown => Location::default(),
        Place::Denied => located(None),
        Place::Prompt => Location {
            status: LocationStatus::Prompt,
            ..Location::default()
        },
    }
}

fn pick<T: Clone>(items: &[T], i: u8) -> Option<T> {
    (!items.is_empty()).then(|| items[i as usize % items.len()].clone())
}

fn junk(t: &TabJunk) -> Option<TabMessage> {
    let number = DIALED[t.from as usize % 3];
    let emergency = t.call.map(
        |(id, _)| serde_json::json!({ "callId": id.map(|n| format!("E{n}")), "number": number }),
    );
    // Built from JSON, as the shell reads it: fields added later keep their defaults.
    serde_json::from_value(serde_json::json!({
        "protocol": if t.ours { TABS_PROTOCOL } else { "agent-dialer-tabs/0" },
        "tabId": format!("peer-{}", t.from % 4),
        "startedAt": if t.started_at.is_finite() { t.started_at } else { 0.0 },
        "emergency": emergency,
        "lastCall": t.last_call.filter(|v| v.is_finite()),
        "bye": t.bye,
    }))
    .ok()
}

fuzz_target!(|run: Run| {
    let mut w = World::new(config(run.config), location(&run.place), T0);
    for act in run.acts.into_iter().take(64) {
        match act {
            Act::Dial(Dialed::Known(i)) => {
                w.dial(DIALED[i as usize % DIALED.len()]);
            }
            Act::Dial(Dialed::Free(s)) => {
                w.dial(&s);
            }
            Act::Accept(i) => {
                w.accept(i.into());
            }
            Act::Reject(i) => {
                w.reject(i.into());
            }
            Act::Host(target, kind) => {
                let call_id = match target {
                    Target::Last => w.last_id.clone(),
                    Target::Live(i) => pick(&w.live, i).map(|c| c.id),
                    Target::Any(i) => pick(&w.all_ids, i),
                    Target::Unknown(i) => Some(format!("X{}", i % 4)),
                };
                if let Some(call_id) = call_id {
                    w.host_says(match kind {
                        HostKind::Ringing => CallEvent::Ringing { call_id },
                        HostKind::Connected => CallEvent::Connected { call_id },
                        HostKind::Ended(r) => CallEvent::Ended {
                            call_id,
                            reason: match r {
                                Reason::Local => EndReason::Local,
                                Reason::Remote => EndReason::Remote,
                                Reason::Dropped => EndReason::Dropped,
                                Reason::Failed => EndReason::Failed,
                            },
                        },
                    });
                }
            }
            Act::CallbackNumber(v) => {
                w.callback_number(match v {
                    Validity::Hour => 3600.0,
                    Validity::Minute => 60.0,
                    Validity::Zero => 0.0,
                    Validity::Negative => -5.0,
                    Validity::Huge => 1e300,
                    Validity::NotANumber => f64::NAN,
                });
            }
            Act::Callback => {
                w.callback();
            }
            Act::Incoming => {
                w.incoming();
            }
            Act::Agent(a) => {
                w.task(match a {
                    AgentAct::HangUp => Event::HangUp,
                    AgentAct::Answer => Event::Answer,
                    AgentAct::Decline => Event::Decline,
                    AgentAct::Mute(b) => Event::SetMute(b),
                    AgentAct::Hold(b) => Event::SetHold(b),
                    AgentAct::Dtmf(d) => Event::SendDtmf(d),
                    AgentAct::Dismiss => Event::DismissNotice,
                    AgentAct::Devices(input, output) => Event::SelectAudioDevices { input, output },
                });
            }
            Act::PresenceDown(b) => w.presence_down = b,
            Act::EmailDown(b) => w.email_down = b,
            Act::AnswerAtOnce(b) => w.answer_at_once = b,
            Act::ActiveCalls(b) => w.active_calls = b,
            Act::HostPresence(i) => {
                w.host_presence(PRESENCES[i as usize % PRESENCES.len()]);
            }
            Act::Later(d) => w.later(match d {
                Delay::Ms(ms) => Millis::from(ms),
                Delay::Seconds(s) => Millis::from(s) * 1_000,
                Delay::Hour => 3_600_000,
            }),
            Act::Fire(t) => {
                w.task(Event::TimerFired(match t {
                    Timer::Retry => TimerId::PresenceRetry,
                    Timer::Expiry => TimerId::CallbackExpiry,
                    Timer::Heartbeat => TimerId::Heartbeat,
                    Timer::Probe => TimerId::RestoreProbe,
                }));
            }
            Act::Relocate(p) => {
                w.relocate(location(&p));
            }
            Act::Reconfigure(c) => {
                w.reconfigure(config(c));
            }
            Act::Tab(t) => {
                if let Some(m) = junk(&t) {
                    w.task(Event::TabMessage(m));
                }
            }
            Act::BindingFailed(i) => {
                w.task(Event::BindingFailed {
                    binding: Binding::HOST[i as usize % Binding::HOST.len()],
                    message: "failed".into(),
                });
            }
            Act::Reload => w.reload(),
        }
    }
    w.quiesce();
});
