//! Reading one AWS Price List offer file in its bulk CSV layout: five
//! metadata lines (`FormatVersion`, `Disclaimer`, `Publication Date`,
//! `Version`, `OfferCode`), a header row, then one row per price.
//!
//! Columns are found by name, never by position: AWS adds and reorders
//! attribute columns between versions. Names are compared lower-case with
//! spaces and punctuation removed, so `Pre Installed S/W` is
//! `preinstalledsw` and `usageType`, `usagetype` and `Usage Type` are one
//! column (the EC2 file and the smaller offers do not spell them alike).

use std::collections::HashMap;
use std::io::Read;

use csv::StringRecord;

/// The metadata keys, in the order AWS writes them.
const METADATA: [&str; 5] = [
    "FormatVersion",
    "Disclaimer",
    "Publication Date",
    "Version",
    "OfferCode",
];

/// What the metadata lines say about an offer file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meta {
    /// The file name as given on the command line (for messages and sources).
    pub file: String,
    /// `OfferCode`, e.g. `AmazonEC2`.
    pub code: String,
    /// `Version`, e.g. `20261120190541`.
    pub version: String,
    /// The `YYYY-MM-DD` of `Publication Date`.
    pub as_of: String,
}

impl Meta {
    /// The `source` column of a row read from this file.
    pub fn source(&self) -> String {
        format!(
            "AWS Price List {} offer {}, version {}",
            self.code, self.file, self.version
        )
    }
}

/// The header of an offer file: normalised column name → index.
pub struct Columns(HashMap<String, usize>);

impl Columns {
    fn new(header: &StringRecord) -> Columns {
        Columns(
            header
                .iter()
                .enumerate()
                .map(|(i, name)| (normal(name), i))
                .collect(),
        )
    }

    /// Whether the header has a column of this name.
    pub fn has(&self, name: &str) -> bool {
        self.0.contains_key(&normal(name))
    }
}

/// One data row with the header it belongs to.
pub struct Row<'a> {
    columns: &'a Columns,
    record: &'a StringRecord,
    /// The row's line number in the file (1-based).
    pub line: u64,
}

impl<'a> Row<'a> {
    /// The field of column `name`, `None` when the file has no such column.
    pub fn get(&self, name: &str) -> Option<&'a str> {
        let i = *self.columns.0.get(&normal(name))?;
        self.record.get(i)
    }

    /// The field of column `name`, empty when the file has no such column.
    pub fn text(&self, name: &str) -> &'a str {
        self.get(name).unwrap_or("")
    }
}

/// Column names compared without case, spaces or punctuation.
fn normal(name: &str) -> String {
    name.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// An error at a line of a file, as the command prints it.
pub fn at(file: &str, line: u64, message: impl std::fmt::Display) -> String {
    format!("{file}: line {line}: {message}")
}

/// Reads an offer file: checks the metadata lines and the header (which
/// must hold every column of `needed(code)`, each entry a list of
/// alternatives), then calls `each` for every row. Stops at the first
/// problem, naming the file and line.
pub fn read<R: Read>(
    file: &str,
    input: R,
    needed: impl Fn(&str) -> Result<&'static [&'static [&'static str]], String>,
    mut each: impl FnMut(&Meta, &Row) -> Result<(), String>,
) -> Result<Meta, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut record = StringRecord::new();
    let mut values = Vec::new();
    for (i, key) in METADATA.iter().enumerate() {
        let line = i as u64 + 1;
        if !next(&mut reader, &mut record, file)? {
            return Err(at(file, line, format!("file ends before the {key} line")));
        }
        match (record.get(0), record.get(1), record.len()) {
            (Some(k), Some(v), 2) if k == *key => values.push(v.to_string()),
            _ => {
                return Err(at(
                    file,
                    line,
                    format!("expected the metadata line \"{key}\",…"),
                ))
            }
        }
    }
    let meta = meta(file, &values)?;
    let needed = needed(&meta.code).map_err(|e| at(file, 5, e))?;
    if !next(&mut reader, &mut record, file)? {
        return Err(at(file, 6, "file ends before the header row"));
    }
    let columns = Columns::new(&record);
    for alternatives in needed {
        if !alternatives.iter().any(|c| columns.has(c)) {
            let names = alternatives.join("\" or \"");
            return Err(at(file, 6, format!("no column \"{names}\"")));
        }
    }
    let width = record.len();
    while next(&mut reader, &mut record, file)? {
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != width {
            let got = record.len();
            return Err(at(
                file,
                line,
                format!("{got} fields, the header has {width}"),
            ));
        }
        let row = Row {
            columns: &columns,
            record: &record,
            line,
        };
        each(&meta, &row)?;
    }
    Ok(meta)
}

/// The next record; `false` at the end; a CSV error names file and line.
fn next<R: Read>(
    reader: &mut csv::Reader<R>,
    record: &mut StringRecord,
    file: &str,
) -> Result<bool, String> {
    reader.read_record(record).map_err(|e| {
        let line = e.position().map_or(0, csv::Position::line);
        at(file, line, format!("not readable as CSV: {e}"))
    })
}

/// The metadata values, checked: a publication date that starts `YYYY-MM-DD`.
fn meta(file: &str, values: &[String]) -> Result<Meta, String> {
    let [_, _, published, version, code] = values else {
        return Err(at(file, 1, "metadata lines missing"));
    };
    let as_of = published.get(..10).unwrap_or("");
    let shape_ok = as_of.len() == 10
        && as_of.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape_ok {
        return Err(at(
            file,
            3,
            format!("Publication Date {published:?} does not start YYYY-MM-DD"),
        ));
    }
    Ok(Meta {
        file: file.to_string(),
        code: code.clone(),
        version: version.clone(),
        as_of: as_of.to_string(),
    })
}
