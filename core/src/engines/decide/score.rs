//! Berth's own scoring: six criteria per platform, 0–10 each (10 best),
//! weighted by the requirements. Every fixed judgment is a named constant or
//! a row of [`super::facts`] with the reason for its value.

use serde::Serialize;

use crate::cost::{usd, Platform};
use crate::decimal::fixed;
use crate::requirements::{CostPriority, Ops, Requirements};

use super::facts::facts;
use super::fit::fit;

/// One platform's score on each criterion, 0–10 (10 best).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Criteria {
    /// Operational overhead left to the team (10 = none).
    pub ops: f64,
    /// Monthly cost for this workload against the cheapest candidate.
    pub cost: f64,
    /// Fit for the use case (the document's matrix where it has a cell).
    pub fit: f64,
    /// How well the team's skills carry over.
    pub skills: f64,
    /// Isolation between tasks (10 = a VM boundary per task).
    pub isolation: f64,
    /// Scaling behaviour (speed; scale to zero when asked for).
    pub scaling: f64,
}

/// The six criteria in display order: key, label and what a 10 means —
/// the legend of the score chips.
pub const LEGEND: [(&str, &str, &str); 6] = [
    (
        "ops",
        "Ops",
        "operational work left to your team; 10 = none",
    ),
    (
        "cost",
        "Cost",
        "this workload's monthly cost against the cheapest that fits; 10 = the cheapest",
    ),
    (
        "fit",
        "Fit",
        "fit for the use case, from the guide's matrix where it has a cell",
    ),
    ("skills", "Skills", "how well your team's skills carry over"),
    (
        "isolation",
        "Isolation",
        "isolation between tasks; 10 = a virtual machine per task",
    ),
    (
        "scaling",
        "Scaling",
        "how fast it adds capacity, and scale to zero when asked for",
    ),
];

impl Criteria {
    /// The scores in [`LEGEND`] order.
    pub fn values(&self) -> [f64; 6] {
        [
            self.ops,
            self.cost,
            self.fit,
            self.skills,
            self.isolation,
            self.scaling,
        ]
    }
}

/// How much each criterion counts for these requirements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Weights {
    /// Weight of `ops`.
    pub ops: f64,
    /// Weight of `cost`.
    pub cost: f64,
    /// Weight of `fit`.
    pub fit: f64,
    /// Weight of `skills`.
    pub skills: f64,
    /// Weight of `isolation`.
    pub isolation: f64,
    /// Weight of `scaling`.
    pub scaling: f64,
}

/// Skills score of a Kubernetes platform for a team that runs Kubernetes,
/// and for one that does not (a steep learning curve and a cluster to run).
const K8S_SKILLED: f64 = 10.0;
const K8S_UNSKILLED: f64 = 3.0;
/// Fit always counts this much: it is the document's main axis.
const FIT_WEIGHT: f64 = 2.0;
/// Skills count least: teams learn, but slowly.
const SKILLS_WEIGHT: f64 = 1.0;
/// Isolation matters a little to everyone, a lot when asked for.
const ISOLATION_WEIGHT: (f64, f64) = (0.5, 2.0);
/// Scaling matters more when the workload should scale to zero.
const SCALING_WEIGHT: (f64, f64) = (1.0, 2.0);
/// Ops and cost weights by level (minimal/critical, moderate/balanced,
/// full/flexible): a team that accepts minimal overhead, or for which cost is
/// critical, wants that criterion to outweigh fit and skills together.
const LEVEL_WEIGHTS: [f64; 3] = [5.0, 2.0, 1.0];
/// Cost points lost per percent above the cheapest candidate: a platform 40%
/// dearer scores 0. Steep on purpose: a ratio score (cheapest ÷ this) would
/// give a 20% dearer platform 8.3 of 10 and hide real money.
const COST_POINTS_PER_PCT: f64 = 0.25;

/// The weights for these requirements.
pub fn weights(req: &Requirements) -> Weights {
    let level = |i: usize| LEVEL_WEIGHTS.get(i).copied().unwrap_or(1.0);
    let ops = Ops::ALL.iter().position(|o| *o == req.ops).unwrap_or(1);
    let cost = CostPriority::ALL
        .iter()
        .position(|c| *c == req.cost)
        .unwrap_or(1);
    let pick = |(off, on): (f64, f64), flag: bool| if flag { on } else { off };
    Weights {
        ops: level(ops),
        cost: level(cost),
        fit: FIT_WEIGHT,
        skills: SKILLS_WEIGHT,
        isolation: pick(ISOLATION_WEIGHT, req.iso),
        scaling: pick(SCALING_WEIGHT, req.zero),
    }
}

/// The weighted mean of the criteria, 0–10, rounded to 0.01.
pub fn total(c: &Criteria, w: &Weights) -> f64 {
    let pairs = [
        (c.ops, w.ops),
        (c.cost, w.cost),
        (c.fit, w.fit),
        (c.skills, w.skills),
        (c.isolation, w.isolation),
        (c.scaling, w.scaling),
    ];
    let weight: f64 = pairs.iter().map(|(_, w)| w).sum();
    let sum: f64 = pairs.iter().map(|(s, w)| s * w).sum();
    if weight > 0.0 {
        round2(sum / weight)
    } else {
        0.0
    }
}

fn round2(x: f64) -> f64 {
    if x.is_finite() {
        (x * 100.0).round() / 100.0
    } else {
        0.0
    }
}

/// Cost score: the cheapest candidate scores 10, less
/// [`COST_POINTS_PER_PCT`] per percent above it.
fn cost(monthly: f64, cheapest: f64) -> (f64, String) {
    if monthly.is_nan() || monthly <= cheapest || monthly <= 0.0 {
        let why = format!(
            "{}/month for this workload, the cheapest candidate",
            usd(monthly.max(0.0))
        );
        return (10.0, why);
    }
    let above_pct = if cheapest > 0.0 {
        (monthly / cheapest - 1.0) * 100.0
    } else {
        f64::INFINITY
    };
    let score = round2((10.0 - above_pct * COST_POINTS_PER_PCT).max(0.0));
    let above = if above_pct.is_finite() {
        format!("{}% above", fixed(above_pct, 0))
    } else {
        "above".to_string()
    };
    let why = format!(
        "{}/month for this workload, {above} the cheapest candidate ({})",
        usd(monthly),
        usd(cheapest)
    );
    (score, why)
}

/// One platform's criteria and the sentences behind them.
pub fn score(
    platform: Platform,
    req: &Requirements,
    monthly: f64,
    cheapest: f64,
) -> (Criteria, Vec<String>) {
    let Some(f) = facts(platform) else {
        let zero = Criteria {
            ops: 0.0,
            cost: 0.0,
            fit: 0.0,
            skills: 0.0,
            isolation: 0.0,
            scaling: 0.0,
        };
        return (zero, Vec::new());
    };
    let (cost_score, cost_why) = cost(monthly, cheapest);
    let (fit_score, fit_why) = fit(platform, req);
    let skills = match (f.kubernetes, req.kexp) {
        (true, true) => K8S_SKILLED,
        (true, false) => K8S_UNSKILLED,
        (false, _) => f.skills,
    };
    let scaling = if req.zero { f.zero } else { f.speed };
    let mut reasons = vec![
        capitalise(&cost_why),
        capitalise(f.ops_note),
        capitalise(&fit_why),
    ];
    if f.kubernetes {
        reasons.push(
            if req.kexp {
                "The team already runs Kubernetes"
            } else {
                "The team would have to learn and run Kubernetes"
            }
            .to_string(),
        );
    }
    if req.zero {
        reasons.push(match platform {
            Platform::Lambda => "Scales to zero: idle costs nothing",
            Platform::LambdaManaged => "Never scales to zero: three instances at least, always running",
            Platform::AppRunner => "Idles at provisioned memory rather than zero",
            _ => "Does not scale to zero on its own: a scheduler or event-driven autoscaler must set the task count to 0 and back",
        }.to_string());
    }
    let criteria = Criteria {
        ops: round2(10.0 - f.burden),
        cost: cost_score,
        fit: fit_score,
        skills,
        isolation: f.isolation,
        scaling,
    };
    (criteria, reasons)
}

/// Upper-cases the first letter. Reasons are Berth's own ASCII text, so the
/// ASCII form does, and keeps Unicode's case tables (~26 KB) out of the page.
fn capitalise(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
