use super::*;

#[test]
fn reads_quoted_fields_lines_and_raw_text() {
    let text = "a,b\n1,\"x, \"\"y\"\"\"\n\n2,z\r\n";
    let t = Table::parse("f.csv", text, 1, &["a", "b"]).expect("parses");
    let rows: Vec<_> = t
        .rows()
        .map(|r| (r.line, r.get("a"), r.get("b"), r.raw))
        .collect();
    assert_eq!(
        rows,
        [
            (2, "1", "x, \"y\"", "1,\"x, \"\"y\"\"\""),
            (4, "2", "z", "2,z")
        ]
    );
}

#[test]
fn a_wrong_header_or_field_count_names_file_and_line() {
    let e = Table::parse("f.csv", "a,c\n1,2\n", 1, &["a", "b"]).unwrap_err();
    assert_eq!(e.to_string(), "f.csv line 1: header must be a,b");
    let e = Table::parse("f.csv", "a,b\n1,2\n3\n", 10, &["a", "b"]).unwrap_err();
    assert_eq!((e.line, e.reason.starts_with("1 fields")), (12, true));
    let e = Table::parse("f.csv", "", 1, &["a"]).unwrap_err();
    assert_eq!(e.reason, "no header line");
}

#[test]
fn cells_are_checked() {
    let t =
        Table::parse("f.csv", "n,b\n-1,yes\nNaN,true\n0,false\n", 1, &["n", "b"]).expect("parses");
    let rows: Vec<_> = t.rows().collect();
    assert!(rows[0].number("n").is_err());
    assert!(rows[0].boolean("b").is_err());
    assert!(rows[1].number("n").is_err());
    assert_eq!(rows[1].boolean("b"), Ok(true));
    assert_eq!(rows[2].number("n"), Ok(0.0));
    assert!(rows[2].positive("n").is_err());
    assert!(rows[2].whole("b").is_err());
}

#[test]
fn dates() {
    for ok in ["2026", "2026-07", "2026-07-20", "undated"] {
        assert!(valid_date(ok), "{ok}");
    }
    for bad in [
        "26",
        "2026-13",
        "2026-07-32",
        "2026-7-1",
        "2026-07-20-1",
        "",
        "soon",
    ] {
        assert!(!valid_date(bad), "{bad}");
    }
}
