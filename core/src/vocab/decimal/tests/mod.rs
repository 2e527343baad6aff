//! The parser must agree bit for bit with `str::parse::<f64>` on every input
//! both accept, and reject what the standard library rejects.

use proptest::prelude::*;

use super::parse_f64;

/// Same answer as the standard library, compared by bits (so `-0` and `0`
/// differ); `inf`/`nan` spellings aside, which Berth rejects on purpose.
fn agrees(text: &str) {
    let ours = parse_f64(text).map(f64::to_bits);
    let std = text.parse::<f64>().ok().map(f64::to_bits);
    assert_eq!(ours, std, "{text:?}");
}

#[test]
fn everyday_values() {
    for text in [
        "0",
        "-0",
        "+0",
        "1",
        "2",
        "0.25",
        "0.5",
        "1024",
        "0.096",
        "0.0928",
        "12.5",
        "150",
        "1e3",
        "1E3",
        "1e+3",
        "2.5e-1",
        ".5",
        "5.",
        "00012",
        "0.000",
        "100000000000000000000",
        "3.14159",
        "0.1",
        "0.2",
        "0.3",
        "0.30000000000000004",
        "123456789012345678",
    ] {
        agrees(text);
    }
}

#[test]
fn hard_cases() {
    for text in [
        // Halfway between two doubles, just above and just below.
        "9007199254740993",
        "9007199254740993.0000000000000000000001",
        "9007199254740992.9999999999999999999999",
        "9007199254740995",
        // Limits of the range.
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "2.2250738585072011e-308",
        "2.2250738585072014e-308",
        "4.9406564584124654e-324",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "2.47032822920623272088e-324",
        "1e-400",
        "1e400",
        "-1e400",
        "1e-1000000000000",
        "1e1000000000000",
        "0e999999",
        // Long inputs: the sticky digit after MAX_DIGITS.
        &format!("1.{}1", "0".repeat(900)),
        &format!("{}e-850", "1".repeat(850)),
        &format!("2.{}", "5".repeat(1200)),
        "0.1000000000000000055511151231257827021181583404541015625",
        "0.1000000000000000055511151231257827021181583404541015626",
        "0.1000000000000000055511151231257827021181583404541015624",
    ] {
        agrees(text);
    }
}

#[test]
fn rejects_what_std_rejects() {
    for text in [
        "", "-", "+", ".", "e5", "1e", "1e+", "1.2.3", "1_000", " 1", "1 ", "--1", "+-1", "0x10",
        "1e1.5", "١",
    ] {
        assert_eq!(parse_f64(text), None, "{text:?}");
        assert!(text.parse::<f64>().is_err(), "{text:?}");
    }
}

#[test]
fn no_inf_or_nan_spellings() {
    for text in ["inf", "-inf", "infinity", "NaN", "nan"] {
        assert_eq!(parse_f64(text), None, "{text:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    /// Every double's own printed forms read back to the same double.
    #[test]
    fn round_trips_every_double(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        for text in [format!("{x}"), format!("{x:e}"), format!("{x:.3}"), format!("{x:.20e}")] {
            agrees(&text);
        }
    }

    /// Arbitrary decimal text agrees with the standard library.
    #[test]
    fn agrees_on_decimal_text(text in "[+-]?[0-9]{0,25}(\\.[0-9]{0,25})?([eE][+-]?[0-9]{1,3})?") {
        agrees(&text);
    }

    /// Near-halfway inputs: a double's exact midpoint to its neighbour,
    /// printed long, nudged up or down in the last digit.
    #[test]
    fn agrees_near_midpoints(bits in 1u64..0x7fef_ffff_ffff_ffff, nudge in 0u8..3) {
        let lo = f64::from_bits(bits);
        let hi = f64::from_bits(bits + 1);
        let mid = format!("{:.60e}", lo / 2.0 + hi / 2.0);
        let text = match nudge {
            0 => mid,
            1 => format!("{}9", mid.replace('e', "99e")),
            _ => mid.replace('e', "01e"),
        };
        agrees(&text);
    }
}
