//! Simulated days whose outcome can be worked out by hand: costs against
//! the cost engine, shortfalls against the latencies in the data.

use super::super::engine::{run, Day, Fleet, Plan};
use super::super::pool::Billing;
use super::super::setup::setup;
use super::super::*;
use super::close;
use crate::cost::{evaluate_platform, Platform};
use crate::scenario::{Scenario, Service};
use crate::units::HOURS_PER_MONTH;

fn steady(rps: f64, rpt: f64) -> SimInputs {
    SimInputs {
        traffic: Traffic::Steady,
        rps,
        rpt,
        tgt_pct: 100.0,
        min_tasks: 0,
        ..SimInputs::default()
    }
}

#[test]
fn a_steady_day_costs_what_the_cost_engine_charges() {
    let scenario = Scenario::default();
    let sim = simulate(&scenario, &steady(100.0, 50.0));
    let two = Scenario {
        services: vec![Service {
            tasks: 2,
            ..Service::default()
        }],
        ..Scenario::default()
    };
    for run in sim
        .platforms
        .iter()
        .filter(|r| super::super::simulated(r.id))
    {
        assert_eq!(run.reason, None, "{}", run.id.id());
        assert_eq!(
            (run.unserved_pct, run.minutes_over_capacity),
            (0.0, 0),
            "{}",
            run.id.id()
        );
        let monthly = if run.id == Platform::Lambda {
            let mut s = two.clone();
            s.options.requests_per_month = Some(100.0 * 3600.0 * HOURS_PER_MONTH);
            s.options.duration_ms = Some(20.0); // 1000 ÷ rpt
            evaluate_platform(&s, Platform::Lambda).monthly_usd
        } else {
            assert_eq!(run.peak_tasks, 2, "{}", run.id.id());
            evaluate_platform(&two, run.id).monthly_usd
        };
        close(
            run.cost_usd_day * HOURS_PER_MONTH / 24.0,
            monthly,
            run.id.id(),
        );
        // One month: the simulation's month is the cost engine's (730 h),
        // not 30 days ($36.04 vs $35.55 for two Fargate tasks before).
        close(run.cost_usd_month, monthly, "month");
        assert_eq!(run.headroom_for_target_pct, Some(0.0));
    }
}

/// The case: 12 services × 3 tasks in eu-west-1 read $648.72 on
/// Cost and $111.26 on Performance (the simulation priced the first
/// service only, with a 30-day month). A steady day now prices the whole
/// workload, so the simulated month is the Cost panel's.
#[test]
fn a_steady_day_of_many_services_costs_the_whole_workload() {
    let (mut scenario, _) = Scenario::from_query("region=eu-west-1");
    scenario.services = (0..12)
        .map(|i| Service {
            name: format!("s{i}"),
            tasks: 3,
            ..Service::default()
        })
        .collect();
    let sim = simulate(&scenario, &steady(150.0, 50.0));
    for p in [
        Platform::EcsFargate,
        Platform::EksFargate,
        Platform::AppRunner,
    ] {
        let run = sim.platforms.iter().find(|r| r.id == p).unwrap();
        assert_eq!(run.reason, None, "{}", p.id());
        close(
            run.cost_usd_month,
            evaluate_platform(&scenario, p).monthly_usd,
            p.id(),
        );
        assert!(
            run.notes.iter().any(|n| n.contains("other 11 service")),
            "{:?}",
            run.notes
        );
    }
    // A platform the whole workload cannot run on is unavailable here too,
    // with the Cost panel's reason.
    scenario.services[5].os = crate::scenario::Os::Windows;
    let sim = simulate(&scenario, &steady(150.0, 50.0));
    let run = sim
        .platforms
        .iter()
        .find(|r| r.id == Platform::EksFargate)
        .unwrap();
    assert_eq!(
        run.reason,
        evaluate_platform(&scenario, Platform::EksFargate).reason
    );
    assert!(run.reason.is_some());
}

#[test]
fn a_step_is_short_for_the_reaction_plus_the_task_start() {
    let inputs = SimInputs {
        traffic: Traffic::Step,
        peak: 2.0,
        spike_start_min: 600,
        ..steady(100.0, 50.0)
    };
    for pessimistic in [false, true] {
        let inputs = SimInputs {
            pessimistic,
            ..inputs.clone()
        };
        let sim = simulate(&crate::cost::compute_only(&Scenario::default()), &inputs);
        let run = sim
            .platforms
            .iter()
            .find(|r| r.id == Platform::EcsFargate)
            .unwrap();
        let pick = |m| current(Platform::EcsFargate, m).unwrap();
        let lag = if pessimistic {
            pick(Metric::Reaction).high + pick(Metric::StartSmall).high
        } else {
            pick(Metric::Reaction).typical + pick(Metric::StartSmall).typical
        };
        let total = 100.0 * 600.0 * 60.0 + 200.0 * 840.0 * 60.0;
        close(run.unserved_pct, 100.0 * lag / total * 100.0, "unserved");
        assert_eq!(run.minutes_over_capacity, (lag / 60.0).ceil() as u32);
        assert_eq!(run.peak_tasks, 4);
        // Billed: 2 tasks all day, 2 more from their launch (start included).
        let launch = 600.0 * 60.0 + lag - Figure::of(pick(Metric::StartSmall)).pick(pessimistic);
        let task_hours = (2.0 * 86_400.0 + 2.0 * (86_400.0 - launch)) / 3600.0;
        let one = Scenario {
            services: vec![Service {
                tasks: 1,
                ..Service::default()
            }],
            ..crate::cost::compute_only(&Scenario::default())
        };
        let per_hour = evaluate_platform(&one, Platform::EcsFargate).monthly_usd / HOURS_PER_MONTH;
        close(run.cost_usd_day, task_hours * per_hour, "cost");
    }
}

fn ec2_plan(tasks_per_instance: u64) -> Plan {
    Plan {
        per_task_rps: 10.0,
        per_task_target_rps: 10.0,
        min_tasks: 0.0,
        max_tasks: u64::MAX,
        reaction_s: 60.0,
        scale_in_min: 15,
        start_s: 5.0,
        fleet: Some(Fleet {
            tasks_per_instance,
            head_pct: 0.0,
            node_ready_s: 100.0,
            start_on_new_s: 20.0,
            min_instances: 0,
        }),
        billing: Billing {
            increment_s: 1.0,
            minimum_s: 60.0,
        },
    }
}

#[test]
fn a_full_instance_makes_new_tasks_wait_for_a_new_one() {
    let demand: Vec<f64> = (0..MINUTES)
        .map(|m| if m < 600 { 20.0 } else { 40.0 })
        .collect();
    // Two tasks fill the one instance: the next two wait 60 s + boot + pull.
    let plan = ec2_plan(2);
    let r = run(&plan, &Day::new(&plan, &demand), 0.0, true);
    close(
        r.unserved.iter().sum::<f64>() * 60.0,
        20.0 * (60.0 + 100.0 + 20.0),
        "unserved requests",
    );
    assert_eq!((r.peak_tasks, r.peak_instances), (4, 2));
    close(
        r.instance_s,
        86_400.0 + (86_400.0 - 36_060.0),
        "instance-seconds",
    );
    assert_eq!(r.instances.len(), MINUTES);
    // With room for four, they start on the running instance.
    let plan = ec2_plan(4);
    let r = run(&plan, &Day::new(&plan, &demand), 0.0, true);
    close(
        r.unserved.iter().sum::<f64>() * 60.0,
        20.0 * (60.0 + 5.0),
        "unserved requests",
    );
    assert_eq!(r.peak_instances, 1);
}

#[test]
fn a_ceiling_holds_the_tasks_and_leaves_the_rest_unserved() {
    // 40 rps needs 4 tasks of 10; a ceiling of 3 serves 30 and no more.
    let demand = vec![40.0; MINUTES];
    let open = Plan {
        fleet: None,
        ..ec2_plan(1)
    };
    let capped = Plan {
        max_tasks: 3,
        ..open
    };
    let r = run(&capped, &Day::new(&capped, &demand), 0.0, true);
    assert_eq!(r.peak_tasks, 3);
    let unserved: f64 = r.unserved.iter().sum();
    assert!(unserved >= 10.0 * (MINUTES - 1) as f64, "{unserved}");
    // A ceiling above the need changes nothing.
    let roomy = Plan {
        max_tasks: 4,
        ..open
    };
    let a = run(&roomy, &Day::new(&roomy, &demand), 0.0, true);
    let b = run(&open, &Day::new(&open, &demand), 0.0, true);
    assert_eq!((a.peak_tasks, a.unserved), (b.peak_tasks, b.unserved));
}

#[test]
fn the_most_tasks_key_reads_and_writes_and_zero_is_no_ceiling() {
    let (s, notices) = Scenario::from_query("max=10&min=2");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.sim.max_tasks, 10);
    assert!(s.to_query().contains("max=10"));
    assert!(!Scenario::default().to_query().contains("max="));
    let (_, notices) = Scenario::from_query("max=-1");
    assert_eq!(notices.len(), 1);
}

#[test]
fn tasks_leave_only_after_the_scale_in_window() {
    let demand: Vec<f64> = (0..MINUTES)
        .map(|m| if (600..610).contains(&m) { 40.0 } else { 20.0 })
        .collect();
    let plan = Plan {
        fleet: None,
        ..ec2_plan(1)
    };
    let r = run(&plan, &Day::new(&plan, &demand), 0.0, true);
    let tasks = |m: usize| r.tasks[m];
    assert_eq!((tasks(599), tasks(605), tasks(624)), (2.0, 4.0, 4.0));
    // Lower from minute 610: the window of 15 ends with minute 624.
    assert_eq!(tasks(625), 2.0);
}

#[test]
fn the_headroom_found_is_the_least_that_serves_the_target() {
    let scenario = Scenario::default();
    let inputs = SimInputs {
        traffic: Traffic::Spike,
        ..SimInputs::default()
    };
    let demand = demand(&inputs);
    let mut searched = 0;
    for p in Platform::ALL
        .into_iter()
        .filter(|p| super::super::simulated(*p))
    {
        let s = setup(&scenario, &inputs, p, &demand).unwrap();
        let day = Day::new(&s.plan, &demand);
        let unserved = |h: f64| {
            let r = run(&s.plan, &day, h, false);
            r.unserved.iter().sum::<f64>() / demand.iter().sum::<f64>() * 100.0
        };
        let Some((h, _)) = simulate::headroom(&s, &day, unserved(0.0), 0.0) else {
            panic!("{}: no headroom found", p.id());
        };
        assert!(unserved(h) < UNSERVED_TARGET_PCT, "{}", p.id());
        if h >= 1.0 {
            searched += 1;
            assert!(
                unserved(h - 1.0) >= UNSERVED_TARGET_PCT,
                "{}: {h} is not the least",
                p.id()
            );
        }
    }
    assert!(searched > 0);
}

#[test]
fn a_platform_that_cannot_run_the_shape_is_unavailable_with_its_reason() {
    let huge = Scenario {
        services: vec![Service {
            vcpu: 64.0,
            memory_gib: 512.0,
            ..Service::default()
        }],
        ..Scenario::default()
    };
    let sim = simulate(&huge, &SimInputs::default());
    let fargate = sim
        .platforms
        .iter()
        .find(|r| r.id == Platform::EcsFargate)
        .unwrap();
    assert!(fargate.reason.is_some());
    assert_eq!((fargate.cost_usd_day, fargate.series.tasks.len()), (0.0, 0));
    let empty = Scenario {
        services: vec![],
        ..Scenario::default()
    };
    assert!(simulate(&empty, &SimInputs::default())
        .platforms
        .iter()
        .all(|r| r.reason.is_some()));
}
