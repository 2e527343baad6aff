//! EC2-backed platforms: ECS on EC2, ECS Managed Instances, EKS managed
//! nodes and EKS Auto Mode. Tasks are packed onto instances the way the
//! schedulers place them (CPU, memory, and the ENI or max-pods limit), then
//! the fleet is priced: on-demand and Spot hours, Savings Plan, root
//! volumes, management and control-plane fees.

use crate::options::NetMode;
use crate::pricebook::{self, Fee, InstanceType, Limit};
use crate::scenario::{Arch, Os, Scenario, Service};
use crate::text::format_number;

use super::fargate::cluster_fee;
use super::pack::{pack, per_instance, Bin, Demand};
use super::prices::Prices;
use super::{empty_note, Bill, Capacity, Platform, PlatformCost, Status, Unavailable};

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

/// What one instance offers to tasks under a scheduler's rules.
pub(crate) fn node_bin(
    it: &InstanceType,
    flavor: Flavor,
    scenario: &Scenario,
    prices: &Prices,
) -> Bin {
    let o = &scenario.options;
    let usable_mib = it.memory_gib * 1024.0 * (1.0 - o.hostres_pct / 100.0);
    match flavor {
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
            let reserved_cpu = pricebook::eks_kube_reserved_cpu_millicores(it.vcpu);
            let reserved_mib = prices.limit(Limit::EksKubeReservedMemoryBaseMib)
                + prices.limit(Limit::EksKubeReservedMemoryPerPodMib) * f64::from(it.eks_max_pods)
                + prices.limit(Limit::EksEvictionHardMib);
            let system_pods = prices.limit(Limit::EksSystemPodsPerNode);
            Bin {
                cpu: (f64::from(it.vcpu) * prices.limit(Limit::K8sMillicoresPerVcpu)
                    - reserved_cpu
                    - o.ds_millicores)
                    .max(0.0),
                mem: (usable_mib - reserved_mib - o.ds_mib).max(0.0),
                slots: (f64::from(it.eks_max_pods) - system_pods).max(0.0) as u64,
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

/// Monthly cost of one instance running `hours`, in parts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct InstanceMonth {
    pub(crate) on_demand: f64,
    pub(crate) spot: f64,
    pub(crate) savings_plan: f64,
    pub(crate) volume: f64,
    pub(crate) mgmt_fee: f64,
}

impl InstanceMonth {
    pub(crate) fn total(&self) -> f64 {
        self.on_demand + self.spot + self.savings_plan + self.volume + self.mgmt_fee
    }
}

/// Prices one instance of `it` for a month of `hours`; notes what applied.
pub(crate) fn instance_month(
    it: &InstanceType,
    hours: f64,
    kind: Kind,
    scenario: &Scenario,
    prices: &Prices,
    bill: &mut Bill,
) -> Result<InstanceMonth, Unavailable> {
    let o = &scenario.options;
    let price = prices.ec2(it)?;
    let mut spot_share = o.spot_pct / 100.0;
    let saved = if spot_share > 0.0 {
        match prices.spot_savings_pct(it.family) {
            Some(saved) => saved,
            None => {
                bill.note(format!(
                    "no Spot savings figure for {} in {}: priced on-demand",
                    it.family, prices.region
                ));
                spot_share = 0.0;
                0.0
            }
        }
    } else {
        0.0
    };
    if spot_share > 0.0 && o.sp_pct > saved {
        bill.note(format!(
            "Savings Plans cover on-demand hours only: at −{}% an on-demand {} hour costs less than Spot (−{}%)",
            format_number(o.sp_pct),
            it.family,
            format_number(saved)
        ));
    }
    let on_demand = price * hours * (1.0 - spot_share);
    let mgmt_fee = match kind.mgmt {
        Mgmt::None => 0.0,
        Mgmt::EcsManaged => {
            price * hours * prices.fee(Fee::EcsManagedInstancesPctOfOnDemand)? / 100.0
        }
        Mgmt::EksAuto => price * hours * prices.fee(Fee::EksAutoModePctOfOnDemand)? / 100.0,
    };
    let volume = o.ebs_gib * prices.fee(Fee::Gp3GbMonth)? * hours / crate::HOURS_PER_MONTH;
    Ok(InstanceMonth {
        on_demand,
        spot: price * hours * spot_share * (1.0 - saved / 100.0),
        savings_plan: -on_demand * o.sp_pct / 100.0,
        volume,
        mgmt_fee,
    })
}

/// Services of one architecture, packed onto one instance type.
struct Pool<'s> {
    arch: Arch,
    services: Vec<&'s Service>,
    hours: f64,
}

/// The fleet chosen for a pool.
struct Fleet {
    it: &'static InstanceType,
    instances: u64,
    busiest: u64,
    month: InstanceMonth,
}

fn pools(scenario: &Scenario) -> Result<Vec<Pool<'_>>, Unavailable> {
    let mut pools: Vec<Pool> = Vec::new();
    for service in &scenario.services {
        if service.os == Os::Windows {
            return Err(format!("{}: Windows containers need Windows EC2 prices, which the price book does not hold", service.name));
        }
        match pools.iter_mut().find(|p| p.arch == service.arch) {
            Some(pool) => {
                pool.hours = pool.hours.max(service.hours);
                pool.services.push(service);
            }
            None => pools.push(Pool {
                arch: service.arch,
                services: vec![service],
                hours: service.hours,
            }),
        }
    }
    Ok(pools)
}

/// The instance types a pool may use.
pub(crate) fn candidates(
    arch: Arch,
    kind: Kind,
    scenario: &Scenario,
    bill: &mut Bill,
) -> Result<Vec<&'static InstanceType>, Unavailable> {
    let chosen = scenario.options.instance_type;
    match (chosen, kind.mgmt) {
        (Some(id), Mgmt::None) => {
            let (it, name) = (id.spec(), id.name());
            if it.arch != arch {
                return Err(format!(
                    "{name} is {} but the workload has {} services",
                    arch_name(it.arch),
                    arch_name(arch)
                ));
            }
            Ok(vec![it])
        }
        (chosen, _) => {
            if chosen.is_some() {
                bill.note(format!(
                    "{} picks its own instance types: the chosen type is not used",
                    kind.platform.name()
                ));
            }
            bill.note("instance type: the cheapest catalog type that fits (burstable T types left out: CPU credits)");
            Ok(pricebook::instance_types()
                .iter()
                .filter(|it| it.arch == arch && !it.burstable)
                .collect())
        }
    }
}

fn arch_name(arch: Arch) -> &'static str {
    match arch {
        Arch::X86 => "x86",
        Arch::Arm => "Arm",
    }
}

/// Packs a pool onto the cheapest candidate (or the chosen type).
fn choose_fleet(
    pool: &Pool,
    kind: Kind,
    scenario: &Scenario,
    prices: &Prices,
    bill: &mut Bill,
) -> Result<Fleet, Unavailable> {
    let demands: Vec<Demand> = pool
        .services
        .iter()
        .map(|s| demand(s, kind.flavor, prices))
        .collect();
    let mut best: Option<(f64, Fleet, Bill)> = None;
    let mut last_error = None;
    for it in candidates(pool.arch, kind, scenario, bill)? {
        let bin = node_bin(it, kind.flavor, scenario, prices);
        let packing = match pack(bin, &demands) {
            Ok(p) => p,
            Err(i) => {
                last_error = pool
                    .services
                    .get(i)
                    .map(|s| too_big(s, it, bin, kind.flavor));
                continue;
            }
        };
        let mut notes = Bill::default();
        let month = match instance_month(it, pool.hours, kind, scenario, prices, &mut notes) {
            Ok(m) => m,
            Err(reason) => {
                last_error = Some(reason);
                continue;
            }
        };
        let instances = fleet_size(packing.instances, scenario.options.head_pct);
        let cost = instances as f64 * month.total();
        if best.as_ref().is_none_or(|(c, _, _)| cost < *c) {
            best = Some((
                cost,
                Fleet {
                    it,
                    instances,
                    busiest: packing.max_tasks_per_instance,
                    month,
                },
                notes,
            ));
        }
    }
    let (_, fleet, notes) = best.ok_or_else(|| {
        last_error.unwrap_or_else(|| {
            format!(
                "no {} instance type is priced in {}",
                arch_name(pool.arch),
                prices.region
            )
        })
    })?;
    bill.absorb(notes);
    Ok(fleet)
}

fn too_big(service: &Service, it: &InstanceType, bin: Bin, flavor: Flavor) -> String {
    let (cpu, unit) = match flavor {
        Flavor::Ecs => (bin.cpu / 1024.0, "vCPU"),
        Flavor::Eks => (bin.cpu / 1000.0, "vCPU allocatable"),
    };
    format!(
        "{}: a task of {} vCPU / {} GiB does not fit {} ({} {unit}, {} GiB for tasks)",
        service.name,
        format_number(service.vcpu),
        format_number(service.memory_gib),
        it.name,
        format_number((cpu * 100.0).floor() / 100.0),
        format_number((bin.mem / 1024.0 * 100.0).floor() / 100.0)
    )
}

/// Prices an EC2-backed platform.
fn price(scenario: &Scenario, prices: &Prices, kind: Kind) -> Result<PlatformCost, Unavailable> {
    let mut bill = Bill::default();
    let mut fleets = Vec::new();
    for pool in pools(scenario)? {
        let fleet = choose_fleet(&pool, kind, scenario, prices, &mut bill)?;
        fleets.push((pool, fleet));
    }
    for (pool, fleet) in &fleets {
        fleet_lines(pool, fleet, kind, scenario, &mut bill);
    }
    if kind.flavor == Flavor::Eks {
        cluster_fee(scenario, prices, &mut bill)?;
    }
    assumption_notes(scenario, kind, &fleets, &mut bill);
    empty_note(scenario, &mut bill);
    bill.capacity(capacity(&fleets));
    Ok(bill.finish(kind.platform, Status::Ok, None))
}

fn fleet_lines(pool: &Pool, fleet: &Fleet, kind: Kind, scenario: &Scenario, bill: &mut Bill) {
    let o = &scenario.options;
    let n = fleet.instances as f64;
    let what = format!(
        "{} × {}, {} h",
        fleet.instances,
        fleet.it.name,
        format_number(pool.hours)
    );
    let spot = if o.spot_pct > 0.0 {
        format!(" ({}% of hours)", format_number(100.0 - o.spot_pct))
    } else {
        String::new()
    };
    bill.line(
        format!("EC2 on-demand: {what}{spot}"),
        n * fleet.month.on_demand,
    );
    if fleet.month.spot > 0.0 {
        bill.line(
            format!("EC2 Spot: {what} ({}% of hours)", format_number(o.spot_pct)),
            n * fleet.month.spot,
        );
    }
    if o.sp_pct > 0.0 {
        bill.line(
            format!(
                "Savings Plan: −{}% on on-demand EC2",
                format_number(o.sp_pct)
            ),
            n * fleet.month.savings_plan,
        );
    }
    if o.ebs_gib > 0.0 {
        bill.line(
            format!(
                "EBS gp3 root volumes: {} × {} GiB",
                fleet.instances,
                format_number(o.ebs_gib)
            ),
            n * fleet.month.volume,
        );
    }
    match kind.mgmt {
        Mgmt::None => {}
        Mgmt::EcsManaged => bill.line(
            format!("ECS Managed Instances fee: {what}"),
            n * fleet.month.mgmt_fee,
        ),
        Mgmt::EksAuto => bill.line(
            format!("EKS Auto Mode fee: {what}"),
            n * fleet.month.mgmt_fee,
        ),
    }
}

fn assumption_notes(scenario: &Scenario, kind: Kind, fleets: &[(Pool, Fleet)], bill: &mut Bill) {
    let o = &scenario.options;
    match kind.flavor {
        Flavor::Ecs => bill.note(format!(
            "{}% of instance memory kept for the OS and ECS agent; tasks per instance limited by {}",
            format_number(o.hostres_pct),
            match o.net {
                NetMode::Trunk => "branch ENIs (awsvpc trunking; ENIs − 1 on types without trunking)",
                NetMode::Awsvpc => "ENIs − 1 (awsvpc without trunking)",
                NetMode::Bridge => "CPU and memory only (bridge networking)",
            }
        )),
        Flavor::Eks => bill.note(format!(
            "per node: kube-reserved CPU and memory (255 MiB + 11 MiB per max pod), 100 MiB eviction threshold, \
             DaemonSets {}m / {} MiB, 2 system pods; max pods from the VPC CNI",
            format_number(o.ds_millicores),
            format_number(o.ds_mib)
        )),
    }
    if o.head_pct > 0.0 {
        bill.note(format!(
            "{}% spare capacity: instances = ceil(needed ÷ {})",
            format_number(o.head_pct),
            format_number(1.0 - o.head_pct / 100.0)
        ));
    }
    if kind.mgmt != Mgmt::None {
        bill.note("management fee: a share of the on-demand price per instance-hour, not covered by Savings Plans or Spot");
    }
    for (pool, _) in fleets {
        if pool.services.iter().any(|s| s.hours != pool.hours) {
            bill.note(format!(
                "{} instances run for the longest service's {} h",
                arch_name(pool.arch),
                format_number(pool.hours)
            ));
        }
    }
}

fn capacity(fleets: &[(Pool, Fleet)]) -> Capacity {
    let names: Vec<&str> = fleets
        .iter()
        .filter(|(_, f)| f.instances > 0)
        .map(|(_, f)| f.it.name)
        .collect();
    let (mut want_cpu, mut want_mem, mut have_cpu, mut have_mem) = (0.0, 0.0, 0.0, 0.0);
    for (pool, fleet) in fleets {
        for s in &pool.services {
            want_cpu += f64::from(s.tasks) * s.vcpu;
            want_mem += f64::from(s.tasks) * s.memory_gib;
        }
        have_cpu += fleet.instances as f64 * f64::from(fleet.it.vcpu);
        have_mem += fleet.instances as f64 * fleet.it.memory_gib;
    }
    let ratio = |want: f64, have: f64| if have > 0.0 { want / have } else { 0.0 };
    Capacity {
        instance_type: if names.is_empty() {
            "none".to_string()
        } else {
            names.join(" + ")
        },
        instances: fleets.iter().map(|(_, f)| f.instances).sum(),
        tasks_per_instance: fleets.iter().map(|(_, f)| f.busiest).max().unwrap_or(0),
        cpu_utilization: ratio(want_cpu, have_cpu),
        memory_utilization: ratio(want_mem, have_mem),
    }
}

/// For break-even curves: the fixed monthly part and, per candidate type,
/// (tasks one instance holds, monthly cost of one instance) for a workload
/// of the first service alone. Uses the same rules as [`price`].
pub(crate) fn unit_costs(
    scenario: &Scenario,
    prices: &Prices,
    kind: Kind,
) -> Result<(f64, Vec<(u64, f64)>), Unavailable> {
    let service = scenario.services.first().ok_or("no service to scale")?;
    let pool = pools(scenario)?
        .into_iter()
        .next()
        .ok_or("no service to scale")?;
    let mut bill = Bill::default();
    let mut out = Vec::new();
    let d = demand(service, kind.flavor, prices);
    for it in candidates(pool.arch, kind, scenario, &mut bill)? {
        let per = per_instance(node_bin(it, kind.flavor, scenario, prices), &d);
        if per == 0 {
            continue;
        }
        if let Ok(month) = instance_month(it, service.hours, kind, scenario, prices, &mut bill) {
            out.push((per, month.total()));
        }
    }
    let mut fixed = Bill::default();
    if kind.flavor == Flavor::Eks {
        cluster_fee(scenario, prices, &mut fixed)?;
    }
    let fixed = fixed.finish(kind.platform, Status::Ok, None).monthly_usd;
    Ok((fixed, out))
}

/// ECS on EC2.
pub(crate) fn ecs(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    price(
        scenario,
        prices,
        Kind {
            platform: Platform::EcsEc2,
            flavor: Flavor::Ecs,
            mgmt: Mgmt::None,
        },
    )
}

/// ECS Managed Instances.
pub(crate) fn ecs_managed(
    scenario: &Scenario,
    prices: &Prices,
) -> Result<PlatformCost, Unavailable> {
    price(
        scenario,
        prices,
        Kind {
            platform: Platform::EcsManaged,
            flavor: Flavor::Ecs,
            mgmt: Mgmt::EcsManaged,
        },
    )
}

/// EKS with managed node groups.
pub(crate) fn eks(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    price(
        scenario,
        prices,
        Kind {
            platform: Platform::EksEc2,
            flavor: Flavor::Eks,
            mgmt: Mgmt::None,
        },
    )
}

/// EKS Auto Mode.
pub(crate) fn eks_auto(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    price(
        scenario,
        prices,
        Kind {
            platform: Platform::EksAuto,
            flavor: Flavor::Eks,
            mgmt: Mgmt::EksAuto,
        },
    )
}
