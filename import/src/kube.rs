//! Kubernetes objects: the workloads (Deployment, StatefulSet, ReplicaSet,
//! ReplicationController, DaemonSet, Job, CronJob, Pod, Argo Rollout), the
//! HorizontalPodAutoscalers that scale them, and `kind: List`; any other
//! kind is skipped and listed.
//!
//! A pod's size is what the scheduler reserves for it: each container's
//! requests (its limits where a request is absent, as the API server
//! defaults them), app containers and sidecars (init containers with
//! `restartPolicy: Always`) summed, or an init container's if larger (with
//! the sidecars started before it), plus the pod's `overhead`.

use berth_core::{Arch, Os};

use crate::quantity::{kube as quantity, GIB};
use crate::tree::Node;
use crate::{cron, Count, Found, Gathered, Place};

/// Extended resources that are GPUs.
const GPU_RESOURCES: [&str; 2] = ["nvidia.com/gpu", "amd.com/gpu"];
/// Node labels that say a node's architecture and system.
const ARCH_LABELS: [&str; 2] = ["kubernetes.io/arch", "beta.kubernetes.io/arch"];
const OS_LABELS: [&str; 2] = ["kubernetes.io/os", "beta.kubernetes.io/os"];
/// Seconds in an hour.
const SECONDS_PER_HOUR: f64 = 3600.0;

/// A container's (or pod's) share: cores, bytes, GPUs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Share {
    cpu: f64,
    bytes: f64,
    gpu: f64,
}

impl Share {
    fn plus(self, o: Share) -> Share {
        Share {
            cpu: self.cpu + o.cpu,
            bytes: self.bytes + o.bytes,
            gpu: self.gpu + o.gpu,
        }
    }

    fn max(self, o: Share) -> Share {
        Share {
            cpu: self.cpu.max(o.cpu),
            bytes: self.bytes.max(o.bytes),
            gpu: self.gpu.max(o.gpu),
        }
    }
}

/// Reads one object (a `List`'s items one by one).
pub(crate) fn read(doc: &Node, file: &str, g: &mut Gathered) {
    let at = Place {
        file: file.to_string(),
        line: doc.line,
    };
    let kind = doc.text_at(&["kind"]).unwrap_or_default();
    let name = doc
        .text_at(&["metadata", "name"])
        .unwrap_or_else(|| "unnamed".to_string());
    let spec = doc.get("spec");
    match kind.as_str() {
        "List" => {
            for item in doc.get("items").map(Node::items).unwrap_or_default() {
                read(item, file, g);
            }
        }
        "Deployment" | "StatefulSet" | "ReplicaSet" | "ReplicationController" | "Rollout" => {
            let replicas = spec.and_then(|s| whole(s, "replicas")).unwrap_or(1);
            let pod = spec.and_then(|s| s.at(&["template", "spec"]));
            let mut f = workload(&kind, &name, at, pod, Count::Fixed(replicas), g);
            f.stateful = kind == "StatefulSet";
            f.target = Some(format!("{kind}/{name}"));
            g.keep(f, &kind);
        }
        "DaemonSet" => {
            let pod = spec.and_then(|s| s.at(&["template", "spec"]));
            let f = workload(&kind, &name, at, pod, Count::PerNode, g);
            g.keep(f, &kind);
        }
        "Job" => job(&name, at, spec, None, g),
        "CronJob" if spec.and_then(|s| s.text_at(&["suspend"])).as_deref() == Some("true") => {
            g.skip(
                &at,
                format!("CronJob {name}: suspended, so it runs nothing"),
            );
        }
        "CronJob" => {
            let schedule = spec.and_then(|s| s.text_at(&["schedule"]));
            let job_spec = spec.and_then(|s| s.at(&["jobTemplate", "spec"]));
            match schedule.as_deref().map(cron::runs_per_month) {
                Some(Ok(runs)) => job(&name, at, job_spec, Some(runs), g),
                Some(Err(why)) => g.skip(&at, format!("CronJob {name}: {why}")),
                None => g.skip(&at, format!("CronJob {name}: no schedule")),
            }
        }
        "Pod" => {
            let f = workload(&kind, &name, at, spec, Count::Fixed(1), g);
            g.keep(f, &kind);
        }
        "HorizontalPodAutoscaler" => autoscaler(&name, at, spec, g),
        "" => g.skip(&at, "an object with no kind".to_string()),
        other => g.skip(&at, format!("{other} {name}: not a workload")),
    }
}

/// A whole number at `key` (replicas, parallelism).
fn whole(node: &Node, key: &str) -> Option<u32> {
    node.text_at(&[key]).and_then(|t| t.parse().ok())
}

/// A Job (or a CronJob's, `runs` times a month): `parallelism` pods for
/// `activeDeadlineSeconds` (an hour a run where the manifest does not
/// bound it, said in a note).
fn job(name: &str, at: Place, spec: Option<&Node>, runs: Option<f64>, g: &mut Gathered) {
    let kind = if runs.is_some() { "CronJob" } else { "Job" };
    let parallel = spec.and_then(|s| whole(s, "parallelism")).unwrap_or(1);
    let completions = spec.and_then(|s| whole(s, "completions"));
    let pods = completions.map_or(parallel, |c| parallel.min(c.max(1)));
    let pod = spec.and_then(|s| s.at(&["template", "spec"]));
    let mut f = workload(kind, name, at.clone(), pod, Count::Fixed(pods), g);
    let deadline = spec
        .and_then(|s| s.text_at(&["activeDeadlineSeconds"]))
        .and_then(|t| t.parse::<f64>().ok())
        .map(|s| s / SECONDS_PER_HOUR);
    let per_run = deadline.unwrap_or(1.0);
    if deadline.is_none() {
        g.note(
            &at,
            format!("{kind} {name}: no activeDeadlineSeconds; each run counted as 1 hour"),
        );
    }
    let runs = runs.unwrap_or(1.0);
    let month = berth_core::HOURS_PER_MONTH;
    f.hours = (runs * per_run).min(month);
    if runs * per_run > month {
        g.note(
            &at,
            format!("{kind} {name}: its runs overlap; counted as always running"),
        );
    }
    g.keep(f, kind);
}

/// A workload of `count` pods of the template `pod`.
fn workload(
    kind: &str,
    name: &str,
    at: Place,
    pod: Option<&Node>,
    count: Count,
    g: &mut Gathered,
) -> Found {
    let mut f = Found::new(name.to_string(), at.clone());
    f.count = count;
    let Some(pod) = pod else {
        return f;
    };
    let share = pod_share(kind, name, &at, pod, g);
    f.vcpu = share.cpu;
    f.memory_gib = share.bytes / GIB;
    f.gpu = share.gpu > 0.0;
    f.privileged = containers(pod)
        .any(|c| c.text_at(&["securityContext", "privileged"]).as_deref() == Some("true"));
    let (arch, os) = placement(pod);
    if let Some(a) = arch {
        f.arch = a;
    }
    if let Some(o) = os {
        f.os = o;
    }
    f
}

/// Every container of a pod, init containers included.
fn containers(pod: &Node) -> impl Iterator<Item = &Node> {
    let list = |key| pod.get(key).map(Node::items).unwrap_or_default();
    list("containers").iter().chain(list("initContainers"))
}

/// What the scheduler reserves for one pod.
fn pod_share(kind: &str, name: &str, at: &Place, pod: &Node, g: &mut Gathered) -> Share {
    let list = |key| pod.get(key).map(Node::items).unwrap_or_default();
    let app = list("containers")
        .iter()
        .fold(Share::default(), |acc, c| acc.plus(container_share(c)));
    let mut sidecars = Share::default();
    let mut init = Share::default();
    let mut init_name = String::new();
    for c in list("initContainers") {
        let share = container_share(c);
        if c.text_at(&["restartPolicy"]).as_deref() == Some("Always") {
            sidecars = sidecars.plus(share);
        } else {
            let during = share.plus(sidecars);
            if during.cpu > init.cpu || during.bytes > init.bytes {
                init_name = c.text_at(&["name"]).unwrap_or_default();
            }
            init = init.max(during);
        }
    }
    let running = app.plus(sidecars);
    if init.cpu > running.cpu || init.bytes > running.bytes {
        g.note(
            at,
            format!(
                "{kind} {name}: init container {init_name} asks more than the running containers; the pod is sized by it, as the scheduler does"
            ),
        );
    }
    let overhead = pod.get("overhead").map(resource_list).unwrap_or_default();
    running.max(init).plus(overhead)
}

/// A container's requests, its limits standing in for an absent request.
fn container_share(c: &Node) -> Share {
    let requests = c.at(&["resources", "requests"]);
    let limits = c.at(&["resources", "limits"]);
    let pick = |res: &str| {
        requests
            .and_then(|r| r.text_at(&[res]))
            .or_else(|| limits.and_then(|l| l.text_at(&[res])))
            .and_then(|t| quantity(&t))
            .unwrap_or(0.0)
    };
    Share {
        cpu: pick("cpu"),
        bytes: pick("memory"),
        gpu: GPU_RESOURCES.iter().map(|r| pick(r)).sum(),
    }
}

/// A `ResourceList` (`cpu`, `memory`) read as a share.
fn resource_list(node: &Node) -> Share {
    let read = |res: &str| {
        node.text_at(&[res])
            .and_then(|t| quantity(&t))
            .unwrap_or(0.0)
    };
    Share {
        cpu: read("cpu"),
        bytes: read("memory"),
        gpu: 0.0,
    }
}

/// The architecture and system a pod's node selector or required node
/// affinity pins it to. A pod that may run on either architecture is left
/// on x86.
fn placement(pod: &Node) -> (Option<Arch>, Option<Os>) {
    let values = |labels: &[&str]| -> Vec<String> {
        let mut out: Vec<String> = labels
            .iter()
            .filter_map(|l| pod.get("nodeSelector").and_then(|s| s.text_at(&[l])))
            .collect();
        let terms = pod.at(&[
            "affinity",
            "nodeAffinity",
            "requiredDuringSchedulingIgnoredDuringExecution",
            "nodeSelectorTerms",
        ]);
        for term in terms.map(Node::items).unwrap_or_default() {
            for e in term
                .get("matchExpressions")
                .map(Node::items)
                .unwrap_or_default()
            {
                let key = e.text_at(&["key"]).unwrap_or_default();
                if labels.contains(&key.as_str())
                    && e.text_at(&["operator"]).as_deref() == Some("In")
                {
                    out.extend(
                        e.get("values")
                            .map(Node::items)
                            .unwrap_or_default()
                            .iter()
                            .filter_map(Node::text),
                    );
                }
            }
        }
        out
    };
    let archs = values(&ARCH_LABELS);
    let systems = values(&OS_LABELS);
    let arch = match (
        archs.iter().any(|a| a == "arm64"),
        archs.iter().any(|a| a == "amd64"),
    ) {
        (true, false) => Some(Arch::Arm),
        (_, true) => Some(Arch::X86),
        _ => None,
    };
    let os = systems
        .iter()
        .any(|s| s == "windows")
        .then_some(Os::Windows);
    (arch, os)
}

/// An autoscaler: what it scales, and between how many pods.
fn autoscaler(name: &str, at: Place, spec: Option<&Node>, g: &mut Gathered) {
    let Some(spec) = spec else {
        return g.skip(&at, format!("HorizontalPodAutoscaler {name}: no spec"));
    };
    let target = format!(
        "{}/{}",
        spec.text_at(&["scaleTargetRef", "kind"])
            .unwrap_or_default(),
        spec.text_at(&["scaleTargetRef", "name"])
            .unwrap_or_default()
    );
    let min = whole(spec, "minReplicas").unwrap_or(1);
    match whole(spec, "maxReplicas") {
        Some(max) if max >= min => g.autoscalers.push((at, target, min, max)),
        _ => g.skip(
            &at,
            format!("HorizontalPodAutoscaler {name}: no maxReplicas of at least minReplicas"),
        ),
    }
}

/// Gives each autoscaled workload its autoscaler's range: it is priced at
/// its minimum (what it always runs), and the note gives the maximum.
pub(crate) fn match_autoscalers(g: &mut Gathered) {
    let autoscalers = std::mem::take(&mut g.autoscalers);
    for (at, target, min, max) in autoscalers {
        let Some(f) = g
            .found
            .iter_mut()
            .find(|f| f.target.as_deref() == Some(target.as_str()))
        else {
            g.skip(
                &at,
                format!("HorizontalPodAutoscaler for {target}: that workload is not imported"),
            );
            continue;
        };
        f.count = Count::Fixed(min);
        f.range = Some((min, max));
        let name = f.name.clone();
        g.note(
            &at,
            format!("{name}: autoscaled from {min} to {max} pods; priced at {min}, the fewest it runs (set its tasks to {max} to price the ceiling)"),
        );
    }
}
