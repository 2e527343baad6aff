//! Tests of the pasted notations (in their own file: test code may unwrap).

use super::*;

#[test]
fn thousands_separators_are_read_only_in_groups_of_three() {
    for (text, want) in [
        ("1,000,000", Some("1000000")),
        ("1 000 000", Some("1000000")),
        ("1_000_000", Some("1000000")),
        ("1\u{a0}000", Some("1000")),
        ("12,345.5", Some("12345.5")),
        ("-1,000", Some("-1000")),
        ("1,5", None),
        ("1,0000", None),
        ("1000", None),
        ("3 years", None),
        (",100", None),
        ("1,000,", None),
    ] {
        assert_eq!(ungroup(text).as_deref(), want, "{text}");
    }
}

#[test]
fn a_percent_sign_is_dropped() {
    assert_eq!(strip_percent("30%"), "30");
    assert_eq!(strip_percent(" 30 % "), "30");
    assert_eq!(strip_percent("30"), "30");
    assert_eq!(strip_percent("3 years"), "3 years");
}

#[test]
fn millicores_are_read_as_kubernetes_writes_them() {
    assert_eq!(cpu("500m").text, "0.5");
    assert_eq!(cpu("250m").text, "0.25");
    assert_eq!(cpu("1500m").text, "1.5");
    assert_eq!(cpu("0.5").text, "0.5");
    assert_eq!(cpu("2").text, "2");
    // Not a notation: left for the number parser to refuse.
    assert_eq!(cpu("m").text, "m");
    assert_eq!(cpu("5mm").text, "5mm");
}

#[test]
fn memory_units_are_read_binary_or_decimal() {
    let gib = |t: &str| memory_gib(t).text;
    assert_eq!(gib("512Mi"), "0.5");
    assert_eq!(gib("1.5Gi"), "1.5");
    assert_eq!(gib("2048Mi"), "2");
    assert_eq!(gib("1536Mi"), "1.5");
    assert_eq!(gib("1Ti"), "1024");
    assert_eq!(gib("4GiB"), "4");
    assert_eq!(gib("2"), "2");
    // Decimal units: 10^9 bytes, with a note.
    let g = memory_gib("1G");
    assert_eq!(
        g.text,
        crate::decimal::shortest(1e9 / 1024.0 / 1024.0 / 1024.0)
    );
    assert!(g.note.as_deref().unwrap().contains("1Gi"), "{:?}", g.note);
    let m = memory_gib("512M");
    assert_eq!(
        m.text,
        crate::decimal::shortest(512e6 / 1024.0 / 1024.0 / 1024.0)
    );
    assert!(m.note.is_some());
    assert!(memory_gib("512Mi").note.is_none());
    // Not a notation: left alone.
    assert_eq!(gib("512 parsecs"), "512 parsecs");
    assert_eq!(gib("Gi"), "Gi");
}
