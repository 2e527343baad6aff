//! Price overrides: the user's own figure for a rate of the price book
//! (`p.<rate key>=<value>` in the link), e.g. a negotiated discount. They
//! apply in every region that has the rate, are listed in canonical order,
//! and every platform whose figure used one says so.

use serde::{Deserialize, Serialize};

use crate::decimal::shortest;
use crate::text::{clip, parse_decimal};

/// One overridden rate.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriceOverride {
    /// The rate key, e.g. `ec2.m5.large` (see the Data panel).
    pub key: String,
    /// The figure used instead of the book's, in the rate's own unit.
    pub value: f64,
}

/// Largest figure accepted (anything a price could plausibly be, and more).
const MAX_VALUE: f64 = 1e9;

/// Longest rate key kept (every key of the book is far shorter).
const MAX_KEY_CHARS: usize = 64;

/// True when `key` could name a price: a rate key's shape (lower-case
/// letters, digits, `.` and `_`), not a limit. Whether the book holds it is
/// the price book's to say (`pricebook::price_key`), when the scenario is
/// read against it.
pub fn could_be_price(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= MAX_KEY_CHARS
        && !key.starts_with("limit.")
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'.' || b == b'_')
}

/// Why an override of `key` is not used: the one wording, whether the key's
/// shape or the book refused it.
pub fn not_a_price(key: &str) -> String {
    format!("\"{}\" is not a price in the book", clip(key))
}

/// Checks an override typed or carried in a link.
pub fn parse(key: &str, text: &str) -> Result<PriceOverride, String> {
    if !could_be_price(key) {
        return Err(not_a_price(key));
    }
    let value = parse_decimal(text, "price", 0.0, MAX_VALUE, false)?;
    Ok(PriceOverride {
        key: key.to_string(),
        value,
    })
}

/// Sets (or with `None` removes) an override, keeping the list sorted by key.
pub fn set(list: &mut Vec<PriceOverride>, key: &str, value: Option<PriceOverride>) {
    // The list is sorted: find the key's place once (no re-sort per edit,
    // so a link of many overrides stays linear in the list).
    match (list.binary_search_by(|o| o.key.as_str().cmp(key)), value) {
        (Ok(i), Some(o)) => {
            if let Some(slot) = list.get_mut(i) {
                *slot = o;
            }
        }
        (Ok(i), None) => {
            list.remove(i);
        }
        (Err(i), Some(o)) => list.insert(i, o),
        (Err(_), None) => {}
    }
}

/// Why an override of `key` (book figure `book`) to `value` deserves a
/// second look — it is 0, or ten times away from the book — if it does.
pub fn flag(key: &str, book: f64, value: f64) -> Option<String> {
    if value == 0.0 {
        Some(format!(
            "{key} is overridden to 0 (book: {}): figures that use it are free",
            shortest(book)
        ))
    } else if book > 0.0 && (value > book * 10.0 || value < book / 10.0) {
        Some(format!(
            "{key} is overridden to {}, more than ten times away from the book's {}",
            shortest(value),
            shortest(book)
        ))
    } else {
        None
    }
}

#[cfg(test)]
mod tests;
