//! The figures of a book as the lookups hold them: what every region
//! shares and what one region has, read by [`super::book`] from a book
//! directory or by [`super::web`] from the web app's files.

use super::{FargatePlatform, FargateTier, Fee, Provenance, TaskSize};

/// A fee in one region, or everywhere.
pub(crate) struct FeeRow {
    pub fee: Fee,
    pub value: f64,
    pub unit: &'static str,
    pub provenance: &'static Provenance,
}

/// A limit.
pub(crate) struct LimitRow {
    pub key: &'static str,
    pub value: f64,
    pub unit: &'static str,
    pub provenance: &'static Provenance,
}

/// One tier of the EKS kube-reserved CPU formula.
pub(crate) struct CpuTierRow {
    /// Rate key, `limit.eks_kube_reserved_cpu_pct.core_<tier>`.
    pub key: &'static str,
    pub from_core: f64,
    /// `None` for "and above".
    pub to_core: Option<f64>,
    /// Percent of each core in the tier that is reserved.
    pub pct: f64,
    pub provenance: &'static Provenance,
}

/// Fargate rates of one platform and tier.
pub(crate) struct FargateRow {
    pub platform: FargatePlatform,
    pub tier: FargateTier,
    pub vcpu_hour: f64,
    pub gb_hour: f64,
    /// Windows licence per vCPU-hour; `None` on Linux.
    pub os_license_vcpu_hour: Option<f64>,
    pub provenance: &'static Provenance,
}

/// A family's mean Spot saving.
pub(crate) struct SpotRow {
    /// Its rate key, `spot.<family>`.
    pub key: &'static str,
    pub family: &'static str,
    /// Percent saved against on-demand, a whole number below 100.
    pub pct: f64,
    pub provenance: &'static Provenance,
}

/// A commitment's saving on the on-demand compute it covers.
pub(crate) struct CommitRow {
    /// Its rate key, `commit.<plan>.<covers>.<term>y.<payment>`.
    pub key: &'static str,
    /// Percent saved against on-demand, below 100.
    pub pct: f64,
    pub provenance: &'static Provenance,
}

/// What every region shares.
#[derive(Default)]
pub(crate) struct Shared {
    pub fargate_sizes: Vec<TaskSize>,
    pub app_runner_sizes: Vec<TaskSize>,
    /// In [`Limit::ALL`] order, one each.
    pub limits: Vec<LimitRow>,
    pub cpu_tiers: Vec<CpuTierRow>,
    /// Fees that hold in every region.
    pub fees: Vec<FeeRow>,
    /// Commitment savings that hold in every region.
    pub commits: Vec<CommitRow>,
}

/// One region's figures.
#[derive(Default)]
pub(crate) struct RegionBook {
    /// On-demand price and provenance, by catalog index.
    pub ec2: Vec<Option<(f64, &'static Provenance)>>,
    pub spot: Vec<SpotRow>,
    pub fargate: Vec<FargateRow>,
    pub fees: Vec<FeeRow>,
    /// Commitment savings of this region (before the shared ones).
    pub commits: Vec<CommitRow>,
    /// Families AWS does not offer here (checked: none has a price here;
    /// the completeness tests read it).
    #[cfg_attr(not(test), allow(dead_code))]
    pub not_offered: Vec<&'static str>,
}
