//! Tests of `simulate` (in their own file: test code may unwrap).

use super::*;
use crate::tests::args;

fn simulate_args(a: &[&str]) -> Result<String, String> {
    simulate(&args(a))
}

#[test]
fn json_has_one_object_per_platform_in_the_issue_shape() {
    let out = simulate_args(&["traffic=spike&rps=200&zz=1"]).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    let platforms = v["platforms"].as_array().unwrap();
    assert_eq!(platforms.len(), berth_core::cost::Platform::ALL.len());
    for key in [
        "id",
        "unserved_pct",
        "minutes_over_capacity",
        "peak_tasks",
        "peak_instances",
        "cost_usd_day",
        "headroom_for_target_pct",
        "headroom_cost_usd_month",
    ] {
        assert!(platforms.iter().all(|p| p.get(key).is_some()), "{key}");
    }
    assert_eq!(platforms[0]["id"], "ecs-fargate");
    assert!(platforms[0]["cost_usd_day"].as_f64().unwrap() > 0.0);
    assert!(platforms[0].get("series").is_none());
    assert_eq!(v["notices"][0]["field"], "zz");
    assert_eq!(v["query"], "v=1&traffic=spike&rps=200");
    // Keys keep the issue's order.
    assert!(out.find("\"unserved_pct\"").unwrap() < out.find("\"cost_usd_day\"").unwrap());
}

#[test]
fn series_are_added_on_request_and_csv_writes_them() {
    let out = simulate_args(&["v=1", "--series"]).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["demand_rps"].as_array().unwrap().len(), perf::MINUTES);
    let tasks = &v["platforms"][1]["series"]["tasks"];
    assert_eq!(tasks.as_array().unwrap().len(), perf::MINUTES);
    let csv = simulate_args(&["v=1", "--format", "csv"]).unwrap();
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("platform,minute,demand_rps"));
    let first = lines.next().unwrap();
    assert!(first.starts_with("ecs-fargate,0,"), "{first}");
    assert_eq!(csv.lines().count(), 1 + 9 * perf::MINUTES);
}

#[test]
fn an_unavailable_platform_has_null_figures_and_its_reason() {
    let out = simulate_args(&["svc=big~1~64~512"]).unwrap();
    let v: Value = serde_json::from_str(&out).unwrap();
    let fargate = &v["platforms"][0];
    assert_eq!(fargate["status"], "unavailable");
    assert!(fargate["reason"].as_str().unwrap().contains("Fargate"));
    assert!(fargate["cost_usd_day"].is_null());
}

#[test]
fn misuse_is_an_error() {
    assert!(simulate_args(&[]).is_err());
    assert!(simulate_args(&["v=1", "--format", "xml"]).is_err());
    assert!(simulate_args(&["v=1", "v=2"]).is_err());
}
