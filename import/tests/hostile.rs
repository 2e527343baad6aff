//! Whatever a user pastes, the importer answers (an import or an error
//! naming a line) and never panics: a panic in the page's module would
//! lose the user's paste.

use berth_core::Scenario;
use berth_import::{import, Options, Source};
use proptest::prelude::*;

/// Pieces of the files the importer reads, to be shuffled into near-miss
/// manifests.
const PIECES: &[&str] = &[
    "---\n",
    "kind: Deployment\n",
    "kind: List\nitems:\n",
    "- kind: Pod\n",
    "metadata:\n  name: x\n",
    "spec:\n",
    "  replicas: 3\n",
    "  replicas: -1\n",
    "  replicas: 1e99\n",
    "  replicas: 4000000000\n",
    "  template:\n    spec:\n",
    "      containers:\n",
    "        - resources:\n",
    "            requests: {cpu: 500m, memory: 1Gi}\n",
    "            limits: {cpu: 1e400, memory: 99999999Ei}\n",
    "      initContainers: [{restartPolicy: Always}]\n",
    "kind: CronJob\n",
    "  schedule: '*/0 * * * *'\n",
    "  schedule: '@daily'\n",
    "kind: HorizontalPodAutoscaler\n",
    "  scaleTargetRef: {kind: Deployment, name: x}\n",
    "  maxReplicas: 0\n",
    "services:\n",
    "  web:\n",
    "    deploy: {replicas: 2, resources: {limits: {cpus: '0.5', memory: 512M}}}\n",
    "{\"containerDefinitions\": [",
    "{\"cpu\": 256, \"memory\": 512}",
    "]}",
    "\"cpu\": \"1 vCPU\"",
    "&a {x: 1}\n",
    "<<: *a\n",
    "*a\n",
    "\t",
    ":\n",
    "? [a, b]\n",
    "!!binary aGk=\n",
    "\u{0}",
    "é",
    "'unterminated\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn shuffled_manifests_never_panic(picks in prop::collection::vec(0..PIECES.len(), 0..40)) {
        let text: String = picks.iter().filter_map(|i| PIECES.get(*i)).copied().collect();
        let sources = [Source { name: "pasted", text: &text }];
        match import(&sources, &Scenario::default(), Options::default()) {
            Ok(i) => {
                // Whatever was imported survives the link.
                let (back, notices) = Scenario::from_query(&i.scenario.to_query());
                prop_assert!(notices.is_empty(), "{:?}", notices);
                prop_assert_eq!(back.services, i.scenario.services);
            }
            Err(e) => prop_assert!(e.to_string().starts_with("pasted:"), "{}", e),
        }
    }

    #[test]
    fn any_text_never_panics(text in "\\PC{0,400}") {
        let sources = [Source { name: "pasted", text: &text }];
        let _ = import(&sources, &Scenario::default(), Options::default());
    }
}
