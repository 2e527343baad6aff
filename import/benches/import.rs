//! Import speed: a chart's worth of manifests — 200 Deployments, each with
//! an app container and a sidecar, as `helm template` prints them (≈ 120
//! KB) — read, sized and written into a link. ≈ 7 ms natively here (2026-12-02,
//! most of it YAML parsing); the page's module runs the same code in wasm,
//! a few times slower, once per paste.

use berth_core::Scenario;
use berth_import::{import, Options, Source};
use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn manifests(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "---\n# Source: chart/templates/svc-{i}.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-{i}\nspec:\n  replicas: {}\n  template:\n    spec:\n      initContainers:\n        - name: envoy\n          restartPolicy: Always\n          resources:\n            requests: {{cpu: 100m, memory: 128Mi}}\n      containers:\n        - name: app\n          image: example/svc-{i}:1.0\n          resources:\n            requests:\n              cpu: {}m\n              memory: {}Mi\n            limits:\n              cpu: \"2\"\n              memory: 4Gi\n",
                1 + i % 5,
                250 + 50 * (i % 8),
                256 * (1 + i % 4)
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let text = manifests(200);
    let base = Scenario::default();
    c.bench_function(
        "import 200 Deployments with sidecars (helm template)",
        |b| {
            b.iter(|| {
                let sources = [Source {
                    name: "chart.yaml",
                    text: &text,
                }];
                let imported = import(&sources, &base, Options::default());
                black_box(imported.map(|i| i.scenario.to_query()))
            })
        },
    );
}

criterion_group!(benches, bench);
criterion_main!(benches);
