//! `Prices`: the models' one door to the price book, for one region.
//!
//! Models never call the book directly, so there is one place where a
//! missing figure becomes a reason ("no … price for … in …") and, later,
//! one place where user overrides apply.

use std::cell::RefCell;

use crate::decimal::shortest;
use crate::overrides::PriceOverride;
use crate::pricebook::{self, FargatePlatform, FargateTier, Fee, InstanceType, Limit, Rate};
use crate::region::RegionId;

use super::AsOf;

/// How every "no figure in the book" reason starts, so a platform the book
/// cannot price yet reads differently from one the workload rules out.
pub const NO_PRICE: &str = "the price book has no";

/// True when `reason` says the book lacks a figure (not that the workload
/// does not fit).
pub fn is_missing_price(reason: &str) -> bool {
    reason.starts_with(NO_PRICE)
}

/// The kind of figure a rate key names, as the summary dates it.
fn kind_of(key: &str) -> &'static str {
    if key.starts_with("ec2.") {
        "EC2"
    } else if key.starts_with("commit.") {
        "commitments"
    } else if key.starts_with("spot.") {
        "EC2 Spot"
    } else if key.starts_with("fargate.") && key.contains(".spot.") {
        "Fargate Spot"
    } else if key.starts_with("fargate.") {
        "Fargate"
    } else {
        "fees"
    }
}

/// Price lookups for one region, with the user's overrides applied.
#[derive(Debug)]
pub struct Prices<'a> {
    /// Region code.
    pub region: RegionId,
    overrides: &'a [PriceOverride],
    /// Overridden rates actually used, for the notes.
    used: RefCell<Vec<(&'static str, f64, f64)>>,
    /// The kind and as-of date of every book figure used, once each.
    dated: RefCell<Vec<(&'static str, &'static str)>>,
}

/// Fargate rates as plain numbers (USD per hour).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FargateRate {
    /// Per vCPU-hour.
    pub vcpu_hour: f64,
    /// Per GiB-hour.
    pub gb_hour: f64,
    /// Windows licence per vCPU-hour (0 on Linux).
    pub license_vcpu_hour: f64,
}

impl<'a> Prices<'a> {
    /// Lookups for `region`, book figures only.
    pub fn new(region: RegionId) -> Self {
        Self {
            region,
            overrides: &[],
            used: RefCell::new(Vec::new()),
            dated: RefCell::new(Vec::new()),
        }
    }

    /// Lookups for a scenario: its region and its price overrides.
    pub fn for_scenario(scenario: &'a crate::Scenario) -> Self {
        Self {
            region: scenario.region,
            overrides: &scenario.overrides,
            used: RefCell::new(Vec::new()),
            dated: RefCell::new(Vec::new()),
        }
    }

    /// The as-of dates of every book figure used so far, per kind, oldest
    /// first.
    pub fn as_of(&self) -> Vec<AsOf> {
        let dated: Vec<AsOf> = self
            .dated
            .borrow()
            .iter()
            .map(|&(kind, date)| AsOf {
                kind,
                oldest: date,
                newest: date,
            })
            .collect();
        AsOf::merge([dated.as_slice()])
    }

    /// The figure to use for a book rate: the override when there is one.
    // Not inlined: every lookup calls it, so it is compiled once (measured:
    // a few bytes of the page, no more).
    #[inline(never)]
    fn pick(&self, rate: Rate) -> f64 {
        let kind = kind_of(rate.key);
        let mut dated = self.dated.borrow_mut();
        if !dated.contains(&(kind, rate.provenance.as_of)) {
            dated.push((kind, rate.provenance.as_of));
        }
        drop(dated);
        match self.overrides.iter().find(|o| o.key == rate.key) {
            Some(o) => {
                let mut used = self.used.borrow_mut();
                if !used.iter().any(|(k, _, _)| *k == rate.key) {
                    used.push((rate.key, rate.value, o.value));
                }
                o.value
            }
            None => rate.value,
        }
    }

    /// One note per overridden rate used so far.
    pub fn override_notes(&self) -> Vec<String> {
        self.used
            .borrow()
            .iter()
            .flat_map(|&(key, book, value)| {
                let used = format!(
                    "uses your price for {key}: {} (book: {})",
                    shortest(value),
                    shortest(book)
                );
                std::iter::once(used).chain(crate::overrides::flag(key, book, value))
            })
            .collect()
    }

    /// EC2 on-demand Linux, USD per instance-hour.
    pub fn ec2(&self, it: &InstanceType) -> Result<f64, String> {
        pricebook::ec2_on_demand(it.id, self.region)
            .map(|r| self.pick(r))
            .ok_or_else(|| format!("{NO_PRICE} EC2 price for {} in {}", it.name(), self.region))
    }

    /// Percent saved by Spot for a family here, if the book has it.
    pub fn spot_savings_pct(&self, family: &str) -> Option<f64> {
        pricebook::ec2_spot_savings_pct(family, self.region).map(|r| self.pick(r))
    }

    /// Fargate rates for a platform and tier.
    pub fn fargate(
        &self,
        platform: FargatePlatform,
        tier: FargateTier,
    ) -> Result<FargateRate, String> {
        let rates = pricebook::fargate(self.region, platform, tier).ok_or_else(|| {
            format!(
                "{NO_PRICE} Fargate {} {} price in {}",
                platform.key().replace('_', " "),
                tier.key().replace('_', "-"),
                self.region
            )
        })?;
        Ok(FargateRate {
            vcpu_hour: self.pick(rates.vcpu_hour),
            gb_hour: self.pick(rates.gb_hour),
            license_vcpu_hour: rates.os_license_vcpu_hour.map_or(0.0, |r| self.pick(r)),
        })
    }

    /// A fee here, or the reason it is missing.
    pub fn fee(&self, fee: Fee) -> Result<f64, String> {
        self.fee_opt(fee)
            .ok_or_else(|| format!("{NO_PRICE} {} in {}", fee_name(fee), self.region))
    }

    /// A fee here, if the book has it.
    pub fn fee_opt(&self, fee: Fee) -> Option<f64> {
        pricebook::fee(fee, self.region).map(|r| self.pick(r))
    }

    /// A commitment's saving here, percent, and how sure the book is of
    /// it; `None` when the book has no row for `key`.
    pub fn commit(&self, key: &str) -> Option<(f64, pricebook::Confidence)> {
        pricebook::commit_rate(key, self.region).map(|r| (self.pick(r), r.provenance.confidence))
    }

    /// A limit (region-independent).
    pub fn limit(&self, limit: Limit) -> f64 {
        pricebook::limit(limit).value
    }
}

/// A fee's name in messages.
fn fee_name(fee: Fee) -> &'static str {
    match fee {
        Fee::EksClusterStandardHour => "EKS cluster fee (standard support)",
        Fee::EksClusterExtendedHour => "EKS cluster fee (extended support)",
        Fee::EksAutoModePctOfOnDemand => "EKS Auto Mode management fee",
        Fee::EcsManagedInstancesPctOfOnDemand => "ECS Managed Instances management fee",
        Fee::AlbHour => "ALB hourly price",
        Fee::AlbLcuHour => "ALB LCU price",
        Fee::NatGatewayHour => "NAT gateway hourly price",
        Fee::NatGatewayGb => "NAT gateway data price",
        Fee::PublicIpv4Hour => "public IPv4 price",
        Fee::AppRunnerVcpuHour => "App Runner vCPU price",
        Fee::AppRunnerGbHour => "App Runner memory price",
        Fee::AppRunnerProvisionedGbHour => "App Runner provisioned memory price",
        Fee::AppRunnerAutoDeployMonth => "App Runner automatic deployment fee",
        Fee::LambdaGbSecondX86 => "Lambda x86 duration price",
        Fee::LambdaGbSecondArm => "Lambda Arm duration price",
        Fee::LambdaPerMillionRequests => "Lambda request price",
        Fee::FargateEphemeralGbHour => "Fargate ephemeral storage price",
        Fee::Gp3GbMonth => "EBS gp3 price",
        Fee::InternetOutGb => "internet data transfer price",
        Fee::CrossAzGb => "cross-zone transfer price",
        Fee::LogsIngestGb => "CloudWatch Logs ingestion price",
        Fee::LogsStoreGbMonth => "CloudWatch Logs storage price",
        Fee::EcrGbMonth => "ECR storage price",
        Fee::ApigwHttpPerMillion => "API Gateway HTTP API price",
        Fee::ApigwRestPerMillion => "API Gateway REST API price",
        Fee::LambdaManagedPctOfOnDemand => "Lambda Managed Instances fee",
        Fee::LambdaManagedPerMillionRequests => "Lambda Managed Instances request price",
    }
}
