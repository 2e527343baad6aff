use super::*;
use crate::pricebook::book::{self, Book};
use crate::region::RegionId;

fn embedded_book() -> Book {
    Book::read(&book::embedded()).expect("the embedded book reads")
}

/// The web files of the embedded book by stem, its words put in use (the
/// same words in every test: a second install is refused, harmlessly).
fn web_files(b: &Book) -> impl Fn(&str) -> String {
    let files = b.web_files();
    let words = files
        .iter()
        .find(|(s, _)| s == "words")
        .map(|(_, t)| t.clone());
    let _ = crate::provenance::install_words(&words.unwrap_or_default());
    move |stem: &str| {
        files
            .iter()
            .find(|(s, _)| s == stem)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    }
}

/// What a provenance says, whether its texts are in place or in the words.
fn said(p: &Provenance) -> (&'static str, Confidence, bool, &'static str, &'static str) {
    (p.as_of, p.confidence, p.derived, p.source(), p.note())
}

#[test]
fn every_region_reads_back_to_the_same_figures() {
    let b = embedded_book();
    let file = web_files(&b);
    let (types, shared) = read_shared("shared.csv", &file("shared")).expect("shared");
    assert_eq!(types, crate::catalog::types());
    assert_eq!(shared.fargate_sizes, crate::pricebook::fargate_sizes());
    assert_eq!(
        shared.app_runner_sizes,
        crate::pricebook::app_runner_sizes()
    );
    for l in Limit::ALL {
        let i = Limit::ALL.iter().position(|x| *x == l).unwrap_or_default();
        let (read, used) = (&shared.limits[i], crate::pricebook::limit(l));
        assert_eq!(
            (read.key, read.value, read.unit, said(read.provenance)),
            (used.key, used.value, used.unit, said(used.provenance))
        );
    }
    let mut regions = 0;
    for r in b.regions() {
        let read = read_region("r.csv", &file(r.code()), &types).expect("region");
        let used = book::region(r).expect("the native book has every region");
        let ec2 = |x: &RegionBook| {
            x.ec2
                .iter()
                .map(|e| e.map(|(usd, p)| (usd, said(p))))
                .collect::<Vec<_>>()
        };
        assert_eq!(ec2(&read), ec2(used), "{}", r.code());
        let spot = |x: &RegionBook| {
            x.spot
                .iter()
                .map(|s| (s.key, s.pct, said(s.provenance)))
                .collect::<Vec<_>>()
        };
        assert_eq!(spot(&read), spot(used));
        let fargate = |x: &RegionBook| {
            x.fargate
                .iter()
                .map(|g| {
                    (
                        g.platform,
                        g.tier,
                        g.vcpu_hour,
                        g.gb_hour,
                        g.os_license_vcpu_hour,
                        said(g.provenance),
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(fargate(&read), fargate(used));
        let fees = |x: &[FeeRow]| {
            x.iter()
                .map(|f| (f.fee, f.value, f.unit, said(f.provenance)))
                .collect::<Vec<_>>()
        };
        assert_eq!(fees(&read.fees), fees(&used.fees));
        regions += 1;
    }
    assert!(regions >= 11, "{regions}");
    // The words are the provenances' texts, each once.
    let words = file("words");
    let lines: Vec<&str> = words.lines().collect();
    let mut unique = lines.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), lines.len());
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("lamngockhuong/aws-price")),
        "{}",
        lines.len()
    );
    // And none of them is in the files the page reads first.
    assert!(!file("shared").contains("github") && !file("us-east-1").contains("lamngockhuong"));
}

#[test]
fn a_file_of_another_kind_or_format_is_refused_naming_its_line() {
    let b = embedded_book();
    let file = web_files(&b);
    let region = file("eu-west-1");
    let types = crate::catalog::types();
    let e = read_region("eu.csv", &file("shared"), types)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e, "eu.csv is not a region's price-book file");
    let e = read_shared("s.csv", &region).map(|_| ()).unwrap_err();
    assert!(e.starts_with("s.csv"), "{e}");
    let e = read_shared("s.csv", "").map(|_| ()).unwrap_err();
    assert_eq!(e, "s.csv is not the price book's shared file");
    let e = read_region("eu.csv", "<html>not found</html>", types)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e, "eu.csv line 1: not a price-book record");
    // A price of a type the catalog lacks, a provenance that is not there.
    let e = read_region("eu.csv", "E\tm5.huge\t1\t0\n", types)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e, "eu.csv line 1: not a price-book record");
    let e = read_region("eu.csv", "E\tm5.large\t1\t0\n", types)
        .map(|_| ())
        .unwrap_err();
    assert_eq!(e, "eu.csv line 1: not a price-book record");
}

#[test]
fn a_damaged_or_misnamed_download_is_refused() {
    let b = embedded_book();
    let eu = RegionId::from_code("eu-west-1").expect("known");
    // The native book in use (a region file needs its shared part).
    let _ = crate::pricebook::rates_for_region(eu);
    let text = web_files(&b)("eu-west-1");
    let name = book::file_name("eu-west-1", &text);
    let cut = &text[..text.len() / 2];
    let e = book::install_region(eu, &name, cut).unwrap_err();
    assert!(e.ends_with("arrived damaged or incomplete"), "{e}");
    // The right file under its name reads; under another region's, not.
    let _ = crate::pricebook::rates_for_region(eu);
    assert_eq!(book::install_region(eu, &name, &text), Ok(()));
    let us = RegionId::default();
    let e = book::install_region(us, &name, &text).unwrap_err();
    assert!(e.contains("is not the file of us-east-1"), "{e}");
}
