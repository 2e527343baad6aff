//! The source and note texts of the price book's figures.
//!
//! They are most of the book's bytes and only the Data panel shows them, so
//! the web build leaves them out of its code (`core/build.rs`) and fetches
//! them from [`SOURCES_FILE`] when the panel opens, keyed by region and
//! rate key (so figures whose provenance differs only in its words share
//! one entry in the code). The native build (CLI, tests) carries them, and
//! [`file_text`] writes the file `make dist` serves beside the app.

use std::sync::OnceLock;

use super::rows;
use super::Rate;
use crate::region::RegionId;

pub use rows::SOURCES_FILE;

/// The texts fetched into the web build: `(region or all, key, source,
/// note)`, sorted by region and key.
static LOADED: OnceLock<Vec<[String; 4]>> = OnceLock::new();

/// The sources file's content (served as [`SOURCES_FILE`]), written by the
/// build from the same data it compiled.
pub fn file_text() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/sources.txt"))
}

/// True when the texts are at hand: always natively, in the web build once
/// [`load`] has run.
pub fn available() -> bool {
    rows::TEXTS_INSIDE || LOADED.get().is_some()
}

/// Reads the fetched sources file. A file of another build is refused (its
/// name is after its content, so only a damaged file gets here).
pub fn load(text: &str) -> Result<(), String> {
    let mut lines = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let mut parts = line.split('\t').map(unescape);
        match (
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) {
            (Some(r), Some(k), Some(s), Some(t), None) => lines.push([r, k, s, t]),
            _ => {
                return Err(format!(
                    "line {} of the sources file is not region, key, source, note",
                    n + 1
                ))
            }
        }
    }
    let sorted = lines
        .iter()
        .zip(lines.iter().skip(1))
        .all(|(a, b)| (&a[0], &a[1]) < (&b[0], &b[1]));
    if !sorted {
        return Err("the sources file is not sorted".to_string());
    }
    // A second load of the same file changes nothing.
    let _ = LOADED.set(lines);
    Ok(())
}

/// The source and the note of a rate in a region; empty until the texts
/// are at hand.
pub fn source_and_note(region: RegionId, rate: &Rate) -> (&str, &str) {
    if rows::TEXTS_INSIDE {
        return (rate.provenance.source, rate.provenance.note);
    }
    let Some(lines) = LOADED.get() else {
        return ("", "");
    };
    let find = |r: &str| {
        lines
            .binary_search_by(|l| (l[0].as_str(), l[1].as_str()).cmp(&(r, rate.key)))
            .ok()
            .and_then(|i| lines.get(i))
    };
    find(region.code())
        .or_else(|| find("all"))
        .map_or(("", ""), |l| (l[2].as_str(), l[3].as_str()))
}

/// Undoes the file's escapes (`\\`, `\t`, `\n`).
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            },
            (c, false) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests;
