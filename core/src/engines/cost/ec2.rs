//! EC2-backed platforms: ECS on EC2, ECS Managed Instances, EKS managed
//! nodes and EKS Auto Mode. Tasks are packed onto instances the way the
//! schedulers place them (CPU, memory, and the ENI or max-pods limit), then
//! the fleet is priced: on-demand and Spot hours, Savings Plan, root
//! volumes, management and control-plane fees.

use crate::options::NetMode;
use crate::scenario::Scenario;
use crate::text::format_number;

use super::fargate::cluster_fee;
use super::pack::per_instance;
use super::prices::Prices;
use super::{empty_note, Bill, Capacity, LineKind, Platform, PlatformCost, Status, Unavailable};

mod fleet;
mod nodes;

use fleet::{arch_name, choose_fleet, pools, Fleet, Pool};

pub(crate) use fleet::{candidates, instance_month};
pub(crate) use nodes::{demand, fleet_size, node_bin, Flavor, Kind, Mgmt};

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
        fleet.it.name(),
        format_number(pool.hours)
    );
    let spot = if o.spot_pct > 0.0 {
        format!(" ({}% of hours)", format_number(100.0 - o.spot_pct))
    } else {
        String::new()
    };
    bill.line(
        LineKind::Compute,
        format!("EC2 on-demand: {what}{spot}"),
        n * fleet.month.on_demand,
    );
    if fleet.month.spot > 0.0 {
        bill.line(
            LineKind::Compute,
            format!("EC2 Spot: {what} ({}% of hours)", format_number(o.spot_pct)),
            n * fleet.month.spot,
        );
    }
    super::commit::lines(scenario, "EC2", fleet.month.commit.times(n), bill);
    if o.ebs_gib > 0.0 {
        bill.line(
            LineKind::Storage,
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
            LineKind::ManagementFee,
            format!("ECS Managed Instances fee: {what}"),
            n * fleet.month.mgmt_fee,
        ),
        Mgmt::EksAuto => bill.line(
            LineKind::ManagementFee,
            format!("EKS Auto Mode fee: {what}"),
            n * fleet.month.mgmt_fee,
        ),
    }
}

fn assumption_notes(scenario: &Scenario, kind: Kind, fleets: &[(Pool, Fleet)], bill: &mut Bill) {
    let o = &scenario.options;
    if o.az > 1 {
        bill.note(format!(
            "spread over {} availability zones: at least one instance in each (tasks are packed across the fleet, not zone by zone)",
            o.az
        ));
    }
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
        .map(|(_, f)| f.it.name())
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
    let (network_fixed, network_per_instance) =
        super::network::fleet_parts(scenario, prices, kind.platform)?;
    for it in candidates(pool.arch, kind, scenario, &mut bill)? {
        let per = per_instance(node_bin(it, kind, scenario, prices), &d);
        if per == 0 {
            continue;
        }
        if let Ok(month) = instance_month(it, service.hours, kind, scenario, prices, &mut bill) {
            out.push((per, month.total() + network_per_instance));
        }
    }
    let mut fixed = Bill::default();
    if kind.flavor == Flavor::Eks {
        cluster_fee(scenario, prices, &mut fixed)?;
    }
    let fixed = fixed.finish(kind.platform, Status::Ok, None).monthly_usd + network_fixed;
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
