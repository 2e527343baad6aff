//! `berth import` end to end, with the built binary: the link on stdout
//! and the report on stderr, from files and from standard input, and a
//! pipeline into `berth estimate`.

// Helpers outside `#[test]` functions: a setup that fails is the test failing.
#![allow(clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

fn fixture(name: &str) -> String {
    format!(
        "{}/../import/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn berth(args: &[&str], stdin: &str) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_berth"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the berth binary runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes())
        .expect("stdin written");
    let out = child.wait_with_output().expect("berth ends");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_link_goes_to_stdout_and_the_report_to_stderr() {
    let (ok, out, err) = berth(&["import", &fixture("compose.yaml")], "");
    assert!(ok, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("v=1&svc=web~3~0.5~0.5~arm"), "{out}");
    assert!(
        err.contains("skipped ") && err.contains("compose.yaml:52:"),
        "{err}"
    );
}

#[test]
fn a_dash_reads_standard_input_and_the_link_prices() {
    let manifest = std::fs::read_to_string(fixture("helm-template.yaml")).expect("fixture");
    let (ok, link, err) = berth(&["import", "-"], &manifest);
    assert!(ok, "{err}");
    assert!(err.contains("-:3: Service web: not a workload"), "{err}");
    let (ok, json, err) = berth(&["estimate", link.trim_end(), "--format", "json"], "");
    assert!(ok, "{err}");
    assert!(
        json.contains("\"svc=web~2~0.4~0.6875~arm") || json.contains("svc=web~2~0.4~0.6875~arm"),
        "{json}"
    );
}

#[test]
fn a_broken_file_fails_with_its_line_and_prints_no_link() {
    let (ok, out, err) = berth(
        &["import", &fixture("compose.yaml"), &fixture("broken.yaml")],
        "",
    );
    assert!(!ok);
    assert!(out.is_empty(), "{out}");
    assert!(err.contains("broken.yaml:7:"), "{err}");
}
