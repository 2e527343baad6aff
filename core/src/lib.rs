//! berth-core: the whole of Berth's domain, with no web dependencies.
//!
//! The crate is six layers, one folder each, and a module only names modules
//! of its own layer or of the layers before it (`core/tests/layers.rs` reads
//! every `crate::` path and fails on an upward edge or a cycle):
//!
//! 1. [`vocab`] — the words everything else uses: units and the one month
//!    ([`units::HOURS_PER_MONTH`]), [`Arch`], [`Os`], [`Tab`], regions
//!    ([`region::RegionId`]), notices, decimal parsing and printing, the
//!    field-table machinery.
//! 2. [`inputs`] — what a user can set, each group a table of fields:
//!    cost options, requirements, price overrides, simulation inputs, presets.
//! 3. [`model`] — the [`Scenario`] (the single source of truth a user
//!    edits), its URL codec and the [`Action`]s that edit it.
//! 4. [`pricebook`] — the dated AWS prices, sizes and limits, each figure
//!    with its source, and the checks of a scenario against them.
//! 5. [`engines`] — cost, then performance, the decision and the guide audit.
//! 6. [`present`] — what is drawn or written from the engines: charts and
//!    the export files.
//!
//! The web app and the CLI are thin wrappers that render or print what this
//! crate computes. The leaf modules are re-exported at the crate root
//! (`berth_core::cost`, `berth_core::codec`, …) so paths stay short.
//!
//! Conventions used throughout (as egui states its own up front):
//! - Money is US dollars (`usd`), as `f64`, never rounded inside a model;
//!   rounding happens only when a figure is displayed.
//! - Time: prices are per hour (`usd_per_hour`); a month is
//!   [`HOURS_PER_MONTH`] hours, the convention AWS pricing pages use, in the
//!   cost engine and the simulation alike.
//! - Memory: user-facing sizes are GiB (`memory_gib`); packing arithmetic
//!   is done in MiB (`memory_mib`). AWS's "GB" in Fargate and Lambda
//!   rates means GiB; we follow AWS.
//! - CPU: user-facing sizes are vCPU (`vcpu`); ECS packs in CPU units
//!   (1 vCPU = 1024), Kubernetes in millicores (1 vCPU = 1000m).
//! - Percentages are whole numbers 0–100 (`spot_pct`), never fractions.
//! - Nothing here panics on any input: decoding returns a value plus
//!   [`Notice`]s naming what could not be used.

pub mod engines;
pub mod inputs;
pub mod model;
pub mod present;
pub mod pricebook;
pub mod vocab;

pub use engines::{audit, cost, decide, perf};
pub use inputs::{options, overrides, preset, requirements, sim};
pub use model::{action, codec, scenario};
pub use present::{chart, compare, export, summary};
pub use vocab::{
    catalog, decimal, embed, field, notice, provenance, quantity, region, sort, table, text, units,
};

pub use action::Action;
pub use cost::{evaluate, CostReport};
pub use notice::Notice;
pub use scenario::{Scenario, Service};
pub use units::{Arch, Os, Tab, HOURS_PER_MONTH};
