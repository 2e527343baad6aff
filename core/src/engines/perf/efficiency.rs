//! Resource efficiency (what share of paid capacity the workload can use)
//! and the largest task each platform runs.
//!
//! EC2-backed platforms: the cost engine's packing of the scenario
//! ([`crate::cost::Capacity`]). Fargate, App Runner and Lambda: the share
//! of the billed size the tasks request, after rounding up to a valid size
//! the way the cost engine bills it.

use serde::Serialize;

use crate::cost::{self, Platform, Status};
use crate::pricebook::{self, FargatePlatform, FargateTier, Fee, Limit, TaskSize};
use crate::scenario::{Os, Scenario, Service};
use crate::text::format_number;

use super::ec2_backed;

/// What share of paid capacity the scenario's workload uses on a platform.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Efficiency {
    /// Requested vCPU ÷ paid vCPU, percent (`None` where CPU is not sized).
    pub cpu_pct: Option<f64>,
    /// Requested memory ÷ paid memory, percent.
    pub memory_pct: f64,
    /// The fuller of the two, percent: the share the workload can use
    /// before the binding resource runs out.
    pub pct: f64,
    /// How it was worked out.
    pub basis: String,
}

/// The largest task a platform runs.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MaxTask {
    /// vCPU (`None` where it is not chosen directly).
    pub vcpu: Option<f64>,
    /// Memory, GiB.
    pub memory_gib: f64,
    /// Where the limit comes from.
    pub basis: String,
}

fn pct(want: f64, have: f64) -> f64 {
    if have > 0.0 && want.is_finite() {
        (want / have * 100.0).clamp(0.0, 100.0)
    } else {
        0.0
    }
}

/// The efficiency of the scenario's workload on `platform`; `None` when the
/// platform cannot take it.
pub fn efficiency(scenario: &Scenario, platform: Platform) -> Option<Efficiency> {
    let scenario = &*scenario.workload();
    if ec2_backed(platform) {
        let result = cost::evaluate_platform(scenario, platform);
        let c = result
            .capacity
            .filter(|_| result.status != Status::Unavailable)?;
        let (cpu, mem) = (c.cpu_utilization * 100.0, c.memory_utilization * 100.0);
        return Some(Efficiency {
            cpu_pct: Some(cpu),
            memory_pct: mem,
            pct: cpu.max(mem),
            basis: format!(
                "requests ÷ capacity of {} × {} (the cost engine's packing)",
                c.instances, c.instance_type
            ),
        });
    }
    match platform {
        Platform::Lambda => lambda(scenario),
        _ => {
            if cost::evaluate_platform(scenario, platform).status == Status::Unavailable {
                return None;
            }
            sized(scenario, platform)
        }
    }
}

/// Fargate-family and App Runner: requests ÷ the billed sizes, by task.
fn sized(scenario: &Scenario, platform: Platform) -> Option<Efficiency> {
    let region = scenario.region;
    let (sizes, rates, overhead_gib) = match platform {
        Platform::AppRunner => (
            pricebook::app_runner_sizes(),
            pricebook::fee(Fee::AppRunnerVcpuHour, region)
                .zip(pricebook::fee(Fee::AppRunnerGbHour, region))
                .map(|(v, g)| (v.value, g.value)),
            0.0,
        ),
        _ => (
            pricebook::fargate_sizes_for(
                platform == Platform::EksFargate,
                FargatePlatform::LinuxX86,
            ),
            pricebook::fargate(region, FargatePlatform::LinuxX86, FargateTier::OnDemand)
                .map(|r| (r.vcpu_hour.value, r.gb_hour.value)),
            match platform {
                Platform::EksFargate => {
                    pricebook::limit(Limit::EksFargatePodOverheadMib).value / 1024.0
                }
                _ => 0.0,
            },
        ),
    };
    let windows_min = pricebook::limit(Limit::FargateWindowsMinVcpu).value;
    let weight = |s: &Service| {
        if scenario.services.iter().all(|s| s.tasks == 0) {
            1.0
        } else {
            f64::from(s.tasks)
        }
    };
    let (mut want_cpu, mut want_mem, mut paid_cpu, mut paid_mem) = (0.0, 0.0, 0.0, 0.0);
    for s in &scenario.services {
        let min_vcpu = if s.os == Os::Windows {
            windows_min
        } else {
            0.0
        };
        let need = TaskSize {
            vcpu: s.vcpu,
            memory_gib: s.memory_gib + overhead_gib,
        };
        let size = cost::cheapest_size(sizes, need, min_vcpu, rates.unwrap_or((0.0, 0.0)))?;
        let w = weight(s);
        want_cpu += w * s.vcpu;
        want_mem += w * s.memory_gib;
        paid_cpu += w * size.vcpu;
        paid_mem += w * size.memory_gib;
    }
    let (cpu, mem) = (pct(want_cpu, paid_cpu), pct(want_mem, paid_mem));
    Some(Efficiency {
        cpu_pct: Some(cpu),
        memory_pct: mem,
        pct: cpu.max(mem),
        basis: "requests ÷ the billed task sizes (rounded up to a valid size)".to_string(),
    })
}

/// Lambda: the function's memory ÷ the memory billed (whole MiB, at least
/// the minimum).
fn lambda(scenario: &Scenario) -> Option<Efficiency> {
    let f = scenario.services.first().filter(|f| f.os != Os::Windows)?;
    let asked = f.memory_gib * 1024.0;
    if asked > pricebook::limit(Limit::LambdaMaxMemoryMib).value {
        return None;
    }
    let billed = asked
        .max(pricebook::limit(Limit::LambdaMinMemoryMib).value)
        .ceil();
    let mem = pct(asked, billed);
    Some(Efficiency {
        cpu_pct: None,
        memory_pct: mem,
        pct: mem,
        basis: format!(
            "{} MiB asked ÷ {} MiB billed; CPU follows memory",
            format_number(asked),
            format_number(billed)
        ),
    })
}

/// The largest task `platform` runs.
pub fn max_task(platform: Platform) -> MaxTask {
    let largest = |sizes: &[TaskSize]| {
        sizes.iter().copied().max_by(|a, b| {
            a.vcpu
                .total_cmp(&b.vcpu)
                .then(a.memory_gib.total_cmp(&b.memory_gib))
        })
    };
    match platform {
        Platform::Lambda => MaxTask {
            vcpu: None,
            memory_gib: pricebook::limit(Limit::LambdaMaxMemoryMib).value / 1024.0,
            basis: pricebook::limit(Limit::LambdaMaxMemoryMib).key.to_string(),
        },
        Platform::AppRunner => size_task(
            largest(pricebook::app_runner_sizes()),
            0.0,
            "largest App Runner size",
        ),
        Platform::EksFargate => size_task(
            largest(pricebook::fargate_sizes_for(
                true,
                FargatePlatform::LinuxX86,
            )),
            pricebook::limit(Limit::EksFargatePodOverheadMib).value / 1024.0,
            "largest Fargate size less the 256 MiB EKS adds per pod",
        ),
        p if ec2_backed(p) => {
            let it = pricebook::instance_types()
                .iter()
                .filter(|t| !t.burstable)
                .max_by(|a, b| {
                    a.vcpu
                        .cmp(&b.vcpu)
                        .then(a.memory_gib.total_cmp(&b.memory_gib))
                });
            match it {
                Some(t) => MaxTask {
                    vcpu: Some(f64::from(t.vcpu)),
                    memory_gib: t.memory_gib,
                    basis: format!(
                        "largest catalog instance, {} (before OS and agent reservations)",
                        t.name()
                    ),
                },
                None => MaxTask {
                    vcpu: None,
                    memory_gib: 0.0,
                    basis: "no catalog instance".to_string(),
                },
            }
        }
        _ => size_task(
            largest(pricebook::fargate_sizes()),
            0.0,
            "largest Fargate size",
        ),
    }
}

fn size_task(size: Option<TaskSize>, less_gib: f64, basis: &str) -> MaxTask {
    MaxTask {
        vcpu: size.map(|s| s.vcpu),
        memory_gib: size.map_or(0.0, |s| (s.memory_gib - less_gib).max(0.0)),
        basis: basis.to_string(),
    }
}
