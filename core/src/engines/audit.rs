//! The guide audit: the reference guide's two cost scenarios, its stated
//! figures set beside what Berth computes for the same workload, and a
//! plain sentence on each difference.
//!
//! The guide's figures below are transcribed from its "Real-World Cost
//! Scenarios" section (shared/reference/aws-container-theory.md). They are
//! claims to check, not inputs to any model.

use serde::Serialize;

use crate::cost::{self, usd, Platform, Status};
use crate::decimal::{fixed, shortest};
use crate::preset::Preset;
use crate::scenario::Scenario;
use crate::units::HOURS_PER_MONTH;

/// What the guide states for one of its scenarios.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GuideClaims {
    /// EC2 instances it says the workload needs.
    pub instances: u64,
    /// The instance type it uses.
    pub instance_type: &'static str,
    /// Its ECS on EC2 monthly total, USD.
    pub ec2_monthly_usd: f64,
    /// Its EC2 utilisation, percent.
    pub ec2_utilization_pct: f64,
    /// Its Fargate cost per task-hour, USD.
    pub fargate_task_hour_usd: f64,
    /// Its Fargate monthly total, USD.
    pub fargate_monthly_usd: f64,
    /// Its break-even, containers.
    pub breakeven_containers: u64,
    /// The Fargate premium over EC2 it states in words, percent (negative: savings).
    pub stated_premium_pct: f64,
}

/// The guide's claims for a guide preset.
pub fn claims(preset: Preset) -> Option<GuideClaims> {
    match preset {
        Preset::GuideSmall => Some(GuideClaims {
            instances: 10,
            instance_type: "m5.large",
            ec2_monthly_usd: 876.0,
            ec2_utilization_pct: 80.0,
            fargate_task_hour_usd: 0.04048,
            fargate_monthly_usd: 1215.0,
            breakeven_containers: 650,
            stated_premium_pct: 30.0,
        }),
        Preset::GuideLarge => Some(GuideClaims {
            instances: 125,
            instance_type: "m5.large",
            ec2_monthly_usd: 10_950.0,
            ec2_utilization_pct: 64.0,
            fargate_task_hour_usd: 0.32384,
            fargate_monthly_usd: 9720.0,
            breakeven_containers: 800,
            stated_premium_pct: -11.0,
        }),
        _ => None,
    }
}

/// One figure: the guide's, Berth's, and why they differ.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct AuditRow {
    /// What is compared.
    pub topic: &'static str,
    /// The guide's figure, as it states it.
    pub guide: String,
    /// Berth's figure for the same workload.
    pub berth: String,
    /// True when the two agree (within 1%).
    pub agrees: bool,
    /// Why they differ (or what confirms them).
    pub explanation: String,
}

/// The audit of a guide scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Audit {
    /// Which guide scenario.
    pub preset: &'static str,
    /// True when the workload was changed from the guide's: Berth's figures
    /// are then for the changed workload.
    pub modified: bool,
    /// One row per figure.
    pub rows: Vec<AuditRow>,
    /// What Berth's side leaves out to compare like with like.
    pub scope: &'static str,
}

fn agree(a: f64, b: f64) -> bool {
    (a - b).abs() <= 0.01 * a.abs().max(b.abs())
}

/// Audits the scenario when it was started from a guide preset.
pub fn audit(scenario: &Scenario) -> Option<Audit> {
    let preset = scenario.preset?;
    let claims = claims(preset)?;
    let base = preset.scenario();
    let scenario = &*scenario.workload();
    let modified = *base.workload().services != scenario.services
        || base.options != scenario.options
        || base.region != scenario.region;
    // The guide prices compute alone: so does Berth's side of the audit.
    let scenario = &cost::compute_only(scenario);
    let report = cost::evaluate(scenario);
    let ec2 = report.get(Platform::EcsEc2)?;
    let fargate = report.get(Platform::EcsFargate)?;
    let mut rows = Vec::new();
    let (tasks, vcpu_needed) = scenario.services.iter().fold((0u64, 0.0), |(n, v), s| {
        (n + u64::from(s.tasks), v + f64::from(s.tasks) * s.vcpu)
    });
    let it = crate::pricebook::instance_type(claims.instance_type)?;
    let hourly = crate::pricebook::ec2_on_demand(it.id, scenario.region).map(|r| r.value);

    if let (Some(cap), Status::Ok) = (&ec2.capacity, ec2.status) {
        rows.push(AuditRow {
            topic: "EC2 instances",
            guide: format!("{} × {}", claims.instances, claims.instance_type),
            berth: format!("{} × {}", cap.instances, cap.instance_type),
            agrees: cap.instances == claims.instances,
            explanation: format!(
                "{tasks} tasks ask for {} vCPU; {} × {} offer {} vCPU. Berth packs by CPU, memory and ENIs: {} tasks per instance.",
                shortest(vcpu_needed),
                claims.instances,
                it.name(),
                claims.instances * u64::from(it.vcpu),
                cap.tasks_per_instance
            ),
        });
        rows.push(AuditRow {
            topic: "EC2 utilisation",
            guide: format!("{}%", fixed(claims.ec2_utilization_pct, 0)),
            berth: format!("CPU {}%, memory {}%", fixed(cap.cpu_utilization * 100.0, 0), fixed(cap.memory_utilization * 100.0, 0)),
            agrees: agree(claims.ec2_utilization_pct, cap.cpu_utilization * 100.0),
            explanation: "Utilisation is what the tasks request over what the instances offer; the guide's figure cannot hold with its own instance count.".to_string(),
        });
    }
    if let Some(hourly) = hourly {
        let implied = claims.ec2_monthly_usd / (claims.instances as f64 * HOURS_PER_MONTH);
        rows.push(AuditRow {
            topic: "ECS on EC2, per month",
            guide: usd(claims.ec2_monthly_usd),
            berth: usd(ec2.monthly_usd),
            agrees: agree(claims.ec2_monthly_usd, ec2.monthly_usd),
            explanation: format!(
                "The guide's own {} × {} at ${}/h × 730 h is {}; its {} implies ${}/h. Berth adds 30 GiB gp3 root volumes.",
                claims.instances,
                it.name(),
                shortest(hourly),
                usd(claims.instances as f64 * hourly * HOURS_PER_MONTH),
                usd(claims.ec2_monthly_usd),
                fixed(implied, 3)
            ),
        });
    }
    fargate_rows(
        scenario,
        &claims,
        fargate.monthly_usd,
        ec2.monthly_usd,
        &mut rows,
    );
    breakeven_row(scenario, &claims, &mut rows);
    Some(Audit {
        preset: preset.key(),
        modified,
        scope: "compute only, as the guide prices it: load balancers, NAT gateways and public IPv4 left out, one availability zone",
        rows,
    })
}

fn fargate_rows(
    scenario: &Scenario,
    claims: &GuideClaims,
    fargate: f64,
    ec2: f64,
    rows: &mut Vec<AuditRow>,
) {
    let one = cost::evaluate_platform(&cost::homogeneous(scenario, 1), Platform::EcsFargate);
    let hours = scenario
        .services
        .first()
        .map_or(HOURS_PER_MONTH, |s| s.hours)
        .max(1.0);
    let per_task_hour = one.monthly_usd / hours;
    let vcpu_hour = crate::pricebook::fargate(
        scenario.region,
        crate::pricebook::FargatePlatform::LinuxX86,
        crate::pricebook::FargateTier::OnDemand,
    )
    .map_or(0.0, |r| r.vcpu_hour.value);
    rows.push(AuditRow {
        topic: "Fargate, per task-hour",
        guide: format!("${}", shortest(claims.fargate_task_hour_usd)),
        berth: format!("${}", fixed(per_task_hour, 6)),
        agrees: agree(claims.fargate_task_hour_usd, per_task_hour),
        explanation: format!(
            "A task pays vCPU × ${} plus GB × the memory rate. The guide's figure is {} vCPU-hours of vCPU alone, with no memory.",
            shortest(vcpu_hour),
            fixed(claims.fargate_task_hour_usd / vcpu_hour.max(f64::MIN_POSITIVE), 2)
        ),
    });
    rows.push(AuditRow {
        topic: "ECS on Fargate, per month",
        guide: usd(claims.fargate_monthly_usd),
        berth: usd(fargate),
        agrees: agree(claims.fargate_monthly_usd, fargate),
        explanation: format!(
            "1000 tasks × the guide's own ${}/h × 730 h would be {}; the guide's total matches neither its rate nor the price book.",
            shortest(claims.fargate_task_hour_usd),
            usd(1000.0 * claims.fargate_task_hour_usd * HOURS_PER_MONTH)
        ),
    });
    let premium = if ec2 > 0.0 {
        (fargate / ec2 - 1.0) * 100.0
    } else {
        0.0
    };
    let guide_premium = (claims.fargate_monthly_usd / claims.ec2_monthly_usd - 1.0) * 100.0;
    rows.push(AuditRow {
        topic: "Fargate vs EC2",
        guide: signed_pct(claims.stated_premium_pct),
        berth: signed_pct(premium),
        agrees: (claims.stated_premium_pct - premium).abs() < 1.0,
        explanation: format!(
            "The guide's own two totals give {}. Positive: Fargate costs more than ECS on EC2 for this workload.",
            signed_pct(guide_premium)
        ),
    });
}

fn signed_pct(pct: f64) -> String {
    if pct >= 0.0 {
        format!("Fargate +{}%", fixed(pct, 0))
    } else {
        format!("Fargate −{}%", fixed(-pct, 0))
    }
}

/// Task counts searched for a crossover.
const BREAKEVEN_MAX_TASKS: u32 = 5000;

fn breakeven_row(scenario: &Scenario, claims: &GuideClaims, rows: &mut Vec<AuditRow>) {
    let b = cost::breakeven(
        scenario,
        Platform::EcsFargate,
        Platform::EcsEc2,
        BREAKEVEN_MAX_TASKS,
    );
    let at = |n: u64| {
        b.cost_a
            .get(n as usize - 1)
            .copied()
            .flatten()
            .zip(b.cost_b.get(n as usize - 1).copied().flatten())
    };
    let (berth, explanation) = match b.crossovers.as_slice() {
        [] => {
            let cheaper = match at(1) {
                Some((f, e)) if f <= e => "Fargate",
                _ => "ECS on EC2",
            };
            (
                "no crossover".to_string(),
                format!("From 1 to {BREAKEVEN_MAX_TASKS} tasks of this shape, {cheaper} stays the cheaper; the costs move in steps of one instance, so small counts favour whichever wastes less."),
            )
        }
        list => (
            list.iter().map(|c| format!("{} tasks → {}", c.tasks, c.cheaper.name())).collect::<Vec<_>>().join("; "),
            "Where the cheaper platform changes as the task count grows (ECS on EC2 moves in whole instances).".to_string(),
        ),
    };
    let agrees = b.crossovers.iter().any(|c| {
        c.tasks.abs_diff(claims.breakeven_containers) <= claims.breakeven_containers / 100
    });
    rows.push(AuditRow {
        topic: "Break-even (Fargate vs ECS on EC2)",
        guide: format!("{} containers", claims.breakeven_containers),
        berth,
        agrees,
        explanation,
    });
}

#[cfg(test)]
mod tests;
