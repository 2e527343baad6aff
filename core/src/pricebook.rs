//! The price book: dated AWS list prices, size tables and platform limits,
//! each figure carrying where it came from.
//!
//! The figures are data, not code: a book directory of CSV tables
//! (`core/data/`, sources in `core/data/SOURCES.md`), read and checked at
//! run time by [`book`] — natively from the embedded copy or `--book DIR`,
//! in the web app from the files `berth book-files` cuts it into, fetched
//! region by region. Lookups never fall back to another region: a figure
//! missing for a region, or a region not read yet, is `None`, and the
//! caller reports that platform unavailable there (the web app shows no
//! figure of a region until it is read).
//!
//! Units follow the crate conventions: USD, per hour unless a unit says
//! otherwise; AWS's "GB" in Fargate, Lambda and App Runner rates means GiB.
//! Every [`Rate`] names its unit in [`Rate::unit`].

pub mod book;
mod figures;
mod fit;
mod lookup;
#[cfg(test)]
mod tests;
mod web;

pub use book::{region_ready, shared_ready, Book};

pub use lookup::{
    app_runner_sizes, commit_rate, ec2_on_demand, ec2_spot_savings_pct,
    eks_kube_reserved_cpu_millicores, fargate, fargate_sizes, fargate_sizes_for, fee,
    instance_type, instance_types, limit, price_key, rates_for_region,
};

pub use crate::provenance::{Confidence, Provenance};

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
    /// NAT gateway: USD per gateway-hour.
    NatGatewayHour,
    /// NAT gateway data processed: USD per GB.
    NatGatewayGb,
    /// Public IPv4 address: USD per address-hour.
    PublicIpv4Hour,
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
    /// Data transfer out to the internet, first paid tier: USD per GB.
    InternetOutGb,
    /// Data transfer between availability zones: USD per GB, charged on
    /// each side.
    CrossAzGb,
    /// CloudWatch Logs ingestion (standard class): USD per GB.
    LogsIngestGb,
    /// CloudWatch Logs storage: USD per GB-month.
    LogsStoreGbMonth,
    /// ECR private image storage: USD per GB-month.
    EcrGbMonth,
    /// API Gateway HTTP API requests, first tier: USD per million.
    ApigwHttpPerMillion,
    /// API Gateway REST API requests, first tier: USD per million.
    ApigwRestPerMillion,
    /// Lambda Managed Instances management fee: percent of the EC2
    /// on-demand price.
    LambdaManagedPctOfOnDemand,
    /// Lambda Managed Instances requests: USD per million.
    LambdaManagedPerMillionRequests,
}

impl Fee {
    /// The stable key of this fee, e.g. `fee.alb_hour` (its row key in
    /// `fees.csv` and its override key in a link).
    pub fn key(self) -> &'static str {
        match self {
            Self::EksClusterStandardHour => "fee.eks_cluster_standard_hour",
            Self::EksClusterExtendedHour => "fee.eks_cluster_extended_hour",
            Self::EksAutoModePctOfOnDemand => "fee.eks_auto_mode_pct",
            Self::EcsManagedInstancesPctOfOnDemand => "fee.ecs_managed_instances_pct",
            Self::AlbHour => "fee.alb_hour",
            Self::AlbLcuHour => "fee.alb_lcu_hour",
            Self::NatGatewayHour => "fee.nat_gateway_hour",
            Self::NatGatewayGb => "fee.nat_gateway_gb",
            Self::PublicIpv4Hour => "fee.public_ipv4_hour",
            Self::AppRunnerVcpuHour => "fee.app_runner_vcpu_hour",
            Self::AppRunnerGbHour => "fee.app_runner_gb_hour",
            Self::AppRunnerProvisionedGbHour => "fee.app_runner_provisioned_gb_hour",
            Self::AppRunnerAutoDeployMonth => "fee.app_runner_auto_deploy_month",
            Self::LambdaGbSecondX86 => "fee.lambda_gb_second_x86",
            Self::LambdaGbSecondArm => "fee.lambda_gb_second_arm",
            Self::LambdaPerMillionRequests => "fee.lambda_per_million_requests",
            Self::FargateEphemeralGbHour => "fee.fargate_ephemeral_gb_hour",
            Self::Gp3GbMonth => "fee.gp3_gb_month",
            Self::InternetOutGb => "fee.internet_out_gb",
            Self::CrossAzGb => "fee.cross_az_gb",
            Self::LogsIngestGb => "fee.logs_ingest_gb",
            Self::LogsStoreGbMonth => "fee.logs_store_gb_month",
            Self::EcrGbMonth => "fee.ecr_gb_month",
            Self::ApigwHttpPerMillion => "fee.apigw_http_per_million",
            Self::ApigwRestPerMillion => "fee.apigw_rest_per_million",
            Self::LambdaManagedPctOfOnDemand => "fee.lambda_managed_pct",
            Self::LambdaManagedPerMillionRequests => "fee.lambda_managed_per_million_requests",
        }
    }

    /// Every fee, in display order.
    pub const ALL: [Fee; 27] = [
        Self::EksClusterStandardHour,
        Self::EksClusterExtendedHour,
        Self::EksAutoModePctOfOnDemand,
        Self::EcsManagedInstancesPctOfOnDemand,
        Self::AlbHour,
        Self::AlbLcuHour,
        Self::NatGatewayHour,
        Self::NatGatewayGb,
        Self::PublicIpv4Hour,
        Self::AppRunnerVcpuHour,
        Self::AppRunnerGbHour,
        Self::AppRunnerProvisionedGbHour,
        Self::AppRunnerAutoDeployMonth,
        Self::LambdaGbSecondX86,
        Self::LambdaGbSecondArm,
        Self::LambdaPerMillionRequests,
        Self::FargateEphemeralGbHour,
        Self::Gp3GbMonth,
        Self::InternetOutGb,
        Self::CrossAzGb,
        Self::LogsIngestGb,
        Self::LogsStoreGbMonth,
        Self::EcrGbMonth,
        Self::ApigwHttpPerMillion,
        Self::ApigwRestPerMillion,
        Self::LambdaManagedPctOfOnDemand,
        Self::LambdaManagedPerMillionRequests,
    ];
}

/// The rate key of a commitment's saving: `commit.<plan>.<covers>.<term>y.<payment>`,
/// e.g. `commit.compute.fargate.3y.none`; `covers` is `ec2`, `fargate`,
/// `lambda` or one EC2 family (`commit.ri.m6a.1y.all`).
pub fn commit_key(plan: &str, covers: &str, term_years: &str, payment: &str) -> String {
    format!("commit.{plan}.{covers}.{term_years}y.{payment}")
}

/// Whether a plan can cover `covers`: a Compute Savings Plan covers `ec2`,
/// `fargate` or `lambda`; an EC2 Instance Savings Plan (`ec2`) and
/// Reserved Instances (`ri`) cover `ec2` or one EC2 family (`is_family`).
pub(crate) fn commit_fits(plan: &str, covers: &str, is_family: bool) -> bool {
    match plan {
        "compute" => ["ec2", "fargate", "lambda"].contains(&covers),
        "ec2" | "ri" => covers == "ec2" || is_family,
        _ => false,
    }
}

/// The commitment rows every book holds for all regions: each plan, what
/// it covers (EC2 as a whole), term and payment.
pub fn commit_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for (plan, covers) in [
        ("compute", "ec2"),
        ("compute", "fargate"),
        ("compute", "lambda"),
        ("ec2", "ec2"),
        ("ri", "ec2"),
    ] {
        for term in ["1", "3"] {
            for pay in ["none", "partial", "all"] {
                keys.push(commit_key(plan, covers, term, pay));
            }
        }
    }
    keys
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
    /// Most target groups (one per service) behind one ALB.
    AlbTargetGroups,
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
    /// Largest vCPU of an EKS on Fargate pod (ECS on Fargate goes higher).
    EksFargateMaxVcpu,
    /// Largest vCPU of a Windows task on Fargate.
    FargateWindowsMaxVcpu,
    /// Max pods the EKS AMI sets on a node up to the vCPU threshold.
    EksMaxPodsSmallNode,
    /// Max pods the EKS AMI sets on a node above the vCPU threshold.
    EksMaxPodsLargeNode,
    /// vCPU above which a node counts as large for the max-pods cap.
    EksMaxPodsLargeAboveVcpu,
    /// EKS Auto Mode's hard cap on pods per node.
    EksAutoModeMaxPods,
    /// IPv4 addresses in one prefix the VPC CNI delegates (a /28).
    VpcCniIpsPerPrefix,
    /// Share of a partial-upfront commitment paid when its term starts, percent.
    CommitPartialUpfrontPct,
    /// Lambda requests free each month (per account).
    LambdaFreeRequests,
    /// Lambda duration free each month (per account), GB-seconds.
    LambdaFreeGbSeconds,
    /// Lambda Managed Instances: fewest instances (one per zone of three).
    LmiMinInstances,
    /// Lambda Managed Instances: fewest execution environments.
    LmiMinEnvironments,
    /// Lambda Managed Instances: concurrent requests per vCPU of an
    /// environment (the lowest runtime default).
    LmiConcurrencyPerVcpu,
    /// Lambda Managed Instances: smallest environment memory, GiB.
    LmiMinMemoryGib,
    /// Lambda Managed Instances: largest environment memory, GiB.
    LmiMaxMemoryGib,
    /// Lambda Managed Instances: least memory per vCPU, GiB.
    LmiMinGibPerVcpu,
    /// Lambda Managed Instances: most memory per vCPU, GiB.
    LmiMaxGibPerVcpu,
    /// Lambda Managed Instances: vCPU each instance keeps for the system.
    LmiReservedVcpu,
    /// Lambda Managed Instances: memory each instance keeps, GiB.
    LmiReservedGib,
}

impl Limit {
    /// Every limit, in display order.
    pub const ALL: [Limit; 34] = [
        Self::FargateEphemeralFreeGb,
        Self::FargateEphemeralMaxGb,
        Self::EksFargatePodOverheadMib,
        Self::FargateWindowsMinVcpu,
        Self::ExpressServicesPerAlb,
        Self::AlbTargetGroups,
        Self::LambdaMinMemoryMib,
        Self::LambdaMaxMemoryMib,
        Self::LambdaMaxDurationSeconds,
        Self::EksKubeReservedMemoryBaseMib,
        Self::EksKubeReservedMemoryPerPodMib,
        Self::EksEvictionHardMib,
        Self::EksSystemPodsPerNode,
        Self::EcsCpuUnitsPerVcpu,
        Self::K8sMillicoresPerVcpu,
        Self::EksFargateMaxVcpu,
        Self::FargateWindowsMaxVcpu,
        Self::EksMaxPodsSmallNode,
        Self::EksMaxPodsLargeNode,
        Self::EksMaxPodsLargeAboveVcpu,
        Self::EksAutoModeMaxPods,
        Self::VpcCniIpsPerPrefix,
        Self::CommitPartialUpfrontPct,
        Self::LambdaFreeRequests,
        Self::LambdaFreeGbSeconds,
        Self::LmiMinInstances,
        Self::LmiMinEnvironments,
        Self::LmiConcurrencyPerVcpu,
        Self::LmiMinMemoryGib,
        Self::LmiMaxMemoryGib,
        Self::LmiMinGibPerVcpu,
        Self::LmiMaxGibPerVcpu,
        Self::LmiReservedVcpu,
        Self::LmiReservedGib,
    ];

    /// The stable key of this limit, e.g. `limit.lambda_max_memory_mib`
    /// (its row key in `limits.csv`).
    pub fn key(self) -> &'static str {
        match self {
            Self::FargateEphemeralFreeGb => "limit.fargate_ephemeral_free_gb",
            Self::FargateEphemeralMaxGb => "limit.fargate_ephemeral_max_gb",
            Self::EksFargatePodOverheadMib => "limit.eks_fargate_pod_overhead_mib",
            Self::FargateWindowsMinVcpu => "limit.fargate_windows_min_vcpu",
            Self::ExpressServicesPerAlb => "limit.express_services_per_alb",
            Self::AlbTargetGroups => "limit.alb_target_groups",
            Self::LambdaMinMemoryMib => "limit.lambda_min_memory_mib",
            Self::LambdaMaxMemoryMib => "limit.lambda_max_memory_mib",
            Self::LambdaMaxDurationSeconds => "limit.lambda_max_duration_seconds",
            Self::EksKubeReservedMemoryBaseMib => "limit.eks_kube_reserved_memory_base_mib",
            Self::EksKubeReservedMemoryPerPodMib => "limit.eks_kube_reserved_memory_per_pod_mib",
            Self::EksEvictionHardMib => "limit.eks_eviction_hard_mib",
            Self::EksSystemPodsPerNode => "limit.eks_system_pods_per_node",
            Self::EcsCpuUnitsPerVcpu => "limit.ecs_cpu_units_per_vcpu",
            Self::K8sMillicoresPerVcpu => "limit.k8s_millicores_per_vcpu",
            Self::EksFargateMaxVcpu => "limit.eks_fargate_max_vcpu",
            Self::FargateWindowsMaxVcpu => "limit.fargate_windows_max_vcpu",
            Self::EksMaxPodsSmallNode => "limit.eks_max_pods_small_node",
            Self::EksMaxPodsLargeNode => "limit.eks_max_pods_large_node",
            Self::EksMaxPodsLargeAboveVcpu => "limit.eks_max_pods_large_above_vcpu",
            Self::EksAutoModeMaxPods => "limit.eks_auto_mode_max_pods",
            Self::VpcCniIpsPerPrefix => "limit.vpc_cni_ips_per_prefix",
            Self::CommitPartialUpfrontPct => "limit.commit_partial_upfront_pct",
            Self::LambdaFreeRequests => "limit.lambda_free_requests",
            Self::LambdaFreeGbSeconds => "limit.lambda_free_gb_seconds",
            Self::LmiMinInstances => "limit.lmi_min_instances",
            Self::LmiMinEnvironments => "limit.lmi_min_environments",
            Self::LmiConcurrencyPerVcpu => "limit.lmi_concurrency_per_vcpu",
            Self::LmiMinMemoryGib => "limit.lmi_min_memory_gib",
            Self::LmiMaxMemoryGib => "limit.lmi_max_memory_gib",
            Self::LmiMinGibPerVcpu => "limit.lmi_min_gib_per_vcpu",
            Self::LmiMaxGibPerVcpu => "limit.lmi_max_gib_per_vcpu",
            Self::LmiReservedVcpu => "limit.lmi_reserved_vcpu",
            Self::LmiReservedGib => "limit.lmi_reserved_gib",
        }
    }
}

/// The newest full as-of date (YYYY-MM-DD) among the figures that apply
/// in `region` (its own and those every region shares), or `undated`.
pub fn data_as_of(region: crate::region::RegionId) -> &'static str {
    rates_for_region(region)
        .into_iter()
        .map(|r| r.provenance.as_of)
        .filter(|d| d.len() == 10)
        .max()
        .unwrap_or("undated")
}

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
