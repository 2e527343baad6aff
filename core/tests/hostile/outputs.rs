//! No NaN or infinity ever reaches an output: every engine's result for a
//! large generated set of valid scenarios, and for each option at its
//! extremes, is walked number by number.

use berth_core::cost::{self, Platform};
use berth_core::{audit, chart, decide, export, perf, Notice, Scenario};
use proptest::prelude::*;

use super::decode::check_any;
use super::finite::non_finite;
use super::strategies;

/// Every output the web app and the CLI derive from a Scenario, checked.
pub fn assert_all_finite(s: &Scenario) {
    let report = cost::evaluate(s);
    let sim = perf::simulate(s, &s.sim);
    // The break-even chart's range and sizes, as the panels pick them.
    let max = chart::default_max_tasks(s);
    let pair = chart::BREAKEVEN_PAIR;
    let found = [
        ("evaluate", non_finite(&report)),
        ("decide", non_finite(&decide::decide(s))),
        ("simulate", non_finite(&sim)),
        ("matrix", non_finite(&perf::matrix(s, &s.sim))),
        ("audit", non_finite(&audit::audit(s))),
        (
            "cost_bars",
            non_finite(&chart::cost_bars(&report, s.options.per)),
        ),
        (
            "timelines",
            non_finite(&chart::timelines(&sim, chart::TIMELINE_SIZE)),
        ),
        (
            "breakeven_chart",
            non_finite(&chart::breakeven_chart(s, pair, max, chart::BREAKEVEN_SIZE)),
        ),
        (
            "breakeven",
            non_finite(&cost::breakeven(s, pair.0, pair.1, max)),
        ),
    ];
    for (what, bad) in found {
        assert!(bad.is_empty(), "{what} of {}: {bad:?}", s.to_query());
    }
    assert_exports(s, &report, &[]);
}

/// The exports (CLI `--format`, the web app's buttons) are well formed:
/// the JSON parses and carries the link and every notice unchanged.
pub fn assert_exports(s: &Scenario, report: &cost::CostReport, notices: &[Notice]) {
    let json = export::estimate_json(s, report, notices);
    let value: serde_json::Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => panic!("{e} in {json}"),
    };
    assert_eq!(
        value.get("query").and_then(|q| q.as_str()),
        Some(s.to_query().as_str())
    );
    let messages: Vec<&str> = value
        .get("notices")
        .and_then(|n| n.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|n| n.get("message").and_then(|m| m.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let expected: Vec<&str> = notices.iter().map(|n| n.message.as_str()).collect();
    assert_eq!(messages, expected);
    let csv = export::estimate_csv(s, report);
    let totals = csv.lines().filter(|l| l.contains(",total,")).count();
    assert_eq!(totals, Platform::ALL.len(), "one total row per platform");
    let lines: usize = report.platforms.iter().map(|p| p.lines.len()).sum();
    assert_eq!(
        csv.lines().count(),
        1 + totals + lines,
        "and a row per line"
    );
    let md = export::estimate_markdown(s, report);
    assert!(md.lines().count() >= Platform::ALL.len() + 2);
}

proptest! {
    #![proptest_config(super::config(96))]

    #[test]
    fn no_output_of_a_valid_scenario_holds_nan_or_infinity(s in strategies::scenario_with(3)) {
        assert_all_finite(&s);
    }
}

proptest! {
    #![proptest_config(super::config(128))]

    #[test]
    fn the_exports_of_any_link_are_well_formed(input in any::<String>()) {
        let (s, notices) = check_any(&input);
        assert_exports(&s, &cost::evaluate(&s), &notices);
    }
}

/// Each option and simulation input at the ends of its range.
const EXTREMES: &[&str] = &[
    "spot=100",
    "fspot=100",
    "sp=90",
    "head=90",
    "hostres=50",
    "ebs=0",
    "ebs=16384",
    "eph=200",
    "ds=0~0",
    "ds=64000~1048576",
    "clusters=0",
    "clusters=1000",
    "eksv=ext",
    "lcu=0",
    "lcu=100000",
    "active=0",
    "req=0&dur=1",
    "req=1e13&dur=900000",
    "rps=0",
    "rps=1e7&peak=1000",
    "rpt=1e-300",
    "rpt=1e7",
    "tgt=10",
    "tgt=100",
    "min=0",
    "min=1000000",
    "spk=1439~1440&traffic=spike",
    "traffic=step&spk=0~1",
    "img=large&pess=1",
    "it=m5.large&net=awsvpc",
    "it=r7i.16xlarge&net=bridge",
];

#[test]
fn no_output_holds_nan_or_infinity_at_the_ends_of_each_range() {
    let workloads = [
        "",
        "svc=a~0~0.25~0.5",
        "svc=a~1000000~16~120",
        "preset=guide-small",
        "svc=w~3~2~4~x86~windows&svc=g~2~1~2~arm~linux~1",
        "svc=tiny~1~0.000001~0.000001&svc=huge~1~1024~32768",
    ];
    for w in workloads {
        for extreme in EXTREMES {
            let link = format!("{w}&{extreme}");
            let (mut s, notices) = check_any(&link);
            assert!(notices.is_empty(), "{link}: {notices:?}");
            s.adjust();
            assert_all_finite(&s);
        }
    }
}
