//! Fuzz target: `Scenario::from_query` on any bytes (read as UTF-8, lossily,
//! as a browser would hand over a mangled link).
//!
//! Besides not panicking, the decoder must return a Scenario it can write
//! back and read again unchanged with no notices, and at most 100 notices.

#![no_main]

use berth_core::Scenario;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let (scenario, notices) = Scenario::from_query(&input);
    assert!(notices.len() <= 100, "{} notices", notices.len());
    for n in &notices {
        assert!(n.field.chars().count() <= 64, "{n:?}");
        assert!(!n.message.chars().any(char::is_control), "{n:?}");
    }
    let query = scenario.to_query();
    let (again, more) = Scenario::from_query(&query);
    assert!(more.is_empty(), "{query}: {more:?}");
    assert_eq!(again, scenario, "{query}");
    assert_eq!(again.to_query(), query);
});
