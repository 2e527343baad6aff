//! Prices as decimal text: the importer keeps AWS's digits exactly.
//!
//! `berth_core::decimal` works in `f64`, which would turn `0.0000166667`
//! into whatever the shortest round trip of the nearest double is. The book
//! must hold what AWS published, so the few operations the importer needs
//! (normalise, × 10⁶, add) are done on the digits.

/// A positive decimal price as written by AWS (`"0.0960000000"`), with
/// trailing zeros of the fraction and leading zeros of the integer dropped
/// (`"0.096"`). `Err` says why the text is not a positive price.
pub fn normalise(text: &str) -> Result<String, String> {
    let (int, frac) = split(text)?;
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.is_empty() && frac.is_empty() {
        return Err(format!("price {text:?} is not positive"));
    }
    let int = if int.is_empty() { "0" } else { int };
    Ok(if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    })
}

/// `text` × 1,000,000 (a per-request price as a per-million price).
pub fn times_million(text: &str) -> Result<String, String> {
    let (int, frac) = split(text)?;
    let mut frac = frac.to_string();
    while frac.len() < 6 {
        frac.push('0');
    }
    let (moved, rest) = frac.split_at(6);
    let dot = if rest.is_empty() { "" } else { "." };
    normalise(&format!("{int}{moved}{dot}{rest}"))
}

/// `a` + `b`, both positive decimal prices.
pub fn add(a: &str, b: &str) -> Result<String, String> {
    let (ai, af) = split(a)?;
    let (bi, bf) = split(b)?;
    let scale = af.len().max(bf.len());
    let digits = |int: &str, frac: &str| -> Result<u128, String> {
        format!("{int}{frac:0<scale$}")
            .parse::<u128>()
            .map_err(|_| format!("price {int}.{frac} has too many digits"))
    };
    let sum = digits(ai, af)? + digits(bi, bf)?;
    let text = format!("{sum:0>width$}", width = scale + 1);
    let (int, frac) = text.split_at(text.len() - scale);
    normalise(&format!("{int}.{frac}"))
}

/// Integer and fraction digits of `digits[.digits]`; nothing else passes
/// (no sign, exponent, spaces, or empty parts).
fn split(text: &str) -> Result<(&str, &str), String> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = !text.contains('.') || !frac.is_empty();
    if int.is_empty() || !all_digits(int) || !all_digits(frac) || !frac_ok {
        return Err(format!("price {text:?} is not a decimal number"));
    }
    Ok((int, frac))
}

#[cfg(test)]
mod tests;
