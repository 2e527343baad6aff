//! The list of hostile links, one table row each: what the link
//! decodes to (as its canonical query) and which fields the notices name.
//! Every row also passes the properties of [`super::decode::check_any`].

use std::time::{Duration, Instant};

use berth_core::scenario::limits;
use berth_core::Arch;

use super::decode::check_any;

/// `(what it is, link, canonical query of the result, notice fields in order)`.
type Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Truncated links: the cut field is named, everything before it kept.
    ("cut in a service", "https://b.example/?v=1&region=eu-west-1&svc=api~3~1", "v=1&region=eu-west-1&svc=", &["svc[1].memory", "svc[1]"]),
    ("cut after a service", "?v=1&svc=api~3~1~2&svc=web~2~0.5~1&tab=co", "v=1&svc=api~3~1~2&svc=web~2~0.5~1", &["tab"]),
    ("cut in a region", "?v=1&tab=cost&region=eu-we", "v=1&tab=cost", &["region"]),
    ("cut in an escape", "svc=api%7~3~1~2", "v=1&svc=api%257~3~1~2", &[]),
    ("cut in a key", "tab=cost&reg", "v=1&tab=cost", &["reg"]),
    ("cut after a separator", "tab=cost&svc=api~3~", "v=1&tab=cost&svc=", &["svc[1].memory", "svc[1].vcpu", "svc[1]"]),
    ("only the host", "https://b.example/", "v=1", &[]),
    // Double encoding: `%25` decodes once, the rest is kept as text.
    ("double-encoded name", "svc=my%2520api~3~1~2", "v=1&svc=my%2520api~3~1~2", &[]),
    ("double-encoded separators", "svc=api%257E3%257E1%257E2&tab=cost", "v=1&tab=cost&svc=", &["svc[1].tasks", "svc[1].vcpu", "svc[1].memory", "svc[1]"]),
    ("double-encoded region", "region=eu%252Dwest%252D1", "v=1", &["region"]),
    ("a query encoded whole", "v%3D1%26region%3Deu-west-1", "v=1", &["v=1&region=eu-west-1"]),
    ("encoded separators", "svc=api%7E3%7E1%7E2", "v=1&svc=api~3~1~2", &[]),
    ("lower-case escapes", "svc=api%7e3%7e1%7e2&region=eu%2dwest%2d1", "v=1&region=eu-west-1&svc=api~3~1~2", &[]),
    // `+` and `%20` are both spaces; `%2B` is a plus.
    ("plus as space", "svc=my+api~3~1~2", "v=1&svc=my%20api~3~1~2", &[]),
    ("%20 as space", "svc=my%20api~3~1~2", "v=1&svc=my%20api~3~1~2", &[]),
    ("encoded plus", "svc=a%2Bb~1~1~2", "v=1&svc=a%2Bb~1~1~2", &[]),
    ("spaces around values", "spot=+40+&region=+eu-west-1%20", "v=1&region=eu-west-1&spot=40", &[]),
    // Repeated keys: the last value, one notice per key.
    ("repeated tab", "tab=cost&tab=data&tab=performance", "v=1&tab=performance", &["tab"]),
    ("repeated, last bad", "spot=10&spot=oops", "v=1&spot=10", &["spot", "spot"]),
    ("repeated preset", "preset=web-app&preset=graviton", "v=1&preset=graviton", &["preset"]),
    ("repeated service", "svc=a~1~1~2&svc=a~1~1~2", "v=1&svc=a~1~1~2&svc=a~1~1~2", &[]),
    // Unknown keys: named, clipped, the rest kept.
    ("unknown key", "colour=red&region=eu-west-1", "v=1&region=eu-west-1", &["colour"]),
    ("tracking parameters", "utm_source=chat&tab=cost&fbclid=x", "v=1&tab=cost", &["utm_source", "fbclid"]),
    ("markup as a key", "%3Cscript%3E=1&tab=data", "v=1&tab=data", &["<script>"]),
    ("HTML-escaped ampersands", "v=1&amp;region=eu-west-1&amp;tab=cost", "v=1&tab=cost&region=eu-west-1", &["amp"]),
    ("control characters in a key", "reg%0Aion=eu-west-1", "v=1", &["reg\u{FFFD}ion"]),
    // Empty values.
    ("empty region", "region=&tab=cost", "v=1&tab=cost", &["region"]),
    ("empty option", "spot=&sp=20", "v=1&sp=20", &["spot"]),
    ("empty requirement", "gpu=", "v=1", &["gpu"]),
    ("empty version", "v=", "v=1", &["v"]),
    ("empty preset", "preset=", "v=1", &["preset"]),
    ("empty workload", "svc=", "v=1&svc=", &[]),
    ("empty service fields", "svc=~~~", "v=1&svc=", &["svc[1].tasks", "svc[1]"]),
    ("empty optional fields", "svc=api~3~1~2~~~", "v=1&svc=api~3~1~2", &[]),
    ("separators only", "&&;;&", "v=1", &[]),
    ("empty keys", "=&=1&=2", "v=1", &[""]),
    // Huge numbers.
    ("huge tasks", "svc=a~99999999999999999999~1~2&svc=b~1~1~2", "v=1&svc=b~1~1~2", &["svc[1].tasks", "svc[1]"]),
    ("tasks past the limit", "svc=a~1000001~1~2", "v=1&svc=", &["svc[1].tasks", "svc[1]"]),
    ("vCPU past the limit", "svc=a~1~1e308~2", "v=1&svc=", &["svc[1].vcpu", "svc[1]"]),
    ("memory overflowing", "svc=a~1~1~1e309", "v=1&svc=", &["svc[1].memory", "svc[1]"]),
    ("huge options", "spot=1e400&req=1e14&rps=1e8&min=4294967296&spk=1e9~1", "v=1", &["spot", "req", "rps", "min", "spk"]),
    ("largest values", "svc=a~1e6~1024~32768~arm~linux~744&req=1e13&rps=1e7", "v=1&svc=a~1000000~1024~32768~arm~linux~744&req=10000000000000&rps=10000000", &[]),
    // NaN and infinity, in any spelling.
    ("NaN tasks", "svc=a~NaN~1~2", "v=1&svc=", &["svc[1].tasks", "svc[1]"]),
    ("nan vCPU", "svc=a~1~nan~2", "v=1&svc=", &["svc[1].vcpu", "svc[1]"]),
    ("NAN hours keep the service", "svc=a~1~1~2~x86~linux~NAN", "v=1&svc=a~1~1~2", &["svc[1].hours"]),
    ("infinities", "spot=inf&rps=infinity&peak=-inf&tgt=%4EaN", "v=1", &["spot", "rps", "peak", "tgt"]),
    ("+Infinity vCPU", "svc=a~1~+Infinity~2", "v=1&svc=", &["svc[1].vcpu", "svc[1]"]),
    // Negative numbers.
    ("negative tasks", "svc=a~-1~1~2", "v=1&svc=", &["svc[1].tasks", "svc[1]"]),
    ("negative vCPU", "svc=a~1~-0.5~2", "v=1&svc=", &["svc[1].vcpu", "svc[1]"]),
    ("negative memory", "svc=a~1~1~-2", "v=1&svc=", &["svc[1].memory", "svc[1]"]),
    ("negative hours keep the service", "svc=a~1~1~2~x86~linux~-1", "v=1&svc=a~1~1~2", &["svc[1].hours"]),
    ("negative options", "spot=-5&rps=-1&min=-1&spk=-1~30", "v=1", &["spot", "rps", "min", "spk"]),
    ("negative zero is zero", "svc=a~-0~1~2~x86~linux~-0", "v=1&svc=a~0~1~2~x86~linux~0", &[]),
    // Exponent and other number spellings.
    ("exponents", "svc=a~1e3~2.5e-1~1E1&spot=4e1&req=1e6", "v=1&svc=a~1000~0.25~10&spot=40&req=1000000", &[]),
    ("a fractional exponent", "svc=a~1.5e0~1~2", "v=1&svc=", &["svc[1].tasks", "svc[1]"]),
    ("underflow to zero vCPU", "svc=a~1~1e-400~2", "v=1&svc=", &["svc[1].vcpu", "svc[1]"]),
    ("bare points", "svc=a~1.~.5~2.0", "v=1&svc=a~1~0.5~2", &[]),
    // Thousands grouped by three are read (as people paste them); `1,5` is
    // not a grouping and hex is not a number.
    ("hex and grouping", "svc=a~0x10~1~2&svc=b~1_000~1~2&svc=c~1,5~1~2", "v=1&svc=b~1000~1~2", &[ "svc[1].tasks", "svc[1]", "svc[3].tasks", "svc[3]", ]),
    // Other mangling seen in the wild.
    ("upper case", "REGION=EU-WEST-1&TAB=COST&USE=Batch", "v=1&tab=cost&region=eu-west-1&use=batch", &[]),
    ("semicolons", "tab=cost;region=eu-west-1", "v=1&tab=cost&region=eu-west-1", &[]),
    ("trailing punctuation", "https://b.example/?tab=data&region=eu-west-1.", "v=1&tab=data", &["region"]),
    ("invalid UTF-8", "svc=%FF%FE~1~1~2", "v=1&svc=%EF%BF%BD%EF%BF%BD~1~1~2", &[]),
    ("a fragment with a query", "https://b.example/?tab=cost#x?region=eu-west-1", "v=1&tab=cost", &[]),
    ("future version", "v=2&tab=cost", "v=1&tab=cost", &["v"]),
    ("too many fields", "svc=a~1~1~2~arm~linux~730~2~x~y", "v=1&svc=a~1~1~2~arm~linux~730~2", &["svc[1].extra"]),
    ("copies not a count", "svc=a~1~1~2~arm~linux~730~x", "v=1&svc=a~1~1~2~arm", &["svc[1].copies"]),
    ("no copies", "svc=a~1~1~2~x86~linux~730~0", "v=1&svc=a~1~1~2", &["svc[1].copies"]),
    ("unknown arch and os", "svc=a~1~1~2~sparc~beos", "v=1&svc=a~1~1~2", &["svc[1].arch", "svc[1].os"]),
    ("hours above a month", "svc=a~1~1~2~x86~linux~745", "v=1&svc=a~1~1~2", &["svc[1].hours"]),
];

#[test]
fn each_hostile_link_decodes_to_what_it_can_keep() {
    let mut wrong = Vec::new();
    for (what, link, expected, fields) in ROWS {
        let (s, notices) = check_any(link);
        let named: Vec<&str> = notices.iter().map(|n| n.field.as_str()).collect();
        if s.to_query() != *expected || named != *fields {
            wrong.push(format!("{what}: {link}\n  got {} {named:?}", s.to_query()));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_prefix_of_a_link_keeps_the_pairs_it_holds_whole() {
    let link = "https://b.example/berth/?v=1&tab=cost&preset=web-app&region=eu-west-1\
                &svc=my%20api~3~1~2~arm&svc=w%C3%A9b~2~0.5~1~x86~windows~200\
                &it=m5.large&spot=40&ds=300~512&use=batch&gpu=1&traffic=spike&spk=600~45";
    let (full, notices) = check_any(link);
    assert!(notices.is_empty(), "{notices:?}");
    for cut in (0..=link.len()).filter(|&i| link.is_char_boundary(i)) {
        let prefix = &link[..cut];
        let (s, notices) = check_any(prefix);
        // Notices only ever concern the last, possibly cut, pair.
        let query = prefix.split_once('?').map_or("", |(_, q)| q);
        let last = query.rsplit('&').next().unwrap_or_default();
        let last_key = last.split_once('=').map_or(last, |(k, _)| k);
        for n in &notices {
            let ok =
                n.field.starts_with(last_key) || (last_key == "svc" && n.field.starts_with("svc["));
            assert!(ok, "{prefix}: {n:?}");
        }
        // Every whole pair before the last reads as in the full link.
        let whole = query.rsplit_once('&').map_or("", |(head, _)| head);
        if whole.contains("region=") {
            assert_eq!(s.region, full.region, "{prefix}");
        }
        if whole.contains("preset=") {
            assert_eq!(s.preset, full.preset, "{prefix}");
        }
        let services = whole.matches("svc=").count();
        assert!(s.services.len() >= services, "{prefix}");
        assert_eq!(
            s.services[..services],
            full.services[..services],
            "{prefix}"
        );
    }
}

#[test]
fn adjust_settles_what_a_link_may_combine() {
    // Windows on Arm and an instance type unpriced in the region are
    // brought back by the decoder (as the app does after an edit), once,
    // each named in a notice.
    let (mut s, notices) = check_any("svc=a~1~1~2~arm~windows&it=m7a.large&region=ca-central-1");
    assert_eq!(
        notices.iter().filter(|n| n.field == "adjusted").count(),
        2,
        "{notices:?}"
    );
    assert_eq!(s.services[0].arch, Arch::X86);
    assert_eq!(s.options.instance_type, None);
    assert!(s.adjust().is_empty());
    check_any(&s.to_query());
}

#[test]
fn ten_thousand_services_are_capped_with_one_notice() {
    let link: Vec<String> = (0..10_000).map(|i| format!("svc=s{i}~1~1~2")).collect();
    let (s, notices) = check_any(&link.join("&"));
    assert_eq!(s.services.len(), limits::MAX_SERVICES);
    assert_eq!(s.services.last().map(|v| v.name.as_str()), Some("s199"));
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert_eq!(notices[0].field, "svc");
}

#[test]
fn one_bad_service_keeps_the_others() {
    let link = "svc=a~1~1~2&svc=b~x~1~2&svc=c~2~NaN&svc=d~3~1~2~risc&svc=e~4~0.25~0.5~arm";
    let (s, notices) = check_any(link);
    assert_eq!(
        s.to_query(),
        "v=1&svc=a~1~1~2&svc=d~3~1~2&svc=e~4~0.25~0.5~arm"
    );
    let named: Vec<&str> = notices.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(
        named,
        [
            "svc[2].tasks",
            "svc[2]",
            "svc[3].memory",
            "svc[3].vcpu",
            "svc[3]",
            "svc[4].arch"
        ]
    );
}

/// A megabyte of each shape decodes well within a second natively (the
/// debug build is checked against a generous bound).
#[test]
fn a_megabyte_query_decodes_in_reasonable_time() {
    const MB: usize = 1 << 20;
    let fill = |unit: &str| unit.repeat(MB / unit.len());
    let shapes: Vec<(&str, String)> = vec![
        (
            "distinct unknown keys",
            (0..100_000).map(|i| format!("k{i}=1&")).collect(),
        ),
        ("one repeated key", fill("spot=1&")),
        ("services", fill("svc=a~1~1~2&")),
        ("one huge name", format!("svc={}~1~1~2", "n".repeat(MB))),
        ("one huge value", format!("spot={}", "9".repeat(MB))),
        (
            "one huge key",
            format!("{}=1&{}=2", "k".repeat(MB / 2), "k".repeat(MB / 2)),
        ),
        (
            "separators in a service",
            format!("svc=a~1~1~2{}", "~".repeat(MB)),
        ),
        ("encoded separators", format!("svc={}", fill("%7E"))),
        ("double encoding", fill("%25")),
        ("ampersands", fill("&")),
        ("plus signs", format!("svc={}~1~1~2", fill("+"))),
        (
            "multi-byte text",
            format!("svc={}~1~1~2", "🚢".repeat(MB / 4)),
        ),
        // Price overrides: every `p.` key is checked against the book.
        ("repeated unknown p. keys", fill("p.x=1&")),
        ("repeated known p. key", fill("p.ec2.m5.large=0.1&")),
        (
            "distinct unknown p. keys",
            (0..60_000).map(|i| format!("p.ec2.m{i}=1&")).collect(),
        ),
        // Numbers: a long mantissa with a large negative exponent, in a
        // service field, an option and an override.
        (
            "long mantissa, large negative exponent",
            format!("spot=1.{}e-{}", "7".repeat(MB / 2), "9".repeat(MB / 4)),
        ),
        (
            "long mantissas in a service",
            format!("svc=a~1~0.{0}e-99999~0.{0}e-99999", "3".repeat(MB / 3)),
        ),
        (
            "long mantissa in an override",
            format!("p.ec2.m5.large=0.{}e-400", "1".repeat(MB)),
        ),
        // Deep percent-encoding: `%25` nested thousands of times.
        (
            "deep percent-encoding",
            format!("svc={}7E~1~1~2", "%25".repeat(MB / 3)),
        ),
    ];
    for (what, link) in shapes {
        let start = Instant::now();
        let (s, notices) = check_any(&link);
        let took = start.elapsed();
        eprintln!("{what}: {} KiB in {took:?}", link.len() / 1024);
        assert!(took < Duration::from_secs(5), "{what}: {took:?}");
        assert!(notices.len() <= 100, "{what}: {} notices", notices.len());
        assert!(s.services.len() <= limits::MAX_SERVICES);
    }
}

#[test]
fn a_repeated_key_is_named_once_however_often_it_repeats() {
    let (s, notices) = check_any(&"tab=cost&utm=x&".repeat(10_000));
    assert_eq!(s.to_query(), "v=1&tab=cost");
    let named: Vec<&str> = notices.iter().map(|n| n.field.as_str()).collect();
    assert_eq!(named, ["utm", "tab"]);
}

#[test]
fn a_flood_of_bad_fields_is_listed_up_to_a_hundred() {
    let link: Vec<String> = (0..5000)
        .map(|i| format!("k{i}=1&svc=s{i}~x~1~2"))
        .collect();
    let (s, notices) = check_any(&format!("tab=cost&{}", link.join("&")));
    assert_eq!(s.to_query(), "v=1&tab=cost&svc=");
    assert_eq!(notices.len(), 100);
    assert_eq!(
        notices[..3]
            .iter()
            .map(|n| n.field.as_str())
            .collect::<Vec<_>>(),
        ["k0", "svc[1].tasks", "svc[1]"]
    );
    let last = &notices[99];
    assert_eq!(
        (last.field.as_str(), last.message.as_str()),
        ("notices", "14901 more notices not listed")
    );
}
