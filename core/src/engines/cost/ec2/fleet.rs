//! Choosing the fleet: the services split into pools by architecture,
//! each pool packed onto the instance type that costs least per month.

use crate::decimal::fixed;
use crate::pricebook::{self, Fee, InstanceType};
use crate::scenario::{Arch, Os, Scenario, Service};
use crate::text::format_number;

use super::super::commit::{self, Applied, Covered};
use super::super::pack::{pack, Bin, Demand};
use super::super::prices::Prices;
use super::super::{Bill, Unavailable};
use super::nodes::{demand, fleet_size, node_bin, Flavor, Kind, Mgmt};

/// Monthly cost of one instance running `hours`, in parts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct InstanceMonth {
    pub(crate) on_demand: f64,
    pub(crate) spot: f64,
    pub(crate) commit: Applied,
    pub(crate) volume: f64,
    pub(crate) mgmt_fee: f64,
}

impl InstanceMonth {
    pub(crate) fn total(&self) -> f64 {
        self.on_demand + self.spot + self.commit.net() + self.volume + self.mgmt_fee
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
        match prices.spot_savings_pct(it.family()) {
            Some(saved) => saved,
            None => {
                bill.note(format!(
                    "no Spot savings figure for {} in {}: priced on-demand",
                    it.family(),
                    prices.region
                ));
                spot_share = 0.0;
                0.0
            }
        }
    } else {
        0.0
    };
    let covered = Covered::Ec2(it.family());
    let committed = commit::saved_pct(scenario, prices, covered, hours);
    if spot_share > 0.0 && committed > saved {
        bill.note(format!(
            "commitments cover on-demand hours only: at −{}% an on-demand {} hour costs less than Spot (−{}%)",
            fixed(committed, 0),
            it.family(),
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
        commit: commit::apply(scenario, prices, covered, on_demand, hours, bill)?,
        volume,
        mgmt_fee,
    })
}

/// Services of one architecture, packed onto one instance type.
pub(super) struct Pool<'s> {
    pub(super) arch: Arch,
    pub(super) services: Vec<&'s Service>,
    pub(super) hours: f64,
}

/// The fleet chosen for a pool.
pub(super) struct Fleet {
    pub(super) it: &'static InstanceType,
    pub(super) instances: u64,
    pub(super) busiest: u64,
    pub(super) month: InstanceMonth,
}

pub(super) fn pools(scenario: &Scenario) -> Result<Vec<Pool<'_>>, Unavailable> {
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

pub(super) fn arch_name(arch: Arch) -> &'static str {
    match arch {
        Arch::X86 => "x86",
        Arch::Arm => "Arm",
    }
}

/// Packs a pool onto the cheapest candidate (or the chosen type).
pub(super) fn choose_fleet(
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
    // High availability: a fleet with work keeps an instance in each zone
    // (`az=`), so the search compares types at that size at least.
    let runs = pool.services.iter().any(|s| s.tasks > 0 && s.hours > 0.0);
    let zones = if runs {
        u64::from(scenario.options.az.max(1))
    } else {
        0
    };
    let spread = |n: u64| n.max(zones);
    // What each instance adds beyond itself (a public IPv4 address in
    // public subnets) counts in the choice of type too.
    let per_instance =
        crate::engines::cost::network::fleet_parts(scenario, prices, kind.platform)?.1;
    let chosen = scenario.options.instance_type.is_some();
    for it in candidates(pool.arch, kind, scenario, bill)? {
        // A type the region does not price is no candidate; only a chosen
        // one says so (otherwise the reason kept is why the priced ones
        // could not be used).
        if let Err(reason) = prices.ec2(it) {
            if chosen {
                last_error = Some(reason);
            }
            continue;
        }
        let bin = node_bin(it, kind, scenario, prices);
        // A type that cannot beat the best so far even packed perfectly is
        // not packed at all (packing is most of the time; the result is the
        // same: its cost is at least this bound).
        if let Some((best_cost, _, _)) = &best {
            let month =
                instance_month(it, pool.hours, kind, scenario, prices, &mut Bill::default());
            let floor = month.map(|m| {
                spread(fleet_size(
                    lower_bound(bin, &demands),
                    scenario.options.head_pct,
                )) as f64
                    * (m.total() + per_instance)
            });
            if floor.is_ok_and(|f| f >= *best_cost) {
                continue;
            }
        }
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
        let instances = spread(fleet_size(packing.instances, scenario.options.head_pct));
        let cost = instances as f64 * (month.total() + per_instance);
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

/// The fewest instances of `bin` the demands could need, packed perfectly:
/// never more than packing finds (the tolerance keeps a float rounding
/// from adding one).
fn lower_bound(bin: Bin, demands: &[Demand]) -> u64 {
    let need = |total: f64, room: f64| {
        if room > 0.0 {
            (total / room * (1.0 - 1e-9) - 1e-9).ceil().max(0.0)
        } else {
            0.0
        }
    };
    let cpu: f64 = demands.iter().map(|d| d.cpu * d.count as f64).sum();
    let mem: f64 = demands.iter().map(|d| d.mem * d.count as f64).sum();
    let count: u64 = demands.iter().map(|d| d.count).sum();
    let slots = if bin.slots == 0 {
        0.0
    } else {
        need(count as f64, bin.slots as f64)
    };
    need(cpu, bin.cpu).max(need(mem, bin.mem)).max(slots) as u64
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
        it.name(),
        format_number((cpu * 100.0).floor() / 100.0),
        format_number((bin.mem / 1024.0 * 100.0).floor() / 100.0)
    )
}
