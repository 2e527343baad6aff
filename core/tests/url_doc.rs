//! `docs/url.md` is the public contract of Berth's links: its table must
//! list every key the codec reads, in the order the encoder writes them,
//! and each field's default must be the one the tables hold.

use berth_core::codec;
use berth_core::scenario::Scenario;
use berth_core::{options, requirements, sim};

fn doc() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/url.md");
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The table's rows: `(key, default column)`.
fn rows(doc: &str) -> Vec<(String, String)> {
    doc.lines()
        .filter(|l| l.starts_with("| `"))
        .map(|l| {
            let cells: Vec<&str> = l.split(" | ").collect();
            let key = cells.first().unwrap_or(&"").trim_start_matches("| ");
            let default = cells.get(3).copied().unwrap_or("");
            (key.trim_matches('`').to_string(), default.to_string())
        })
        .collect()
}

#[test]
fn the_doc_lists_every_key_in_encoding_order() {
    let listed: Vec<String> = rows(&doc()).into_iter().map(|(k, _)| k).collect();
    assert_eq!(listed, codec::keys(), "docs/url.md's table vs the codec");
}

#[test]
fn the_doc_gives_each_fields_default() {
    let doc = doc();
    let rows = rows(&doc);
    let default = Scenario::default();
    let mut fields: Vec<(&str, String)> = Vec::new();
    fields.extend(
        options::FIELDS
            .iter()
            .map(|f| (f.key, (f.get)(&default.options))),
    );
    fields.extend(
        requirements::FIELDS
            .iter()
            .map(|f| (f.key, (f.get)(&default.requirements))),
    );
    fields.extend(sim::FIELDS.iter().map(|f| (f.key, (f.get)(&default.sim))));
    for (key, value) in fields {
        let (_, cell) = rows
            .iter()
            .find(|(k, _)| k == key)
            .cloned()
            .unwrap_or_default();
        // The cell starts with the default, plain or in backticks, or says
        // "none" for a field that is unset by default.
        let first = cell
            .trim_start_matches('`')
            .split(['`', ' '])
            .next()
            .unwrap_or("")
            .to_string();
        let want = if value.is_empty() {
            "none".to_string()
        } else {
            value
        };
        assert_eq!(first, want, "default of `{key}` in docs/url.md: {cell}");
    }
}
