use super::*;
use crate::pricebook::book::{self, Book};
use crate::region::RegionId;

fn embedded_book() -> Book {
    Book::read(&book::embedded()).expect("the embedded book reads")
}

#[test]
fn every_region_reads_back_to_the_same_figures() {
    let b = embedded_book();
    let (types, shared) = read_shared("shared.csv", &b.shared_file()).expect("shared");
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
            (read.key, read.value, read.unit, read.provenance),
            (used.key, used.value, used.unit, used.provenance)
        );
    }
    let mut regions = 0;
    for r in b.regions() {
        let read = read_region("r.csv", &b.region_file(r), &types).expect("region");
        let used = book::region(r).expect("the native book has every region");
        assert_eq!(read.ec2, used.ec2, "{}", r.code());
        let spot = |x: &RegionBook| {
            x.spot
                .iter()
                .map(|s| (s.key, s.pct, s.provenance))
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
                        g.provenance,
                    )
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(fargate(&read), fargate(used));
        let fees = |x: &[FeeRow]| {
            x.iter()
                .map(|f| (f.fee, f.value, f.unit, f.provenance))
                .collect::<Vec<_>>()
        };
        assert_eq!(fees(&read.fees), fees(&used.fees));
        regions += 1;
    }
    assert!(regions >= 11, "{regions}");
}

#[test]
fn a_file_of_another_kind_or_format_is_refused_naming_its_line() {
    let b = embedded_book();
    let eu = RegionId::from_code("eu-west-1").expect("known");
    let region = b.region_file(eu);
    let types = crate::catalog::types();
    let e = read_region("eu.csv", &b.shared_file(), types)
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
    let text = b.region_file(eu);
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
