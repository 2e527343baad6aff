use super::*;
use crate::pricebook::rates_for_region;

fn embedded_book() -> Book {
    Book::read(&embedded()).expect("the embedded book reads")
}

/// The embedded files with `file` changed by `edit`.
fn with(file: &str, edit: impl Fn(&str) -> String) -> Vec<(String, String)> {
    embedded()
        .into_iter()
        .map(|(f, t)| {
            let t = if f == file { edit(&t) } else { t };
            (f, t)
        })
        .collect()
}

fn error(files: &[(String, String)]) -> String {
    match Book::read(files) {
        Ok(_) => "read".to_string(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn the_web_files_hold_the_same_figures_as_the_book() {
    let book = embedded_book();
    let (types, shared) = parse_shared("shared.csv", &book.shared_file()).expect("shared");
    assert_eq!(types, catalog::types());
    assert_eq!(shared.fargate_sizes, book.shared.fargate_sizes);
    assert_eq!(shared.fees.len(), book.shared.fees.len());
    let mut regions = 0;
    for r in book.regions() {
        let file = format!("{}.csv", r.code());
        let read = parse_region(r, &file, &book.region_file(r), &types).expect("region");
        let installed = region(r).expect("native book has every region");
        assert_eq!(read.ec2, installed.ec2, "{}", r.code());
        assert_eq!(read.spot.len(), installed.spot.len());
        assert_eq!(read.fargate.len(), installed.fargate.len());
        assert_eq!(read.fees.len(), installed.fees.len());
        assert!(!rates_for_region(r).is_empty());
        regions += 1;
    }
    assert!(regions >= 11, "{regions}");
}

#[test]
fn a_region_file_holds_only_its_region() {
    let book = embedded_book();
    let eu = RegionId::from_code("eu-west-1").expect("known");
    let us = RegionId::default();
    let text = book.region_file(eu);
    assert!(!text.contains(",us-east-1,"));
    let e = parse_region(us, "eu.csv", &text, catalog::types())
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.contains("a row of another region in the file of us-east-1"),
        "{e}"
    );
    // Shared rows never sit in a region's file, nor regional rows in the shared one.
    let e = parse_region(eu, "x.csv", &book.shared_file(), catalog::types())
        .map(|_| ())
        .unwrap_err();
    assert!(e.contains("unexpected table instance_types.csv"), "{e}");
    let e = parse_shared("x.csv", &text).map(|_| ()).unwrap_err();
    assert!(e.contains("unexpected table ec2_prices.csv"), "{e}");
}

#[test]
fn a_truncated_or_damaged_web_file_is_refused_naming_its_line() {
    let book = embedded_book();
    let eu = RegionId::from_code("eu-west-1").expect("known");
    let text = book.region_file(eu);
    // Cut inside the third line: the last record has too few fields.
    let cut: String = text.lines().take(3).collect::<Vec<_>>().join("\n");
    let cut = &cut[..cut.len() - 30];
    let e = parse_region(eu, "eu.csv", cut, catalog::types())
        .map(|_| ())
        .unwrap_err();
    assert!(e.starts_with("eu.csv line 3:"), "{e}");
    let e = parse_region(eu, "eu.csv", "<html>not found</html>", catalog::types())
        .map(|_| ())
        .unwrap_err();
    assert!(
        e.contains("eu.csv line 1: a book file starts with a #table line"),
        "{e}"
    );
    let e = parse_shared("s.csv", "#table limits.csv\n")
        .map(|_| ())
        .unwrap_err();
    assert!(e.contains("s.csv"), "{e}");
}

#[test]
fn a_directory_with_a_fault_is_refused_naming_file_and_line() {
    assert_eq!(error(&embedded()), "read");
    let bad_price = with("ec2_prices.csv", |t| t.replacen(",0.096,", ",-0.096,", 1));
    assert!(error(&bad_price).starts_with("ec2_prices.csv line 2: usd_per_hour is negative"));
    let unknown_region = with("fargate_prices.csv", |t| {
        t.replacen("us-east-2,", "xx-east-9,", 1)
    });
    assert!(error(&unknown_region).contains("\"xx-east-9\" is not a region Berth knows"));
    let duplicate = with("fees.csv", |t| {
        let line = t.lines().nth(1).unwrap_or_default().to_string();
        format!("{t}{line}\n")
    });
    assert!(
        error(&duplicate).contains("duplicate fee"),
        "{}",
        error(&duplicate)
    );
    let missing: Vec<_> = embedded()
        .into_iter()
        .filter(|(f, _)| f != "limits.csv")
        .collect();
    assert_eq!(error(&missing), "limits.csv: missing from the book");
    let unknown_type = with("ec2_prices.csv", |t| t.replacen("m5.large,", "m5.huge,", 1));
    assert!(error(&unknown_type).contains("m5.huge is not in instance_types.csv"));
    let no_limit = with("limits.csv", |t| {
        t.lines()
            .filter(|l| !l.starts_with("limit.lambda_max_memory_mib"))
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert_eq!(
        error(&no_limit),
        "limits.csv: no row for limit.lambda_max_memory_mib"
    );
    let not_offered_but_priced = with("ec2_not_offered.csv", |t| {
        format!("{t}m5,us-east-1,src,2025,low,false,\n")
    });
    assert!(error(&not_offered_but_priced).contains("listed as not offered but has prices"));
}

#[test]
fn a_second_book_is_refused_once_one_is_in_use() {
    let _ = rates_for_region(RegionId::default());
    assert_eq!(
        embedded_book().install(),
        Err("a price book is already in use".to_string())
    );
}
