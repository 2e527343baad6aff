//! Compose files: each service under `services`, `deploy.replicas` copies
//! (`scale` in older files; `deploy.mode: global` is one per node) of the
//! size in `deploy.resources`.
//!
//! A task is sized by its `reservations`, the share the engine guarantees
//! (as a Kubernetes request is), and by its `limits` where no reservation
//! is given; the older `cpus`, `mem_reservation` and `mem_limit` keys are
//! read the same way. Compose byte units are binary: `512M` is 512 MiB.

use berth_core::{Arch, Os};

use crate::quantity::{compose_bytes, plain, GIB};
use crate::tree::Node;
use crate::{Count, Found, Gathered, Place};

/// Reads every service of one compose file.
pub(crate) fn read(doc: &Node, file: &str, g: &mut Gathered) {
    let services = doc.get("services").map(Node::entries).unwrap_or_default();
    let mut sized_by_limits = Vec::new();
    for (name, svc) in services {
        let at = Place {
            file: file.to_string(),
            line: svc.line,
        };
        let mut f = Found::new(name.clone(), at.clone());
        let deploy = svc.get("deploy");
        let res = |kind: &str, key: &str| deploy.and_then(|d| d.text_at(&["resources", kind, key]));
        let cpu = res("reservations", "cpus").map(|t| (t, false));
        let cpu = cpu.or_else(|| {
            res("limits", "cpus")
                .or_else(|| svc.text_at(&["cpus"]))
                .map(|t| (t, true))
        });
        let mem = res("reservations", "memory")
            .or_else(|| svc.text_at(&["mem_reservation"]))
            .map(|t| (t, false));
        let mem = mem.or_else(|| {
            res("limits", "memory")
                .or_else(|| svc.text_at(&["mem_limit"]))
                .map(|t| (t, true))
        });
        if cpu.as_ref().is_some_and(|c| c.1) || mem.as_ref().is_some_and(|m| m.1) {
            sized_by_limits.push(name.clone());
        }
        if let Some((t, _)) = &cpu {
            match plain(t) {
                Some(v) => f.vcpu = v,
                None => {
                    g.skip(&at, format!("service {name}: cpus \"{t}\" is not a number"));
                    continue;
                }
            }
        }
        if let Some((t, _)) = &mem {
            match compose_bytes(t) {
                Some(b) => f.memory_gib = b / GIB,
                None => {
                    g.skip(
                        &at,
                        format!("service {name}: memory \"{t}\" is not a byte value (512m, 1gb)"),
                    );
                    continue;
                }
            }
        }
        let mode = deploy.and_then(|d| d.text_at(&["mode"]));
        f.count = if mode.as_deref() == Some("global") {
            Count::PerNode
        } else {
            let replicas = deploy
                .and_then(|d| d.text_at(&["replicas"]))
                .or_else(|| svc.text_at(&["scale"]));
            Count::Fixed(replicas.and_then(|r| r.parse().ok()).unwrap_or(1))
        };
        let platform = svc.text_at(&["platform"]).unwrap_or_default();
        if platform.ends_with("/arm64") || platform.contains("/arm64/") {
            f.arch = Arch::Arm;
        }
        if platform.starts_with("windows") {
            f.os = Os::Windows;
        }
        let devices = deploy
            .and_then(|d| d.at(&["resources", "reservations", "devices"]))
            .map(Node::items)
            .unwrap_or_default();
        f.gpu = svc.get("gpus").is_some()
            || devices.iter().any(|d| {
                d.get("capabilities")
                    .map(Node::items)
                    .unwrap_or_default()
                    .iter()
                    .any(|c| c.text().as_deref() == Some("gpu"))
            });
        f.privileged = svc.text_at(&["privileged"]).as_deref() == Some("true");
        g.keep(f, "service");
    }
    if !services.is_empty() {
        let at = Place {
            file: file.to_string(),
            line: doc.line,
        };
        let text = if sized_by_limits.is_empty() {
            "compose: tasks sized by deploy.resources.reservations (the guaranteed share)"
                .to_string()
        } else {
            format!(
                "compose: tasks sized by reservations, or by limits where none is given ({})",
                sized_by_limits.join(", ")
            )
        };
        g.note(&at, text);
    }
}
