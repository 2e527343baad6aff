//! Fargate-based platforms: ECS on Fargate, EKS on Fargate and ECS Express
//! Mode (Fargate plus a shared Application Load Balancer).

use crate::decimal::fixed;
use crate::pricebook::{self, FargatePlatform, FargateTier, Fee, Limit, TaskSize};
use crate::scenario::{Arch, Os, Scenario, Service};
use crate::text::format_number;
use crate::units::HOURS_PER_MONTH;

use super::commit;
use super::prices::{FargateRate, Prices};
use super::{empty_note, Bill, LineKind, Platform, PlatformCost, Status, Unavailable};

/// Tolerance when comparing sizes (GiB and vCPU are short decimals).
const EPS: f64 = 1e-9;

/// The size a task is billed at, the one rule for Fargate and App Runner:
/// the cheapest valid size in `sizes` covering `need` (and at least
/// `min_vcpu`), priced at `vcpu_hour` per vCPU and `gb_hour` per GiB (with
/// no rates, all cost 0 and the smallest covering size wins: the tables
/// are sorted). The cost engine bills it; the efficiency figures divide by it.
pub fn cheapest_size(
    sizes: &[TaskSize],
    need: TaskSize,
    min_vcpu: f64,
    (vcpu_hour, gb_hour): (f64, f64),
) -> Option<TaskSize> {
    let hourly = |s: &TaskSize| s.vcpu * vcpu_hour + s.memory_gib * gb_hour;
    sizes
        .iter()
        .filter(|s| {
            s.vcpu + EPS >= need.vcpu.max(min_vcpu) && s.memory_gib + EPS >= need.memory_gib
        })
        .min_by(|a, b| hourly(a).total_cmp(&hourly(b)))
        .copied()
}

/// The largest of a size table, as text (the book's tables are sorted).
pub(crate) fn largest(sizes: &[TaskSize]) -> String {
    sizes.last().map_or_else(String::new, |s| size_text(*s))
}

/// `0.5 vCPU / 1 GiB`.
pub(crate) fn size_text(s: TaskSize) -> String {
    format!(
        "{} vCPU / {} GiB",
        format_number(s.vcpu),
        format_number(s.memory_gib)
    )
}

fn platform_of(service: &Service) -> Result<FargatePlatform, Unavailable> {
    match (service.os, service.arch) {
        (Os::Linux, Arch::X86) => Ok(FargatePlatform::LinuxX86),
        (Os::Linux, Arch::Arm) => Ok(FargatePlatform::LinuxArm),
        (Os::Windows, Arch::X86) => Ok(FargatePlatform::WindowsX86),
        (Os::Windows, Arch::Arm) => Err(format!(
            "{}: Windows on Fargate runs on x86 only",
            service.name
        )),
    }
}

/// Which Fargate flavour is being priced.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Ecs,
    Eks,
}

/// The Fargate compute of every service, with what the commitment does
/// to its on-demand part.
fn compute(scenario: &Scenario, prices: &Prices, flavor: Flavor) -> Result<Bill, Unavailable> {
    let o = &scenario.options;
    let mut bill = Bill::default();
    let mut committed = commit::Applied::default();
    let overhead_gib = match flavor {
        Flavor::Eks => prices.limit(Limit::EksFargatePodOverheadMib) / 1024.0,
        Flavor::Ecs => 0.0,
    };
    for service in &scenario.services {
        let platform = platform_of(service)?;
        if flavor == Flavor::Eks && platform != FargatePlatform::LinuxX86 {
            return Err(format!(
                "{}: EKS on Fargate runs Linux x86 pods only",
                service.name
            ));
        }
        let rate = prices.fargate(platform, FargateTier::OnDemand)?;
        let min_vcpu = match platform {
            FargatePlatform::WindowsX86 => prices.limit(Limit::FargateWindowsMinVcpu),
            _ => 0.0,
        };
        let need = TaskSize {
            vcpu: service.vcpu,
            memory_gib: service.memory_gib + overhead_gib,
        };
        let sizes = pricebook::fargate_sizes_for(flavor == Flavor::Eks, platform);
        let size = cheapest_size(
            sizes,
            need,
            min_vcpu,
            (rate.vcpu_hour + rate.license_vcpu_hour, rate.gb_hour),
        )
        .ok_or_else(|| {
            format!(
                "{}: {} is larger than any Fargate task ({})",
                service.name,
                size_text(need),
                largest(sizes)
            )
        })?;
        if size.vcpu > need.vcpu + EPS
            || size.memory_gib > need.memory_gib + EPS
            || overhead_gib > 0.0
        {
            let asked = TaskSize {
                vcpu: service.vcpu,
                memory_gib: service.memory_gib,
            };
            let extra = if overhead_gib > 0.0 {
                " (after EKS adds 256 MiB per pod)"
            } else {
                ""
            };
            bill.note(format!(
                "{}: {} billed as {}{extra}",
                service.name,
                size_text(asked),
                size_text(size)
            ));
        }
        let task_hours = f64::from(service.tasks) * service.hours;
        let spot_share = spot_share(service, platform, flavor, prices, o.fspot_pct, &mut bill);
        let compute = |r: &FargateRate| size.vcpu * r.vcpu_hour + size.memory_gib * r.gb_hour;
        let od_hours = task_hours * (1.0 - spot_share);
        let label = format!(
            "{}: {} × {}, {} h",
            service.name,
            service.tasks,
            size_text(size),
            format_number(service.hours)
        );
        bill.line(
            LineKind::Compute,
            format!("{label}, on-demand"),
            od_hours * compute(&rate),
        );
        let covered = commit::Covered::Fargate;
        let applied = commit::apply(
            scenario,
            prices,
            covered,
            od_hours * compute(&rate),
            service.hours,
            &mut bill,
        )?;
        committed = commit::Applied {
            discount: committed.discount + applied.discount,
            upfront: committed.upfront + applied.upfront,
            pct: committed.pct.max(applied.pct),
        };
        if spot_share > 0.0 {
            let spot = prices.fargate(platform, FargateTier::Spot)?;
            let spot_saving_pct = 100.0 * (1.0 - compute(&spot) / compute(&rate));
            let saved = commit::saved_pct(scenario, prices, covered, service.hours);
            if saved > spot_saving_pct {
                bill.note(format!(
                    "commitments cover on-demand hours only: at −{}% on-demand Fargate costs less than Fargate Spot (−{}%)",
                    fixed(saved, 0),
                    fixed(spot_saving_pct, 0)
                ));
            }
            bill.line(
                LineKind::Compute,
                format!("{label}, Fargate Spot ({}%)", format_number(o.fspot_pct)),
                task_hours * spot_share * compute(&spot),
            );
        }
        if rate.license_vcpu_hour > 0.0 {
            bill.line(
                LineKind::Compute,
                format!(
                    "{}: Windows licence, {} vCPU per task",
                    service.name,
                    format_number(size.vcpu)
                ),
                task_hours * size.vcpu * rate.license_vcpu_hour,
            );
        }
        ephemeral(service, prices, o.eph_gib, task_hours, &mut bill)?;
    }
    commit::lines(scenario, "Fargate", committed, &mut bill);
    Ok(bill)
}

/// The share of task-hours on Fargate Spot, noting when it cannot apply.
fn spot_share(
    service: &Service,
    platform: FargatePlatform,
    flavor: Flavor,
    prices: &Prices,
    fspot: f64,
    bill: &mut Bill,
) -> f64 {
    if fspot <= 0.0 {
        return 0.0;
    }
    if flavor == Flavor::Eks {
        bill.note("EKS on Fargate has no Spot capacity: the Fargate Spot share is not applied");
        return 0.0;
    }
    if platform == FargatePlatform::WindowsX86 {
        bill.note(format!(
            "{}: Fargate Spot is Linux-only; priced on-demand",
            service.name
        ));
        return 0.0;
    }
    if prices.fargate(platform, FargateTier::Spot).is_err() {
        bill.note(format!(
            "{}: the price book has no Fargate Spot price for {} in {}; priced on-demand",
            service.name,
            platform.key().replace('_', " "),
            prices.region
        ));
        return 0.0;
    }
    bill.note(
        "Fargate Spot prices float; the book holds a dated snapshot (about 70% below on-demand)",
    );
    fspot / 100.0
}

fn ephemeral(
    service: &Service,
    prices: &Prices,
    eph_gib: f64,
    task_hours: f64,
    bill: &mut Bill,
) -> Result<(), Unavailable> {
    let extra = eph_gib - prices.limit(Limit::FargateEphemeralFreeGb);
    if extra <= 0.0 {
        return Ok(());
    }
    let rate = prices.fee(Fee::FargateEphemeralGbHour)?;
    bill.line(
        LineKind::Storage,
        format!(
            "{}: ephemeral storage above 20 GB, {} GB per task",
            service.name,
            format_number(extra)
        ),
        task_hours * extra * rate,
    );
    Ok(())
}

/// EKS control-plane fee × clusters for a full month.
pub(crate) fn cluster_fee(
    scenario: &Scenario,
    prices: &Prices,
    bill: &mut Bill,
) -> Result<(), Unavailable> {
    let o = &scenario.options;
    let (fee, tier) = match o.eksv {
        crate::options::EksSupport::Std => (Fee::EksClusterStandardHour, "standard"),
        crate::options::EksSupport::Ext => (Fee::EksClusterExtendedHour, "extended"),
    };
    let rate = prices.fee(fee)?;
    if o.clusters == 0 {
        bill.note("0 EKS clusters: no control-plane fee, though pods need a cluster to run");
    }
    bill.line(
        LineKind::ControlPlane,
        format!(
            "EKS control plane ({tier} support): {} cluster(s) × {} h",
            o.clusters,
            format_number(HOURS_PER_MONTH)
        ),
        f64::from(o.clusters) * rate * HOURS_PER_MONTH,
    );
    Ok(())
}

/// ECS on Fargate.
pub(crate) fn ecs(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    let mut bill = compute(scenario, prices, Flavor::Ecs)?;
    empty_note(scenario, &mut bill);
    Ok(bill.finish(Platform::EcsFargate, Status::Ok, None))
}

/// EKS on Fargate: +256 MiB per pod, Linux x86 only, no Spot, cluster fee.
pub(crate) fn eks(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    let mut bill = compute(scenario, prices, Flavor::Eks)?;
    cluster_fee(scenario, prices, &mut bill)?;
    empty_note(scenario, &mut bill);
    Ok(bill.finish(Platform::EksFargate, Status::Ok, None))
}

/// ECS Express Mode: the Fargate tasks; its shared ALBs (one per 25
/// services) are the network lines every platform gets (`network`).
pub(crate) fn express(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    let mut bill = compute(scenario, prices, Flavor::Ecs)?;
    bill.note(format!(
        "Express Mode adds no fee of its own: it creates Fargate services behind a shared ALB (up to {} services per ALB), which it always has",
        format_number(prices.limit(Limit::ExpressServicesPerAlb).max(1.0))
    ));
    empty_note(scenario, &mut bill);
    Ok(bill.finish(Platform::EcsExpress, Status::Ok, None))
}
