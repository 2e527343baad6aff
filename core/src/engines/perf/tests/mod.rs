//! Tests of the performance model: the data, the matrix and the inputs;
//! simulated days in `days`, invariants in `props`.

mod days;
mod props;

use super::pool::Billing;
use super::*;
use crate::cost::{evaluate_platform, Platform};
use crate::scenario::{Scenario, Service};

fn close(actual: f64, expected: f64, what: &str) {
    let tol = 1e-9 * expected.abs().max(1.0);
    assert!(
        (actual - expected).abs() <= tol,
        "{what}: {actual} vs {expected}"
    );
}

#[test]
fn every_platform_has_the_figures_the_simulation_needs() {
    let mut needed = vec![
        Metric::StartSmall,
        Metric::StartLarge,
        Metric::Reaction,
        Metric::ScaleIn,
        Metric::BillingIncrement,
        Metric::BillingMinimum,
    ];
    for p in Platform::ALL.into_iter().filter(|p| super::simulated(*p)) {
        if ec2_backed(p) {
            needed.extend([Metric::StartCached, Metric::NodeReady]);
        }
        for m in &needed {
            let row = current(p, *m).unwrap_or_else(|| panic!("{} has no {}", p.id(), m.label()));
            assert!(!row.provenance.source.is_empty());
        }
        needed.truncate(6);
    }
    for r in rows() {
        assert!(
            r.low.is_finite() && r.low >= 0.0 && r.low <= r.typical && r.typical <= r.high,
            "{}",
            r.key
        );
    }
}

#[test]
fn the_guides_figures_are_rows_of_their_own() {
    let guide = |p: Platform, m: Metric| {
        let r = super::guide(p, m).unwrap_or_else(|| panic!("{} {}", p.id(), m.label()));
        assert!(
            r.provenance.source.contains("aws-container-theory.md"),
            "{}",
            r.key
        );
        (r.low, r.high)
    };
    use Platform::*;
    assert_eq!(guide(EcsEc2, Metric::StartCached), (0.0, 2.0));
    assert_eq!(guide(EcsFargate, Metric::StartSmall), (30.0, 60.0));
    assert_eq!(guide(Lambda, Metric::StartSmall), (1.0, 10.0));
    assert_eq!(guide(EcsEc2, Metric::ScaleOut), (180.0, 300.0));
    assert_eq!(guide(EcsFargate, Metric::ScaleOut), (30.0, 60.0));
    assert_eq!(guide(EksEc2, Metric::Reaction), (15.0, 30.0));
    assert_eq!(guide(EcsEc2, Metric::Efficiency), (60.0, 80.0));
    assert_eq!(guide(EksFargate, Metric::Efficiency), (100.0, 100.0));
    assert_eq!(guide(EksAuto, Metric::Efficiency), (70.0, 90.0));
    assert_eq!(
        rows().iter().filter(|r| r.origin == Origin::Guide).count(),
        9
    );
}

#[test]
fn billing_granularity_follows_each_platform() {
    let billing = |p| {
        let (inc, min) = (
            current(p, Metric::BillingIncrement),
            current(p, Metric::BillingMinimum),
        );
        (inc.map(|r| r.typical), min.map(|r| r.typical))
    };
    assert_eq!(billing(Platform::EcsFargate), (Some(1.0), Some(60.0)));
    assert_eq!(billing(Platform::EksAuto), (Some(1.0), Some(60.0)));
    assert_eq!(billing(Platform::Lambda), (Some(0.001), Some(0.001)));
    assert_eq!(billing(Platform::AppRunner).0, Some(1.0));
    let per_minute = Billing {
        increment_s: 60.0,
        minimum_s: 60.0,
    };
    let fargate = Billing {
        increment_s: 1.0,
        minimum_s: 60.0,
    };
    assert_eq!(per_minute.billed(90.0, true), 120.0);
    assert_eq!(fargate.billed(90.4, true), 91.0);
    assert_eq!(fargate.billed(30.0, true), 60.0);
    // What runs past midnight (or came from yesterday) has no minimum today.
    assert_eq!(fargate.billed(30.0, false), 30.0);
    let lambda = Billing {
        increment_s: 0.001,
        minimum_s: 0.001,
    };
    close(lambda.billed(0.0205, true), 0.021, "1 ms rounding");
}

#[test]
fn verdicts_are_computed_from_the_ranges() {
    let f = |low, typical, high| Figure {
        low,
        typical,
        high,
        unit: "s",
        keys: vec![],
    };
    let guide = f(30.0, 45.0, 60.0);
    assert_eq!(Verdict::of(&guide, &f(20.0, 35.0, 60.0)), Verdict::Agrees);
    assert_eq!(Verdict::of(&guide, &f(20.0, 25.0, 40.0)), Verdict::Overlaps);
    assert_eq!(
        Verdict::of(&guide, &f(61.0, 70.0, 90.0)),
        Verdict::Disagrees
    );
    assert_eq!(Verdict::of(&guide, &f(5.0, 10.0, 29.0)), Verdict::Disagrees);
}

#[test]
fn the_matrix_checks_every_guide_figure_it_can() {
    let s = Scenario::default();
    let m = matrix(&s, &s.sim);
    assert_eq!(m.len(), Platform::ALL.len());
    for row in &m {
        let expected = rows()
            .iter()
            .filter(|r| r.origin == Origin::Guide && r.platforms.contains(&row.id))
            .count();
        assert_eq!(row.checks.len(), expected, "{}", row.id.id());
        for c in &row.checks {
            assert_eq!(c.verdict, Verdict::of(&c.guide, &c.current));
        }
        assert!(row.billing.is_some(), "{}", row.id.id());
        if !super::simulated(row.id) {
            continue;
        }
        assert!(row.start_small.is_some() && row.add_capacity.is_some());
        assert_eq!(
            row.start_cached.is_some(),
            ec2_backed(row.id),
            "{}",
            row.id.id()
        );
    }
    // Adding capacity on EC2 is an instance plus a task start on it.
    let ec2 = m.iter().find(|r| r.id == Platform::EcsEc2).unwrap();
    let node = current(Platform::EcsEc2, Metric::NodeReady).unwrap();
    let pull = current(Platform::EcsEc2, Metric::StartSmall).unwrap();
    assert_eq!(
        ec2.add_capacity.as_ref().unwrap().typical,
        node.typical + pull.typical
    );
}

#[test]
fn largest_tasks_come_from_the_price_book() {
    let max = |p| max_task(p);
    assert_eq!(
        (
            max(Platform::EcsFargate).vcpu,
            max(Platform::EcsFargate).memory_gib
        ),
        (Some(32.0), 244.0)
    );
    // EKS on Fargate stops at 16 vCPU / 120 GiB, less its pod overhead.
    assert_eq!(max(Platform::EksFargate).vcpu, Some(16.0));
    assert_eq!(max(Platform::EksFargate).memory_gib, 120.0 - 0.25);
    assert_eq!(
        (
            max(Platform::AppRunner).vcpu,
            max(Platform::AppRunner).memory_gib
        ),
        (Some(4.0), 12.0)
    );
    assert_eq!(
        (max(Platform::Lambda).vcpu, max(Platform::Lambda).memory_gib),
        (None, 10.0)
    );
    let biggest = crate::pricebook::instance_types()
        .iter()
        .filter(|t| !t.burstable)
        .map(|t| t.vcpu)
        .max();
    assert_eq!(max(Platform::EksAuto).vcpu, biggest.map(f64::from));
}

#[test]
fn efficiency_is_the_share_of_the_billed_size_requested() {
    let s = |vcpu, memory_gib| Scenario {
        services: vec![Service {
            vcpu,
            memory_gib,
            tasks: 3,
            ..Service::default()
        }],
        ..Scenario::default()
    };
    // 0.3 vCPU / 0.5 GiB is billed as 0.5 vCPU / 1 GiB.
    let e = efficiency(&s(0.3, 0.5), Platform::EcsFargate).unwrap();
    close(e.cpu_pct.unwrap(), 60.0, "cpu");
    close(e.memory_pct, 50.0, "memory");
    close(e.pct, 60.0, "binding");
    // EKS adds 256 MiB per pod first: 0.25 / 0.5 becomes 0.25 / 1.
    let e = efficiency(&s(0.25, 0.5), Platform::EksFargate).unwrap();
    close(e.memory_pct, 50.0, "eks memory");
    // EC2: the cost engine's packing, as it reports it.
    let scenario = s(0.5, 1.0);
    let e = efficiency(&scenario, Platform::EcsEc2).unwrap();
    let c = evaluate_platform(&scenario, Platform::EcsEc2)
        .capacity
        .unwrap();
    close(e.memory_pct, c.memory_utilization * 100.0, "ec2 memory");
    assert!(efficiency(&s(64.0, 1.0), Platform::EcsFargate).is_none());
}

#[test]
fn every_input_reads_back_what_it_writes_and_refuses_the_rest() {
    let mut s = SimInputs::default();
    for (key, text) in [
        ("traffic", "spike"),
        ("rps", "12.5"),
        ("peak", "7"),
        ("spk", "0~1440"),
        ("rpt", "0.25"),
        ("tgt", "55"),
        ("min", "0"),
        ("img", "large"),
        ("pess", "1"),
    ] {
        let f = field(key).unwrap();
        (f.set)(&mut s, text).unwrap();
        assert_eq!((f.get)(&s), text, "{key}");
    }
    let before = s.clone();
    for (key, text) in [
        ("traffic", "weekly"),
        ("rps", "1e8"),
        ("peak", "inf"),
        ("spk", "-1~30"),
        ("spk", "30~1441"),
        ("rpt", "-5"),
        ("tgt", "5"),
        ("min", "-1"),
        ("img", ""),
        ("pess", "true"),
    ] {
        let message = (field(key).unwrap().set)(&mut s, text).unwrap_err();
        assert!(!message.is_empty());
    }
    assert_eq!(s, before);
}

#[test]
fn a_tiny_unserved_share_never_reads_as_zero() {
    assert_eq!(super::unserved_text(0.0), "0.000%");
    assert_eq!(super::unserved_text(0.0001), "<0.001%");
    assert_eq!(super::unserved_text(0.0005), "0.001%");
    assert_eq!(super::unserved_text(12.3456), "12.346%");
}

#[test]
fn ecs_shows_its_20_second_metrics_reaction_beside_the_default() {
    let m = matrix(&Scenario::default(), &Scenario::default().sim);
    for r in &m {
        let ecs = matches!(
            r.id,
            Platform::EcsFargate | Platform::EcsEc2 | Platform::EcsManaged | Platform::EcsExpress
        );
        assert_eq!(r.reaction_high_res.is_some(), ecs, "{:?}", r.id);
        if let (Some(fast), Some(default)) = (&r.reaction_high_res, &r.reaction) {
            assert!(fast.typical < default.typical, "{:?}", r.id);
            assert_eq!((fast.low, fast.high), (86.0, 109.0));
        }
    }
}
