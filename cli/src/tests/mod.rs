//! Tests of `main` (in their own file: test code may unwrap).

use super::*;

pub(crate) fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

#[test]
fn url_normalises_and_lists_notices() {
    let out = run(&args(&[
        "url",
        "https://h/?svc=api~3~1~2&region=eu-west-1&zz=1",
    ]))
    .unwrap();
    assert_eq!(
        out,
        "v=1&region=eu-west-1&svc=api~3~1~2\nnotice: zz: unknown field, ignored\n"
    );
}

#[test]
fn misuse_is_an_error() {
    assert!(run(&args(&[])).is_err());
    assert!(run(&args(&["url"])).is_err());
    assert!(run(&args(&["frobnicate"])).is_err());
    assert!(run(&args(&["url", &"x".repeat(MAX_INPUT_BYTES + 1)])).is_err());
}

fn fixture(name: &str) -> String {
    format!(
        "{}/../import/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn import_prints_a_link_that_decodes_to_the_manifests_services() {
    let printed = workload::import(&args(&[&fixture("helm-template.yaml")])).unwrap();
    let (s, notices) = Scenario::from_query(printed.link.trim_end());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.services.len(), 7);
    assert!(printed.report.contains("skipped "), "{}", printed.report);
    assert!(printed.report.contains("helm-template.yaml:3: Service web"));
}

#[test]
fn import_keeps_the_page_of_a_full_base_url_and_its_settings() {
    let printed = workload::import(&args(&[
        &fixture("register-task-definition.json"),
        "--tasks",
        "6",
        "--base",
        "https://berth.example/docs/?region=eu-west-1",
    ]))
    .unwrap();
    assert!(
        printed
            .link
            .starts_with("https://berth.example/docs/?v=1&region=eu-west-1&svc=checkout~6~1~3~arm"),
        "{}",
        printed.link
    );
}

#[test]
fn import_of_a_broken_file_fails_naming_its_line() {
    let err = run(&args(&["import", &fixture("broken.yaml")])).unwrap_err();
    assert!(err.contains("broken.yaml:7:"), "{err}");
    assert!(run(&args(&["import"])).is_err());
    assert!(run(&args(&["import", "/no/such/file.yaml"])).is_err());
}

#[test]
fn regions_lists_every_region_and_its_json_has_the_documented_shape() {
    let out = run(&args(&["regions", "svc=api~2~1~2", "--format", "json"])).unwrap();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let regions = v["regions"].as_array().unwrap();
    assert_eq!(regions.len(), berth_core::region::REGIONS.len());
    assert!(regions[0]["platforms"][0]["monthly_usd"].is_number());
    let table = run(&args(&["regions", "svc=api~2~1~2", "--platform", "lambda"])).unwrap();
    assert_eq!(table.lines().count(), regions.len() + 1);
    assert!(run(&args(&["regions", "svc=api~2~1~2", "--platform", "nope"])).is_err());
}

#[test]
fn diff_gives_before_after_and_delta_per_platform() {
    let out = run(&args(&[
        "diff",
        "svc=api~2~1~2",
        "svc=api~3~1~2",
        "--format",
        "json",
    ]))
    .unwrap();
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let p = &v["platforms"][0];
    let (b, a, d) = (
        p["before_usd"].as_f64().unwrap(),
        p["after_usd"].as_f64().unwrap(),
        p["delta_usd"].as_f64().unwrap(),
    );
    assert!((a - b - d).abs() < 1e-9 && d > 0.0);
    let md = run(&args(&[
        "diff",
        "svc=api~2~1~2",
        "svc=api~3~1~2",
        "--format",
        "markdown",
    ]))
    .unwrap();
    assert!(
        md.contains("| Platform | Before | After | Change |"),
        "{md}"
    );
    assert!(run(&args(&["diff", "svc=api~2~1~2"])).is_err());
}
