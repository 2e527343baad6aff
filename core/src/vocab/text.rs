//! Text in and out: parsing numbers typed by users or carried in links, and
//! the percent-encoding of URL values. One parser serves the URL decoder and
//! the web form, so a value is valid in both places or in neither.

/// Parses a whole number in `min..=max`; `what` names it in the message.
///
/// Accepts surrounding spaces and exponent forms that are whole (`1e3`);
/// rejects fractions, signs below `min`, `NaN` and infinities.
pub fn parse_whole(text: &str, what: &str, min: u64, max: u64) -> Result<u64, String> {
    let value = parse_finite(text, what)?;
    if value.fract() != 0.0 {
        return Err(format!(
            "{what} must be a whole number, not {}",
            clip(text.trim())
        ));
    }
    if value < min as f64 || value > max as f64 {
        return Err(format!("{what} must be between {min} and {max}"));
    }
    // In range and whole, so the conversion is exact.
    Ok(value as u64)
}

/// Parses a decimal number in `min..=max` (or `min < x` when `exclusive_min`).
pub fn parse_decimal(
    text: &str,
    what: &str,
    min: f64,
    max: f64,
    exclusive_min: bool,
) -> Result<f64, String> {
    let value = parse_finite(text, what)?;
    let below = if exclusive_min {
        value <= min
    } else {
        value < min
    };
    if below || value > max {
        let low = if exclusive_min { "above" } else { "at least" };
        return Err(format!(
            "{what} must be {low} {} and at most {}",
            format_number(min),
            format_number(max)
        ));
    }
    Ok(value)
}

fn parse_finite(text: &str, what: &str) -> Result<f64, String> {
    let trimmed = text.trim();
    // `1,000,000` as people paste it; a bad grouping stays and is refused.
    let ungrouped = crate::quantity::ungroup(trimmed);
    let trimmed = ungrouped.as_deref().unwrap_or(trimmed);
    if trimmed.is_empty() {
        return Err(format!("{what} is empty"));
    }
    let lower = trimmed.to_ascii_lowercase();
    // Rust's parser accepts these spellings; a price calculator must not.
    if lower.contains("nan") || lower.contains("inf") {
        return Err(format!(
            "{what} must be a finite number, not {}",
            clip(trimmed)
        ));
    }
    match crate::decimal::parse_f64(trimmed) {
        Some(v) if v.is_finite() => Ok(v),
        _ => Err(format!("{what} must be a number, not {}", clip(trimmed))),
    }
}

/// Parses a percentage in `min..=max`, with or without its `%` sign.
pub fn parse_percent(text: &str, what: &str, min: f64, max: f64) -> Result<f64, String> {
    parse_decimal(crate::quantity::strip_percent(text), what, min, max, false)
}

/// The canonical text of a number: shortest form that reads back exactly,
/// no exponent, no trailing `.0` (`0.25`, `2`, `1000000`).
pub fn format_number(value: f64) -> String {
    if value == 0.0 {
        return "0".to_string(); // also folds -0
    }
    crate::decimal::shortest(value)
}

/// Shortens text quoted back in a message, so a 1 MB value cannot flood the
/// page, and shows control characters as U+FFFD, so a value cannot break a
/// line of the CLI's output or forge one.
pub fn clip(text: &str) -> String {
    const LIMIT: usize = 40;
    let mut chars = text
        .chars()
        .map(|c| if c.is_control() { '\u{FFFD}' } else { c });
    let head: String = chars.by_ref().take(LIMIT).collect();
    if chars.next().is_some() {
        format!("{head}…")
    } else {
        head
    }
}

/// Percent-encodes a URL query value: everything but ASCII letters, digits
/// and `-._` becomes `%XX` (UTF-8 bytes), so `~`, `&`, `=` and `#` are safe.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes a query component: `+` is a space (form encoding, as mail and
/// chat tools produce), `%XX` a byte; a `%` not followed by two hex digits is
/// kept literally. Invalid UTF-8 becomes U+FFFD rather than an error.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'+' => out.push(b' '),
            b'%' => match (hex(bytes.get(i + 1)), hex(bytes.get(i + 2))) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(byte: Option<&u8>) -> Option<u8> {
    char::from(*byte?)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_accept_and_reject() {
        assert_eq!(parse_whole("3", "tasks", 0, 10), Ok(3));
        assert_eq!(parse_whole(" 1e1 ", "tasks", 0, 10), Ok(10));
        assert!(parse_whole("1.5", "tasks", 0, 10)
            .unwrap_err()
            .contains("whole"));
        assert!(parse_whole("-1", "tasks", 0, 10).is_err());
        assert!(parse_whole("11", "tasks", 0, 10).is_err());
        assert!(parse_whole("NaN", "tasks", 0, 10).is_err());
        assert!(parse_whole("inf", "tasks", 0, 10).is_err());
        assert!(parse_whole("", "tasks", 0, 10)
            .unwrap_err()
            .contains("empty"));
        assert!(parse_whole("1e400", "tasks", 0, 10).is_err());
    }

    #[test]
    fn decimals_respect_exclusive_minimum() {
        assert_eq!(parse_decimal("0.25", "vCPU", 0.0, 4.0, true), Ok(0.25));
        assert!(parse_decimal("0", "vCPU", 0.0, 4.0, true).is_err());
        assert_eq!(parse_decimal("0", "pct", 0.0, 100.0, false), Ok(0.0));
        assert!(parse_decimal("100.5", "pct", 0.0, 100.0, false).is_err());
    }

    #[test]
    fn numbers_format_canonically() {
        assert_eq!(format_number(0.25), "0.25");
        assert_eq!(format_number(2.0), "2");
        assert_eq!(format_number(-0.0), "0");
        assert_eq!(format_number(1e6), "1000000");
    }

    #[test]
    fn percent_coding_round_trips_awkward_names() {
        for name in ["api", "a~b&c=d", "<script>", "名前 🚢", "50%", "a+b"] {
            assert_eq!(percent_decode(&percent_encode(name)), name);
        }
        assert_eq!(percent_decode("a+b%20c"), "a b c");
        assert_eq!(percent_decode("100%"), "100%");
        assert_eq!(percent_decode("%zz%4"), "%zz%4");
        assert_eq!(percent_decode("%FF"), "\u{FFFD}");
    }

    #[test]
    fn clip_keeps_messages_short() {
        let long = "x".repeat(1000);
        assert!(clip(&long).chars().count() <= 41);
        assert_eq!(clip("a\nnotice: b\u{0}"), "a\u{FFFD}notice: b\u{FFFD}");
        assert_eq!(clip(&"é".repeat(40)), "é".repeat(40));
    }
}
