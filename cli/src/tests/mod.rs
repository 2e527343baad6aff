//! Tests of `main` (in their own file: test code may unwrap).

use super::*;

pub(crate) fn args(a: &[&str]) -> Vec<String> {
    a.iter().map(|s| s.to_string()).collect()
}

#[test]
fn url_normalises_and_lists_notices() {
    let out = run(&args(&[
        "url",
        "https://h/?svc=api~3~1~2&region=eu-west-1&zz=1",
    ]))
    .unwrap();
    assert_eq!(
        out,
        "v=1&region=eu-west-1&svc=api~3~1~2\nnotice: zz: unknown field, ignored\n"
    );
}

#[test]
fn misuse_is_an_error() {
    assert!(run(&args(&[])).is_err());
    assert!(run(&args(&["url"])).is_err());
    assert!(run(&args(&["frobnicate"])).is_err());
    assert!(run(&args(&["url", &"x".repeat(MAX_INPUT_BYTES + 1)])).is_err());
}
