//! Compiles the performance matrix in `data/performance.csv` into
//! `$OUT_DIR/perf_data.rs`.
//!
//! The performance figures are the engine's own constants (latencies,
//! billing increments, efficiencies), so they are code; the price book,
//! which changes monthly, is data that `berth_core::pricebook` reads at run
//! time. Any malformed row stops the build with the file, line and reason.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "build/csv.rs"]
mod csv;
#[path = "build/perf.rs"]
mod perf;

use csv::*;
use perf::perf;

/// The provenance columns every data file ends with.
const PROV: [&str; 5] = ["source", "as_of", "confidence", "derived", "note"];

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    println!(
        "cargo:rerun-if-changed={}",
        dir.join("performance.csv").display()
    );
    // The web app shows no source of a performance figure: its build
    // leaves the texts out.
    let lazy_texts = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    perf(&dir, lazy_texts);
}

/// The generated Rust source, built up as the file is read.
#[derive(Default)]
struct Gen {
    /// `Provenance` literals in `PROVENANCES` order.
    provs: Vec<String>,
    code: String,
    prov_ids: BTreeMap<String, usize>,
    /// The web build: source texts are left out.
    lazy_texts: bool,
}

type Row = BTreeMap<String, String>;

impl Gen {
    /// Checks a row's provenance columns; returns the `Provenance` literal.
    fn check(&mut self, t: &Table, line: usize, r: &Row) -> String {
        let conf = match r["confidence"].as_str() {
            "high" => "High",
            "medium" => "Medium",
            "low" => "Low",
            other => fail(
                &t.file,
                line,
                &format!("confidence {other:?} is not high|medium|low"),
            ),
        };
        let derived = boolean(t, line, &r["derived"]);
        if derived && r["note"].trim().is_empty() {
            fail(
                &t.file,
                line,
                "a derived figure needs a note saying how it was derived",
            );
        }
        let as_of = r["as_of"].as_str();
        if !valid_date(as_of) {
            fail(
                &t.file,
                line,
                "as_of must be YYYY-MM-DD, YYYY-MM, YYYY or undated",
            );
        }
        if r["source"].trim().is_empty() {
            fail(&t.file, line, "source is empty");
        }
        format!(
            "as_of: {as_of:?}, confidence: Confidence::{conf}, derived: {derived}, \u{0}{:?}\u{0}{:?}",
            r["source"], r["note"]
        )
    }

    /// Returns the index in `PROVENANCES` of a row's provenance, adding it once.
    fn prov_id(&mut self, t: &Table, line: usize, r: &Row) -> u16 {
        let body = self.check(t, line, r);
        let body = if self.lazy_texts {
            let fields = body.split('\u{0}').next().unwrap_or_default();
            format!("{fields}\u{0}\"\"\u{0}\"\"")
        } else {
            body
        };
        let next = self.provs.len();
        let id = *self.prov_ids.entry(body.clone()).or_insert(next);
        if id == next {
            self.provs.push(body);
        }
        u16::try_from(id).unwrap_or_else(|_| fail(&t.file, line, "more than 65536 provenances"))
    }

    /// Returns a reference to a row's provenance in `PROVENANCES`.
    fn prov(&mut self, t: &Table, line: usize, r: &Row) -> String {
        format!("&PROVENANCES[{}]", self.prov_id(t, line, r))
    }

    /// The `PROVENANCES` array. In the web build (`lazy_texts`) its texts
    /// are empty ([`Gen::prov_id`] left them to the sources file, which the
    /// page fetches when it shows them: see `pricebook::sources`); the
    /// native build keeps them in place.
    fn provenances(&self) -> String {
        let items: String = self
            .provs
            .iter()
            .enumerate()
            .map(|(id, p)| {
                let mut parts = p.split('\u{0}');
                let (fields, source, note) = (
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                    parts.next().unwrap_or_default(),
                );
                format!("    Provenance {{ {fields} source: {source}, note: {note}, words: crate::provenance::INLINE }}, // {id}\n")
            })
            .collect();
        format!(
            "pub(crate) static PROVENANCES: [Provenance; {}] = [\n{items}];\n\n",
            self.provs.len()
        )
    }

    fn array(&mut self, name: &str, ty: &str, len: usize, items: &str) {
        writeln!(
            self.code,
            "pub(crate) static {name}: [{ty}; {len}] = [\n{items}];\n"
        )
        .unwrap();
    }
}
