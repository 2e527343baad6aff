//! `fixed` and `shortest` must print exactly what `format!` prints, for
//! every double: the standard library is the specification.

use proptest::prelude::*;

use super::{exact_fixed, exact_shortest, fast_fixed, fast_shortest, fixed, plain, shortest};

/// Same text as `format!("{x:.decimals$}")`.
fn fixed_agrees(x: f64, decimals: usize) {
    assert_eq!(
        fixed(x, decimals),
        format!("{x:.decimals$}"),
        "{x:e} ({:#x}) to {decimals} decimals",
        x.to_bits()
    );
}

/// Same text as `format!("{x}")` (which `to_string` also gives).
fn shortest_agrees(x: f64) {
    assert_eq!(shortest(x), format!("{x}"), "{x:e} ({:#x})", x.to_bits());
}

fn agrees(x: f64) {
    shortest_agrees(x);
    for decimals in 0..=12 {
        fixed_agrees(x, decimals);
    }
}

/// Digits as `plain` prints them, to compare the fast paths with the exact
/// ones however each places its trailing zeros.
fn text(digits: &[u8], exp10: i64) -> String {
    let mut out = String::new();
    plain(&mut out, digits, digits.len() as i64 + exp10);
    out
}

#[test]
fn rounds_exact_ties_to_even() {
    // Each is exactly representable and exactly halfway at the last kept
    // digit; ties away from zero would print 0.13, 3, 0.4, 1, 2.
    for (x, decimals, want) in [
        (0.125, 2, "0.12"),
        (0.375, 2, "0.38"),
        (2.5, 0, "2"),
        (3.5, 0, "4"),
        (0.25, 1, "0.2"),
        (0.5, 0, "0"),
        (1.5, 0, "2"),
        (-2.5, 0, "-2"),
        (1.0625, 3, "1.062"),
    ] {
        assert_eq!(fixed(x, decimals), want, "{x} to {decimals}");
        fixed_agrees(x, decimals);
    }
}

#[test]
fn rounds_the_binary_value_not_the_shortest_text() {
    // 1.005 is 1.00499999999999989…, 0.045 is 0.04499999999999999833…
    for (x, decimals, want) in [(1.005, 2, "1.00"), (0.045, 2, "0.04"), (2.675, 2, "2.67")] {
        assert_eq!(fixed(x, decimals), want);
        fixed_agrees(x, decimals);
    }
}

#[test]
fn signs_zeros_and_non_finite_values() {
    for x in [
        0.0,
        -0.0,
        f64::NAN,
        -f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
    ] {
        agrees(x);
    }
    // A negative value that rounds to zero keeps its sign.
    for x in [-0.001, -0.4, -1e-300, -f64::from_bits(1)] {
        agrees(x);
    }
    assert_eq!(shortest(-0.0), "-0");
    assert_eq!(fixed(-0.0, 2), "-0.00");
    assert_eq!(fixed(-0.004, 2), "-0.00");
    assert_eq!(shortest(f64::NAN), "NaN");
    assert_eq!(fixed(f64::NEG_INFINITY, 3), "-inf");
}

#[test]
fn extremes() {
    for x in [
        f64::MAX,
        f64::MIN,
        f64::MIN_POSITIVE,
        f64::EPSILON,
        f64::from_bits(1),                     // smallest subnormal
        f64::from_bits(0x000f_ffff_ffff_ffff), // largest subnormal
        f64::from_bits(0x0010_0000_0000_0001),
        4_503_599_627_370_496.0, // 2^52
        4_503_599_627_370_497.0,
        9_007_199_254_740_992.0, // 2^53
        9_007_199_254_740_994.0,
        1e21,
        1e22,
        1e23,
        123_456_789_012_345_680.0,
        0.1 + 0.2,
        1.0 / 3.0,
        2.0 / 3.0,
        5e-324,
        1e-7,
        f64::from_bits(1e23f64.to_bits() - 1), // just below 1e23
    ] {
        agrees(x);
        agrees(-x);
    }
    assert_eq!(shortest(1e21), "1000000000000000000000");
    assert_eq!(shortest(1e-7), "0.0000001");
}

#[test]
fn everyday_figures() {
    for x in [
        0.0464,
        0.04048,
        0.0928,
        0.096,
        0.01,
        0.1,
        0.3,
        1.0,
        2.0,
        10.0,
        12.5,
        99.995,
        100.0,
        730.0,
        1234.5,
        1234.56,
        33.872,
        0.000_011_244_6,
        1_000_000.0,
        87.6,
        99.5,
        0.5,
        0.05,
        0.005,
        0.95,
        9.95,
        49.999_999_999_999_99,
    ] {
        agrees(x);
        agrees(-x);
    }
}

#[test]
fn leaves_nothing_to_std() {
    // What the page prints most: cents, chart coordinates, percentages.
    assert_eq!(fixed(1234.5678, 2), "1234.57");
    assert_eq!(fixed(17.0, 1), "17.0");
    assert_eq!(fixed(0.0, 0), "0");
    assert_eq!(fixed(999.96, 1), "1000.0");
    assert_eq!(shortest(0.0464), "0.0464");
    assert_eq!(shortest(1234.5), "1234.5");
    assert_eq!(shortest(3.0), "3");
    assert_eq!(shortest(1200.0), "1200");
}

/// A double and its neighbours, `steps` ulps either side.
fn around(x: f64, steps: u64) -> impl Iterator<Item = f64> {
    let bits = x.to_bits();
    (bits.saturating_sub(steps)..=bits.saturating_add(steps)).map(f64::from_bits)
}

#[test]
fn near_powers_of_ten() {
    for k in -30..=30 {
        let Ok(p) = format!("1e{k}").parse::<f64>() else {
            panic!("1e{k}");
        };
        for x in around(p, 3) {
            agrees(x);
        }
        // Near 0.5 × 10^k: where fixed rounds a 5 up or down.
        for x in around(p * 0.5, 3).chain(around(p * 9.5, 3)) {
            agrees(x);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Any bit pattern: every exponent, subnormals, NaNs, infinities.
    #[test]
    fn any_double(bits in any::<u64>(), decimals in 0usize..=12) {
        let x = f64::from_bits(bits);
        shortest_agrees(x);
        fixed_agrees(x, decimals);
    }

    /// Doubles of everyday size, where the fast paths run.
    #[test]
    fn everyday_doubles(x in -1e7f64..1e7, decimals in 0usize..=12) {
        shortest_agrees(x);
        fixed_agrees(x, decimals);
    }

    /// Prices and figures typed as short decimals (`0.0464`, `1234.5`).
    #[test]
    fn short_decimals(whole in 0u64..100_000_000, places in 0u32..=9, decimals in 0usize..=12) {
        let Ok(x) = format!("{whole}e-{places}").parse::<f64>() else {
            panic!("{whole}e-{places}");
        };
        shortest_agrees(x);
        fixed_agrees(x, decimals);
        fixed_agrees(-x, decimals);
    }

    /// `odd / 2^j` has exactly `j` decimals, the last a 5: an exact tie at
    /// `j - 1` decimals, and ties to even is the only rule that passes.
    #[test]
    fn exact_ties(odd in (0u64..1 << 40).prop_map(|m| 2 * m + 1), j in 1u32..=13) {
        let x = odd as f64 / f64::from(1u32 << j);
        fixed_agrees(x, (j - 1) as usize);
        fixed_agrees(-x, (j - 1) as usize);
        shortest_agrees(x);
    }

    /// Just off a tie by one ulp either way.
    #[test]
    fn next_to_ties(odd in (0u64..1 << 30).prop_map(|m| 2 * m + 1), j in 1u32..=13) {
        let x = odd as f64 / f64::from(1u32 << j);
        for y in around(x, 1) {
            fixed_agrees(y, (j - 1) as usize);
        }
    }

    /// The fast paths give what the exact expansion gives, whenever they
    /// answer at all.
    #[test]
    fn fast_paths_match_exact(bits in 0u64..0x7ff0_0000_0000_0000, decimals in 0usize..=22) {
        let x = f64::from_bits(bits);
        if let Some(n) = fast_fixed(x, decimals) {
            prop_assert_eq!(super::digits_of(n), exact_fixed(x, decimals));
        }
        if x > 0.0 {
            if let Some((digits, exp10)) = fast_shortest(x) {
                let (exact_digits, exact_exp10) = exact_shortest(x);
                prop_assert_eq!(text(&digits, exp10), text(&exact_digits, exact_exp10));
            }
        }
    }

    /// The same for values the fast paths usually take.
    #[test]
    fn fast_paths_match_exact_everyday(x in 0f64..1e6, decimals in 0usize..=12) {
        if let Some(n) = fast_fixed(x, decimals) {
            prop_assert_eq!(super::digits_of(n), exact_fixed(x, decimals));
        }
        if x > 0.0 {
            if let Some((digits, exp10)) = fast_shortest(x) {
                let (exact_digits, exact_exp10) = exact_shortest(x);
                prop_assert_eq!(text(&digits, exp10), text(&exact_digits, exact_exp10));
            }
        }
    }
}

#[test]
fn common_values_take_the_fast_paths() {
    for x in [0.0464, 1234.5, 0.1, 730.0, 99.99, 1e-7, 123_456.789] {
        assert!(fast_shortest(x).is_some(), "{x}");
        for decimals in [0, 1, 2, 3, 6] {
            assert!(fast_fixed(x, decimals).is_some(), "{x} to {decimals}");
        }
    }
}
