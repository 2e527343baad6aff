//! Break-even: cost against task count for the first service's shape, and
//! the task counts at which the cheaper platform changes.
//!
//! Fast by construction: each platform's cost is reduced once to a curve
//! (an affine function for per-task billing; a minimum of step functions for
//! EC2 fleets), then evaluated per point without re-running the models.
//! Tests check every curve against the full model.

use serde::Serialize;

use crate::scenario::Scenario;

use super::ec2::{fleet_size, unit_costs, Kind};
use super::prices::Prices;
use super::{evaluate_platform, Platform, Status};

/// One platform's cost as a function of the task count.
#[derive(Clone, Debug, PartialEq)]
pub enum Curve {
    /// The platform cannot take the workload.
    Unavailable(String),
    /// `fixed + per_task × n`.
    Affine {
        /// USD per month at 0 tasks.
        fixed: f64,
        /// USD per month per task.
        per_task: f64,
    },
    /// `fixed + min over types of (monthly per instance × fleet(n))`.
    Fleet {
        /// USD per month at 0 tasks (control plane).
        fixed: f64,
        /// Per type: tasks per instance, USD per instance-month.
        types: Vec<(u64, f64)>,
        /// Spare capacity, percent.
        head_pct: f64,
        /// Fewest instances once a task runs (one per availability zone).
        min_instances: u64,
    },
}

impl Curve {
    /// USD per month at `tasks` tasks; `None` when unavailable.
    pub fn at(&self, tasks: u64) -> Option<f64> {
        match self {
            Curve::Unavailable(_) => None,
            Curve::Affine { fixed, per_task } => Some(fixed + per_task * tasks as f64),
            Curve::Fleet {
                fixed,
                types,
                head_pct,
                min_instances,
            } => types
                .iter()
                .map(|&(per, cost)| {
                    let n = fleet_size(tasks.div_ceil(per), *head_pct);
                    cost * if n > 0 { n.max(*min_instances) } else { 0 } as f64
                })
                .min_by(f64::total_cmp)
                .map(|c| fixed + c),
        }
    }
}

/// The workload break-even scales: the first service alone.
pub fn homogeneous(scenario: &Scenario, tasks: u32) -> Scenario {
    let mut s = scenario.clone();
    s.services.truncate(1);
    if let Some(first) = s.services.first_mut() {
        first.tasks = tasks;
        first.copies = 1;
    }
    s
}

/// Reduces a platform's model to a curve over the first service's tasks.
pub fn curve(scenario: &Scenario, platform: Platform) -> Curve {
    let base = homogeneous(scenario, 0);
    if base.services.is_empty() {
        return Curve::Unavailable("no service to scale".to_string());
    }
    if let Some(kind) = Kind::of(platform) {
        return match unit_costs(&base, &Prices::for_scenario(&base), kind) {
            Ok((_, types)) if types.is_empty() => Curve::Unavailable(
                evaluate_platform(&homogeneous(scenario, 1), platform)
                    .reason
                    .unwrap_or_default(),
            ),
            Ok((fixed, types)) => Curve::Fleet {
                fixed,
                types: pareto(types),
                head_pct: base.options.head_pct,
                min_instances: u64::from(base.options.az.max(1)),
            },
            Err(reason) => Curve::Unavailable(reason),
        };
    }
    let zero = evaluate_platform(&base, platform);
    let one = evaluate_platform(&homogeneous(scenario, 1), platform);
    match (zero.status, one.status) {
        (Status::Unavailable, _) => Curve::Unavailable(zero.reason.unwrap_or_default()),
        (_, Status::Unavailable) => Curve::Unavailable(one.reason.unwrap_or_default()),
        _ => Curve::Affine {
            fixed: zero.monthly_usd,
            per_task: one.monthly_usd - zero.monthly_usd,
        },
    }
}

/// Drops types another type beats on both capacity and price.
fn pareto(mut types: Vec<(u64, f64)>) -> Vec<(u64, f64)> {
    crate::sort::by(&mut types, |a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)));
    let mut kept: Vec<(u64, f64)> = Vec::new();
    for t in types {
        if kept.iter().all(|k| t.1 < k.1) {
            kept.push(t);
        }
    }
    kept
}

/// A task count where the cheaper of two platforms changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Crossover {
    /// The first task count at which `cheaper` is cheaper.
    pub tasks: u64,
    /// The platform that is cheaper from here on (until the next crossover).
    pub cheaper: Platform,
}

/// Two platforms' cost curves and where they cross.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEven {
    /// First platform.
    pub a: Platform,
    /// Second platform.
    pub b: Platform,
    /// USD per month for 1..=max tasks (`None` where unavailable).
    pub cost_a: Vec<Option<f64>>,
    /// Likewise for `b`.
    pub cost_b: Vec<Option<f64>>,
    /// Where the cheaper platform changes, in task order.
    pub crossovers: Vec<Crossover>,
}

/// Costs of `a` and `b` for 1..=`max_tasks` tasks of the first service's
/// shape, and the task counts where the cheaper one changes.
pub fn breakeven(scenario: &Scenario, a: Platform, b: Platform, max_tasks: u32) -> BreakEven {
    let (ca, cb) = (curve(scenario, a), curve(scenario, b));
    let cost_a: Vec<Option<f64>> = (1..=u64::from(max_tasks)).map(|n| ca.at(n)).collect();
    let cost_b: Vec<Option<f64>> = (1..=u64::from(max_tasks)).map(|n| cb.at(n)).collect();
    let mut crossovers = Vec::new();
    let mut cheaper: Option<Platform> = None;
    for (i, (x, y)) in cost_a.iter().zip(&cost_b).enumerate() {
        let (Some(x), Some(y)) = (x, y) else { continue };
        // Ties (within a cent) keep the current leader.
        let now = if x + 0.005 < *y {
            a
        } else if y + 0.005 < *x {
            b
        } else {
            continue;
        };
        if cheaper.is_some_and(|c| c != now) {
            crossovers.push(Crossover {
                tasks: i as u64 + 1,
                cheaper: now,
            });
        }
        cheaper = Some(now);
    }
    BreakEven {
        a,
        b,
        cost_a,
        cost_b,
        crossovers,
    }
}
