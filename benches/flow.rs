//! Criterion benchmarks of the pure flow: the work `core::step` does between the agent's click
//! and `calling.dial` (the emergency dial path), and a whole emergency episode.
//! Run: `cargo bench --bench flow`. Figures go to BENCHMARKS.md.

use agent_dialer::core::config::{RawAgent, RawConfig, RawEmergency};
use agent_dialer::core::flow::{step, CallEvent, Effect, EndReason, Event, State};
use agent_dialer::core::model::{Location, LocationStatus};
use agent_dialer::core::Config;
use criterion::{black_box, criterion_group, criterion_main, Criterion};

fn ready_state() -> State {
    let config = Config::from_raw(RawConfig {
        agent: RawAgent {
            id: "a7".into(),
            name: "Alex Agent".into(),
        },
        emergency: Some(RawEmergency {
            recipients: Some("safety@acme.example; ops@acme.example".into()),
            outside_line_prefix: Some("9".into()),
            civic_address: Some("100 Main St, Floor 3".into()),
            ..Default::default()
        }),
        ..Default::default()
    })
    .expect("valid config");
    let mut state = State::new(config);
    let now = 1_795_000_000_000;
    step(
        &mut state,
        Event::Started {
            utc_offset_minutes: -300,
        },
        now,
    );
    let location = Location {
        status: LocationStatus::Granted,
        region: Some("US".into()),
        coords: None,
        overridden: false,
    };
    step(&mut state, Event::LocationChanged(location), now);
    step(&mut state, Event::PresenceObserved("available".into()), now);
    state
}

fn bench(c: &mut Criterion) {
    let base = ready_state();
    c.bench_function(
        "step: emergency dial (click to PlaceCall, incl. email render)",
        |b| {
            b.iter_batched(
                || base.clone(),
                |mut s| {
                    let fx = step(
                        &mut s,
                        Event::Dial {
                            dialed: black_box("9-911".into()),
                        },
                        1_795_000_000_100,
                    );
                    assert!(matches!(fx.first(), Some(Effect::PlaceCall { .. })));
                    fx
                },
                criterion::BatchSize::SmallInput,
            )
        },
    );
    c.bench_function("step: ordinary dial", |b| {
        b.iter_batched(
            || base.clone(),
            |mut s| {
                step(
                    &mut s,
                    Event::Dial {
                        dialed: black_box("+1 (555) 010-9999".into()),
                    },
                    1_795_000_000_100,
                )
            },
            criterion::BatchSize::SmallInput,
        )
    });
    c.bench_function(
        "episode: dial, connect, callback number, drop, restore",
        |b| {
            b.iter_batched(
                || base.clone(),
                |mut s| {
                    let t = 1_795_000_000_100;
                    let fx = step(
                        &mut s,
                        Event::Dial {
                            dialed: "911".into(),
                        },
                        t,
                    );
                    let key = fx.iter().find_map(|e| match e {
                        Effect::PlaceCall { key, .. } => Some(*key),
                        _ => None,
                    });
                    let key = key.expect("placed");
                    step(
                        &mut s,
                        Event::DialAccepted {
                            key,
                            call_id: "e1".into(),
                        },
                        t + 5,
                    );
                    step(
                        &mut s,
                        Event::Call(CallEvent::Connected {
                            call_id: "e1".into(),
                        }),
                        t + 900,
                    );
                    step(
                        &mut s,
                        Event::Call(CallEvent::CallbackNumber {
                            call_id: "e1".into(),
                            number: "+15550100042".into(),
                            valid_for_seconds: 3600.0,
                        }),
                        t + 1000,
                    );
                    step(
                        &mut s,
                        Event::Call(CallEvent::Ended {
                            call_id: "e1".into(),
                            reason: EndReason::Dropped,
                        }),
                        t + 60_000,
                    )
                },
                criterion::BatchSize::SmallInput,
            )
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
