//! Regression tests, each named after what broke. The first ones were found
//! by the tests of this file's siblings while they were written; inputs the
//! fuzzer finds (`make fuzz`, saved in `fuzz/artifacts/`) are added here
//! byte for byte once fixed.
//!
//! Fuzzing so far (`make fuzz`, 60 s per target, plus longer runs) found no
//! crash; see the README's Reliability section.

use std::time::{Duration, Instant};

use berth_core::{Scenario, Tab};

use super::decode::check_any;

#[test]
fn a_megabyte_of_distinct_keys_took_29_seconds_to_decode() {
    // Each key was looked up in a list of the keys seen so far: quadratic.
    let link: String = (0..100_000).map(|i| format!("k{i}=1&")).collect();
    let start = Instant::now();
    let (s, notices) = Scenario::from_query(&link);
    assert!(
        start.elapsed() < Duration::from_secs(3),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(s, Scenario::default());
    assert_eq!(notices.len(), 100, "listed up to a hundred");
}

#[test]
fn a_fractional_task_count_was_quoted_back_whole() {
    // "tasks must be a whole number, not 1.5000…" repeated the megabyte.
    let link = format!("svc=a~1.5{}~1~2", "0".repeat(1 << 20));
    let (_, notices) = check_any(&link);
    assert!(
        notices.iter().all(|n| n.message.len() < 200),
        "{:.300?}",
        notices
    );
}

#[test]
fn a_nan_spelling_was_quoted_back_whole() {
    let link = format!("spot=nan{}", "x".repeat(1 << 20));
    let (_, notices) = check_any(&link);
    assert_eq!(notices.len(), 1);
    assert!(
        notices[0].message.len() < 200,
        "{:.300}",
        notices[0].message
    );
}

#[test]
fn a_newline_in_a_key_could_forge_a_line_of_cli_output() {
    // `berth url` prints one `notice:` line per notice; a decoded newline in
    // an unknown key started a line of the attacker's choosing.
    let (_, notices) = check_any("x%0Anotice:+region:+forged=1");
    assert_eq!(notices.len(), 1);
    assert!(!notices[0].to_string().contains('\n'), "{}", notices[0]);
}

#[test]
fn an_upper_case_panel_was_dropped() {
    // Every other value read in any case; `tab=COST` fell back to Decide.
    let (s, notices) = check_any("TAB=COST");
    assert_eq!((s.tab, notices.len()), (Tab::Cost, 0));
}

#[test]
fn a_repeated_unknown_key_was_named_on_every_copy() {
    // `utm=a&utm=b&…` gave one "unknown" notice per copy plus "given more
    // than once; the last value is used" — of a value never used.
    let (_, notices) = check_any("utm=a&utm=b&utm=c&tab=cost&tab=data");
    let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
    assert_eq!(
        text,
        [
            "utm: unknown field, ignored",
            "tab: given more than once; the last value is used"
        ]
    );
}

#[test]
fn zero_tasks_on_ec2_were_priced_at_zero_without_a_word() {
    let (s, _) = check_any("svc=a~0~1~2");
    for p in berth_core::cost::evaluate(&s)
        .platforms
        .iter()
        // Both Lambdas are priced per request, not per task.
        .filter(|p| !p.id.id().starts_with("lambda"))
    {
        assert!(
            p.notes.iter().any(|n| n.starts_with("no tasks run")),
            "{p:?}"
        );
    }
}
