//! The compiled tables: plain row structs and the `static` arrays that
//! `build.rs` generates from `core/data/*.csv`.
//!
//! EC2 prices are two dense tables, `EC2_PRICE` (millionths of a USD per
//! hour, 0 for no price) and `EC2_PROV` (index into `PROVENANCES`), with
//! cell `region * INSTANCE_TYPES.len() + type`: the region is its index in
//! `crate::region::REGIONS`, the type its index in `INSTANCE_TYPES`.

// Prices such as 0.3926 USD/h are data, not attempts at π/8.
#![allow(clippy::approx_constant)]

use super::{Confidence, FargatePlatform, FargateTier, Fee, Limit, Provenance, TaskSize};
use crate::region::{Region, REGIONS};

/// Mean Spot saving of a family in a region.
pub(crate) struct SpotRow {
    /// Index of the family in `SPOT_FAMILIES` (and `SPOT_KEYS`).
    pub family: u8,
    /// Index of the region in `crate::region::REGIONS`.
    pub region: u8,
    /// Percent saved against on-demand (0–100), a whole number.
    pub pct: u8,
    /// Index of the provenance in `PROVENANCES`.
    pub prov: u16,
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

/// One fee in one region, or in every region. Small numbers rather than
/// strings (its key and unit are the [`Fee`]'s): the table is most of its
/// size otherwise.
pub(crate) struct FeeRow {
    /// Which fee.
    pub fee: Fee,
    /// Index of the region in `REGIONS`, or [`ALL_REGIONS`].
    pub region: u8,
    /// Index of the provenance in `PROVENANCES`.
    pub prov: u16,
    /// The figure, in the fee's unit.
    pub value: f64,
}

/// `FeeRow::region` of a fee that holds in every region.
pub(crate) const ALL_REGIONS: u8 = u8::MAX;

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

// The region columns of the generated tables are `REGIONS`, in order.
const _: () = assert!(
    same_regions(&REGION_CODES, REGIONS),
    "REGION_CODES in core/build.rs must list crate::region::REGIONS in order"
);

/// True when `codes` are the codes of `regions`, in order.
const fn same_regions(mut codes: &[&str], mut regions: &[Region]) -> bool {
    while let ([c, cs @ ..], [r, rs @ ..]) = (codes, regions) {
        if !same_bytes(c.as_bytes(), r.code.as_bytes()) {
            return false;
        }
        (codes, regions) = (cs, rs);
    }
    codes.is_empty() && regions.is_empty()
}

/// `a == b`, usable in a constant.
const fn same_bytes(mut a: &[u8], mut b: &[u8]) -> bool {
    while let ([x, xs @ ..], [y, ys @ ..]) = (a, b) {
        if *x != *y {
            return false;
        }
        (a, b) = (xs, ys);
    }
    a.is_empty() && b.is_empty()
}
