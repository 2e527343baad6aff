//! Tests of `options` (in their own file: test code may unwrap).

use super::*;

#[test]
fn every_field_reads_back_what_it_writes() {
    let mut o = CostOptions::default();
    for (key, text) in [
        ("it", "m5.large"),
        ("net", "bridge"),
        ("spot", "40"),
        ("fspot", "25.5"),
        ("sp", "20"),
        ("head", "10"),
        ("hostres", "3"),
        ("ebs", "50"),
        ("eph", "40"),
        ("ds", "300~512"),
        ("clusters", "2"),
        ("eksv", "ext"),
        ("lcu", "2.5"),
        ("active", "30"),
        ("req", "1000000"),
        ("dur", "120"),
    ] {
        let f = field(key).unwrap();
        (f.set)(&mut o, text).unwrap();
        assert_eq!((f.get)(&o), text, "{key}");
    }
}

#[test]
fn out_of_range_values_are_refused() {
    let mut o = CostOptions::default();
    for (key, text) in [
        ("it", "m99.huge"),
        ("net", "host"),
        ("spot", "101"),
        ("sp", "95"),
        ("head", "-1"),
        ("eph", "10"),
        ("ds", "150"),
        ("clusters", "1.5"),
        ("eksv", "lts"),
        ("dur", "0"),
        ("req", "NaN"),
    ] {
        assert!(
            (field(key).unwrap().set)(&mut o, text).is_err(),
            "{key}={text}"
        );
    }
    assert_eq!(o, CostOptions::default());
}
