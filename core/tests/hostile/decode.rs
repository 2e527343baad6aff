//! Properties of the URL codec: anything decodes, without panic, into a
//! valid Scenario whose every notice is short; valid Scenarios come back
//! unchanged and encode canonically.

use berth_core::region;
use berth_core::scenario::limits;
use berth_core::{options, perf, requirements, Notice, Scenario};
use proptest::prelude::*;

use super::strategies;

/// Longest notice message: a 1 MB value must not be quoted back whole.
/// (The longest canonical number, a subnormal written without exponent,
/// is about 330 characters, and a message may quote the value kept.)
const MAX_MESSAGE_CHARS: usize = 500;

/// Every field of `s` is one the decoder could have produced: the invariants
/// the engines rely on.
pub fn assert_valid(s: &Scenario) {
    assert!(
        region::find(s.region.code()).is_some(),
        "region {:?}",
        s.region
    );
    assert!(s.services.len() <= limits::MAX_SERVICES);
    for v in &s.services {
        assert!(v.name.chars().count() <= limits::MAX_NAME_CHARS, "{v:?}");
        assert!(!v.name.chars().any(char::is_control), "{v:?}");
        assert!(u64::from(v.tasks) <= limits::MAX_TASKS, "{v:?}");
        assert!(v.vcpu > 0.0 && v.vcpu <= limits::MAX_VCPU, "{v:?}");
        assert!(
            v.memory_gib > 0.0 && v.memory_gib <= limits::MAX_MEMORY_GIB,
            "{v:?}"
        );
        assert!((0.0..=limits::MAX_HOURS).contains(&v.hours), "{v:?}");
    }
    // Each table value reads back from its own canonical text unchanged.
    for f in options::FIELDS {
        if (f.get)(&s.options).is_empty() {
            continue; // `req`, `dur`: not given, nothing to read back
        }
        let mut o = s.options.clone();
        assert_eq!((f.set)(&mut o, &(f.get)(&s.options)), Ok(()), "{}", f.key);
        assert_eq!(o, s.options, "{}", f.key);
    }
    for f in requirements::FIELDS {
        let mut r = s.requirements.clone();
        assert_eq!(
            (f.set)(&mut r, &(f.get)(&s.requirements)),
            Ok(()),
            "{}",
            f.key
        );
        assert_eq!(r, s.requirements, "{}", f.key);
    }
    for f in perf::FIELDS {
        let mut i = s.sim.clone();
        assert_eq!((f.set)(&mut i, &(f.get)(&s.sim)), Ok(()), "{}", f.key);
        assert_eq!(i, s.sim, "{}", f.key);
    }
}

/// Notices name a field briefly and say what happened in a sentence.
pub fn assert_short(notices: &[Notice]) {
    for n in notices {
        assert!(n.field.chars().count() <= 64, "field too long: {n:?}");
        let text = format!("{}{}", n.field, n.message);
        assert!(
            !text.chars().any(char::is_control),
            "control character: {n:?}"
        );
        assert!(!n.message.is_empty(), "{n:?}");
        let len = n.message.chars().count();
        assert!(len <= MAX_MESSAGE_CHARS, "message of {len} chars: {n:.200}");
    }
}

/// Decodes anything: valid result, short notices, and the result itself
/// survives a round trip with no notices.
pub fn check_any(input: &str) -> (Scenario, Vec<Notice>) {
    let (s, notices) = Scenario::from_query(input);
    assert_valid(&s);
    assert_short(&notices);
    let again = Scenario::from_query(&s.to_query());
    assert_eq!(again, (s.clone(), vec![]), "re-encoded: {}", s.to_query());
    (s, notices)
}

/// Text built from what queries are made of, so the decoder's branches are
/// reached far more often than by uniform Unicode.
fn queryish() -> impl Strategy<Value = String> {
    let mut keys: Vec<&'static str> =
        vec!["v", "tab", "embed", "region", "preset", "svc", "SVC", ""];
    keys.extend(options::FIELDS.iter().map(|f| f.key));
    keys.extend(requirements::FIELDS.iter().map(|f| f.key));
    keys.extend(perf::FIELDS.iter().map(|f| f.key));
    let pair = (
        prop::sample::select(keys),
        "[&=~%+#?;0-9a-fA-F.eE\\-xXnNiI \u{e9}\u{1F6A2}\u{202E}]{0,24}",
    )
        .prop_map(|(k, v)| format!("{k}={v}"));
    prop_oneof![
        "[&=~%+#?;0-9a-zA-Z.\\- \u{e9}\u{1F6A2}]{0,120}",
        prop::collection::vec(pair, 0..12).prop_map(|p| p.join("&")),
    ]
}

proptest! {
    #![proptest_config(super::config(384))]

    #[test]
    fn any_string_decodes_into_a_valid_scenario(input in any::<String>()) {
        check_any(&input);
    }

    #[test]
    fn any_bytes_decode_into_a_valid_scenario(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
        check_any(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn query_like_text_decodes_into_a_valid_scenario(input in queryish()) {
        check_any(&input);
        check_any(&format!("https://example.com/berth/?{input}#frag"));
    }
}

/// Keys of a canonical query, in order (`svc` once per service).
fn keys_of(query: &str) -> Vec<&str> {
    query
        .split('&')
        .map(|p| p.split_once('=').map_or(p, |(k, _)| k))
        .collect()
}

/// The canonical key order: `v`, `tab`, `embed`, `preset`, `region`,
/// `svc`, then each table in its own order.
fn canonical_order() -> Vec<&'static str> {
    berth_core::codec::keys()
}

/// A key's row in [`canonical_order`]: overrides share `p.<rate key>`.
fn row_of(key: &str) -> &str {
    if key.starts_with("p.") {
        "p.<rate key>"
    } else {
        key
    }
}

/// The canonical text of one key's value in `s`, for the table keys.
fn value_of(s: &Scenario, key: &str) -> Option<String> {
    if let Some(f) = options::field(key) {
        return Some((f.get)(&s.options));
    }
    if let Some(f) = requirements::field(key) {
        return Some((f.get)(&s.requirements));
    }
    perf::field(key).map(|f| (f.get)(&s.sim))
}

proptest! {
    #![proptest_config(super::config(256))]

    #[test]
    fn valid_scenarios_survive_a_round_trip(s in strategies::scenario()) {
        let q = s.to_query();
        let (back, notices) = Scenario::from_query(&q);
        prop_assert!(notices.is_empty(), "{q}: {notices:?}");
        prop_assert_eq!(&back, &s, "{}", q);
        prop_assert_eq!(back.to_query(), q.clone());
        // What the web app does next changes nothing: s was adjusted.
        let mut adjusted = back.clone();
        prop_assert!(adjusted.adjust().is_empty());
        prop_assert_eq!(adjusted, back);
        // And the whole-URL form reads the same.
        let url = format!("https://example.com/berth/?{q}#cost");
        prop_assert_eq!(Scenario::from_query(&url), (s, vec![]));
    }

    #[test]
    fn encoding_is_canonical(s in strategies::scenario()) {
        let q = s.to_query();
        prop_assert!(q.starts_with("v=1"), "{}", q);
        // Keys appear in the table order, each once (svc repeats in a run).
        let order = canonical_order();
        let positions: Vec<usize> = keys_of(&q)
            .iter()
            .map(|k| order.iter().position(|o| *o == row_of(k)).unwrap_or(usize::MAX))
            .collect();
        let repeats = |i: usize| matches!(order.get(i), Some(&"svc") | Some(&"p.<rate key>"));
        prop_assert!(positions.windows(2).all(|w| w[0] < w[1] || (w[0] == w[1] && repeats(w[0]))), "{}", q);
        // Overrides are written in key order.
        let prices: Vec<&str> = keys_of(&q).into_iter().filter(|k| k.starts_with("p.")).collect();
        prop_assert!(prices.windows(2).all(|w| w[0] < w[1]), "{}", q);
        // Defaults (the preset's, when there is one) are left out.
        let base = Scenario::base(s.preset);
        for key in keys_of(&q) {
            if let Some(value) = value_of(&s, key) {
                prop_assert_ne!(Some(value), value_of(&base, key), "{} in {}", key, q);
            }
        }
        prop_assert_eq!(q.contains("svc="), s.services != base.services, "{}", q);
        prop_assert_eq!(q.contains("tab="), s.tab != base.tab, "{}", q);
        prop_assert_eq!(q.contains("embed="), s.embed.is_some(), "{}", q);
        prop_assert_eq!(q.contains("region="), s.region != base.region, "{}", q);
    }

    #[test]
    fn pair_order_does_not_matter_except_between_services(
        s in strategies::scenario(),
        seed in any::<u64>(),
    ) {
        // Shuffle the non-service pairs among themselves (the preset, too:
        // it is the base wherever it stands); services keep their order.
        let q = s.to_query();
        let (svc, mut rest): (Vec<&str>, Vec<&str>) =
            q.split('&').partition(|p| p.starts_with("svc="));
        let mut state = seed | 1;
        for i in (1..rest.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            rest.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let at = (seed as usize) % (rest.len() + 1);
        let mut pairs: Vec<&str> = rest.clone();
        pairs.splice(at..at, svc);
        let shuffled = pairs.join("&");
        prop_assert_eq!(Scenario::from_query(&shuffled), (s, vec![]), "{}", shuffled);
    }
}
