//! Invariants of the simulation over generated days: capacity, latency and
//! demand move the outcome only the way they should.

use proptest::prelude::*;

use super::super::engine::{run, Day, Fleet, Plan, Run};
use super::super::pool::Billing;
use super::super::*;
use crate::preset::Preset;
use crate::scenario::Scenario;

fn inputs() -> impl Strategy<Value = SimInputs> {
    (
        (
            0usize..4,
            prop::sample::select(vec![0.0, 3.0, 80.0, 900.0, 4000.0]),
            1.0..12.0f64,
        ),
        (0u32..1440, 1u32..400),
        (
            prop::sample::select(vec![0.5, 7.0, 50.0, 300.0]),
            10.0..=100.0f64,
        ),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |((t, rps, peak), (start, len), (rpt, tgt), (large, pess))| SimInputs {
                traffic: Traffic::ALL[t],
                rps,
                peak,
                spike_start_min: start,
                spike_len_min: len,
                rpt,
                tgt_pct: tgt,
                min_tasks: 0,
                max_tasks: 0,
                img: if large { Image::Large } else { Image::Small },
                pessimistic: pess,
            },
        )
        .prop_flat_map(|i| (Just(i), 0u32..6))
        .prop_map(|(i, min_tasks)| SimInputs { min_tasks, ..i })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (1.0..100.0f64, 0.2..=1.0f64, 0.0..5.0f64),
        (0.0..300.0f64, 0usize..20, 0.0..120.0f64),
        prop::option::of((1u64..12, 0.0..50.0f64, 0.0..300.0f64, 0.0..120.0f64)),
        prop::sample::select(vec![(1.0, 60.0), (0.001, 0.001), (60.0, 60.0)]),
    )
        .prop_map(
            |((rps, tgt, min), (reaction, window, start), fleet, (inc, minimum))| Plan {
                per_task_rps: rps,
                per_task_target_rps: rps * tgt,
                min_tasks: min.floor(),
                max_tasks: u64::MAX,
                reaction_s: reaction,
                scale_in_min: window,
                start_s: start,
                fleet: fleet.map(|(per, head, node, pull)| Fleet {
                    tasks_per_instance: per,
                    head_pct: head,
                    node_ready_s: node,
                    start_on_new_s: pull,
                    min_instances: 0,
                }),
                billing: Billing {
                    increment_s: inc,
                    minimum_s: minimum,
                },
            },
        )
}

fn unserved(r: &Run) -> f64 {
    r.unserved.iter().sum()
}

fn billed(r: &Run) -> f64 {
    r.task_s + r.instance_s
}

/// Room for float error in sums of a day's worth of minutes.
fn at_least(a: f64, b: f64) -> bool {
    a + 1e-6 * (1.0 + b.abs()) >= b
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn steady_traffic_within_capacity_is_all_served(p in plan(), rps in 0.0..5000.0f64, h in 0.0..200.0f64) {
        let demand = vec![rps; MINUTES];
        let r = run(&p, &Day::new(&p, &demand), h, true);
        prop_assert_eq!(unserved(&r), 0.0);
        prop_assert!(r.tasks.iter().all(|t| t.is_finite() && *t >= 0.0));
    }

    #[test]
    fn slower_scale_out_never_serves_more(
        p in plan(),
        i in inputs(),
        extra in (0.0..300.0f64, 0.0..120.0f64, 0.0..300.0f64, 0.0..120.0f64),
    ) {
        let demand = demand(&i);
        let slow = Plan {
            reaction_s: p.reaction_s + extra.0,
            start_s: p.start_s + extra.1,
            fleet: p.fleet.map(|f| Fleet {
                node_ready_s: f.node_ready_s + extra.2,
                start_on_new_s: f.start_on_new_s + extra.3,
                ..f
            }),
            ..p
        };
        let fast = run(&p, &Day::new(&p, &demand), 0.0, false);
        let slow = run(&slow, &Day::new(&slow, &demand), 0.0, false);
        prop_assert!(at_least(unserved(&slow), unserved(&fast)), "{} < {}", unserved(&slow), unserved(&fast));
    }

    #[test]
    fn more_capacity_never_raises_unserved_nor_lowers_cost(
        p in plan(),
        i in inputs(),
        h in 0.0..100.0f64,
        more in 0.0..200.0f64,
        more_min in 0.0..5.0f64,
    ) {
        let demand = demand(&i);
        let day = Day::new(&p, &demand);
        let (a, b) = (run(&p, &day, h, false), run(&p, &day, h + more, false));
        prop_assert!(at_least(unserved(&a), unserved(&b)));
        prop_assert!(at_least(billed(&b), billed(&a)), "{} < {}", billed(&b), billed(&a));
        let higher = Plan { min_tasks: p.min_tasks + more_min.floor(), ..p };
        let c = run(&higher, &Day::new(&higher, &demand), h, false);
        prop_assert!(at_least(unserved(&a), unserved(&c)));
    }

    #[test]
    fn doubling_demand_never_lowers_billed_time(p in plan(), i in inputs()) {
        let demand = demand(&i);
        let double: Vec<f64> = demand.iter().map(|d| d * 2.0).collect();
        let a = run(&p, &Day::new(&p, &demand), 0.0, false);
        let b = run(&p, &Day::new(&p, &double), 0.0, false);
        prop_assert!(at_least(billed(&b), billed(&a)));
    }
}

fn scenario() -> impl Strategy<Value = Scenario> {
    prop::sample::select(vec![
        None,
        Some(Preset::GuideSmall),
        Some(Preset::Graviton),
        Some(Preset::GuideLarge),
    ])
    .prop_map(Scenario::base)
}

proptest! {
    // Each case simulates every platform, cost engine included.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn pessimistic_latencies_are_never_better(s in scenario(), i in inputs()) {
        let typical = simulate(&s, &SimInputs { pessimistic: false, ..i.clone() });
        let pessimistic = simulate(&s, &SimInputs { pessimistic: true, ..i });
        for (t, p) in typical.platforms.iter().zip(&pessimistic.platforms) {
            prop_assert!(at_least(p.unserved_pct, t.unserved_pct), "{}: {} < {}", t.id.id(), p.unserved_pct, t.unserved_pct);
        }
    }

    #[test]
    fn doubling_demand_never_lowers_the_days_cost(s in scenario(), i in inputs()) {
        let a = simulate(&s, &i);
        let b = simulate(&s, &SimInputs { rps: i.rps * 2.0, ..i.clone() });
        for (a, b) in a.platforms.iter().zip(&b.platforms) {
            prop_assert!(at_least(b.cost_usd_day, a.cost_usd_day), "{}: {} < {}", a.id.id(), b.cost_usd_day, a.cost_usd_day);
        }
    }

    #[test]
    fn every_figure_is_finite_and_costs_are_not_negative(s in scenario(), i in inputs()) {
        let sim = simulate(&s, &i);
        prop_assert_eq!(sim.demand_rps.len(), MINUTES);
        for r in &sim.platforms {
            let figures = [r.unserved_pct, r.cost_usd_day, r.cost_usd_month];
            prop_assert!(figures.iter().all(|f| f.is_finite() && *f >= 0.0), "{}: {:?}", r.id.id(), figures);
            prop_assert!(r.unserved_pct <= 100.0 + 1e-9);
            prop_assert!(r.headroom_for_target_pct.is_none_or(|h| h.is_finite() && h >= 0.0));
            prop_assert!(r.headroom_cost_usd_month.is_none_or(|c| c.is_finite() && c >= 0.0));
            let s = &r.series;
            for series in [&s.tasks, &s.ready_tasks, &s.capacity_rps, &s.instances, &s.unserved_rps] {
                prop_assert!(series.iter().all(|v| v.is_finite() && *v >= 0.0));
            }
        }
    }

    #[test]
    fn any_link_simulates_without_panicking(q in "[a-z=&~0-9.%-]{0,60}") {
        let (s, _) = Scenario::from_query(&q);
        let sim = simulate(&s, &s.sim);
        prop_assert_eq!(sim.platforms.len(), crate::cost::Platform::ALL.len());
        let _ = matrix(&s, &s.sim);
    }
}
