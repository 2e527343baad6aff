//! Requirement field table tests: every key reads back what it writes.

use super::*;

#[test]
fn every_field_reads_back_every_value_it_accepts() {
    for f in FIELDS {
        let values = choices(f.key);
        assert!(values.len() >= 2, "{}", f.key);
        for v in values {
            let mut r = Requirements::default();
            (f.set)(&mut r, v).unwrap();
            assert_eq!((f.get)(&r), v, "{}", f.key);
        }
    }
}

#[test]
fn bad_values_are_refused_and_change_nothing() {
    let mut r = Requirements::default();
    for (key, text) in [
        ("use", "mainframe"),
        ("k8s", "yes"),
        ("ops", "none"),
        ("cost", "cheap"),
        ("cx", "medium"),
        ("gpu", "2"),
        ("priv", ""),
    ] {
        assert!(
            (field(key).unwrap().set)(&mut r, text).is_err(),
            "{key}={text}"
        );
    }
    assert_eq!(r, Requirements::default());
}

#[test]
fn values_are_read_case_insensitively() {
    let mut r = Requirements::default();
    (field("ops").unwrap().set)(&mut r, " Minimal ").unwrap();
    assert_eq!(r.ops, Ops::Minimal);
}
