//! `--book DIR` end to end, with the built binary (each run is its own
//! process: a book is put in use once per process): an imported book is
//! read by `prices` and cut into web files by `book-files`; a broken book
//! is refused naming its file and line.

// Helpers outside `#[test]` functions: a setup that fails is the test failing.
#![allow(clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::Command;

fn berth(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_berth"))
        .args(args)
        .output()
        .expect("the berth binary runs");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("berth-book-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pricelist")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn an_imported_book_is_used_by_every_command_that_takes_book() {
    let book = tmp("imported");
    let dir = book.display().to_string();
    let (ok, _, err) = berth(&[
        "pricebook",
        "import",
        "--out",
        &dir,
        &fixture("ec2-eu-west-1.csv"),
    ]);
    assert!(ok, "{err}");
    // The embedded book's m5.large in eu-west-1 is dated 2025-11-04; the
    // imported one carries the offer's publication date.
    let (ok, embedded, _) = berth(&["prices", "eu-west-1"]);
    assert!(ok);
    let line = |text: &str| {
        text.lines()
            .find(|l| l.starts_with("ec2.m5.large\t"))
            .unwrap_or_default()
            .to_string()
    };
    assert!(
        !line(&embedded).contains("2026-11-20"),
        "{}",
        line(&embedded)
    );
    let (ok, imported, err) = berth(&["--book", &dir, "prices", "eu-west-1"]);
    assert!(ok, "{err}");
    assert!(
        line(&imported).starts_with("ec2.m5.large\t0.107\t"),
        "{}",
        line(&imported)
    );
    assert!(
        line(&imported).contains("\t2026-11-20\t"),
        "{}",
        line(&imported)
    );
    // The same columns as without --book.
    assert_eq!(imported.lines().next(), embedded.lines().next());
    // An estimate prices from it too, and book-files cuts it into web files.
    let (ok, _, err) = berth(&[
        "--book",
        &dir,
        "estimate",
        "?region=eu-west-1",
        "--format",
        "csv",
    ]);
    assert!(ok, "{err}");
    let web = tmp("web");
    let (ok, names, err) = berth(&["--book", &dir, "book-files", &web.display().to_string()]);
    assert!(ok, "{err}");
    let names: Vec<&str> = names.split_whitespace().collect();
    assert!(names.iter().any(|n| n.starts_with("shared.")), "{names:?}");
    assert!(
        names.iter().any(|n| n.starts_with("eu-west-1.")),
        "{names:?}"
    );
    for n in &names {
        assert!(web.join("book").join(n).is_file(), "{n}");
    }
    let _ = std::fs::remove_dir_all(&book);
    let _ = std::fs::remove_dir_all(&web);
}

#[test]
fn a_broken_book_is_refused_naming_its_file_and_line() {
    let book = tmp("broken");
    std::fs::create_dir_all(&book).expect("tmp dir");
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/data");
    for entry in std::fs::read_dir(&data).expect("core/data").flatten() {
        std::fs::copy(entry.path(), book.join(entry.file_name())).expect("copy");
    }
    let prices = book.join("ec2_prices.csv");
    let text = std::fs::read_to_string(&prices).expect("prices");
    let broken = text.replacen(",0.096,", ",zero,", 1);
    assert_ne!(text, broken);
    std::fs::write(&prices, broken).expect("write");
    let (ok, _, err) = berth(&["--book", &book.display().to_string(), "prices"]);
    assert!(!ok);
    assert!(
        err.contains("ec2_prices.csv line 2: usd_per_hour \"zero\" is not a number"),
        "{err}"
    );
    let (ok, _, err) = berth(&["--book", "/nonexistent/berth-book", "prices"]);
    assert!(!ok);
    assert!(
        err.contains("cannot read /nonexistent/berth-book/instance_types.csv"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&book);
}
