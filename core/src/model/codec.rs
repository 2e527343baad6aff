//! The URL codec: a Scenario's public, versioned text form.
//!
//! Links are a contract: a key once published keeps its meaning. Encoding is
//! canonical (fixed key order, defaults omitted, `v=1` first). Decoding
//! accepts a bare query or a whole URL, never panics, keeps every field it
//! can use and names each one it cannot in a [`Notice`].

use std::collections::BTreeSet;

use crate::field;
use crate::notice::Notice;
use crate::options;
use crate::preset::Preset;
use crate::region::{self, RegionId};
use crate::requirements;
use crate::scenario::{limits, Arch, Os, Scenario, Service, Tab};
use crate::sim;
use crate::text::{clip, format_number, percent_decode, percent_encode};

/// The link format version this build writes.
pub const VERSION: &str = "1";

/// Separator between the fields of one `svc=` value.
const SVC_SEP: char = '~';

impl Scenario {
    /// Decodes a query string or whole URL into a Scenario plus notices,
    /// using no price book ([`Scenario::from_query`] adds the book's checks).
    pub fn decode(input: &str) -> (Scenario, Vec<Notice>) {
        let mut decoder = Decoder::default();
        let pairs: Vec<(String, &str)> = pairs(query_part(input)).collect();
        // The preset is the base every other key is read against, wherever
        // it stands in the link.
        if let Some((_, raw)) = pairs.iter().rev().find(|(k, _)| k == "preset") {
            decoder.preset(raw);
        }
        for (key, raw) in pairs {
            decoder.field(&key, raw);
        }
        decoder.finish()
    }

    /// Encodes this Scenario canonically; decoding the result gives it back.
    pub fn to_query(&self) -> String {
        let base = Scenario::base(self.preset);
        let mut out = vec![format!("v={VERSION}")];
        if self.tab != base.tab {
            out.push(format!("tab={}", self.tab.key()));
        }
        if let Some(embed) = self.embed {
            out.push(format!("embed={}", embed.key()));
        }
        if let Some(preset) = self.preset {
            out.push(format!("preset={}", preset.key()));
        }
        if self.region != base.region {
            out.push(format!("region={}", self.region.code()));
        }
        if self.services != base.services {
            if self.services.is_empty() {
                out.push("svc=".to_string());
            }
            out.extend(
                self.services
                    .iter()
                    .map(|s| format!("svc={}", encode_service(s))),
            );
        }
        field::encode(options::FIELDS, &self.options, &base.options, &mut out);
        field::encode(
            requirements::FIELDS,
            &self.requirements,
            &base.requirements,
            &mut out,
        );
        field::encode(sim::FIELDS, &self.sim, &base.sim, &mut out);
        // Overrides are never defaults: each one written, in key order.
        for o in &self.overrides {
            out.push(format!("p.{}={}", o.key, format_number(o.value)));
        }
        out.join("&")
    }
}

/// The part after `?` (or everything, for a bare query), without `#…`.
fn query_part(input: &str) -> &str {
    let input = input.trim();
    let after = match input.split_once('?') {
        Some((_, query)) => query,
        None if input.contains("://") => "",
        None => input,
    };
    after.split('#').next().unwrap_or_default()
}

/// `key=value` pairs; the key is decoded, the value left raw so that a
/// field separator inside an encoded name survives.
fn pairs(query: &str) -> impl Iterator<Item = (String, &str)> {
    query
        .split(['&', ';'])
        .filter(|p| !p.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (percent_decode(k).trim().to_ascii_lowercase(), v),
            None => (percent_decode(pair).trim().to_ascii_lowercase(), ""),
        })
}

fn encode_service(s: &Service) -> String {
    let d = Service::default();
    let mut parts = vec![
        percent_encode(&s.name),
        s.tasks.to_string(),
        format_number(s.vcpu),
        format_number(s.memory_gib),
    ];
    // Optional trailing fields: written only up to the last non-default one.
    let tail = [
        (s.arch != d.arch, s.arch.key().to_string()),
        (s.os != d.os, s.os.key().to_string()),
        (s.hours != d.hours, format_number(s.hours)),
    ];
    if let Some(last) = tail.iter().rposition(|(differs, _)| *differs) {
        parts.extend(tail.iter().take(last + 1).map(|(_, text)| text.clone()));
    }
    parts.join(&SVC_SEP.to_string())
}

/// Most notices one link yields: more than any link a person wrote needs,
/// few enough for a page to list (a 1 MB link can hold 100,000 bad keys).
const MAX_NOTICES: usize = 100;

/// True for every key the decoder reads, `svc` aside. Keep it in step with
/// the `match` in `Decoder::field`: a key missing here reads as unknown,
/// which `every_key_the_encoder_writes_is_known` and any round trip catch.
fn known(key: &str) -> bool {
    matches!(key, "v" | "tab" | "embed" | "region" | "preset")
        || key.starts_with("p.")
        || options::field(key).is_some()
        || requirements::field(key).is_some()
        || sim::field(key).is_some()
}

#[derive(Default)]
struct Decoder {
    scenario: Option<Scenario>,
    notices: Vec<Notice>,
    services: Option<Vec<Service>>,
    service_count: usize,
    capped: bool,
    /// Keys read so far: a set, since a 1 MB link can hold 100,000 keys
    /// and a list made decoding it quadratic (29 s).
    seen: BTreeSet<String>,
    /// Keys already named as repeated: one notice per key, not per copy.
    repeated: BTreeSet<String>,
}

impl Decoder {
    fn scenario(&mut self) -> &mut Scenario {
        self.scenario.get_or_insert_with(Scenario::default)
    }

    fn note(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.notices.push(Notice::new(field, message));
    }

    fn preset(&mut self, raw: &str) {
        let value = percent_decode(raw).trim().to_ascii_lowercase();
        match Preset::from_key(&value) {
            Some(preset) => self.scenario = Some(Scenario::base(Some(preset))),
            None => self.note(
                "preset",
                format!(
                    "unknown preset \"{}\"; starting from the defaults",
                    clip(&value)
                ),
            ),
        }
    }

    fn field(&mut self, key: &str, raw: &str) {
        if key == "svc" {
            return self.service(raw);
        }
        let first = self.seen.insert(key.to_string());
        if !known(key) {
            // Named once, however often a link repeats it.
            if first {
                self.note(clip(key), "unknown field, ignored");
            }
            return;
        }
        if !first && self.repeated.insert(key.to_string()) {
            self.note(key, "given more than once; the last value is used");
        }
        let value = percent_decode(raw);
        let value = value.trim();
        match key {
            "v" => {
                if value != VERSION {
                    let msg = format!(
                        "link format version {} is not known; read as version {VERSION}",
                        clip(value)
                    );
                    self.note("v", msg);
                }
            }
            "tab" => match Tab::from_key(&value.to_ascii_lowercase()) {
                Some(tab) => self.scenario().tab = tab,
                None => self.note(
                    "tab",
                    format!("unknown panel \"{}\"; showing Decide", clip(value)),
                ),
            },
            "region" => match RegionId::from_code(&value.to_ascii_lowercase()) {
                Some(r) => self.scenario().region = r,
                None => {
                    let msg = format!(
                        "unknown region \"{}\"; using {}",
                        clip(value),
                        region::DEFAULT_REGION
                    );
                    self.scenario().region = RegionId::default();
                    self.note("region", msg);
                }
            },
            "preset" => {} // read first, in `preset`
            k if k.starts_with("p.") => {
                let rate = k.trim_start_matches("p.");
                match crate::overrides::parse(rate, value) {
                    Ok(o) => crate::overrides::set(&mut self.scenario().overrides, rate, Some(o)),
                    Err(message) => {
                        self.note(clip(k), format!("{message}; the book's figure is used"))
                    }
                }
            }
            "embed" => match crate::embed::Embed::from_key(&value.to_ascii_lowercase()) {
                Some(embed) => self.scenario().embed = Some(embed),
                None => self.note(
                    "embed",
                    format!(
                        "unknown embed view \"{}\"; showing the whole page",
                        clip(value)
                    ),
                ),
            },
            _ => {
                let scenario = self.scenario();
                let result = if let Some(f) = options::field(key) {
                    field::decode(f, &mut scenario.options, value)
                } else if let Some(f) = requirements::field(key) {
                    field::decode(f, &mut scenario.requirements, value)
                } else if let Some(f) = sim::field(key) {
                    field::decode(f, &mut scenario.sim, value)
                } else {
                    Ok(()) // unknown keys were named above
                };
                if let Err(message) = result {
                    self.note(key, message);
                }
            }
        }
    }

    fn service(&mut self, raw: &str) {
        self.service_count += 1;
        let index = self.service_count;
        let list = self.services.get_or_insert_with(Vec::new);
        if raw.trim().is_empty() {
            return; // `svc=` alone: an explicitly empty workload
        }
        if list.len() >= limits::MAX_SERVICES {
            if !self.capped {
                self.capped = true;
                let msg = format!(
                    "more than {} services; the rest are ignored",
                    limits::MAX_SERVICES
                );
                self.notices.push(Notice::new("svc", msg));
            }
            return;
        }
        match decode_service(raw, index, &mut self.notices) {
            Some(service) => list.push(service),
            None => self.note(
                format!("svc[{index}]"),
                "service could not be read and was left out",
            ),
        }
    }

    fn finish(mut self) -> (Scenario, Vec<Notice>) {
        if let Some(services) = self.services.take() {
            self.scenario().services = services;
        }
        // What the app does after every edit, so a link shows what it prices:
        // e.g. a Windows service on arm becomes x86, with a notice.
        for note in self.scenario().normalize() {
            self.note("adjusted", note);
        }
        (self.scenario.unwrap_or_default(), self.notices)
    }
}

/// Keeps at most [`MAX_NOTICES`] notices, the last one saying how many
/// more there were, so a hostile link cannot flood the page.
pub fn cap_notices(notices: &mut Vec<Notice>) {
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice::new(
            "notices",
            format!("{more} more notices not listed"),
        ));
    }
}

/// Reads `name~tasks~vcpu~memory[~arch[~os[~hours]]]`. A bad optional field
/// falls back to its default with a notice; a bad required one drops the
/// service (returns `None`), since guessing a size would misprice it.
fn decode_service(raw: &str, index: usize, notices: &mut Vec<Notice>) -> Option<Service> {
    let mut parts: Vec<String> = raw.split(SVC_SEP).map(percent_decode).collect();
    if parts.len() == 1 {
        // A mail or chat tool encoded the separators themselves (`%7E`).
        parts = parts.concat().split(SVC_SEP).map(str::to_string).collect();
    }
    let field = |name: &str| format!("svc[{index}].{name}");
    let mut bad = |name: &str, message: String| notices.push(Notice::new(field(name), message));
    let d = Service::default();
    let get = |i: usize| parts.get(i).map(|s| s.trim());

    let (name, clipped) =
        Service::clean_name(parts.first().map(String::as_str).unwrap_or_default());
    if clipped {
        bad(
            "name",
            format!("name cut to {} characters", limits::MAX_NAME_CHARS),
        );
    }
    let mut required = |i: usize, what: &str| match get(i) {
        Some(text) => Some(text.to_string()),
        None => {
            bad(what, format!("{what} is missing"));
            None
        }
    };
    let (tasks, vcpu, memory) = (
        required(1, "tasks"),
        required(2, "vcpu"),
        required(3, "memory"),
    );
    let tasks = check(Service::parse_tasks(&tasks?), &mut bad, "tasks")?;
    let vcpu = check(Service::parse_vcpu(&vcpu?), &mut bad, "vcpu")?;
    let memory_gib = check(Service::parse_memory_gib(&memory?), &mut bad, "memory")?;

    let arch = match get(4).filter(|s| !s.is_empty()) {
        None => d.arch,
        Some(text) => Arch::from_key(&text.to_ascii_lowercase()).unwrap_or_else(|| {
            bad(
                "arch",
                format!("unknown architecture \"{}\"; using x86", clip(text)),
            );
            d.arch
        }),
    };
    let os = match get(5).filter(|s| !s.is_empty()) {
        None => d.os,
        Some(text) => Os::from_key(&text.to_ascii_lowercase()).unwrap_or_else(|| {
            bad(
                "os",
                format!("unknown operating system \"{}\"; using linux", clip(text)),
            );
            d.os
        }),
    };
    let hours = match get(6).filter(|s| !s.is_empty()) {
        None => d.hours,
        Some(text) => Service::parse_hours(text).unwrap_or_else(|e| {
            bad("hours", format!("{e}; using {}", format_number(d.hours)));
            d.hours
        }),
    };
    if parts.len() > 7 {
        bad(
            "extra",
            format!("{} extra field(s) ignored", parts.len() - 7),
        );
    }
    Some(Service {
        name,
        tasks,
        vcpu,
        memory_gib,
        arch,
        os,
        hours,
    })
}

fn check<T>(
    result: Result<T, String>,
    bad: &mut impl FnMut(&str, String),
    what: &str,
) -> Option<T> {
    result.map_err(|e| bad(what, e)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svc(name: &str, tasks: u32, vcpu: f64, memory_gib: f64) -> Service {
        Service {
            name: name.into(),
            tasks,
            vcpu,
            memory_gib,
            ..Service::default()
        }
    }

    #[test]
    fn default_scenario_encodes_to_version_only() {
        assert_eq!(Scenario::default().to_query(), "v=1");
        assert_eq!(Scenario::from_query("v=1"), (Scenario::default(), vec![]));
        assert_eq!(Scenario::from_query(""), (Scenario::default(), vec![]));
    }

    #[test]
    fn the_issue_example_decodes() {
        let (s, notices) = Scenario::from_query("region=eu-west-1&svc=api~3~1~2");
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(s.region.code(), "eu-west-1");
        assert_eq!(s.services, vec![svc("api", 3, 1.0, 2.0)]);
        assert_eq!(s.to_query(), "v=1&region=eu-west-1&svc=api~3~1~2");
    }

    #[test]
    fn full_urls_and_fragments_are_accepted() {
        let (s, n) =
            Scenario::from_query("https://x.example/berth/?tab=cost&region=ap-south-1#top");
        assert!(n.is_empty());
        assert_eq!((s.tab, s.region.code()), (Tab::Cost, "ap-south-1"));
        let (s, _) = Scenario::from_query("https://x.example/berth/");
        assert_eq!(s, Scenario::default());
    }

    #[test]
    fn round_trip_keeps_awkward_names_and_optional_fields() {
        let s = Scenario {
            tab: Tab::Data,
            services: vec![
                Service {
                    name: "a~b&c=d <script> 🚢 שלום".into(),
                    arch: Arch::Arm,
                    ..svc("", 1, 0.25, 0.5)
                },
                Service {
                    os: Os::Windows,
                    hours: 200.0,
                    ..svc("win", 4, 2.0, 4.0)
                },
            ],
            ..Scenario::default()
        };
        let q = s.to_query();
        assert!(q.contains("svc=win~4~2~4~x86~windows~200"), "{q}");
        assert_eq!(Scenario::from_query(&q), (s, vec![]));
    }

    #[test]
    fn empty_workload_survives_a_round_trip() {
        let s = Scenario {
            services: vec![],
            ..Scenario::default()
        };
        assert_eq!(s.to_query(), "v=1&svc=");
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
    }

    /// Each bad input: the query, the field the notice must name, and what
    /// the scenario must still hold.
    #[test]
    fn bad_fields_fall_back_and_are_named() {
        let cases: &[(&str, &str)] = &[
            ("region=mars-1", "region"),
            ("tab=settings", "tab"),
            ("v=9", "v"),
            ("colour=red", "colour"),
            ("svc=api~1.5~1~2", "svc[1].tasks"),
            ("svc=api~3~0~2", "svc[1].vcpu"),
            ("svc=api~3~1~NaN", "svc[1].memory"),
            ("svc=api~3~1", "svc[1].memory"),
            ("svc=api~3~1~2~sparc", "svc[1].arch"),
            ("svc=api~3~1~2~x86~beos", "svc[1].os"),
            ("svc=api~3~1~2~x86~linux~800", "svc[1].hours"),
            ("region=us-east-1&region=eu-west-1", "region"),
        ];
        for (query, field) in cases {
            let (s, notices) = Scenario::from_query(query);
            assert!(
                notices.iter().any(|n| n.field == *field),
                "{query}: expected a notice for {field}, got {notices:?}"
            );
            assert!(region::find(s.region.code()).is_some());
        }
    }

    #[test]
    fn one_bad_service_does_not_drop_the_others() {
        let (s, notices) = Scenario::from_query("svc=a~1~1~2&svc=b~x~1~2&svc=c~2~0.5~1");
        assert_eq!(
            s.services,
            vec![svc("a", 1, 1.0, 2.0), svc("c", 2, 0.5, 1.0)]
        );
        assert!(notices.iter().any(|n| n.field == "svc[2].tasks"));
        assert!(notices.iter().any(|n| n.field == "svc[2]"));
    }

    #[test]
    fn a_bad_optional_field_keeps_the_service() {
        let (s, _) = Scenario::from_query("svc=a~1~1~2~risc");
        assert_eq!(s.services, vec![svc("a", 1, 1.0, 2.0)]);
    }

    #[test]
    fn mangled_links_still_decode() {
        // `+` for space, encoded separators, upper-case keys and region.
        let (s, n) = Scenario::from_query("REGION=EU-WEST-1&svc=my+api%7E3%7E1%7E2");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.region.code(), "eu-west-1");
        assert_eq!(s.services, vec![svc("my api", 3, 1.0, 2.0)]);
    }

    #[test]
    fn options_round_trip_and_defaults_are_omitted() {
        let q = "v=1&it=m5.large&net=bridge&spot=40&ds=300~512&req=1000000&dur=120";
        let (s, n) = Scenario::from_query(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.options.spot_pct, 40.0);
        assert_eq!(s.options.ds_mib, 512.0);
        assert_eq!(s.to_query(), q);
        let (s, _) = Scenario::from_query("spot=0&hostres=5");
        assert_eq!(s.to_query(), "v=1");
    }

    #[test]
    fn a_bad_option_keeps_its_default_and_is_named() {
        let (s, n) = Scenario::from_query("spot=150&sp=20");
        assert_eq!(s.options.spot_pct, 0.0);
        assert_eq!(s.options.sp_pct, 20.0);
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].field, "spot");
        assert!(n[0].message.contains("using 0"), "{}", n[0].message);
    }

    #[test]
    fn requirements_round_trip_in_table_order_and_defaults_are_omitted() {
        let q = "v=1&spot=40&use=batch&k8s=1&ops=minimal&cost=critical&cx=high&gpu=1\
                 &win=1&priv=1&stateful=1&iso=1&zero=1&long=1&kexp=1";
        let (s, n) = Scenario::from_query(q);
        assert!(n.is_empty(), "{n:?}");
        let r = &s.requirements;
        assert_eq!(r.use_case, crate::requirements::UseCase::Batch);
        assert!(r.k8s && r.gpu && r.win && r.privileged && r.stateful);
        assert!(r.iso && r.zero && r.long && r.kexp);
        assert_eq!(s.to_query(), q);
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
        let (s, _) = Scenario::from_query("use=web&ops=moderate&cost=balanced&cx=low&gpu=0");
        assert_eq!(s.to_query(), "v=1");
        // A preset is the base for requirements too, and a mixed-case value reads.
        let (s, n) = Scenario::from_query("preset=web-app&COST=Critical");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.to_query(), "v=1&preset=web-app&cost=critical");
    }

    #[test]
    fn a_bad_requirement_keeps_its_default_and_is_named() {
        for (query, field, kept) in [
            ("use=mainframe", "use", "using web"),
            ("k8s=yes", "k8s", "using 0"),
            ("ops=none", "ops", "using moderate"),
            ("cost=cheap", "cost", "using balanced"),
            ("cx=2", "cx", "using low"),
            ("gpu=true", "gpu", "using 0"),
            ("priv=", "priv", "using 0"),
        ] {
            let (s, n) = Scenario::from_query(&format!("{query}&zero=1"));
            assert_eq!(n.len(), 1, "{query}: {n:?}");
            assert_eq!(n[0].field, field);
            assert!(n[0].message.contains(kept), "{query}: {}", n[0].message);
            assert!(s.requirements.zero, "{query}: the other keys are kept");
        }
    }

    #[test]
    fn requirement_keys_clash_with_no_other_key() {
        let mut keys: Vec<&str> = vec!["v", "tab", "region", "preset", "svc"];
        keys.extend(options::FIELDS.iter().map(|f| f.key));
        keys.extend(requirements::FIELDS.iter().map(|f| f.key));
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
    }

    #[test]
    fn a_preset_is_the_base_wherever_it_stands() {
        let (s, n) = Scenario::from_query("svc=x~5~1~2&preset=guide-small");
        assert!(n.is_empty());
        assert_eq!(s.preset, Some(Preset::GuideSmall));
        assert_eq!(s.options.instance_type.map(|t| t.name()), Some("m5.large"));
        assert_eq!(s.services, vec![svc("x", 5, 1.0, 2.0)]);
        let plain = Scenario::base(Some(Preset::GuideLarge));
        assert_eq!(plain.to_query(), "v=1&preset=guide-large");
        assert_eq!(Scenario::from_query(&plain.to_query()).0, plain);
        // Leaving the guide's m5.large for auto must be written down.
        let auto = Scenario::from_query("preset=guide-large&it=auto").0;
        assert_eq!(auto.options.instance_type, None);
        assert_eq!(auto.to_query(), "v=1&preset=guide-large&it=auto");
    }

    #[test]
    fn an_unknown_preset_is_named_and_the_rest_kept() {
        let (s, n) = Scenario::from_query("preset=huge&region=eu-west-1");
        assert_eq!(s.preset, None);
        assert_eq!(s.region.code(), "eu-west-1");
        assert!(n.iter().any(|n| n.field == "preset"));
    }

    #[test]
    fn embed_round_trips_and_a_bad_one_is_named() {
        let (s, n) = Scenario::from_query("embed=breakeven&preset=web-app");
        assert!(n.is_empty());
        assert_eq!(s.embed, Some(crate::embed::Embed::Breakeven));
        assert_eq!(s.to_query(), "v=1&embed=breakeven&preset=web-app");
        let (s, n) = Scenario::from_query("embed=chrome");
        assert_eq!(s.embed, None);
        assert_eq!(n[0].field, "embed");
    }

    #[test]
    fn a_link_is_adjusted_as_the_app_adjusts_an_edit() {
        let (s, n) =
            Scenario::from_query("svc=w~1~1~2~arm~windows&region=ca-central-1&it=m7a.large");
        assert_eq!(s.services[0].arch, Arch::X86);
        assert_eq!(s.options.instance_type, None);
        assert_eq!(
            n.iter().filter(|n| n.field == "adjusted").count(),
            2,
            "{n:?}"
        );
    }

    #[test]
    fn last_repeated_value_wins() {
        let (s, _) = Scenario::from_query("tab=cost&tab=data");
        assert_eq!(s.tab, Tab::Data);
    }

    #[test]
    fn too_many_services_are_capped_with_one_notice() {
        let q: Vec<String> = (0..limits::MAX_SERVICES + 5)
            .map(|i| format!("svc=s{i}~1~1~2"))
            .collect();
        let (s, n) = Scenario::from_query(&q.join("&"));
        assert_eq!(s.services.len(), limits::MAX_SERVICES);
        assert_eq!(n.iter().filter(|n| n.field == "svc").count(), 1);
    }

    #[test]
    fn sim_inputs_round_trip_after_the_requirements_and_defaults_are_omitted() {
        let q = "v=1&spot=40&use=batch&traffic=spike&rps=250.5&peak=4&spk=600~45\
                 &rpt=80&tgt=60&min=3&img=large&pess=1";
        let (s, n) = Scenario::from_query(q);
        assert!(n.is_empty(), "{n:?}");
        let sim = &s.sim;
        assert_eq!(sim.traffic, sim::Traffic::Spike);
        assert_eq!(
            (sim.rps, sim.peak, sim.rpt, sim.tgt_pct),
            (250.5, 4.0, 80.0, 60.0)
        );
        assert_eq!(
            (sim.spike_start_min, sim.spike_len_min, sim.min_tasks),
            (600, 45, 3)
        );
        assert!(sim.img == sim::Image::Large && sim.pessimistic);
        assert_eq!(s.to_query(), q);
        assert_eq!(Scenario::from_query(&s.to_query()).0, s);
        // Defaults written out are left out; an encoded separator still reads.
        let (s, n) = Scenario::from_query("traffic=daily&rps=100&spk=720%7E30&img=small&pess=0");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.to_query(), "v=1");
        // A preset is the base for the simulation's keys too.
        let (s, _) = Scenario::from_query("preset=web-app&TRAFFIC=Step");
        assert_eq!(s.to_query(), "v=1&preset=web-app&traffic=step");
    }

    #[test]
    fn a_bad_sim_input_keeps_its_default_and_is_named() {
        for (query, field, kept) in [
            ("traffic=bursty", "traffic", "using daily"),
            ("rps=-1", "rps", "using 100"),
            ("rps=NaN", "rps", "using 100"),
            ("peak=0.5", "peak", "using 3"),
            ("spk=1440~30", "spk", "using 720~30"),
            ("spk=600~0", "spk", "using 720~30"),
            ("spk=600", "spk", "using 720~30"),
            ("rpt=0", "rpt", "using 50"),
            ("tgt=101", "tgt", "using 70"),
            ("min=2.5", "min", "using 2"),
            ("img=huge", "img", "using small"),
            ("pess=yes", "pess", "using 0"),
        ] {
            let (s, n) = Scenario::from_query(&format!("{query}&zero=1&rpt=20"));
            let n: Vec<_> = n
                .into_iter()
                .filter(|n| n.field != "rpt" || field == "rpt")
                .collect();
            assert!(
                n.iter()
                    .any(|n| n.field == field && n.message.contains(kept)),
                "{query}: {n:?}"
            );
            assert!(s.requirements.zero, "{query}: the other keys are kept");
            assert_eq!(s.sim.rpt, 20.0, "{query}");
        }
    }

    #[test]
    fn every_key_the_encoder_writes_is_known() {
        let q = "v=1&tab=data&embed=matrix&preset=graviton&region=eu-west-1&svc=a~1~1~2\
                 &it=m5.large&net=bridge&spot=1&fspot=1&sp=1&head=1&hostres=1&ebs=1&eph=21\
                 &ds=1~1&clusters=2&eksv=ext&lcu=2&active=1&req=1&dur=1&use=batch&k8s=1\
                 &ops=full&cost=critical&cx=high&gpu=1&win=1&priv=1&stateful=1&iso=1&zero=1\
                 &long=1&kexp=1&traffic=spike&rps=1&peak=2&spk=1~1&rpt=1&tgt=11&min=1\
                 &img=large&pess=1";
        let (s, n) = Scenario::from_query(q);
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.to_query(), q);
        for pair in q.split('&').filter(|p| !p.starts_with("svc=")) {
            let key = pair.split_once('=').map_or(pair, |(k, _)| k);
            assert!(known(key), "{key}");
        }
    }

    #[test]
    fn price_overrides_round_trip_in_key_order_and_bad_ones_are_named() {
        let (s, n) = Scenario::from_query("p.fee.alb_hour=0.03&p.ec2.m5.large=0.05");
        assert!(n.is_empty(), "{n:?}");
        assert_eq!(s.to_query(), "v=1&p.ec2.m5.large=0.05&p.fee.alb_hour=0.03");
        let (s, n) = Scenario::from_query(
            "p.ec2.m99.huge=1&p.ec2.m5.large=-1&p.limit.lambda_max_memory_mib=1",
        );
        assert!(s.overrides.is_empty());
        assert_eq!(n.len(), 3, "{n:?}");
    }

    #[test]
    fn sim_keys_clash_with_no_other_key() {
        let mut keys: Vec<&str> = vec!["v", "tab", "region", "preset", "svc"];
        keys.extend(options::FIELDS.iter().map(|f| f.key));
        keys.extend(requirements::FIELDS.iter().map(|f| f.key));
        keys.extend(sim::FIELDS.iter().map(|f| f.key));
        let mut unique = keys.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), keys.len(), "{keys:?}");
    }
}
