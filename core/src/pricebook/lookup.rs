//! Lookups over the compiled tables. Nothing here falls back to another
//! region or invents a figure: missing data is `None`.

use super::rows::{self, FargateRow, FeeRow};
use super::{FargatePlatform, FargateRates, FargateTier, Fee, InstanceType, Limit, Rate, TaskSize};
use crate::catalog::{InstanceTypeId, PriceKey};
use crate::region::RegionId;

/// Unit of an EC2 on-demand price.
const EC2_UNIT: &str = "USD per instance-hour";
/// Unit of a Spot saving.
const SPOT_UNIT: &str = "percent saved vs on-demand";
/// Unit of a Fargate vCPU rate.
const VCPU_HOUR: &str = "USD per vCPU-hour";
/// Unit of a Fargate memory rate.
const GB_HOUR: &str = "USD per GB-hour";
/// Unit of the Windows licence rate.
const LICENSE_HOUR: &str = "USD per vCPU-hour (Windows licence, on top)";
/// Unit of a kube-reserved CPU tier.
const TIER_UNIT: &str = "percent of each core in the tier";

/// Every catalog instance type, in catalog order.
pub fn instance_types() -> &'static [InstanceType] {
    &crate::catalog::INSTANCE_TYPES
}

/// The catalog entry for an instance type name (exact, e.g. `m5.large`).
pub fn instance_type(name: &str) -> Option<&'static InstanceType> {
    crate::catalog::INSTANCE_TYPES
        .iter()
        .find(|t| t.name() == name)
}

/// On-demand price of an instance type in a region: USD per instance-hour,
/// Linux, shared tenancy. `None` when the book has no price there.
pub fn ec2_on_demand(instance: InstanceTypeId, region: RegionId) -> Option<Rate> {
    ec2_rate(instance.index(), region.index())
}

/// The on-demand rate in cell (type `it`, region `region`) of the EC2 tables.
fn ec2_rate(it: usize, region: usize) -> Option<Rate> {
    let cell = region * crate::catalog::INSTANCE_TYPES.len() + it;
    let price = ec2_micros(it, cell)?;
    let prov = rows::EC2_PROV.get(cell)?;
    Some(Rate {
        key: crate::catalog::INSTANCE_TYPES.get(it)?.key,
        // Both operands are exact, so the quotient is the correctly rounded
        // value of the decimal in the data, as parsing it would give.
        value: f64::from(price) / rows::EC2_PER_USD,
        unit: EC2_UNIT,
        provenance: rows::PROVENANCES.get(usize::from(*prov))?,
    })
}

/// The price in cell `cell` (type `it`), in millionths of a USD, undoing
/// the table's `LINEAR` cells: each is the previous type's price scaled by
/// vCPU, exact in integers (core/build.rs writes one only where it is).
fn ec2_micros(it: usize, cell: usize) -> Option<u32> {
    let price = rows::EC2_PRICE.get(cell).copied().filter(|&p| p != 0)?;
    if price != rows::LINEAR {
        return Some(price);
    }
    let types = &crate::catalog::INSTANCE_TYPES;
    let (this, prev) = (types.get(it)?, types.get(it.checked_sub(1)?)?);
    let before = u64::from(ec2_micros(it - 1, cell.checked_sub(1)?)?);
    let scaled = before * u64::from(this.vcpu) / u64::from(prev.vcpu.max(1));
    u32::try_from(scaled).ok()
}

/// Mean Spot saving of a family in a region, percent (0–100) saved against
/// on-demand (Spot Instance Advisor snapshot). `None` when not in the book.
pub fn ec2_spot_savings_pct(family: &str, region: RegionId) -> Option<Rate> {
    let f = rows::SPOT_FAMILIES.iter().position(|&f| f == family)?;
    let g = region.index();
    rows::SPOT_SAVINGS
        .iter()
        .find(|r| usize::from(r.family) == f && usize::from(r.region) == g)
        .and_then(spot_rate)
}

/// The rate of one Spot row.
fn spot_rate(r: &rows::SpotRow) -> Option<Rate> {
    Some(Rate {
        key: rows::SPOT_KEYS.get(usize::from(r.family))?,
        value: f64::from(r.pct),
        unit: SPOT_UNIT,
        provenance: rows::PROVENANCES.get(usize::from(r.prov))?,
    })
}

/// Fargate rates (USD per vCPU-hour and per GB-hour) for a region, platform
/// and tier. `None` when the book has no figure for that combination.
pub fn fargate(
    region: RegionId,
    platform: FargatePlatform,
    tier: FargateTier,
) -> Option<FargateRates> {
    rows::FARGATE_PRICES
        .iter()
        .find(|r| r.region == region.code() && r.platform == platform && r.tier == tier)
        .map(fargate_rates)
}

fn fargate_rates(r: &'static FargateRow) -> FargateRates {
    let (vcpu, gb, lic) = fargate_keys(r.platform, r.tier);
    let rate = |key, value, unit| Rate {
        key,
        value,
        unit,
        provenance: r.provenance,
    };
    FargateRates {
        vcpu_hour: rate(vcpu, r.vcpu_hour, VCPU_HOUR),
        gb_hour: rate(gb, r.gb_hour, GB_HOUR),
        os_license_vcpu_hour: r.os_license_vcpu_hour.map(|v| rate(lic, v, LICENSE_HOUR)),
    }
}

/// The three rate keys of a Fargate platform and tier (`&'static` so a
/// [`Rate`] can hold them).
fn fargate_keys(
    platform: FargatePlatform,
    tier: FargateTier,
) -> (&'static str, &'static str, &'static str) {
    use FargatePlatform::{LinuxArm, LinuxX86, WindowsX86};
    use FargateTier::{OnDemand, Spot};
    match (platform, tier) {
        (LinuxX86, OnDemand) => (
            "fargate.linux_x86.on_demand.vcpu_hour",
            "fargate.linux_x86.on_demand.gb_hour",
            "fargate.linux_x86.on_demand.os_license_vcpu_hour",
        ),
        (LinuxX86, Spot) => (
            "fargate.linux_x86.spot.vcpu_hour",
            "fargate.linux_x86.spot.gb_hour",
            "fargate.linux_x86.spot.os_license_vcpu_hour",
        ),
        (LinuxArm, OnDemand) => (
            "fargate.linux_arm.on_demand.vcpu_hour",
            "fargate.linux_arm.on_demand.gb_hour",
            "fargate.linux_arm.on_demand.os_license_vcpu_hour",
        ),
        (LinuxArm, Spot) => (
            "fargate.linux_arm.spot.vcpu_hour",
            "fargate.linux_arm.spot.gb_hour",
            "fargate.linux_arm.spot.os_license_vcpu_hour",
        ),
        (WindowsX86, OnDemand) => (
            "fargate.windows_x86.on_demand.vcpu_hour",
            "fargate.windows_x86.on_demand.gb_hour",
            "fargate.windows_x86.on_demand.os_license_vcpu_hour",
        ),
        (WindowsX86, Spot) => (
            "fargate.windows_x86.spot.vcpu_hour",
            "fargate.windows_x86.spot.gb_hour",
            "fargate.windows_x86.spot.os_license_vcpu_hour",
        ),
    }
}

/// Every valid Fargate task size, sorted by (vCPU, memory GiB).
pub fn fargate_sizes() -> &'static [TaskSize] {
    &rows::FARGATE_SIZES
}

/// Every valid App Runner instance size, sorted by (vCPU, memory GiB).
pub fn app_runner_sizes() -> &'static [TaskSize] {
    &rows::APP_RUNNER_SIZES
}

/// None when the book has no figure for that region; rows scoped "all" in
/// the data apply to every region the book knows ([`crate::region::REGIONS`]).
/// Never falls back to another region. The unit is in [`Rate::unit`].
pub fn fee(fee: Fee, region: RegionId) -> Option<Rate> {
    rows::FEES
        .iter()
        .find(|r| r.fee == fee && applies(r, region))
        .and_then(fee_rate)
}

fn applies(row: &FeeRow, region: RegionId) -> bool {
    usize::from(row.region) == region.index() || row.region == rows::ALL_REGIONS
}

fn fee_rate(r: &'static FeeRow) -> Option<Rate> {
    Some(Rate {
        key: r.fee.key(),
        value: r.value,
        unit: r.fee.unit(),
        provenance: rows::PROVENANCES.get(usize::from(r.prov))?,
    })
}

/// A region-independent limit or unit conversion; always present (the build
/// fails if the data lacks one). The unit is in [`Rate::unit`].
pub fn limit(limit: Limit) -> Rate {
    let r = rows::limit_row(limit);
    Rate {
        key: r.key,
        value: r.value,
        unit: r.unit,
        provenance: r.provenance,
    }
}

/// kube-reserved CPU in millicores for a node of `vcpu` cores, from the tiers
/// in the book (2 → 70, 4 → 80, 8 → 90, 16 → 110).
pub fn eks_kube_reserved_cpu_millicores(vcpu: u32) -> f64 {
    let cores = f64::from(vcpu);
    let millicores_per_core = limit(Limit::K8sMillicoresPerVcpu).value;
    rows::CPU_TIERS
        .iter()
        .map(|t| {
            let top = t.to_core.map_or(cores, |to| to.min(cores));
            (top - t.from_core).max(0.0) * t.pct / 100.0 * millicores_per_core
        })
        .sum()
}

/// Every figure that applies in `region` (instance prices, Spot savings,
/// Fargate, fees, kube-reserved CPU tiers, limits), for the Data panel and
/// `berth prices`. Empty for a region the book does not know.
pub fn rates_for_region(region: RegionId) -> Vec<Rate> {
    let g = region.index();
    let mut out: Vec<Rate> = (0..crate::catalog::INSTANCE_TYPES.len())
        .filter_map(|it| ec2_rate(it, g))
        .collect();
    let spot = rows::SPOT_SAVINGS
        .iter()
        .filter(|r| usize::from(r.region) == g);
    out.extend(spot.filter_map(spot_rate));
    for platform in FargatePlatform::ALL {
        for tier in FargateTier::ALL {
            if let Some(f) = fargate(region, platform, tier) {
                out.extend([f.vcpu_hour, f.gb_hour]);
                out.extend(f.os_license_vcpu_hour);
            }
        }
    }
    out.extend(Fee::ALL.into_iter().filter_map(|f| fee(f, region)));
    let tier = |t: &'static rows::CpuTierRow| Rate {
        key: t.key,
        value: t.pct,
        unit: TIER_UNIT,
        provenance: t.provenance,
    };
    out.extend(rows::CPU_TIERS.iter().map(tier));
    out.extend(Limit::ALL.into_iter().map(limit));
    out
}

/// The key of a price the book holds in some region (not a limit), checked
/// against the book's own tables, or `None`. No list is built: a link with
/// thousands of `p.` keys costs microseconds per key.
pub fn price_key(text: &str) -> Option<PriceKey> {
    let key = if let Some(name) = text.strip_prefix("ec2.") {
        let it = InstanceTypeId::from_name(name)?;
        let priced = crate::region::RegionId::all().any(|r| ec2_on_demand(it, r).is_some());
        priced.then(|| crate::catalog::ec2_key(it))?
    } else if let Some(family) = text.strip_prefix("spot.") {
        let f = rows::SPOT_FAMILIES.iter().position(|&f| f == family)?;
        rows::SPOT_KEYS.get(f).copied()?
    } else if text.starts_with("fargate.") {
        rows::FARGATE_PRICES.iter().find_map(|r| {
            let (vcpu, gb, lic) = fargate_keys(r.platform, r.tier);
            let windows = r.os_license_vcpu_hour.is_some();
            [vcpu, gb]
                .into_iter()
                .chain(windows.then_some(lic))
                .find(|k| *k == text)
        })?
    } else if text.starts_with("fee.") {
        let fee = Fee::ALL.into_iter().find(|f| f.key() == text)?;
        rows::FEES.iter().any(|r| r.fee == fee).then(|| fee.key())?
    } else {
        return None;
    };
    Some(PriceKey::checked(key))
}
