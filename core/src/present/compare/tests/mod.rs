//! Regions side by side and two links compared.

use super::*;

fn link(q: &str) -> Scenario {
    let (s, notices) = Scenario::from_query(q);
    assert!(notices.is_empty(), "{notices:?}");
    s
}

#[test]
fn every_region_of_the_book_is_priced_cheapest_first() {
    let rows = regions(&link("svc=api~4~1~2"), None);
    assert_eq!(rows.len(), crate::region::REGIONS.len());
    let cheapest: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.cheapest().map(|c| c.1))
        .collect();
    assert_eq!(cheapest.len(), rows.len(), "some region prices nothing");
    assert!(cheapest.windows(2).all(|w| w[0] <= w[1]), "{cheapest:?}");
    for r in &rows {
        let figures: Vec<Option<f64>> = r.platforms.iter().map(|(_, v)| *v).collect();
        assert!(
            figures.windows(2).all(|w| by_cost(w[0], w[1]).is_le()),
            "{figures:?}"
        );
        assert_eq!(r.platforms.len(), Platform::ALL.len());
    }
}

#[test]
fn a_region_row_holds_what_the_estimate_of_that_region_says() {
    let s = link("svc=api~4~1~2");
    let rows = regions(&s, Some(Platform::EcsFargate));
    let row = rows
        .iter()
        .find(|r| r.region.code() == "eu-west-1")
        .expect("eu-west-1");
    let direct = cost::evaluate(&link("svc=api~4~1~2&region=eu-west-1"));
    let fargate = direct.get(Platform::EcsFargate).expect("fargate");
    assert_eq!(row.of(Platform::EcsFargate), Some(fargate.monthly_usd));
    let by_fargate: Vec<f64> = rows
        .iter()
        .filter_map(|r| r.of(Platform::EcsFargate))
        .collect();
    assert!(by_fargate.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn a_platform_closed_to_new_customers_is_never_the_cheapest() {
    // A small always-on service: App Runner (legacy) bills least in us-east-1.
    let rows = regions(&link("svc=api~4~1~2"), None);
    let home = rows
        .iter()
        .find(|r| r.region.code() == "us-east-1")
        .expect("us-east-1");
    assert!(
        home.legacy.contains(&Platform::AppRunner),
        "{:?}",
        home.legacy
    );
    assert_eq!(
        home.platforms.first().map(|p| p.0),
        Some(Platform::AppRunner)
    );
    assert_ne!(home.cheapest().map(|c| c.0), Some(Platform::AppRunner));
}

#[test]
fn the_regions_json_has_the_documented_shape() {
    let rows = regions(&link("svc=api~2~0.5~1"), None);
    let v: serde_json::Value = serde_json::from_str(&regions_json(&rows)).expect("json");
    let first = &v["regions"][0];
    assert!(first["region"].is_string());
    assert!(first["platforms"][0]["id"].is_string());
    assert!(first["platforms"][0]["monthly_usd"].is_number());
    assert_eq!(v["regions"].as_array().map(Vec::len), Some(rows.len()));
}

#[test]
fn a_link_against_itself_changes_nothing() {
    let s = link("svc=api~4~1~2&region=eu-west-1");
    let d = diff(&s, &s);
    assert!(d.settings.is_empty());
    assert!(d.platforms.iter().all(|c| c.lines.is_empty()));
    assert!(d
        .platforms
        .iter()
        .all(|c| c.delta_usd().is_none_or(|v| v == 0.0)));
    assert!(diff_markdown(&d).starts_with("The two links set the same workload."));
}

#[test]
fn more_tasks_cost_more_and_the_compute_line_says_by_how_much() {
    let (a, b) = (link("svc=api~2~1~2"), link("svc=api~4~1~2"));
    let d = diff(&a, &b);
    assert_eq!(
        d.settings,
        vec![(
            "svc #1".to_string(),
            "api~2~1~2".to_string(),
            "api~4~1~2".to_string()
        )]
    );
    let fargate = d
        .platforms
        .iter()
        .find(|c| c.id == Platform::EcsFargate)
        .expect("fargate");
    let (before, after) = (
        fargate.before_usd.expect("before"),
        fargate.after_usd.expect("after"),
    );
    assert!(after > before);
    assert_eq!(fargate.delta_usd(), Some(after - before));
    // The lines that changed account for the whole change.
    let moved: f64 = fargate
        .lines
        .iter()
        .map(|l| l.after_usd - l.before_usd)
        .sum();
    assert!(
        (moved - (after - before)).abs() < 1e-6,
        "{moved} vs {}",
        after - before
    );
    let v: serde_json::Value = serde_json::from_str(&diff_json(&d)).expect("json");
    let p = &v["platforms"][0];
    assert_eq!(p["id"], "ecs-fargate");
    assert!(p["delta_usd"].as_f64().is_some_and(|x| x > 0.0));
    assert!(diff_markdown(&d).contains("| ECS on Fargate |"));
}

#[test]
fn a_region_change_is_a_changed_setting() {
    let d = diff(
        &link("svc=api~2~1~2&tab=cost"),
        &link("svc=api~2~1~2&region=ap-south-1"),
    );
    assert_eq!(
        d.settings,
        vec![(
            "region".to_string(),
            String::new(),
            "ap-south-1".to_string()
        )]
    );
    assert!(diff_table(&d).contains("changed region: (not set) → `ap-south-1`"));
}

#[test]
fn signs_are_written_out() {
    assert_eq!(signed_usd(12.0), format!("+{}", usd(12.0)));
    assert_eq!(signed_usd(-3.5), format!("−{}", usd(3.5)));
    assert_eq!(signed_usd(0.0), usd(0.0));
}
