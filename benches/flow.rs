//! Criterion benchmarks of the pure core through its `Dialer`: the work between the agent's
//! click and the `PlaceCall` effect (what runs before the driver invokes `calling.dial`), and
//! a whole emergency episode. Run: `cargo bench --bench flow`. Figures go to BENCHMARKS.md.
//!
//! Each routine returns the dialer, so dropping it is not measured.

use agent_dialer::core::config::{RawAgent, RawConfig, RawEmergency};
use agent_dialer::core::model::{Location, LocationStatus, Millis};
use agent_dialer::core::wire::{CallEvent, EndReason};
use agent_dialer::core::{Config, Dialer, Effect, Event};
use criterion::{black_box, criterion_group, criterion_main, BatchSize, Criterion};

const T: Millis = 1_795_000_000_000;

/// Hands `event` to the dialer and runs it to quiescence (effects dropped, as if run).
fn drain(d: &mut Dialer, event: Event, now: Millis) {
    d.handle(event, now);
    while d.poll_effect().is_some() {}
}

fn ready_dialer() -> Dialer {
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
    let mut d = Dialer::new(config, "tab-1", T);
    drain(
        &mut d,
        Event::Started {
            utc_offset_minutes: -300,
        },
        T,
    );
    let location = Location {
        status: LocationStatus::Granted,
        region: Some("US".into()),
        coords: None,
        overridden: false,
        nearby: Vec::new(),
    };
    drain(&mut d, Event::LocationChanged(location), T);
    drain(&mut d, Event::PresenceObserved("available".into()), T);
    d
}

/// Dials `dialed` and takes the first effect: exactly what runs before `calling.dial`.
fn click_to_dial(mut d: Dialer, dialed: &str) -> Dialer {
    d.handle(
        Event::Dial {
            dialed: black_box(dialed.into()),
        },
        T + 100,
    );
    let first = d.poll_effect();
    assert!(matches!(first, Some(Effect::PlaceCall { .. })));
    d
}

fn bench(c: &mut Criterion) {
    let base = ready_dialer();
    c.bench_function(
        "dialer: emergency dial (click to PlaceCall; email deferred)",
        |b| {
            b.iter_batched(
                || base.clone(),
                |d| click_to_dial(d, "9-911"),
                BatchSize::SmallInput,
            )
        },
    );
    c.bench_function("dialer: ordinary dial (click to PlaceCall)", |b| {
        b.iter_batched(
            || base.clone(),
            |d| click_to_dial(d, "+1 (555) 010-9999"),
            BatchSize::SmallInput,
        )
    });
    c.bench_function(
        "episode: dial, accepted, connected, callback number, drop, restore (emails rendered)",
        |b| {
            b.iter_batched(
                || base.clone(),
                |mut d| {
                    d.handle(
                        Event::Dial {
                            dialed: "911".into(),
                        },
                        T + 100,
                    );
                    let key = match d.poll_effect() {
                        Some(Effect::PlaceCall { key, .. }) => key,
                        other => panic!("the dial comes first: {other:?}"),
                    };
                    while d.poll_effect().is_some() {}
                    let call_id = || "e1".to_string();
                    drain(
                        &mut d,
                        Event::DialAccepted {
                            key,
                            call_id: call_id(),
                        },
                        T + 105,
                    );
                    drain(
                        &mut d,
                        Event::Call(CallEvent::Connected { call_id: call_id() }),
                        T + 900,
                    );
                    drain(
                        &mut d,
                        Event::Call(CallEvent::CallbackNumber {
                            call_id: call_id(),
                            number: "+15550100042".into(),
                            valid_for_seconds: 3600.0,
                        }),
                        T + 1000,
                    );
                    drain(
                        &mut d,
                        Event::Call(CallEvent::Ended {
                            call_id: call_id(),
                            reason: EndReason::Dropped,
                        }),
                        T + 60_000,
                    );
                    d
                },
                BatchSize::SmallInput,
            )
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
