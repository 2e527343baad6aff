//! Tests of `export` (in their own file: test code may unwrap).

use super::*;
use crate::cost;

#[test]
fn json_escapes_and_nests() {
    let j = Json::Obj(vec![
        ("a", s("x\"<\n")),
        ("b", Json::Arr(vec![Json::Num(1.5), Json::Null])),
        ("c", Json::Num(f64::NAN)),
    ]);
    assert_eq!(
        j.pretty(),
        "{\n  \"a\": \"x\\\"<\\n\",\n  \"b\": [\n    1.5,\n    null\n  ],\n  \"c\": null\n}\n"
    );
}

#[test]
fn the_estimate_names_every_platform_and_its_total() {
    let (scenario, notices) = Scenario::from_query("preset=guide-small&zz=1");
    let report = cost::evaluate(&scenario);
    let json = estimate_json(&scenario, &report, &notices);
    assert!(json.contains("\"query\": \"v=1&preset=guide-small\""));
    assert!(json.contains("\"id\": \"ecs-ec2\"") && json.contains("\"monthly_usd\": 9162.565"));
    assert!(json.contains("\"field\": \"zz\""));
    assert!(json.contains("\"topic\": \"EC2 instances\""));
    let csv = estimate_csv(&scenario, &report);
    let totals: Vec<&str> = csv.lines().filter(|l| l.contains(",total,")).collect();
    assert_eq!(totals.len(), cost::Platform::ALL.len());
    // Lambda has no request volume: no figure, its reason instead.
    let lambda = csv.lines().find(|l| l.starts_with("lambda,")).unwrap();
    assert!(lambda.contains(",unavailable,total,,\""), "{lambda}");
    assert!(csv.contains(
        "ecs-ec2,\"ECS on EC2\",ok,total,9162.57,\"125 × m5.large, CPU 100%, memory 50%\""
    ));
    // Each line with its kind, adding up to the total.
    let ec2_lines: Vec<Vec<&str>> = csv
        .lines()
        .filter(|l| l.starts_with("ecs-ec2,") && !l.contains(",total,"))
        .map(|l| l.split(',').collect())
        .collect();
    let kinds: Vec<&str> = ec2_lines.iter().map(|f| f[3]).collect();
    assert_eq!(
        kinds,
        [
            "compute",
            "storage",
            "load_balancer",
            "load_balancer",
            "public_ipv4",
            "nat_gateway",
            "public_ipv4"
        ]
    );
    let sum: f64 = ec2_lines.iter().map(|f| f[4].parse::<f64>().unwrap()).sum();
    assert!((sum - 9162.565).abs() < 0.05, "{sum}");
}

#[test]
fn exports_carry_the_dates_and_the_assumptions() {
    let (scenario, _) = Scenario::from_query("spot=50&sp=20&region=eu-west-1");
    let report = cost::evaluate(&scenario);
    let ec2 = report.get(cost::Platform::EcsEc2).unwrap();
    let kinds: Vec<&str> = ec2.as_of.iter().map(|a| a.kind).collect();
    assert!(
        kinds.contains(&"EC2") && kinds.contains(&"EC2 Spot"),
        "{kinds:?}"
    );
    assert!(ec2.as_of.windows(2).all(|w| w[0].oldest <= w[1].oldest));
    let csv = estimate_csv(&scenario, &report);
    let row = csv.lines().find(|l| l.starts_with("ecs-ec2,")).unwrap();
    assert!(
        row.contains("EC2 Spot 20")
            && row.contains("EC2 Spot share 50%; Savings Plan discount 20%"),
        "{row}"
    );
    let json = estimate_json(&scenario, &report, &[]);
    assert!(json.contains("\"figures_as_of\"") && json.contains("\"kind\": \"EC2 Spot\""));
    assert!(json.contains("\"Savings Plan discount 20%\""));
    let md = estimate_markdown(&scenario, &report);
    assert!(md.contains("- EC2 Spot share 50%"), "{md}");
    // Unavailable platforms used no figure.
    let lambda = report.get(cost::Platform::Lambda).unwrap();
    assert!(lambda.as_of.is_empty());
}
