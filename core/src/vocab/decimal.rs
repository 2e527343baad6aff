//! Decimal text to `f64`, correctly rounded (ties to even), with the same
//! grammar as the standard library's `f64::from_str` minus `inf` and `nan`.
//!
//! Why not `str::parse`: its Eisel–Lemire table of powers of five is about
//! 10 KB of incompressible data in the web page, for inputs that are almost
//! always a handful of digits. Short inputs take Clinger's fast path (one
//! exact multiplication or division); the rest use exact big-integer
//! arithmetic, which is slow but rare and still correct.
//!
//! The way back, `f64` to text (`fixed`, `shortest`), is in `format.rs`, for
//! the same reason.

mod format;

pub use format::{fixed, shortest};

/// Significant digits kept. Past this, the remaining digits only matter for
/// rounding, so they are folded into one sticky digit; 800 is more than the
/// 768 digits the longest halfway case between two doubles can need.
const MAX_DIGITS: usize = 800;

/// Parses `text` (no surrounding spaces) as a decimal number. `None` when it
/// is not one. Values beyond the `f64` range come back infinite, as from
/// `str::parse`, so callers can name them.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, rest) = match text.as_bytes().split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, text.as_bytes()),
    };
    let magnitude = Digits::read(rest)?.value();
    Some(if negative { -magnitude } else { magnitude })
}

/// The number `digits × 10^exp10`, `digits` without leading or trailing
/// zeros (each `0..=9`).
struct Digits {
    digits: Vec<u8>,
    exp10: i64,
}

impl Digits {
    /// Reads `Digit+ ['.' Digit*] | '.' Digit+`, then an optional exponent.
    fn read(bytes: &[u8]) -> Option<Digits> {
        let mut d = Digits {
            digits: Vec::new(),
            exp10: 0,
        };
        let (mut seen, mut sticky, mut in_fraction) = (false, false, false);
        let mut rest = bytes;
        while let Some((&b, tail)) = rest.split_first() {
            match b {
                b'0'..=b'9' => {
                    seen = true;
                    let digit = b - b'0';
                    if d.digits.len() < MAX_DIGITS && (digit != 0 || !d.digits.is_empty()) {
                        d.digits.push(digit);
                        d.exp10 -= i64::from(in_fraction);
                    } else if d.digits.is_empty() {
                        // A leading zero: only its place counts.
                        d.exp10 -= i64::from(in_fraction);
                    } else {
                        sticky |= digit != 0;
                        d.exp10 += i64::from(!in_fraction);
                    }
                }
                b'.' if !in_fraction => in_fraction = true,
                _ => break,
            }
            rest = tail;
        }
        if !seen {
            return None;
        }
        if let Some((b'e' | b'E', tail)) = rest.split_first() {
            d.exp10 = d.exp10.saturating_add(exponent(tail)?);
        } else if !rest.is_empty() {
            return None;
        }
        if sticky {
            // Something nonzero was cut: a final 1 keeps the value strictly
            // above the kept digits, which is all rounding needs to know.
            d.digits.push(1);
            d.exp10 -= 1;
        }
        while d.digits.last() == Some(&0) {
            d.digits.pop();
            d.exp10 += 1;
        }
        Some(d)
    }

    /// The correctly rounded double.
    fn value(&self) -> f64 {
        let n = self.digits.len() as i64;
        if n == 0 || n + self.exp10 < -324 {
            // Below 10^-324, under half the smallest subnormal.
            return 0.0;
        }
        if n + self.exp10 > 310 {
            return f64::INFINITY;
        }
        if n <= 15 && (-22..=22).contains(&self.exp10) {
            // Fast path: both operands are exact doubles, so one rounding.
            let whole = self
                .digits
                .iter()
                .fold(0u64, |acc, &d| acc * 10 + u64::from(d)) as f64;
            let scale = (0..self.exp10.unsigned_abs()).fold(1.0, |p, _| p * 10.0);
            return if self.exp10 < 0 {
                whole / scale
            } else {
                whole * scale
            };
        }
        let mut whole = Big::default();
        for &d in &self.digits {
            whole.mul_add(10, u32::from(d));
        }
        if self.exp10 >= 0 {
            for _ in 0..self.exp10 {
                whole.mul_add(10, 0);
            }
            return round(&whole, false, 0);
        }
        let mut divisor = Big::from(1);
        for _ in 0..self.exp10.unsigned_abs() {
            divisor.mul_add(10, 0);
        }
        // Scale the dividend so the quotient has at least 66 bits: 53 kept,
        // one to round on, the rest plus the remainder as sticky bits.
        let shift = (divisor.bit_len() + 66).saturating_sub(whole.bit_len());
        whole.shl(shift);
        let (quotient, exact) = whole.div(&divisor);
        round(&quotient, !exact, -(shift as i64))
    }
}

/// The exponent after `e`: `[+-]? Digit+`, saturating far beyond any double.
fn exponent(bytes: &[u8]) -> Option<i64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    let value = digits.iter().fold(0i64, |acc, &b| {
        (acc * 10 + i64::from(b - b'0')).min(1_000_000)
    });
    Some(if negative { -value } else { value })
}

/// `value × 2^exp2` rounded to the nearest double, ties to even; `inexact`
/// says a nonzero remainder lies below `value`'s last bit.
fn round(value: &Big, inexact: bool, exp2: i64) -> f64 {
    const MANTISSA: i64 = 52;
    const MIN_EXP: i64 = -1074; // weight of the smallest subnormal's bit
    let len = value.bit_len() as i64;
    if len == 0 {
        return 0.0;
    }
    let top = len - 1 + exp2;
    if top > 1023 {
        return f64::INFINITY;
    }
    let mut lsb = (top - MANTISSA).max(MIN_EXP);
    let drop = lsb - exp2;
    let mut mantissa: u64 = if drop <= 0 {
        // Fits with room to spare (only when exact, see `Digits::value`).
        value.bits(0, len as usize) << drop.unsigned_abs()
    } else {
        let drop = drop as usize;
        let kept = value.bits(drop, 53);
        let half = value.bit(drop - 1);
        let below = inexact || value.any_below(drop - 1);
        kept + u64::from(half && (below || kept & 1 == 1))
    };
    if mantissa == 1 << 53 {
        mantissa >>= 1;
        lsb += 1;
    }
    if mantissa < 1 << MANTISSA {
        return f64::from_bits(mantissa); // subnormal (lsb is MIN_EXP)
    }
    let biased = lsb + MANTISSA + 1023;
    if biased >= 2047 {
        return f64::INFINITY;
    }
    f64::from_bits(((biased as u64) << MANTISSA) | (mantissa & ((1 << MANTISSA) - 1)))
}

/// A non-negative big integer, 32-bit limbs, least significant first.
#[derive(Clone, Default, PartialEq)]
struct Big {
    limbs: Vec<u32>,
}

impl From<u32> for Big {
    fn from(n: u32) -> Big {
        let mut b = Big::default();
        b.mul_add(1, n);
        b
    }
}

impl Big {
    /// `self = self × m + a`.
    fn mul_add(&mut self, m: u32, a: u32) {
        let mut carry = u64::from(a);
        for limb in &mut self.limbs {
            let v = u64::from(*limb) * u64::from(m) + carry;
            *limb = v as u32;
            carry = v >> 32;
        }
        if carry != 0 {
            self.limbs.push(carry as u32);
        }
    }

    /// `self /= d` (nonzero), returning the remainder.
    fn div_small(&mut self, d: u32) -> u32 {
        let mut rem = 0u64;
        for limb in self.limbs.iter_mut().rev() {
            let v = rem << 32 | u64::from(*limb);
            *limb = (v / u64::from(d)) as u32;
            rem = v % u64::from(d);
        }
        while self.limbs.last() == Some(&0) {
            self.limbs.pop();
        }
        rem as u32
    }

    fn bit_len(&self) -> usize {
        match self.limbs.iter().rposition(|&l| l != 0) {
            Some(i) => i * 32 + 32 - self.limbs.get(i).map_or(32, |l| l.leading_zeros() as usize),
            None => 0,
        }
    }

    fn bit(&self, i: usize) -> bool {
        self.limbs
            .get(i / 32)
            .is_some_and(|l| l >> (i % 32) & 1 == 1)
    }

    /// Bits `from..from + count` as an integer (`count` ≤ 64).
    fn bits(&self, from: usize, count: usize) -> u64 {
        (0..count)
            .rev()
            .fold(0, |acc, i| acc << 1 | u64::from(self.bit(from + i)))
    }

    /// Whether any bit below `i` is set.
    fn any_below(&self, i: usize) -> bool {
        let whole = i / 32;
        let partial = self
            .limbs
            .get(whole)
            .is_some_and(|l| l & ((1u32 << (i % 32)) - 1) != 0);
        partial || self.limbs.iter().take(whole).any(|&l| l != 0)
    }

    fn shl(&mut self, bits: usize) {
        let (words, bits) = (bits / 32, bits % 32);
        if bits != 0 {
            let mut carry = 0;
            for limb in &mut self.limbs {
                let v = (*limb << bits) | carry;
                carry = *limb >> (32 - bits);
                *limb = v;
            }
            if carry != 0 {
                self.limbs.push(carry);
            }
        }
        self.limbs.splice(0..0, std::iter::repeat_n(0, words));
    }

    fn set_bit(&mut self, i: usize) {
        if self.limbs.len() <= i / 32 {
            self.limbs.resize(i / 32 + 1, 0);
        }
        if let Some(l) = self.limbs.get_mut(i / 32) {
            *l |= 1 << (i % 32);
        }
    }

    /// `self ≥ other`.
    fn at_least(&self, other: &Big) -> bool {
        let len = self.limbs.len().max(other.limbs.len());
        for i in (0..len).rev() {
            let (a, b) = (
                self.limbs.get(i).copied().unwrap_or(0),
                other.limbs.get(i).copied().unwrap_or(0),
            );
            if a != b {
                return a > b;
            }
        }
        true
    }

    /// `self -= other`, for `self ≥ other`.
    fn sub(&mut self, other: &Big) {
        let mut borrow = 0i64;
        for (i, limb) in self.limbs.iter_mut().enumerate() {
            let v = i64::from(*limb) - i64::from(other.limbs.get(i).copied().unwrap_or(0)) - borrow;
            borrow = i64::from(v < 0);
            *limb = v.rem_euclid(1 << 32) as u32;
        }
    }

    /// The quotient by `divisor` (nonzero), and whether the division was
    /// exact. Bit by bit: slow, and only for inputs off the fast path.
    fn div(&self, divisor: &Big) -> (Big, bool) {
        let (mut quotient, mut rem) = (Big::default(), Big::default());
        for i in (0..self.bit_len()).rev() {
            rem.shl(1);
            if self.bit(i) {
                rem.set_bit(0);
            }
            if rem.at_least(divisor) {
                rem.sub(divisor);
                quotient.set_bit(i);
            }
        }
        let exact = rem.bit_len() == 0;
        (quotient, exact)
    }
}

#[cfg(test)]
mod tests;
