//! What a workload pays to be reached and to reach out, beyond compute:
//! load balancers, NAT gateways and public IPv4 addresses, spread over
//! the availability zones the workload runs in (`lb=`, `egress=`, `gb=`,
//! `az=`). One rule for every platform in a VPC (ECS and EKS, Fargate and
//! EC2), so no platform is compared spared of a line another pays. App
//! Runner and Lambda run outside the customer's VPC by default: their own
//! front door is in their price, and none of these lines apply.

use crate::decimal::shortest;
use crate::options::{Egress, FrontDoor, LoadBalancing};
use crate::pricebook::{Fee, Limit};
use crate::requirements::UseCase;
use crate::scenario::Scenario;
use crate::text::format_number;
use crate::units::HOURS_PER_MONTH;

use super::prices::Prices;
use super::{Bill, LineKind, Platform, PlatformCost, Unavailable};

/// Whether `platform` runs in the customer's VPC (and pays these lines).
fn in_vpc(platform: Platform) -> bool {
    !matches!(platform, Platform::AppRunner | Platform::Lambda)
}

/// Whether requests reach `platform` through Lambda's own front doors
/// (`front=`), not a load balancer in front of the services.
fn fronted_by_lambda(platform: Platform) -> bool {
    matches!(platform, Platform::Lambda | Platform::LambdaManaged)
}

/// Whose public addresses egress=public pays for.
#[derive(Clone, Copy)]
enum Addresses {
    /// EC2 instances (their tasks leave through them).
    Instances(u64),
    /// Fargate tasks, each with its own, for these task-hours.
    TaskHours(f64),
}

/// The network lines of `platform` for this workload (they bill while the
/// design exists, whether or not tasks run: a service scaled to zero keeps
/// its load balancer and NAT gateways).
fn lines(
    scenario: &Scenario,
    prices: &Prices,
    platform: Platform,
    addresses: Addresses,
) -> Result<Bill, Unavailable> {
    let mut bill = Bill::default();
    if scenario.services.is_empty() {
        return Ok(bill);
    }
    if in_vpc(platform) {
        let wanted = !fronted_by_lambda(platform)
            && match scenario.options.lb {
                LoadBalancing::Alb => true,
                LoadBalancing::None => false,
                LoadBalancing::Auto => {
                    !matches!(scenario.requirements.use_case, UseCase::Batch | UseCase::Ml)
                }
            };
        load_balancers(scenario, prices, platform, wanted, &mut bill);
        egress(scenario, prices, platform, addresses, &mut bill)?;
    }
    if fronted_by_lambda(platform) && scenario.options.front == FrontDoor::Alb {
        // A function behind an ALB pays it as any service does.
        load_balancers(scenario, prices, platform, true, &mut bill);
    }
    usage(scenario, prices, in_vpc(platform), &mut bill);
    Ok(bill)
}

/// Data, logs and images: what every platform pays alike for the volumes
/// the user gives (`out=`, `xaz=`, `logs=`, `keep=`, `ecr=`).
fn usage(scenario: &Scenario, prices: &Prices, vpc: bool, bill: &mut Bill) {
    let o = &scenario.options;
    let gb = format_number;
    let mut volume = |kind, fee, amount: f64, times: f64, left_out: &str, label: String| {
        if amount > 0.0 {
            if let Some(r) = rate(prices, fee, bill, left_out) {
                bill.line(kind, label, amount * times * r);
            }
        }
    };
    volume(
        LineKind::DataTransfer,
        Fee::InternetOutGb,
        o.out_gb,
        1.0,
        "internet data transfer",
        format!("Data out to the internet: {} GB", gb(o.out_gb)),
    );
    if vpc && o.az > 1 {
        volume(
            LineKind::DataTransfer,
            Fee::CrossAzGb,
            o.cross_az_gb,
            2.0,
            "cross-zone transfer",
            format!(
                "Data across zones: {} GB, billed on both sides",
                gb(o.cross_az_gb)
            ),
        );
    }
    volume(
        LineKind::Logs,
        Fee::LogsIngestGb,
        o.logs_gb,
        1.0,
        "log ingestion",
        format!("CloudWatch Logs ingested: {} GB", gb(o.logs_gb)),
    );
    volume(
        LineKind::Logs,
        Fee::LogsStoreGbMonth,
        o.logs_gb,
        o.logs_months,
        "log storage",
        format!(
            "CloudWatch Logs stored: {} GB × {} month(s) kept",
            gb(o.logs_gb),
            gb(o.logs_months)
        ),
    );
    volume(
        LineKind::Registry,
        Fee::EcrGbMonth,
        o.ecr_gb,
        1.0,
        "image storage",
        format!("ECR images: {} GB", gb(o.ecr_gb)),
    );
    if o.out_gb > 0.0 {
        bill.note(
            "internet data out at the first paid tier, without the account's 100 GB a month free",
        );
    }
    if o.logs_gb > 0.0 && o.logs_months > 0.0 {
        bill.note("logs stored at their ingested size (CloudWatch bills the compressed size: an upper bound)");
    }
}

/// What the network adds to an EC2-backed fleet whatever its size (the
/// break-even curves' fixed part), and per instance.
pub(crate) fn fleet_parts(
    scenario: &Scenario,
    prices: &Prices,
    platform: Platform,
) -> Result<(f64, f64), Unavailable> {
    let total = |n| {
        lines(scenario, prices, platform, Addresses::Instances(n))
            .map(|b| b.lines.iter().map(|l| l.monthly_usd).sum::<f64>())
    };
    let fixed = total(0)?;
    Ok((fixed, total(1)? - fixed))
}

/// Adds the network lines to a priced platform, or says why it cannot
/// have the egress design asked for.
pub(crate) fn add(
    scenario: &Scenario,
    prices: &Prices,
    cost: &mut PlatformCost,
) -> Result<(), Unavailable> {
    let addresses = match &cost.capacity {
        Some(c) => Addresses::Instances(c.instances),
        None => Addresses::TaskHours(
            scenario
                .services
                .iter()
                .map(|s| f64::from(s.tasks) * s.hours)
                .sum(),
        ),
    };
    let bill = lines(scenario, prices, cost.id, addresses)?;
    cost.monthly_usd += bill.lines.iter().map(|l| l.monthly_usd).sum::<f64>();
    cost.lines.extend(bill.lines);
    for n in bill.notes {
        cost.note(n);
    }
    Ok(())
}

/// A rate, or a note that the book has none here (the line is then left
/// out of every platform alike, and the page says so).
fn rate(prices: &Prices, fee: Fee, bill: &mut Bill, left_out: &str) -> Option<f64> {
    match prices.fee(fee) {
        Ok(r) => Some(r),
        Err(why) => {
            bill.note(format!("{why}: {left_out} left out on every platform"));
            None
        }
    }
}

/// Public IPv4 addresses held all month.
fn ipv4(prices: &Prices, addresses: f64, what: String, bill: &mut Bill) {
    if addresses <= 0.0 {
        return;
    }
    if let Some(r) = rate(prices, Fee::PublicIpv4Hour, bill, "public IPv4") {
        bill.line(
            LineKind::PublicIpv4,
            format!("Public IPv4: {what}"),
            addresses * r * HOURS_PER_MONTH,
        );
    }
}

fn load_balancers(
    scenario: &Scenario,
    prices: &Prices,
    platform: Platform,
    wanted: bool,
    bill: &mut Bill,
) {
    let o = &scenario.options;
    let express = platform == Platform::EcsExpress;
    // Express Mode always fronts its services with an ALB; Lambda runs
    // one function.
    let services = if fronted_by_lambda(platform) {
        1.0
    } else {
        scenario.services.len() as f64
    };
    if !(wanted || express) || services == 0.0 {
        return;
    }
    let per_alb = if express {
        prices.limit(Limit::ExpressServicesPerAlb)
    } else {
        prices.limit(Limit::AlbTargetGroups)
    }
    .max(1.0);
    let albs = (services / per_alb).ceil();
    let Some(hourly) = rate(prices, Fee::AlbHour, bill, "the load balancer") else {
        return;
    };
    let h = format_number(HOURS_PER_MONTH);
    bill.line(
        LineKind::LoadBalancer,
        format!(
            "ALB: {} × {h} h ({} service(s), up to {} per ALB)",
            shortest(albs),
            shortest(services),
            shortest(per_alb)
        ),
        albs * hourly * HOURS_PER_MONTH,
    );
    if o.lcu > 0.0 {
        if let Some(lcu_rate) = rate(prices, Fee::AlbLcuHour, bill, "ALB capacity units") {
            bill.line(
                LineKind::LoadBalancer,
                format!(
                    "ALB capacity: {} LCU × {} ALB × {h} h",
                    format_number(o.lcu),
                    shortest(albs)
                ),
                albs * o.lcu * lcu_rate * HOURS_PER_MONTH,
            );
        }
    }
    // An internet-facing ALB has a node, with its address, in each zone.
    let zones = f64::from(o.az.max(1));
    ipv4(
        prices,
        albs * zones,
        format!("{} ALB × {} AZ", shortest(albs), shortest(zones)),
        bill,
    );
}

fn egress(
    scenario: &Scenario,
    prices: &Prices,
    platform: Platform,
    addresses: Addresses,
    bill: &mut Bill,
) -> Result<(), Unavailable> {
    let o = &scenario.options;
    let zones = f64::from(o.az.max(1));
    match o.egress {
        Egress::Nat | Egress::Nat1 => {
            let gateways = if o.egress == Egress::Nat { zones } else { 1.0 };
            if let Some(hourly) = rate(prices, Fee::NatGatewayHour, bill, "the NAT gateway") {
                bill.line(
                    LineKind::NatGateway,
                    format!(
                        "NAT gateway: {} × {} h",
                        shortest(gateways),
                        format_number(HOURS_PER_MONTH)
                    ),
                    gateways * hourly * HOURS_PER_MONTH,
                );
                ipv4(
                    prices,
                    gateways,
                    format!("{} NAT gateway(s)", shortest(gateways)),
                    bill,
                );
            }
            if o.egress_gb > 0.0 {
                if let Some(per_gb) = rate(prices, Fee::NatGatewayGb, bill, "NAT data processing") {
                    bill.line(
                        LineKind::NatGateway,
                        format!("NAT data processed: {} GB", format_number(o.egress_gb)),
                        o.egress_gb * per_gb,
                    );
                }
            }
        }
        Egress::Public => {
            if platform == Platform::EksFargate {
                return Err("EKS on Fargate pods run in private subnets only: choose a NAT gateway, not public subnets".to_string());
            }
            // Fargate tasks each have an address while they run; EC2 tasks
            // leave through their instance's.
            let (n, what) = match addresses {
                Addresses::Instances(n) => (n as f64, format!("{n} instance(s)")),
                Addresses::TaskHours(h) => (
                    h / HOURS_PER_MONTH,
                    format!("one per task, {} task-hours", format_number(h)),
                ),
            };
            ipv4(prices, n, what, bill);
        }
        Egress::None => bill.note("no internet access (VPC endpoints not priced)"),
    }
    if o.egress_gb > 0.0 && o.out_gb == 0.0 {
        bill.note("gb= prices NAT processing only: data sent out is billed as out=");
    }
    Ok(())
}
