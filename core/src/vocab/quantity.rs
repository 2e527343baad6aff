//! The notations people paste for a size: Kubernetes CPU (`500m`, `0.5`,
//! `2`) and memory (`512Mi`, `1.5Gi`, `1G`, `512M`), a percent sign, and
//! thousands separators (`1,000,000`, `1 000 000`, `1_000_000`).
//!
//! Each reader turns the text into the plain number the field holds, or
//! leaves it alone for the number parser to refuse with its message: a
//! notation is accepted only when it is unambiguous, never guessed at.

/// Bytes in a GiB.
const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

/// A size read from text, with a note when the reading converted decimal
/// units (so the user sees that `1G` is 10⁹ bytes, not a GiB).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    /// The plain number, in the field's unit.
    pub text: String,
    /// What was converted, if anything needs saying.
    pub note: Option<String>,
}

impl Reading {
    fn plain(text: &str) -> Reading {
        Reading {
            text: text.to_string(),
            note: None,
        }
    }
}

/// Digits grouped by thousands (`1,000,000`, `1 000 000`, `1_000_000`,
/// also with a no-break or thin space), with an optional fraction after a
/// `.`: the digits alone. `None` when the text has no separator or the
/// groups are not of three digits (so `1,5` is not read as 15).
pub fn ungroup(text: &str) -> Option<String> {
    let sep = text
        .chars()
        .find(|c| matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))?;
    let (sign, body) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (body, None),
    };
    let groups: Vec<&str> = int.split(sep).collect();
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let first_ok = groups.first().is_some_and(|g| digits(g) && g.len() <= 3);
    let rest_ok = groups.iter().skip(1).all(|g| digits(g) && g.len() == 3);
    let frac_ok = frac.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit()));
    if groups.len() < 2 || !first_ok || !rest_ok || !frac_ok {
        return None;
    }
    let mut out = format!("{sign}{}", groups.concat());
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    Some(out)
}

/// A percentage written with its sign (`30%`, `30 %`): the number alone.
pub fn strip_percent(text: &str) -> &str {
    let t = text.trim();
    t.strip_suffix('%').map_or(t, str::trim_end)
}

/// vCPU as Kubernetes writes it: `500m` is half a vCPU (millicores);
/// `0.5` and `2` are vCPU. Anything else is left for the number parser.
pub fn cpu(text: &str) -> Reading {
    let t = text.trim();
    let Some(milli) = t.strip_suffix('m') else {
        return Reading::plain(t);
    };
    match crate::decimal::parse_f64(milli.trim_end()) {
        Some(m) if m.is_finite() && !milli.is_empty() => Reading {
            text: crate::decimal::shortest(m / 1000.0),
            note: None,
        },
        _ => Reading::plain(t),
    }
}

/// Memory in GiB from Kubernetes and AWS notations: binary `Ki`, `Mi`,
/// `Gi`, `Ti` (also `KiB`, `MiB`, `GiB`, `TiB`); decimal `k`, `M`, `G`,
/// `T` (also `kB`, `MB`, `GB`, `TB`), read as Kubernetes reads them
/// (`1G` = 10⁹ bytes) with a note saying so. A bare number is GiB, the
/// field's unit.
pub fn memory_gib(text: &str) -> Reading {
    let t = text.trim();
    let split = t
        .char_indices()
        .find(|&(_, c)| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
        .map_or(t.len(), |(i, _)| i);
    let (number, unit) = t.split_at(split);
    let (number, unit) = (number.trim_end(), unit.trim());
    let Some(bytes_per) = unit_bytes(unit) else {
        return Reading::plain(t);
    };
    let value = match crate::decimal::parse_f64(number) {
        Some(v) if v.is_finite() && !number.is_empty() => v,
        _ => return Reading::plain(t),
    };
    let gib = value * bytes_per / GIB;
    let text = crate::decimal::shortest(gib);
    let decimal = !unit.contains('i');
    let note = decimal.then(|| {
        let binary = format!(
            "{}{}i",
            number,
            unit.chars().next().unwrap_or('G').to_ascii_uppercase()
        );
        format!(
            "{t} is {number} × 10^{} bytes (decimal units) = {} GiB; {binary} is the binary unit",
            exponent(unit),
            crate::decimal::fixed(gib, 3)
        )
    });
    Reading { text, note }
}

/// Bytes in one of a memory unit, `None` for text that is not one.
fn unit_bytes(unit: &str) -> Option<f64> {
    let u = unit.strip_suffix('B').unwrap_or(unit);
    let k = 1024.0;
    Some(match u {
        "Ki" => k,
        "Mi" => k * k,
        "Gi" => k * k * k,
        "Ti" => k * k * k * k,
        "k" | "K" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        _ => return None,
    })
}

/// The power of ten of a decimal memory unit.
fn exponent(unit: &str) -> u32 {
    match unit.chars().next() {
        Some('k' | 'K') => 3,
        Some('M') => 6,
        Some('G') => 9,
        _ => 12,
    }
}

#[cfg(test)]
mod tests;
