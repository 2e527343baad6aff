//! Scaling simulation speed: one full simulation of all platforms (1,440
//! one-minute steps each, headroom search included) must stay well under
//! 2 ms natively, so the web page can re-run it on every keystroke.

use berth_core::perf::{matrix, simulate, SimInputs, Traffic};
use berth_core::preset::Preset;
use berth_core::Scenario;
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn day(c: &mut Criterion) {
    let web = Scenario::default();
    c.bench_function("simulate all platforms, daily traffic (defaults)", |b| {
        b.iter(|| black_box(simulate(&web, &web.sim)))
    });
    let spike = SimInputs {
        traffic: Traffic::Spike,
        ..SimInputs::default()
    };
    c.bench_function("simulate all platforms, spike (headroom search)", |b| {
        b.iter(|| black_box(simulate(&web, &spike)))
    });
    let guide = Preset::GuideSmall.scenario();
    let busy = SimInputs {
        traffic: Traffic::Spike,
        rps: 20_000.0,
        peak: 5.0,
        ..SimInputs::default()
    };
    c.bench_function(
        "simulate all platforms, guide-small, 20k rps spike x5",
        |b| b.iter(|| black_box(simulate(&guide, &busy))),
    );
    c.bench_function("performance matrix, guide-small", |b| {
        b.iter(|| black_box(matrix(&guide, &guide.sim)))
    });
}

criterion_group!(benches, day);
criterion_main!(benches);
