//! App Runner (legacy: closed to new customers) and Lambda.

use crate::options::FrontDoor;
use crate::pricebook::{self, Fee, Limit, TaskSize};
use crate::scenario::{Arch, Os, Scenario, Service};
use crate::text::format_number;
use crate::units::HOURS_PER_MONTH;

use super::commit;
use super::fargate::{largest, size_text};
use super::prices::Prices;
use super::{empty_note, Bill, LineKind, Platform, PlatformCost, Status, Unavailable};

/// Tolerance when comparing sizes.
const EPS: f64 = 1e-9;

/// Why App Runner is legacy (the date is in the price book's sources).
const APP_RUNNER_LEGACY: &str =
    "App Runner is closed to new customers since 2026-04-30; AWS points new workloads to ECS Express Mode";

/// App Runner: valid sizes; active hours bill vCPU and memory, idle
/// (provisioned) hours bill memory only; plus automatic deployments.
pub(crate) fn app_runner(
    scenario: &Scenario,
    prices: &Prices,
) -> Result<PlatformCost, Unavailable> {
    let o = &scenario.options;
    let vcpu_rate = prices.fee(Fee::AppRunnerVcpuHour)?;
    let gb_rate = prices.fee(Fee::AppRunnerGbHour)?;
    let mut bill = Bill::default();
    // The book records that idle memory bills at the active rate where no
    // separate figure is listed for the region.
    let idle_gb_rate = prices
        .fee_opt(Fee::AppRunnerProvisionedGbHour)
        .unwrap_or(gb_rate);
    let deploy = prices.fee(Fee::AppRunnerAutoDeployMonth)?;
    let active = o.active_pct / 100.0;
    for s in &scenario.services {
        if s.os == Os::Windows || s.arch == Arch::Arm {
            return Err(format!(
                "{}: App Runner runs Linux x86 containers only",
                s.name
            ));
        }
        let need = TaskSize {
            vcpu: s.vcpu,
            memory_gib: s.memory_gib,
        };
        let size = pricebook::app_runner_sizes()
            .iter()
            .filter(|z| z.vcpu + EPS >= need.vcpu && z.memory_gib + EPS >= need.memory_gib)
            .min_by(|a, b| {
                (a.vcpu * vcpu_rate + a.memory_gib * gb_rate)
                    .total_cmp(&(b.vcpu * vcpu_rate + b.memory_gib * gb_rate))
            })
            .copied()
            .ok_or_else(|| {
                format!(
                    "{}: {} is larger than any App Runner instance ({})",
                    s.name,
                    size_text(need),
                    largest(pricebook::app_runner_sizes())
                )
            })?;
        if size != need {
            bill.note(format!(
                "{}: {} billed as {}",
                s.name,
                size_text(need),
                size_text(size)
            ));
        }
        let instance_hours = f64::from(s.tasks) * s.hours;
        let label = format!("{}: {} × {}", s.name, s.tasks, size_text(size));
        bill.line(
            LineKind::Compute,
            format!(
                "{label}, active {}% of {} h",
                format_number(o.active_pct),
                format_number(s.hours)
            ),
            instance_hours * active * (size.vcpu * vcpu_rate + size.memory_gib * gb_rate),
        );
        if active < 1.0 {
            bill.line(
                LineKind::Compute,
                format!("{label}, provisioned (idle), memory only"),
                instance_hours * (1.0 - active) * size.memory_gib * idle_gb_rate,
            );
        }
        bill.line(
            LineKind::ManagementFee,
            format!("{}: automatic deployments", s.name),
            deploy,
        );
    }
    bill.note("App Runner bills per second while instances are active; idle instances keep memory provisioned");
    empty_note(scenario, &mut bill);
    if o.sp_pct > 0.0 || o.commit != crate::options::Commitment::None {
        bill.note("Savings Plans do not cover App Runner: the discount is not applied");
    }
    Ok(bill.finish(
        Platform::AppRunner,
        Status::Legacy,
        Some(APP_RUNNER_LEGACY.to_string()),
    ))
}

/// What both Lambdas price: a request-driven workload (`req`, `dur`) whose
/// first service, on Linux, is the function, with invocations within
/// Lambda's limit. Returns the requests, the duration and the function.
pub(crate) fn request_driven<'s>(
    scenario: &'s Scenario,
    prices: &Prices,
    what: &str,
) -> Result<(f64, f64, &'s Service), Unavailable> {
    let o = &scenario.options;
    let (Some(requests), Some(duration_ms)) = (o.requests_per_month, o.duration_ms) else {
        return Err(format!("{what} is priced per request: give requests per month (req) and duration (dur) for a request-driven workload"));
    };
    let Some(function) = scenario.services.first() else {
        return Err("no service to run as a function".to_string());
    };
    if function.os == Os::Windows {
        return Err(format!("{}: {what} runs Linux only", function.name));
    }
    let max_s = prices.limit(Limit::LambdaMaxDurationSeconds);
    if duration_ms / 1000.0 > max_s {
        return Err(format!(
            "an invocation of {} ms exceeds Lambda's {} s limit",
            format_number(duration_ms),
            format_number(max_s)
        ));
    }
    Ok((requests, duration_ms, function))
}

/// Lambda: priced only for a request-driven workload (`req`, `dur`): the
/// first service is the function, its memory and architecture set the rate.
pub(crate) fn lambda(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    let o = &scenario.options;
    let (requests, duration_ms, function) = request_driven(scenario, prices, "Lambda")?;
    let (min_mib, max_mib) = (
        prices.limit(Limit::LambdaMinMemoryMib),
        prices.limit(Limit::LambdaMaxMemoryMib),
    );
    let asked_mib = function.memory_gib * 1024.0;
    if asked_mib > max_mib {
        return Err(format!(
            "{}: {} MiB exceeds Lambda's {} MiB",
            function.name,
            format_number(asked_mib),
            format_number(max_mib)
        ));
    }
    let mut bill = Bill::default();
    let memory_mib = asked_mib.max(min_mib).ceil();
    if memory_mib != asked_mib {
        bill.note(format!(
            "memory set to {} MiB (Lambda takes whole MiB, at least {})",
            format_number(memory_mib),
            format_number(min_mib)
        ));
    }
    let rate = match function.arch {
        Arch::X86 => prices.fee(Fee::LambdaGbSecondX86)?,
        Arch::Arm => prices.fee(Fee::LambdaGbSecondArm)?,
    };
    let per_million = prices.fee(Fee::LambdaPerMillionRequests)?;
    let gb_seconds = requests * duration_ms / 1000.0 * memory_mib / 1024.0;
    bill.line(
        LineKind::Compute,
        format!(
            "Duration: {} requests × {} ms × {} MiB = {} GB-s",
            format_number(requests),
            format_number(duration_ms),
            format_number(memory_mib),
            format_number(gb_seconds.round())
        ),
        gb_seconds * rate,
    );
    // The account's monthly free tier, when asked for (`free=1`).
    let free = |limit: Limit, used: f64| {
        if o.free_tier {
            used.min(prices.limit(limit))
        } else {
            0.0
        }
    };
    let (free_s, free_r) = (
        free(Limit::LambdaFreeGbSeconds, gb_seconds),
        free(Limit::LambdaFreeRequests, requests),
    );
    if free_s > 0.0 {
        bill.line(
            LineKind::Compute,
            format!("Free tier: {} GB-s", format_number(free_s)),
            -free_s * rate,
        );
    }
    // Requests arrive through the month: its duration counts as steady
    // use for a Compute Savings Plan.
    let applied = commit::apply(
        scenario,
        prices,
        commit::Covered::Lambda,
        (gb_seconds - free_s) * rate,
        HOURS_PER_MONTH,
        &mut bill,
    )?;
    commit::lines(scenario, "Lambda duration", applied, &mut bill);
    bill.line(
        LineKind::Requests,
        format!("Requests: {}", format_number(requests)),
        requests / 1e6 * per_million,
    );
    if free_r > 0.0 {
        bill.line(
            LineKind::Requests,
            format!("Free tier: {} requests", format_number(free_r)),
            -free_r / 1e6 * per_million,
        );
    }
    let gateway = match o.front {
        FrontDoor::Http => Some((Fee::ApigwHttpPerMillion, "HTTP API")),
        FrontDoor::Rest => Some((Fee::ApigwRestPerMillion, "REST API")),
        FrontDoor::Url | FrontDoor::Alb => None,
    };
    if let Some((fee, what)) = gateway {
        bill.line(
            LineKind::Requests,
            format!("API Gateway {what}: {} requests", format_number(requests)),
            requests / 1e6 * prices.fee(fee)?,
        );
    }
    bill.note(format!(
        "{} runs as the function, behind {}; first-tier rates; {}",
        function.name,
        match o.front {
            FrontDoor::Url => "a function URL (no charge of its own)",
            FrontDoor::Http => "an API Gateway HTTP API",
            FrontDoor::Rest => "an API Gateway REST API",
            FrontDoor::Alb => "an ALB (its lines below)",
        },
        if o.free_tier {
            "the account's monthly free tier taken off (one per account, shared by its functions)"
        } else {
            "free tier not applied (free=1 applies it)"
        }
    ));
    if scenario.services.len() > 1 {
        bill.note("req and dur describe one function: the other services are not priced on Lambda");
    }
    Ok(bill.finish(Platform::Lambda, Status::Ok, None))
}
