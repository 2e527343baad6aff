//! Hostile input (issue 8): nothing a user or a link can send crashes the
//! engine, loses a field it could keep, or puts NaN or infinity in a figure.
//!
//! - [`decode`]: arbitrary text decodes without panic into a valid
//!   Scenario; valid Scenarios survive encode → decode unchanged and encode
//!   canonically.
//! - [`links`]: the list of mangled links, one table row each.
//! - [`edges`]: numeric edges in the models (0 and 1,000,000 tasks,
//!   oversized and undersized tasks, every region × platform).
//! - [`outputs`]: every output of a large generated set of scenarios is
//!   scanned for non-finite numbers.
//! - [`regressions`]: inputs the fuzzer found, kept as tests.
//!
//! `strategies` generates valid Scenarios from the same tables the codec
//! reads; `finite` walks any `Serialize` output for NaN and infinity.
//! Fuzz targets for the same entry points live in `fuzz/` (`make fuzz`).

#[path = "hostile/decode.rs"]
mod decode;
#[path = "hostile/edges.rs"]
mod edges;
#[path = "hostile/finite.rs"]
mod finite;
#[path = "hostile/links.rs"]
mod links;
#[path = "hostile/outputs.rs"]
mod outputs;
#[path = "hostile/regressions.rs"]
mod regressions;
#[path = "hostile/strategies.rs"]
mod strategies;

/// `n` cases, or `PROPTEST_CASES` when set, for a longer hunt:
/// `PROPTEST_CASES=5000 cargo test --release -p berth-core --test hostile`.
fn config(n: u32) -> proptest::test_runner::Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(n);
    proptest::test_runner::Config {
        cases,
        ..proptest::test_runner::Config::default()
    }
}
