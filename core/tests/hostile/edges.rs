//! Numeric edges in the models: 0 and 1,000,000 tasks, tasks larger than
//! any platform offers or smaller than Fargate bills, hours past a month,
//! and every region × platform. (Price overrides of 0 or absurd values are
//! tested with the cost engine: core/src/cost/tests.rs.)

use berth_core::action::{Action, ServiceField};
use berth_core::cost::{self, LineKind, Platform, PlatformCost, Status};
use berth_core::preset::Preset;
use berth_core::region::REGIONS;
use berth_core::{decide, Scenario};

use super::decode::check_any;
use super::finite::non_finite;
use super::outputs::assert_all_finite;

/// Decodes a link that must be clean (the decoder's own adjustments, such
/// as an instance type unpriced in the region falling back to auto, aside).
fn read(link: &str) -> Scenario {
    let (s, notices) = check_any(link);
    assert!(
        notices.iter().all(|n| n.field == "adjusted"),
        "{link}: {notices:?}"
    );
    s
}

fn cost(s: &Scenario, p: Platform) -> PlatformCost {
    cost::evaluate_platform(s, p)
}

/// Every platform's figure is either a finite, itemised total or an
/// explained `unavailable`.
fn assert_sound(what: &str, report: &cost::CostReport) {
    for p in &report.platforms {
        match p.status {
            Status::Unavailable => {
                assert!(
                    p.reason.as_deref().is_some_and(|r| !r.is_empty()),
                    "{what}: {p:?}"
                );
                assert_eq!(p.monthly_usd, 0.0, "{what}: {p:?}");
            }
            Status::Ok | Status::Legacy => {
                assert!(
                    p.monthly_usd.is_finite() && p.monthly_usd >= 0.0,
                    "{what}: {p:?}"
                );
                let sum: f64 = p.lines.iter().map(|l| l.monthly_usd).sum();
                assert!(
                    (sum - p.monthly_usd).abs() <= 1e-9 * sum.abs().max(1.0),
                    "{what}: {p:?}"
                );
            }
        }
    }
    assert!(
        non_finite(report).is_empty(),
        "{what}: {:?}",
        non_finite(report)
    );
}

/// Runs every engine on `s`: sound costs, and no NaN or infinity anywhere.
fn run_all(what: &str, s: &Scenario) {
    assert_sound(what, &cost::evaluate(s));
    assert_all_finite(s);
}

#[test]
fn zero_tasks_cost_nothing_but_fixed_fees_and_say_so() {
    for link in [
        "svc=a~0~1~2",
        "svc=a~3~1~2~x86~linux~0",
        "svc=",
        "svc=a~0~4~8&svc=b~5~1~2~arm~linux~0",
    ] {
        let s = read(link);
        let report = cost::evaluate(&s);
        assert_sound(link, &report);
        let priced = report
            .platforms
            .iter()
            .filter(|p| p.status != Status::Unavailable);
        for p in priced.filter(|p| p.id != Platform::Lambda) {
            assert!(
                p.notes.iter().any(|n| n.contains("no tasks run")),
                "{link}: {p:?}"
            );
            // What is left is fees that do not depend on tasks: control
            // planes, deployments, and the network (load balancers, NAT
            // gateways and their addresses stay while a service is at 0).
            assert!(
                p.lines
                    .iter()
                    .filter(|l| l.kind == LineKind::Compute)
                    .all(|l| l.monthly_usd == 0.0),
                "{link}: {p:?}"
            );
            let fixed: f64 = p
                .lines
                .iter()
                .filter(|l| {
                    matches!(
                        l.kind,
                        LineKind::ControlPlane
                            | LineKind::ManagementFee
                            | LineKind::LoadBalancer
                            | LineKind::NatGateway
                            | LineKind::PublicIpv4
                    )
                })
                .map(|l| l.monthly_usd)
                .sum();
            if matches!(
                p.id,
                Platform::EksEc2 | Platform::EksAuto | Platform::EksFargate
            ) {
                assert!(p.lines.iter().any(
                    |l| l.kind == LineKind::ControlPlane && (l.monthly_usd - 73.0).abs() < 1e-9
                ));
            }
            assert!((p.monthly_usd - fixed).abs() < 1e-9, "{link}: {p:?}");
        }
        // Compute alone, they cost nothing at all.
        for p in [Platform::EcsFargate, Platform::EcsEc2, Platform::EcsManaged] {
            assert_eq!(
                cost(&cost::compute_only(&s), p).monthly_usd,
                0.0,
                "{link}: {p:?}"
            );
        }
        run_all(link, &s);
    }
}

#[test]
fn a_million_tasks_are_priced_and_cost_more_than_one() {
    for shape in ["0.25~0.5", "1~2", "4~30~arm", "2~8~x86~windows"] {
        let one = read(&format!("svc=a~1~{shape}"));
        let million = read(&format!(
            "svc=a~1000000~{shape}&req=10000000000000&dur=900000"
        ));
        assert_sound(shape, &cost::evaluate(&million));
        for p in Platform::ALL.into_iter().filter(|p| *p != Platform::Lambda) {
            let (a, b) = (cost(&one, p), cost(&million, p));
            if b.status != Status::Unavailable {
                assert!(
                    b.monthly_usd > a.monthly_usd,
                    "{shape} {p:?}: {} ≤ {}",
                    b.monthly_usd,
                    a.monthly_usd
                );
            }
        }
        run_all(shape, &million);
    }
    // The largest workload a link can hold: 200 services of 1,000,000 tasks.
    let big: Vec<String> = (0..200)
        .map(|i| format!("svc=s{i}~1000000~{}~{}", 1 + i % 16, 2 + i % 60))
        .collect();
    run_all("200 × 1,000,000 tasks", &read(&big.join("&")));
}

#[test]
fn fractional_tasks_are_rejected_with_a_message() {
    let (s, notices) = check_any("svc=a~2.5~1~2&svc=b~3~1~2");
    assert_eq!(s.services.len(), 1);
    let n = notices
        .iter()
        .find(|n| n.field == "svc[1].tasks")
        .map(|n| n.message.as_str());
    assert_eq!(n, Some("tasks must be a whole number, not 2.5"));
    let (_, notices) = check_any("min=0.5");
    assert!(
        notices
            .iter()
            .any(|n| n.field == "min" && n.message.contains("whole number")),
        "{notices:?}"
    );
    // The editor refuses it too, and keeps the last valid value.
    let mut s = Scenario::default();
    let edit = Action::EditService {
        index: 0,
        field: ServiceField::Tasks,
        text: "2.5".into(),
    };
    assert!(s.apply(edit).is_err_and(|e| e.contains("whole number")));
    assert_eq!(s, Scenario::default());
}

#[test]
fn a_task_too_large_for_a_platform_leaves_the_others_priced() {
    // 48 vCPU / 64 GiB: beyond Fargate (32 vCPU on ECS, 16 on EKS) and
    // App Runner, fine on EC2.
    let s = read("svc=small~2~0.5~1&svc=big~2~48~64");
    let report = cost::evaluate(&s);
    assert_sound("48 vCPU", &report);
    for p in [
        Platform::EcsFargate,
        Platform::EcsExpress,
        Platform::EksFargate,
        Platform::AppRunner,
    ] {
        let c = cost(&s, p);
        assert_eq!(c.status, Status::Unavailable, "{p:?}");
        let reason = c.reason.unwrap_or_default();
        assert!(
            reason.starts_with("big: ") && reason.contains("larger than any"),
            "{p:?}: {reason}"
        );
    }
    for p in [
        Platform::EcsEc2,
        Platform::EcsManaged,
        Platform::EksEc2,
        Platform::EksAuto,
    ] {
        let c = cost(&s, p);
        assert_eq!(c.status, Status::Ok, "{p:?}: {:?}", c.reason);
        assert!(c.monthly_usd > 0.0);
    }
    run_all("48 vCPU", &s);
    // 32 vCPU / 64 GiB fits ECS on Fargate (billed as 32 vCPU / 120 GiB)
    // but not EKS on Fargate.
    let s = read("svc=big~2~32~64");
    assert_eq!(cost(&s, Platform::EcsFargate).status, Status::Ok);
    let eks = cost(&s, Platform::EksFargate);
    assert_eq!(eks.status, Status::Unavailable);
    assert!(eks.reason.unwrap_or_default().contains("16 vCPU / 120 GiB"));
    // Beyond every instance type too: everything unavailable, each saying why,
    // and the decision and simulation still answer.
    for link in [
        "svc=a~3~1024~2",
        "svc=a~3~1~32768",
        "svc=a~3~385~2&req=1000&dur=100",
    ] {
        let s = read(link);
        let report = cost::evaluate(&s);
        assert_sound(link, &report);
        let available: Vec<_> = report
            .platforms
            .iter()
            .filter(|p| p.status != Status::Unavailable)
            .map(|p| p.id)
            .collect();
        assert!(
            available.iter().all(|p| *p == Platform::Lambda),
            "{link}: {available:?}"
        );
        let d = decide::decide(&s);
        assert_eq!(
            d.ranking.len() + d.excluded.len(),
            Platform::ALL.len(),
            "{link}"
        );
        run_all(link, &s);
    }
}

#[test]
fn memory_below_the_smallest_fargate_size_is_rounded_up_and_noted() {
    for (given, billed) in [
        ("0.25~0.1", "0.25~0.5"),
        ("0.01~0.01", "0.25~0.5"),
        ("1~0.5", "1~2"),
        ("4~1", "4~8"),
    ] {
        let small = read(&format!("svc=a~3~{given}"));
        let rounded = read(&format!("svc=a~3~{billed}"));
        let c = cost(&small, Platform::EcsFargate);
        assert_eq!(c.status, Status::Ok);
        assert_eq!(
            c.monthly_usd,
            cost(&rounded, Platform::EcsFargate).monthly_usd,
            "{given}"
        );
        let (v, m) = billed.split_once('~').unwrap_or_default();
        let note = format!("billed as {v} vCPU / {m} GiB");
        assert!(
            c.notes.iter().any(|n| n.contains(&note)),
            "{given}: {:?}",
            c.notes
        );
    }
}

#[test]
fn hours_past_a_month_are_rejected() {
    let (s, notices) = check_any("svc=a~1~1~2~x86~linux~745&svc=b~1~1~2~x86~linux~744.0001");
    assert_eq!(
        s.services.len(),
        2,
        "a bad optional field keeps the service"
    );
    assert!(s.services.iter().all(|v| v.hours == 730.0));
    let named: Vec<&str> = notices.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(named, ["svc[1].hours", "svc[2].hours"]);
    assert!(
        notices[0].message.contains("at most 744"),
        "{}",
        notices[0].message
    );
    assert_eq!(read("svc=a~1~1~2~x86~linux~744").services[0].hours, 744.0);
    let mut s = Scenario::default();
    let edit = Action::EditService {
        index: 0,
        field: ServiceField::Hours,
        text: "745".into(),
    };
    assert!(s.apply(edit).is_err());
}

#[test]
fn every_region_and_platform_is_computed_without_panic() {
    let workloads = [
        String::new(),
        "preset=microservices".to_string(),
        "preset=graviton&fspot=50&spot=60&sp=20".to_string(),
        "svc=win~3~2~4~x86~windows&svc=lin~2~0.5~1&req=5000000&dur=250".to_string(),
        "preset=guide-large&net=awsvpc&head=20&clusters=3&eksv=ext&active=30&traffic=spike&pess=1"
            .to_string(),
    ];
    for region in REGIONS {
        for w in &workloads {
            let link = format!("region={}&{w}", region.code);
            let mut s = read(&link);
            s.adjust();
            run_all(&link, &s);
        }
    }
    // And every preset, as a link would start it, in every region.
    for preset in Preset::ALL {
        for region in REGIONS {
            let link = format!("preset={}&region={}", preset.key(), region.code);
            run_all(&link, &read(&link));
        }
    }
}
