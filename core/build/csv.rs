//! Reading and checking the data files: a CSV table with named columns,
//! and the checked readers of one cell (dates, regions, prices, numbers).
//! Every failure stops the build naming the file, line and reason.

use std::collections::BTreeMap;
use std::path::Path;

use super::PROV;

pub(crate) fn fail(file: &str, line: usize, why: &str) -> ! {
    panic!("price book: {file} line {line}: {why}");
}

/// One CSV file, read and split into rows of named fields.
pub(crate) struct Table {
    pub(crate) file: String,
    pub(crate) rows: Vec<(usize, BTreeMap<String, String>)>,
}

impl Table {
    pub(crate) fn read(dir: &Path, file: &str, columns: &[&str]) -> Table {
        let path = dir.join(file);
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| fail(file, 0, &e.to_string()));
        let mut lines = text.lines().enumerate();
        let expected: Vec<&str> = columns.iter().copied().chain(PROV).collect();
        let header = lines
            .next()
            .map(|(_, l)| split(file, 1, l))
            .unwrap_or_default();
        if header != expected {
            fail(file, 1, &format!("header must be {}", expected.join(",")));
        }
        let mut rows = Vec::new();
        for (i, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            let fields = split(file, i + 1, line);
            if fields.len() != expected.len() {
                fail(
                    file,
                    i + 1,
                    &format!("{} fields, expected {}", fields.len(), expected.len()),
                );
            }
            let row = expected.iter().map(|c| c.to_string()).zip(fields).collect();
            rows.push((i + 1, row));
        }
        Table {
            file: file.to_string(),
            rows,
        }
    }
}

/// Splits one CSV line; fields may be double-quoted with `""` for a quote.
pub(crate) fn split(file: &str, line: usize, text: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        let field = fields.last_mut().unwrap();
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            ('"', false) => fail(file, line, "stray quote inside a field"),
            (',', false) => fields.push(String::new()),
            _ => field.push(c),
        }
    }
    if quoted {
        fail(file, line, "unterminated quote");
    }
    fields
}

/// True for a date the book accepts: `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `undated`.
pub(crate) fn valid_date(s: &str) -> bool {
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.split('-').collect();
    s == "undated"
        || match parts.as_slice() {
            [y] => digits(y, 4),
            [y, m] => digits(y, 4) && digits(m, 2) && ("01"..="12").contains(m),
            [y, m, d] => {
                digits(y, 4)
                    && digits(m, 2)
                    && digits(d, 2)
                    && ("01"..="12").contains(m)
                    && ("01"..="31").contains(d)
            }
            _ => false,
        }
}

pub(crate) fn number(t: &Table, line: usize, s: &str) -> f64 {
    let v: f64 = s
        .parse()
        .unwrap_or_else(|_| fail(&t.file, line, &format!("{s:?} is not a number")));
    if !v.is_finite() {
        fail(&t.file, line, "NaN or infinite value");
    }
    if v < 0.0 {
        fail(&t.file, line, &format!("negative value {s}"));
    }
    v
}

pub(crate) fn boolean(t: &Table, line: usize, s: &str) -> bool {
    match s {
        "true" => true,
        "false" => false,
        _ => fail(&t.file, line, &format!("{s:?} is not true|false")),
    }
}
