//! Tests of the codec (in their own file: test code may unwrap).

use super::decode::known;
use super::*;
use crate::preset::Preset;
use crate::region;
use crate::scenario::{limits, Arch, Os, Tab};

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
    let (s, n) = Scenario::from_query("https://x.example/berth/?tab=cost&region=ap-south-1#top");
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
    let (s, n) = Scenario::from_query("svc=w~1~1~2~arm~windows&region=ca-central-1&it=m7a.large");
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
    let (s, n) =
        Scenario::from_query("p.ec2.m99.huge=1&p.ec2.m5.large=-1&p.limit.lambda_max_memory_mib=1");
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

#[test]
fn a_row_of_copies_round_trips_and_old_links_keep_their_meaning() {
    let q = "svc=api~3~0.25~0.5~x86~linux~730~12";
    let (s, notices) = Scenario::from_query(q);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(s.services.len(), 1);
    assert_eq!((s.services[0].copies, s.service_count()), (12, 12));
    assert_eq!(s.to_query(), format!("v=1&{q}"));
    // A link of seven fields is one service, as it always was.
    let (s, _) = Scenario::from_query("svc=api~3~0.25~0.5~x86~linux~730");
    assert_eq!(s.services[0].copies, 1);
    assert_eq!(s.to_query(), "v=1&svc=api~3~0.25~0.5");
    // A bad count is named, and the row stays one service.
    let (s, notices) = Scenario::from_query("svc=api~3~0.25~0.5~x86~linux~730~lots");
    assert_eq!(s.services[0].copies, 1);
    assert!(
        notices.iter().any(|n| n.field == "svc[1].copies"),
        "{notices:?}"
    );
}

#[test]
fn copies_count_towards_the_service_limit() {
    let max = limits::MAX_SERVICES;
    let q = format!(
        "svc=a~1~1~2~x86~linux~730~{}&svc=b~1~1~2~x86~linux~730~5",
        max - 2
    );
    let (s, notices) = Scenario::from_query(&q);
    assert_eq!(s.service_count(), max);
    assert_eq!(s.services[1].copies, 2, "the second row keeps what fits");
    assert!(
        notices.iter().any(|n| n.field == "svc[2].copies"),
        "{notices:?}"
    );
    let (s, notices) = Scenario::from_query(&format!("{q}&svc=c~1~1~2"));
    assert_eq!((s.services.len(), s.service_count()), (2, max));
    assert!(!notices.is_empty());
}
