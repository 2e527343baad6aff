//! Lookups over the book in use. Nothing here falls back to another
//! region or invents a figure: missing data, or a region not read yet, is
//! `None`.

use super::book;
use super::figures::{self, FargateRow, FeeRow};
use super::{
    FargatePlatform, FargateRates, FargateTier, Fee, InstanceType, Limit, Provenance, Rate,
    TaskSize,
};
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
    crate::catalog::types()
}

/// The catalog entry for an instance type name (exact, e.g. `m5.large`).
pub fn instance_type(name: &str) -> Option<&'static InstanceType> {
    crate::catalog::types().iter().find(|t| t.name() == name)
}

/// On-demand price of an instance type in a region: USD per instance-hour,
/// Linux, shared tenancy. `None` when the book has no price there.
pub fn ec2_on_demand(instance: InstanceTypeId, region: RegionId) -> Option<Rate> {
    let (value, provenance) = (*book::region(region)?.ec2.get(instance.index())?)?;
    Some(Rate {
        key: instance.spec().key,
        value,
        unit: EC2_UNIT,
        provenance,
    })
}

/// Mean Spot saving of a family in a region, percent (0–100) saved against
/// on-demand (Spot Instance Advisor snapshot). `None` when not in the book.
pub fn ec2_spot_savings_pct(family: &str, region: RegionId) -> Option<Rate> {
    book::region(region)?
        .spot
        .iter()
        .find(|r| r.family == family)
        .map(spot_rate)
}

/// The rate of one Spot row.
fn spot_rate(r: &figures::SpotRow) -> Rate {
    Rate {
        key: r.key,
        value: r.pct,
        unit: SPOT_UNIT,
        provenance: r.provenance,
    }
}

/// Fargate rates (USD per vCPU-hour and per GB-hour) for a region, platform
/// and tier. `None` when the book has no figure for that combination.
pub fn fargate(
    region: RegionId,
    platform: FargatePlatform,
    tier: FargateTier,
) -> Option<FargateRates> {
    book::region(region)?
        .fargate
        .iter()
        .find(|r| r.platform == platform && r.tier == tier)
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
    book::shared().map_or(&[], |b| &b.fargate_sizes)
}

/// The Fargate sizes a task may have: every size of the table on ECS
/// with Linux; on EKS on Fargate and for Windows tasks, those up to their
/// own largest vCPU (limits of the book: ECS on Linux goes to 32 vCPU, the
/// others stop at 16).
pub fn fargate_sizes_for(eks: bool, platform: FargatePlatform) -> &'static [TaskSize] {
    let all = fargate_sizes();
    let cap = if eks {
        Some(Limit::EksFargateMaxVcpu)
    } else if platform == FargatePlatform::WindowsX86 {
        Some(Limit::FargateWindowsMaxVcpu)
    } else {
        None
    };
    match cap {
        None => all,
        Some(l) => {
            let max = limit(l).value;
            all.get(..all.partition_point(|s| s.vcpu <= max))
                .unwrap_or(all)
        }
    }
}

/// Every valid App Runner instance size, sorted by (vCPU, memory GiB).
pub fn app_runner_sizes() -> &'static [TaskSize] {
    book::shared().map_or(&[], |b| &b.app_runner_sizes)
}

/// None when the book has no figure for that region; rows scoped "all" in
/// the data apply to every region, after the region's own. Never falls
/// back to another region. The unit is in [`Rate::unit`].
pub fn fee(fee: Fee, region: RegionId) -> Option<Rate> {
    let own = book::region(region)?.fees.iter();
    let everywhere = book::shared()?.fees.iter();
    own.chain(everywhere).find(|r| r.fee == fee).map(fee_rate)
}

/// A commitment's saving in a region, percent of on-demand, by its rate
/// key ([`super::commit_key`]): the region's own row, else the one for
/// every region.
pub fn commit_rate(key: &str, region: RegionId) -> Option<Rate> {
    let own = book::region(region)?.commits.iter();
    let everywhere = book::shared()?.commits.iter();
    own.chain(everywhere).find(|r| r.key == key).map(|r| Rate {
        key: r.key,
        value: r.pct,
        unit: SPOT_UNIT,
        provenance: r.provenance,
    })
}

fn fee_rate(r: &'static FeeRow) -> Rate {
    Rate {
        key: r.fee.key(),
        value: r.value,
        unit: r.unit,
        provenance: r.provenance,
    }
}

/// A region-independent limit or unit conversion; always present once the
/// book is read (reading refuses a book that lacks one). Before that, in
/// the web app, a zero the page never shows: it computes nothing until the
/// book is read. The unit is in [`Rate::unit`].
pub fn limit(limit: Limit) -> Rate {
    let row = book::shared().and_then(|b| {
        let i = Limit::ALL.iter().position(|l| *l == limit)?;
        b.limits.get(i)
    });
    match row {
        Some(r) => Rate {
            key: r.key,
            value: r.value,
            unit: r.unit,
            provenance: r.provenance,
        },
        None => Rate {
            key: limit.key(),
            value: 0.0,
            unit: "",
            provenance: &NO_BOOK,
        },
    }
}

/// The provenance of a limit asked for before a book is read.
static NO_BOOK: Provenance = Provenance {
    source: "no price book read yet",
    as_of: "undated",
    confidence: super::Confidence::Low,
    derived: false,
    note: "",
    words: crate::provenance::INLINE,
};

/// kube-reserved CPU in millicores for a node of `vcpu` cores, from the tiers
/// in the book (2 → 70, 4 → 80, 8 → 90, 16 → 110).
pub fn eks_kube_reserved_cpu_millicores(vcpu: u32) -> f64 {
    let cores = f64::from(vcpu);
    let millicores_per_core = limit(Limit::K8sMillicoresPerVcpu).value;
    let tiers = book::shared().map_or(&[][..], |b| &b.cpu_tiers);
    tiers
        .iter()
        .map(|t| {
            let top = t.to_core.map_or(cores, |to| to.min(cores));
            (top - t.from_core).max(0.0) * t.pct / 100.0 * millicores_per_core
        })
        .sum()
}

/// Every figure that applies in `region` (instance prices, Spot savings,
/// Fargate, fees, kube-reserved CPU tiers, limits), for the Data panel and
/// `berth prices`. Empty for a region whose figures are not read.
pub fn rates_for_region(region: RegionId) -> Vec<Rate> {
    let Some(here) = book::region(region) else {
        return Vec::new();
    };
    let mut out: Vec<Rate> = InstanceTypeId::all()
        .filter_map(|it| ec2_on_demand(it, region))
        .collect();
    out.extend(here.spot.iter().map(spot_rate));
    for platform in FargatePlatform::ALL {
        for tier in FargateTier::ALL {
            if let Some(f) = fargate(region, platform, tier) {
                out.extend([f.vcpu_hour, f.gb_hour]);
                out.extend(f.os_license_vcpu_hour);
            }
        }
    }
    out.extend(Fee::ALL.into_iter().filter_map(|f| fee(f, region)));
    let shared = book::shared().map_or(&[][..], |b| &b.commits);
    for c in here.commits.iter().chain(shared) {
        if !out.iter().any(|r| r.key == c.key) {
            out.extend(commit_rate(c.key, region));
        }
    }
    let tier = |t: &'static figures::CpuTierRow| Rate {
        key: t.key,
        value: t.pct,
        unit: TIER_UNIT,
        provenance: t.provenance,
    };
    let tiers = book::shared().map_or(&[][..], |b| &b.cpu_tiers);
    out.extend(tiers.iter().map(tier));
    out.extend(Limit::ALL.into_iter().map(limit));
    out
}

/// The key of a price a book can hold (not a limit), or `None`: an
/// instance type or family of the catalog, a Fargate platform, tier and
/// rate, a fee. Checked against the catalog and the book's vocabulary, not
/// against the regions read (the web app reads a link before it has
/// fetched its region). No list is built: a link with thousands of `p.`
/// keys costs microseconds per key.
pub fn price_key(text: &str) -> Option<PriceKey> {
    let key = if let Some(name) = text.strip_prefix("ec2.") {
        crate::catalog::ec2_key(InstanceTypeId::from_name(name)?)
    } else if let Some(family) = text.strip_prefix("spot.") {
        spot_key(family)?
    } else if text.starts_with("fargate.") {
        FargatePlatform::ALL.into_iter().find_map(|p| {
            FargateTier::ALL.into_iter().find_map(|t| {
                let (vcpu, gb, lic) = fargate_keys(p, t);
                let windows = p == FargatePlatform::WindowsX86;
                [vcpu, gb]
                    .into_iter()
                    .chain(windows.then_some(lic))
                    .find(|k| *k == text)
            })
        })?
    } else if text.starts_with("commit.") {
        // The rates every region shares (a link is read once the shared
        // file is in).
        book::shared()?.commits.iter().find(|c| c.key == text)?.key
    } else if text.starts_with("fee.") {
        Fee::ALL.into_iter().find(|f| f.key() == text)?.key()
    } else {
        return None;
    };
    Some(PriceKey::checked(key))
}

/// The rate key of a catalog family's Spot saving, `spot.<family>`.
pub(crate) fn spot_key(family: &str) -> Option<&'static str> {
    let known = crate::catalog::types().iter().any(|t| t.family() == family);
    known.then(|| crate::provenance::keep(&format!("spot.{family}")))
}
