//! The Data panel's table: the region's figures, filtered by what the user
//! types and grouped by the source they come from, and source texts cut
//! into words and links.

use crate::pricebook::Rate;

/// Figures that come from one source, in the book's order.
#[derive(Debug, PartialEq)]
pub struct SourceGroup<'a> {
    /// The source, as the book writes it.
    pub source: &'static str,
    /// Its figures.
    pub rates: Vec<&'a Rate>,
}

/// The figures of `rates` that `filter` matches, grouped by source (in the
/// order each source first appears). The filter is words, each of which
/// must appear (ignoring case) in a figure's key, unit, date, source or
/// note; an empty filter keeps every figure.
pub fn source_groups<'a>(rates: &'a [Rate], filter: &str) -> Vec<SourceGroup<'a>> {
    let words: Vec<String> = filter
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    let matches = |r: &Rate| {
        let p = r.provenance;
        let text = [r.key, r.unit, p.as_of, p.source(), p.note()]
            .join(" ")
            .to_ascii_lowercase();
        words.iter().all(|w| text.contains(w.as_str()))
    };
    let mut groups: Vec<SourceGroup<'a>> = Vec::new();
    for r in rates.iter().filter(|r| matches(r)) {
        let source = r.provenance.source();
        match groups.iter_mut().find(|g| g.source == source) {
            Some(g) => g.rates.push(r),
            None => groups.push(SourceGroup {
                source,
                rates: vec![r],
            }),
        }
    }
    groups
}

/// `text` cut into pieces, each plain text or a link: a word that is a
/// web address (`https://…`, or a host such as `docs.aws.amazon.com/…`,
/// `aws.amazon.com/…`, `github.com/…`) links to it, without the
/// punctuation that closes a sentence or a parenthesis.
pub fn link_pieces(text: &str) -> Vec<(&str, Option<String>)> {
    const HOSTS: [&str; 4] = [
        "docs.aws.amazon.com/",
        "aws.amazon.com/",
        "github.com/",
        "docs.aws.eu/",
    ];
    let mut out: Vec<(&str, Option<String>)> = Vec::new();
    let (mut plain_from, mut at) = (0, 0);
    for word in text.split(' ') {
        let start = at;
        at += word.len() + 1;
        let bare = word.trim_end_matches([';', ',', ')', '.']);
        let web = bare.starts_with("https://") || bare.starts_with("http://");
        if !web && !HOSTS.iter().any(|h| bare.starts_with(h)) {
            continue;
        }
        let href = if web {
            bare.to_string()
        } else {
            format!("https://{bare}")
        };
        if start > plain_from {
            out.push((text.get(plain_from..start).unwrap_or_default(), None));
        }
        out.push((bare, Some(href)));
        plain_from = start + bare.len();
    }
    if plain_from < text.len() {
        out.push((text.get(plain_from..).unwrap_or_default(), None));
    }
    out
}

#[cfg(test)]
mod tests;
