//! Lambda Managed Instances: a function's execution environments on EC2
//! instances Lambda runs in the customer's account — the instances at the
//! EC2 price, a management fee on their on-demand price, and requests.
//!
//! Priced for a request-driven workload (`req`, `dur`), like Lambda: the
//! first service is the function and its size one execution environment.
//! Each environment serves many requests at once (the book's concurrency
//! per vCPU); there are enough environments for the month's average
//! concurrency, at least the book's minimum, on at least its minimum of
//! instances (one per zone of three, for resilience), packed onto the
//! cheapest C, M or R type that holds them after the share each instance
//! keeps for the system.

use crate::pricebook::{self, Fee, InstanceType, Limit};
use crate::scenario::Scenario;
use crate::text::format_number;
use crate::units::HOURS_PER_MONTH;

use super::commit;
use super::prices::Prices;
use super::{Bill, Capacity, LineKind, Platform, PlatformCost, Status, Unavailable};

/// Seconds in the month the request volume spreads over.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// The families Lambda Managed Instances run on: compute, general purpose
/// and memory optimised (`c`, `m`, `r`), large and up, no GPUs.
fn eligible(it: &InstanceType) -> bool {
    let family = it.family();
    family.starts_with(['c', 'm', 'r']) && it.vcpu >= 2 && !it.burstable && it.gpus == 0
}

/// An execution environment for a function of `vcpu` and `memory_gib`:
/// at least the book's smallest memory, and within the memory-per-vCPU
/// ratios Lambda allows (memory raised to the least ratio, vCPU to the
/// most). The one rule for the cost model and the decision's size check.
pub(crate) fn environment(vcpu: f64, memory_gib: f64) -> (f64, f64) {
    let limit = |l| pricebook::limit(l).value;
    let memory = memory_gib
        .max(limit(Limit::LmiMinMemoryGib))
        .max(vcpu * limit(Limit::LmiMinGibPerVcpu));
    (vcpu.max(memory / limit(Limit::LmiMaxGibPerVcpu)), memory)
}

/// Lambda Managed Instances.
pub(crate) fn price(scenario: &Scenario, prices: &Prices) -> Result<PlatformCost, Unavailable> {
    let (requests, duration_ms, function) =
        super::serverless::request_driven(scenario, prices, "Lambda Managed Instances")?;
    let mut bill = Bill::default();
    // An environment's size: the service's, within the memory range and
    // the memory-per-vCPU ratios Lambda allows.
    let max_gib = prices.limit(Limit::LmiMaxMemoryGib);
    let (vcpu, memory) = environment(function.vcpu, function.memory_gib);
    if memory > max_gib {
        return Err(format!(
            "{}: {} GiB exceeds the {} GiB of a Lambda Managed Instances environment",
            function.name,
            format_number(memory),
            format_number(max_gib)
        ));
    }
    if memory != function.memory_gib || vcpu != function.vcpu {
        bill.note(format!(
            "{}: an environment of {} vCPU / {} GiB (at least {} GiB, {}–{} GiB per vCPU)",
            function.name,
            format_number(vcpu),
            format_number(memory),
            format_number(prices.limit(Limit::LmiMinMemoryGib)),
            format_number(prices.limit(Limit::LmiMinGibPerVcpu)),
            format_number(prices.limit(Limit::LmiMaxGibPerVcpu))
        ));
    }
    let per_vcpu = prices.limit(Limit::LmiConcurrencyPerVcpu);
    let concurrency = requests / (HOURS_PER_MONTH * SECONDS_PER_HOUR) * duration_ms / 1000.0;
    let min_envs = prices.limit(Limit::LmiMinEnvironments);
    let envs = (concurrency / (per_vcpu * vcpu)).ceil().max(min_envs);
    let min_instances = prices.limit(Limit::LmiMinInstances);
    let (reserved_vcpu, reserved_gib) = (
        prices.limit(Limit::LmiReservedVcpu),
        prices.limit(Limit::LmiReservedGib),
    );
    let fee_pct = prices.fee(Fee::LambdaManagedPctOfOnDemand)?;
    // The cheapest fleet: per type, environments per instance after the
    // system's share, instances for them (at least the minimum).
    let mut best: Option<(&InstanceType, f64, f64, f64)> = None;
    for it in pricebook::instance_types()
        .iter()
        .filter(|it| eligible(it) && it.arch == function.arch)
    {
        let Ok(hourly) = prices.ec2(it) else { continue };
        let fits = ((f64::from(it.vcpu) - reserved_vcpu) / vcpu)
            .min((it.memory_gib - reserved_gib) / memory)
            .floor();
        if fits < 1.0 {
            continue;
        }
        let n = (envs / fits).ceil().max(min_instances);
        let monthly = n * hourly * HOURS_PER_MONTH * (1.0 + fee_pct / 100.0);
        if best.is_none_or(|b| monthly < b.3) {
            best = Some((it, n, fits, monthly));
        }
    }
    let Some((it, n, fits, _)) = best else {
        return Err(format!(
            "{}: no C, M or R instance type the book prices in {} holds an environment of {} vCPU / {} GiB",
            function.name,
            prices.region,
            format_number(vcpu),
            format_number(memory)
        ));
    };
    let on_demand = n * prices.ec2(it)? * HOURS_PER_MONTH;
    bill.line(
        LineKind::Compute,
        format!(
            "EC2: {} × {}, {} h",
            format_number(n),
            it.name(),
            format_number(HOURS_PER_MONTH)
        ),
        on_demand,
    );
    let applied = commit::apply(
        scenario,
        prices,
        commit::Covered::Ec2(it.family()),
        on_demand,
        HOURS_PER_MONTH,
        &mut bill,
    )?;
    commit::lines(scenario, "EC2", applied, &mut bill);
    bill.line(
        LineKind::ManagementFee,
        format!(
            "Lambda Managed Instances fee: {}% of the on-demand price",
            format_number(fee_pct)
        ),
        on_demand * fee_pct / 100.0,
    );
    bill.line(
        LineKind::Requests,
        format!("Requests: {}", format_number(requests)),
        requests / 1e6 * prices.fee(Fee::LambdaManagedPerMillionRequests)?,
    );
    bill.note(format!(
        "{} runs as the function: {} environment(s) for {} requests in flight on average ({} per vCPU, the lowest runtime default), at least {} on {} instances or more; peaks need more, added in minutes",
        function.name,
        format_number(envs),
        format_number((concurrency * 10.0).round() / 10.0),
        format_number(per_vcpu),
        format_number(min_envs),
        format_number(min_instances)
    ));
    bill.note("no duration charge; the fee is on the on-demand price, commitments or not");
    let have = n * f64::from(it.vcpu);
    bill.capacity(Capacity {
        instance_type: it.name().to_string(),
        instances: n as u64,
        tasks_per_instance: fits as u64,
        cpu_utilization: if have > 0.0 { envs * vcpu / have } else { 0.0 },
        memory_utilization: envs * memory / (n * it.memory_gib).max(f64::MIN_POSITIVE),
    });
    Ok(bill.finish(Platform::LambdaManaged, Status::Ok, None))
}
