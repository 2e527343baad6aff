//! Tests of `overrides` (in their own file: test code may unwrap).

use super::*;

#[test]
fn only_prices_can_be_overridden() {
    let known = |k: &str| crate::pricebook::price_key(k).is_some();
    assert!(known("ec2.m5.large"));
    assert!(known("fee.eks_cluster_standard_hour"));
    assert!(!known("limit.lambda_max_memory_mib"));
    assert!(!known("ec2.m99.huge") && !known("spot.zz") && !known("fee.nope"));
    assert!(!could_be_price("limit.lambda_max_memory_mib"));
    assert!(!could_be_price("EC2.M5") && !could_be_price(""));
    // The shape is checked here, the book when a link is read against it.
    assert!(parse("limit.lambda_max_memory_mib", "1").is_err());
    let (s, n) = crate::Scenario::from_query("p.nope=1");
    assert!(s.overrides.is_empty());
    assert_eq!(n.len(), 1);
    assert_eq!(n[0].field, "p.nope");
    assert!(n[0].message.contains("not a price in the book"), "{n:?}");
    assert!(parse("ec2.m5.large", "-1").is_err());
    assert_eq!(parse("ec2.m5.large", "0.05").unwrap().value, 0.05);
}

#[test]
fn every_price_of_every_region_can_be_overridden() {
    for region in crate::region::RegionId::all() {
        for rate in crate::pricebook::rates_for_region(region) {
            let key = crate::pricebook::price_key(rate.key);
            assert_eq!(
                key.map(|k| k.as_str()),
                (!rate.key.starts_with("limit.")).then_some(rate.key),
                "{}",
                rate.key
            );
        }
    }
}

#[test]
fn the_list_stays_sorted_and_unique() {
    let mut list = Vec::new();
    set(
        &mut list,
        "fee.alb_hour",
        parse("fee.alb_hour", "0.02").ok(),
    );
    set(
        &mut list,
        "ec2.m5.large",
        parse("ec2.m5.large", "0.05").ok(),
    );
    set(
        &mut list,
        "fee.alb_hour",
        parse("fee.alb_hour", "0.03").ok(),
    );
    assert_eq!(
        list.iter().map(|o| o.key.as_str()).collect::<Vec<_>>(),
        ["ec2.m5.large", "fee.alb_hour"]
    );
    set(&mut list, "ec2.m5.large", None);
    assert_eq!(list.len(), 1);
}

#[test]
fn zero_and_absurd_values_are_flagged() {
    assert!(flag("ec2.m5.large", 0.096, 0.0).is_some());
    assert!(flag("ec2.m5.large", 0.096, 50.0).is_some());
    assert!(flag("ec2.m5.large", 0.096, 0.005).is_some());
    assert!(flag("ec2.m5.large", 0.096, 0.08).is_none());
}
