//! The performance matrix: per platform, how fast tasks start, how fast
//! capacity is added, how time is billed, the largest task and the
//! workload's efficiency, with the guide's figures checked against the
//! current ones.

use serde::Serialize;

use crate::cost::Platform;
use crate::scenario::Scenario;

use super::efficiency::{efficiency, max_task, Efficiency, MaxTask};
use super::{current, ec2_backed, rows, Figure, Metric, Origin};
use crate::sim::{Image, SimInputs};

/// How a platform bills time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Billing {
    /// Billing increment, s.
    pub increment_s: f64,
    /// Shortest time billed, s.
    pub minimum_s: f64,
    /// The data rows these come from.
    pub keys: Vec<&'static str>,
}

/// How a guide figure compares with the current one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// The current typical value lies inside the guide's range.
    Agrees,
    /// The ranges overlap, but the current typical value lies outside the
    /// guide's range.
    Overlaps,
    /// The ranges do not overlap.
    Disagrees,
}

impl Verdict {
    /// Compares a current figure with the guide's.
    pub fn of(guide: &Figure, current: &Figure) -> Verdict {
        if current.high < guide.low || current.low > guide.high {
            Verdict::Disagrees
        } else if (guide.low..=guide.high).contains(&current.typical) {
            Verdict::Agrees
        } else {
            Verdict::Overlaps
        }
    }
}

/// One guide figure beside the current one.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Check {
    /// What is compared.
    pub metric: Metric,
    /// The guide's range.
    pub guide: Figure,
    /// The current range (read, summed, or computed for the scenario).
    pub current: Figure,
    /// How they compare.
    pub verdict: Verdict,
}

/// One platform's row of the matrix.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MatrixRow {
    /// Which platform.
    pub id: Platform,
    /// Display name.
    pub name: &'static str,
    /// Task start with the image already on the host, s (`None` where every
    /// task pulls its image: Fargate, App Runner, Lambda).
    pub start_cached: Option<Figure>,
    /// Task start pulling a small image, s.
    pub start_small: Option<Figure>,
    /// Task start pulling a large image, s.
    pub start_large: Option<Figure>,
    /// Time to add capacity when no room is left, for the inputs' image
    /// class, s: a new instance plus the task start on it (EC2-backed), or
    /// a task start.
    pub add_capacity: Option<Figure>,
    /// The task scaler's reaction to more load, s.
    pub reaction: Option<Figure>,
    /// The same with 20-second metrics, where offered (ECS), s.
    pub reaction_high_res: Option<Figure>,
    /// Billing granularity.
    pub billing: Option<Billing>,
    /// The largest task.
    pub max_task: MaxTask,
    /// The scenario's efficiency (`None` when the platform cannot take it).
    pub efficiency: Option<Efficiency>,
    /// The guide's figures for this platform against the current ones.
    pub checks: Vec<Check>,
}

fn read(p: Platform, metric: Metric) -> Option<Figure> {
    current(p, metric).map(Figure::of)
}

/// Time to add capacity when full, for an image class.
pub(crate) fn add_capacity(p: Platform, img: Image) -> Option<Figure> {
    let start = read(
        p,
        match img {
            Image::Small => Metric::StartSmall,
            Image::Large => Metric::StartLarge,
        },
    )?;
    if ec2_backed(p) {
        Some(read(p, Metric::NodeReady)?.then(&start))
    } else {
        Some(start)
    }
}

/// The matrix for `scenario`'s workload, one row per platform in
/// [`Platform::ALL`] order.
pub fn matrix(scenario: &Scenario, inputs: &SimInputs) -> Vec<MatrixRow> {
    let scenario = &*scenario.workload();
    Platform::ALL
        .into_iter()
        .map(|p| {
            let efficiency = efficiency(scenario, p);
            let add = add_capacity(p, inputs.img);
            let billing = read(p, Metric::BillingIncrement)
                .zip(read(p, Metric::BillingMinimum))
                .map(|(inc, min)| Billing {
                    increment_s: inc.typical,
                    minimum_s: min.typical,
                    keys: inc.keys.into_iter().chain(min.keys).collect(),
                });
            let checks = checks(p, add.as_ref(), efficiency.as_ref());
            MatrixRow {
                id: p,
                name: p.name(),
                start_cached: read(p, Metric::StartCached),
                start_small: read(p, Metric::StartSmall),
                start_large: read(p, Metric::StartLarge),
                add_capacity: add,
                reaction: read(p, Metric::Reaction),
                reaction_high_res: read(p, Metric::ReactionHighRes),
                billing,
                max_task: max_task(p),
                efficiency,
                checks,
            }
        })
        .collect()
}

/// Every guide figure for `p` against the current one it speaks of.
fn checks(p: Platform, add: Option<&Figure>, eff: Option<&Efficiency>) -> Vec<Check> {
    rows()
        .iter()
        .filter(|r| r.origin == Origin::Guide && r.platforms.contains(&p))
        .filter_map(|g| {
            let current = match g.metric {
                Metric::ScaleOut => add.cloned(),
                Metric::Efficiency => eff.map(|e| Figure::exact(e.pct, "%")),
                m => read(p, m),
            }?;
            let guide = Figure::of(g);
            Some(Check {
                metric: g.metric,
                verdict: Verdict::of(&guide, &current),
                guide,
                current,
            })
        })
        .collect()
}
