//! Tests of `sources` (in their own file: test code may unwrap).

use super::*;
use crate::pricebook::rates_for_region;

#[test]
fn the_file_holds_the_texts_of_every_rate_of_every_region() {
    load(file_text()).unwrap();
    let lines = LOADED.get().unwrap();
    for region in RegionId::all() {
        for rate in rates_for_region(region) {
            let want = (rate.provenance.source, rate.provenance.note);
            let line = lines
                .iter()
                .find(|l| l[1] == rate.key && (l[0] == region.code() || l[0] == "all"))
                .unwrap_or_else(|| panic!("{} in {region} has no line", rate.key));
            assert_eq!(
                (line[2].as_str(), line[3].as_str()),
                want,
                "{} in {region}",
                rate.key
            );
            assert_eq!(source_and_note(region, &rate), want);
        }
    }
    assert!(SOURCES_FILE.starts_with("sources-") && SOURCES_FILE.ends_with(".txt"));
    assert!(available());
}

#[test]
fn a_damaged_file_is_refused() {
    assert!(load("a\tb\n").is_err());
    assert!(load("r\tb\ts\tn\nr\ta\ts\tn\n").is_err(), "unsorted");
}

#[test]
fn escapes_round_trip() {
    assert_eq!(unescape("a\\tb\\nc\\\\d"), "a\tb\nc\\d");
}
