//! Decision engine tests: the document's rule against a literal
//! transcription for every input, its matrix against the table's text, one
//! table test per hard constraint, then properties over generated inputs.

use super::*;
use crate::requirements::{Complexity, CostPriority, Ops, UseCase};

/// The reference document's function, transcribed literally.
fn choose_container_platform(
    kubernetes_required: bool,
    operational_overhead: &str,
    cost_optimization: &str,
    complexity: &str,
) -> &'static str {
    if kubernetes_required {
        "Amazon EKS"
    } else if operational_overhead == "minimal" {
        if complexity == "high" {
            "AWS Fargate"
        } else {
            "App Runner"
        }
    } else if cost_optimization == "critical" {
        "ECS with EC2"
    } else {
        "ECS with Fargate"
    }
}

#[test]
fn the_rule_matches_the_document_for_every_combination_of_its_inputs() {
    let mut seen = 0;
    for k8s in [false, true] {
        for ops in Ops::ALL {
            for cost in CostPriority::ALL {
                for cx in Complexity::ALL {
                    let want = choose_container_platform(k8s, ops.key(), cost.key(), cx.key());
                    let (answer, path) = guide::choose(k8s, ops, cost, cx);
                    assert_eq!(answer.text(), want, "{k8s} {ops:?} {cost:?} {cx:?}");
                    assert!(!path.is_empty() && path.len() <= 3);
                    let q = format!(
                        "k8s={}&ops={}&cost={}&cx={}",
                        u8::from(k8s),
                        ops.key(),
                        cost.key(),
                        cx.key()
                    );
                    let d = decide(&Scenario::from_query(&q).0);
                    assert_eq!(d.guide_rule.platform, want, "{q}");
                    seen += 1;
                }
            }
        }
    }
    assert_eq!(seen, 2 * 3 * 3 * 2);
}

/// The document's matrix, as its markdown reads.
const MATRIX_TEXT: &str = "
| **Simple web apps** | ❌ | ✅ | ❌ | ✅ |
| **Microservices** | ✅ | ✅ | ✅ | ❌ |
| **Batch processing** | ✅ | ✅ | ✅ | ❌ |
| **Machine learning** | ✅ | ✅ | ✅ | ❌ |
| **Legacy applications** | ✅ | ❌ | ❌ | ❌ |
| **Kubernetes required** | ❌ | ❌ | ✅ | ❌ |
| **Minimal ops overhead** | ❌ | ✅ | ❌ | ✅ |
| **Cost optimization** | ✅ | ⚠️ | ✅ | ⚠️ |";

#[test]
fn the_matrix_matches_the_document_table() {
    let rows: Vec<Vec<&str>> = MATRIX_TEXT
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| {
            l.split('|')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), guide::MATRIX.len());
    for (text, row) in rows.iter().zip(guide::MATRIX.iter()) {
        assert_eq!(text[0].trim_matches('*'), row.label);
        let cells: Vec<&str> = row
            .cells
            .iter()
            .map(|c| match c {
                guide::Cell::Yes => "✅",
                guide::Cell::No => "❌",
                guide::Cell::Caution => "⚠️",
            })
            .collect();
        assert_eq!(&text[1..], cells.as_slice(), "{}", row.label);
    }
    assert!(guide::row(UseCase::Event).is_none());
    assert_eq!(
        decide(&Scenario::from_query("use=event").0)
            .guide_matrix
            .row,
        None
    );
}

#[test]
fn the_cheapest_candidate_gets_the_full_cost_score() {
    let d = decide(&Scenario::from_query("preset=web-app").0);
    let cheapest = d
        .ranking
        .iter()
        .map(|r| r.monthly_usd)
        .fold(f64::INFINITY, f64::min);
    for r in &d.ranking {
        let full = r.monthly_usd <= cheapest;
        assert_eq!(
            r.criteria.cost == 10.0,
            full,
            "{} {}",
            r.name,
            r.criteria.cost
        );
    }
    let report = cost::evaluate(&Scenario::from_query("preset=web-app").0);
    for r in &d.ranking {
        assert_eq!(Some(r.monthly_usd), report.get(r.id).map(|c| c.monthly_usd));
    }
}

#[test]
fn the_documents_app_runner_answer_points_to_express_mode() {
    let d = decide(&Scenario::from_query("use=web&ops=minimal").0);
    assert_eq!(d.guide_rule.platform, "App Runner");
    let modern = d.guide_rule.modern.as_deref().unwrap();
    assert!(
        modern.contains("ruled out") && modern.contains("successor, ECS Express Mode, is ranked"),
        "{modern}"
    );
    let express = d
        .ranking
        .iter()
        .find(|r| r.id == Platform::EcsExpress)
        .unwrap();
    assert!(express
        .reasons
        .iter()
        .any(|r| r.contains("successor to App Runner")));
}

#[test]
fn critical_cost_names_ec2_economics_without_servers() {
    let d = decide(&Scenario::from_query("preset=microservices&cost=critical").0);
    assert_eq!(d.guide_rule.platform, "ECS with EC2");
    let managed = d
        .ranking
        .iter()
        .find(|r| r.id == Platform::EcsManaged)
        .unwrap();
    assert!(managed.reasons.iter().any(|r| r.contains("EC2 economics")));
}

#[test]
fn flips_name_a_change_that_really_changes_the_first() {
    for query in [
        "",
        "preset=microservices",
        "preset=guide-large&ops=full",
        "use=event&req=1e7&dur=50",
    ] {
        let s = Scenario::from_query(query).0;
        let d = decide(&s);
        assert!(!d.flips.is_empty(), "{query}");
        for f in &d.flips {
            let mut changed = s.clone();
            let field = crate::requirements::field(f.key).unwrap();
            (field.set)(&mut changed.requirements, &f.to).unwrap();
            let after = decide(&changed);
            assert_eq!(after.ranking[0].id, f.new_first, "{query}: {}", f.text);
            assert!(f.text.starts_with("If "), "{}", f.text);
            if f.rank == 2 {
                assert_eq!(f.new_first, f.platform);
            } else {
                assert_ne!(f.new_first, f.platform);
            }
        }
    }
}

mod constraints;
mod props;

#[test]
fn every_reason_starts_with_a_capital_and_keeps_its_text() {
    for query in [
        "preset=web-app",
        "use=ml&gpu=1",
        "use=legacy&win=1",
        "k8s=1&kexp=1",
    ] {
        let d = decide(&Scenario::from_query(query).0);
        for r in &d.ranking {
            for reason in &r.reasons {
                let first = reason.chars().next().unwrap();
                assert!(!first.is_lowercase(), "{query} {}: {reason}", r.name);
                // Only the first letter changes: the rest is the source text.
                assert!(
                    reason[1..].chars().any(|c| c.is_ascii_lowercase()),
                    "{reason}"
                );
            }
        }
    }
    // The document's row label is quoted in lower case.
    let d = decide(&Scenario::from_query("use=ml").0);
    assert!(
        d.ranking
            .iter()
            .flat_map(|r| &r.reasons)
            .any(|r| r.contains("for machine learning")),
        "{:?}",
        d.ranking.iter().map(|r| &r.reasons).collect::<Vec<_>>()
    );
}

/// Issue 14: missing price data made ECS Managed Instances and EKS Auto
/// Mode look ruled out in Ireland; they are "no price yet", not excluded.
#[test]
fn a_platform_without_a_price_yet_is_not_ruled_out() {
    let (s, _) = Scenario::from_query("region=eu-west-1");
    let d = decide(&s);
    let unpriced: Vec<Platform> = d.unpriced.iter().map(|x| x.id).collect();
    assert!(unpriced.contains(&Platform::EcsManaged), "{unpriced:?}");
    assert!(unpriced.contains(&Platform::EksAuto), "{unpriced:?}");
    assert!(d.excluded.iter().all(|x| !unpriced.contains(&x.id)));
    assert!(d.ranking.iter().all(|r| !unpriced.contains(&r.id)));
    // A requirement that rules a platform out still does, priced or not.
    let (gpu, _) = Scenario::from_query("region=eu-west-1&gpu=1");
    let d = decide(&gpu);
    assert!(d.excluded.iter().any(|x| x.id == Platform::EcsFargate));
}

#[test]
fn each_change_that_flips_the_answer_is_said_once() {
    for q in [
        "",
        "preset=microservices",
        "use=k8s",
        "ops=full&cost=critical",
        "preset=guide-small",
    ] {
        let (s, _) = Scenario::from_query(q);
        let d = decide(&s);
        for (i, a) in d.flips.iter().enumerate() {
            for b in d.flips.iter().skip(i + 1) {
                assert!(
                    !(a.key == b.key && a.to == b.to && a.new_first == b.new_first),
                    "{q}: {} / {}",
                    a.text,
                    b.text
                );
            }
        }
    }
}
