//! What one node holds: each platform's packing rules (scheduler, fees,
//! reservations), a node's usable capacity and what one task asks of it.

use crate::options::NetMode;
use crate::pricebook::{self, InstanceType, Limit};
use crate::scenario::{Scenario, Service};

use super::super::pack::{Bin, Demand};
use super::super::prices::Prices;
use super::super::Platform;

/// Which scheduler places the tasks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flavor {
    /// ECS: CPU units, ENI limits by network mode.
    Ecs,
    /// Kubernetes: millicores, kube-reserved, max pods, DaemonSets.
    Eks,
}

/// An AWS management fee charged per instance on top of EC2.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mgmt {
    /// You manage the instances.
    None,
    /// ECS Managed Instances.
    EcsManaged,
    /// EKS Auto Mode.
    EksAuto,
}

/// One platform's packing rules.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Kind {
    pub(crate) platform: Platform,
    pub(crate) flavor: Flavor,
    pub(crate) mgmt: Mgmt,
}

impl Kind {
    /// The rules for an EC2-backed platform (`None` for the others).
    pub(crate) fn of(platform: Platform) -> Option<Kind> {
        let (flavor, mgmt) = match platform {
            Platform::EcsEc2 => (Flavor::Ecs, Mgmt::None),
            Platform::EcsManaged => (Flavor::Ecs, Mgmt::EcsManaged),
            Platform::EksEc2 => (Flavor::Eks, Mgmt::None),
            Platform::EksAuto => (Flavor::Eks, Mgmt::EksAuto),
            _ => return None,
        };
        Some(Kind {
            platform,
            flavor,
            mgmt,
        })
    }
}

/// Pods an EKS node runs. Managed nodes: the VPC CNI's ENI formula (the
/// catalog's `eks_max_pods`), capped as the EKS guide's max-pods calculator
/// caps it — 110 up to 30 vCPU, 250 above. Auto Mode delegates /28 prefixes, 16 addresses an
/// ENI slot, and caps pods at 110.
pub(crate) fn eks_max_pods(it: &InstanceType, mgmt: Mgmt, prices: &Prices) -> f64 {
    let large = f64::from(it.vcpu) > prices.limit(Limit::EksMaxPodsLargeAboveVcpu);
    match mgmt {
        Mgmt::EksAuto => {
            let slots = f64::from(it.max_enis) * f64::from(it.ipv4_per_eni.saturating_sub(1));
            (slots * prices.limit(Limit::VpcCniIpsPerPrefix) + 2.0)
                .min(prices.limit(Limit::EksAutoModeMaxPods))
        }
        _ => {
            let cap = prices.limit(if large {
                Limit::EksMaxPodsLargeNode
            } else {
                Limit::EksMaxPodsSmallNode
            });
            f64::from(it.eks_max_pods).min(cap)
        }
    }
}

/// What one instance offers to tasks under a platform's rules.
pub(crate) fn node_bin(it: &InstanceType, kind: Kind, scenario: &Scenario, prices: &Prices) -> Bin {
    let o = &scenario.options;
    let usable_mib = it.memory_gib * 1024.0 * (1.0 - o.hostres_pct / 100.0);
    match kind.flavor {
        Flavor::Ecs => {
            let eni_tasks = u64::from(it.max_enis.saturating_sub(1));
            let slots = match o.net {
                NetMode::Trunk if it.trunking => u64::from(it.branch_enis),
                NetMode::Trunk | NetMode::Awsvpc => eni_tasks,
                NetMode::Bridge => u64::MAX,
            };
            Bin {
                cpu: f64::from(it.vcpu) * prices.limit(Limit::EcsCpuUnitsPerVcpu),
                mem: usable_mib,
                slots,
            }
        }
        Flavor::Eks => {
            let max_pods = eks_max_pods(it, kind.mgmt, prices);
            let reserved_cpu = pricebook::eks_kube_reserved_cpu_millicores(it.vcpu);
            let reserved_mib = prices.limit(Limit::EksKubeReservedMemoryBaseMib)
                + prices.limit(Limit::EksKubeReservedMemoryPerPodMib) * max_pods
                + prices.limit(Limit::EksEvictionHardMib);
            let system_pods = prices.limit(Limit::EksSystemPodsPerNode);
            Bin {
                cpu: (f64::from(it.vcpu) * prices.limit(Limit::K8sMillicoresPerVcpu)
                    - reserved_cpu
                    - o.ds_millicores)
                    .max(0.0),
                mem: (usable_mib - reserved_mib - o.ds_mib).max(0.0),
                slots: (max_pods - system_pods).max(0.0) as u64,
            }
        }
    }
}

/// One task's request under a scheduler's units.
pub(crate) fn demand(service: &Service, flavor: Flavor, prices: &Prices) -> Demand {
    let per_vcpu = match flavor {
        Flavor::Ecs => prices.limit(Limit::EcsCpuUnitsPerVcpu),
        Flavor::Eks => prices.limit(Limit::K8sMillicoresPerVcpu),
    };
    Demand {
        cpu: service.vcpu * per_vcpu,
        mem: service.memory_gib * 1024.0,
        count: u64::from(service.tasks),
    }
}

/// Instances to run for `needed` busy ones with `head_pct` spare.
pub(crate) fn fleet_size(needed: u64, head_pct: f64) -> u64 {
    if needed == 0 {
        return 0;
    }
    let spare = (head_pct / 100.0).clamp(0.0, 0.9);
    // Whole instances; the product is exact for realistic sizes.
    ((needed as f64) / (1.0 - spare) - 1e-9)
        .ceil()
        .max(needed as f64) as u64
}
