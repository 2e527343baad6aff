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
