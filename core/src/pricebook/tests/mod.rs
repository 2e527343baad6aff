//! Completeness and spot-check tests for the embedded price book.

use super::*;
use crate::catalog::InstanceTypeId;
use crate::region::{RegionId, REGIONS};
use std::collections::BTreeSet;

// The lookups by name and code, as these tests state their cases (an
// unknown name or code has no figure); they shadow the typed lookups.
fn ec2_on_demand(it: &str, region: &str) -> Option<Rate> {
    super::ec2_on_demand(InstanceTypeId::from_name(it)?, RegionId::from_code(region)?)
}
fn ec2_spot_savings_pct(family: &str, region: &str) -> Option<Rate> {
    super::ec2_spot_savings_pct(family, RegionId::from_code(region)?)
}
fn fargate(region: &str, p: FargatePlatform, t: FargateTier) -> Option<FargateRates> {
    super::fargate(RegionId::from_code(region)?, p, t)
}
fn fee(f: Fee, region: &str) -> Option<Rate> {
    super::fee(f, RegionId::from_code(region)?)
}
fn rates_for_region(region: &str) -> Vec<Rate> {
    RegionId::from_code(region).map_or_else(Vec::new, super::rates_for_region)
}

mod values;

fn not_offered(family: &str, region: &str) -> bool {
    RegionId::from_code(region)
        .and_then(book::region)
        .is_some_and(|b| b.not_offered.contains(&family))
}

#[test]
fn every_catalog_type_is_priced_in_us_east_1() {
    for t in instance_types() {
        assert!(
            ec2_on_demand(t.name(), "us-east-1").is_some(),
            "{} has no us-east-1 price",
            t.name()
        );
    }
}

/// The data rows of a CSV file in `core/data`, split into fields (`""` is a
/// quote inside a quoted field).
fn csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for line in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let (mut fields, mut quoted, mut chars) =
            (vec![String::new()], false, line.chars().peekable());
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    fields.last_mut().unwrap().push('"');
                }
                ('"', _) => quoted = !quoted,
                (',', false) => fields.push(String::new()),
                _ => fields.last_mut().unwrap().push(c),
            }
        }
        rows.push(fields);
    }
    rows
}

/// Checks a rate against its CSV row: the value parsed from `value`, and the
/// five provenance columns that end the row.
fn assert_matches_row(rate: Rate, value: &str, row: &[String]) {
    assert_eq!(rate.value, value.parse::<f64>().unwrap(), "{row:?}");
    let p = rate.provenance;
    let derived = p.derived.to_string();
    let got = [p.source, p.as_of, p.confidence.key(), &derived, p.note];
    assert_eq!(got[..], row[row.len() - 5..], "{row:?}");
}

#[test]
fn every_ec2_price_is_the_csv_figure_exactly() {
    let rows = csv(include_str!("../../../data/ec2_prices.csv"));
    for row in &rows {
        let rate = ec2_on_demand(&row[0], &row[1]).unwrap();
        assert_eq!(rate.key, format!("ec2.{}", row[0]));
        assert_matches_row(rate, &row[2], row);
    }
    let priced = REGIONS
        .iter()
        .flat_map(|r| {
            instance_types()
                .iter()
                .map(|t| ec2_on_demand(t.name(), r.code))
        })
        .flatten()
        .count();
    assert_eq!(priced, rows.len());
}

#[test]
fn every_spot_saving_is_the_csv_figure_exactly() {
    let rows = csv(include_str!("../../../data/spot_savings.csv"));
    for row in &rows {
        let rate = ec2_spot_savings_pct(&row[0], &row[1]).unwrap();
        assert_eq!(rate.key, format!("spot.{}", row[0]));
        assert_matches_row(rate, &row[2], row);
    }
    // In a region, Spot rates come in file order.
    for region in REGIONS {
        let want: Vec<String> = rows
            .iter()
            .filter(|r| r[1] == region.code)
            .map(|r| format!("spot.{}", r[0]))
            .collect();
        let got: Vec<&str> = rates_for_region(region.code)
            .into_iter()
            .map(|r| r.key)
            .filter(|k| k.starts_with("spot."))
            .collect();
        assert_eq!(got, want, "{}", region.code);
    }
    let read: usize = RegionId::all()
        .filter_map(book::region)
        .map(|b| b.spot.len())
        .sum();
    assert_eq!(read, rows.len());
}

#[test]
fn every_region_prices_each_family_it_offers() {
    // Per family, not per size: AWS does not offer every size everywhere.
    let mut families: Vec<&str> = instance_types().iter().map(|t| t.family()).collect();
    families.dedup();
    for region in REGIONS.iter().map(|r| r.code) {
        for family in &families {
            let has = instance_types()
                .iter()
                .filter(|t| t.family() == *family)
                .any(|t| ec2_on_demand(t.name(), region).is_some());
            let absent = not_offered(family, region);
            assert!(
                !(has && absent),
                "{family} in {region}: priced and listed as not offered"
            );
        }
    }
}

#[test]
fn no_figure_is_nan_negative_or_zero() {
    for region in REGIONS {
        for rate in rates_for_region(region.code) {
            assert!(
                rate.value.is_finite() && rate.value > 0.0,
                "{} in {}: {}",
                rate.key,
                region.code,
                rate.value
            );
        }
    }
    for t in instance_types() {
        assert!(
            t.vcpu > 0 && t.memory_gib > 0.0 && t.eks_max_pods > 0,
            "{}",
            t.name()
        );
    }
}

#[test]
fn keys_are_unique_within_a_region() {
    for region in REGIONS {
        let mut seen = BTreeSet::new();
        for rate in rates_for_region(region.code) {
            assert!(
                seen.insert(rate.key),
                "{} twice in {}",
                rate.key,
                region.code
            );
        }
    }
}

#[test]
fn every_fargate_size_is_valid_and_sorted() {
    let ranges = [
        (0.25, 0.5, 2.0),
        (0.5, 1.0, 4.0),
        (1.0, 2.0, 8.0),
        (2.0, 4.0, 16.0),
        (4.0, 8.0, 30.0),
        (8.0, 16.0, 60.0),
        (16.0, 32.0, 120.0),
    ];
    let sizes = fargate_sizes();
    // The ECS task-size table to 16 vCPU, then 32 vCPU with three sizes.
    let (upto16, at32) = sizes.split_at(74);
    assert_eq!(
        at32.iter()
            .map(|s| (s.vcpu, s.memory_gib))
            .collect::<Vec<_>>(),
        [(32.0, 60.0), (32.0, 120.0), (32.0, 244.0)]
    );
    assert_eq!(fargate_sizes_for(true, FargatePlatform::LinuxX86), upto16);
    assert_eq!(
        fargate_sizes_for(false, FargatePlatform::WindowsX86),
        upto16
    );
    assert_eq!(fargate_sizes_for(false, FargatePlatform::LinuxArm), sizes);
    let sizes = upto16;
    for s in sizes {
        let ok = ranges
            .iter()
            .any(|&(v, lo, hi)| v == s.vcpu && (lo..=hi).contains(&s.memory_gib));
        assert!(ok, "{s:?} is not a valid Fargate size");
    }
    for pair in sizes.windows(2) {
        assert!((pair[0].vcpu, pair[0].memory_gib) < (pair[1].vcpu, pair[1].memory_gib));
    }
}

#[test]
fn every_fargate_region_has_linux_x86_on_demand() {
    for r in RegionId::all() {
        let any = FargatePlatform::ALL.iter().any(|&p| {
            FargateTier::ALL
                .iter()
                .any(|&t| super::fargate(r, p, t).is_some())
        });
        let x86 = super::fargate(r, FargatePlatform::LinuxX86, FargateTier::OnDemand);
        assert!(!any || x86.is_some(), "{}", r.code());
    }
}

#[test]
fn only_windows_carries_a_licence_rate() {
    for r in RegionId::all() {
        for &p in &FargatePlatform::ALL {
            for &t in &FargateTier::ALL {
                if let Some(f) = super::fargate(r, p, t) {
                    let windows = p == FargatePlatform::WindowsX86;
                    assert_eq!(f.os_license_vcpu_hour.is_some(), windows);
                }
            }
        }
    }
}

#[test]
fn fees_scoped_all_apply_everywhere_but_never_to_unknown_regions() {
    for region in REGIONS {
        assert_eq!(
            fee(Fee::EksClusterStandardHour, region.code).map(|r| r.value),
            Some(0.10)
        );
    }
    for f in Fee::ALL {
        assert!(fee(f, "xx-nowhere-1").is_none());
        assert!(f.key().starts_with("fee."));
    }
    assert!(rates_for_region("xx-nowhere-1").is_empty());
}

#[test]
fn regional_fees_do_not_fall_back_to_another_region() {
    // sa-east-1 has an ALB hourly price but no LCU price in the book.
    assert!(fee(Fee::AlbHour, "sa-east-1").is_some());
    assert!(fee(Fee::AlbLcuHour, "sa-east-1").is_none());
    // c8i is priced in a few regions only.
    let priced = REGIONS
        .iter()
        .filter(|r| ec2_on_demand("c8i.large", r.code).is_some());
    assert!(priced.count() < REGIONS.len());
}

#[test]
fn gp3_is_priced_in_every_region() {
    for region in REGIONS {
        assert!(
            fee(Fee::Gp3GbMonth, region.code).is_some(),
            "{}",
            region.code
        );
    }
}

#[test]
fn data_as_of_is_the_newest_full_date() {
    let as_of = RegionId::all().map(data_as_of).max().unwrap_or_default();
    let b = as_of.as_bytes();
    assert!(b.len() == 10 && b[4] == b'-' && b[7] == b'-', "{as_of}");
    let newest = REGIONS
        .iter()
        .flat_map(|r| rates_for_region(r.code))
        .map(|r| r.provenance.as_of)
        .filter(|d| d.len() == 10)
        .max();
    assert_eq!(newest, Some(as_of));
}

#[test]
fn derived_figures_say_how() {
    for region in REGIONS {
        for rate in rates_for_region(region.code) {
            let p = rate.provenance;
            assert!(
                !p.derived || !p.note.is_empty(),
                "{} in {} is derived without a note",
                rate.key,
                region.code
            );
            assert!(
                p.as_of == "undated" || p.as_of.starts_with("20"),
                "{}: {}",
                rate.key,
                p.as_of
            );
        }
    }
}

proptest::proptest! {
    #[test]
    fn kube_reserved_cpu_never_falls_as_cores_rise(v in 0u32..512) {
        proptest::prop_assert!(eks_kube_reserved_cpu_millicores(v + 1) >= eks_kube_reserved_cpu_millicores(v));
    }

    #[test]
    fn lookups_take_any_text(s in ".*") {
        let _ = (ec2_on_demand(&s, &s), ec2_spot_savings_pct(&s, &s), instance_type(&s), rates_for_region(&s));
        for f in Fee::ALL {
            let _ = fee(f, &s);
        }
    }
}

#[test]
fn the_as_of_range_spans_the_regions_oldest_and_newest_figure() {
    for region in RegionId::all() {
        let Some((old, new)) = super::as_of_range(region) else {
            continue;
        };
        assert!(old <= new);
        for r in super::rates_for_region(region) {
            if r.provenance.as_of != "undated" {
                assert!(old <= r.provenance.as_of && r.provenance.as_of <= new);
            }
        }
    }
    let (old, new) = super::as_of_range(RegionId::from_code("eu-west-1").unwrap()).unwrap();
    assert!(old < new, "{old} {new}");
}
