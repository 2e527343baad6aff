//! The performance model: how fast each platform starts tasks and adds
//! capacity, how it bills time, and what a day of the user's traffic does on
//! it.
//!
//! Every latency is a range (low, typical, high) read from
//! `core/data/performance.csv`, compiled by `core/build.rs` like the price
//! book, each row with its source and date. The reference guide's own
//! figures are rows too (origin [`Origin::Guide`]), so the matrix can set
//! them beside the current ones and compute where they disagree.
//!
//! Units: seconds for every time (`_s`), percent 0–100 for shares (`_pct`),
//! requests per second for load (`rps`), USD for money.

mod efficiency;
mod engine;
mod matrix;
mod pool;
mod profile;
mod rows;
mod setup;
mod simulate;
#[cfg(test)]
mod tests;

use serde::Serialize;

use crate::cost::Platform;
use crate::pricebook::Provenance;

pub use crate::sim::{field, Image, SimInputs, Traffic, FIELDS};
pub use efficiency::{efficiency, max_task, Efficiency, MaxTask};
pub use matrix::{matrix, Billing, Check, MatrixRow, Verdict};
pub use profile::{demand, MINUTES};
pub use simulate::{
    headroom_heading, month_heading, simulate, unserved_text, PlatformRun, Series, Simulation,
    UNSERVED_TARGET_PCT,
};

/// What a performance figure measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Task start when the image is already on the host, s.
    StartCached,
    /// Task start pulling a small image (about 250 MB or less), s.
    StartSmall,
    /// Task start pulling a large image (1 GB or more), s.
    StartLarge,
    /// A new instance or node accepting tasks, from the moment tasks could
    /// not be placed (detection, boot, join), s.
    NodeReady,
    /// Time to add capacity when no room is left (the guide's "scaling
    /// speed"); computed for current figures, s.
    ScaleOut,
    /// The task scaler's reaction to higher load, s.
    Reaction,
    /// The same with 20-second (high-resolution) metrics, where the
    /// platform offers them (ECS since 2026-06; they cost extra), s.
    ReactionHighRes,
    /// How long lower load must last before tasks are removed, s.
    ScaleIn,
    /// Billing increment, s.
    BillingIncrement,
    /// Shortest time billed, s.
    BillingMinimum,
    /// Share of paid capacity the workload can use, percent.
    Efficiency,
}

impl Metric {
    /// What it measures, in words.
    pub fn label(self) -> &'static str {
        match self {
            Metric::StartCached => "task start (image cached)",
            Metric::StartSmall => "task start (small image)",
            Metric::StartLarge => "task start (large image)",
            Metric::NodeReady => "new instance ready",
            Metric::ScaleOut => "time to add capacity",
            Metric::Reaction => "scaler reaction",
            Metric::ReactionHighRes => "scaler reaction, 20-second metrics",
            Metric::ScaleIn => "scale-in delay",
            Metric::BillingIncrement => "billing increment",
            Metric::BillingMinimum => "billing minimum",
            Metric::Efficiency => "resource efficiency",
        }
    }
}

/// Whose figure a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The reference guide's figure, kept as written.
    Guide,
    /// A current, sourced figure.
    Current,
}

/// One row of `performance.csv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PerfRow {
    /// Stable id, e.g. `fargate.start_small`.
    pub key: &'static str,
    /// The platforms the figure applies to.
    pub platforms: &'static [Platform],
    /// What it measures.
    pub metric: Metric,
    /// The guide's or a current figure.
    pub origin: Origin,
    /// Best case, in `unit`.
    pub low: f64,
    /// Usual case, in `unit`.
    pub typical: f64,
    /// Worst case, in `unit` (the pessimistic simulation uses it).
    pub high: f64,
    /// `s` or `%`.
    pub unit: &'static str,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

/// A range of one quantity and the data rows it comes from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Best case, in `unit`.
    pub low: f64,
    /// Usual case, in `unit`.
    pub typical: f64,
    /// Worst case, in `unit`.
    pub high: f64,
    /// `s` or `%`.
    pub unit: &'static str,
    /// Keys of the rows it was read or summed from (empty when computed from
    /// the scenario).
    pub keys: Vec<&'static str>,
}

impl Figure {
    /// The figure of one row.
    pub fn of(row: &PerfRow) -> Figure {
        Figure {
            low: row.low,
            typical: row.typical,
            high: row.high,
            unit: row.unit,
            keys: vec![row.key],
        }
    }

    /// One exact value, computed rather than read.
    pub fn exact(value: f64, unit: &'static str) -> Figure {
        Figure {
            low: value,
            typical: value,
            high: value,
            unit,
            keys: Vec::new(),
        }
    }

    /// Two figures in sequence: each bound is the sum.
    pub fn then(&self, next: &Figure) -> Figure {
        let mut keys = self.keys.clone();
        keys.extend(next.keys.iter().copied());
        Figure {
            low: self.low + next.low,
            typical: self.typical + next.typical,
            high: self.high + next.high,
            unit: self.unit,
            keys,
        }
    }

    /// The typical value, or the high one when `pessimistic`.
    pub fn pick(&self, pessimistic: bool) -> f64 {
        if pessimistic {
            self.high
        } else {
            self.typical
        }
    }
}

/// Every row of `performance.csv`, in file order.
pub fn rows() -> &'static [PerfRow] {
    &rows::PERF_ROWS
}

/// The current figure for a platform and metric, if the data has one.
pub fn current(platform: Platform, metric: Metric) -> Option<&'static PerfRow> {
    rows().iter().find(|r| {
        r.origin == Origin::Current && r.metric == metric && r.platforms.contains(&platform)
    })
}

/// The guide's figure for a platform and metric, if the guide gives one.
pub fn guide(platform: Platform, metric: Metric) -> Option<&'static PerfRow> {
    rows().iter().find(|r| {
        r.origin == Origin::Guide && r.metric == metric && r.platforms.contains(&platform)
    })
}

/// False for the platforms the simulation cannot run yet: Lambda Managed
/// Instances, whose start and scaling latencies no source Berth has gives
/// (AWS says new capacity doubles within five minutes and requests wait
/// for no cold start). The matrix shows what is known of them.
pub fn simulated(platform: Platform) -> bool {
    platform != Platform::LambdaManaged
}

/// Why [`simulated`] is false, in the simulation's words.
pub const NOT_SIMULATED: &str =
    "not simulated yet: no source gives its start and scaling latencies";

/// True for the platforms that run tasks on EC2 instances Berth counts.
pub fn ec2_backed(platform: Platform) -> bool {
    matches!(
        platform,
        Platform::EcsEc2 | Platform::EcsManaged | Platform::EksEc2 | Platform::EksAuto
    )
}
