//! berth-core: the whole of Berth's domain, with no web dependencies.
//!
//! It owns the [`Scenario`] (the single source of truth a user edits), its URL
//! codec, the [`Action`]s that edit it, and — in later modules — the dated
//! price book and the cost models. The web app and the CLI are thin wrappers
//! that render or print what this crate computes.
//!
//! Conventions used throughout (as egui states its own up front):
//! - Money is US dollars (`usd`), as `f64`, never rounded inside a model;
//!   rounding happens only when a figure is displayed.
//! - Time: prices are per hour (`usd_per_hour`); a month is
//!   [`HOURS_PER_MONTH`] hours, the convention AWS pricing pages use.
//! - Memory: user-facing sizes are GiB (`memory_gib`); packing arithmetic
//!   is done in MiB (`memory_mib`). AWS's "GB" in Fargate and Lambda
//!   rates means GiB; we follow AWS.
//! - CPU: user-facing sizes are vCPU (`vcpu`); ECS packs in CPU units
//!   (1 vCPU = 1024), Kubernetes in millicores (1 vCPU = 1000m).
//! - Percentages are whole numbers 0–100 (`spot_pct`), never fractions.
//! - Nothing here panics on any input: decoding returns a value plus
//!   [`Notice`]s naming what could not be used.

pub mod action;
pub mod audit;
pub mod chart;
pub mod codec;
pub mod cost;
pub mod decide;
pub mod decimal;
pub mod embed;
pub mod export;
pub mod field;
pub mod notice;
pub mod options;
pub mod overrides;
pub mod perf;
pub mod preset;
pub mod pricebook;
pub mod region;
pub mod requirements;
pub mod scenario;
pub mod sort;
pub mod text;

pub use action::Action;
pub use cost::{evaluate, CostReport};
pub use notice::Notice;
pub use scenario::{Arch, Os, Scenario, Service, Tab};

/// Hours in a billing month, as AWS pricing pages count it (365 × 24 / 12).
pub const HOURS_PER_MONTH: f64 = 730.0;
