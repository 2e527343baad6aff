//! Tests of `price` (in their own file: test code may unwrap).

use super::*;

#[test]
fn normalise_drops_only_redundant_zeros() {
    assert_eq!(normalise("0.0960000000").unwrap(), "0.096");
    assert_eq!(normalise("0.0000166667").unwrap(), "0.0000166667");
    assert_eq!(normalise("2750").unwrap(), "2750");
    assert_eq!(normalise("0.10").unwrap(), "0.1");
    assert_eq!(normalise("10.000").unwrap(), "10");
    assert_eq!(normalise("007.50").unwrap(), "7.5");
}

#[test]
fn normalise_refuses_what_is_not_a_positive_price() {
    for bad in [
        "0",
        "0.0000000000",
        "",
        "-0.1",
        "1e-5",
        "0.1.2",
        ".5",
        "5.",
        " 1",
        "abc",
        "NaN",
    ] {
        assert!(normalise(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn per_request_becomes_per_million_exactly() {
    assert_eq!(times_million("0.0000002000").unwrap(), "0.2");
    assert_eq!(times_million("0.0000002").unwrap(), "0.2");
    assert_eq!(times_million("0.00000025").unwrap(), "0.25");
    assert_eq!(times_million("3").unwrap(), "3000000");
}

#[test]
fn add_is_exact() {
    assert_eq!(add("0.1000000000", "0.5").unwrap(), "0.6");
    assert_eq!(add("0.04048", "0.046").unwrap(), "0.08648");
    assert_eq!(add("0.9", "0.1").unwrap(), "1");
    assert_eq!(add("12", "0.005").unwrap(), "12.005");
}
