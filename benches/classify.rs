//! Criterion benchmarks of the emergency engine: `emergency::classify` on typical dial strings
//! and the two libphonenumber predicates over every library vector.
//! Run: `cargo bench --bench classify`. Figures go to BENCHMARKS.md ("Emergency number engine").

use std::hint::black_box;

use agent_dialer::core::dial;
use agent_dialer::core::emergency::{
    classify, connects_to_emergency_number, is_emergency_number, ClassifyOptions,
};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const VECTORS: &str = include_str!("../tests/data/emergency_vectors.tsv");

/// `(region, dial string)` of every library vector.
fn vectors() -> Vec<(&'static str, &'static str)> {
    VECTORS
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?, f.next()?))
        })
        .collect()
}

fn bench_classify(c: &mut Criterion) {
    let none = ClassifyOptions::default();
    let nine = ClassifyOptions {
        outside_line_prefix: Some("9".into()),
    };
    let cases: [(&str, &str, &str, &ClassifyOptions); 7] = [
        ("emergency 911", "911", "US", &none),
        ("emergency formatted 9-1-1", "9-1-1", "US", &none),
        ("emergency full-width ９１１", "９１１", "US", &none),
        ("emergency via prefix 9-911", "9-911", "US", &nine),
        ("test call 933", "933", "US", &none),
        (
            "ordinary +1 (555) 123-4567",
            "+1 (555) 123-4567",
            "US",
            &nine,
        ),
        (
            "ordinary vanity 1-800-FLOWERS",
            "1-800-FLOWERS",
            "US",
            &none,
        ),
    ];
    let mut group = c.benchmark_group("classify");
    for (name, dialed, region, options) in cases {
        group.bench_function(name, |b| {
            b.iter(|| classify(black_box(dialed), black_box(region), options))
        });
    }
    group.finish();

    let all = vectors();
    let mut group = c.benchmark_group("library vectors");
    group.throughput(Throughput::Elements(all.len() as u64));
    group.bench_function("is_emergency_number + connects_to_emergency_number", |b| {
        b.iter(|| {
            let mut hits = 0usize;
            for &(region, dialed) in &all {
                hits += usize::from(is_emergency_number(black_box(dialed), region));
                hits += usize::from(connects_to_emergency_number(black_box(dialed), region));
            }
            hits
        })
    });
    group.finish();

    c.bench_function("dial::normalize +1 (555) 123-4567", |b| {
        b.iter(|| dial::normalize(black_box("+1 (555) 123-4567")))
    });
}

criterion_group!(benches, bench_classify);
criterion_main!(benches);
