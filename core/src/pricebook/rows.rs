//! The compiled tables: plain row structs and the `static` arrays that
//! `build.rs` generates from `core/data/*.csv`.

// Prices such as 0.3926 USD/h are data, not attempts at π/8.
#![allow(clippy::approx_constant)]

use super::{
    Confidence, FargatePlatform, FargateTier, Fee, InstanceType, Limit, Provenance, TaskSize,
};
use crate::scenario::Arch;

/// One on-demand price: an instance type in a region.
pub(crate) struct Ec2Row {
    /// Index of the instance type in `INSTANCE_TYPES` (and `EC2_KEYS`).
    pub it: u16,
    /// Region code.
    pub region: &'static str,
    /// USD per instance-hour, Linux, shared tenancy.
    pub usd_per_hour: f64,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

impl Ec2Row {
    /// Instance type name, e.g. `m5.large` ("" if the index were bad,
    /// which the build script rules out).
    #[cfg(test)]
    pub fn instance(&self) -> &'static str {
        INSTANCE_TYPES
            .get(usize::from(self.it))
            .map_or("", |t| t.name)
    }

    /// Rate key, `ec2.<instance>`.
    pub fn key(&self) -> &'static str {
        EC2_KEYS.get(usize::from(self.it)).copied().unwrap_or("")
    }
}

/// Mean Spot saving of a family in a region.
pub(crate) struct SpotRow {
    /// Instance family, e.g. `m5`.
    pub family: &'static str,
    /// Region code.
    pub region: &'static str,
    /// Rate key, `spot.<family>`.
    pub key: &'static str,
    /// Percent saved against on-demand (0–100).
    pub pct: f64,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

/// Fargate rates for a region, platform and tier.
pub(crate) struct FargateRow {
    /// Region code.
    pub region: &'static str,
    /// Operating system and architecture.
    pub platform: FargatePlatform,
    /// On-demand or Spot.
    pub tier: FargateTier,
    /// USD per vCPU-hour.
    pub vcpu_hour: f64,
    /// USD per GB-hour.
    pub gb_hour: f64,
    /// USD per vCPU-hour of Windows licence; `None` on Linux.
    pub os_license_vcpu_hour: Option<f64>,
    /// Where the figures come from.
    pub provenance: &'static Provenance,
}

/// One fee in one region, or in every region (`region == "all"`).
pub(crate) struct FeeRow {
    /// Fee key, e.g. `fee.alb_hour`.
    pub key: &'static str,
    /// Region code, or `all`.
    pub region: &'static str,
    /// The figure, in `unit`.
    pub value: f64,
    /// What `value` counts.
    pub unit: &'static str,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

/// One region-independent limit.
pub(crate) struct LimitRow {
    /// Limit key, e.g. `limit.lambda_max_memory_mib`.
    pub key: &'static str,
    /// The figure, in `unit`.
    pub value: f64,
    /// What `value` counts.
    pub unit: &'static str,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

/// One tier of the EKS kube-reserved CPU formula.
pub(crate) struct CpuTierRow {
    /// Rate key, `limit.eks_kube_reserved_cpu_pct.core_<tier>`.
    pub key: &'static str,
    /// First core of the tier (0-based boundary).
    pub from_core: f64,
    /// Boundary after the last core of the tier; `None` for "and above".
    pub to_core: Option<f64>,
    /// Percent of each core in the tier that is reserved.
    pub pct: f64,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

include!(concat!(env!("OUT_DIR"), "/pricebook_data.rs"));
