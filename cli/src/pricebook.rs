//! `berth pricebook import --out DIR [--book DIR] FILE...`: reads AWS Price
//! List offer files (bulk CSV layout) and `aws ec2 describe-instance-types`
//! JSON, and writes a complete book directory: the base book with the
//! figures found replacing the base's rows for the same key.
//!
//! Everything is read and checked before anything is written; the book is
//! written into a temporary directory beside `--out` and renamed into place,
//! so a bad input file leaves `--out` as it was.

mod book;
mod collect;
mod instances;
mod offer;
mod price;
mod rows;
mod rules;

use std::path::{Path, PathBuf};

pub use book::base_book;

/// The arguments of `pricebook import`.
struct Args {
    out: PathBuf,
    book: Option<PathBuf>,
    files: Vec<PathBuf>,
}

/// `berth pricebook <subcommand> …`; only `import` so far.
pub fn pricebook(rest: &[String]) -> Result<String, String> {
    match rest.split_first() {
        Some((sub, rest)) if sub == "import" => import(&args(rest)?),
        _ => Err("pricebook takes: import --out DIR [--book DIR] FILE...".to_string()),
    }
}

fn args(rest: &[String]) -> Result<Args, String> {
    let mut out = None;
    let mut book = None;
    let mut files = Vec::new();
    let mut it = rest.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--out" | "--book" => {
                let value = it
                    .next()
                    .ok_or_else(|| format!("{arg} needs a directory"))?;
                let slot = if arg == "--out" { &mut out } else { &mut book };
                *slot = Some(PathBuf::from(value));
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag}")),
            file => files.push(PathBuf::from(file)),
        }
    }
    let out = out.ok_or("pricebook import needs --out DIR")?;
    if files.is_empty() {
        return Err("pricebook import needs at least one offer or JSON file".to_string());
    }
    Ok(Args { out, book, files })
}

/// Reads, merges, writes; the report is one line per book file changed.
fn import(args: &Args) -> Result<String, String> {
    check_out(&args.out)?;
    let base = base_book(args.book.as_deref())?;
    let catalog = book::Table::parse("instance_types.csv", text_of(&base, "instance_types.csv")?)?;
    let types = catalog
        .rows
        .iter()
        .map(|r| catalog.get(r, "instance_type").to_string())
        .collect();
    let mut found = collect::Collected::new(types);
    for file in &args.files {
        found.read(file)?;
    }
    let (files, report) = rows::book(&base, &found)?;
    // The result must be a book every command can read: checked before
    // anything is written.
    berth_core::pricebook::Book::read(&files)
        .map_err(|e| format!("the imported book would not read: {e}"))?;
    write_book(&args.out, &files)?;
    Ok(format!("{report}wrote {}\n", args.out.display()))
}

/// The text of base-book file `name`.
fn text_of<'a>(base: &'a [(String, String)], name: &str) -> Result<&'a str, String> {
    base.iter()
        .find(|(n, _)| n == name)
        .map(|(_, t)| t.as_str())
        .ok_or_else(|| format!("the base book has no {name}"))
}

/// `--out` may be missing, empty, or a book directory (replaced whole);
/// anything else is refused so a typo cannot replace an unrelated folder.
fn check_out(out: &Path) -> Result<(), String> {
    if !out.exists() {
        return Ok(());
    }
    let mut entries =
        std::fs::read_dir(out).map_err(|e| format!("--out {}: {e}", out.display()))?;
    let empty = entries.next().is_none();
    if empty || out.join("ec2_prices.csv").is_file() {
        Ok(())
    } else {
        Err(format!(
            "--out {} exists and is not a book directory (no ec2_prices.csv); not replacing it",
            out.display()
        ))
    }
}

/// Writes the files into a fresh directory beside `out`, then swaps it in.
fn write_book(out: &Path, files: &[(String, String)]) -> Result<(), String> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = out
        .file_name()
        .ok_or_else(|| format!("--out {} has no directory name", out.display()))?
        .to_string_lossy();
    let pid = std::process::id();
    let tmp = parent.join(format!(".{name}.importing-{pid}"));
    let old = parent.join(format!(".{name}.replaced-{pid}"));
    let io = |what: &str, path: &Path, e: std::io::Error| format!("{what} {}: {e}", path.display());
    std::fs::create_dir_all(&tmp).map_err(|e| io("cannot create", &tmp, e))?;
    for (file, text) in files {
        let path = tmp.join(file);
        if let Err(e) = std::fs::write(&path, text) {
            let _ = std::fs::remove_dir_all(&tmp);
            return Err(io("cannot write", &path, e));
        }
    }
    let had_old = out.exists();
    if had_old {
        std::fs::rename(out, &old).map_err(|e| io("cannot move aside", out, e))?;
    }
    if let Err(e) = std::fs::rename(&tmp, out) {
        if had_old {
            let _ = std::fs::rename(&old, out);
        }
        return Err(io("cannot rename into", out, e));
    }
    if had_old {
        std::fs::remove_dir_all(&old).map_err(|e| io("cannot remove", &old, e))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests;
