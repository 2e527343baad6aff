//! The scaling simulation: a day of the user's traffic on every platform
//! (1,440 one-minute steps), what it leaves unserved, what it costs, and
//! the headroom that would serve it.

use serde::Serialize;

use crate::cost::Platform;
use crate::scenario::Scenario;

use super::engine::{self, Day};
use super::profile::demand;
use super::setup::{cost_day, setup, unserved_pct, Price, Setup};
use crate::sim::SimInputs;

/// The unserved share the headroom search aims below, percent.
pub const UNSERVED_TARGET_PCT: f64 = 0.1;
/// Largest headroom searched, percent.
const MAX_HEADROOM_PCT: f64 = 1_000_000.0;
use crate::units::DAYS_PER_MONTH;

/// The heading of the simulation's monthly column: the day scaled to the
/// one month of the cost engine ([`crate::units::HOURS_PER_MONTH`]).
pub fn month_heading() -> String {
    format!("Month (day × {})", crate::decimal::fixed(DAYS_PER_MONTH, 2))
}

/// An unserved share as the page shows it, three decimals: a share above
/// zero that would round to `0.000%` reads `<0.001%`, so it never contradicts
/// the minutes over capacity beside it.
pub fn unserved_text(pct: f64) -> String {
    if pct > 0.0 && pct < 0.0005 {
        "<0.001%".to_string()
    } else {
        format!("{}%", crate::decimal::fixed(pct, 3))
    }
}

/// The heading of the headroom column, from [`UNSERVED_TARGET_PCT`].
pub fn headroom_heading() -> String {
    format!(
        "Headroom for <{}% unserved",
        crate::decimal::shortest(UNSERVED_TARGET_PCT)
    )
}

/// Per-minute series of one platform's day (1,440 values each).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Series {
    /// Tasks running and billed (starting ones included), average per minute.
    pub tasks: Vec<f64>,
    /// Tasks ready to serve, average per minute.
    pub ready_tasks: Vec<f64>,
    /// Requests per second the ready tasks can serve.
    pub capacity_rps: Vec<f64>,
    /// EC2 instances running, average per minute (empty elsewhere).
    pub instances: Vec<f64>,
    /// Requests per second above capacity.
    pub unserved_rps: Vec<f64>,
}

/// One platform's simulated day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlatformRun {
    /// Which platform.
    pub id: Platform,
    /// Display name.
    pub name: &'static str,
    /// Why the platform cannot run the simulation (then every figure is 0).
    pub reason: Option<String>,
    /// Requests not served, percent of the day's demand.
    pub unserved_pct: f64,
    /// Minutes in which some demand was not served.
    pub minutes_over_capacity: u32,
    /// Most tasks at once.
    pub peak_tasks: u64,
    /// Most EC2 instances at once (`None` without instances).
    pub peak_instances: Option<u64>,
    /// USD for the day, billed at the platform's granularity.
    pub cost_usd_day: f64,
    /// The day × [`DAYS_PER_MONTH`] (730 h ÷ 24), USD: the cost engine's month.
    pub cost_usd_month: f64,
    /// Extra task headroom over the scaler's target that brings unserved
    /// demand below [`UNSERVED_TARGET_PCT`], percent (`None`: not reachable).
    pub headroom_for_target_pct: Option<f64>,
    /// What that headroom adds per month, USD (`None` when not priced).
    pub headroom_cost_usd_month: Option<f64>,
    /// Per-minute series.
    pub series: Series,
    /// Assumptions that moved the figures.
    pub notes: Vec<String>,
}

/// Every platform's simulated day.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Simulation {
    /// The inputs used.
    pub inputs: SimInputs,
    /// The service whose shape was simulated.
    pub service: Option<String>,
    /// Demand, requests per second, per minute.
    pub demand_rps: Vec<f64>,
    /// One entry per platform, in [`Platform::ALL`] order.
    pub platforms: Vec<PlatformRun>,
}

/// Simulates a day of `inputs` on every platform for `scenario`'s first
/// service, in its region.
pub fn simulate(scenario: &Scenario, inputs: &SimInputs) -> Simulation {
    let scenario = &*scenario.workload();
    let demand = demand(inputs);
    let platforms = Platform::ALL
        .into_iter()
        .map(|p| match setup(scenario, inputs, p, &demand) {
            Ok(s) => outcome(p, &s, &demand),
            Err(reason) => unavailable(p, reason),
        })
        .collect();
    Simulation {
        inputs: inputs.clone(),
        service: scenario.services.first().map(|s| s.name.clone()),
        demand_rps: demand,
        platforms,
    }
}

fn unavailable(id: Platform, reason: String) -> PlatformRun {
    PlatformRun {
        id,
        name: id.name(),
        reason: Some(reason),
        unserved_pct: 0.0,
        minutes_over_capacity: 0,
        peak_tasks: 0,
        peak_instances: None,
        cost_usd_day: 0.0,
        cost_usd_month: 0.0,
        headroom_for_target_pct: None,
        headroom_cost_usd_month: None,
        series: Series::default(),
        notes: Vec::new(),
    }
}

fn outcome(id: Platform, s: &Setup, demand: &[f64]) -> PlatformRun {
    let day_of = Day::new(&s.plan, demand);
    let run = engine::run(&s.plan, &day_of, 0.0, true);
    let unserved = unserved_pct(&run, demand);
    let day = cost_day(&run, s.price, demand);
    let headroom = headroom(s, &day_of, unserved, day);
    let mut notes = s.notes.clone();
    let headroom_cost = headroom.and_then(|(_, cost)| match s.price {
        Price::Requests { .. } => {
            notes.push("headroom on Lambda is provisioned concurrency, which the price book does not price".to_string());
            None
        }
        _ => Some(((cost - day) * DAYS_PER_MONTH).max(0.0)),
    });
    let over = demand
        .iter()
        .zip(&run.unserved)
        .filter(|(d, u)| **u > 1e-9 * (1.0 + **d))
        .count();
    let per_task = s.plan.per_task_rps;
    PlatformRun {
        id,
        name: id.name(),
        reason: None,
        unserved_pct: unserved,
        minutes_over_capacity: u32::try_from(over).unwrap_or(u32::MAX),
        peak_tasks: run.peak_tasks,
        peak_instances: s.plan.fleet.map(|_| run.peak_instances),
        cost_usd_day: day,
        cost_usd_month: day * DAYS_PER_MONTH,
        headroom_for_target_pct: headroom.map(|(pct, _)| pct),
        headroom_cost_usd_month: headroom_cost,
        series: Series {
            capacity_rps: run.ready.iter().map(|r| r * per_task).collect(),
            tasks: run.tasks,
            ready_tasks: run.ready,
            instances: run.instances,
            unserved_rps: run.unserved,
        },
        notes,
    }
}

/// The least whole-percent headroom giving unserved below the target, and
/// the day's cost with it; `None` when it cannot be reached.
pub(super) fn headroom(
    s: &Setup,
    day: &Day,
    base_unserved: f64,
    base_day: f64,
) -> Option<(f64, f64)> {
    if base_unserved < UNSERVED_TARGET_PCT {
        return Some((0.0, base_day));
    }
    let demand = day.demand;
    let at = |pct: f64| {
        let run = engine::run(&s.plan, day, pct, false);
        (
            unserved_pct(&run, demand) < UNSERVED_TARGET_PCT,
            cost_day(&run, s.price, demand),
        )
    };
    // Enough headroom that the quietest minute's tasks already serve the
    // peak: nothing is ever short, so the search has a passing upper end.
    let (lo_d, hi_d) = demand
        .iter()
        .fold((f64::MAX, 0.0_f64), |(l, h), &d| (l.min(d), h.max(d)));
    let quiet = (lo_d / s.plan.per_task_target_rps).max(s.plan.min_tasks);
    let full = if quiet > 0.0 {
        (100.0 * ((hi_d / s.plan.per_task_rps + 1.0) / quiet - 1.0)).ceil()
    } else {
        MAX_HEADROOM_PCT
    };
    let (mut lo, mut hi) = (0.0, full.clamp(1.0, MAX_HEADROOM_PCT));
    let mut best = match at(hi) {
        (true, cost) => (hi, cost),
        _ => return None,
    };
    while hi - lo > 1.0 {
        let mid = ((lo + hi) / 2.0).floor();
        match at(mid) {
            (true, cost) => {
                hi = mid;
                best = (mid, cost);
            }
            _ => lo = mid,
        }
    }
    Some(best)
}
