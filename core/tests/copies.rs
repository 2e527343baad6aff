//! A row with `copies` = N is N identical services: every engine gives
//! the same figures for one row of twelve as for twelve rows.

use berth_core::cost::Status;
use berth_core::scenario::Service;
use berth_core::{decide, perf, Scenario};

fn twelve_ways() -> (Scenario, Scenario) {
    let one = Service {
        name: "api".into(),
        tasks: 3,
        vcpu: 0.25,
        memory_gib: 0.5,
        ..Service::default()
    };
    let proxy = Service {
        name: "db-proxy".into(),
        ..Service::default()
    };
    let row = Scenario {
        services: vec![
            Service {
                copies: 12,
                ..one.clone()
            },
            proxy.clone(),
        ],
        ..Scenario::default()
    };
    let mut rows = row.clone();
    rows.services = (1..=12)
        .map(|i| Service {
            name: format!("api ({i} of 12)"),
            ..one.clone()
        })
        .chain([proxy])
        .collect();
    (row, rows)
}

#[test]
fn one_row_of_twelve_costs_what_twelve_rows_cost_on_every_platform() {
    let (row, rows) = twelve_ways();
    let (a, b) = (berth_core::evaluate(&row), berth_core::evaluate(&rows));
    assert_eq!(a.platforms.len(), b.platforms.len());
    let mut priced = 0;
    for (x, y) in a.platforms.iter().zip(&b.platforms) {
        assert_eq!(x.id, y.id);
        assert_eq!(x.status, y.status, "{:?}", x.id);
        assert_eq!(x.monthly_usd, y.monthly_usd, "{:?}", x.id);
        assert_eq!(x.reason, y.reason, "{:?}", x.id);
        priced += usize::from(x.status == Status::Ok);
    }
    assert!(priced >= 4, "most platforms price this workload");
    // And not what one copy costs: the count is applied.
    let mut single = row.clone();
    for s in single.services.iter_mut() {
        s.copies = 1;
    }
    let c = berth_core::evaluate(&single);
    let fargate = |r: &berth_core::CostReport| {
        r.platforms
            .iter()
            .find(|p| p.id == berth_core::cost::Platform::EcsFargate)
            .map(|p| p.monthly_usd)
    };
    assert!(fargate(&c) < fargate(&a));
}

#[test]
fn the_decision_and_the_simulation_see_twelve_services() {
    let (row, rows) = twelve_ways();
    let (a, b) = (decide::decide(&row), decide::decide(&rows));
    assert_eq!(
        a.ranking
            .iter()
            .map(|r| (r.id, r.monthly_usd))
            .collect::<Vec<_>>(),
        b.ranking
            .iter()
            .map(|r| (r.id, r.monthly_usd))
            .collect::<Vec<_>>()
    );
    let (a, b) = (
        perf::simulate(&row, &row.sim),
        perf::simulate(&rows, &rows.sim),
    );
    let monthly = |s: &perf::Simulation| {
        s.platforms
            .iter()
            .map(|p| format!("{:?} {} {}", p.reason, p.cost_usd_month, p.peak_tasks))
            .collect::<Vec<_>>()
    };
    assert_eq!(monthly(&a), monthly(&b));
}
