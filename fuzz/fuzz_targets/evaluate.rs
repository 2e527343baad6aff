//! Fuzz target: every engine on whatever a link decodes to, after the web
//! app's `adjust()`: cost, decision, simulation, matrix, audit, charts,
//! break-even and the exports. Nothing may panic, no output may hold NaN or
//! infinity (walked with the same checker as `core/tests/hostile.rs`), and
//! the JSON export must parse.

#![no_main]

use berth_core::cost::{self, Platform};
use berth_core::{audit, chart, decide, export, perf, Scenario};
use libfuzzer_sys::fuzz_target;

#[path = "../../core/tests/hostile/finite.rs"]
#[allow(dead_code)]
mod finite;

fuzz_target!(|data: &[u8]| {
    let (mut s, notices) = Scenario::from_query(&String::from_utf8_lossy(data));
    s.adjust();
    let report = cost::evaluate(&s);
    let sim = perf::simulate(&s, &s.sim);
    let max = chart::default_max_tasks(&s);
    let pair = chart::BREAKEVEN_PAIR;
    let found = [
        ("evaluate", finite::non_finite(&report)),
        ("decide", finite::non_finite(&decide::decide(&s))),
        ("simulate", finite::non_finite(&sim)),
        ("matrix", finite::non_finite(&perf::matrix(&s, &s.sim))),
        ("audit", finite::non_finite(&audit::audit(&s))),
        ("cost_bars", finite::non_finite(&chart::cost_bars(&report))),
        (
            "timelines",
            finite::non_finite(&chart::timelines(&sim, chart::TIMELINE_SIZE)),
        ),
        (
            "breakeven_chart",
            finite::non_finite(&chart::breakeven_chart(&s, pair, max, chart::BREAKEVEN_SIZE)),
        ),
        (
            "breakeven",
            finite::non_finite(&cost::breakeven(&s, pair.0, pair.1, max)),
        ),
    ];
    for (what, bad) in found {
        assert!(bad.is_empty(), "{what} of {}: {bad:?}", s.to_query());
    }
    let json = export::estimate_json(&s, &report, &notices);
    if let Err(e) = serde_json::from_str::<serde_json::Value>(&json) {
        panic!("{e} in {json}");
    }
    let _ = export::estimate_csv(&report);
    let _ = export::estimate_markdown(&s, &report);
});
