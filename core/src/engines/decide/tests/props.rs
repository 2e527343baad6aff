//! Properties of the decision engine over generated requirements and
//! workloads: exclusion and ranking partition the platforms, the answer is
//! deterministic, and dropping a requirement never rules more out.

use proptest::prelude::*;

use super::super::*;
use crate::requirements::{Complexity, CostPriority, Ops, UseCase};
use crate::scenario::{Arch, Os, Service};

fn requirements() -> impl Strategy<Value = Requirements> {
    (
        prop::sample::select(UseCase::ALL.to_vec()),
        prop::sample::select(Ops::ALL.to_vec()),
        prop::sample::select(CostPriority::ALL.to_vec()),
        prop::sample::select(Complexity::ALL.to_vec()),
        prop::array::uniform9(any::<bool>()),
    )
        .prop_map(|(use_case, ops, cost, cx, f)| Requirements {
            use_case,
            ops,
            cost,
            cx,
            k8s: f[0],
            gpu: f[1],
            win: f[2],
            privileged: f[3],
            stateful: f[4],
            iso: f[5],
            zero: f[6],
            long: f[7],
            kexp: f[8],
        })
}

fn service() -> impl Strategy<Value = Service> {
    (
        0u32..50,
        prop::sample::select(vec![0.25, 0.5, 1.0, 2.0, 4.0, 16.0, 17.0]),
        prop::sample::select(vec![0.5, 1.0, 4.0, 10.0, 12.0, 120.0, 200.0]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(tasks, vcpu, memory_gib, arm, windows)| Service {
            name: "s".to_string(),
            tasks,
            vcpu,
            memory_gib,
            arch: if arm { Arch::Arm } else { Arch::X86 },
            os: if windows { Os::Windows } else { Os::Linux },
            ..Service::default()
        })
}

fn scenario() -> impl Strategy<Value = Scenario> {
    (
        requirements(),
        prop::collection::vec(service(), 0..3),
        any::<bool>(),
    )
        .prop_map(|(requirements, services, requests)| {
            let mut s = Scenario {
                requirements,
                services,
                ..Scenario::default()
            };
            if requests {
                s.options.requests_per_month = Some(1e6);
                s.options.duration_ms = Some(100.0);
            }
            s
        })
}

fn excluded_ids(d: &Decision) -> Vec<Platform> {
    d.excluded.iter().map(|e| e.id).collect()
}

/// Every way of dropping one requirement: each set flag cleared.
fn relaxations(r: &Requirements) -> Vec<Requirements> {
    let mut out = Vec::new();
    let flags: [fn(&mut Requirements) -> &mut bool; 9] = [
        |r| &mut r.k8s,
        |r| &mut r.gpu,
        |r| &mut r.win,
        |r| &mut r.privileged,
        |r| &mut r.stateful,
        |r| &mut r.iso,
        |r| &mut r.zero,
        |r| &mut r.long,
        |r| &mut r.kexp,
    ];
    for flag in flags {
        let mut relaxed = r.clone();
        let slot = flag(&mut relaxed);
        if *slot {
            *slot = false;
            out.push(relaxed);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn excluded_and_ranked_partition_the_platforms(s in scenario()) {
        let d = decide(&s);
        let excluded = excluded_ids(&d);
        for r in &d.ranking {
            prop_assert!(!excluded.contains(&r.id), "{:?} is excluded and ranked", r.id);
            prop_assert!(r.score.is_finite() && (0.0..=10.0).contains(&r.score));
        }
        prop_assert_eq!(excluded.len() + d.ranking.len(), Platform::ALL.len());
        prop_assert!(excluded.contains(&Platform::AppRunner), "legacy is never ranked");
        prop_assert!(d.ranking.windows(2).all(|w| w[0].score >= w[1].score));
    }

    #[test]
    fn the_decision_is_deterministic(s in scenario()) {
        prop_assert_eq!(decide(&s), decide(&s.clone()));
    }

    #[test]
    fn dropping_a_requirement_never_excludes_more(s in scenario()) {
        let before = excluded_ids(&decide(&s));
        for relaxed in relaxations(&s.requirements) {
            let after = excluded_ids(&decide(&Scenario { requirements: relaxed.clone(), ..s.clone() }));
            for p in &after {
                prop_assert!(before.contains(p), "{:?} newly excluded by {:?}", p, relaxed);
            }
        }
    }

    #[test]
    fn soft_requirements_exclude_nothing(s in scenario(), ops in prop::sample::select(Ops::ALL.to_vec())) {
        let before = excluded_ids(&decide(&s));
        let mut r = s.requirements.clone();
        r.ops = ops;
        r.kexp = !r.kexp;
        r.zero = !r.zero;
        let after = excluded_ids(&decide(&Scenario { requirements: r, ..s.clone() }));
        prop_assert_eq!(before, after);
    }

    #[test]
    fn any_requirement_text_decodes_and_decides(key in prop::sample::select(vec!["use", "k8s", "ops", "cost", "cx", "gpu", "priv"]), value in ".{0,12}") {
        let (s, _) = Scenario::from_query(&format!("{key}={}", crate::text::percent_encode(&value)));
        let d = decide(&s);
        prop_assert!(!d.guide_rule.path.is_empty());
    }
}
