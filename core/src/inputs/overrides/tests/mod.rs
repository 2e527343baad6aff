//! Tests of `overrides` (in their own file: test code may unwrap).

use super::*;

#[test]
fn only_prices_can_be_overridden() {
    assert!(is_price_key("ec2.m5.large"));
    assert!(is_price_key("fee.eks_cluster_standard_hour"));
    assert!(!is_price_key("limit.lambda_max_memory_mib"));
    assert!(parse("nope", "1").is_err());
    assert!(parse("ec2.m5.large", "-1").is_err());
    assert_eq!(parse("ec2.m5.large", "0.05").unwrap().value, 0.05);
}

#[test]
fn every_price_of_every_region_can_be_overridden() {
    let mut seen = std::collections::BTreeSet::new();
    for region in crate::region::RegionId::all() {
        for rate in crate::pricebook::rates_for_region(region) {
            assert_eq!(
                is_price_key(rate.key),
                !rate.key.starts_with("limit."),
                "{}",
                rate.key
            );
            seen.insert(rate.key);
        }
    }
    // And the other way: the key list names no price that no region has.
    for key in crate::catalog::PRICE_KEYS {
        assert!(seen.contains(key), "{key} is in no region's book");
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
