//! Break-even speed: 10,000 task counts on every platform (budget: well
//! under 10 ms natively), and one full evaluation of a larger workload.

use berth_core::cost::{breakeven, evaluate, Platform};
use berth_core::preset::Preset;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn curves(c: &mut Criterion) {
    let scenario = Preset::GuideSmall.scenario();
    let mut auto = Preset::WebApp.scenario();
    auto.options.head_pct = 10.0;
    c.bench_function(
        "breakeven 10,000 points x all platforms (guide-small)",
        |b| {
            b.iter(|| {
                for p in Platform::ALL {
                    black_box(breakeven(&scenario, Platform::EcsFargate, p, 10_000));
                }
            })
        },
    );
    c.bench_function(
        "breakeven 10,000 points x all platforms (auto types)",
        |b| {
            b.iter(|| {
                for p in Platform::ALL {
                    black_box(breakeven(&auto, Platform::EcsFargate, p, 10_000));
                }
            })
        },
    );
    let micro = Preset::Microservices.scenario();
    c.bench_function("evaluate 12 microservices, all platforms", |b| {
        b.iter(|| black_box(evaluate(&micro)))
    });
}

criterion_group!(benches, curves);
criterion_main!(benches);
