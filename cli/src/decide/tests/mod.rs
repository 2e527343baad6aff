//! Tests of `decide` (in their own file: test code may unwrap).

use super::*;
use crate::tests::args;

fn json(query: &str) -> serde_json::Value {
    serde_json::from_str(&decide(&args(&[query])).unwrap()).unwrap()
}

#[test]
fn json_has_the_issue_shape() {
    // 33 vCPU: above every Fargate size (32 vCPU on ECS).
    let v = json("svc=a~1~33~8&cost=critical");
    assert_eq!(v["guide_rule"]["platform"], "ECS with EC2");
    assert!(v["guide_rule"]["path"].is_array());
    assert_eq!(v["guide_matrix"]["row"], "Simple web apps");
    assert_eq!(v["guide_matrix"]["cells"]["ECS Fargate"], "yes");
    assert_eq!(v["guide_matrix"]["cells"]["ECS EC2"], "no");
    let excluded = v["excluded"].as_array().unwrap();
    let fargate = excluded.iter().find(|e| e["id"] == "ecs-fargate").unwrap();
    assert_eq!(fargate["reasons"][0]["constraint"], "size");
    assert!(fargate["reasons"][0]["source"]
        .as_str()
        .unwrap()
        .starts_with("https://"));
    let first = &v["ranking"][0];
    assert!(first["id"].is_string() && first["score"].is_number());
    for c in ["ops", "cost", "fit", "skills", "isolation", "scaling"] {
        assert!(first["criteria"][c].is_number(), "{c}");
    }
    assert!(first["reasons"][0].is_string());
    assert!(v["flips"].is_array());
    assert!(v["notices"].as_array().unwrap().is_empty());
}

#[test]
fn json_keeps_the_engine_key_order_and_lists_notices() {
    let out = decide(&args(&["gpu=maybe"])).unwrap();
    let at = |key: &str| out.find(key).unwrap();
    assert!(at("\"query\"") < at("\"guide_rule\""));
    assert!(at("\"guide_rule\"") < at("\"guide_matrix\""));
    assert!(at("\"excluded\"") < at("\"ranking\"") && at("\"ranking\"") < at("\"flips\""));
    assert!(at("\"ECS EC2\"") < at("\"App Runner\": \""));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["notices"][0]["field"], "gpu");
}

#[test]
fn markdown_lists_the_rule_ranking_and_exclusions() {
    let out = decide(&args(&["use=web&ops=minimal", "--format", "markdown"])).unwrap();
    assert!(out.contains("answers **App Runner**"), "{out}");
    assert!(out.contains("## Ranking") && out.contains("## Ruled out"));
    assert!(out.contains("apprunner-availability-change"));
}

#[test]
fn misuse_is_an_error() {
    assert!(decide(&args(&[])).is_err());
    assert!(decide(&args(&["a", "b"])).is_err());
    assert!(decide(&args(&["v=1", "--format", "csv"])).is_err());
}
