//! One table test per hard constraint: each rules out exactly the
//! platforms it should, names its source, and soft requirements rule out
//! nothing.

use super::super::*;

/// Lambda is priced only for a request-driven workload; give it one so that
/// only the constraint under test can exclude it.
const PRICED: &str = "req=1000000&dur=100";

fn tagged(query: &str, constraint: &str) -> Vec<&'static str> {
    let (s, n) = Scenario::from_query(&format!("{PRICED}&{query}"));
    assert!(n.is_empty(), "{query}: {n:?}");
    let d = decide(&s);
    d.excluded
        .iter()
        .filter(|e| e.reasons.iter().any(|r| r.constraint == constraint))
        .map(|e| e.id.id())
        .collect()
}

#[test]
fn each_hard_constraint_excludes_exactly_its_platforms() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "gpu=1",
            "gpu",
            &[
                "ecs-fargate",
                "ecs-express",
                "eks-fargate",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        (
            "win=1",
            "win",
            &[
                "ecs-managed",
                "eks-auto",
                "eks-fargate",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        (
            "svc=w~1~1~2~x86~windows",
            "win",
            &[
                "ecs-managed",
                "eks-auto",
                "eks-fargate",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        (
            "priv=1",
            "priv",
            &[
                "ecs-fargate",
                "ecs-express",
                "eks-fargate",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        (
            "stateful=1",
            "stateful",
            &["eks-fargate", "app-runner", "lambda", "lambda-managed"],
        ),
        (
            "stateful=1&win=1",
            "stateful",
            &[
                "ecs-fargate",
                "eks-fargate",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        (
            "iso=1",
            "iso",
            &[
                "ecs-ec2",
                "ecs-managed",
                "eks-ec2",
                "eks-auto",
                "lambda-managed",
            ],
        ),
        (
            "k8s=1",
            "k8s",
            &[
                "ecs-fargate",
                "ecs-ec2",
                "ecs-managed",
                "ecs-express",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        ("long=1", "long", &["lambda", "lambda-managed"]),
        ("", "legacy", &["app-runner"]),
        (
            "svc=a~1~16~120",
            "size",
            &["eks-fargate", "app-runner", "lambda", "lambda-managed"],
        ),
        // ECS on Fargate has 32 vCPU tasks (60, 120 or 244 GiB); EKS on
        // Fargate stops at 16 vCPU.
        (
            "svc=a~1~17~8",
            "size",
            &["eks-fargate", "app-runner", "lambda-managed"],
        ),
        (
            "svc=a~1~32~245",
            "size",
            &[
                "ecs-fargate",
                "ecs-express",
                "eks-fargate",
                "app-runner",
                "lambda",
                "lambda-managed",
            ],
        ),
        ("svc=a~1~4~12", "size", &["lambda"]),
        ("svc=a~1~1~10", "size", &[]),
    ];
    for (query, constraint, want) in cases {
        assert_eq!(tagged(query, constraint), *want, "{query}");
    }
    // Soft requirements rule nothing out.
    for query in [
        "zero=1",
        "kexp=1",
        "ops=minimal",
        "cost=critical",
        "cx=high",
        "use=legacy",
    ] {
        let d = decide(&Scenario::from_query(&format!("{PRICED}&{query}")).0);
        let ids: Vec<&str> = d.excluded.iter().map(|e| e.id.id()).collect();
        assert_eq!(ids, ["app-runner"], "{query}");
    }
}

#[test]
fn every_exclusion_names_its_source() {
    let d = decide(
        &Scenario::from_query("gpu=1&win=1&priv=1&stateful=1&iso=1&long=1&svc=a~1~17~130").0,
    );
    for e in &d.excluded {
        for r in &e.reasons {
            assert!(!r.source.is_empty() && !r.reason.is_empty(), "{e:?}");
        }
    }
}

#[test]
fn a_platform_the_cost_engine_cannot_price_is_excluded_with_its_reason() {
    let d = decide(&Scenario::default());
    let lambda = d
        .excluded
        .iter()
        .find(|e| e.id == Platform::Lambda)
        .unwrap();
    assert_eq!(lambda.reasons[0].constraint, "cost");
    assert!(
        lambda.reasons[0].reason.contains("requests per month"),
        "{lambda:?}"
    );
}
