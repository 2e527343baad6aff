//! The decision engine: which platform fits a Scenario's workload and
//! requirements, and why.
//!
//! It shows, in order: what the reference document's own rule and matrix say
//! ([`guide`]); what rules platforms out today, each with its AWS source
//! ([`constraints`]); a ranking of the rest on six weighted criteria, with
//! the cost criterion taken from the cost engine for this very workload
//! ([`score`]); and the smallest change of requirements that would change the
//! answer ([`flips`]). Nothing here panics on any input.

pub mod constraints;
mod facts;
mod fit;
pub mod flips;
pub mod guide;
mod rules;
pub mod score;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::cost::{self, CostReport, Platform, Status};
use crate::requirements::Requirements;
use crate::scenario::Scenario;

pub use constraints::Exclusion;
pub use flips::Flip;
pub use guide::GuideMatrix;
pub use score::{Criteria, Weights};

/// The document's rule evaluated on the requirements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuideRule {
    /// What the document's function returns, verbatim ("ECS with Fargate").
    pub platform: &'static str,
    /// The platform Berth reads that as.
    pub id: Platform,
    /// The conditions it tested, in order.
    pub path: Vec<String>,
    /// Where today's answer differs from the document's, and why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub modern: Option<String>,
}

/// A platform ruled out, with every reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Excluded {
    /// Which platform.
    pub id: Platform,
    /// Display name.
    pub name: &'static str,
    /// Why, each with its source.
    pub reasons: Vec<Exclusion>,
}

/// A platform that can take the workload, scored.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Ranked {
    /// Which platform.
    pub id: Platform,
    /// Display name.
    pub name: &'static str,
    /// Weighted total, 0–10.
    pub score: f64,
    /// The score on each criterion, 0–10.
    pub criteria: Criteria,
    /// USD per month for this workload, from the cost engine.
    pub monthly_usd: f64,
    /// Plain sentences behind the scores.
    pub reasons: Vec<String>,
}

/// Everything the engine says about one Scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    /// The document's `choose_container_platform`, with its path.
    pub guide_rule: GuideRule,
    /// The document's matrix row for the use case.
    pub guide_matrix: GuideMatrix,
    /// Platforms ruled out, in [`Platform::ALL`] order.
    pub excluded: Vec<Excluded>,
    /// Platforms nothing rules out but the book has no price for in the
    /// region yet (not ruled out: priced once the data is there).
    pub unpriced: Vec<Excluded>,
    /// The others, best first; ties keep [`Platform::ALL`] order.
    pub ranking: Vec<Ranked>,
    /// What would change the top two.
    pub flips: Vec<Flip>,
    /// The criteria weights used.
    pub weights: Weights,
}

/// Decides for a Scenario with its own requirements.
pub fn decide(scenario: &Scenario) -> Decision {
    let scenario = &*scenario.workload();
    let report = cost::evaluate(scenario);
    let sizes = constraints::sizes(scenario);
    let req = &scenario.requirements;
    let (excluded, ranking) = rank(req, scenario, &report, &sizes);
    let (unpriced, excluded): (Vec<Excluded>, Vec<Excluded>) =
        excluded.into_iter().partition(|x| {
            x.reasons
                .iter()
                .all(|r| r.constraint == "cost" && cost::is_missing_price(&r.reason))
        });
    let flips = flips::flips(req, scenario, &report, &sizes, &ranking);
    let (answer, path) = guide::choose(req.k8s, req.ops, req.cost, req.cx);
    let modern = modern_note(answer, &excluded, &ranking);
    Decision {
        guide_rule: GuideRule {
            platform: answer.text(),
            id: answer.platform(),
            path,
            modern,
        },
        guide_matrix: guide::matrix(req.use_case),
        excluded,
        unpriced,
        ranking,
        flips,
        weights: score::weights(req),
    }
}

/// Splits the platforms into excluded and ranked for some requirements.
pub(crate) fn rank(
    req: &Requirements,
    scenario: &Scenario,
    report: &CostReport,
    sizes: &[(Platform, Exclusion)],
) -> (Vec<Excluded>, Vec<Ranked>) {
    let mut excluded = Vec::new();
    let mut candidates = Vec::new();
    for platform in Platform::ALL {
        let mut reasons = constraints::exclusions(req, scenario, sizes, platform);
        match report.get(platform) {
            Some(c) if c.status != Status::Unavailable && c.monthly_usd.is_finite() => {
                if reasons.is_empty() {
                    candidates.push((platform, c.monthly_usd));
                }
            }
            other => reasons.push(Exclusion {
                constraint: "cost",
                reason: other
                    .and_then(|c| c.reason.clone())
                    .unwrap_or_else(|| "the cost engine could not price it".to_string()),
                source: "Berth's cost engine and price book (core/data/SOURCES.md)",
            }),
        }
        if !reasons.is_empty() {
            excluded.push(Excluded {
                id: platform,
                name: platform.name(),
                reasons,
            });
        }
    }
    let cheapest = candidates
        .iter()
        .map(|(_, m)| *m)
        .fold(f64::INFINITY, f64::min);
    let weights = score::weights(req);
    let mut ranking: Vec<Ranked> = candidates
        .into_iter()
        .map(|(platform, monthly)| {
            let (criteria, mut reasons) = score::score(platform, req, monthly, cheapest);
            reasons.extend(modern_reasons(platform, req));
            Ranked {
                id: platform,
                name: platform.name(),
                score: score::total(&criteria, &weights),
                criteria,
                monthly_usd: monthly,
                reasons,
            }
        })
        .collect();
    // Stable sort: equal scores keep Platform::ALL order, so ties are deterministic.
    crate::sort::by(&mut ranking, |a, b| b.score.total_cmp(&a.score));
    (excluded, ranking)
}

/// What the modern line-up offers that the document could not know.
fn modern_reasons(platform: Platform, req: &Requirements) -> Vec<String> {
    use crate::requirements::{CostPriority, Ops};
    let mut out = Vec::new();
    if platform == Platform::EcsExpress {
        out.push("ECS Express Mode is AWS's successor to App Runner, which the document recommends for simple minimal-ops apps".to_string());
    }
    let ec2_economics = req.cost == CostPriority::Critical || req.ops != Ops::Full;
    if ec2_economics && matches!(platform, Platform::EcsManaged | Platform::EksAuto) {
        out.push("EC2 economics without running the instances: the option the document's \"ECS with EC2\" predates".to_string());
    }
    out
}

/// Where a platform stands: `ranked 2nd` or `ruled out`.
fn standing(platform: Platform, ranking: &[Ranked]) -> String {
    match ranking.iter().position(|r| r.id == platform) {
        Some(0) => "ranked first".to_string(),
        Some(1) => "ranked 2nd".to_string(),
        Some(2) => "ranked 3rd".to_string(),
        Some(i) => format!("ranked {}th", i + 1),
        None => "ruled out".to_string(),
    }
}

/// Says where today's answer differs from the document's.
fn modern_note(
    answer: guide::GuideAnswer,
    excluded: &[Excluded],
    ranking: &[Ranked],
) -> Option<String> {
    let first = ranking.first()?;
    let guide = answer.platform();
    let successor = match guide {
        Platform::AppRunner => format!(
            "; its successor, ECS Express Mode, is {} here",
            standing(Platform::EcsExpress, ranking)
        ),
        Platform::EcsEc2 => format!(
            "; for EC2 economics without running instances, ECS Managed Instances is {} and EKS Auto Mode is {}",
            standing(Platform::EcsManaged, ranking),
            standing(Platform::EksAuto, ranking)
        ),
        _ => String::new(),
    };
    if first.id == guide && successor.is_empty() {
        return None;
    }
    if first.id == guide {
        return Some(format!(
            "Berth agrees: {} ranks first{successor}",
            first.name
        ));
    }
    let why = match excluded.iter().find(|e| e.id == guide) {
        Some(e) => e
            .reasons
            .first()
            .map(|r| format!(": {}", r.reason))
            .unwrap_or_default(),
        None => String::new(),
    };
    Some(format!(
        "The guide answers \"{}\" ({} is {}{why}); Berth ranks {} first{successor}",
        answer.text(),
        guide.name(),
        standing(guide, ranking),
        first.name,
    ))
}
