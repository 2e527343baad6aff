//! The price book: dated AWS list prices, size tables and platform limits,
//! each figure carrying where it came from.
//!
//! The figures live in `core/data/*.csv` (sources in `core/data/SOURCES.md`);
//! `core/build.rs` checks them and compiles them into static tables, so
//! nothing here parses text at run time. Lookups never fall back to another
//! region: a figure missing for a region is `None`, and the caller reports
//! that platform unavailable there.
//!
//! Units follow the crate conventions: USD, per hour unless a unit says
//! otherwise; AWS's "GB" in Fargate, Lambda and App Runner rates means GiB.
//! Every [`Rate`] names its unit in [`Rate::unit`].

mod fit;
mod lookup;
mod rows;
pub mod sources;
#[cfg(test)]
mod tests;

pub use lookup::{
    app_runner_sizes, ec2_on_demand, ec2_spot_savings_pct, eks_kube_reserved_cpu_millicores,
    fargate, fargate_sizes, fee, instance_type, instance_types, limit, price_key, rates_for_region,
};

/// How far a figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    /// Machine-generated from an AWS API, or an AWS page, and cross-checked.
    High,
    /// One reliable source, or a rule verified on a sample.
    Medium,
    /// A secondary source, a stale snapshot, or an inference.
    Low,
}

impl Confidence {
    /// The lower-case word used in the data files (`high`, `medium`, `low`).
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
        }
    }
}

/// Where one figure comes from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Provenance {
    /// Its index in the book's table of provenances.
    pub id: u16,
    /// The source: repository and commit, page, or document. Empty in the
    /// web build, which fetches the texts when it shows them: read it with
    /// [`sources::source_and_note`].
    pub source: &'static str,
    /// When the figure was known to hold: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`,
    /// or `undated` when the source carries no date.
    pub as_of: &'static str,
    /// How far the figure can be trusted.
    pub confidence: Confidence,
    /// True when the figure was derived or inferred rather than read
    /// (e.g. `derived_linear:…`, `derived_0.8x_linux_x86`); `note` says how.
    pub derived: bool,
    /// Anything a reader needs to use the figure correctly.
    pub note: &'static str,
}

/// One figure from the book. `key` is a stable id usable in URLs for
/// overrides, e.g. "ec2.m5.large", "fargate.linux_x86.on_demand.vcpu_hour",
/// "fee.alb_hour", "limit.lambda_max_memory_mib" (region is implied by the
/// lookup).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    /// Stable id, unique within one region.
    pub key: &'static str,
    /// The figure, in `unit`.
    pub value: f64,
    /// What `value` counts, e.g. `USD per instance-hour`.
    pub unit: &'static str,
    /// Where the figure comes from.
    pub provenance: &'static Provenance,
}

pub use crate::catalog::InstanceType;

/// Fargate operating system and architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FargatePlatform {
    /// Linux on x86-64.
    LinuxX86,
    /// Linux on Graviton (ECS only).
    LinuxArm,
    /// Windows Server on x86-64 (ECS only).
    WindowsX86,
}

impl FargatePlatform {
    /// Every platform, in display order.
    pub const ALL: [FargatePlatform; 3] = [Self::LinuxX86, Self::LinuxArm, Self::WindowsX86];

    /// The key segment used in rate keys (`linux_x86`, …).
    pub fn key(self) -> &'static str {
        match self {
            Self::LinuxX86 => "linux_x86",
            Self::LinuxArm => "linux_arm",
            Self::WindowsX86 => "windows_x86",
        }
    }
}

/// Fargate capacity tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FargateTier {
    /// Regular capacity.
    OnDemand,
    /// Interruptible capacity; prices float (snapshots only).
    Spot,
}

impl FargateTier {
    /// Every tier, in display order.
    pub const ALL: [FargateTier; 2] = [Self::OnDemand, Self::Spot];

    /// The key segment used in rate keys (`on_demand`, `spot`).
    pub fn key(self) -> &'static str {
        match self {
            Self::OnDemand => "on_demand",
            Self::Spot => "spot",
        }
    }
}

/// Fargate rates for one region, platform and tier.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateRates {
    /// USD per vCPU-hour.
    pub vcpu_hour: Rate,
    /// USD per GB-hour (GiB) of task memory.
    pub gb_hour: Rate,
    /// USD per vCPU-hour for the Windows licence, on top; `None` on Linux.
    pub os_license_vcpu_hour: Option<Rate>,
}

/// A task (or instance) size: vCPU and memory.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TaskSize {
    /// vCPU.
    pub vcpu: f64,
    /// Memory, GiB.
    pub memory_gib: f64,
}

/// A service fee or rate other than instance and Fargate compute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fee {
    /// EKS control plane, standard support: USD per cluster-hour.
    EksClusterStandardHour,
    /// EKS control plane, extended support: USD per cluster-hour.
    EksClusterExtendedHour,
    /// EKS Auto Mode management fee: percent of the EC2 on-demand price.
    EksAutoModePctOfOnDemand,
    /// ECS Managed Instances management fee: percent of the EC2 on-demand price.
    EcsManagedInstancesPctOfOnDemand,
    /// Application Load Balancer: USD per ALB-hour.
    AlbHour,
    /// Application Load Balancer capacity: USD per LCU-hour.
    AlbLcuHour,
    /// App Runner active instances: USD per vCPU-hour.
    AppRunnerVcpuHour,
    /// App Runner active instances: USD per GB-hour of memory.
    AppRunnerGbHour,
    /// App Runner provisioned (idle) instances: USD per GB-hour of memory.
    AppRunnerProvisionedGbHour,
    /// App Runner automatic deployments: USD per application-month.
    AppRunnerAutoDeployMonth,
    /// Lambda duration on x86: USD per GB-second (first tier).
    LambdaGbSecondX86,
    /// Lambda duration on Arm: USD per GB-second (first tier).
    LambdaGbSecondArm,
    /// Lambda requests: USD per million requests.
    LambdaPerMillionRequests,
    /// Fargate ephemeral storage above the free 20 GB: USD per GB-hour.
    FargateEphemeralGbHour,
    /// EBS gp3 storage: USD per GB-month (IOPS and throughput above the
    /// included baseline are not in this rate).
    Gp3GbMonth,
}

impl Fee {
    /// Every fee, in display order.
    pub const ALL: [Fee; 15] = [
        Self::EksClusterStandardHour,
        Self::EksClusterExtendedHour,
        Self::EksAutoModePctOfOnDemand,
        Self::EcsManagedInstancesPctOfOnDemand,
        Self::AlbHour,
        Self::AlbLcuHour,
        Self::AppRunnerVcpuHour,
        Self::AppRunnerGbHour,
        Self::AppRunnerProvisionedGbHour,
        Self::AppRunnerAutoDeployMonth,
        Self::LambdaGbSecondX86,
        Self::LambdaGbSecondArm,
        Self::LambdaPerMillionRequests,
        Self::FargateEphemeralGbHour,
        Self::Gp3GbMonth,
    ];
}

/// A platform limit or unit conversion; region-independent. Units are in
/// each variant's name and in [`Rate::unit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Limit {
    /// Ephemeral storage included with every Fargate task, GB.
    FargateEphemeralFreeGb,
    /// Largest ephemeral storage a Fargate task may have, GB.
    FargateEphemeralMaxGb,
    /// Memory EKS on Fargate adds to each pod before rounding up, MiB.
    EksFargatePodOverheadMib,
    /// Smallest vCPU of a Windows Fargate task.
    FargateWindowsMinVcpu,
    /// Most ECS Express Mode services sharing one ALB.
    ExpressServicesPerAlb,
    /// Smallest Lambda memory, MiB.
    LambdaMinMemoryMib,
    /// Largest Lambda memory, MiB.
    LambdaMaxMemoryMib,
    /// Longest Lambda invocation, seconds.
    LambdaMaxDurationSeconds,
    /// EKS kube-reserved memory, fixed part, MiB.
    EksKubeReservedMemoryBaseMib,
    /// EKS kube-reserved memory per allowed pod, MiB.
    EksKubeReservedMemoryPerPodMib,
    /// EKS hard eviction threshold for free memory, MiB.
    EksEvictionHardMib,
    /// System pods on every EKS EC2 node (aws-node, kube-proxy).
    EksSystemPodsPerNode,
    /// ECS CPU units per vCPU (1024).
    EcsCpuUnitsPerVcpu,
    /// Kubernetes millicores per vCPU (1000).
    K8sMillicoresPerVcpu,
}

impl Limit {
    /// Every limit, in display order.
    pub const ALL: [Limit; 14] = [
        Self::FargateEphemeralFreeGb,
        Self::FargateEphemeralMaxGb,
        Self::EksFargatePodOverheadMib,
        Self::FargateWindowsMinVcpu,
        Self::ExpressServicesPerAlb,
        Self::LambdaMinMemoryMib,
        Self::LambdaMaxMemoryMib,
        Self::LambdaMaxDurationSeconds,
        Self::EksKubeReservedMemoryBaseMib,
        Self::EksKubeReservedMemoryPerPodMib,
        Self::EksEvictionHardMib,
        Self::EksSystemPodsPerNode,
        Self::EcsCpuUnitsPerVcpu,
        Self::K8sMillicoresPerVcpu,
    ];

    /// The stable key of this limit, e.g. `limit.lambda_max_memory_mib`.
    pub fn key(self) -> &'static str {
        rows::limit_row(self).key
    }
}

/// The newest as-of date in the book (YYYY-MM-DD).
pub const DATA_AS_OF: &str = rows::NEWEST_AS_OF;

/// The oldest and newest dated figure the book holds for a region
/// (`undated` rows left out): the honest range to print where a page would
/// otherwise say "as of" the newest date alone.
pub fn as_of_range(region: crate::region::RegionId) -> Option<(&'static str, &'static str)> {
    let rates = rates_for_region(region);
    let dated = rates
        .iter()
        .map(|r| r.provenance.as_of)
        .filter(|d| *d != "undated");
    let oldest = dated.clone().min()?;
    let newest = dated.max()?;
    Some((oldest, newest))
}
