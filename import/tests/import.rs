//! The importer on real-shaped files: what `helm template`, `kubectl get
//! -o json`, compose and the two ECS task-definition commands print.

use berth_core::units::DAYS_PER_MONTH;
use berth_core::{Arch, Os, Scenario, Service};
use berth_import::{import, ImportError, Imported, Options, Source};

const GIB: f64 = 1024.0 * 1024.0 * 1024.0;

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(names: &[&str]) -> Imported {
    read_with(names, Options::default()).unwrap_or_else(|e| panic!("{e}"))
}

fn read_with(names: &[&str], options: Options) -> Result<Imported, ImportError> {
    let texts: Vec<(String, String)> = names.iter().map(|n| (n.to_string(), fixture(n))).collect();
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    import(&sources, &Scenario::default(), options)
}

fn service<'a>(i: &'a Imported, name: &str) -> &'a Service {
    i.scenario
        .services
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("no service {name} in {:?}", i.scenario.services))
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

fn said(lines: &[berth_import::Said], needle: &str) -> bool {
    lines.iter().any(|l| l.to_string().contains(needle))
}

#[test]
fn a_deployment_with_a_sidecar_sums_its_containers_and_the_sidecar() {
    let i = read(&["helm-template.yaml"]);
    let web = service(&i, "web");
    // app 250m + log shipper 50m + envoy sidecar 100m; 512 + 64 + 128 MiB.
    assert!(close(web.vcpu, 0.4), "{}", web.vcpu);
    assert!(close(web.memory_gib, 704.0 / 1024.0), "{}", web.memory_gib);
    assert_eq!(web.arch, Arch::Arm);
}

#[test]
fn an_autoscaler_prices_its_minimum_and_sets_the_simulation() {
    let i = read(&["helm-template.yaml"]);
    assert_eq!(service(&i, "web").tasks, 2);
    assert_eq!(
        (i.scenario.sim.min_tasks, i.scenario.sim.max_tasks),
        (2, 10)
    );
    assert!(
        said(&i.notes, "autoscaler range: 2 to 10 tasks"),
        "{:?}",
        i.notes
    );
    assert!(
        said(&i.notes, "autoscaled from 2 to 10 pods"),
        "{:?}",
        i.notes
    );
}

#[test]
fn a_statefulset_with_only_limits_is_sized_by_them() {
    let i = read(&["helm-template.yaml"]);
    let db = service(&i, "db");
    assert_eq!((db.tasks, db.vcpu, db.memory_gib), (2, 1.0, 2.0));
    assert!(i.scenario.requirements.stateful);
}

#[test]
fn an_init_container_larger_than_the_app_sizes_the_pod() {
    let i = read(&["helm-template.yaml"]);
    let w = service(&i, "worker");
    assert_eq!((w.vcpu, w.memory_gib), (2.0, 4.0));
    assert!(said(&i.notes, "init container warm-cache"), "{:?}", i.notes);
}

#[test]
fn a_daemonset_is_one_pod_on_each_zones_node_and_says_so() {
    let i = read(&["helm-template.yaml"]);
    let agent = service(&i, "node-agent");
    assert_eq!(agent.tasks, Scenario::default().options.az);
    assert!(
        said(&i.notes, "node-agent: one pod per node"),
        "{:?}",
        i.notes
    );
}

#[test]
fn a_cronjob_runs_its_schedule_times_its_deadline() {
    let i = read(&["helm-template.yaml"]);
    let report = service(&i, "report");
    // Every 30 minutes, 10 minutes a run; memory 1e9 bytes.
    assert!(
        close(report.hours, 48.0 * DAYS_PER_MONTH / 6.0),
        "{}",
        report.hours
    );
    assert!(close(report.memory_gib, 1e9 / GIB));
}

#[test]
fn a_job_runs_its_parallelism_for_an_hour_that_is_said() {
    let i = read(&["helm-template.yaml"]);
    let job = service(&i, "backfill");
    assert_eq!((job.tasks, job.vcpu, job.hours), (4, 0.5, 1.0));
    assert!(close(job.memory_gib, 1.5e9 / GIB));
    assert!(said(&i.notes, "Job backfill: no activeDeadlineSeconds"));
}

#[test]
fn a_gpu_limit_makes_a_gpu_requirement() {
    let i = read(&["helm-template.yaml"]);
    assert_eq!(service(&i, "train").vcpu, 4.0);
    assert!(i.scenario.requirements.gpu);
}

#[test]
fn non_workloads_and_unsized_pods_are_listed_with_file_and_line() {
    let i = read(&["helm-template.yaml"]);
    assert!(
        said(
            &i.skipped,
            "helm-template.yaml:3: Service web: not a workload"
        ),
        "{:?}",
        i.skipped
    );
    assert!(said(&i.skipped, "ConfigMap web-config: not a workload"));
    assert!(
        said(&i.skipped, "Deployment debug gives no CPU size"),
        "{:?}",
        i.skipped
    );
    assert_eq!(i.scenario.services.len(), 7, "{:?}", i.scenario.services);
    assert!(i.scenario.services.iter().all(|s| s.name != "debug"));
}

#[test]
fn a_kubectl_list_in_json_reads_its_items_and_their_windows_affinity() {
    let i = read(&["kubectl-list.json"]);
    let api = service(&i, "api");
    assert_eq!(
        (api.tasks, api.vcpu, api.memory_gib, api.os),
        (4, 1.0, 2.0, Os::Windows)
    );
    assert!(i.scenario.requirements.win);
    // JSON keeps its lines too: the item starts on line 4.
    assert!(
        said(&i.services, "kubectl-list.json:4: api"),
        "{:?}",
        i.services
    );
}

#[test]
fn compose_sizes_by_reservations_then_limits_in_binary_units() {
    let i = read(&["compose.yaml"]);
    let web = service(&i, "web");
    assert_eq!(
        (web.tasks, web.vcpu, web.memory_gib, web.arch),
        (3, 0.5, 0.5, Arch::Arm)
    );
    // `<<: *small` brings the shared reservations.
    let cache = service(&i, "cache");
    assert_eq!((cache.vcpu, cache.memory_gib), (0.25, 0.25));
    let queue = service(&i, "queue");
    assert_eq!((queue.tasks, queue.vcpu, queue.memory_gib), (2, 1.0, 2.0));
    assert!(
        said(&i.notes, "or by limits where none is given (queue)"),
        "{:?}",
        i.notes
    );
    assert_eq!(service(&i, "agent").tasks, Scenario::default().options.az);
    assert!(
        said(&i.skipped, "service adminer gives no CPU size"),
        "{:?}",
        i.skipped
    );
}

#[test]
fn a_register_task_definition_input_reads_its_task_size_in_words() {
    let i = read(&["register-task-definition.json"]);
    let t = service(&i, "checkout");
    assert_eq!(
        (t.tasks, t.vcpu, t.memory_gib, t.arch),
        (1, 1.0, 3.0, Arch::Arm)
    );
    assert!(
        said(
            &i.notes,
            "register-task-definition.json:1: task definition checkout"
        ),
        "{:?}",
        i.notes
    );
}

#[test]
fn a_describe_task_definition_output_sums_its_containers() {
    let i = read_with(
        &["describe-task-definition.json"],
        Options { ecs_tasks: Some(3) },
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let t = service(&i, "billing");
    // 512 + 128 units; memory 1024 (hard) + 256 (reservation) MiB.
    assert_eq!((t.tasks, t.vcpu, t.memory_gib), (3, 0.625, 1.25));
    assert!(said(&i.notes, "requires EC2"), "{:?}", i.notes);
    assert!(!said(&i.notes, "priced as 1 task"));
}

#[test]
fn a_windows_task_definition_is_a_windows_service() {
    let i = read(&["windows-task-definition.json"]);
    let t = service(&i, "legacy-iis");
    assert_eq!((t.vcpu, t.memory_gib, t.os), (1.0, 2.0, Os::Windows));
    assert!(i.scenario.requirements.win);
}

#[test]
fn a_broken_yaml_names_its_file_and_line_and_imports_nothing() {
    let err = read_with(&["compose.yaml", "broken.yaml"], Options::default())
        .expect_err("broken.yaml must not import");
    assert_eq!(err.0.at.file, "broken.yaml");
    assert_eq!(err.0.at.line, 7, "{err}");
}

#[test]
fn a_broken_json_names_its_line() {
    let sources = [Source {
        name: "td.json",
        text: "{\n  \"family\": \"x\",\n  \"cpu\": 256,,\n}",
    }];
    let err = import(&sources, &Scenario::default(), Options::default()).expect_err("broken");
    assert_eq!(
        err.to_string().split(':').take(2).collect::<Vec<_>>(),
        ["td.json", "3"]
    );
}

#[test]
fn several_files_import_together_and_keep_the_base_settings() {
    let mut base = Scenario::default();
    base.options.az = 3;
    let texts = [
        fixture("compose.yaml"),
        fixture("register-task-definition.json"),
    ];
    let sources = [
        Source {
            name: "compose.yaml",
            text: &texts[0],
        },
        Source {
            name: "td.json",
            text: &texts[1],
        },
    ];
    let i = import(&sources, &base, Options::default()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(i.scenario.services.len(), 5);
    assert_eq!(i.scenario.options.az, 3);
    assert_eq!(service(&i, "agent").tasks, 3);
    // The link carries the workload: it decodes back to the same services.
    let (back, notices) = Scenario::from_query(&i.scenario.to_query());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.services, i.scenario.services);
}

#[test]
fn every_imported_figure_survives_the_link() {
    let i = read(&["helm-template.yaml"]);
    let (back, notices) = Scenario::from_query(&i.scenario.to_query());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back.services, i.scenario.services);
    assert_eq!(back.requirements, i.scenario.requirements);
    assert_eq!(back.sim, i.scenario.sim);
}

#[test]
fn an_empty_or_foreign_file_imports_nothing_and_says_why() {
    let sources = [Source {
        name: "notes.yaml",
        text: "title: hello\n",
    }];
    let i = import(&sources, &Scenario::default(), Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(i.scenario.services.is_empty());
    assert!(
        said(&i.skipped, "notes.yaml:1: not a Kubernetes object"),
        "{:?}",
        i.skipped
    );
}

#[test]
fn a_suspended_cronjob_runs_nothing_and_says_so() {
    let text =
        "kind: CronJob\nmetadata:\n  name: nightly\nspec:\n  suspend: true\n  schedule: '@daily'\n";
    let sources = [Source {
        name: "cron.yaml",
        text,
    }];
    let i = import(&sources, &Scenario::default(), Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(i.scenario.services.is_empty());
    assert!(
        said(&i.skipped, "cron.yaml:1: CronJob nightly: suspended"),
        "{:?}",
        i.skipped
    );
}

#[test]
fn a_json_file_saphyr_refuses_is_still_read_by_serde_json() {
    // A duplicate key: valid for serde_json (the last wins), refused by
    // saphyr; the import goes on, without lines.
    let text = r#"{"family": "x", "family": "dup", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "a"}]}"#;
    let sources = [Source {
        name: "td.json",
        text,
    }];
    let i = import(&sources, &Scenario::default(), Options::default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(i.scenario.services.len(), 1);
    assert_eq!(i.scenario.services[0].name, "dup");
    assert!(said(&i.services, "td.json: dup"), "{:?}", i.services);
}
