//! `f64` to decimal text, byte for byte as `format!("{x:.N}")` and
//! `format!("{x}")` print it.
//!
//! Why not `format!`: the standard library's float printing (Grisu with a
//! Dragon fallback over its own big integer) was 13.6 KB of the web page's
//! wasm (6.8 KB gzip), to print prices and chart coordinates. Here common
//! values take a fast path of a few `f64` operations that are provably exact
//! or provably on the right side of a rounding boundary; everything else
//! expands the double into its exact decimal digits with the parser's big
//! integer and rounds those, which is slow but rare and exact.
//!
//! `tests.rs` holds both to the standard library's output, bit patterns of
//! every exponent included.

use super::{Big, Digits};

/// `2^52`: below it every integer and its neighbours are exact doubles.
const EXACT_INTEGERS: f64 = 4_503_599_627_370_496.0;

/// Beyond `10^22` powers of ten are no longer exact doubles.
const MAX_EXACT_POW10: usize = 22;

/// `x` with exactly `decimals` digits after the point, as
/// `format!("{x:.decimals$}")`: the exact binary value rounded to nearest,
/// ties to even (`fixed(0.125, 2)` is `0.12`); `-` on every negative value,
/// even one that rounds to zero (`-0.00`); `NaN`, `inf`, `-inf`.
pub fn fixed(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return nonfinite(x);
    }
    let magnitude = x.abs();
    // The integer `round(|x| × 10^decimals)`, as digits.
    let units =
        fast_fixed(magnitude, decimals).map_or_else(|| exact_fixed(magnitude, decimals), digits_of);
    let mut out = String::from(if x.is_sign_negative() { "-" } else { "" });
    plain(&mut out, &units, units.len() as i64 - decimals as i64);
    out
}

/// The shortest text that reads back as exactly `x`, never in exponent form,
/// as `format!("{x}")` and `x.to_string()`: `0.1`, `1234.5`, `1e21` as
/// `1000000000000000000000`, `-0` for negative zero; `NaN`, `inf`, `-inf`.
/// Of two shortest candidates, the one nearer `x`.
pub fn shortest(x: f64) -> String {
    if !x.is_finite() {
        return nonfinite(x);
    }
    let mut out = String::from(if x.is_sign_negative() { "-" } else { "" });
    if x == 0.0 {
        out.push('0');
        return out;
    }
    let magnitude = x.abs();
    let (digits, exp10) = fast_shortest(magnitude).unwrap_or_else(|| exact_shortest(magnitude));
    plain(&mut out, &digits, digits.len() as i64 + exp10);
    out
}

fn nonfinite(x: f64) -> String {
    String::from(if x.is_nan() {
        "NaN"
    } else if x < 0.0 {
        "-inf"
    } else {
        "inf"
    })
}

/// `round(x × 10^decimals)` for `x ≥ 0` when one multiplication decides it:
/// the product is off by at most half its last bit, so the rounding is the
/// exact value's unless the product lies that close to a half.
fn fast_fixed(x: f64, decimals: usize) -> Option<u64> {
    if decimals > MAX_EXACT_POW10 {
        return None;
    }
    let scaled = x * pow10(decimals);
    if scaled >= EXACT_INTEGERS {
        return None;
    }
    let from_half = (scaled - scaled.floor() - 0.5).abs();
    // With no decimals the product is `x` itself, so a half is a real tie.
    if decimals > 0 && from_half <= scaled * f64::EPSILON {
        return None;
    }
    Some(scaled.round_ties_even() as u64)
}

/// `round(x × 10^decimals)` for finite `x ≥ 0`, from its exact expansion.
fn exact_fixed(x: f64, decimals: usize) -> Vec<u8> {
    let (digits, exp10) = exact(x);
    round_to(&digits, digits.len() as i64 + exp10 + decimals as i64)
}

/// The shortest digits of `x > 0` when small integers decide them: the
/// fewest decimals `k` at which some integer `n` has `n / 10^k == x` (one
/// correctly rounded division of exact doubles, so exactly what parsing
/// `n × 10^-k` gives). The candidates at `k` are the integers either side of
/// the exact `x × 10^k`, which is within 1 of the rounded product; when two
/// of them read back, which is nearer needs exact arithmetic.
fn fast_shortest(x: f64) -> Option<(Vec<u8>, i64)> {
    let mut scale = 1.0;
    for k in 0..=MAX_EXACT_POW10 as i64 {
        let n = (x * scale).round();
        if n >= EXACT_INTEGERS {
            return None;
        }
        let mut hits = [n - 1.0, n, n + 1.0]
            .into_iter()
            .filter(|&c| c / scale == x);
        match (hits.next(), hits.next()) {
            (None, _) => {}
            (Some(n), None) => return Some((digits_of(n as u64), -k)),
            (Some(_), Some(_)) => return None,
        }
        scale *= 10.0;
    }
    None
}

/// The shortest digits of `x > 0` from its exact expansion: at each length,
/// the truncation and the truncation plus one unit, nearer first (the upper
/// one from a half up, as the standard library's Dragon does); the first
/// that reads back as `x`. Both are tried because the rounding interval of
/// a power of two is narrower below it than above.
fn exact_shortest(x: f64) -> (Vec<u8>, i64) {
    let (digits, exp10) = exact(x);
    let len = digits.len();
    for (p, &next) in digits.iter().enumerate().skip(1) {
        let low: Vec<u8> = digits.iter().copied().take(p).collect();
        let mut high = low.clone();
        increment(&mut high);
        let exp = exp10 + (len - p) as i64;
        let (near, far) = if next >= 5 { (high, low) } else { (low, high) };
        for candidate in [near, far] {
            let candidate = trimmed(Digits {
                digits: candidate,
                exp10: exp,
            });
            if candidate.value() == x {
                return (candidate.digits, candidate.exp10);
            }
        }
    }
    (digits, exp10)
}

/// The exact value of finite `x ≥ 0` as `digits × 10^exp10`: digits `0..=9`,
/// most significant first, no leading or trailing zeros (none at all for 0).
fn exact(x: f64) -> (Vec<u8>, i64) {
    let bits = x.to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    let (mantissa, exp2) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    let mut n = Big {
        limbs: vec![mantissa as u32, (mantissa >> 32) as u32],
    };
    // m × 2^-e = m × 5^e × 10^-e: exact in decimal.
    let mut exp10 = 0;
    if exp2 >= 0 {
        n.shl(exp2 as usize);
    } else {
        for _ in 0..exp2.unsigned_abs() {
            n.mul_add(5, 0);
        }
        exp10 = exp2;
    }
    // Least significant first: drop the trailing zeros, then turn around.
    let mut digits = Vec::new();
    while n.bit_len() > 0 {
        digits.push(n.div_small(10) as u8);
    }
    while digits.first() == Some(&0) {
        digits.remove(0);
        exp10 += 1;
    }
    digits.reverse();
    (digits, exp10)
}

/// The integer nearest `0.d₁d₂… × 10^keep`, ties to even, as digits (none
/// for 0). `digits` has no trailing zeros, so anything past the first
/// dropped digit is nonzero.
fn round_to(digits: &[u8], keep: i64) -> Vec<u8> {
    let Ok(keep) = usize::try_from(keep) else {
        return Vec::new(); // below a tenth of a unit
    };
    let mut kept: Vec<u8> = digits
        .iter()
        .copied()
        .chain(std::iter::repeat(0))
        .take(keep)
        .collect();
    let next = digits.get(keep).copied().unwrap_or(0);
    let beyond = digits.len() > keep + 1;
    let odd = kept.last().is_some_and(|d| d % 2 == 1);
    if next > 5 || (next == 5 && (beyond || odd)) {
        increment(&mut kept);
    }
    kept
}

/// Adds one in the last place; `999` becomes `1000`.
fn increment(digits: &mut Vec<u8>) {
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return;
        }
    }
    digits.insert(0, 1);
}

/// The same number without trailing zeros, as `Digits` needs.
fn trimmed(mut d: Digits) -> Digits {
    while d.digits.last() == Some(&0) {
        d.digits.pop();
        d.exp10 += 1;
    }
    d
}

/// Digits `0..=9` of `n`, none for 0.
fn digits_of(mut n: u64) -> Vec<u8> {
    let mut digits = Vec::new();
    while n > 0 {
        digits.push((n % 10) as u8);
        n /= 10;
    }
    digits.reverse();
    digits
}

/// `10^k`, exact for `k ≤ 22`.
fn pow10(k: usize) -> f64 {
    (0..k).fold(1.0, |p, _| p * 10.0)
}

/// Appends `digits` with the decimal point after the first `point` of them:
/// leading `0.` and zeros when `point ≤ 0`, trailing zeros past the end.
fn plain(out: &mut String, digits: &[u8], point: i64) {
    if point <= 0 {
        out.push('0');
        if point < 0 || !digits.is_empty() {
            out.push('.');
        }
        zeros(out, point.unsigned_abs());
    }
    for (i, &d) in digits.iter().enumerate() {
        if i > 0 && i as i64 == point {
            out.push('.');
        }
        out.push(char::from(b'0' + d));
    }
    zeros(out, (point - digits.len() as i64).max(0).unsigned_abs());
}

fn zeros(out: &mut String, count: u64) {
    for _ in 0..count {
        out.push('0');
    }
}

#[cfg(test)]
mod tests;
