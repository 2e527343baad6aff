//! The book directory as text: which files it has, reading one CSV file
//! into rows, replacing rows by key, and writing it back.
//!
//! Rows are handled by column name, so the importer keeps working when a
//! book file gains a column. A file the import does not change is written
//! back byte for byte.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use csv::StringRecord;

/// The files of a book directory (core/data's layout): what a complete
/// import writes (the tests check it).
#[cfg(test)]
pub const FILES: [&str; 12] = [
    "SOURCES.md",
    "app_runner_sizes.csv",
    "ec2_not_offered.csv",
    "ec2_prices.csv",
    "eks_cpu_reserved_tiers.csv",
    "fargate_prices.csv",
    "fargate_sizes.csv",
    "fees.csv",
    "instance_types.csv",
    "limits.csv",
    "performance.csv",
    "spot_savings.csv",
];

/// The base book as (file name, text) pairs: the files of `dir`, or the
/// book in use (`--book DIR` or the one the binary embeds).
pub fn base_book(dir: Option<&Path>) -> Result<Vec<(String, String)>, String> {
    match dir {
        Some(dir) => crate::book::read_dir(dir),
        None => crate::book::current_files(),
    }
}

/// One CSV file of the book.
#[derive(Clone, Debug)]
pub struct Table {
    /// The file name (for messages).
    pub name: String,
    header: StringRecord,
    index: HashMap<String, usize>,
    /// The data rows, in file order.
    pub rows: Vec<StringRecord>,
}

/// What a merge did to one file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Rows written from the given files (replacing or added).
    pub imported: usize,
    /// Base rows written unchanged.
    pub kept: usize,
    /// Keys of kept rows the given files should have had (their offer and
    /// region were read) but did not.
    pub missing: Vec<String>,
}

impl Table {
    /// Parses a book file; the book's own check would fail on a bad one,
    /// so any error here names the base book's file and line.
    pub fn parse(name: &str, text: &str) -> Result<Table, String> {
        let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
        let header = reader
            .headers()
            .map_err(|e| format!("base book {name}: {e}"))?
            .clone();
        let rows = reader
            .records()
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("base book {name}: {e}"))?;
        let index = header
            .iter()
            .enumerate()
            .map(|(i, c)| (c.to_string(), i))
            .collect();
        Ok(Table {
            name: name.to_string(),
            header,
            index,
            rows,
        })
    }

    /// The field of column `col` in `row` (empty when absent).
    pub fn get<'r>(&self, row: &'r StringRecord, col: &str) -> &'r str {
        self.index.get(col).and_then(|&i| row.get(i)).unwrap_or("")
    }

    /// A row of this file from (column, value) pairs; other columns empty.
    pub fn row(&self, fields: &[(&str, &str)]) -> StringRecord {
        self.header
            .iter()
            .map(|col| {
                fields
                    .iter()
                    .find(|(c, _)| *c == col)
                    .map_or("", |(_, v)| *v)
            })
            .collect()
    }

    /// `row` with the given columns replaced.
    pub fn with(&self, row: &StringRecord, fields: &[(&str, &str)]) -> StringRecord {
        self.header
            .iter()
            .zip(row.iter())
            .map(|(col, old)| {
                fields
                    .iter()
                    .find(|(c, _)| *c == col)
                    .map_or(old, |(_, v)| *v)
            })
            .collect()
    }

    /// The key of `row`: the `key` columns joined with `/`.
    pub fn key(&self, row: &StringRecord, key: &[&str]) -> String {
        key.iter()
            .map(|c| self.get(row, c))
            .collect::<Vec<_>>()
            .join("/")
    }

    /// Replaces the rows whose `key` columns match a new row, keeping base
    /// order, and appends the other new rows sorted by key. `drop` removes
    /// base rows outright (a fee that changes from `all` to per region);
    /// `expected` says which kept rows the given files should have priced.
    pub fn merge(
        &mut self,
        key: &[&str],
        new: Vec<StringRecord>,
        drop: impl Fn(&Table, &StringRecord) -> bool,
        expected: impl Fn(&Table, &StringRecord) -> bool,
    ) -> Counts {
        let mut new: BTreeMap<String, StringRecord> =
            new.into_iter().map(|r| (self.key(&r, key), r)).collect();
        let mut counts = Counts {
            imported: new.len(),
            ..Counts::default()
        };
        let mut rows = Vec::with_capacity(self.rows.len() + new.len());
        for row in std::mem::take(&mut self.rows) {
            if drop(self, &row) {
                continue;
            }
            match new.remove(&self.key(&row, key)) {
                Some(replacement) => rows.push(replacement),
                None => {
                    counts.kept += 1;
                    if expected(self, &row) {
                        counts.missing.push(self.key(&row, key));
                    }
                    rows.push(row);
                }
            }
        }
        rows.extend(new.into_values());
        self.rows = rows;
        counts
    }

    /// The file as text, quoting only fields that need it (as the book does).
    pub fn text(&self) -> Result<String, String> {
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(Vec::new());
        let fail = |e: csv::Error| format!("cannot write {}: {e}", self.name);
        writer.write_record(&self.header).map_err(fail)?;
        for row in &self.rows {
            writer.write_record(row).map_err(fail)?;
        }
        let bytes = writer
            .into_inner()
            .map_err(|e| format!("{}: {e}", self.name))?;
        String::from_utf8(bytes).map_err(|e| format!("{}: {e}", self.name))
    }
}
