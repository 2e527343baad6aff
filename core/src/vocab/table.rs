//! Reading the price book's files: CSV tables with named columns, and the
//! checked readers of one cell (dates, regions, numbers). Every failure
//! names the file, the line and the reason, and nothing is guessed.
//!
//! The CSV syntax itself is `csv-core`'s (a kept library: quoting, escaped
//! quotes, line endings), which needs no allocator of its own and adds
//! little to the page; this module only turns its records into rows.

use csv_core::{ReadRecordResult, Reader};

/// Whether the rules a book keeps (no duplicates, sorted sizes, dated
/// provenance, …) are checked as it is read. They are wherever a book is
/// read from its directory — the CLI, the tests, `berth book-files`,
/// which writes the web app's files only from a book that keeps them. The
/// web app reads only those files, and checks each is the very file
/// written (its name carries a hash of its content), so it leaves the
/// rules out of the page: each rule is still stated once, in
/// [`ensure!`]s beside the reading code.
pub const CHECKED: bool = cfg!(not(target_arch = "wasm32"));

/// `ensure!(condition, row_or_table, reason…)`: returns the row's error
/// unless `condition` holds — evaluated only where [`CHECKED`].
macro_rules! ensure {
    ($cond:expr, $at:expr, $($why:tt)+) => {
        if $crate::table::CHECKED {
            let holds: bool = $cond;
            if !holds {
                return Err($at.error(format!($($why)+)));
            }
        }
    };
}
pub(crate) use ensure;

/// FNV-1a, 64 bits, of a book file: the content part of its served name
/// (a content name, not a security hash).
pub fn content_hash(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// Why a book file cannot be used: the file, the line (1-based; 0 for
/// the file as a whole) and the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TableError {
    /// The file, as the reader named it.
    pub file: String,
    /// The line, 1-based; 0 when the fault is the file's as a whole.
    pub line: usize,
    /// What is wrong, in words.
    pub reason: String,
}

impl std::fmt::Display for TableError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            0 => write!(f, "{}: {}", self.file, self.reason),
            n => write!(f, "{} line {n}: {}", self.file, self.reason),
        }
    }
}

impl std::error::Error for TableError {}

/// One record of a table: its line and its fields in header order.
#[derive(Clone, Debug)]
pub struct Row<'t> {
    /// The table it belongs to (for column names and errors).
    table: &'t Table,
    /// Its fields, as many as the header has.
    fields: &'t [String],
    /// The line it starts on, 1-based, in the file.
    pub line: usize,
    /// The record's text as written (without its line end), so a tool can
    /// copy rows between files without rewriting them.
    pub raw: &'t str,
}

/// One CSV table: a header of column names, then rows.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// The file, for messages (`fees.csv`, `eu-west-1.csv#fees.csv`).
    pub file: String,
    /// The header, as written.
    pub header: Vec<String>,
    /// The header line as written.
    pub header_raw: String,
    /// Each row: its line, its fields, its raw text.
    records: Vec<(usize, Vec<String>, String)>,
}

impl Table {
    /// Reads `text` as one table whose header must be exactly `columns`.
    /// `first_line` is the line of the file `text` starts on (1 for a whole
    /// file; later for a table inside a bundle).
    pub fn parse(
        file: &str,
        text: &str,
        first_line: usize,
        columns: &[&str],
    ) -> Result<Table, TableError> {
        let err = |line, reason: String| TableError {
            file: file.to_string(),
            line,
            reason,
        };
        let mut records = read_records(text, first_line).map_err(|(l, r)| err(l, r))?;
        if records.is_empty() {
            return Err(err(first_line, "no header line".to_string()));
        }
        let (line, header, header_raw) = records.remove(0);
        if header != columns {
            return Err(err(line, format!("header must be {}", columns.join(","))));
        }
        for (line, fields, _) in &records {
            if fields.len() != columns.len() {
                let n = fields.len();
                return Err(err(
                    *line,
                    format!(
                        "{n} fields, expected {} ({})",
                        columns.len(),
                        columns.join(",")
                    ),
                ));
            }
        }
        Ok(Table {
            file: file.to_string(),
            header,
            header_raw,
            records,
        })
    }

    /// The rows, in file order.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.records.iter().map(move |(line, fields, raw)| Row {
            table: self,
            fields,
            line: *line,
            raw,
        })
    }

    /// How many rows the table has.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// True when the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// An error at `line` of this table's file.
    pub fn error(&self, line: usize, reason: impl Into<String>) -> TableError {
        TableError {
            file: self.file.clone(),
            line,
            reason: reason.into(),
        }
    }
}

impl<'t> Row<'t> {
    /// The field under column `name`; empty when the table has no such
    /// column (callers name columns of the header they asked for).
    pub fn get(&self, name: &str) -> &'t str {
        let i = self.table.header.iter().position(|c| c == name);
        i.and_then(|i| self.fields.get(i))
            .map_or("", String::as_str)
    }

    /// An error at this row.
    pub fn error(&self, reason: impl Into<String>) -> TableError {
        self.table.error(self.line, reason)
    }

    /// A finite, non-negative number.
    pub fn number(&self, col: &str) -> Result<f64, TableError> {
        let s = self.get(col);
        // The crate's own decimal reader (correctly rounded, as `str::parse`):
        // the standard one would add its tables to the page.
        let v = crate::decimal::parse_f64(s)
            .filter(|v| v.is_finite())
            .ok_or_else(|| self.error(format!("{col} \"{s}\" is not a number")))?;
        ensure!(v >= 0.0, self, "{col} is negative ({s})");
        Ok(v)
    }

    /// A number above zero.
    pub fn positive(&self, col: &str) -> Result<f64, TableError> {
        let v = self.number(col)?;
        ensure!(v != 0.0, self, "{col} is zero");
        Ok(v)
    }

    /// A whole number.
    pub fn whole(&self, col: &str) -> Result<u32, TableError> {
        let s = self.get(col);
        s.parse()
            .map_err(|_| self.error(format!("{col} \"{s}\" is not a whole number")))
    }

    /// `true` or `false`.
    pub fn boolean(&self, col: &str) -> Result<bool, TableError> {
        match self.get(col) {
            "true" => Ok(true),
            "false" => Ok(false),
            s => Err(self.error(format!("{col} \"{s}\" is not true|false"))),
        }
    }
}

/// True for a date the book accepts: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or
/// `undated`.
pub fn valid_date(s: &str) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let month = |m: &str| digits(m, 2) && ("01"..="12").contains(&m);
    let mut parts = s.split('-');
    s == "undated"
        || match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(y), None, None, None) => digits(y, 4),
            (Some(y), Some(m), None, None) => digits(y, 4) && month(m),
            (Some(y), Some(m), Some(d), None) => {
                digits(y, 4) && month(m) && digits(d, 2) && ("01"..="31").contains(&d)
            }
            _ => false,
        }
}

/// A record as read: its first line, its fields and its raw text.
type Record = (usize, Vec<String>, String);

/// Every record of `text`, blank lines skipped; `Err((line, reason))` on
/// text that is not UTF-8 after unquoting (it always is: the input is).
fn read_records(text: &str, first_line: usize) -> Result<Vec<Record>, (usize, String)> {
    let mut reader = Reader::new();
    let mut input = text.as_bytes();
    let (mut out, mut ends) = (vec![0u8; 256], vec![0usize; 32]);
    let (mut nout, mut nend) = (0, 0);
    let (mut records, mut line, mut start) = (Vec::new(), first_line, 0usize);
    let mut consumed = 0usize;
    loop {
        let (res, nin, o, e) = reader.read_record(
            input,
            out.get_mut(nout..).unwrap_or_default(),
            ends.get_mut(nend..).unwrap_or_default(),
        );
        consumed += nin;
        input = input.get(nin..).unwrap_or_default();
        nout += o;
        nend += e;
        match res {
            ReadRecordResult::InputEmpty => continue,
            ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            ReadRecordResult::Record => {
                let raw = text.get(start..consumed).unwrap_or_default();
                // The record starts after any blank lines csv-core skipped.
                let skipped = raw.len() - raw.trim_start_matches(['\r', '\n']).len();
                line += raw.get(..skipped).unwrap_or_default().matches('\n').count();
                let body = raw
                    .trim_start_matches(['\r', '\n'])
                    .trim_end_matches(['\r', '\n']);
                let bytes = out.get(..nout).unwrap_or_default();
                let mut fields = Vec::with_capacity(nend);
                let mut from = 0;
                for &end in ends.get(..nend).unwrap_or_default() {
                    let field = bytes.get(from..end).unwrap_or_default();
                    let field = std::str::from_utf8(field)
                        .map_err(|_| (line, "a field is not UTF-8".to_string()))?;
                    fields.push(field.to_string());
                    from = end;
                }
                records.push((line, fields, body.to_string()));
                line += raw.get(skipped..).unwrap_or_default().matches('\n').count();
                start = consumed;
                (nout, nend) = (0, 0);
            }
            ReadRecordResult::End => return Ok(records),
        }
    }
}

#[cfg(test)]
mod tests;
