//! Hard constraints: what rules a platform out for this workload, each with
//! the AWS documentation that says so.
//!
//! Requirement rules live in `rules` (one row per requirement and
//! platform, each with its page); size and duration limits come from the
//! price book's size tables and limits, never from literals here; App Runner
//! is out for every new workload.

use serde::Serialize;

use crate::cost::Platform;
use crate::pricebook::{self, FargatePlatform, Limit, TaskSize};
use crate::requirements::Requirements;
use crate::scenario::Scenario;
use crate::text::format_number;

use Platform::*;

use super::rules::{APP_RUNNER_CLOSED, APP_RUNNER_INSTANCE, FARGATE_SIZES, RULES};

/// One reason a platform cannot take the workload.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Exclusion {
    /// What excludes it: a requirement's URL key (`gpu`, `win`, …), `size`
    /// (a task above the platform's largest), `legacy` or `cost` (the cost
    /// engine could not price it).
    pub constraint: &'static str,
    /// A plain sentence.
    pub reason: String,
    /// Where the fact is documented.
    pub source: &'static str,
}

/// Why App Runner is never recommended for a new workload.
fn legacy() -> Exclusion {
    Exclusion {
        constraint: "legacy",
        reason: "App Runner is closed to new customers since 2026-04-30; its successor is ECS Express Mode".to_string(),
        source: APP_RUNNER_CLOSED,
    }
}

/// The Lambda duration limit as a sentence, from the price book.
fn long_running() -> Exclusion {
    let limit = pricebook::limit(Limit::LambdaMaxDurationSeconds);
    Exclusion {
        constraint: "long",
        reason: format!(
            "a Lambda invocation stops after {} s ({} minutes)",
            format_number(limit.value),
            format_number(limit.value / 60.0)
        ),
        source: limit.provenance.source(),
    }
}

/// Whether some size in `sizes` covers `need` (tolerating decimal noise).
fn fits(sizes: &[TaskSize], need: TaskSize) -> bool {
    const EPS: f64 = 1e-9;
    sizes
        .iter()
        .any(|s| s.vcpu + EPS >= need.vcpu && s.memory_gib + EPS >= need.memory_gib)
}

/// `16 vCPU / 120 GiB`: the largest size of a table.
fn largest(sizes: &[TaskSize]) -> String {
    sizes
        .iter()
        .max_by(|a, b| {
            a.vcpu
                .total_cmp(&b.vcpu)
                .then(a.memory_gib.total_cmp(&b.memory_gib))
        })
        .map(|s| {
            format!(
                "{} vCPU / {} GiB",
                format_number(s.vcpu),
                format_number(s.memory_gib)
            )
        })
        .unwrap_or_else(|| "none".to_string())
}

/// Task-size exclusions: the first service too large for each platform.
/// They do not depend on requirements, so callers ranking many
/// alternatives compute them once.
pub(crate) fn sizes(scenario: &Scenario) -> Vec<(Platform, Exclusion)> {
    let fargate = pricebook::fargate_sizes_for(false, FargatePlatform::LinuxX86);
    let eks_fargate = pricebook::fargate_sizes_for(true, FargatePlatform::LinuxX86);
    let runner = pricebook::app_runner_sizes();
    let pod_overhead_gib = pricebook::limit(Limit::EksFargatePodOverheadMib).value / 1024.0;
    let lambda = pricebook::limit(Limit::LambdaMaxMemoryMib);
    let mut out: Vec<(Platform, Exclusion)> = Vec::new();
    let mut add = |platform: Platform, reason: String, source: &'static str| {
        if !out.iter().any(|(p, _)| *p == platform) {
            out.push((
                platform,
                Exclusion {
                    constraint: "size",
                    reason,
                    source,
                },
            ));
        }
    };
    for s in &scenario.services {
        let need = TaskSize {
            vcpu: s.vcpu,
            memory_gib: s.memory_gib,
        };
        let asked = format!(
            "{} vCPU / {} GiB",
            format_number(s.vcpu),
            format_number(s.memory_gib)
        );
        if !fits(fargate, need) {
            let why = format!(
                "{}: {asked} is above the largest Fargate task ({})",
                s.name,
                largest(fargate)
            );
            for p in [EcsFargate, EcsExpress] {
                add(p, why.clone(), FARGATE_SIZES);
            }
        }
        let pod = TaskSize {
            memory_gib: s.memory_gib + pod_overhead_gib,
            ..need
        };
        if !fits(eks_fargate, pod) {
            let why = format!(
                "{}: {asked} plus EKS's {} MiB per pod is above the largest EKS Fargate pod ({})",
                s.name,
                format_number(pod_overhead_gib * 1024.0),
                largest(eks_fargate)
            );
            add(EksFargate, why, FARGATE_SIZES);
        }
        if !fits(runner, need) {
            let why = format!(
                "{}: {asked} is above the largest App Runner instance ({})",
                s.name,
                largest(runner)
            );
            add(AppRunner, why, APP_RUNNER_INSTANCE);
        }
        let lmi = pricebook::limit(Limit::LmiMaxMemoryGib);
        let (_, env_gib) = crate::cost::lambda_managed::environment(s.vcpu, s.memory_gib);
        if env_gib > lmi.value {
            let why = format!(
                "{}: {asked} needs an environment of {} GiB, above Lambda Managed Instances' {} GiB",
                s.name,
                format_number(env_gib),
                format_number(lmi.value)
            );
            add(LambdaManaged, why, lmi.provenance.source());
        }
        if s.memory_gib * 1024.0 > lambda.value {
            let why = format!(
                "{}: {} MiB is above Lambda's {} MiB",
                s.name,
                format_number(s.memory_gib * 1024.0),
                format_number(lambda.value)
            );
            add(Lambda, why, lambda.provenance.source());
        }
    }
    out
}

/// Every requirement, size and legacy exclusion of one platform, in a fixed
/// order (requirement rules first, then size, then legacy).
pub(crate) fn exclusions(
    req: &Requirements,
    scenario: &Scenario,
    sizes: &[(Platform, Exclusion)],
    platform: Platform,
) -> Vec<Exclusion> {
    let mut out: Vec<Exclusion> = RULES
        .iter()
        .filter(|r| r.platform == platform && (r.when)(req, scenario))
        .map(|r| Exclusion {
            constraint: r.constraint,
            reason: r.reason.to_string(),
            source: r.source,
        })
        .collect();
    if matches!(platform, Lambda | LambdaManaged) && req.long {
        out.push(long_running());
    }
    out.extend(
        sizes
            .iter()
            .filter(|(p, _)| *p == platform)
            .map(|(_, e)| e.clone()),
    );
    if platform == AppRunner {
        out.push(legacy());
    }
    out
}
