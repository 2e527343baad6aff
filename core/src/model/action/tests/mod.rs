//! Tests of `action` (in their own file: test code may unwrap).

use super::*;

fn edit(index: usize, field: ServiceField, text: &str) -> Action {
    Action::EditService {
        index,
        field,
        text: text.into(),
    }
}

#[test]
fn edits_change_only_their_field() {
    let mut s = Scenario::default();
    s.apply(edit(0, ServiceField::Tasks, "7")).unwrap();
    assert_eq!(s.services[0].tasks, 7);
    assert_eq!(s.services[0].vcpu, Service::default().vcpu);
}

#[test]
fn invalid_text_is_refused_and_leaves_the_scenario_unchanged() {
    let mut s = Scenario::default();
    let before = s.clone();
    for (field, text) in [
        (ServiceField::Tasks, "1.5"),
        (ServiceField::Tasks, "-"),
        (ServiceField::Vcpu, ""),
        (ServiceField::Hours, "745"),
        (ServiceField::Arch, "sparc"),
    ] {
        assert!(s.apply(edit(0, field, text)).is_err(), "{field:?} {text}");
        assert_eq!(s.services, before.services);
    }
}

#[test]
fn a_number_mid_typing_is_accepted() {
    // "1." is what a user has typed on the way to "1.5": it reads as 1.
    let mut s = Scenario::default();
    s.apply(edit(0, ServiceField::Vcpu, "1.")).unwrap();
    assert_eq!(s.services[0].vcpu, 1.0);
}

#[test]
fn add_duplicate_remove() {
    let mut s = Scenario::default();
    s.apply(Action::AddService).unwrap();
    s.apply(Action::DuplicateService(1)).unwrap();
    assert_eq!(s.services.len(), 3);
    assert_eq!(s.services[1], s.services[2]);
    s.apply(Action::RemoveService(0)).unwrap();
    assert_eq!(s.services.len(), 2);
    assert!(s.apply(Action::RemoveService(9)).is_err());
    assert!(s.apply(edit(9, ServiceField::Name, "x")).is_err());
}

#[test]
fn options_are_set_by_key_and_checked() {
    let mut s = Scenario::default();
    let set = |key: &str, text: &str| Action::SetOption {
        field: crate::options::field(key).unwrap(),
        text: text.into(),
    };
    s.apply(set("spot", "30")).unwrap();
    assert_eq!(s.options.spot_pct, 30.0);
    assert!(s.apply(set("spot", "130")).is_err());
    // A field is a handle into the table: an unknown key has none.
    assert!(crate::options::field("nope").is_none());
    assert_eq!(s.options.spot_pct, 30.0);
}

#[test]
fn a_preset_keeps_the_region_requirements_and_simulation() {
    let (s, _) = Scenario::from_query("region=eu-west-1&use=k8s&gpu=1&rps=500&spot=20");
    let mut next = s.clone();
    next.apply(Action::SetPreset(Some(Preset::Microservices)))
        .unwrap();
    assert_eq!(next.region, s.region);
    assert_eq!(next.requirements, s.requirements);
    assert_eq!(next.sim, s.sim);
    assert_eq!(next.services.len(), 12);
    // The options are the preset's.
    assert_eq!(next.options.spot_pct, 0.0);
}

#[test]
fn a_preset_replaces_the_workload_but_keeps_the_panel() {
    let mut s = Scenario {
        tab: Tab::Cost,
        ..Scenario::default()
    };
    s.apply(Action::SetPreset(Some(Preset::GuideSmall)))
        .unwrap();
    assert_eq!(s.tab, Tab::Cost);
    assert_eq!(s.services[0].tasks, 1000);
    s.apply(Action::SetPreset(None)).unwrap();
    assert_eq!(
        s,
        Scenario {
            tab: Tab::Cost,
            ..Scenario::default()
        }
    );
}

#[test]
fn requirements_are_set_by_key_and_checked() {
    let mut s = Scenario::default();
    s.apply(Action::SetRequirement {
        field: crate::requirements::field("gpu").unwrap(),
        text: "1".into(),
    })
    .unwrap();
    assert!(s.requirements.gpu);
    assert!(s
        .apply(Action::SetRequirement {
            field: crate::requirements::field("gpu").unwrap(),
            text: "yes".into()
        })
        .is_err());
    assert!(s.requirements.gpu);
}

#[test]
fn dependent_inputs_are_adjusted_and_the_change_is_said() {
    let mut s = Scenario::default();
    s.apply(edit(0, ServiceField::Arch, "arm")).unwrap();
    s.apply(edit(0, ServiceField::Os, "windows")).unwrap();
    let notes = s.adjust();
    assert_eq!(s.services[0].arch, Arch::X86);
    assert!(notes[0].contains("x86"));
    s.apply(Action::SetOption {
        field: crate::options::field("it").unwrap(),
        text: "m7a.large".into(),
    })
    .unwrap();
    s.apply(Action::SetRegion(
        crate::region::RegionId::from_code("ca-central-1").unwrap(),
    ))
    .unwrap();
    assert!(s.adjust()[0].contains("auto"));
    assert_eq!(s.options.instance_type, None);
    assert!(s.adjust().is_empty());
}

#[test]
fn simulation_inputs_are_set_by_key_and_checked() {
    let mut s = Scenario::default();
    s.apply(Action::SetSim {
        field: crate::sim::field("rps").unwrap(),
        text: "250".into(),
    })
    .unwrap();
    assert!(s.to_query().contains("rps=250"));
    assert!(s
        .apply(Action::SetSim {
            field: crate::sim::field("rps").unwrap(),
            text: "-1".into()
        })
        .is_err());
    assert!(crate::sim::field("zz").is_none());
}

#[test]
fn overrides_are_set_and_cleared() {
    let mut s = Scenario::default();
    let set = |t: &str| Action::SetOverride {
        key: crate::pricebook::price_key("ec2.m5.large").unwrap(),
        text: t.into(),
    };
    s.apply(set("0.05")).unwrap();
    assert_eq!(s.overrides.len(), 1);
    assert!(s.apply(set("abc")).is_err());
    s.apply(set("")).unwrap();
    assert!(s.overrides.is_empty());
}

#[test]
fn unknown_region_is_refused() {
    let mut s = Scenario::default();
    // A region is an id: an unknown code has none, so no action can carry it.
    assert!(crate::region::RegionId::from_code("mars-1").is_none());
    s.apply(Action::SetRegion(
        crate::region::RegionId::from_code("eu-west-1").unwrap(),
    ))
    .unwrap();
    assert_eq!(s.region.code(), "eu-west-1");
}

#[test]
fn pasted_notations_are_read_as_meant_and_the_rest_refused() {
    let mut s = Scenario::default();
    for (field, text, want) in [
        (ServiceField::Vcpu, "500m", 0.5),
        (ServiceField::Vcpu, "250m", 0.25),
        (ServiceField::MemoryGib, "512Mi", 0.5),
        (ServiceField::MemoryGib, "1536Mi", 1.5),
    ] {
        s.apply(edit(0, field, text)).unwrap();
        let got = match field {
            ServiceField::Vcpu => s.services[0].vcpu,
            _ => s.services[0].memory_gib,
        };
        assert_eq!(got, want, "{text}");
    }
    s.apply(edit(0, ServiceField::Tasks, "1,000")).unwrap();
    assert_eq!(s.services[0].tasks, 1000);
    let opt = |key: &str, text: &str| Action::SetOption {
        field: crate::options::field(key).unwrap(),
        text: text.into(),
    };
    s.apply(opt("spot", "30%")).unwrap();
    assert_eq!(s.options.spot_pct, 30.0);
    s.apply(opt("req", "1,000,000")).unwrap();
    assert_eq!(s.options.requests_per_month, Some(1e6));
    // Half-typed or foreign text is refused, and the value in force stays.
    let before = s.clone();
    for (field, text) in [
        (ServiceField::Vcpu, "500mm"),
        (ServiceField::MemoryGib, "512Mo"),
        (ServiceField::Tasks, "1,00"),
    ] {
        assert!(s.apply(edit(0, field, text)).is_err(), "{text}");
    }
    assert!(s.apply(opt("sp", "3 years")).is_err());
    assert_eq!(s, before);
}

#[test]
fn decimal_memory_units_are_converted_with_a_note() {
    let (gib, note) = Service::read_memory_gib("1G").unwrap();
    assert!((gib - 0.931).abs() < 1e-3, "{gib}");
    assert!(note.unwrap().contains("decimal"));
    assert_eq!(Service::read_memory_gib("1Gi").unwrap(), (1.0, None));
}

#[test]
fn assumptions_name_every_option_off_its_default() {
    let (s, _) = Scenario::from_query("spot=50&sp=20&it=m5.large&p.ec2.m5.large=0.05");
    assert_eq!(
        s.assumptions(),
        vec![
            "EC2 instance type (auto = cheapest that fits): m5.large".to_string(),
            "EC2 Spot share 50%".to_string(),
            "Savings Plan discount 20%".to_string(),
            "1 price overridden".to_string(),
        ]
    );
    assert!(Scenario::default().assumptions().is_empty());
    // A preset's own options are its base, not assumptions.
    let (guide, _) = Scenario::from_query("preset=guide-small");
    assert!(guide.assumptions().is_empty(), "{:?}", guide.assumptions());
}

#[test]
fn copies_are_edited_like_any_field_and_never_pass_the_service_limit() {
    let mut s = Scenario::default();
    s.apply(edit(0, ServiceField::Copies, "12")).unwrap();
    assert_eq!((s.services.len(), s.service_count()), (1, 12));
    for bad in ["0", "1.5", "201", "twelve"] {
        assert!(
            s.apply(edit(0, ServiceField::Copies, bad)).is_err(),
            "{bad}"
        );
    }
    s.apply(edit(0, ServiceField::Copies, "200")).unwrap();
    let at_limit = s.clone();
    let err = s.apply(Action::AddService).unwrap_err();
    assert!(err.contains("counting copies"), "{err}");
    assert!(s.apply(Action::DuplicateService(0)).is_err());
    assert_eq!(s, at_limit);
    s.apply(edit(0, ServiceField::Copies, "100")).unwrap();
    s.apply(Action::DuplicateService(0)).unwrap();
    assert_eq!(s.service_count(), 200);
    assert!(s.apply(edit(1, ServiceField::Copies, "101")).is_err());
}
