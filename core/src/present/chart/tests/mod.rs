//! Tests of `chart` (in their own file: test code may unwrap).

use super::*;
use crate::preset::Preset;

#[test]
fn bars_are_sorted_and_scaled_to_the_longest() {
    let bars = cost_bars(
        &cost::evaluate(&cost::compute_only(&Scenario::default())),
        crate::options::Period::Month,
    );
    assert!(bars
        .windows(2)
        .all(|w| w[0].monthly_usd <= w[1].monthly_usd));
    assert!((bars.last().unwrap().length_pct - 100.0).abs() < 1e-9);
    assert!(bars[0].cheapest);
}

#[test]
fn the_chart_has_a_line_per_platform_and_fits_its_box() {
    let c = breakeven_chart(
        &Scenario::default(),
        (Platform::EcsFargate, Platform::EcsEc2),
        50,
        (600.0, 300.0),
    );
    assert!(c.series.len() >= 6);
    for s in &c.series {
        for part in s.path.split(['M', 'L']).filter(|p| !p.trim().is_empty()) {
            let xy: Vec<f64> = part
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            assert!(
                (0.0..=600.0).contains(&xy[0]) && (0.0..=300.0).contains(&xy[1]),
                "{part}"
            );
        }
    }
    assert!(c.y_ticks.len() >= 2);
    // The table names the same series, from 1 task to the end.
    assert_eq!(c.table.first().map(|r| r.0), Some(1));
    assert_eq!(c.table.last().map(|r| r.0), Some(50));
    assert!(c
        .table
        .iter()
        .all(|(_, costs)| costs.len() == c.series.len()));
}

#[test]
fn crossovers_are_marked() {
    let c = breakeven_chart(
        &Preset::WebApp.scenario(),
        (Platform::EcsFargate, Platform::EcsEc2),
        400,
        (600.0, 300.0),
    );
    let b = cost::breakeven(
        &Preset::WebApp.scenario(),
        Platform::EcsFargate,
        Platform::EcsEc2,
        400,
    );
    assert_eq!(c.markers.len(), b.crossovers.len());
}

#[test]
fn timelines_fit_their_boxes() {
    let s = Scenario::default();
    let sim = crate::perf::simulate(&s, &s.sim);
    let t = timelines(&sim, (300.0, 80.0));
    assert!(!t.is_empty());
    for line in t.iter().flat_map(|t| [&t.demand, &t.capacity]) {
        for part in line.split(['M', 'L']).filter(|p| !p.trim().is_empty()) {
            let xy: Vec<f64> = part
                .split_whitespace()
                .map(|v| v.parse().unwrap())
                .collect();
            assert!(
                (0.0..=300.0).contains(&xy[0]) && (0.0..=80.0).contains(&xy[1]),
                "{part}"
            );
        }
    }
}

#[test]
fn nice_numbers() {
    assert_eq!(nice_ceiling(73.0), 100.0);
    assert_eq!(nice_ceiling(9010.0), 10_000.0);
    assert_eq!(nice_ceiling(1.2), 2.0);
    assert_eq!(ticks(100.0, 4), vec![0.0, 50.0, 100.0]);
}
