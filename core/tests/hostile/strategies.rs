//! Generators of valid Scenarios, built from the same tables the codec
//! reads (`options::FIELDS`, `requirements::FIELDS`, `perf::FIELDS`), so a
//! key added there without a generator here fails loudly.
//!
//! Every field is drawn from its whole valid range, boundaries and awkward
//! values included (subnormal vCPU, 10¹³ requests, names of any Unicode),
//! then set through the field's own reader, and the Scenario is passed
//! through `adjust()` as the web app does after decoding.

use berth_core::embed::Embed;
use berth_core::options;
use berth_core::perf;
use berth_core::preset::Preset;
use berth_core::pricebook;
use berth_core::region::REGIONS;
use berth_core::requirements;
use berth_core::scenario::limits;
use berth_core::text::format_number;
use berth_core::{Arch, Os, Scenario, Service, Tab};
use proptest::prelude::*;

/// Most requests per second a link may carry (`rps`, `rpt`; docs/url.md).
const MAX_RPS: f64 = 10_000_000.0;
/// Largest peak multiple (`peak`; docs/url.md).
const MAX_PEAK: f64 = 1000.0;
use proptest::sample::select;

/// Names a link should carry through unchanged.
pub const AWKWARD_NAMES: &[&str] = &[
    "",
    " ",
    "  padded  ",
    "<script>alert(1)</script>",
    "\"quoted\" and 'single'",
    "a~b&c=d#e?f;g%25+h/i\\j",
    "100%",
    "%7E%20+",
    "🚢",
    "👩‍👩‍👧‍👦 family (ZWJ)",
    "שלום עולם",
    "مرحبا\u{200F}",
    "\u{202E}reversed\u{202C}",
    "名前",
    "\u{FEFF}bom",
    "\u{FFFD}",
    "e\u{301}",
    "🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈🏳️‍🌈",
];

/// A decimal in `min..=max` (or `min < x` when `exclusive`): any float,
/// whole numbers, cents, the boundaries and the tiniest positives.
pub fn number(min: f64, max: f64, exclusive: bool) -> BoxedStrategy<f64> {
    let mut edges = vec![max];
    if !exclusive {
        edges.push(min);
        if min == 0.0 {
            edges.push(-0.0);
        }
    }
    let whole = (min.ceil() as i64)..=(max.floor() as i64);
    let cents = ((min * 100.0).ceil() as i64)..=((max * 100.0).floor() as i64);
    prop_oneof![
        3 => min..=max,
        2 => whole.prop_map(|v| v as f64),
        2 => cents.prop_map(|v| v as f64 / 100.0),
        1 => select(edges),
        1 => prop::num::f64::POSITIVE
            .prop_map(move |v| min + v % (max - min))
            .prop_filter("in range", move |v| *v <= max),
    ]
    .prop_filter("valid", move |v| {
        v.is_finite() && *v <= max && if exclusive { *v > min } else { *v >= min }
    })
    .boxed()
}

fn text(min: f64, max: f64, exclusive: bool) -> BoxedStrategy<String> {
    number(min, max, exclusive).prop_map(format_number).boxed()
}

fn whole(min: u64, max: u64) -> BoxedStrategy<String> {
    prop_oneof![3 => min..=max, 1 => select(vec![min, max])]
        .prop_map(|v| v.to_string())
        .boxed()
}

fn keys(values: &[&'static str]) -> BoxedStrategy<String> {
    select(values.to_vec()).prop_map(str::to_string).boxed()
}

/// Valid text for a cost option, by URL key.
fn option_text(key: &str) -> BoxedStrategy<String> {
    match key {
        "it" => {
            let mut names: Vec<&'static str> = pricebook::instance_types()
                .iter()
                .map(|t| t.name())
                .collect();
            names.push("auto");
            keys(&names)
        }
        "net" => keys(&["trunk", "awsvpc", "bridge"]),
        "spot" | "fspot" | "active" => text(0.0, 100.0, false),
        "sp" | "head" => text(0.0, 90.0, false),
        "commit" => keys(&["none", "compute", "ec2", "ri"]),
        "term" => keys(&["1", "3"]),
        "pay" => keys(&["none", "partial", "all"]),
        "cover" => text(0.0, 100.0, false),
        "per" => keys(&["h", "m", "y"]),
        "front" => keys(&["url", "http", "rest", "alb"]),
        "free" => keys(&["0", "1"]),
        "hostres" => text(0.0, 50.0, false),
        "ebs" => text(0.0, 16_384.0, false),
        "eph" => text(20.0, 200.0, false),
        "ds" => (text(0.0, 64_000.0, false), text(0.0, 1_048_576.0, false))
            .prop_map(|(c, m)| format!("{c}~{m}"))
            .boxed(),
        "clusters" => whole(0, 1000),
        "eksv" => keys(&["std", "ext"]),
        "lcu" => text(0.0, 100_000.0, false),
        "lb" => keys(&["auto", "alb", "none"]),
        "az" => whole(1, 6),
        "egress" => keys(&["nat", "nat1", "public", "none"]),
        "gb" | "out" | "xaz" | "logs" | "ecr" => text(0.0, 1e9, false),
        "keep" => text(0.0, 120.0, false),
        "req" => text(0.0, 1e13, false),
        "dur" => text(1.0, 900_000.0, false),
        other => panic!("option {other} has no generator in tests/hostile/strategies.rs"),
    }
}

/// Valid text for a simulation input, by URL key.
fn sim_text(key: &str) -> BoxedStrategy<String> {
    match key {
        "traffic" => keys(&perf::Traffic::ALL.map(perf::Traffic::key)),
        "rps" => text(0.0, MAX_RPS, false),
        "peak" => text(1.0, MAX_PEAK, false),
        "spk" => (whole(0, 1439), whole(1, 1440))
            .prop_map(|(a, b)| format!("{a}~{b}"))
            .boxed(),
        "rpt" => text(0.0, MAX_RPS, true),
        "tgt" => text(10.0, 100.0, false),
        "min" | "max" => whole(0, limits::MAX_TASKS),
        "img" => keys(&perf::Image::ALL.map(perf::Image::key)),
        "pess" => keys(&["0", "1"]),
        other => panic!("sim input {other} has no generator in tests/hostile/strategies.rs"),
    }
}

/// Some keys of a table, each with a valid text.
fn edits(
    keys: Vec<&'static str>,
    gen: fn(&str) -> BoxedStrategy<String>,
) -> BoxedStrategy<Vec<(&'static str, String)>> {
    let each: Vec<_> = keys
        .into_iter()
        .map(|k| prop::option::weighted(0.3, gen(k).prop_map(move |t| (k, t))))
        .collect();
    each.prop_map(|v| v.into_iter().flatten().collect()).boxed()
}

fn requirement_text(key: &str) -> BoxedStrategy<String> {
    keys(&requirements::choices(key))
}

/// A service name: awkward, ordinary, or any non-control Unicode.
pub fn name() -> BoxedStrategy<String> {
    prop_oneof![
        2 => select(AWKWARD_NAMES.to_vec()).prop_map(str::to_string),
        2 => "[a-z][a-z0-9-]{0,20}",
        3 => prop::collection::vec(
            any::<char>().prop_filter("not control", |c| !c.is_control()),
            0..=limits::MAX_NAME_CHARS,
        )
        .prop_map(|cs| cs.into_iter().collect()),
    ]
    .boxed()
}

/// A valid service.
pub fn service() -> BoxedStrategy<Service> {
    (
        name(),
        prop_oneof![
            2 => 0..=limits::MAX_TASKS as u32,
            2 => 0u32..50,
            1 => select(vec![0, 1, 1_000_000]),
        ],
        // Sizes platforms offer, and any size a link may carry.
        prop_oneof![
            1 => select(vec![0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0]),
            1 => number(0.0, limits::MAX_VCPU, true),
        ],
        prop_oneof![
            1 => select(vec![0.5, 1.0, 2.0, 3.0, 4.0, 8.0, 16.0, 30.0, 120.0]),
            1 => number(0.0, limits::MAX_MEMORY_GIB, true),
        ],
        (any::<bool>(), any::<bool>()),
        prop_oneof![2 => Just(730.0), 1 => number(0.0, limits::MAX_HOURS, false)],
        // A row standing for a few identical services now and then.
        prop_oneof![4 => Just(1u32), 1 => 2u32..=4],
    )
        .prop_map(
            |(name, tasks, vcpu, memory_gib, (arm, win), hours, copies)| Service {
                name,
                tasks,
                vcpu,
                memory_gib,
                arch: if arm { Arch::Arm } else { Arch::X86 },
                os: if win { Os::Windows } else { Os::Linux },
                hours,
                copies,
            },
        )
        .boxed()
}

/// The raw choices a scenario is built from.
type Parts = (
    (Tab, &'static str, Option<Preset>, Option<Embed>),
    Option<Vec<Service>>,
    Vec<(&'static str, String)>,
    Vec<(&'static str, String)>,
    Vec<(&'static str, String)>,
    Vec<(&'static str, f64)>,
);

/// Applies one table's edits; every generated text must be accepted.
fn apply<T>(
    target: &mut T,
    edits: &[(&str, String)],
    set: impl Fn(&mut T, &str, &str) -> Option<Result<(), String>>,
) {
    for (key, text) in edits {
        match set(target, key, text) {
            Some(Ok(())) => {}
            Some(Err(e)) => panic!("generator made an invalid {key}={text:?}: {e}"),
            None => panic!("no field {key}"),
        }
    }
}

fn build(parts: Parts) -> Scenario {
    let ((tab, region, preset, embed), services, opts, reqs, sims, prices) = parts;
    let mut s = Scenario::base(preset);
    s.tab = tab;
    s.embed = embed;
    s.region = berth_core::region::RegionId::from_code(region).unwrap_or_default();
    if let Some(services) = services {
        s.services = services;
    }
    apply(&mut s.options, &opts, |o, k, t| {
        options::field(k).map(|f| (f.set)(o, t))
    });
    apply(&mut s.requirements, &reqs, |r, k, t| {
        requirements::field(k).map(|f| (f.set)(r, t))
    });
    apply(&mut s.sim, &sims, |i, k, t| {
        perf::field(k).map(|f| (f.set)(i, t))
    });
    for (key, value) in prices {
        let text = berth_core::decimal::shortest(value);
        let o = berth_core::overrides::parse(key, &text)
            .unwrap_or_else(|e| panic!("generator made an invalid p.{key}={text}: {e}"));
        berth_core::overrides::set(&mut s.overrides, key, Some(o));
    }
    s.adjust();
    s
}

/// Every price key of the book (not limits), once.
fn price_keys() -> Vec<&'static str> {
    let mut keys: Vec<&'static str> = berth_core::region::RegionId::all()
        .flat_map(berth_core::pricebook::rates_for_region)
        .map(|r| r.key)
        .filter(|k| !k.starts_with("limit."))
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// A valid, adjusted Scenario with `services` services at most.
pub fn scenario_with(services: usize) -> BoxedStrategy<Scenario> {
    let regions: Vec<&'static str> = REGIONS.iter().map(|r| r.code).collect();
    (
        (
            select(Tab::ALL.to_vec()),
            select(regions),
            prop::option::of(select(Preset::ALL.to_vec())),
            prop::option::weighted(0.2, select(Embed::ALL.to_vec())),
        ),
        prop::option::weighted(0.8, prop::collection::vec(service(), 0..=services)),
        edits(options::FIELDS.iter().map(|f| f.key).collect(), option_text),
        edits(
            requirements::FIELDS.iter().map(|f| f.key).collect(),
            requirement_text,
        ),
        edits(perf::FIELDS.iter().map(|f| f.key).collect(), sim_text),
        // Price overrides: 0, absurd and ordinary figures for any price.
        prop::collection::vec(
            (
                select(price_keys()),
                prop_oneof![Just(0.0), number(0.0, 1e9, false), number(0.0, 1.0, false)],
            ),
            0..3,
        ),
    )
        .prop_map(build)
        .boxed()
}

/// A valid, adjusted Scenario of up to six services.
pub fn scenario() -> BoxedStrategy<Scenario> {
    scenario_with(6)
}
